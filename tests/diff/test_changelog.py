"""generated/CHANGELOG.md: one entry per spec change set, made from the diff, reproducible,
seen as stale by ``generate --check`` and never added twice."""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from generator.changelog import CHANGELOG, HEADER, SNAPSHOT, entry_title, update_changelog
from generator.cli import main
from generator.diff import BREAKING, NON_BREAKING, Finding, diff_specs, read_snapshot
from generator.normalize import load_specs
from tests.diff.specpair import ENS_BEFORE, ENS_PAGE_UPDATE, PROJECT, SpecPair, copy_seed

ENTRY_2 = """\
## 2. alibabacloud/ens ListBuckets (page updated 2026-06-04)

1 breaking, 3 non-breaking, 2 documentation. Suggested version bump: major (breaking changes).

### Breaking

- `ListBuckets.parameters.PageSize.maximum`: `100` → `50` — request range narrowed: callers \
sending page_size above 50 are now rejected (`parameter-maximum-narrowed`)

### Non-breaking

- `ListBuckets.errors.InvalidPageSize`: added `400` — new exception InvalidPageSizeError under \
the service's base error; handlers of the base still catch it (`error-code-added`)
- `ListBuckets.parameters.EnsRegionId`: added `"string, query, optional"` — new optional \
ens_region_id=; existing calls are unchanged (`parameter-added-optional`)
- `ListBuckets.response.PageSize`: added `"integer"` — new response field .page_size; existing \
readers are unaffected (`response-field-added`)

### Documentation

- `ListBuckets.parameters.PageSize.description`: `"…cannot be greater than 100."` → `"…cannot \
be greater than 50."` — description changed; documentation only (`description-changed`)
- `ListBuckets.source.last_updated`: `"2026-03-27"` → `"2026-06-04"` — the page was updated on \
2026-06-04; documentation only (`last-updated-changed`)
"""


def _entries(text: str) -> list[str]:
    return re.findall(r"^## (\d+\. .*)$", text, re.MULTILINE)


def _write(out: Path, files: dict[str, bytes]) -> None:
    for name, content in files.items():
        (out / name).parent.mkdir(parents=True, exist_ok=True)
        (out / name).write_bytes(content)


@pytest.fixture
def ens_update(make_pair: Callable[..., SpecPair]) -> SpecPair:
    pair = make_pair("alibabacloud/ens")
    pair.edit(ENS_BEFORE, side="old").edit(ENS_BEFORE, ENS_PAGE_UPDATE, side="new")
    return pair


def test_first_generation_writes_the_initial_entry(ens_update: SpecPair, tmp_path: Path) -> None:
    update = update_changelog(tmp_path / "generated", load_specs(ens_update.old))
    assert update.entry == 1 and update.findings == ()
    assert update.title == "Initial generation: 1 operation"
    text = update.files[CHANGELOG].decode()
    assert (
        text == HEADER + "\n## 1. Initial generation: 1 operation\n\n"
        "- alibabacloud/ens ListBuckets (page updated 2026-03-27)\n"
    )
    _write(tmp_path / "generated", update.files)
    assert read_snapshot(tmp_path / "generated" / SNAPSHOT) == load_specs(ens_update.old)


def test_one_entry_per_change_set_and_none_on_rerun(ens_update: SpecPair, tmp_path: Path) -> None:
    out = tmp_path / "generated"
    old, new = load_specs(ens_update.old), load_specs(ens_update.new)
    first = update_changelog(out, old)
    _write(out, first.files)
    again = update_changelog(out, old)
    assert again.entry is None and again.files == first.files  # byte for byte

    update = update_changelog(out, new)
    assert update.entry == 2
    assert update.title == "alibabacloud/ens ListBuckets (page updated 2026-06-04)"
    assert list(update.findings) == diff_specs(old, new)  # the changelog is the diff
    text = update.files[CHANGELOG].decode()
    assert (
        text == HEADER + "\n" + ENTRY_2 + "\n" + first.files[CHANGELOG].decode()[len(HEADER) + 1 :]
    )
    assert _entries(text) == [
        "2. alibabacloud/ens ListBuckets (page updated 2026-06-04)",
        "1. Initial generation: 1 operation",
    ]
    _write(out, update.files)
    rerun = update_changelog(out, new)
    assert rerun.entry is None and rerun.files == update.files


