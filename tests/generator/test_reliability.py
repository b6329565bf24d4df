"""The output is replaced whole or not at all: a run killed after any file operation leaves
the old tree or the new one, and the next run writes exactly what an uninterrupted run
writes, CHANGELOG.md included; one run at a time; OS errors and corrupt caches are one line
or a rebuild, never a traceback."""

from __future__ import annotations

import fcntl
import json
import multiprocessing
import os
import resource
import shutil
import stat
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from generator import writer
from generator.cli import main
from generator.fingerprint import MANIFEST
from generator.tree import relative_files

FIXTURES = Path(__file__).resolve().parent / "fixtures"
KILLED = 137  # the exit status of a child killed at its n-th file operation
# every call by which a run changes the file system (shutil.rmtree goes through these too)
_WRITES = ("mkdir", "rename", "replace", "unlink", "rmdir", "link", "write", "chmod")
_WRITE_FLAGS = os.O_WRONLY | os.O_RDWR | os.O_CREAT
# what a run imports on its way: preloaded into the fork server
_PRELOAD = [
    "generator.pipeline",
    "black",
    "datamodel_code_generator",
    "openapi_spec_validator",
    "sdk_runtime.model",
]


def _snapshot(root: Path) -> dict[str, bytes]:
    return {name: (root / name).read_bytes() for name in relative_files(root)}


def _generate(specs: Path, out: Path, *extra: str) -> int:
    return main(["generate", *extra, "--specs", str(specs), "--out", str(out)])


def _child(argv: list[str], kill_after: int | None, size_limit: int | None, err: str) -> None:
    """A run of ``main(argv)`` as a process of its own, its stderr into ``err``: killed (as by
    kill -9) at its file operation number ``kill_after`` + 1, or writing at most
    ``size_limit`` bytes per file."""
    code = 70
    try:
        sys.stderr = open(err, "w", encoding="utf-8")  # noqa: SIM115 - closed by _exit
        if size_limit is not None:
            resource.setrlimit(resource.RLIMIT_FSIZE, (size_limit, resource.RLIM_INFINITY))
        if kill_after is not None:
            _kill_after(kill_after)
        code = main(argv)
    finally:
        sys.stderr.flush()
        os._exit(code)


def _in_child(
    argv: list[str], err: Path, *, kill_after: int | None = None, size_limit: int | None = None
) -> int:
    """The exit status of :func:`_child`. Forked from a fork server (a fresh, single-threaded
    process with the generator imported), not from this one, whose threads (the fake cloud's)
    a fork would copy in whatever state they are."""
    context = multiprocessing.get_context("forkserver")
    # imported once, in the server: each run starts as fast as a fork of this process would
    context.set_forkserver_preload([__name__, *_PRELOAD])
    process = context.Process(target=_child, args=(argv, kill_after, size_limit, str(err)))
    process.start()
    process.join()
    assert process.exitcode is not None
    return process.exitcode


def _kill_after(operations: int) -> None:
    """Make this (child) process die, as by kill -9 (no cleanup, no finally), when it is
    about to do its file operation number ``operations`` + 1."""
    done = 0

    def counted(real: Callable[..., Any], name: str) -> Callable[..., Any]:
        def operation(*args: Any, **kwargs: Any) -> Any:
            nonlocal done
            writing = name != "open" or (len(args) > 1 and args[1] & _WRITE_FLAGS)
            if writing:
                if done == operations:
                    os._exit(KILLED)
                done += 1
            return real(*args, **kwargs)

        return operation

    for name in (*_WRITES, "open"):
        setattr(os, name, counted(getattr(os, name), name))
    writer.exchange = counted(writer.exchange, "exchange")  # type: ignore[assignment]


@pytest.fixture
def versions(tmp_path: Path) -> tuple[Path, Path]:
    """Two versions of a spec tree: the second changes a summary and adds an error code,
    so its CHANGELOG.md has one entry more."""
    first, second = tmp_path / "v1" / "specs", tmp_path / "v2" / "specs"
    shutil.copytree(FIXTURES / "valid" / "specs", first)
    shutil.copytree(first, second)
    spec = second / "huaweicloud" / "demo" / "ListWidgets.yaml"
    data = yaml.safe_load(spec.read_text("utf-8"))
    data["summary"] = "Lists every widget."
    data["errors"].append({"status": 400, "code": "BadMarker", "message": "Bad marker."})
    spec.write_text(yaml.safe_dump(data, sort_keys=False), "utf-8")
    return first, second


