"""``repeat``: a response whose header says the result is incomplete (SLS ``x-log-progress:
Incomplete``) is superseded by the same request sent again, never yielded; with ``style:
repeat`` the complete result is the one page, and any style may repeat (SLS GetLogs' offset
pages do), sync and async."""

from __future__ import annotations

from urllib.parse import parse_qsl

import pytest

from generated.alibabacloud import sls
from sdk_runtime.pagination import MAX_REPEATS, STYLES, PageCursor, RepeatStyle
from sdk_runtime.service import Pagination
from tests.paging.servers import MODES, LogQuery, collect, collect_pages

LOGS = [{"__time__": 1409529600 + n, "__source__": "h", "k": f"v {n}"} for n in range(7)]
SLS = {"project_name": "proj", "logstore_name": "app_log", "from_": 1409529600, "to": 1409608800}


def test_registered() -> None:
    assert isinstance(STYLES["repeat"], RepeatStyle)


@pytest.mark.parametrize("mode", MODES)
async def test_incomplete_answers_are_asked_again(mode: str) -> None:
    server = LogQuery(LOGS, incomplete=2)  # each offset: Incomplete, Incomplete, Complete
    pages, tokens = await collect_pages(
        mode, sls, server, "http://sls.test", "get_logs", line=3, **SLS
    )
    assert [p.x_log_progress for p in pages] == ["Complete"] * 4
    assert [[log.model_dump(by_alias=True) for log in p.logs or []] for p in pages] == [
        LOGS[:3],
        LOGS[3:6],
        LOGS[6:],
        [],
    ]
    assert tokens == [3, 6, 7, None]
    offsets = [dict(parse_qsl(r.url.query.decode())).get("offset", "0") for r in server.requests]
    assert offsets == ["0"] * 3 + ["3"] * 3 + ["6"] * 3 + ["7"] * 3
    assert len({tuple(sorted(r.url.params.items())) for r in server.requests[:3]}) == 1
    assert server.violations == []


@pytest.mark.parametrize("mode", MODES)
async def test_items_of_incomplete_answers_are_not_yielded(mode: str) -> None:
    server = LogQuery(LOGS, incomplete=1)
    got = await collect(mode, sls, server, "http://sls.test", "iter_get_logs", line=4, **SLS)
    assert [log.model_dump(by_alias=True) for log in got] == LOGS
    assert server.violations == []


class Answer:
    def __init__(self, progress: str) -> None:
        self.progress = progress
        self.items = ["a"]


def test_repeat_style_and_its_bound() -> None:
    """``style: repeat``: one result; a service that never completes is left after
    MAX_REPEATS asks, with its last answer."""
    paging = Pagination(
        style="repeat",
        input_token=None,
        items=("items",),
        repeat_while=("progress",),
        repeat_value="Incomplete",
    )
    cursor = PageCursor(paging, {"q": "x"})
    assert cursor.advance(Answer("Incomplete")) and cursor.superseded  # type: ignore[arg-type]
    assert cursor.params == {"q": "x"}
    assert not cursor.advance(Answer("Complete")) and not cursor.superseded  # type: ignore[arg-type]
    stuck = PageCursor(paging, {})
    for _ in range(MAX_REPEATS):
        assert stuck.advance(Answer("Incomplete"))  # type: ignore[arg-type]
    assert not stuck.advance(Answer("Incomplete"))  # type: ignore[arg-type]
    assert not stuck.superseded
