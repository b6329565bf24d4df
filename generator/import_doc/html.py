"""Vendor HTML to the text a person sees, with the standard library's HTML parser.

Block elements become paragraphs separated by blank lines, each table cell one paragraph
(the rendered layout ``text`` reads), list items bullets, ``<pre>`` kept verbatim; scripts,
styles and the head are dropped.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

_BLOCKS = {
    "p",
    "div",
    "section",
    "article",
    "main",
    "header",
    "footer",
    "table",
    "thead",
    "tbody",
    "tr",
    "td",
    "th",
    "ul",
    "ol",
    "li",
    "dl",
    "dt",
    "dd",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "blockquote",
    "caption",
    "figure",
    "br",
    "hr",
}
_SKIP = {"script", "style", "head", "noscript", "template", "svg"}


class _Reader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self.current: list[str] = []
        self.skip = 0
        self.pre = 0
        self.bullet = False

    def flush(self) -> None:
        text = re.sub(r"\s+", " ", "".join(self.current)).strip()
        if text:
            self.out.append(("\u2022 " if self.bullet else "") + text)
        self.current = []
        self.bullet = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP:
            self.skip += 1
        elif tag == "pre":
            self.flush()
            self.pre += 1
        elif tag in _BLOCKS:
            self.flush()
            self.bullet = tag == "li"

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP:
            self.skip = max(0, self.skip - 1)
        elif tag == "pre":
            self.out.append("".join(self.current).strip("\n"))
            self.current = []
            self.pre = max(0, self.pre - 1)
        elif tag in _BLOCKS:
            self.flush()

    def handle_data(self, data: str) -> None:
        if not self.skip:
            self.current.append(data)


def to_text(html: str) -> str:
    """The visible text of an HTML page, one paragraph per block."""
    reader = _Reader()
    reader.feed(html)
    reader.close()
    reader.flush()
    return "\n\n".join(reader.out) + "\n"


def normalized(text: str) -> str:
    """The text with layout (whitespace, line breaks) taken out: what a content hash hashes."""
    return " ".join(text.split())
