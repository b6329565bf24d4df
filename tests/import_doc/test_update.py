"""Item 3, update mode: scripted edits of the stored pages yield exactly that delta.

Each edit is written in the page's own format (rendered text, Markdown, reStructuredText);
the tool is general. The spec is edited in place: the delta only, every comment and human
decision kept; the `generator diff` report shows the matching findings.
"""

from __future__ import annotations

import json
import re
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from generator.cli import main

FIXTURES = Path(__file__).parent.parent / "fixtures" / "import_doc"
Edit = Callable[[str], str]


def _insert_after(anchor: str, text: str) -> Edit:
    def edit(page: str) -> str:
        assert anchor in page, anchor
        return page.replace(anchor, anchor + text, 1)

    return edit


def _replace(old: str, new: str) -> Edit:
    def edit(page: str) -> str:
        assert old in page, old
        return page.replace(old, new, 1)

    return edit


def _edits(*edits: Edit) -> Edit:
    def edit(page: str) -> str:
        for one in edits:
            page = one(page)
        return page

    return edit


def _remove_line(start: str) -> Edit:
    def edit(page: str) -> str:
        lines = page.split("\n")
        hits = [i for i, line in enumerate(lines) if line.strip().startswith(start)]
        assert len(hits) == 1, start
        del lines[hits[0]]
        return "\n".join(lines)

    return edit


def _grid_row(copy_of: str, name: str) -> Edit:
    """A copy of a one-line grid-table row (and its rule), under another name."""

    def edit(page: str) -> str:
        lines = page.split("\n")
        at = next(i for i, line in enumerate(lines) if line.startswith(f"   | {copy_of} "))
        row = lines[at].replace(f"| {copy_of} ", f"| {name.ljust(len(copy_of))} ", 1)
        lines[at + 2 : at + 2] = [row, lines[at + 1]]
        return "\n".join(lines)

    return edit


