"""Hashes taken on the word of a file's stat: reused only for the very inode, size and
modification time recorded, never for a file written too recently to tell, and a damaged
record costs only time."""

from __future__ import annotations

import hashlib
import os
import shutil
import time
from pathlib import Path

import pytest

from generator import hashes as hashes_module
from generator import outcache
from generator.cli import main
from generator.hashes import FINE_NS, SETTLED_NS, FileHashes, settle_ns

PROJECT = Path(__file__).resolve().parents[2]


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    root = tmp_path / "cache"
    monkeypatch.delenv(outcache.DISABLE, raising=False)
    monkeypatch.setenv(outcache.LOCATION, str(root))
    return root


def _settle(*paths: Path) -> None:
    """Date the files back, as if written long before this run."""
    old = os.stat(paths[0]).st_mtime_ns - 10 * SETTLED_NS
    for path in paths:
        os.utime(path, ns=(old, old))


def _same_size_edit(path: Path, content: bytes) -> None:
    """Rewrite ``path`` in place (same inode, same size) and put its times back: what
    only the content tells apart."""
    before = os.stat(path)
    assert len(content) == before.st_size
    with open(path, "r+b") as stream:
        stream.write(content)
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))


def _sha(content: bytes) -> str:
    return hashlib.sha256(content).hexdigest()


def test_a_settled_file_is_not_read_again(cache: Path, tmp_path: Path) -> None:
    path = tmp_path / "tree" / "a.txt"
    path.parent.mkdir()
    path.write_bytes(b"first")
    _settle(path)
    hashes = FileHashes(path.parent)
    assert hashes.sha256("a.txt") == _sha(b"first")
    hashes.save()
    _same_size_edit(path, b"xxxxx")
    # the record is taken at its word: proof that the file was not read
    assert FileHashes(path.parent).sha256("a.txt") == _sha(b"first")
    os.utime(path)  # any new modification time: read again
    assert FileHashes(path.parent).sha256("a.txt") == _sha(b"xxxxx")


def test_a_file_written_just_now_is_never_taken_at_its_word(cache: Path, tmp_path: Path) -> None:
    path = tmp_path / "tree" / "a.txt"
    path.parent.mkdir()
    path.write_bytes(b"first")
    hashes = FileHashes(path.parent)
    assert hashes.sha256("a.txt") == _sha(b"first")
    hashes.save()
    _same_size_edit(path, b"xxxxx")  # in the same clock tick, as far as anyone can tell
    assert FileHashes(path.parent).sha256("a.txt") == _sha(b"xxxxx")


def test_a_new_file_under_the_name_is_read(cache: Path, tmp_path: Path) -> None:
    path = tmp_path / "tree" / "a.txt"
    path.parent.mkdir()
    path.write_bytes(b"first")
    _settle(path)
    hashes = FileHashes(path.parent)
    hashes.sha256("a.txt")
    hashes.save()
    times = os.stat(path)
    replacement = path.with_name("b.txt")
    replacement.write_bytes(b"other")
    os.utime(replacement, ns=(times.st_atime_ns, times.st_mtime_ns))
    os.replace(replacement, path)  # same size and times, another inode
    assert FileHashes(path.parent).sha256("a.txt") == _sha(b"other")


def test_a_damaged_record_only_costs_time(cache: Path, tmp_path: Path) -> None:
    path = tmp_path / "tree" / "a.txt"
    path.parent.mkdir()
    path.write_bytes(b"first")
    _settle(path)
    hashes = FileHashes(path.parent)
    hashes.sha256("a.txt")
    hashes.save()
    _same_size_edit(path, b"xxxxx")
    key = outcache.entry_key("hashes 1", str(path.parent.resolve()))
    stat = os.stat(path)
    for damaged in (
        b"[",
        b'{"a": 1}',
        b"[[1, 2]]",
        b'[["a.txt", "%d", %d, %d, "%s"]]' % (stat.st_ino, 5, stat.st_mtime_ns, b"0" * 64),
        b'[["a.txt", %d, %d, %d, 7]]' % (stat.st_ino, 5, stat.st_mtime_ns),
    ):
        outcache.put("hashes", key, damaged)
        assert FileHashes(path.parent).sha256("a.txt") == _sha(b"xxxxx")


def test_without_a_cache_every_file_is_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(outcache.DISABLE, "1")
    path = tmp_path / "a.txt"
    path.write_bytes(b"first")
    _settle(path)
    hashes = FileHashes(tmp_path)
    hashes.sha256("a.txt")
    hashes.save()
    _same_size_edit(path, b"xxxxx")
    assert FileHashes(tmp_path).sha256("a.txt") == _sha(b"xxxxx")


