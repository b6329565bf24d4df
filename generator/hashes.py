"""SHA-256 of the files of a tree, taken on the word of their stat where this machine hashed
them before (as git's index does).

Hashing every spec and every generated file is most of what a no-op ``generate --check``
costs on a large tree, and of what the first step of any run costs. An earlier run's hash of
a file is reused when the file's inode, size and modification time (to the nanosecond) are
the ones recorded with it. A file is recorded only if it had not been modified for a
while (:func:`settle_ns`) when it was hashed: a write in the same clock tick as the hash
could otherwise keep the recorded times (the "racy" case), so such a file is hashed again
next time. Files the writer wrote are recorded with the hash of what it wrote
(:meth:`FileHashes.wrote`) if they were written that long before the new tree was swapped
in: no one else can change them before that. The change time is not compared: the writer
hard-links unchanged files into each new tree, which changes it without changing a byte.

The record lives in the per-user cache (generator.outcache, kind ``hashes``, one entry per
tree, by its resolved path); with the cache off, or when the entry is missing or damaged,
every file is read and hashed.
"""

from __future__ import annotations

import hashlib
import json
import os
import time
from collections.abc import Iterable
from pathlib import Path

from generator import outcache

SETTLED_NS = 2_000_000_000  # more than any file system's timestamp granularity (FAT: 2 s)
FINE_NS = 50_000_000  # more than a clock tick of the file systems that keep nanoseconds
_Stat = tuple[int, int, int]  # inode, size, modification time in ns


def settle_ns(mtime_ns: int) -> int:
    """How long a file with this modification time must be left alone before its stat can
    stand for its content: :data:`FINE_NS` on a file system that keeps sub-millisecond
    times (a later write gets a later time), :data:`SETTLED_NS` where the time is whole
    milliseconds or coarser (FAT, HFS+, some network file systems)."""
    return SETTLED_NS if mtime_ns % 1_000_000 == 0 else FINE_NS


def _settled(mtime_ns: int, now_ns: int) -> bool:
    """Whether a file modified at ``mtime_ns`` had been left alone long enough at ``now_ns``."""
    return mtime_ns < now_ns - settle_ns(mtime_ns)


def _signature(stat: os.stat_result) -> _Stat:
    return stat.st_ino, stat.st_size, stat.st_mtime_ns


class FileHashes:
    """The SHA-256 (hex) of files under ``root``, each read only when its stat is not the one
    recorded; :meth:`save` keeps what this run learnt for the next."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self._base = os.fspath(root)
        self._key = outcache.entry_key("hashes 1", str(root.resolve()))
        self._recorded = _load(self._key)
        self._learnt: dict[str, tuple[_Stat, str]] = {}
        self._seen: set[str] = set()

    def sha256(self, name: str) -> str:
        """The hash of ``root/name`` as it is now (OSError if it cannot be read)."""
        return self._hashed(name, read=False)[1]

    def read(self, name: str) -> tuple[bytes, str]:
        """The content of ``root/name`` and its hash (not computed again if recorded)."""
        content, sha = self._hashed(name, read=True)
        assert content is not None
        return content, sha

    def _hashed(self, name: str, *, read: bool) -> tuple[bytes | None, str]:
        path = os.path.join(self._base, name)
        self._seen.add(name)
        now = time.time_ns()
        signature = _signature(os.stat(path))
        recorded = self._recorded.get(name)
        trusted = recorded is not None and recorded[0] == signature
        content = Path(path).read_bytes() if read or not trusted else None
        settled = _settled(signature[2], now)
        if content is not None and signature != _signature(os.stat(path)):
            trusted = settled = False  # written while read: what was read is hashed
        if trusted:
            assert recorded is not None
            sha = recorded[1]
        else:
            assert content is not None
            sha = hashlib.sha256(content).hexdigest()
        if settled:
            self._learnt[name] = (signature, sha)
        return content if read else None, sha

    def matches(self, name: str, sha: str) -> bool:
        """Whether ``root/name`` exists and hashes to ``sha``."""
        try:
            return self.sha256(name) == sha
        except OSError:
            return False

    def wrote(self, shas: dict[str, str], before_ns: int) -> None:
        """Record files the writer just wrote with the hashes of what it wrote (``shas``,
        name -> SHA-256), each only if it was written :func:`settle_ns` before
        ``before_ns``, the moment the new tree became visible: a change after that gets a
        later time. The others are hashed again when next looked at."""
        for name, sha in shas.items():
            try:
                signature = _signature(os.stat(os.path.join(self._base, name)))
            except OSError:
                continue
            self._seen.add(name)
            if _settled(signature[2], before_ns):
                self._learnt[name] = (signature, sha)
            else:  # an earlier record is of the file this one replaced
                self._learnt.pop(name, None)
                self._recorded.pop(name, None)

    def save(self, unchanged: Iterable[str] = ()) -> None:
        """Record, for the next run, the hashes of the files this run looked at and of
        ``unchanged`` ones it did not look at but knows as they were (such as those it
        hard-linked into a new tree); the records of other files are dropped."""
        records = {}
        for name in self._seen.union(unchanged):
            record = self._learnt.get(name) or self._recorded.get(name)
            if record is not None:
                records[name] = record
        if records == self._recorded:
            return
        rows = [[name, *signature, sha] for name, (signature, sha) in sorted(records.items())]
        outcache.put("hashes", self._key, json.dumps(rows, separators=(",", ":")).encode())


def _load(key: str) -> dict[str, tuple[_Stat, str]]:
    data = outcache.get("hashes", key)
    if data is None:
        return {}
    try:
        rows = json.loads(data)
        records = {name: ((ino, size, mtime), sha) for name, ino, size, mtime, sha in rows}
    except (TypeError, ValueError):  # another format: start afresh
        return {}
    valid = all(
        isinstance(name, str) and isinstance(sha, str) and all(type(n) is int for n in stat)
        for name, (stat, sha) in records.items()
    )
    return records if valid else {}
