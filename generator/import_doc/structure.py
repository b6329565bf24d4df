"""Blocks (from any reader) to the page model: sections by their titles, tables by columns."""

from __future__ import annotations

import re
from datetime import datetime

from generator.import_doc.pages import Block, ErrorRow, Example, Page, PageError, Row, SubTable

_MONTH_DATE = re.compile(r"Last Updated:\s*(\w{3} \d{1,2}, \d{4})")
_ISO_DATE = re.compile(r"Updated on (\d{4}-\d{2}-\d{2})")
_REQUEST_LINE = re.compile(r"^(GET|POST|PUT|DELETE|HEAD|PATCH) (\S+)")


def _col(header: list[str], *names: str) -> int | None:
    lowered = [cell.strip().lower() for cell in header]
    for name in names:
        for index, cell in enumerate(lowered):
            if cell == name or cell.startswith(name):
                return index
    return None


def _cell(row: list[str], index: int | None) -> str:
    return row[index].strip() if index is not None and index < len(row) else ""


def _flag(text: str) -> bool | None:
    lowered = text.strip().lower()
    if lowered in ("yes", "true"):
        return True
    if lowered in ("no", "false"):
        return False
    return None


def _rows(block: Block, location: str | None) -> list[Row]:
    header = block.header
    name_at = _col(header, "parameter", "name", "element")
    type_at = _col(header, "type")
    required_at = _col(header, "required", "mandatory")
    example_at = _col(header, "example")
    desc_at = _col(header, "description")
    if name_at is None:
        raise PageError(f"table at line {block.line}", f"no name column in {header}")
    rows: list[Row] = []
    for number, cells in enumerate(block.rows):
        name = _cell(cells, name_at)
        if not name:
            continue
        description = _cell(cells, desc_at)
        parent = None
        match = re.search(r"\n?Parent nodes:\s*(\S+)\s*$", description)
        if match:
            parent = match.group(1)
            description = description[: match.start()].strip()
        example = _cell(cells, example_at)
        type_ = _cell(cells, type_at)
        refs = [ref for cell in (block.refs[number] if block.refs else []) for ref in cell]
        rows.append(
            Row(
                name=name,
                type=type_,
                description=description,
                required=_flag(_cell(cells, required_at)) if required_at is not None else None,
                example=example if example and example not in ("N/A", "\u00a0") else None,
                location=location,
                parent=None if parent == "none" else parent,
                refs=refs,
                marker=not type_ and not description,
                line=block.line,
            )
        )
        if parent == "none":
            rows[-1].parent = ""
    return rows


def _date(blocks: list[Block]) -> str | None:
    for block in blocks[:12]:
        match = _MONTH_DATE.search(block.text)
        if match:
            return datetime.strptime(match.group(1), "%b %d, %Y").date().isoformat()
        match = _ISO_DATE.search(block.text)
        if match:
            return match.group(1)
    return None


def _location(context: str) -> str | None:
    lowered = context.lower()
    if "header" in lowered:
        return "header"
    if "query" in lowered:
        return "query"
    if "path" in lowered or "parameter description" in lowered or lowered == "uri":
        return "path"
    if "body" in lowered:
        return "body"
    return None


def _example_format(text: str) -> str:
    body = text.lstrip()
    if body.startswith(("{", "[")):
        return "json"
    if body.startswith("<"):
        return "xml"
    if _REQUEST_LINE.match(body) or body.startswith(("http", "&")):
        return "http"
    return "text"


def _split_headers(text: str) -> tuple[str | None, str, int | None]:
    lines = text.split("\n")
    if not lines[0].startswith("HTTP/"):
        return None, text, None
    status_match = re.match(r"HTTP/\S+ (\d{3})", lines[0])
    status = int(status_match.group(1)) if status_match else None
    for index, line in enumerate(lines[1:], 1):
        if not line.strip() or line.lstrip().startswith(("{", "<", "[")):
            body_at = index + (0 if line.strip() else 1)
            head = "\n".join(lines[:index]) + "\n"
            return head, "\n".join(lines[body_at:]), status
    return None, text, status


