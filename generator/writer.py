"""Write the generated tree: atomically per file, only what changed, stale files removed."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Collection
from dataclasses import dataclass, field
from pathlib import Path

from generator.tree import relative_files


@dataclass
class TreeDiff:
    """How ``generated/`` on disk differs from what the specs produce."""

    changed: list[str] = field(default_factory=list)  # new or different content
    removed: list[str] = field(default_factory=list)  # on disk, no longer produced
    unchanged: list[str] = field(default_factory=list)

    @property
    def stale(self) -> list[str]:
        return sorted(self.changed + self.removed)


def compare_tree(
    out: Path,
    files: dict[str, bytes],
    known: Collection[str] = frozenset(),
    ignore: Collection[str] = frozenset(),
) -> TreeDiff:
    """How ``out`` differs from ``files``; ``known``: names whose content was just read from
    ``out`` (not read again); ``ignore``: files of ``out`` that are not output (the cache)."""
    diff = TreeDiff()
    for name, content in files.items():
        path = out / name
        if name in known or (path.is_file() and path.read_bytes() == content):
            diff.unchanged.append(name)
        else:
            diff.changed.append(name)
    diff.removed = sorted(set(relative_files(out)) - set(files) - set(ignore))
    return diff


def write_file(path: Path, content: bytes) -> None:
    """Replace ``path`` atomically: readers see the old bytes or the new, never a mix."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(content)
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_tree(out: Path, files: dict[str, bytes], diff: TreeDiff) -> None:
    """Apply ``diff``: each changed file replaced atomically, removed files deleted."""
    for name in diff.changed:
        write_file(out / name, files[name])
    for name in diff.removed:
        (out / name).unlink()
    for directory in sorted({p.parent for p in (out / n for n in diff.removed)}, reverse=True):
        while directory != out and directory.is_dir() and not any(directory.iterdir()):
            directory.rmdir()
            directory = directory.parent
