"""Load YAML spec files keeping the line of every key and value, rejecting duplicate keys."""

from __future__ import annotations

import errno
import math
import os
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from generator.errors import SpecError, SpecIssue, display_path

JsonPath = tuple[str | int, ...]

_TIMESTAMP_TAG = "tag:yaml.org,2002:timestamp"
# libyaml's parser when PyYAML was built with it (about 10x faster); nodes keep their marks.
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass
class SpecFile:
    """One parsed spec file: plain data plus the line (1-based) of each path within it."""

    path: Path
    display: str
    data: Any
    lines: dict[JsonPath, int] = field(default_factory=dict)

    def line_of(self, where: JsonPath) -> int:
        """Line of ``where``, or of its nearest ancestor that has one."""
        while where not in self.lines and where:
            where = where[:-1]
        return self.lines.get(where, 1)

    def issue(self, where: JsonPath, message: str) -> SpecIssue:
        return SpecIssue(self.display, self.line_of(where), format_path(where), message)


def format_path(where: JsonPath) -> str:
    """``("parameters", 2, "type")`` -> ``parameters[2].type``."""
    text = ""
    for part in where:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else part)
    return text


# Limits no spec comes near, so that no file can make the generator hang or overflow the stack.
MAX_BYTES = 4 * 1024 * 1024
MAX_DEPTH = 64  # nested mappings and lists
MAX_ALIASES = 100  # uses of an anchored node (&a ... *a): a billion laughs needs millions
_COLLECTION_TAGS = {"tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"}
_SCALAR_TAGS = {
    f"tag:yaml.org,2002:{name}" for name in ("str", "int", "float", "bool", "null", "timestamp")
}


class _Converter:
    def __init__(self, spec: SpecFile, loader: yaml.SafeLoader | yaml.CSafeLoader) -> None:
        self.spec = spec
        self.loader = loader
        self.issues: list[SpecIssue] = []
        self.seen: set[int] = set()
        self.inside: set[int] = set()  # the collections being converted: a node's ancestors
        self.aliases = 0

    def refuse(self, node: yaml.Node, where: JsonPath, message: str) -> SpecError:
        line = node.start_mark.line + 1
        return SpecError([SpecIssue(self.spec.display, line, format_path(where), message)])

    def convert(self, node: yaml.Node, where: JsonPath, depth: int = 0) -> Any:
        if id(node) in self.inside:
            raise self.refuse(node, where, "a YAML alias inside the node it names")
        if id(node) in self.seen:  # an alias: the same node again
            self.aliases += 1
            if self.aliases > MAX_ALIASES:
                raise self.refuse(node, where, f"more than {MAX_ALIASES} uses of YAML aliases")
        self.seen.add(id(node))
        if depth > MAX_DEPTH:
            raise self.refuse(node, where, f"nested deeper than {MAX_DEPTH} levels")
        self.spec.lines.setdefault(where, node.start_mark.line + 1)
        if isinstance(node, yaml.ScalarNode):
            return self.scalar(node, where)
        if node.tag not in _COLLECTION_TAGS:
            raise self.refuse(node, where, f"YAML tag {node.tag!r} is not allowed in a spec")
        self.inside.add(id(node))
        try:
            return self.collection(node, where, depth)
        finally:
            self.inside.discard(id(node))

    def collection(self, node: yaml.Node, where: JsonPath, depth: int) -> Any:
        if isinstance(node, yaml.MappingNode):
            result: dict[str, Any] = {}
            for key_node, value_node in node.value:
                if not isinstance(key_node, yaml.ScalarNode):
                    raise self.refuse(key_node, where, "a key must be text, not a list or mapping")
                key = self.scalar(key_node, where)
                if not isinstance(key, str):
                    key = str(key)
                child = (*where, key)
                if key in result:
                    line = key_node.start_mark.line + 1
                    self.issues.append(
                        SpecIssue(self.spec.display, line, format_path(child), "duplicate key")
                    )
                    continue
                self.spec.lines[child] = key_node.start_mark.line + 1
                result[key] = self.convert(value_node, child, depth + 1)
            return result
        return [self.convert(item, (*where, i), depth + 1) for i, item in enumerate(node.value)]

    def scalar(self, node: yaml.Node, where: JsonPath) -> Any:
        """A plain value: text, a number, true/false or null; dates stay text, as written."""
        if node.tag == _TIMESTAMP_TAG:
            value: Any = node.value
        elif node.tag not in _SCALAR_TAGS:
            raise self.refuse(node, where, f"YAML tag {node.tag!r} is not allowed in a spec")
        else:
            try:
                value = self.loader.construct_object(node)
            except (ValueError, KeyError, TypeError, yaml.YAMLError):
                kind = node.tag.rpartition(":")[2]
                raise self.refuse(node, where, f"{_shown(node.value)} is no {kind}") from None
        if isinstance(value, float) and not math.isfinite(value):
            raise self.refuse(node, where, f"{_shown(node.value)}: expected a finite number")
        if isinstance(value, str) and any(c == "\0" or "\ud800" <= c <= "\udfff" for c in value):
            raise self.refuse(node, where, "text holds a NUL or a lone surrogate")
        return value