# page -> edit -> (the edit, the spec changes it must make, the API findings of diff)
CASES: dict[str, dict[str, tuple[Edit, set[str], set[str]]]] = {
    "alibabacloud_ens/ListBuckets": {
        "parameter added": (
            _insert_after("\n\n5\n", "\nRegionId\n\nstring\n\nNo\n\nThe region.\n\ncn-x\n"),
            {"parameters.RegionId: added"},
            {"parameter-added-optional"},
        ),
        "range changed": (
            _replace("cannot be greater than 100", "cannot be greater than 50"),
            {"parameters.PageSize.maximum: 100 -> 50", "parameters.PageSize.description"},
            {"parameter-maximum-narrowed"},
        ),
        "field added": (
            _insert_after("Schema of Response\n", "\nMaxKeys\n\ninteger\n\nThe page size.\n\n7\n"),
            {"response.fields.MaxKeys: added"},
            {"response-field-added"},
        ),
        "error row removed": (
            _remove_line("404 NoSuchBucket"),
            {"errors.NoSuchBucket: removed"},
            {"error-code-removed"},
        ),
        "date changed": (
            _replace("Last Updated:Mar 27, 2026", "Last Updated:Apr 02, 2026"),
            {"source.last_updated: 2026-03-27 -> 2026-04-02"},
            set(),
        ),
    },
    "alibabacloud_oss/ListResourcePools": {
        "parameter added": (
            _insert_after(
                "list additional resource pools.\n",
                "\nprefix\n\nString\n\nNo\n\npool\n\nThe prefix of the pool names.\n",
            ),
            {"parameters.prefix: added"},
            {"parameter-added-optional"},
        ),
        "field added": (
            _insert_after(
                "Parent nodes: ResourcePool\n\n",
                "Bucket\n\nString\n\nexamplebucket\n\nA bucket of the pool.\n\n"
                "Parent nodes: ResourcePool\n\n",
            ),
            {"response.fields.ResourcePool.Bucket: added"},
            {"response-field-added"},
        ),
        "date changed": (
            _replace("Last Updated:Jun 04, 2026", "Last Updated:Jun 10, 2026"),
            {"source.last_updated: 2026-06-04 -> 2026-06-10"},
            set(),
        ),
    },
    "huaweicloud_ga/ListByoipPools": {
        "parameter added": (
            _insert_after(
                "used together with limit.\n",
                "\nname\n\nNo\n\nString\n\nSpecifies the pool name.\n",
            ),
            {"parameters.name: added"},
            {"parameter-added-optional"},
        ),
        "range changed": (
            _replace("the default value is 500", "the default value is 200"),
            {"parameters.limit.default: 500 -> 200", "parameters.limit.description"},
            {"parameter-default-changed"},
        ),
        "field added": (
            _insert_after(
                "resources on the current list.\n",
                "\nprevious_marker\n\nString\n\nSpecifies the marker of the previous page.\n",
            ),
            {"response.fields.page_info.previous_marker: added"},
            {"response-field-added"},
        ),
        "date changed": (
            _replace("Updated on 2025-11-25", "Updated on 2025-12-01"),
            {"source.last_updated: 2025-11-25 -> 2025-12-01"},
            set(),
        ),
    },
    "alibabacloud_cloudsso/ListDirectories": {
        "parameter added": (
            _insert_after(
                "Set the value to ListDirectories. |\n",
                "MaxResults | Integer | No | 10 |\nThe number of entries per page. |\n",
            ),
            {"parameters.MaxResults: added"},
            {"parameter-added-optional"},
        ),
        "field added": (
            _insert_after(
                "The number of directories. |\n",
                "NextToken | String | abc |\nThe token of the next page. |\n",
            ),
            {"response.fields.NextToken: added"},
            {"response-field-added"},
        ),
    },
    "alibabacloud_vpc/DescribeEipAddresses": {
        "parameter added": (
            _insert_after(
                "|RegionId|String|Yes|cn-hangzhou|The region ID of the EIPs. You can call the "
                "[DescribeRegions](~~36063~~) operation to query the most recent region list. |\n",
                "|Tag|String|No|env|A tag key. |\n",
            ),
            {"parameters.Tag: added"},
            {"parameter-added-optional"},
        ),
        "range changed": (
            _replace("Maximum value: **100**", "Maximum value: **50**"),
            {"parameters.PageSize.maximum: 100 -> 50", "parameters.PageSize.description"},
            {"parameter-maximum-narrowed"},
        ),
        "error row removed": (
            _remove_line("|400|InvalidResourceGroupId|"),
            {"errors.InvalidResourceGroupId: removed"},
            {"error-code-removed"},
        ),
    },
    "alibabacloud_config/GetResourceConfigurationTimeline": {
        "parameter added": (
            _insert_after(
                "|ResourceId|String|Yes|i-bp19xem7lt97h973\\*\\*\\*\\*|The ID of the resource. |\n",
                "|Owner|String|No|me|The owner of the resource. |\n",
            ),
            {"parameters.Owner: added"},
            {"parameter-added-optional"},
        ),
        "range changed": (
            _replace("Valid values: 1 to 100. Default", "Valid values: 1 to 50. Default"),
            {"parameters.Limit.maximum: 100 -> 50", "parameters.Limit.description"},
            {"parameter-maximum-narrowed"},
        ),
        "error row removed": (
            _remove_line("|503|"),
            {"errors.ServiceUnavailable: removed"},
            {"error-code-removed"},
        ),
    },
    "alibabacloud_sls/GetLogs": {
        "parameter added": (
            _insert_after(
                "    |topic|String|No|groupA|The topic of the logs.|\n",
                "    |shard|Integer|No|1|The shard to query.|\n",
            ),
            {"parameters.shard: added"},
            {"parameter-added-optional"},
        ),
        "range changed": (
            _replace(
                "Maximum value: 100. Default value: 100.", "Maximum value: 50. Default value: 50."
            ),
            {
                "parameters.line.maximum: 100 -> 50",
                "parameters.line.default: 100 -> 50",
                "parameters.line.description",
            },
            {"parameter-maximum-narrowed", "parameter-default-changed"},
        ),
        "error row removed": (
            _remove_line("|400|InvalidReverse|"),
            {"errors.InvalidReverse: removed"},
            {"error-code-removed"},
        ),
    },
    "opentelekomcloud_evs/QueryingDetailsAboutAllDisks": {
        "parameter added": (
            _grid_row("name", "tag"),
            {"parameters.tag: added"},
            {"parameter-added-optional"},
        ),
        "range changed": (
            _edits(
                _replace("Maximum value: **1000**", "Maximum value: **500** "),
                _replace("Default value: **1000**", "Default value: **500** "),
                _replace("The default value is **1000**.", "The default value is **500**. "),
            ),
            {
                "parameters.limit.maximum: 1000 -> 500",
                "parameters.limit.default: 1000 -> 500",
                "parameters.limit.description",
            },
            {"parameter-maximum-narrowed", "parameter-default-changed"},
        ),
    },
}
# the EVS page states the default (1000) apart from the range: narrowing the range alone makes
# the page contradict itself, which the updated spec then reports at its line
CONTRADICTIONS = {
    "opentelekomcloud_evs/QueryingDetailsAboutAllDisks": {
        "range changed": (
            _replace("Maximum value: **1000**", "Maximum value: **500** "),
            "QueryingDetailsAboutAllDisks.yaml:87: parameters[7].default: "
            "1000 is above maximum 500",
        ),
    },
}
PARAMS = [(page, edit) for page, edits in CASES.items() for edit in edits]


