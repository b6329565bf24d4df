"""``offset``: the offset goes up by the items received; a total (EVS ``count``) ends it, and
without one (SLS GetLogs ``offset``/``line``) an empty page does, sync and async."""

from __future__ import annotations

import pytest

from generated.alibabacloud import sls
from generated.opentelekomcloud import evs
from sdk_runtime.pagination import STYLES, OffsetStyle
from tests.paging.servers import MODES, LogQuery, VolumeList, collect, collect_pages

IDS = [f"vol-{n:02d}" for n in range(14)]
LOGS = [{"__time__": 1409529600 + n, "__source__": "10.0.0.1", "msg": f"m{n}"} for n in range(9)]
SLS = {"project_name": "proj", "logstore_name": "app_log", "from_": 1409529600, "to": 1409608800}


def test_registered() -> None:
    assert isinstance(STYLES["offset"], OffsetStyle)


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize(("limit", "requests"), [(4, 4), (7, 2), (14, 1)])
async def test_evs_offset_with_a_total(mode: str, limit: int, requests: int) -> None:
    server = VolumeList(IDS)
    got = await collect(
        mode, evs, server, "http://evs.test", "iter_list_volumes", offset=0, limit=limit
    )
    assert [v.id for v in got] == IDS
    assert len(server.requests) == requests  # count reached: nothing asked past the end
    assert [r.url.params["offset"] for r in server.requests] == [
        str(n) for n in range(0, 14, limit)
    ]
    assert server.violations == []


@pytest.mark.parametrize("mode", MODES)
async def test_evs_offset_resume(mode: str) -> None:
    server = VolumeList(IDS)
    pages, tokens = await collect_pages(
        mode, evs, server, "http://evs.test", "list_volumes", offset=3, limit=5
    )
    assert [len(p.volumes) for p in pages] == [5, 5, 1]
    assert tokens == [8, 13, None]
    assert server.violations == []


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize(("line", "requests"), [(4, 4), (3, 4), (100, 2)])
async def test_sls_offset_line_without_a_total(mode: str, line: int, requests: int) -> None:
    """No total: the walk ends on the first empty page, and asks nothing after it."""
    server = LogQuery(LOGS)
    got = await collect(mode, sls, server, "http://sls.test", "iter_get_logs", line=line, **SLS)
    assert [log.model_dump(by_alias=True) for log in got] == LOGS
    assert len(server.requests) == requests
    assert {r.url.host for r in server.requests} == {"proj.sls.test"}
    assert server.violations == []


@pytest.mark.parametrize("mode", MODES)
async def test_sls_max_items(mode: str) -> None:
    server = LogQuery(LOGS)
    got = await collect(
        mode, sls, server, "http://sls.test", "iter_get_logs", line=3, max_items=6, **SLS
    )
    assert len(got) == 6
    assert len(server.requests) == 2
    assert server.violations == []
