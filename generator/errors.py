"""Errors the generator reports to the person editing specs."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


def display_path(path: Path, root: Path) -> str:
    """How messages and the model name a file of the spec tree ``root``: ``specs/...``."""
    return (
        path.relative_to(root.parent).as_posix() if path.is_relative_to(root.parent) else str(path)
    )


@dataclass(frozen=True, order=True)
class SpecIssue:
    """One problem in one spec file, reported as ``file:line: where: what``."""

    file: str
    line: int
    where: str
    message: str

    def __str__(self) -> str:
        """One line, whatever the spec holds: unprintable characters (a key ``"\\r"``, a
        line separator) are shown escaped."""
        where = f"{self.where}: " if self.where else ""
        return _printable(f"{self.file}:{self.line}: {where}{self.message}")


def _printable(text: str) -> str:
    if text.isprintable():
        return text
    return "".join(c if c.isprintable() else c.encode("unicode_escape").decode() for c in text)


class SpecError(Exception):
    """The specs are invalid; carries every issue found, not just the first."""

    def __init__(self, issues: list[SpecIssue]) -> None:
        self.issues = sorted(issues)
        super().__init__("\n".join(str(issue) for issue in self.issues))

    def __reduce__(self) -> tuple[type[SpecError], tuple[list[SpecIssue]]]:
        """Pickled as its issues (a build pool's process returns it)."""
        return (SpecError, (self.issues,))


class GeneratorBug(Exception):
    """Valid specs produced invalid output: a bug in the generator, not in the specs."""


class DiffInputError(Exception):
    """A side of a comparison cannot be read (bad revision, bad path, invalid specs, an
    unreadable snapshot)."""
