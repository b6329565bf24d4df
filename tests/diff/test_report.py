"""``python -m generator diff``: reports, JSON schema, exit codes, and where the sides come from
(spec trees, single operation files, snapshots, git revisions)."""

from __future__ import annotations

import json
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml

from generator.cli import main
from generator.diff import (
    BREAKING,
    NON_BREAKING,
    Finding,
    diff_specs,
    dump_snapshot,
    load_snapshot,
)
from generator.diff.locations import Location
from generator.diff.reports import report_text, where_text
from generator.normalize import load_specs
from tests.diff.specpair import (
    ENS_BEFORE,
    ENS_FILE,
    ENS_PAGE_UPDATE,
    SPECS,
    SpecPair,
    copy_seed,
    doc,
    setp,
)

B, NB = BREAKING, NON_BREAKING

EXPECTED_ENS_FINDINGS = [
    ("parameter-maximum-narrowed", "ListBuckets.parameters.PageSize.maximum", 100, 50, B),
    ("error-code-added", "ListBuckets.errors.InvalidPageSize", None, 400, NB),
    (
        "parameter-added-optional",
        "ListBuckets.parameters.EnsRegionId",
        None,
        "string, query, optional",
        NB,
    ),
    ("response-field-added", "ListBuckets.response.PageSize", None, "integer", NB),
    (
        "description-changed",
        "ListBuckets.parameters.PageSize.description",
        "The maximum number of returned buckets. The value cannot be greater than 100.",
        "The maximum number of returned buckets. The value cannot be greater than 50.",
        NB,
    ),
    ("last-updated-changed", "ListBuckets.source.last_updated", "2026-03-27", "2026-06-04", NB),
]

EXPECTED_ENS_REPORT = """\
spec diff: {old} → {new}

API changes:
  alibabacloud/ens ListBuckets
    ! BREAKING: ListBuckets.parameters.PageSize.maximum: 100 → 50  [parameter-maximum-narrowed]
        at specs/alibabacloud/ens/ListBuckets.yaml:41
        request range narrowed: callers sending page_size above 50 are now rejected
    + non-breaking: ListBuckets.errors.InvalidPageSize: added 400  [error-code-added]
        at specs/alibabacloud/ens/ListBuckets.yaml: old line 113, new line 145
        new exception InvalidPageSizeError under the service's base error; handlers of the base \
still catch it
    + non-breaking: ListBuckets.parameters.EnsRegionId: added "string, query, optional"  \
[parameter-added-optional]
        at specs/alibabacloud/ens/ListBuckets.yaml: old line 19, new line 45
        new optional ens_region_id=; existing calls are unchanged
    + non-breaking: ListBuckets.response.PageSize: added "integer"  [response-field-added]
        at specs/alibabacloud/ens/ListBuckets.yaml: old line 45, new line 72
        new response field .page_size; existing readers are unaffected

Documentation changes:
  alibabacloud/ens ListBuckets
    ~ ListBuckets.parameters.PageSize.description: "…cannot be greater than 100." → "…cannot be \
greater than 50."  [description-changed]
        at specs/alibabacloud/ens/ListBuckets.yaml:43
    ~ ListBuckets.source.last_updated: "2026-03-27" → "2026-06-04"  [last-updated-changed]
        at specs/alibabacloud/ens/ListBuckets.yaml:8

Totals: 1 breaking, 3 non-breaking, 2 documentation (6 findings in 1 service(s), 1 operation(s))
"""


@pytest.fixture
def ens_update(make_pair: Callable[..., SpecPair]) -> SpecPair:
    pair = make_pair("alibabacloud/ens")
    pair.edit(ENS_BEFORE, side="old").edit(ENS_BEFORE, ENS_PAGE_UPDATE, side="new")
    return pair


def _diff(capsys: pytest.CaptureFixture[str], *args: str | Path) -> tuple[int, str, str]:
    code = main(["diff", *map(str, args)])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_realistic_page_update_findings(ens_update: SpecPair) -> None:
    found = [(f.kind, f.path, f.old, f.new, f.severity) for f in ens_update.findings()]
    assert found == EXPECTED_ENS_FINDINGS


