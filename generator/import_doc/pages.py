"""The format-neutral page model: what a reader makes of a page, before any spec is drafted.

A reader (``text``, ``markdown``, ``rst``) turns a page into a flat list of ``Block``s
(headings, paragraphs, tables, code). ``structure`` reads the blocks into a ``Page``.
"""

from __future__ import annotations

from dataclasses import dataclass, field


class PageError(Exception):
    """A page (or one of its sections) that import-doc cannot read; says which section."""

    def __init__(self, section: str, problem: str) -> None:
        super().__init__(f"{section}: {problem}")
        self.section = section
        self.problem = problem


@dataclass
class Block:
    """One piece of a page in reading order."""

    kind: str  # heading | para | table | code
    text: str = ""
    level: int = 0  # heading level; list nesting for paragraphs
    header: list[str] = field(default_factory=list)
    rows: list[list[str]] = field(default_factory=list)
    refs: list[list[list[str]]] = field(default_factory=list)  # per cell: anchors it links
    anchor: str = ""  # the anchor (RST label) right before this block
    line: int = 0


@dataclass
class Row:
    """A parameter or response element, as a table row documents it."""

    name: str
    type: str
    description: str
    required: bool | None = None
    example: str | None = None
    location: str | None = None  # query | header | path | host | body (from the table)
    parent: str | None = None  # "Parent nodes: X", or the row whose sub-table lists this one
    refs: list[str] = field(default_factory=list)  # anchors of sub-tables the row links
    marker: bool = False  # a row naming a structure only (no type, no description)
    line: int = 0


@dataclass
class SubTable:
    """A table of the fields of a named structure (GA "Table 4 ByoipPool", EVS anchors)."""

    title: str
    anchor: str
    rows: list[Row]


@dataclass
class ErrorRow:
    status: int | None
    code: str
    message: str
    description: str | None = None


@dataclass
class Example:
    title: str
    kind: str  # request | response | error
    format: str  # http | json | xml | text
    text: str
    headers: str | None = None
    status: int | None = None


@dataclass
class Page:
    """Everything import-doc reads from one doc page."""

    format: str  # text | markdown | rst
    title: str = ""
    summary: str = ""
    last_updated: str | None = None
    notes: list[str] = field(default_factory=list)
    limits: list[str] = field(default_factory=list)
    permissions: list[dict[str, str]] = field(default_factory=list)
    permissions_note: str | None = None
    method: str | None = None
    path: str | None = None
    host: str | None = None
    query_flags: list[str] = field(default_factory=list)  # `GET /?resourcePool`
    parameters: list[Row] = field(default_factory=list)
    response: list[Row] = field(default_factory=list)
    response_headers: list[Row] = field(default_factory=list)
    subtables: list[SubTable] = field(default_factory=list)
    status: int | None = None
    status_description: str | None = None
    errors: list[ErrorRow] = field(default_factory=list)
    errors_note: str | None = None
    examples: list[Example] = field(default_factory=list)
    unread: list[str] = field(default_factory=list)  # sections seen but not understood