def read_page(blocks: list[Block], fmt: str) -> Page:
    """Read the blocks of one page into a Page; PageError names a section it cannot read."""
    page = Page(format=fmt)
    page.last_updated = _date(blocks)
    section = ""  # the current heading
    context = ""  # the last heading or short paragraph: what a table is about
    titles = [b for b in blocks if b.kind == "heading" and b.level == 1]
    if titles:
        page.title = titles[0].text
    pending_title = ""
    last_status: int | None = None
    for block in blocks:
        if block.kind == "heading":
            if block.level == 1 and block.text == page.title:
                continue
            section = block.text
            context = block.text
            status_line = re.match(r"Status code: (\d{3})", block.text)
            if status_line:
                last_status = int(status_line.group(1))
            pending_title = block.text
            continue
        lowered = section.lower()
        if block.kind == "para":
            text = block.text.strip()
            if (
                not page.title
                and not section
                and not page.summary
                and not text.startswith(("source:", "All Products", "Last Updated", "Updated on"))
                and len(text) < 80
                and not text.endswith(".")
            ):
                page.title = text
                continue
            if not page.summary and (
                (
                    not section
                    and text != page.title
                    and not text.startswith(
                        ("source:", "All Products", "Last Updated", "Updated on", ":original")
                    )
                )
                or lowered == "function"
            ):
                page.summary = text
                continue
            if lowered in ("notes",) and block.level or lowered == "usage notes":
                page.notes.append(text)
            elif lowered == "limits":
                page.limits.append(text)
            elif lowered.startswith("error codes") and text:
                page.errors_note = text
            elif lowered in ("status codes",) and text.isdigit():
                page.status = int(text)
            elif "authorization" in lowered and block.level == 0 and text:
                page.permissions_note = text
            match = _REQUEST_LINE.match(text)
            if match and lowered.startswith("uri") and page.method is None:
                page.method, page.path = match.group(1), match.group(2)
            if len(text) < 60:
                context = text
            pending_title = text if len(text) < 120 else pending_title
            continue
        if block.kind == "code":
            text = block.text
            if lowered.startswith(("request syntax", "uri")) and page.method is None:
                first = text.strip().split("\n")[0]
                match = _REQUEST_LINE.match(first)
                if match:
                    page.method = match.group(1)
                    target = match.group(2)
                    path, _, query = target.partition("?")
                    page.path = path
                    page.query_flags = [p for p in query.split("&") if p and "=" not in p]
                for line in text.split("\n"):
                    if line.lower().startswith("host:"):
                        page.host = line.split(":", 1)[1].strip()
                continue
            if not text.strip():
                continue
            if not text.strip().replace("&<Common request parameters>", "").strip():
                text = text.strip() + "\n"  # a sample request of placeholders only (EIP)
            headers, body, status = _split_headers(text.rstrip("\n") + "\n")
            kind = "request" if "request" in (pending_title + " " + lowered).lower() else "response"
            fmt_ = _example_format(body)
            if kind == "request" and fmt_ in ("json", "xml") and headers is None:
                fmt_ = "http" if _REQUEST_LINE.match(body) else fmt_
            if pending_title.lower() in ("xml", "json", "format") or pending_title.lower().endswith(
                "format"
            ):
                title = f"{section} ({pending_title})" if section else pending_title
            else:
                title = pending_title or section
            page.examples.append(
                Example(
                    title=title,
                    kind=kind,
                    format=fmt_,
                    text=body if body.endswith("\n") else body + "\n",
                    headers=headers,
                    status=status or (last_status if kind == "response" else None),
                )
            )
            continue
        # a table
        header = [cell.lower() for cell in block.header]
        about = f"{section} {context}".lower()
        if _col(block.header, "error code") is not None:
            page.errors.extend(_errors(block))
        elif header and header[0] == "action":
            for cells in block.rows:
                entry = {"action": cells[0].strip()}
                for key, cell in zip(block.header[1:], cells[1:], strict=False):
                    name = re.sub(r"\s*\(.*\)$", "", key).strip().lower().replace(" ", "_")
                    name = {"dependencies": "dependent_action"}.get(name, name)
                    entry[name] = cell.strip().lstrip("\u2022- ").strip()
                page.permissions.append(entry)
        elif header and header[0] == "status code":
            continue
        elif (
            "request" in about
            or lowered.startswith("uri")
            or (
                "parameter" in about
                and "response" not in about
                and page.response == []
                and not page.subtables
                and "field" not in about
            )
        ):
            page.parameters.extend(_rows(block, _location(context)))
        elif "response" in about and "header" in context.lower():
            page.response_headers.extend(_rows(block, "header"))
        elif (
            re.match(r"^table \d+ ", context.lower())
            and page.response
            and not re.search(r"response", context.lower())
        ):
            title = re.sub(r"^table \d+ ", "", context, flags=re.IGNORECASE)
            page.subtables.append(SubTable(title, block.anchor, _rows(block, None)))
        elif block.anchor and ("field" in context.lower()) and page.response:
            page.subtables.append(SubTable(context, block.anchor, _rows(block, None)))
        elif "response" in about or "parameters" in about:
            page.response.extend(_rows(block, None))
            if last_status:
                page.status = last_status
        else:
            page.unread.append(f"table at line {block.line} ({context or section})")
    if not (page.parameters or page.response or page.response_headers):
        raise PageError(
            "Request parameters / Response elements", "no parameter or response table found"
        )
    if not page.title:
        action = [row for row in page.parameters if row.name == "Action" and row.example]
        page.title = action[0].example if action and action[0].example else ""
    if not page.title:
        raise PageError("title", "the page names no operation (no heading, no title line)")
    return page


def _errors(block: Block) -> list[ErrorRow]:
    status_at = _col(block.header, "http", "status")
    code_at = _col(block.header, "error code")
    message_at = _col(block.header, "error message")
    desc_at = _col(block.header, "description")
    out: list[ErrorRow] = []
    for cells in block.rows:
        status_text = _cell(cells, status_at)
        message = _cell(cells, message_at)
        description = _cell(cells, desc_at) or None
        if description is None and message:
            half = len(message) // 2
            if message[:half].strip() == message[half:].strip() and half:
                message = description = message[:half].strip()
        out.append(
            ErrorRow(
                status=int(status_text) if status_text.isdigit() else None,
                code=_cell(cells, code_at),
                message=message.replace("\n", " "),
                description=description.replace("\n", " ") if description else None,
            )
        )
    return out