def test_realistic_page_update_text_report(
    ens_update: SpecPair, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = _diff(capsys, ens_update.old, ens_update.new)
    assert (code, err) == (0, "")
    assert out == EXPECTED_ENS_REPORT.format(old=ens_update.old, new=ens_update.new)


def test_text_report_locations_on_both_sides() -> None:
    """The text report names the spec file and line of each side, and says which side
    lacks the item (an addition or a removal)."""
    a, b = Location("a/s/X.yaml", 12), Location("a/s/X.yaml", 14)
    other = Location("a/s/service.yaml", 3)

    def finding(old: Location | None, new: Location | None) -> Finding:
        return Finding("a/s", "X", "X.summary", "summary-changed", NB, "o", "n", "r", old, new)

    assert where_text(finding(a, a)) == "at a/s/X.yaml:12"
    assert where_text(finding(a, b)) == "at a/s/X.yaml: old line 12, new line 14"
    assert where_text(finding(a, other)) == "at old a/s/X.yaml:12, new a/s/service.yaml:3"
    assert where_text(finding(None, b)) == "at new a/s/X.yaml:14 (not in the old side)"
    assert where_text(finding(a, None)) == "at old a/s/X.yaml:12 (not in the new side)"
    assert where_text(finding(Location("a/s/X.yaml"), None)) == (
        "at old a/s/X.yaml (not in the new side)"
    )
    assert where_text(finding(None, None)) is None
    text = report_text([finding(a, b), finding(None, None)], "old", "new")
    assert (
        '    ~ X.summary: "o" → "n"  [summary-changed]\n        at a/s/X.yaml: old line 12' in text
    )
    assert text.count("        at ") == 1


@pytest.mark.parametrize(
    ("fail_on", "expected"), [("none", 0), ("breaking", 1), ("warning", 1), ("any", 1)]
)
def test_exit_codes_with_a_breaking_change(
    ens_update: SpecPair, capsys: pytest.CaptureFixture[str], fail_on: str, expected: int
) -> None:
    assert _diff(capsys, ens_update.old, ens_update.new, "--fail-on", fail_on)[0] == expected
    assert (
        _diff(capsys, ens_update.old, ens_update.new, "--format", "json", "--fail-on", fail_on)[0]
        == expected
    )


def test_a_warning_in_the_reports(
    make_pair: Callable[..., SpecPair], capsys: pytest.CaptureFixture[str]
) -> None:
    """A changed default is a warning: marked ``?`` in text, counted apart in JSON."""
    pair = make_pair("alibabacloud/ens").edit(
        doc(ENS_FILE, setp(("parameters", "PageSize", "default"), "20"))
    )
    code, out, _ = _diff(capsys, pair.old, pair.new)
    assert code == 0
    assert '? WARNING: ListBuckets.parameters.PageSize.default: "10" → "20"' in out
    assert "calls that omit page_size= now get 20 instead of 10: they still work" in out
    assert "Totals: 0 breaking, 1 warning, 0 non-breaking, 0 documentation" in out
    code, out, _ = _diff(capsys, pair.old, pair.new, "--format", "json")
    summary = json.loads(out)["summary"]
    assert (summary["warning"], summary["non_breaking"], summary["total"]) == (1, 0, 1)


@pytest.mark.parametrize(
    ("fail_on", "expected"), [("none", 0), ("breaking", 0), ("warning", 1), ("any", 1)]
)
def test_exit_codes_with_warning_only(
    make_pair: Callable[..., SpecPair],
    capsys: pytest.CaptureFixture[str],
    fail_on: str,
    expected: int,
) -> None:
    pair = make_pair("alibabacloud/ens").edit(
        doc(ENS_FILE, setp(("parameters", "PageSize", "default"), "20"))
    )
    assert _diff(capsys, pair.old, pair.new, "--fail-on", fail_on)[0] == expected


@pytest.mark.parametrize(
    ("fail_on", "expected"), [("none", 0), ("breaking", 0), ("warning", 0), ("any", 1)]
)
def test_exit_codes_with_documentation_only(
    make_pair: Callable[..., SpecPair],
    capsys: pytest.CaptureFixture[str],
    fail_on: str,
    expected: int,
) -> None:
    pair = make_pair("alibabacloud/ens").edit(doc(ENS_FILE, setp(("summary",), "Lists buckets.")))
    assert _diff(capsys, pair.old, pair.new, "--fail-on", fail_on)[0] == expected


@pytest.mark.parametrize("fail_on", ["none", "breaking", "warning", "any"])
def test_no_change_exits_zero(
    make_pair: Callable[..., SpecPair], capsys: pytest.CaptureFixture[str], fail_on: str
) -> None:
    pair = make_pair("alibabacloud/ens")
    code, out, _ = _diff(capsys, pair.old, pair.new, "--fail-on", fail_on)
    assert code == 0
    assert "no changes" in out
    assert out.endswith(
        "Totals: 0 breaking, 0 non-breaking, 0 documentation "
        "(0 findings in 0 service(s), 0 operation(s))\n"
    )


def _rewrite_every_spec(specs: Path, *, reorder_lists: bool) -> None:
    for path in specs.rglob("*.yaml"):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        if "shapes" in data:  # a mapping: its key order is formatting
            data["shapes"] = dict(reversed(data["shapes"].items()))
        if reorder_lists:
            for key in ("parameters", "errors", "examples", "permissions"):
                if isinstance(data.get(key), list):
                    data[key].reverse()
            if "response" in data:
                data["response"]["fields"].reverse()
            for shape in data.get("shapes", {}).values():
                shape["fields"].reverse()
        text = yaml.safe_dump(data, sort_keys=True, width=40, default_style=None)
        assert text != path.read_text(encoding="utf-8")
        path.write_text(text, encoding="utf-8")


def test_formatting_only_edits_are_no_change(tmp_path: Path) -> None:
    """Every spec rewritten: keys sorted, shapes reordered, lines rewrapped, comments dropped,
    quoting changed."""
    new = tmp_path / "specs"
    shutil.copytree(SPECS, new)
    _rewrite_every_spec(new, reorder_lists=False)
    assert diff_specs(load_specs(SPECS), load_specs(new)) == []


def test_reordered_list_items_are_only_list_order_findings(tmp_path: Path) -> None:
    """Parameters, fields, errors, examples and permissions in another order: the generated
    signatures, models and docs follow the spec's order, so each reordered list is one
    non-breaking list-order-changed finding (completeness), and nothing else."""
    new = tmp_path / "specs"
    shutil.copytree(SPECS, new)
    _rewrite_every_spec(new, reorder_lists=True)
    found = diff_specs(load_specs(SPECS), load_specs(new))
    assert found
    assert {(f.kind, f.severity) for f in found} == {("list-order-changed", NON_BREAKING)}
    assert all(sorted(f.old) == sorted(f.new) and f.old != f.new for f in found)


# -- JSON ------------------------------------------------------------------------------------


def test_json_schema(ens_update: SpecPair, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _diff(capsys, ens_update.old, ens_update.new, "--format", "json")
    assert code == 0
    document = json.loads(out)
    assert list(document) == ["schema_version", "old", "new", "findings", "summary"]
    assert document["schema_version"] == 1
    assert (document["old"], document["new"]) == (str(ens_update.old), str(ens_update.new))
    assert document["summary"] == {
        "breaking": 1,
        "warning": 0,
        "non_breaking": 3,
        "documentation": 2,
        "total": 6,
        "services": 1,
        "operations": 1,
    }
    for finding in document["findings"]:
        assert list(finding) == [
            "service",
            "operation",
            "path",
            "kind",
            "severity",
            "category",
            "old",
            "new",
            "reason",
            "fingerprint",
            "old_location",
            "new_location",
            "accepted",
        ]
        assert finding["service"] == "alibabacloud/ens"
        assert finding["operation"] == "ListBuckets"
        assert finding["severity"] in ("breaking", "non-breaking")
        assert finding["category"] in ("api", "documentation")
    found = [
        (f["kind"], f["path"], f["old"], f["new"], f["severity"]) for f in document["findings"]
    ]
    assert found == EXPECTED_ENS_FINDINGS
    # byte-stable across runs
    assert _diff(capsys, ens_update.old, ens_update.new, "--format", "json")[1] == out


# -- where the sides come from ---------------------------------------------------------------


def _kinds(out: str) -> list[str]:
    return [f["kind"] for f in json.loads(out)["findings"]]


def test_two_single_operation_files(
    ens_update: SpecPair, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = _diff(
        capsys, ens_update.old / ENS_FILE, ens_update.new / ENS_FILE, "--format", "json"
    )
    assert (code, err) == (0, "")
    assert _kinds(out) == [k for k, *_ in EXPECTED_ENS_FINDINGS]


def test_single_file_needs_its_service_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    lonely = tmp_path / "ListBuckets.yaml"
    shutil.copyfile(SPECS / ENS_FILE, lonely)
    code, _, err = _diff(capsys, lonely, SPECS / ENS_FILE)
    assert code == 2
    assert "no service.yaml beside this operation file" in err


def test_snapshot_against_tree(
    ens_update: SpecPair, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    snapshot = tmp_path / "old.json"
    snapshot.write_bytes(dump_snapshot(load_specs(ens_update.old)))
    code, out, _ = _diff(capsys, snapshot, ens_update.new, "--format", "json")
    assert code == 0
    assert _kinds(out) == [k for k, *_ in EXPECTED_ENS_FINDINGS]


def test_snapshot_of_an_older_layout(
    ens_update: SpecPair, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Snapshots written before one-line-per-service (indented JSON) still read the same."""
    snapshot = tmp_path / "old.json"
    document = json.loads(dump_snapshot(load_specs(ens_update.old)))
    snapshot.write_text(json.dumps(document, indent=1, sort_keys=True, ensure_ascii=False) + "\n")
    assert load_snapshot(snapshot.read_bytes()) == load_specs(ens_update.old)
    code, out, _ = _diff(capsys, snapshot, ens_update.new, "--format", "json")
    assert code == 0
    assert _kinds(out) == [k for k, *_ in EXPECTED_ENS_FINDINGS]


def test_invalid_side_exits_two_with_file_and_line(
    make_pair: Callable[..., SpecPair], capsys: pytest.CaptureFixture[str]
) -> None:
    pair = make_pair("alibabacloud/ens")
    path = pair.new / ENS_FILE
    text = path.read_text(encoding="utf-8").replace("required: false", "required: maybe", 1)
    path.write_text(text, encoding="utf-8")
    code, out, err = _diff(capsys, pair.old, pair.new, "--fail-on", "none")
    assert code == 2 and out == ""
    assert "specs/alibabacloud/ens/ListBuckets.yaml:" in err


def _git(repo: Path, *args: str) -> None:
    subprocess.run(
        [
            "git",
            "-c",
            "user.name=t",
            "-c",
            "user.email=t@example.com",
            "-c",
            "commit.gpgsign=false",
            *args,
        ],
        cwd=repo,
        check=True,
        capture_output=True,
    )


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A git repository whose HEAD holds the ENS specs; the work tree has the page update."""
    root = tmp_path / "repo"
    copy_seed("alibabacloud/ens", root / "specs")
    ENS_BEFORE(root / "specs")
    _git(root, "init", "-q")
    _git(root, "add", ".")
    _git(root, "commit", "-q", "-m", "specs")
    ENS_PAGE_UPDATE(root / "specs")
    return root


def test_default_is_head_against_work_tree(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _diff(capsys, "--specs", repo / "specs", "--format", "json")
    assert code == 0
    document = json.loads(out)
    assert document["old"] == "HEAD:specs"
    assert document["new"].endswith("specs (working tree)")
    assert _kinds(out) == [k for k, *_ in EXPECTED_ENS_FINDINGS]
    assert _diff(capsys, "--specs", repo / "specs", "--fail-on", "breaking")[0] == 1


def test_base_revision_and_revision_pairs(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    specs = repo / "specs"
    expected = [k for k, *_ in EXPECTED_ENS_FINDINGS]
    json_args = ("--specs", specs, "--format", "json")
    assert _kinds(_diff(capsys, "--base", "HEAD", *json_args)[1]) == expected
    assert _kinds(_diff(capsys, "HEAD", *json_args)[1]) == expected
    _git(repo, "commit", "-q", "-am", "page update")
    assert _kinds(_diff(capsys, "--specs", specs, "--format", "json")[1]) == []
    code, out, _ = _diff(capsys, "HEAD~1", "HEAD", "--specs", specs, "--format", "json")
    assert code == 0 and _kinds(out) == expected
    assert json.loads(out)["old"] == "HEAD~1:specs"


def test_bad_arguments_exit_two(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    specs = repo / "specs"
    code, _, err = _diff(capsys, "no-such-rev", "--specs", specs)
    assert code == 2 and "neither a path nor a git revision" in err
    code, _, err = _diff(capsys, "--base", "no-such-rev", "--specs", specs)
    assert code == 2 and "unknown git revision" in err
    code, _, err = _diff(capsys, "--base", "HEAD", "a", "b", "--specs", specs)
    assert code == 2 and "at most one" in err


def test_specs_absent_at_revision_means_all_added(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = tmp_path / "repo"
    root.mkdir()
    (root / "README").write_text("x\n")
    _git(root, "init", "-q")
    _git(root, "add", ".")
    _git(root, "commit", "-q", "-m", "empty")
    copy_seed("alibabacloud/ens", root / "specs")
    code, out, _ = _diff(capsys, "--specs", root / "specs", "--format", "json")
    assert code == 0
    assert [(f["kind"], f["path"]) for f in json.loads(out)["findings"]] == [
        ("service-added", "service")
    ]


def test_a_side_without_its_stored_pages_still_compares(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """An old revision may predate the page snapshots: the diff reads specs, not pages."""
    old = tmp_path / "specs"
    shutil.copytree(SPECS, old)
    removed = [page.unlink() for page in old.rglob("*.page.txt")]
    assert removed
    code, out, err = _diff(capsys, old, SPECS, "--format", "json")
    assert (code, err) == (0, "")
    assert json.loads(out)["summary"]["total"] == 0