def _service(tmp_path: Path, page: str) -> tuple[Path, Path]:
    source = FIXTURES / page.split("/")[0]
    folder = tmp_path / "svc" / source.name
    shutil.copytree(source, folder)
    return folder, folder / f"{page.split('/')[1]}.yaml"


def _comments(text: str) -> list[str]:
    return [line.split("#", 1)[1] for line in text.splitlines() if re.search(r"\s#\s", line)]


@pytest.mark.parametrize(("page", "edit"), PARAMS, ids=[f"{p}:{e}" for p, e in PARAMS])
def test_a_page_edit_yields_exactly_its_delta(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], page: str, edit: str
) -> None:
    change, expected, findings = CASES[page][edit]
    folder, spec = _service(tmp_path, page)
    before = spec.read_text(encoding="utf-8")
    snapshot = spec.with_name(spec.name.replace(".yaml", ".page.txt"))
    new_page = tmp_path / "new.page.txt"
    new_page.write_text(change(snapshot.read_text(encoding="utf-8")), encoding="utf-8")
    old_copy = tmp_path / "old"
    shutil.copytree(folder, old_copy)

    assert main(["import-doc", str(new_page), "--service", str(folder)]) == 0
    out = capsys.readouterr().out
    applied = {
        line.split(": ", 2)[2]
        for line in out.splitlines()
        if line.startswith(f"import-doc: {spec.name}: ")
    }
    # a description change is named without its old and new text
    assert {a.split(":")[0] if ".description:" in a else a for a in applied} == expected
    after = spec.read_text(encoding="utf-8")
    assert _comments(before) == [c for c in _comments(after) if c in _comments(before)]
    assert set(_comments(before)) <= set(_comments(after))  # every comment kept
    assert snapshot.read_text(encoding="utf-8") == new_page.read_text(encoding="utf-8")
    assert "spec diff:" in out  # the generator diff report follows

    assert main(["diff", str(old_copy / spec.name), str(spec), "--format", "json"]) == 0
    report = json.loads(capsys.readouterr().out)
    api = {f["kind"] for f in report["findings"] if f["category"] == "api"}
    assert api == findings


@pytest.mark.parametrize(
    ("page", "edit"), [(p, e) for p, edits in CONTRADICTIONS.items() for e in edits]
)
def test_a_page_that_contradicts_itself_is_left_to_a_person(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], page: str, edit: str
) -> None:
    """The delta is applied, the updated spec's error is shown at its line, exit 1."""
    change, error = CONTRADICTIONS[page][edit]
    folder, spec = _service(tmp_path, page)
    snapshot = spec.with_name(spec.name.replace(".yaml", ".page.txt"))
    new_page = tmp_path / "new.page.txt"
    new_page.write_text(change(snapshot.read_text(encoding="utf-8")), encoding="utf-8")
    assert main(["import-doc", str(new_page), "--service", str(folder)]) == 1
    captured = capsys.readouterr()
    shown = captured.out + captured.err
    assert f"{spec.name}:" in shown and error in shown
    assert "settle them by hand" in captured.err


