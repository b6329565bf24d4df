"""Item 2: what the page does not settle, or contradicts, is marked at its line."""

from __future__ import annotations

from pathlib import Path

from generator.import_doc import read
from generator.import_doc.draft import MARK, draft

FIXTURES = Path(__file__).parent.parent / "fixtures" / "import_doc"


def _draft(text: str) -> str:
    return draft(read(text), "Page.page.txt")[0]


def _line(text: str, start: str, after: str = "") -> str:
    """The first line that starts (stripped) with ``start``, after the line holding ``after``."""
    lines = text.splitlines()
    begin = next(i for i, line in enumerate(lines) if after in line) if after else 0
    return next(line for line in lines[begin:] if line.strip().startswith(start))


def _page(name: str) -> str:
    return next(FIXTURES.glob(f"*/{name}.page.txt")).read_text(encoding="utf-8")


def test_table_type_against_the_json_example() -> None:
    text = _draft(_page("DescribeEipAddresses"))
    bandwidth = _line(text, "type:", "name: Bandwidth")
    assert bandwidth.endswith(
        "# import-doc: the table says String, the JSON example shows a number"
    )
    monitor = _line(text, "type:", "name: HDMonitorStatus")
    assert "the JSON example shows a boolean" in monitor
    # the page's type is kept: the mark says what to decide, nothing is changed silently
    assert monitor.strip().startswith("type: string")
    account = _line(_draft(_page("GetResourceConfigurationTimeline")), "type:", "name: AccountId")
    assert account.strip().startswith("type: long") and "shows a string" in account


def test_an_agreeing_example_leaves_no_mark() -> None:
    text = _draft(_page("DescribeEipAddresses"))
    assert MARK not in _line(text, "type:", "name: ServiceManaged")  # Integer, shown as 0
    assert MARK not in _line(text, "type:", "name: DeletionProtection")  # Boolean, true


def test_required_yes_contradicted_by_prose() -> None:
    page = _page("ListBuckets").replace("Prefix\n\nstring\n\nNo", "Prefix\n\nstring\n\nYes")
    text = _draft(page)
    required = _line(text, "required:", "name: Prefix")
    assert required.strip().startswith("required: true")
    assert "Required says Yes, but the text says it may be left out" in required
    untouched = _draft(_page("ListBuckets"))
    assert MARK not in _line(untouched, "required:", "name: Prefix")


def test_required_no_contradicted_by_prose() -> None:
    page = _page("ListByoipPools").replace(
        "This parameter must be used together with limit.",
        "This parameter is required when limit is set.",
    )
    text = _draft(page)
    assert "Required says No, but the text says it must be given" in _line(
        text, "required:", "name: marker"
    )


def test_a_table_type_changed_by_an_edit_is_marked() -> None:
    page = _page("ListBuckets").replace("TotalCount\n\ninteger", "TotalCount\n\nstring")
    line = _line(_draft(page), "type:", "name: TotalCount")
    assert line.strip().startswith("type: string") and "the JSON example shows a number" in line


def test_prose_only_deprecation_and_comma_lists() -> None:
    config = _draft(_page("GetResourceConfigurationTimeline"))
    assert "# import-doc: deprecated in the text only" in _line(
        config, "deprecated:", "name: MultiAccount"
    )
    eip = _draft(_page("DescribeEipAddresses"))
    assert _line(eip, "style:", "name: EipAddress").strip().startswith("style: comma  # import-doc")


def test_a_pipe_inside_a_code_span_stays_in_its_cell() -> None:
    """SLS's query example holds a literal | inside backticks: one cell, as the page means."""
    text = _draft(_page("GetLogs"))
    example = _line(text, "example:", "name: query")
    assert example.strip() == (
        "example: level:Information|select event_id as Key1,COUNT(*) as Key2 group by Key1"
    )
    assert "Log search (/intl" not in text and "[Log search]" not in text
