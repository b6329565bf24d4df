"""Accepted changes (issue 16 item 5) and the changelog's bump, diffs and date warning
(item 7)."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from generator.changelog import change_entry, semver_bump
from generator.cli import main
from generator.diff import Finding, diff_specs
from generator.diff.acceptance import ACCEPTED_FILE, accept
from generator.normalize import load_specs
from tests.diff.specpair import ENS_BEFORE, ENS_FILE, ENS_PAGE_UPDATE, SpecPair, doc, setp

REASON = "the server never took more than 50; confirmed with the vendor"


@pytest.fixture
def ens_update(make_pair: Callable[..., SpecPair]) -> SpecPair:
    pair = make_pair("alibabacloud/ens")
    pair.edit(ENS_BEFORE, side="old").edit(ENS_BEFORE, ENS_PAGE_UPDATE, side="new")
    return pair


def _diff(capsys: pytest.CaptureFixture[str], *args: str | Path) -> tuple[int, str, str]:
    code = main(["diff", *map(str, args)])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def _breaking(capsys: pytest.CaptureFixture[str], pair: SpecPair) -> str:
    _, out, _ = _diff(capsys, pair.old, pair.new, "--format", "json")
    (fingerprint,) = [
        f["fingerprint"] for f in json.loads(out)["findings"] if f["severity"] == "breaking"
    ]
    return str(fingerprint)


def _accept(path: Path, *entries: tuple[str, str]) -> Path:
    lines = ["accepted:"]
    for fingerprint, reason in entries:
        lines += [f'  - fingerprint: "{fingerprint}"', f"    reason: {reason}"]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_an_accepted_change_is_shown_and_passes_the_gate(
    ens_update: SpecPair, capsys: pytest.CaptureFixture[str]
) -> None:
    fingerprint = _breaking(capsys, ens_update)
    assert _diff(capsys, ens_update.old, ens_update.new, "--fail-on", "breaking")[0] == 1
    # beside the new spec tree, found by default
    _accept(ens_update.new.parent / ACCEPTED_FILE, (fingerprint, REASON))
    code, out, err = _diff(
        capsys, ens_update.old, ens_update.new, "--specs", ens_update.new, "--fail-on", "breaking"
    )
    assert (code, err) == (0, "")
    assert f"        accepted [{fingerprint}]: {REASON}" in out
    assert "1 operation(s), 1 accepted)" in out
    code, out, _ = _diff(
        capsys, ens_update.old, ens_update.new, "--specs", ens_update.new, "--format", "json"
    )
    accepted = {f["fingerprint"]: f["accepted"] for f in json.loads(out)["findings"]}
    assert accepted.pop(fingerprint) == REASON
    assert set(accepted.values()) == {None}
    # --fail-on any still sees the other changes
    assert _diff(capsys, ens_update.old, ens_update.new, "--specs", ens_update.new)[0] == 0
    args = ("--specs", ens_update.new, "--fail-on", "any")
    assert _diff(capsys, ens_update.old, ens_update.new, *args)[0] == 1


def test_an_explicit_acceptance_file(
    ens_update: SpecPair, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    fingerprint = _breaking(capsys, ens_update)
    path = _accept(tmp_path / "reviewed.yaml", (fingerprint, REASON), ("0" * 16, "reverted"))
    args = ("--accepted", path, "--fail-on", "breaking", "--format", "github")
    code, out, err = _diff(capsys, ens_update.old, ens_update.new, *args)
    assert code == 0
    assert out.startswith("::notice file=specs/alibabacloud/ens/ListBuckets.yaml")
    assert f"(accepted: {REASON})" in out.splitlines()[0]
    assert "accepted change 0000000000000000 is not among the findings" in err
    code, out, _ = _diff(
        capsys, ens_update.old, ens_update.new, "--accepted", path, "--format", "sarif"
    )
    results = json.loads(out)["runs"][0]["results"]
    assert results[0]["suppressions"] == [{"kind": "external", "justification": REASON}]


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("accepted:\n  - fingerprint: xyz\n    reason: r\n", "accepted[0].fingerprint"),
        ("accepted:\n  - fingerprint: 0123456789abcdef\n", "accepted[0].reason"),
        ("- just a list\n", "expected a mapping with a list 'accepted'"),
    ],
)
def test_a_malformed_acceptance_file_exits_two(
    ens_update: SpecPair,
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    text: str,
    problem: str,
) -> None:
    path = tmp_path / "reviewed.yaml"
    path.write_text(text, encoding="utf-8")
    args = ("--accepted", path, "--format", "json")
    code, out, _ = _diff(capsys, ens_update.old, ens_update.new, *args)
    assert code == 2
    assert problem in json.loads(out)["error"]["message"]
    assert _diff(capsys, ens_update.old, ens_update.new, "--accepted", tmp_path / "none")[0] == 2


def _findings(pair: SpecPair) -> list[Finding]:
    return diff_specs(
        load_specs(pair.old, read_pages=False), load_specs(pair.new, read_pages=False)
    )


def test_the_changelog_marks_accepted_changes_and_suggests_a_bump(ens_update: SpecPair) -> None:
    findings = _findings(ens_update)
    breaking = next(f for f in findings if f.breaking)
    marked = accept(findings, {breaking.fingerprint: REASON})
    _, text = change_entry(2, marked, load_specs(ens_update.new, read_pages=False))
    assert "Suggested version bump: major (breaking changes)." in text
    assert f"are now rejected Accepted: {REASON} (`parameter-maximum-narrowed`)" in text
    assert "Warning:" not in text  # the page's date changed with it


def test_semver_bump_for_documentation(make_pair: Callable[..., SpecPair]) -> None:
    docs = make_pair("alibabacloud/ens").edit(doc(ENS_FILE, setp(("summary",), "Lists buckets.")))
    assert semver_bump(_findings(docs)) == "patch (documentation only)"


def test_semver_bump_for_api_changes(make_pair: Callable[..., SpecPair]) -> None:
    minor = make_pair("alibabacloud/ens").edit(
        doc(ENS_FILE, setp(("errors", "NoSuchBucket", "status"), 410))
    )
    assert semver_bump(_findings(minor)) == "minor (API changes, none breaking)"


def test_api_changes_without_a_new_page_date_are_flagged(
    make_pair: Callable[..., SpecPair],
) -> None:
    pair = make_pair("alibabacloud/ens").edit(
        doc(ENS_FILE, setp(("errors", "NoSuchBucket", "status"), 410))
    )
    _, text = change_entry(2, _findings(pair), load_specs(pair.new, read_pages=False))
    assert (
        '> Warning: alibabacloud/ens ListBuckets has API changes but the same "last updated" '
        "date: was the page's date copied (source.last_updated)?"
    ) in text


def test_example_changes_are_a_short_unified_diff(make_pair: Callable[..., SpecPair]) -> None:
    def edit_example(data: dict[str, list[dict[str, str]]]) -> None:
        example = next(e for e in data["examples"] if e["kind"] == "response")
        example["text"] = example["text"].replace("RequestId", "RequestID", 1)

    pair = make_pair("alibabacloud/ens").edit(doc(ENS_FILE, edit_example))
    _, text = change_entry(2, _findings(pair), load_specs(pair.new, read_pages=False))
    block = text[text.index("```diff") :]
    block = block[: block.index("```", 7) + 3]
    changed = [line.strip() for line in block.splitlines() if line.strip()[:1] in "+-"]
    assert [line[0] for line in changed] == ["-", "+"]
    assert "RequestID" in changed[1] and "RequestId" in changed[0]
    assert "…" not in block
