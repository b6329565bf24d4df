"""``next-link``: the response links the next page (EVS ``volumes_links`` with ``rel: next``),
whose query carries the marker; no link ends the listing, sync and async."""

from __future__ import annotations

import pytest

from generated.opentelekomcloud import evs
from sdk_runtime.pagination import STYLES, NextLinkStyle
from tests.paging.servers import MODES, VolumeList, collect, collect_pages

IDS = [f"b104b8db-{n:04d}+/=ü" for n in range(11)]


def test_registered() -> None:
    assert isinstance(STYLES["next-link"], NextLinkStyle)


@pytest.mark.parametrize("mode", MODES)
async def test_markers_from_the_next_link(mode: str) -> None:
    server = VolumeList(IDS)
    pages, tokens = await collect_pages(
        mode, evs, server, "http://evs.test", "list_volumes", limit=4
    )
    assert [[v.id for v in p.volumes] for p in pages] == [IDS[:4], IDS[4:8], IDS[8:]]
    assert [len(p.volumes_links or []) for p in pages] == [1, 1, 0]
    # the marker is read out of the link's query, decoded, and sent back encoded once
    assert tokens == [IDS[3], IDS[7], None]
    assert [r.url.params.get("marker") for r in server.requests] == [None, IDS[3], IDS[7]]
    assert server.violations == []


@pytest.mark.parametrize("mode", MODES)
async def test_default_page_size_and_resume(mode: str) -> None:
    server = VolumeList(IDS, default_limit=3)
    got = await collect(mode, evs, server, "http://evs.test", "iter_list_volumes")
    assert [v.id for v in got] == IDS
    assert len(server.requests) == 4
    rest = await collect(mode, evs, server, "http://evs.test", "iter_list_volumes", marker=IDS[6])
    assert [v.id for v in rest] == IDS[7:]
    assert server.violations == []


@pytest.mark.parametrize("mode", MODES)
async def test_max_items_stops_without_an_extra_request(mode: str) -> None:
    server = VolumeList(IDS)
    got = await collect(
        mode, evs, server, "http://evs.test", "iter_list_volumes", limit=5, max_items=5
    )
    assert [v.id for v in got] == IDS[:5]
    assert len(server.requests) == 1
    assert server.violations == []
