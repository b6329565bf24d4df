"""Round trip: import-doc on each stored page reproduces the hand-written spec.

Names, locations, required flags and nesting must match 100%, except at entries the draft
marked ``# import-doc:``. Types, constraints, errors and examples are counted and printed
(``pytest -s``).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.import_doc import detect, read
from generator.import_doc.accuracy import HEADER, compare, row
from generator.import_doc.draft import MARK, draft

FIXTURES = Path(__file__).parent.parent / "fixtures" / "import_doc"
PAGES = sorted(FIXTURES.glob("*/*.page.txt"))
FORMATS = {
    "ListDirectories": "text",
    "ListBuckets": "text",
    "ListResourcePools": "text",
    "ListByoipPools": "text",
    "DescribeEipAddresses": "markdown",
    "GetResourceConfigurationTimeline": "markdown",
    "GetLogs": "markdown",
    "QueryingDetailsAboutAllDisks": "rst",
}


def _draft(page: Path) -> str:
    text, _ = draft(read(page.read_text(encoding="utf-8")), page.name)
    return text


def test_all_eight_pages_are_there() -> None:
    assert {page.name.removesuffix(".page.txt") for page in PAGES} == set(FORMATS)


@pytest.mark.parametrize("page", PAGES, ids=lambda page: page.parent.name)
def test_format_is_detected(page: Path) -> None:
    assert detect(page.read_text(encoding="utf-8")) == FORMATS[page.name[: -len(".page.txt")]]


@pytest.mark.parametrize("page", PAGES, ids=lambda page: page.parent.name)
def test_round_trip(page: Path) -> None:
    page_text = page.read_text(encoding="utf-8")
    hand = page.with_name(page.name.replace(".page.txt", ".yaml")).read_text(encoding="utf-8")
    score = compare(hand, _draft(page), page_text)
    print(f"\n{HEADER}\n{row(page.parent.name, score)}")
    assert score.failures == []
    assert score.strict_ok + score.marked == score.strict_total
    assert score.strict_ok >= score.marked  # most of a page is settled by the page itself
    assert score.errors_ok == score.errors_total
    assert score.examples_ok == score.examples_total  # the page's examples, verbatim


def test_the_comparison_fails_a_wrong_draft() -> None:
    page = FIXTURES / "huaweicloud_ga" / "ListByoipPools.page.txt"
    text = _draft(page)
    hand = page.with_name("ListByoipPools.yaml").read_text(encoding="utf-8")
    wrong = text.replace("name: X-Auth-Token\n    in: header", "name: X-Auth-Token\n    in: query")
    assert wrong != text
    failures = compare(hand, wrong, page.read_text(encoding="utf-8")).failures
    assert failures == ["param X-Auth-Token: want header/True, got query/True"]
    renamed = text.replace("name: next_marker", "name: nextMarker")
    failures = compare(hand, renamed, page.read_text(encoding="utf-8")).failures
    assert "field page_info.next_marker: want body/False, got missing" in failures


@pytest.mark.parametrize(
    ("page", "expected"),
    [
        ("alibabacloud_ens/ListBuckets", "items: {shape: BucketInfo}  # import-doc: the page"),
        ("alibabacloud_ens/ListBuckets", "type: string  # import-doc: documented as string"),
        ("alibabacloud_oss/ListResourcePools", "type: string  # import-doc: datetime?"),
        ("alibabacloud_vpc/DescribeEipAddresses", "shape: EipAddresses  # import-doc: the exa"),
        ("alibabacloud_vpc/DescribeEipAddresses", "style: repeat-list  # import-doc: the page"),
        ("alibabacloud_sls/GetLogs", "value: log  # import-doc: the page says it must be log"),
        ("alibabacloud_sls/GetLogs", "host_prefix: '{projectName}.'  # import-doc: Host:"),
        ("huaweicloud_ga/ListByoipPools", "credential: true  # import-doc: filled by the"),
        ("opentelekomcloud_evs/QueryingDetailsAboutAllDisks", "operation: QueryingDetailsAbout"),
    ],
)
def test_marks_sit_on_the_undecided_line(page: str, expected: str) -> None:
    text = _draft(FIXTURES / f"{page}.page.txt")
    assert expected in text, text
    assert all(MARK in line for line in text.splitlines() if expected in line)


def test_nesting_from_the_examples_of_a_flat_table() -> None:
    text = _draft(FIXTURES / "alibabacloud_config" / "GetResourceConfigurationTimeline.page.txt")
    # TotalCount is in the table after the list's fields and in no example: marked
    assert "name: TotalCount  # import-doc: the examples do not show it" in text
    assert "name: ResourceEventType  # import-doc: the examples spell it resourceEventType" in text


@pytest.mark.parametrize("page", PAGES, ids=lambda page: page.parent.name)
def test_the_draft_reads_like_a_hand_written_spec(page: Path) -> None:
    """No trailing blanks; long prose as >- blocks within 100 columns (examples verbatim)."""
    text = _draft(page)
    assert not [line for line in text.splitlines() if line != line.rstrip()]
    examples = text.index("\nexamples:")
    long = [line for line in text[:examples].splitlines() if len(line) > 100]
    assert all(MARK in line or " " not in line.strip().split(": ", 1)[-1] for line in long), long


def test_a_permission_named_in_prose() -> None:
    text = _draft(FIXTURES / "alibabacloud_oss" / "ListResourcePools.page.txt")
    assert "  - action: oss:ListResourcePools  # import-doc: named in the page's text" in text
