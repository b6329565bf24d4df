"""Rendered Python laid out the way black writes it, before black runs.

``black.format_str`` formats a second time whenever its first pass changed the text (to
settle trailing commas), so source that already is black's output costs one pass instead of
two: about half of the generator's formatting time. :func:`black_layout` applies the few
rules the templates and datamodel-code-generator need. black still formats every file and
stays the authority; when a rule misses, black fixes it at the cost of the second pass
(``tests/generator/test_layout.py`` checks that black leaves the rendered seed tree as is).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

LINE_LENGTH = 100
_OPENING = {"(": ")", "[": "]", "{": "}"}
_IMPORT = re.compile(r"(\s*from \S+ import )([^(]+)$")
_ANNOTATED = re.compile(r"\s*\w+: [^=]+ = ")  # a model field: black splits the value


def black_layout(source: str) -> str:
    """``source`` with black's empty line after a class docstring, double-quoted simple
    strings, and every code line longer than :data:`LINE_LENGTH` split at its first bracket
    as black splits it: arguments and parameters on one indented line if they fit there,
    else (and always for imports and literals) one item per line with a trailing comma."""
    out: list[str] = []
    in_docstring = False
    class_docstring = False  # the docstring being read (or just read) opens a class body
    after_class_docstring = False
    previous_code = ""
    for line in source.split("\n"):
        quotes = line.count('"""')
        if in_docstring:
            out.append(line)
            if quotes % 2:
                in_docstring = False
                after_class_docstring = class_docstring
            continue
        if after_class_docstring and line.strip():
            out.append("")
        after_class_docstring = False
        if quotes:
            class_docstring = previous_code.startswith("class ")
            in_docstring = quotes % 2 == 1
            after_class_docstring = class_docstring and not in_docstring
        else:
            line = _double_quoted(line)
            if len(line) > LINE_LENGTH:
                line = _split(line)
        out.append(line)
        if line.strip():
            previous_code = line.strip()
    return "\n".join(out).rstrip("\n") + "\n"  # black: one newline at the end


def _double_quoted(line: str) -> str:
    """Single-quoted strings without quotes or backslashes inside -> double-quoted."""
    if "'" not in line:
        return line
    pieces: list[str] = []
    i = 0
    while i < len(line):
        char = line[i]
        if char == "#":
            pieces.append(line[i:])
            break
        if char in "'\"":
            end = _string_end(line, i)
            literal = line[i:end]
            body = literal[1:-1]
            prefixed = i > 0 and (line[i - 1].isalnum() or line[i - 1] == "_")
            if char == "'" and not prefixed and not any(c in body for c in "'\"\\"):
                literal = f'"{body}"'
            pieces.append(literal)
            i = end
            continue
        pieces.append(char)
        i += 1
    return "".join(pieces)


def _string_end(line: str, start: int) -> int:
    """Index just past the one-line string literal starting at ``start``."""
    quote = line[start]
    i = start + 1
    while i < len(line):
        if line[i] == "\\":
            i += 2
            continue
        if line[i] == quote:
            return i + 1
        i += 1
    return len(line)


def _split(line: str) -> str:
    """A too-long line split at its first bracket, recursively for items still too long."""
    indent = len(line) - len(line.lstrip())
    imported = _IMPORT.match(line)
    if imported:  # from m import a, b  ->  from m import (a, b)
        line = f"{imported.group(1)}({imported.group(2).strip()})"
    annotated = _ANNOTATED.match(line)
    start = annotated.end() if annotated else 0
    span = _first_bracket(line[start:])
    if span is None:
        return line
    open_at, close_at = span[0] + start, span[1] + start
    items = _split_items(line[open_at + 1 : close_at])
    if not items:
        return line
    inner = " " * (indent + 4)
    body = []
    for item in items:
        item_line = f"{inner}{item},"
        body.append(_split(item_line) if len(item_line) > LINE_LENGTH else item_line)
    head, tail = line[: open_at + 1], line[close_at:]
    hugged = " " * (indent + 4) + ", ".join(items)
    if _is_call(head) and len(hugged) <= LINE_LENGTH:  # black keeps arguments together
        return "\n".join([head, hugged, " " * indent + tail])
    return "\n".join([head, *body, " " * indent + tail])


def _is_call(head: str) -> bool:
    """Whether ``head`` (up to an opening bracket) opens a call's arguments or a ``def``'s
    parameters, which black puts on one indented line when they fit; imports and literals
    it splits one item per line."""
    stripped = head.lstrip()
    before = head[:-1].rstrip()
    return (
        head.endswith("(")
        and bool(before)
        and (before[-1].isalnum() or before[-1] in "_)]")
        and not stripped.startswith(("class ", "from ", "import "))
    )


def _first_bracket(line: str) -> tuple[int, int] | None:
    """(opening index, matching closing index) of the first bracket outside strings."""
    opened = None
    for i, char, depth in _code(line):
        if depth == 0 and char in _OPENING and opened is None:
            opened = i
        elif depth == 0 and char in ")]}" and opened is not None:
            return opened, i
    return None


def _split_items(text: str) -> list[str]:
    """Top-level comma-separated items of a bracket's contents (an empty last one dropped)."""
    items: list[str] = []
    start = 0
    for i, char, depth in _code(text):
        if char == "," and depth == 0:
            items.append(text[start:i].strip())
            start = i + 1
    last = text[start:].strip()
    if last:
        items.append(last)
    return items


def _code(text: str) -> Iterator[tuple[int, str, int]]:
    """(index, character, bracket depth) of each character outside string literals; a
    bracket is reported at the depth outside it."""
    depth = 0
    i = 0
    while i < len(text):
        char = text[i]
        if char in "'\"":
            i = _string_end(text, i)
            continue
        if char in ")]}":
            depth -= 1
        yield i, char, depth
        if char in _OPENING:
            depth += 1
        i += 1
