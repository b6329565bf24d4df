"""Write the generated tree: replaced whole, crash-safely, by one run at a time.

The new tree is built beside the output (``.<out>.new``: unchanged files hard-linked from
the current tree, the others written), then swapped in by one atomic exchange of the two
folders (Linux's ``renameat2``; elsewhere two renames). The commit point is the journal,
``.<out>.journal``, renamed in once the new tree is complete and naming it: a run killed
before it leaves the output as it was (the next run deletes the half-built tree), one killed
after it leaves a swap that the next run finishes first, whatever it then does. So after a
kill at any point the output is the old tree or the new one (with two renames, for the
instant between them, the old one is under ``.<out>.old`` and the journal brings the new
one in), and a rerun writes exactly what an uninterrupted run writes. A lock on the output's
parent folder keeps a second run from interleaving.
"""

from __future__ import annotations

import errno
import os
import shutil
import tempfile
import time
from collections.abc import Collection, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from generator.hashes import FileHashes
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
    digests: Mapping[str, str],
    kept: Collection[str] = frozenset(),
    ignore: Collection[str] = frozenset(),
    hashes: FileHashes | None = None,
) -> TreeDiff:
    """How ``out`` differs from the files of these SHA-256 ``digests`` and the ``kept``
    ones (files of ``out`` known to be as they should); ``ignore``: files of ``out`` that
    are not output (the cache); ``hashes``: what is known of the hashes of ``out``'s files
    (each file is read that it does not vouch for)."""
    known = hashes or FileHashes(out)
    diff = TreeDiff(unchanged=[name for name in kept if name not in digests])
    for name, digest in digests.items():
        (diff.unchanged if known.matches(name, digest) else diff.changed).append(name)
    diff.unchanged.sort()
    produced = set(digests).union(kept)
    diff.removed = sorted(set(relative_files(out)) - produced - set(ignore))
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
    except OSError as error:
        Path(tmp).unlink(missing_ok=True)
        raise OSError(error.errno, error.strerror, str(path)) from None
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


class LockHeld(Exception):
    """Another run is writing the same output."""


@contextmanager
def locked(out: Path) -> Iterator[None]:
    """Hold the lock of ``out`` (an exclusive ``flock`` of its parent folder, released when
    the process ends, however it ends); raise LockHeld at once if another run holds it.
    Where there is no ``flock`` (Windows), runs are not locked."""
    out.parent.mkdir(parents=True, exist_ok=True)
    try:
        import fcntl
    except ImportError:
        yield
        return
    fd = os.open(out.parent, os.O_RDONLY)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise LockHeld(f"another generate is writing {out} (its folder is locked)") from None
        yield
    finally:
        os.close(fd)


def _beside(out: Path, role: str) -> Path:
    return out.with_name(f".{out.name}.{role}")


def recover(out: Path) -> None:
    """Finish the swap an interrupted run committed (its journal exists), then delete what
    any run left beside ``out``. Call with the lock held."""
    staging, old, journal = _beside(out, "new"), _beside(out, "old"), _beside(out, "journal")
    if journal.exists():
        try:
            new = int(journal.read_text(encoding="ascii"))
        except ValueError:
            new = -1  # never written so: the journal is renamed in complete
        if staging.is_dir() and staging.stat().st_ino == new:  # not swapped in yet
            _swap_in(staging, out, old)
        journal.unlink()
    for leftover in (staging, old):
        _remove(leftover)
    _beside(out, "journal.tmp").unlink(missing_ok=True)


def replace_tree(out: Path, files: dict[str, bytes], unchanged: Collection[str]) -> int:
    """Make ``out`` exactly ``files`` and the ``unchanged`` files it has (linked from the
    current tree; one of them also in ``files`` is written if it cannot be linked),
    swapped in whole (see the module docstring). Call with the lock held, after
    :func:`recover`. Returns the time (``time.time_ns()``) taken just before the swap:
    every file was written before it, in a folder no one else uses."""
    staging, old, journal = _beside(out, "new"), _beside(out, "old"), _beside(out, "journal")
    os.mkdir(staging)
    source, target = str(out), str(staging)
    linkable, made = set(unchanged), {""}
    for name in sorted(linkable.union(files)):
        folder = name.rpartition("/")[0]
        if folder not in made:
            os.makedirs(os.path.join(target, folder), exist_ok=True)
            made.add(folder)
        into = os.path.join(target, name)
        if name in linkable and _linked(os.path.join(source, name), into):
            continue
        content = files.get(name)
        if content is None:  # kept, but not linkable (another file system): copied
            content = (out / name).read_bytes()
        _create(into, content)
    # the commit point: a journal naming the complete new tree (by its inode)
    pending = _beside(out, "journal.tmp")
    _create(str(pending), str(staging.stat().st_ino).encode("ascii"))
    os.rename(pending, journal)
    swapped = time.time_ns()
    _swap_in(staging, out, old)
    journal.unlink()
    for leftover in (staging, old):  # the old tree, wherever the swap left it
        _remove(leftover)
    return swapped


def _remove(path: Path) -> None:
    """Delete a tree left beside the output; a symlink (an output that was one) only as a
    link, never what it points to."""
    if path.is_symlink():
        path.unlink()
    elif path.is_dir():
        shutil.rmtree(path)


def _swap_in(staging: Path, out: Path, old: Path) -> None:
    """``staging`` becomes ``out``: in one atomic exchange where the system has one (Linux's
    renameat2), the old tree then under ``staging``; else by two renames, the old tree
    under ``old``."""
    if out.exists() and exchange(staging, out):
        return
    if out.exists():
        os.rename(out, old)
    os.rename(staging, out)


def exchange(first: Path, second: Path) -> bool:
    """Swap two paths atomically (``renameat2(RENAME_EXCHANGE)``); False where the system or
    the file system has no such call."""
    import ctypes

    try:
        renameat2 = ctypes.CDLL(None, use_errno=True).renameat2
    except (AttributeError, OSError, TypeError):  # no such call, or no C library to ask
        return False
    at_cwd, rename_exchange = -100, 2
    if renameat2(at_cwd, bytes(first), at_cwd, bytes(second), rename_exchange) == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.EINVAL, errno.ENOSYS, errno.ENOTSUP):
        return False
    raise OSError(code, os.strerror(code), str(first), None, str(second))


def _create(path: str, content: bytes) -> None:
    """A new file holding ``content``; a failed write names its path (a disk-full write()
    carries none)."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
    try:
        view = memoryview(content)
        while view:
            view = view[os.write(fd, view) :]
    except OSError as error:
        raise OSError(error.errno, error.strerror, path) from None
    finally:
        os.close(fd)
    os.chmod(path, 0o644)  # whatever the umask, as write_file


def _linked(source: str, target: str) -> bool:
    try:
        os.link(source, target)
    except OSError as error:
        if error.errno in (errno.ENOSPC, errno.EDQUOT):
            raise
        return False  # another file system, links not supported: write the bytes
    return True