def test_unreadable_snapshot_starts_a_baseline(ens_update: SpecPair, tmp_path: Path) -> None:
    out = tmp_path / "generated"
    specs = load_specs(ens_update.old)
    _write(out, update_changelog(out, specs).files)
    (out / SNAPSHOT).write_text('{"snapshot_version": 99}')
    update = update_changelog(out, specs)
    assert update.entry == 2 and update.title == "Baseline: 1 operation"
    assert "unsupported snapshot version 99" in update.files[CHANGELOG].decode()


def test_entry_titles() -> None:
    specs = load_specs(PROJECT / "specs")

    def finding(service: str, operation: str | None) -> Finding:
        return Finding(service, operation, "x", "summary-changed", NON_BREAKING, "a", "b", "r")

    assert entry_title([finding("alibabacloud/ens", None)], specs) == "alibabacloud/ens service"
    assert entry_title([finding("alibabacloud/ens", "Gone")], specs) == (
        "alibabacloud/ens Gone (removed)"
    )
    many = [finding(f"p/s{i}", f"Op{i}") for i in range(5)]
    assert entry_title(many, specs) == "5 operations in 5 services"
    breaking = Finding(
        "huaweicloud/ga", "ListByoipPools", "x", "operation-removed", BREAKING, None, None, "r"
    )
    assert entry_title([breaking], specs).startswith("huaweicloud/ga ListByoipPools (page updated")


# -- through `generate` ----------------------------------------------------------------------


def _generate(tree: Path, *extra: str) -> int:
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


def _files(root: Path) -> dict[str, bytes]:
    return {
        p.relative_to(root).as_posix(): p.read_bytes()
        for p in sorted(root.rglob("*"))
        if p.is_file() and "__pycache__" not in p.parts
    }


def test_generate_keeps_the_changelog(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    tree = tmp_path
    monkeypatch.chdir(tree)  # messages name files relative to it: stale: generated/...
    copy_seed("alibabacloud/ens", tree / "specs")
    shutil.copytree(PROJECT / "templates", tree / "templates")
    ENS_BEFORE(tree / "specs")
    out = tree / "generated"

    assert _generate(tree) == 0
    assert "CHANGELOG.md entry 1: Initial generation: 1 operation" in capsys.readouterr().out
    assert _generate(tree, "--check") == 0
    capsys.readouterr()

    ENS_PAGE_UPDATE(tree / "specs")
    before = _files(out)
    assert _generate(tree, "--check") == 1
    err = capsys.readouterr().err
    assert "stale: generated/CHANGELOG.md (missing or different)" in err
    assert "stale: generated/.spec-snapshot/alibabacloud/ens.json (missing or different)" in err
    assert (
        "specs changed since the last generate (1 breaking, 3 non-breaking, 2 documentation)" in err
    )
    assert _files(out) == before  # --check writes nothing

    assert _generate(tree) == 0
    assert (
        "CHANGELOG.md entry 2: alibabacloud/ens ListBuckets (page updated 2026-06-04) "
        "(1 breaking, 3 non-breaking, 2 documentation)"
    ) in capsys.readouterr().out
    after = _files(out)
    assert _entries(after[CHANGELOG].decode()) == [
        "2. alibabacloud/ens ListBuckets (page updated 2026-06-04)",
        "1. Initial generation: 1 operation",
    ]
    assert ENTRY_2 in after[CHANGELOG].decode()

    assert _generate(tree) == 0  # a rerun adds nothing and writes nothing
    assert "0 written" in capsys.readouterr().out
    assert _files(out) == after
    assert _generate(tree, "--check") == 0
