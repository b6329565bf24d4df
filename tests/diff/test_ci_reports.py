"""Reports CI can use (issue 16 item 6): spec file and line on both sides, a stable
fingerprint, markdown / GitHub annotations / SARIF, and a JSON error object on exit 2."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from generator.cli import main
from generator.diff import NON_BREAKING, Finding
from generator.diff.locations import Location
from generator.diff.reports import report_sarif
from tests.diff.specpair import ENS_BEFORE, ENS_FILE, ENS_PAGE_UPDATE, SpecPair, delp, doc, setp

SPEC = f"specs/{ENS_FILE}"


@pytest.fixture
def ens_update(make_pair: Callable[..., SpecPair]) -> SpecPair:
    pair = make_pair("alibabacloud/ens")
    pair.edit(ENS_BEFORE, side="old").edit(ENS_BEFORE, ENS_PAGE_UPDATE, side="new")
    return pair


def _diff(capsys: pytest.CaptureFixture[str], *args: str | Path) -> tuple[int, str, str]:
    code = main(["diff", *map(str, args)])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def _line(specs: Path, after: str, key: str) -> int:
    """The 1-based line of the first ``key`` at or after the line holding ``after``: read from
    the text, independently of the loader."""
    lines = (specs / ENS_FILE).read_text(encoding="utf-8").splitlines()
    start = next(i for i, line in enumerate(lines) if after in line)
    return next(i for i in range(start, len(lines)) if lines[i].lstrip(" -").startswith(key)) + 1


def _findings(capsys: pytest.CaptureFixture[str], pair: SpecPair) -> dict[str, dict[str, Any]]:
    code, out, _ = _diff(capsys, pair.old, pair.new, "--format", "json")
    assert code == 0
    return {f["path"]: f for f in json.loads(out)["findings"]}


def test_each_finding_has_file_and_line_on_both_sides(
    ens_update: SpecPair, capsys: pytest.CaptureFixture[str]
) -> None:
    found = _findings(capsys, ens_update)
    maximum = found["ListBuckets.parameters.PageSize.maximum"]
    assert maximum["old_location"] == {
        "file": SPEC,
        "line": _line(ens_update.old, "name: PageSize", "maximum:"),
    }
    assert maximum["new_location"] == {
        "file": SPEC,
        "line": _line(ens_update.new, "name: PageSize", "maximum:"),
    }
    added = found["ListBuckets.parameters.EnsRegionId"]
    # absent on the old side: the line of the list it joins
    assert added["old_location"]["line"] == _line(ens_update.old, "parameters:", "parameters:")
    assert added["new_location"]["line"] == _line(ens_update.new, "name: EnsRegionId", "name:")
    error = found["ListBuckets.errors.InvalidPageSize"]  # where its list item starts
    lines = (ens_update.new / ENS_FILE).read_text(encoding="utf-8").splitlines()
    code_line = _line(ens_update.new, "code: InvalidPageSize", "code:")
    start = max(i for i in range(code_line) if lines[i].startswith("- ")) + 1
    assert error["new_location"]["line"] == start


def test_fingerprints_are_stable_and_distinct(
    ens_update: SpecPair, capsys: pytest.CaptureFixture[str]
) -> None:
    first = {path: f["fingerprint"] for path, f in _findings(capsys, ens_update).items()}
    assert len(set(first.values())) == len(first)
    assert all(len(fp) == 16 and int(fp, 16) >= 0 for fp in first.values())
    # an unrelated edit beside them moves lines but changes no fingerprint
    ens_update.edit(doc(ENS_FILE, setp(("summary",), "Lists the buckets.")))
    again = {path: f["fingerprint"] for path, f in _findings(capsys, ens_update).items()}
    assert {path: again[path] for path in first} == first


def test_markdown_report_for_a_pr_comment(
    ens_update: SpecPair, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = _diff(capsys, ens_update.old, ens_update.new, "--format", "markdown")
    assert code == 0
    line = _line(ens_update.new, "name: PageSize", "maximum:")
    assert "**1 breaking, 3 non-breaking, 2 documentation" in out
    assert (
        "#### Breaking (1)\n\n| Where | Path | Change | Why | Rule |\n|---|---|---|---|---|\n"
        in out
    )
    assert (
        f"| `{SPEC}:{line}` | `ListBuckets.parameters.PageSize.maximum` | `100` → `50` | "
        "request range narrowed: callers sending page_size above 50 are now rejected | "
        "`parameter-maximum-narrowed` |"
    ) in out
    assert out.index("#### Breaking") < out.index("#### Non-breaking (3)")
    assert out.index("#### Non-breaking") < out.index("#### Documentation (2)")


def test_github_annotations(ens_update: SpecPair, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _diff(capsys, ens_update.old, ens_update.new, "--format", "github")
    assert code == 0
    lines = out.splitlines()
    line = _line(ens_update.new, "name: PageSize", "maximum:")
    assert lines[0].startswith(
        f"::error file={SPEC},line={line},"
        "title=parameter-maximum-narrowed%3A ListBuckets.parameters.PageSize.maximum::100 → 50: "
        "request range narrowed"
    )
    assert [entry.split(" ")[0] for entry in lines[:-1]] == ["::error"] + ["::notice"] * 3
    assert lines[-1].endswith(
        "1 breaking, 3 non-breaking, 2 documentation (6 findings in 1 service(s), 1 operation(s))"
    )


def test_sarif_report(ens_update: SpecPair, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _diff(capsys, ens_update.old, ens_update.new, "--format", "sarif")
    assert code == 0
    document = json.loads(out)
    assert document["version"] == "2.1.0"
    (run,) = document["runs"]
    rules = [rule["id"] for rule in run["tool"]["driver"]["rules"]]
    assert rules == sorted(rules) and "parameter-maximum-narrowed" in rules
    results = run["results"]
    assert len(results) == 6
    first = results[0]
    assert (first["ruleId"], first["level"]) == ("parameter-maximum-narrowed", "error")
    assert rules[first["ruleIndex"]] == first["ruleId"]
    (location,) = first["locations"]
    assert location["physicalLocation"] == {
        "artifactLocation": {"uri": SPEC},
        "region": {"startLine": _line(ens_update.new, "name: PageSize", "maximum:")},
    }
    json_fingerprints = {f["fingerprint"] for f in _findings(capsys, ens_update).values()}
    assert {r["partialFingerprints"]["specDiffFinding/v1"] for r in results} == json_fingerprints
    assert {r["level"] for r in results} == {"error", "note"}


@pytest.mark.parametrize("fmt", ["json", "sarif"])
def test_unreadable_side_is_a_json_error_object(
    ens_update: SpecPair, capsys: pytest.CaptureFixture[str], fmt: str
) -> None:
    code, out, err = _diff(capsys, ens_update.old, ens_update.new / "nowhere", "--format", fmt)
    assert code == 2
    document = json.loads(out)
    assert document["schema_version"] == 1
    assert document["error"]["exit_code"] == 2
    assert "is neither a path nor a git revision" in document["error"]["message"]
    assert err.startswith("diff: ")


def test_unreadable_side_is_a_github_error(
    ens_update: SpecPair, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = _diff(capsys, ens_update.old, ens_update.new / "nowhere", "--format", "github")
    assert code == 2
    assert out.startswith("::error title=spec diff::")


_MESSAGE = {
    "type": "object",
    "required": ["text"],
    "properties": {"text": {"type": "string", "minLength": 1}},
}
_LEVEL = {"enum": ["none", "note", "warning", "error"]}
_LOCATION = {
    "type": "object",
    "required": ["physicalLocation"],
    "properties": {
        "physicalLocation": {
            "type": "object",
            "required": ["artifactLocation"],
            "properties": {
                "artifactLocation": {
                    "type": "object",
                    "required": ["uri"],
                    # repository-relative, as code scanning resolves it
                    "properties": {"uri": {"type": "string", "pattern": "^[^/\\\\]"}},
                },
                "region": {
                    "type": "object",
                    "required": ["startLine"],
                    "properties": {"startLine": {"type": "integer", "minimum": 1}},
                },
            },
        }
    },
}
SARIF_2_1_0 = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "title": "the essential shape of a SARIF 2.1.0 log",
    "type": "object",
    "required": ["version", "runs"],
    "properties": {
        "$schema": {"type": "string", "format": "uri"},
        "version": {"const": "2.1.0"},
        "runs": {
            "type": "array",
            "minItems": 1,
            "items": {
                "type": "object",
                "required": ["tool", "results"],
                "properties": {
                    "tool": {
                        "type": "object",
                        "required": ["driver"],
                        "properties": {
                            "driver": {
                                "type": "object",
                                "required": ["name", "rules"],
                                "properties": {
                                    "name": {"type": "string", "minLength": 1},
                                    "rules": {
                                        "type": "array",
                                        "items": {
                                            "type": "object",
                                            "required": ["id"],
                                            "properties": {
                                                "id": {"type": "string", "minLength": 1},
                                                "shortDescription": _MESSAGE,
                                                "defaultConfiguration": {
                                                    "type": "object",
                                                    "properties": {"level": _LEVEL},
                                                },
                                            },
                                        },
                                    },
                                },
                            }
                        },
                    },
                    "automationDetails": {
                        "type": "object",
                        "properties": {"id": {"type": "string"}},
                    },
                    "results": {
                        "type": "array",
                        "items": {
                            "type": "object",
                            "required": ["ruleId", "level", "message", "locations"],
                            "properties": {
                                "ruleId": {"type": "string", "minLength": 1},
                                "ruleIndex": {"type": "integer", "minimum": 0},
                                "level": _LEVEL,
                                "message": _MESSAGE,
                                "locations": {"type": "array", "minItems": 1, "items": _LOCATION},
                                "partialFingerprints": {
                                    "type": "object",
                                    "additionalProperties": {"type": "string"},
                                },
                                "suppressions": {
                                    "type": "array",
                                    "items": {
                                        "type": "object",
                                        "required": ["kind"],
                                        "properties": {
                                            "kind": {"enum": ["inSource", "external"]},
                                            "justification": {"type": "string"},
                                        },
                                    },
                                },
                            },
                        },
                    },
                },
            },
        },
    },
}


def _valid_sarif(text: str) -> dict[str, Any]:
    document: dict[str, Any] = json.loads(text)
    jsonschema.Draft202012Validator.check_schema(SARIF_2_1_0)
    jsonschema.Draft202012Validator(SARIF_2_1_0).validate(document)
    (run,) = document["runs"]
    ids = [rule["id"] for rule in run["tool"]["driver"]["rules"]]
    for result in run["results"]:  # each result points at its rule
        assert ids[result["ruleIndex"]] == result["ruleId"]
    return document


def test_sarif_report_has_the_sarif_shape(
    ens_update: SpecPair, capsys: pytest.CaptureFixture[str]
) -> None:
    """Breaking, warning and non-breaking findings, and a removal (located on the old side)."""
    ens_update.edit(
        doc(ENS_FILE, setp(("parameters", "PageSize", "default"), "20")),
        doc(ENS_FILE, delp(("parameters", "Prefix"))),
    )
    code, out, _ = _diff(capsys, ens_update.old, ens_update.new, "--format", "sarif")
    assert code == 0
    results = _valid_sarif(out)["runs"][0]["results"]
    assert {r["level"] for r in results} == {"error", "warning", "note"}
    removed = next(r for r in results if r["ruleId"] == "parameter-removed")
    assert removed["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == SPEC


def test_the_sarif_shape_catches_a_broken_report() -> None:
    """The schema is not vacuous: what a careless change to the report would do fails it."""
    finding = Finding(
        "a/s", "X", "X.summary", "summary-changed", NON_BREAKING, "o", "n", "r",
        Location("specs/a/s/X.yaml", 3), Location("specs/a/s/X.yaml", 4), accepted="reviewed",
    )  # fmt: skip
    document = _valid_sarif(report_sarif([finding], "old", "new"))
    assert document["runs"][0]["results"][0]["suppressions"][0]["kind"] == "external"
    result = document["runs"][0]["results"][0]
    for broken in (
        {**document, "version": "2.0.0"},
        {**document, "runs": []},
        {**document, "runs": [{**document["runs"][0], "tool": {"driver": {"rules": []}}}]},
        {**document, "runs": [{**document["runs"][0], "results": [{**result, "level": "info"}]}]},
        {**document, "runs": [{**document["runs"][0], "results": [{**result, "locations": []}]}]},
    ):
        with pytest.raises(jsonschema.ValidationError):
            jsonschema.Draft202012Validator(SARIF_2_1_0).validate(broken)
