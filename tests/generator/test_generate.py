"""Reproducibility and ``--check``: generated/ is a pure function of specs/ + templates/."""

from __future__ import annotations

import re
import shutil
from importlib import metadata
from pathlib import Path

import pytest

from generator.cli import main
from generator.fingerprint import MANIFEST

PROJECT = Path(__file__).resolve().parents[2]
SUMMARY = re.compile(r"(\d+) written, (\d+) unchanged, (\d+) removed")
SEED_SERVICES = {"alibabacloud/cloudsso", "alibabacloud/ens", "alibabacloud/oss", "huaweicloud/ga"}


def _snapshot(root: Path) -> dict[str, bytes]:
    return {
        path.relative_to(root).as_posix(): path.read_bytes()
        for path in sorted(root.rglob("*"))
        if path.is_file() and "__pycache__" not in path.parts
    }


def _services(specs: Path) -> list[str]:
    """``provider/service`` of every service folder (one with a service.yaml) in ``specs``."""
    return sorted(p.parent.relative_to(specs).as_posix() for p in specs.rglob("service.yaml"))


def _counts(stdout: str) -> tuple[int, int, int]:
    found = SUMMARY.search(stdout)
    assert found, stdout
    written, unchanged, removed = (int(n) for n in found.groups())
    return written, unchanged, removed


