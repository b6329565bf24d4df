"""Rendered doc pages (text copied from a browser) to blocks.

Two layouts occur: one cell per paragraph (blank lines between cells; the column titles
first, as paragraphs of their own), and rows written as ``a | b | c |`` under a ``---|---|``
line, a row's last cell on lines of its own. Headings are the section titles pages use.
"""

from __future__ import annotations

import re

from generator.import_doc.pages import Block

_HEADINGS = re.compile(
    r"^(Request (parameters|elements|syntax|headers|Parameters|Syntax|Headers)|"
    r"Response (parameters|elements|headers|Parameters|Elements|Headers)|"
    r"Examples?|Example (Requests|Responses)|Error [Cc]odes|Status Codes|Status code: \d{3}|"
    r"RAM authorization|Authorization Information|URI|Function|Calling Method|Notes|"
    r"Usage notes|Limits|Debugging|Try it now|SDK|Release notes|Sample requests|"
    r"Sample success responses|Success response|Request example|Table \d+ .+|ossutil|"
    r"Description)$"
)
_COLUMNS = {
    "parameter",
    "type",
    "required",
    "description",
    "example",
    "example value",
    "name",
    "element",
    "mandatory",
    "action",
    "access level",
    "resource type",
    "resource type (*: required)",
    "condition key",
    "dependent action",
    "dependencies",
    "alias",
    "http status code",
    "error code",
    "error message",
    "status code",
    "api",
}
_TYPE = re.compile(
    r"^(string|integer|int|long|boolean|bool|float|double|number|object|date|list|"
    r"container|array(<\w+>)?|array of .+|.+ objects?|map<.+>|timestamp)$",
    re.IGNORECASE,
)
_NAME = re.compile(r"^[A-Za-z_$][\w.:$-]*$")
_YESNO = re.compile(r"^(yes|no|true|false)$", re.IGNORECASE)
_CODE_START = re.compile(
    r"^(\{|\[|<\?xml|<[A-Za-z]|(GET|POST|PUT|DELETE|HEAD|PATCH) \S|HTTP/\d|https?://|http\(s\)://)"
)


def _paragraphs(text: str) -> list[tuple[int, str, int]]:
    """(line number, text, indent) of each blank-line separated chunk."""
    out: list[tuple[int, str, int]] = []
    current: list[str] = []
    start = 0
    for number, line in enumerate(text.split("\n"), 1):
        if line.strip().startswith("\u2022") and current:  # a bullet starts a new chunk
            out.append(_chunk(start, current))
            current = []
        if line.strip():
            if not current:
                start = number
            current.append(line)
        elif current:
            out.append(_chunk(start, current))
            current = []
    if current:
        out.append(_chunk(start, current))
    return out


def _chunk(start: int, lines: list[str]) -> tuple[int, str, int]:
    indent = min(len(line) - len(line.lstrip()) for line in lines)
    return start, "\n".join(line[indent:].rstrip() for line in lines), indent


def _is_code(text: str) -> bool:
    return bool(_CODE_START.match(text.strip()))


def read(text: str) -> list[Block]:
    """The page's blocks in reading order."""
    if re.search(r"^[^\n|]+\|[^\n]*\|\n-{2,}\|", text, re.MULTILINE):
        return _read_pipes(text)
    return _read_cells(text)


def _bullet(text: str) -> tuple[str, int]:
    stripped = text.lstrip("\u2022 ").strip()
    return stripped, (1 if text.startswith("\u2022") else 0)


def _read_cells(text: str) -> list[Block]:
    paras = _paragraphs(text)
    blocks: list[Block] = []
    index = 0
    while index < len(paras):
        line, body, indent = paras[index]
        first = body.split("\n", 1)[0].strip()
        if _is_code(body) or (
            body.startswith("\u2022") and "\n" in body and _is_code(body.split("\n", 1)[1])
        ):
            if body.startswith("\u2022"):
                title, body = body.split("\n", 1)
                blocks.append(Block("para", title.lstrip("\u2022 ").strip(), 1, line=line))
                body = _dedent(body)
            code = [body]
            # a code block goes on across blank lines while its brackets are open
            while not _balanced("\n".join(code)) and index + 1 < len(paras):
                index += 1
                code.append(paras[index][1])
            joined = "\n".join(code) + "\n"
            if (
                blocks
                and blocks[-1].kind == "code"
                and blocks[-1].text.startswith("HTTP/")
                and (not re.search(r"^[{<\[]", blocks[-1].text, re.MULTILINE))
            ):
                blocks[-1].text += "\n" + joined  # a status line and headers, then the body
            else:
                blocks.append(Block("code", joined, line=line))
        elif _HEADINGS.match(first) and "\n" not in body:
            blocks.append(Block("heading", first, 2, line=line))
        elif (
            body.lower() in _COLUMNS
            and index + 1 < len(paras)
            and (paras[index + 1][1].lower() in _COLUMNS)
        ):
            header: list[str] = []
            while index < len(paras) and paras[index][1].lower() in _COLUMNS:
                header.append(paras[index][1])
                index += 1
            cells: list[tuple[str, int]] = []
            while index < len(paras):
                cell = paras[index][1]
                head = cell.split("\n", 1)[0].strip()
                if (_HEADINGS.match(head) and "\n" not in cell) or _is_code(cell):
                    break
                cells.append((cell, paras[index][2]))
                index += 1
            blocks.append(_cells_table(header, cells, line))
            continue
        else:
            para, level = _bullet(body)
            blocks.append(Block("para", para, level + (1 if indent else 0), line=line))
        index += 1
    return blocks