def test_an_unchanged_page_writes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder, spec = _service(tmp_path, "alibabacloud_vpc/DescribeEipAddresses")
    before = spec.read_bytes()
    snapshot = spec.with_name("DescribeEipAddresses.page.txt")
    assert main(["import-doc", str(snapshot), "--service", str(folder)]) == 0
    assert "changed nothing" in capsys.readouterr().out
    assert spec.read_bytes() == before


def test_lint_api_change_without_a_new_date(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder, spec = _service(tmp_path, "alibabacloud_ens/ListBuckets")
    snapshot = spec.with_name("ListBuckets.page.txt")
    new_page = tmp_path / "new.page.txt"
    new_page.write_text(
        _replace("cannot be greater than 100", "cannot be greater than 50")(
            snapshot.read_text(encoding="utf-8")
        ),
        encoding="utf-8",
    )
    assert main(["import-doc", str(new_page), "--service", str(folder)]) == 0
    err = capsys.readouterr().err
    assert "lint: the page's API changed (1 finding(s)) but its last-updated date did not" in err


def test_lint_numbers_in_prose_against_the_spec(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder, spec = _service(tmp_path, "alibabacloud_ens/ListBuckets")
    # a person wrote a maximum the page's text does not state
    spec.write_text(spec.read_text(encoding="utf-8").replace("maximum: 100", "maximum: 80"))
    snapshot = spec.with_name("ListBuckets.page.txt")
    new_page = tmp_path / "new.page.txt"
    new_page.write_text(
        _replace("Last Updated:Mar 27, 2026", "Last Updated:Apr 02, 2026")(
            snapshot.read_text(encoding="utf-8")
        ),
        encoding="utf-8",
    )
    assert main(["import-doc", str(new_page), "--service", str(folder)]) == 0
    err = capsys.readouterr().err
    assert "lint: parameters.PageSize.maximum: the page's text says 100, the spec has 80" in err
    assert "maximum: 80" in spec.read_text(encoding="utf-8")  # a human decision is kept


def test_human_decisions_survive_an_update(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A renamed shape, a type override and comments stay; the delta lands through them."""
    folder, spec = _service(tmp_path, "alibabacloud_ens/ListBuckets")
    text = spec.read_text(encoding="utf-8")
    assert "shape: BucketInfo}" in text and "type: datetime" in text
    spec.write_text(
        text.replace("{shape: BucketInfo}", "{shape: Bucket}").replace(
            "  BucketInfo:\n", "  Bucket:  # renamed by a person\n"
        ),
        encoding="utf-8",
    )
    snapshot = spec.with_name("ListBuckets.page.txt")
    page = snapshot.read_text(encoding="utf-8")
    page = page.replace("The time when the bucket was created.", "When the bucket was made.")
    page = page.replace(
        "cn-dalian-unicom\n",
        "cn-dalian-unicom\n\nStorageClass\n\nstring\n\nThe storage class.\n\nStandard\n",
    )
    new_page = tmp_path / "new.page.txt"
    new_page.write_text(page, encoding="utf-8")
    assert main(["import-doc", str(new_page), "--service", str(folder)]) == 0
    out = capsys.readouterr().out
    assert "response.fields.BucketInfos.CreateTime.description: changed" in out
    assert "response.fields.BucketInfos.StorageClass: added" in out
    after = spec.read_text(encoding="utf-8")
    assert "  Bucket:  # renamed by a person\n" in after and "BucketInfo:" not in after
    bucket = after[after.index("  Bucket:") :]
    created = bucket[bucket.index("- name: CreateTime") :]
    assert created.split("\n")[1].strip() == "type: datetime"  # the override is kept
    assert "When the bucket was made." in created.split("- name:")[1]
    storage = bucket[bucket.index("- name: StorageClass") :]
    assert "# import-doc:" in storage.split("\n")[0]  # placed by the draft's rule: marked
    assert after.count("# import-doc:") == 1