@pytest.fixture
def tree(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Copies of specs/, templates/ and generated/ to edit freely, and the current directory
    (messages name files relative to it: ``stale: generated/...``)."""
    for name in ("specs", "templates", "generated"):
        ignore = shutil.ignore_patterns("__pycache__")
        shutil.copytree(PROJECT / name, tmp_path / name, ignore=ignore)
    monkeypatch.chdir(tmp_path)
    return tmp_path


_PROJECT_PATHS = (
    f"--specs={PROJECT / 'specs'}",
    f"--templates={PROJECT / 'templates'}",
    f"--out={PROJECT / 'generated'}",
)


def _run(tree: Path, *extra: str) -> int:
    return main(
        [
            "generate",
            *extra,
            "--specs",
            str(tree / "specs"),
            "--templates",
            str(tree / "templates"),
            "--out",
            str(tree / "generated"),
        ]
    )


def test_committed_generated_is_up_to_date(capsys: pytest.CaptureFixture[str]) -> None:
    """Golden record: the committed generated/ is exactly what specs/ + templates/ produce."""
    code = main(["generate", "--check", *_PROJECT_PATHS])
    captured = capsys.readouterr()
    assert code == 0, captured.err
    assert "up to date" in captured.out


def test_two_runs_produce_identical_bytes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    first, second = tmp_path / "one", tmp_path / "two"
    specs, templates = _PROJECT_PATHS[:2]
    for out in (first, second):
        assert main(["generate", specs, templates, f"--out={out}", "--package=generated"]) == 0
    assert _snapshot(first) == _snapshot(second)
    committed = _snapshot(PROJECT / "generated")
    assert {k: v for k, v in _snapshot(first).items() if "/" in k} == {
        k: v for k, v in committed.items() if "/" in k
    }


def _stamps(out: Path) -> dict[Path, int]:
    return {p: p.stat().st_mtime_ns for p in out.rglob("*") if p.is_file()}


def test_second_run_writes_nothing(tree: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tree / "generated"
    (out / MANIFEST).unlink(missing_ok=True)  # as in a fresh clone: the cache is not committed
    stamps = _stamps(out)
    assert _run(tree) == 0
    assert _counts(capsys.readouterr().out) == (0, len(stamps), 0)
    after = _stamps(out)
    cache = after.pop(out / MANIFEST)
    assert after == stamps  # only the cache was written
    assert _run(tree) == 0  # now the cache answers, and is not rewritten either
    assert "unchanged since the last generation" in capsys.readouterr().out
    assert _stamps(out) == {**stamps, out / MANIFEST: cache}


def test_the_cache_is_not_part_of_the_output(
    tree: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``--check`` judges bytes: a missing, stale or foreign cache is never "stale"."""
    out = tree / "generated"
    assert _run(tree) == 0
    capsys.readouterr()
    for cache in (None, b"{}", b"not json", (out / MANIFEST).read_bytes().replace(b"a", b"b")):
        if cache is None:
            (out / MANIFEST).unlink()
        else:
            (out / MANIFEST).write_bytes(cache)
        assert _run(tree, "--check") == 0, capsys.readouterr().err
        assert "files up to date" in capsys.readouterr().out
    assert (out / MANIFEST).read_bytes() == cache  # --check wrote nothing
    # and this repository never commits it, so a fresh clone has none
    assert f"generated/{MANIFEST}" in (PROJECT / ".gitignore").read_text().splitlines()


def test_another_tool_version_with_the_same_output_passes_check(
    tree: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Upgrading an unpinned tool that writes the same bytes leaves ``--check`` green: the
    cache misses (its key holds the versions), the pipeline runs, and the bytes agree."""
    assert _run(tree) == 0  # the cache now matches this machine's tools
    capsys.readouterr()
    real = metadata.version

    def fake(name: str) -> str:
        return "999.0" if name == "pyyaml" else real(name)

    monkeypatch.setattr(metadata, "version", fake)
    assert _run(tree, "--check") == 0, capsys.readouterr().err
    out = capsys.readouterr().out
    assert "unchanged since the last generation" not in out  # the slow path ran
    assert "files up to date" in out


def test_check_fails_after_a_template_edit(tree: Path, capsys: pytest.CaptureFixture[str]) -> None:
    template = tree / "templates" / "errors.py.j2"
    template.write_text(template.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    before = _snapshot(tree / "generated")
    assert _run(tree, "--check") == 1
    err = capsys.readouterr().err
    services = _services(tree / "specs")
    assert set(services) >= SEED_SERVICES
    for service in services:
        assert f"stale: generated/{service}/errors.py (missing or different)" in err
    assert "client.py" not in err
    assert _snapshot(tree / "generated") == before  # --check changes nothing
    assert _run(tree) == 0
    assert _counts(capsys.readouterr().out)[0] == len(services)  # each errors.py
    assert _run(tree, "--check") == 0


def test_check_fails_after_a_spec_edit(tree: Path, capsys: pytest.CaptureFixture[str]) -> None:
    spec = tree / "specs" / "huaweicloud" / "ga" / "ListByoipPools.yaml"
    text = spec.read_text(encoding="utf-8")
    text = text.replace(
        "description: Specifies the tenant ID.", "description: Specifies the tenant (domain) ID."
    )
    spec.write_text(text, encoding="utf-8")
    assert _run(tree, "--check") == 1
    err = capsys.readouterr().err
    stale = sorted(re.findall(r"stale: generated/(\S+)", err))
    # only the edited operation's files, plus the bookkeeping: the changelog at the top and
    # the service's model in the snapshot
    assert [name for name in stale if "/" in name] == [
        ".spec-snapshot/huaweicloud/ga.json",
        "huaweicloud/ga/docs/ListByoipPools.md",
        "huaweicloud/ga/models.py",
        "huaweicloud/ga/openapi.json",
    ]
    assert f"{len(stale)} stale file(s)" in err
    assert _run(tree) == 0
    assert _counts(capsys.readouterr().out)[0] == len(stale)
    assert "tenant (domain) ID" in (tree / "generated/huaweicloud/ga/models.py").read_text()
    assert _run(tree, "--check") == 0


def test_stale_out_is_reported_then_repaired(
    tree: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Files no longer produced are reported and removed; a missing one is restored."""
    out = tree / "generated"
    readme = (out / "README.md").read_bytes()
    (out / "README.md").unlink()
    (out / "alibabacloud" / "oss" / "legacy.py").write_text("# left over\n")
    (out / "alibabacloud" / "retired" / "docs").mkdir(parents=True)
    (out / "alibabacloud" / "retired" / "docs" / "README.md").write_text("# gone\n")
    (out / "huaweicloud" / "ga" / "__pycache__").mkdir(exist_ok=True)
    (out / "huaweicloud" / "ga" / "__pycache__" / "client.cpython-311.pyc").write_bytes(b"\0")
    before = _snapshot(out)
    assert _run(tree, "--check") == 1
    err = capsys.readouterr().err
    assert "stale: generated/README.md (missing or different)" in err
    assert "stale: generated/alibabacloud/oss/legacy.py (no longer generated)" in err
    assert "stale: generated/alibabacloud/retired/docs/README.md (no longer generated)" in err
    assert "3 stale file(s)" in err
    assert "__pycache__" not in err
    assert _snapshot(out) == before  # --check changes nothing
    assert _run(tree) == 0
    output = [name for name in _snapshot(PROJECT / "generated") if name != MANIFEST]
    assert _counts(capsys.readouterr().out) == (1, len(output) - 1, 2)
    assert (out / "README.md").read_bytes() == readme
    assert not (out / "alibabacloud" / "oss" / "legacy.py").exists()
    assert not (out / "alibabacloud" / "retired").exists()  # emptied folders go too
    # the tree is replaced whole (generator.writer): the bytecode cache goes with the old one
    assert not (out / "huaweicloud" / "ga" / "__pycache__").exists()
    assert _run(tree, "--check") == 0