def _dedent(text: str) -> str:
    lines = text.split("\n")
    indent = min((len(x) - len(x.lstrip()) for x in lines if x.strip()), default=0)
    return "\n".join(x[indent:] for x in lines)


def _balanced(text: str) -> bool:
    body = text.strip()
    if body.startswith(("{", "[")) or "\n{" in body or "\n[" in body:
        return body.count("{") <= body.count("}") and body.count("[") <= body.count("]")
    match = re.search(r"^<([A-Za-z][\w:-]*)", body, re.MULTILINE)
    if match and not body.startswith("GET"):
        return f"</{match.group(1)}>" in body
    return True


def _kind(column: str) -> str:
    column = column.lower()
    if column in ("type",):
        return "type"
    if column in ("required", "mandatory"):
        return "flag"
    if column.startswith("example"):
        return "example"
    if column == "description":
        return "description"
    return "other"


def _cells_table(header: list[str], cells: list[tuple[str, int]], line: int) -> Block:
    kinds = [_kind(column) for column in header]
    if "error code" in [column.lower() for column in header]:
        errors = [
            row.split(" ", 2) + [""] * (3 - len(row.split(" ", 2)))
            for cell, _ in cells
            for row in cell.split("\n")
            if re.match(r"^\d{3} ", row)
        ]
        return Block("table", header=header, rows=errors, line=line)
    if "description" not in kinds or kinds[0] != "other":
        plain_rows = [
            [cell for cell, _ in cells[start : start + len(header)]]
            for start in range(0, len(cells), len(header))
        ]
        return Block("table", header=header, rows=plain_rows, line=line)
    desc = kinds.index("description")
    fixed = kinds[:desc]
    texts = [cell for cell, _ in cells]

    def starts(at: int) -> bool:
        if at + len(fixed) > len(texts) or not _NAME.match(texts[at]):
            return False
        for offset, kind in enumerate(fixed[1:], 1):
            value = texts[at + offset]
            if (kind == "type" and not _TYPE.match(value)) or (
                kind == "flag" and not _YESNO.match(value)
            ):
                return False
            if "\n" in value:
                return False
        return True

    rows: list[list[str]] = []
    at = 0
    while at < len(texts):
        if not starts(at):
            at += 1  # a cell before the first row (ENS "object" / "Schema of Response")
            continue
        end = at + len(fixed)
        while end < len(texts) and not starts(end):
            end += 1
        rest = [
            (cell, indent)
            for cell, indent in cells[at + len(fixed) : end]
            if cell != "object"  # ENS marks a nested object with a lone "object" cell
        ]
        after = kinds[desc + 1 :]
        tail: list[str] = []
        plain = [cell for cell, indent in rest if not cell.startswith("\u2022") and not indent]
        if after and len(plain) >= 2:
            tail = [plain[-1]]
            rest = (
                rest[: len(rest) - 1 - rest[::-1].index((plain[-1], 0))]
                + rest[len(rest) - rest[::-1].index((plain[-1], 0)) :]
            )
        description = "\n".join(
            ("- " + _bullet(cell)[0]) if cell.startswith("\u2022") else cell for cell, _ in rest
        )
        row = texts[at : at + len(fixed)] + [description] + tail
        rows.append(row + [""] * (len(header) - len(row)))
        at = end
    return Block("table", header=header, rows=rows, line=line)


def _read_pipes(text: str) -> list[Block]:
    lines = text.split("\n")
    blocks: list[Block] = []
    index = 0
    while index < len(lines):
        line = lines[index].strip()
        number = index + 1
        if (
            line.endswith("|")
            and index + 1 < len(lines)
            and re.match(r"^(-{2,}\|)+$", lines[index + 1].strip())
        ):
            header = [cell.strip() for cell in line.rstrip("|").split("|")]
            desc = header.index("Description") if "Description" in header else len(header) - 1
            rows: list[list[str]] = []
            index += 2
            while index < len(lines) and lines[index].strip().endswith("|"):
                first = lines[index].strip()
                if first == "|":
                    index += 1
                    continue
                cells = [cell.strip() for cell in first.rstrip("|").split("|")]
                index += 1
                description: list[str] = []
                while index < len(lines) and len(cells) <= desc:
                    part = lines[index].strip()
                    index += 1
                    description.append(part.rstrip("|").strip())
                    if part.endswith("|"):
                        break
                fixed = cells[:desc] + [""] * (desc - len(cells[:desc]))
                rows.append(fixed + ["\n".join(description)] + cells[desc + 1 :])
            blocks.append(Block("table", header=header, rows=rows, line=number))
            continue
        if not line:
            index += 1
            continue
        if _is_code(line):
            code = [lines[index]]
            index += 1
            while (
                index < len(lines)
                and lines[index].strip()
                and not (
                    _HEADINGS.match(lines[index].strip()) or lines[index].strip() in ("XML", "JSON")
                )
            ):
                code.append(lines[index])
                index += 1
                if _balanced("\n".join(code)) and code[0].lstrip().startswith(("{", "<")):
                    break
            blocks.append(Block("code", "\n".join(code) + "\n", line=number))
            continue
        if _HEADINGS.match(line):
            blocks.append(Block("heading", line, 2, line=number))
        else:
            blocks.append(Block("para", line, 0, line=number))
        index += 1
    return blocks
