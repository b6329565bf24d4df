"""The per-user output cache: a hit gives black's bytes, a damaged entry or an unusable
cache dir only costs time, and switched off it neither reads nor writes."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import black
import pytest

from generator import outcache
from generator.cli import main
from generator.render import format_python

PROJECT = Path(__file__).resolve().parents[2]
SOURCE = "def f( a,b ):\n  return {'a':a,'b':b}\n"
FORMATTED = 'def f(a, b):\n    return {"a": a, "b": b}\n'


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The cache switched on, in an empty temporary dir (returned)."""
    root = tmp_path / "cache"
    monkeypatch.delenv(outcache.DISABLE, raising=False)
    monkeypatch.setenv(outcache.LOCATION, str(root))
    return root


def _entries(root: Path) -> list[Path]:
    return sorted(p for p in root.rglob("*") if p.is_file()) if root.exists() else []


def _no_black(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> str:
        raise AssertionError("black ran")

    monkeypatch.setattr(black, "format_str", refuse)


def test_a_hit_gives_the_bytes_black_gave(cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert format_python(SOURCE) == FORMATTED
    assert len(_entries(cache / "black")) == 1
    _no_black(monkeypatch)
    assert format_python(SOURCE) == FORMATTED


def test_a_damaged_entry_is_ignored_and_rewritten(cache: Path) -> None:
    format_python(SOURCE)
    (entry,) = _entries(cache / "black")
    good = entry.read_bytes()
    for damaged in (
        good.replace(b'"a"', b'"b"'),  # content edited: its digest no longer matches
        good[: len(good) // 2],  # truncated
        b"",
        b"\xff\xfe not an entry at all",
    ):
        entry.write_bytes(damaged)
        assert format_python(SOURCE) == FORMATTED
        assert entry.read_bytes() == good


def test_the_xdg_cache_home_is_respected(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(outcache.DISABLE, raising=False)
    monkeypatch.delenv(outcache.LOCATION, raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert outcache.cache_dir() == tmp_path / "xdg" / "cloud-sdk-generator"
    format_python(SOURCE)
    assert len(_entries(tmp_path / "xdg" / "cloud-sdk-generator" / "black")) == 1


def test_an_unusable_cache_dir_is_only_slower(cache: Path) -> None:
    cache.parent.mkdir(exist_ok=True)
    cache.write_text("a file where the cache dir should be", encoding="utf-8")
    assert format_python(SOURCE) == FORMATTED
    assert outcache.get("black", outcache.entry_key("x")) is None


def test_switched_off_it_neither_reads_nor_writes(
    cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    format_python(SOURCE)
    entries = _entries(cache)
    monkeypatch.setenv(outcache.DISABLE, "1")
    assert outcache.cache_dir() is None
    assert format_python("x  =  1\n") == "x = 1\n"
    assert _entries(cache) == entries
    _no_black(monkeypatch)
    with pytest.raises(AssertionError, match="black ran"):
        format_python(SOURCE)  # an entry is there, but not read


def test_keys_separate_their_parts() -> None:
    assert outcache.entry_key("ab", "c") != outcache.entry_key("a", "bc")


def _tree(root: Path) -> dict[str, bytes]:
    return {
        p.relative_to(root).as_posix(): p.read_bytes()
        for p in sorted(root.rglob("*"))
        if p.is_file() and p.name != ".manifest.json"
    }


def _generate(specs: Path, out: Path, *extra: str) -> None:
    templates = str(PROJECT / "templates")
    args = ["generate", "--specs", str(specs), "--templates", templates, "--out", str(out)]
    assert main([*args, *extra]) == 0


def test_a_fresh_tree_from_a_warm_cache_is_the_same_to_the_byte(
    cache: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    specs = tmp_path / "specs"
    shutil.copytree(PROJECT / "specs" / "alibabacloud" / "ens", specs / "alibabacloud" / "ens")
    _generate(specs, tmp_path / "off" / "generated", "--no-cache")
    assert _entries(cache) == []
    _generate(specs, tmp_path / "cold" / "generated")
    kinds = {p.relative_to(cache).parts[0] for p in _entries(cache)}
    # (compiled templates too, unless this process compiled them before: "jinja")
    expected = {"black", "models", "openapi", "spec-schema", "manifest.key", "hashes"}
    assert kinds - {"jinja"} == expected
    _generate(specs, tmp_path / "warm" / "generated")
    off = _tree(tmp_path / "off" / "generated")
    assert _tree(tmp_path / "cold" / "generated") == off
    assert _tree(tmp_path / "warm" / "generated") == off
    capsys.readouterr()


def test_a_warm_cache_skips_black_and_the_validator(
    cache: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import generator.pipeline

    specs = tmp_path / "specs"
    shutil.copytree(PROJECT / "specs" / "alibabacloud" / "ens", specs / "alibabacloud" / "ens")
    _generate(specs, tmp_path / "cold" / "generated")  # one service: built in this process
    _no_black(monkeypatch)

    def refuse(*args: object) -> None:
        raise AssertionError("validated again")

    monkeypatch.setattr(generator.pipeline, "validate_openapi", refuse)
    monkeypatch.setattr(generator.pipeline, "generate_models", refuse)
    _generate(specs, tmp_path / "warm" / "generated")
    assert _tree(tmp_path / "warm" / "generated") == _tree(tmp_path / "cold" / "generated")


def test_a_spec_file_seen_valid_is_not_checked_again_and_an_invalid_one_always_is(
    cache: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import generator.validate
    from generator.errors import SpecIssue
    from generator.loader import SpecFile, load_spec_file

    root = PROJECT / "specs"
    valid = load_spec_file(root / "alibabacloud" / "ens" / "ListBuckets.yaml", root)
    broken = tmp_path / "Broken.yaml"
    text = (root / "alibabacloud" / "ens" / "ListBuckets.yaml").read_text(encoding="utf-8")
    broken.write_text(text + "no_such_key: 1\n", encoding="utf-8")
    invalid = load_spec_file(broken, tmp_path)
    assert generator.validate.schema_issues(valid, "operation") == []
    first = generator.validate.schema_issues(invalid, "operation")
    assert any("no_such_key" in issue.message for issue in first)
    checked: list[str] = []
    real = generator.validate._schema_issues

    def counted(spec: SpecFile, kind: str) -> list[SpecIssue]:
        checked.append(kind)
        return real(spec, kind)

    monkeypatch.setattr(generator.validate, "_schema_issues", counted)
    assert generator.validate.schema_issues(valid, "operation") == []
    assert checked == []
    assert generator.validate.schema_issues(invalid, "operation") == first
    assert checked == ["operation"]


def test_compiled_templates_are_reused_by_a_new_renderer(
    cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import jinja2

    from generator.render import Renderer

    def first() -> str:
        return Renderer(PROJECT / "templates").text("index.md.j2", services=[])

    rendered = first()
    assert _entries(cache / "jinja")

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("compiled again")

    monkeypatch.setattr(jinja2.Environment, "compile", refuse)
    assert first() == rendered


# -- the sealed manifest: what --check may take on its word ---------------------------------


def _ens_specs(tmp_path: Path) -> Path:
    specs = tmp_path / "specs"
    for service in ("alibabacloud/ens", "alibabacloud/cloudsso"):
        shutil.copytree(PROJECT / "specs" / service, specs / service)
    return specs


def _check(specs: Path, out: Path) -> int:
    templates = str(PROJECT / "templates")
    return main(
        ["generate", "--check", "--specs", str(specs), "--templates", templates, "--out", str(out)]
    )


def _count_builds(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    import generator.pipeline

    runs: list[int] = []
    real = generator.pipeline.build_tree

    def counted(*args: Any, **kwargs: Any) -> Any:
        runs.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(generator.pipeline, "build_tree", counted)
    return runs


def test_check_takes_a_sealed_manifest_at_its_word(
    cache: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    specs, out = _ens_specs(tmp_path), tmp_path / "generated"
    _generate(specs, out)
    builds = _count_builds(monkeypatch)
    assert _check(specs, out) == 0
    assert builds == []
    assert "files up to date" in capsys.readouterr().out


def test_check_sees_a_hand_edit_the_manifest_vouches_for(
    cache: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import hashlib
    import json

    specs, out = _ens_specs(tmp_path), tmp_path / "generated"
    _generate(specs, out)
    client = out / "alibabacloud" / "ens" / "client.py"
    edited = client.read_bytes() + b"print('hand edit')\n"
    client.write_bytes(edited)
    recorded = json.loads((out / ".manifest.json").read_bytes())
    recorded["files"]["alibabacloud/ens/client.py"] = hashlib.sha256(edited).hexdigest()
    (out / ".manifest.json").write_text(json.dumps(recorded, indent=1) + "\n", "utf-8")
    builds = _count_builds(monkeypatch)
    capsys.readouterr()
    assert _check(specs, out) == 1
    assert builds == [1]
    assert "stale: " in capsys.readouterr().err


def test_check_does_not_take_another_machines_word(
    cache: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    specs, out = _ens_specs(tmp_path), tmp_path / "generated"
    _generate(specs, out)
    (cache / "manifest.key").unlink()  # this machine's key is now another one
    builds = _count_builds(monkeypatch)
    assert _check(specs, out) == 0
    assert builds == [1]
    monkeypatch.setenv(outcache.DISABLE, "1")  # no cache: no key, nothing sealed
    assert _check(specs, out) == 0
    assert builds == [1, 1]
    capsys.readouterr()


def test_a_sealed_stale_check_loads_only_the_changed_dir(
    cache: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import generator.normalize
    import generator.pipeline

    specs, out = _ens_specs(tmp_path), tmp_path / "generated"
    _generate(specs, out)
    page = specs / "alibabacloud" / "ens" / "ListBuckets.yaml"
    page.write_text(
        page.read_text("utf-8").replace("Pages start from page 1.", "Pages start at 1.")
    )
    loaded: list[str] = []
    real = generator.normalize._load_service_dir

    def spy(directory: Path, root: Path, *args: bool) -> object:
        loaded.append(directory.relative_to(root).as_posix())
        return real(directory, root, *args)

    monkeypatch.setattr(generator.normalize, "_load_service_dir", spy)
    monkeypatch.setattr(generator.pipeline, "_cpus", lambda: 1)
    capsys.readouterr()
    assert _check(specs, out) == 1
    assert loaded == ["alibabacloud/ens"]
    stale = [line for line in capsys.readouterr().err.splitlines() if line.startswith("stale: ")]
    assert stale and all(
        "/alibabacloud/ens/" in line or "CHANGELOG" in line or "snapshot" in line for line in stale
    )