def test_a_kill_at_every_file_operation_leaves_old_or_new(
    versions: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    first, second = versions
    base = tmp_path / "base" / "clients"
    assert _generate(first, base) == 0
    old = _snapshot(base)
    reference = tmp_path / "reference" / "clients"
    shutil.copytree(base, reference)
    assert _generate(second, reference) == 0
    new = _snapshot(reference)
    assert new["CHANGELOG.md"] != old["CHANGELOG.md"]
    outcomes = {"old": 0, "new": 0}
    for operations in range(10_000):
        out = tmp_path / f"run{operations}" / "clients"
        shutil.copytree(base, out)
        argv = ["generate", "--specs", str(second), "--out", str(out)]
        status = _in_child(argv, tmp_path / "err.txt", kill_after=operations)
        if status == 0:
            break  # the run did all its operations: every kill point is covered
        assert status == KILLED
        after = _snapshot(out)
        assert after in (old, new), f"killed after {operations} operations: neither tree"
        outcomes["old" if after == old else "new"] += 1
        assert _generate(second, out) == 0  # the next run completes (or rolls back) the swap
        assert _snapshot(out) == new, f"killed after {operations} operations: rerun differs"
        assert sorted(p.name for p in out.parent.iterdir()) == ["clients"]  # nothing left
        shutil.rmtree(out.parent)
    else:
        raise AssertionError("the run never finished")
    capsys.readouterr()
    assert operations >= 20  # staging, files, journal, swap, clean-up
    assert outcomes["old"] > 0 and outcomes["new"] > 0
    print(f"kill points tested: {operations}; left old {outcomes['old']}, new {outcomes['new']}")


def test_a_second_run_fails_clearly_while_one_holds_the_lock(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "clients"
    fd = os.open(tmp_path, os.O_RDONLY)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        err = tmp_path / "err.txt"
        argv = ["generate", "--specs", str(FIXTURES / "valid" / "specs"), "--out", str(out)]
        status = _in_child(argv, err)
    finally:
        os.close(fd)
    assert status == 1
    assert err.read_text("utf-8") == (
        f"generate: another generate is writing {out} (its folder is locked)\n"
    )
    assert not out.exists()


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only folders")
def test_a_read_only_out_is_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "parent" / "clients"
    out.mkdir(parents=True)
    out.parent.chmod(stat.S_IRUSR | stat.S_IXUSR)
    try:
        assert _generate(FIXTURES / "valid" / "specs", out) == 1
    finally:
        out.parent.chmod(stat.S_IRWXU)
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Permission denied" in err and str(out.parent) in err


def test_a_full_disk_is_one_line_and_leaves_out_as_it_was(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """RLIMIT_FSIZE makes every write past 2 KB fail (EFBIG), as a full disk (ENOSPC) does."""
    out = tmp_path / "clients"
    assert _generate(FIXTURES / "valid" / "specs", out) == 0
    before = _snapshot(out)
    specs = tmp_path / "specs"
    shutil.copytree(FIXTURES / "valid" / "specs", specs)
    spec = specs / "huaweicloud" / "demo" / "ListWidgets.yaml"
    spec.write_text(spec.read_text("utf-8").replace("Lists the", "Lists all the"), "utf-8")
    capsys.readouterr()

    messages = tmp_path.parent / f"{tmp_path.name}.err"
    argv = ["generate", "--specs", str(specs), "--out", str(out)]
    status = _in_child(argv, messages, size_limit=2048)
    err = messages.read_text("utf-8")
    messages.unlink()
    assert status == 1
    assert err.count("\n") == 1 and err.startswith(f"generate: {out.parent}/.clients.new/")
    assert "File too large" in err
    assert _snapshot(out) == before
    assert _generate(specs, out) == 0  # and the next run cleans up and writes
    assert sorted(p.name for p in tmp_path.iterdir()) == ["clients", "specs"]


@pytest.mark.parametrize(
    "corrupt",
    [
        {"files": ["not", "a", "map"]},
        {"files": {"README.md": 1}, "services": [], "sources": {"x": 1}},
        {"inputs": None, "models": {"a": None}, "openapi": 3, "sources": []},
        {"sources": {"huaweicloud/demo": {"digest": 1, "operations": 2}}},
        [],
        "text",
    ],
)
def test_a_corrupt_manifest_is_rebuilt(
    corrupt: Any, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    specs, out = FIXTURES / "valid" / "specs", tmp_path / "clients"
    assert _generate(specs, out) == 0
    good = _snapshot(out)
    recorded = json.loads(good[MANIFEST])
    data = {**recorded, **corrupt} if isinstance(corrupt, dict) else corrupt
    (out / MANIFEST).write_text(json.dumps(data), "utf-8")
    assert _generate(specs, out, "--check") == 0, capsys.readouterr().err
    assert _generate(specs, out) == 0, capsys.readouterr().err
    assert _snapshot(out) == good


def test_check_never_trusts_the_manifest_over_the_bytes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A hand edit whose hash was written into the manifest still fails ``--check``."""
    import hashlib

    specs, out = FIXTURES / "valid" / "specs", tmp_path / "clients"
    assert _generate(specs, out) == 0
    client = out / "huaweicloud" / "demo" / "client.py"
    edited = client.read_bytes() + b"print('hand edit')\n"
    client.write_bytes(edited)
    recorded = json.loads((out / MANIFEST).read_bytes())
    recorded["files"]["huaweicloud/demo/client.py"] = hashlib.sha256(edited).hexdigest()
    (out / MANIFEST).write_text(json.dumps(recorded), "utf-8")
    capsys.readouterr()
    assert _generate(specs, out, "--check") == 1
    assert "stale: " in capsys.readouterr().err


def test_an_out_that_cannot_be_a_folder_is_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """As root, where permissions cannot be tested: a file where a folder must go."""
    (tmp_path / "plain").write_text("a file\n", "utf-8")
    out = tmp_path / "plain" / "clients"
    assert _generate(FIXTURES / "valid" / "specs", out) == 1
    err = capsys.readouterr().err
    assert err == f"generate: {tmp_path / 'plain'}: File exists\n"
