"""Load YAML spec files keeping the line of every key and value, rejecting duplicate keys."""

from __future__ import annotations

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


class _Converter:
    def __init__(self, spec: SpecFile, loader: yaml.SafeLoader | yaml.CSafeLoader) -> None:
        self.spec = spec
        self.loader = loader
        self.issues: list[SpecIssue] = []

    def convert(self, node: yaml.Node, where: JsonPath) -> Any:
        self.spec.lines.setdefault(where, node.start_mark.line + 1)
        if isinstance(node, yaml.MappingNode):
            result: dict[str, Any] = {}
            for key_node, value_node in node.value:
                key = self.loader.construct_object(key_node)
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
                result[key] = self.convert(value_node, child)
            return result
        if isinstance(node, yaml.SequenceNode):
            return [self.convert(item, (*where, i)) for i, item in enumerate(node.value)]
        if node.tag == _TIMESTAMP_TAG:  # dates stay text: "2026-06-04", as written
            return node.value
        return self.loader.construct_object(node)


def load_spec_file(path: Path, root: Path) -> SpecFile:
    """Parse one YAML file; raise SpecError naming file and line on any syntax problem."""
    display = display_path(path, root)
    text = path.read_text(encoding="utf-8")
    try:
        return _parse(SpecFile(path=path, display=display, data=None), text, _Loader)
    except yaml.MarkedYAMLError:
        pass  # libyaml's messages are terser: let the pure-Python parser explain it
    try:
        return _parse(SpecFile(path=path, display=display, data=None), text, yaml.SafeLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 1
        raise SpecError([SpecIssue(display, line, "", f"invalid YAML: {exc.problem}")]) from None


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