def test_only_the_files_looked_at_or_kept_are_recorded(cache: Path, tmp_path: Path) -> None:
    for name in ("a", "b", "c"):
        (tmp_path / name).write_bytes(name.encode())
    _settle(*(tmp_path / name for name in "abc"))
    first = FileHashes(tmp_path)
    for name in "abc":
        first.sha256(name)
    first.save()
    second = FileHashes(tmp_path)
    second.sha256("a")
    second.save(unchanged=["b"])  # c is gone from the tree, say
    for name in "abc":
        _same_size_edit(tmp_path / name, b"z")
    third = FileHashes(tmp_path)
    assert [third.sha256(name) == _sha(name.encode()) for name in "abc"] == [True, True, False]


# -- through generate --check ------------------------------------------------------------


def _generate(specs: Path, out: Path, *extra: str) -> int:
    templates = str(PROJECT / "templates")
    return main(
        ["generate", *extra, "--specs", str(specs), "--templates", templates, "--out", str(out)]
    )


def _files_read_by_check(specs: Path, out: Path, monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """The files a passing ``generate --check`` reads (``Path.read_bytes``), in order."""
    read: list[Path] = []
    real = Path.read_bytes

    def spy(path: Path) -> bytes:
        read.append(path)
        return real(path)

    with monkeypatch.context() as patch:
        patch.setattr(Path, "read_bytes", spy)
        assert _generate(specs, out, "--check") == 0
    return read


def test_check_reads_no_settled_file_and_still_sees_an_edit(
    cache: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    specs, out = tmp_path / "specs", tmp_path / "generated"
    shutil.copytree(PROJECT / "specs" / "alibabacloud" / "ens", specs / "alibabacloud" / "ens")
    assert _generate(specs, out) == 0
    files = [p for root in (specs, out) for p in root.rglob("*") if p.is_file()]
    _settle(*files)
    assert _generate(specs, out, "--check") == 0  # hashes them all, once
    read = _files_read_by_check(specs, out, monkeypatch)
    tree_files = [p for p in read if p.is_relative_to(specs) or p.is_relative_to(out)]
    assert tree_files == [out / ".manifest.json"]
    # a spec edited in place and dated back is the one case the stat cannot see (as git's
    # index): any real edit moves the modification time
    client = out / "alibabacloud" / "ens" / "client.py"
    client.write_bytes(client.read_bytes().replace(b"class ", b"klass ", 1))
    capsys.readouterr()
    assert _generate(specs, out, "--check") == 1
    assert "stale: " in capsys.readouterr().err


def test_settle_time_follows_the_file_systems_precision() -> None:
    whole_ms = 1_700_000_000_123_000_000
    assert settle_ns(whole_ms) == SETTLED_NS  # FAT, HFS+, some network file systems
    assert settle_ns(whole_ms + 456_789) == FINE_NS


def test_a_written_file_is_recorded_with_what_was_written(cache: Path, tmp_path: Path) -> None:
    path = tmp_path / "tree" / "a.txt"
    path.parent.mkdir()
    path.write_bytes(b"first")
    _settle(path)
    hashes = FileHashes(path.parent)
    hashes.wrote({"a.txt": _sha(b"first")}, time.time_ns())
    hashes.save()
    _same_size_edit(path, b"xxxxx")
    assert FileHashes(path.parent).sha256("a.txt") == _sha(b"first")  # not read


def test_a_file_written_just_before_the_swap_is_hashed_again(cache: Path, tmp_path: Path) -> None:
    path = tmp_path / "tree" / "a.txt"
    path.parent.mkdir()
    path.write_bytes(b"first")
    fine = os.stat(path).st_mtime_ns // 1_000_000 * 1_000_000 + 123_457  # sub-ms precision
    os.utime(path, ns=(fine, fine))
    earlier = FileHashes(path.parent)
    assert earlier.sha256("a.txt") == _sha(b"first")
    earlier.save()
    hashes = FileHashes(path.parent)
    hashes.wrote({"a.txt": _sha(b"first")}, fine + FINE_NS // 2)
    hashes.save()
    _same_size_edit(path, b"xxxxx")
    assert FileHashes(path.parent).sha256("a.txt") == _sha(b"xxxxx")
    # and a whole-millisecond time waits the long settle time, not the fine one
    coarse = fine // 1_000_000 * 1_000_000
    os.utime(path, ns=(coarse, coarse))
    hashes = FileHashes(path.parent)
    hashes.wrote({"a.txt": _sha(b"first")}, coarse + 2 * FINE_NS)
    hashes.save()
    assert FileHashes(path.parent).sha256("a.txt") == _sha(b"xxxxx")


def test_check_after_a_fresh_generate_reads_no_generated_file(
    cache: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The files a generate wrote are recorded with what it wrote, so the next run (here a
    --check) need not read them. Their times are all a little before the swap, which on a
    tree this small is less than the fine settle time: that is taken as zero here."""
    monkeypatch.setattr(hashes_module, "FINE_NS", 0)
    specs, out = tmp_path / "specs", tmp_path / "generated"
    shutil.copytree(PROJECT / "specs" / "alibabacloud" / "ens", specs / "alibabacloud" / "ens")
    assert _generate(specs, out) == 0
    read = _files_read_by_check(specs, out, monkeypatch)
    assert [p for p in read if p.is_relative_to(out)] == [out / ".manifest.json"]