def _shown(text: str) -> str:
    """``text`` quoted for a message, shortened if long."""
    return repr(text if len(text) <= 40 else text[:37] + "...")


def load_spec_file(path: Path, root: Path) -> SpecFile:
    """Parse one YAML file; raise SpecError naming file and line on any problem with it."""
    display = display_path(path, root)
    text = _decode(_read(path, display), display)
    try:
        return _parse(SpecFile(path=path, display=display, data=None), text, _Loader)
    except (yaml.YAMLError, RecursionError):
        pass  # libyaml's messages are terser: let the pure-Python parser explain it
    try:
        return _parse(SpecFile(path=path, display=display, data=None), text, yaml.SafeLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 1
        raise SpecError([SpecIssue(display, line, "", f"invalid YAML: {exc.problem}")]) from None
    except yaml.reader.ReaderError as exc:  # a character YAML does not allow (NUL, ...)
        line = text[: exc.position].count("\n") + 1
        code = ord(exc.character) if isinstance(exc.character, str) else exc.character
        message = f"invalid YAML: character U+{code:04X} is not allowed"
        raise SpecError([SpecIssue(display, line, "", message)]) from None
    except RecursionError:
        message = f"invalid YAML: nested deeper than {MAX_DEPTH} levels"
        raise SpecError([SpecIssue(display, 1, "", message)]) from None


def _read(path: Path, display: str) -> bytes:
    """The bytes of a regular file (never waiting on a FIFO or a device); an OSError is a
    one-line issue naming the file."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError as error:
        reason = "no such file (a dangling symlink?)" if error.errno == errno.ENOENT else None
        raise SpecError(
            [SpecIssue(display, 1, "", f"cannot read: {reason or error.strerror}")]
        ) from None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise SpecError([SpecIssue(display, 1, "", "not a regular file")])
        if info.st_size > MAX_BYTES:
            message = f"{info.st_size} bytes: a spec file is at most {MAX_BYTES}"
            raise SpecError([SpecIssue(display, 1, "", message)])
        with os.fdopen(os.dup(fd), "rb") as handle:
            return handle.read(MAX_BYTES + 1)
    except OSError as error:
        raise SpecError([SpecIssue(display, 1, "", f"cannot read: {error.strerror}")]) from None
    finally:
        os.close(fd)


def _decode(data: bytes, display: str) -> str:
    """``data`` as UTF-8, or an issue at the line of the first byte that is not."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        message = f"not UTF-8: byte 0x{data[error.start]:02x} ({error.reason})"
        raise SpecError([SpecIssue(display, line, "", message)]) from None


def _parse(
    spec: SpecFile, text: str, loader_class: type[yaml.SafeLoader] | type[yaml.CSafeLoader]
) -> SpecFile:
    loader = loader_class(text)
    try:
        node = loader.get_single_node()
        if node is None:
            raise SpecError([SpecIssue(spec.display, 1, "", "file is empty")])
        converter = _Converter(spec, loader)
        spec.data = converter.convert(node, ())
    finally:
        loader.dispose()
    if converter.issues:
        raise SpecError(converter.issues)
    return spec
