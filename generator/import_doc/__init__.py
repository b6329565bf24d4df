"""import-doc: a vendor doc page to a draft operation spec (see README, "Drafting a spec")."""

from __future__ import annotations

import re

from generator.import_doc import markdown, rst, text
from generator.import_doc.pages import Page, PageError
from generator.import_doc.structure import read_page

__all__ = ["Page", "PageError", "detect", "read"]


def detect(source: str) -> str:
    """The page's format: rst, markdown or text (rendered)."""
    if re.search(r"^\.\. _[\w-]+:|^={3,}\s*$|^\+[-=+]+\+\s*$", source, re.MULTILINE) and re.search(
        r"^\S.*\n[=\-~^]{3,}\s*$", source, re.MULTILINE
    ):
        return "rst"
    if re.search(r"^#{1,3} \S", source, re.MULTILINE) and re.search(
        r"^\s*\|[-: |]+\|\s*$", source, re.MULTILINE
    ):
        return "markdown"
    return "text"


def read(source: str) -> Page:
    """Read a page of any of the three formats; PageError names the section it cannot read."""
    fmt = detect(source)
    reader = {"rst": rst.read, "markdown": markdown.read, "text": text.read}[fmt]
    try:
        blocks = reader(source)
    except PageError:
        raise
    except Exception as error:  # a parser's own failure: name it, never a traceback
        raise PageError(f"{fmt} page", f"cannot be parsed: {error}") from error
    return read_page(blocks, fmt)
