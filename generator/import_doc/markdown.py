"""Alibaba Cloud Markdown pages (pipe tables) to blocks, with markdown-it-py.

Alibaba's source puts multi-paragraph text and bullet lists inside table cells, which GFM
tables cannot hold: a row runs on over several lines until a line ends with ``|``. Such a
row is joined into one line first (its line breaks kept as ``<br>``), then parsed.
"""

from __future__ import annotations

import re

from markdown_it import MarkdownIt
from markdown_it.token import Token

from generator.import_doc.pages import Block

_BR = "\u2028"  # a cell's line break, kept through the inline parse


def _join_rows(text: str) -> str:
    out: list[str] = []
    lines = text.split("\n")
    index = 0
    while index < len(lines):
        line = lines[index]
        stripped = line.strip()
        if stripped.startswith("|") and stripped.count("|") >= 2 and not _closed(stripped):
            parts = [line.rstrip()]
            index += 1
            while index < len(lines):
                parts.append(lines[index].strip())
                if _closed(lines[index].strip()):
                    break
                index += 1
            out.append(_BR.join(parts))
        else:
            out.append(line)
        index += 1
    return "\n".join(_code_pipes(line) if line.lstrip().startswith("|") else line for line in out)


def _code_pipes(line: str) -> str:
    """A ``|`` inside a code span of a table row is text, not a cell border (SLS's query)."""
    out: list[str] = []
    in_code = False
    for index, char in enumerate(line):
        if char == "`":
            in_code = not in_code
        if char == "|" and in_code and (index == 0 or line[index - 1] != "\\"):
            out.append("\\|")
        else:
            out.append(char)
    return "".join(out) if not in_code else line  # an unclosed span: leave the row alone


def _closed(line: str) -> bool:
    return line.endswith("|") and not line.endswith("\\|")


def _inline(token: Token) -> str:
    parts: list[str] = []
    for child in token.children or []:
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak") or (
            child.type == "html_inline" and child.content.lower().startswith("<br")
        ):
            parts.append("\n")
    text = "".join(parts).replace(_BR, "\n")
    return "\n".join(line.strip() for line in text.split("\n")).strip()


def read(text: str) -> list[Block]:
    """The page's blocks in reading order."""
    md = MarkdownIt("commonmark").enable("table")
    tokens = md.parse(_join_rows(text))
    blocks: list[Block] = []
    depth = 0
    index = 0
    while index < len(tokens):
        token = tokens[index]
        line = (token.map[0] + 1) if token.map else 0
        if token.type == "bullet_list_open":
            depth += 1
        elif token.type == "bullet_list_close":
            depth -= 1
        elif token.type == "heading_open":
            blocks.append(
                Block("heading", _inline(tokens[index + 1]), int(token.tag[1:]), line=line)
            )
            index += 2
        elif token.type == "paragraph_open":
            blocks.append(Block("para", _inline(tokens[index + 1]), depth, line=line))
            index += 2
        elif token.type in ("fence", "code_block"):
            blocks.append(Block("code", token.content, depth, line=line))
        elif token.type == "table_open":
            header: list[str] = []
            rows: list[list[str]] = []
            current: list[str] = []
            while tokens[index].type != "table_close":
                inner = tokens[index]
                if inner.type == "tr_open":
                    current = []
                elif inner.type == "inline":
                    current.append(_inline(inner))
                elif inner.type == "tr_close":
                    if not header:
                        header = current
                    else:
                        rows.append(current)
                index += 1
            blocks.append(Block("table", header=header, rows=rows, line=line))
        index += 1
    return [_unescape(block) for block in blocks]


_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|])")


def _unescape(block: Block) -> Block:
    block.text = _ESCAPE.sub(r"\1", block.text) if block.kind != "code" else block.text
    block.header = [_ESCAPE.sub(r"\1", cell) for cell in block.header]
    block.rows = [[_ESCAPE.sub(r"\1", cell) for cell in row] for row in block.rows]
    return block
