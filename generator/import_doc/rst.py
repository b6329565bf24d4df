"""Open Telekom Cloud / Huawei reStructuredText pages to blocks, with docutils.

Sphinx's ``:ref:`` role and ``code-block`` directive are registered locally: a ``:ref:``
keeps its text and remembers the anchor it names, so that a row can find its sub-table.
"""

from __future__ import annotations

import re
from typing import Any

from docutils import nodes
from docutils.core import publish_doctree
from docutils.parsers.rst import directives, roles
from docutils.parsers.rst.directives.body import CodeBlock

from generator.import_doc.pages import Block

_REF = re.compile(r"^(?P<text>.*?)\s*<(?P<anchor>[^>]+)>$", re.DOTALL)


def _ref_role(
    name: str,
    rawtext: str,
    text: str,
    lineno: int,
    inliner: Any,
    options: dict[str, Any] | None = None,
    content: list[str] | None = None,
) -> tuple[list[nodes.Node], list[nodes.system_message]]:
    match = _REF.match(text)
    label, anchor = (match.group("text"), match.group("anchor")) if match else (text, text)
    node = nodes.reference(rawtext, label, refid=nodes.make_id(anchor))
    return [node], []


def _register() -> None:
    roles.register_local_role("ref", _ref_role)  # type: ignore[arg-type]
    directives.register_directive("code-block", CodeBlock)


def _cell_refs(node: nodes.Node) -> list[str]:
    return [str(ref["refid"]) for ref in node.findall(nodes.reference) if ref.get("refid")]


def _cell_text(entry: nodes.Node) -> str:
    parts: list[str] = []
    for child in entry.children:
        if isinstance(child, nodes.bullet_list):
            parts.extend("- " + item.astext().replace("\n", " ") for item in child.children)
        elif isinstance(child, nodes.Admonition):
            parts.append("Note: " + child.astext().replace("\n", " "))
        else:
            parts.append(child.astext().replace("\n", " "))
    return "\n".join(parts).strip()


def read(text: str) -> list[Block]:
    """The page's blocks in reading order."""
    _register()
    tree = publish_doctree(
        text,
        settings_overrides={
            "report_level": 5,
            "halt_level": 5,
            "file_insertion_enabled": False,
            "raw_enabled": False,
        },
    )
    blocks: list[Block] = []
    anchor = ""

    def walk(node: nodes.Node, depth: int) -> None:
        nonlocal anchor
        for child in node.children:
            line = child.line or 0
            if not isinstance(child, nodes.Element):
                continue
            if isinstance(child, nodes.target) and child.get("refid") is None:
                ids = child.get("ids") or child.get("names") or []
                if ids:
                    anchor = str(ids[0]).lower()
            if child.get("ids") and not isinstance(child, nodes.section):
                anchor = str(child["ids"][0]).lower()
            if isinstance(child, nodes.section):
                title = child.next_node(nodes.title)
                blocks.append(Block("heading", title.astext() if title else "", depth + 1))
                walk(child, depth + 1)
            elif isinstance(child, nodes.title):
                continue
            elif isinstance(child, nodes.paragraph):
                blocks.append(Block("para", child.astext(), depth, anchor=anchor, line=line))
            elif isinstance(child, nodes.literal_block):
                blocks.append(Block("code", child.astext() + "\n", depth, line=line))
            elif isinstance(child, nodes.table):
                header: list[str] = []
                rows: list[list[str]] = []
                refs: list[list[list[str]]] = []
                for row in child.findall(nodes.row):
                    cells = [_cell_text(entry) for entry in row.children]
                    if isinstance(row.parent, nodes.thead):
                        header = cells
                    else:
                        rows.append(cells)
                        refs.append([_cell_refs(entry) for entry in row.children])
                blocks.append(
                    Block("table", header=header, rows=rows, refs=refs, anchor=anchor, line=line)
                )
            elif isinstance(child, (nodes.bullet_list, nodes.list_item, nodes.block_quote)):
                walk(child, depth + (1 if isinstance(child, nodes.bullet_list) else 0))
            elif isinstance(child, nodes.Element):
                walk(child, depth)

    walk(tree, 0)
    return blocks
