"""``marker``: the next marker comes from the response (OSS ListObjects ``NextMarker``, GA
``page_info.next_marker``), or is the last key of the page when the response names none;
URL-encoded names and markers (``encoding-type=url``) are decoded, sync and async."""

from __future__ import annotations

from collections.abc import Hashable
from types import ModuleType
from urllib.parse import quote

import httpx
import pytest

from generated.huaweicloud import ga
from sdk_runtime.pagination import STYLES, MarkerStyle
from tests.paging.servers import MODES, ObjectListing, PagedServer, collect, collect_pages

OSS = "http://oss.test"


def test_registered() -> None:
    assert isinstance(STYLES["marker"], MarkerStyle)


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("encoding", [None, "url"])
async def test_folders_and_names_that_need_encoding(
    mode: str, encoding: str | None, oss: ModuleType
) -> None:
    """Keys with ``+ = & / space %`` and non-ASCII, folders grouped by ``/``: every object and
    every prefix once, pages of prefixes only included; each marker goes back as the name it
    stands for (percent-encoded once by the query), so the server recognises it."""
    server = ObjectListing()
    params = {"bucket": "b", "max_keys": 2, "delimiter": "/", "encoding_type": encoding}
    objects, prefixes = server.expected(delimiter="/")
    got = await collect(mode, oss, server, OSS, "iter_list_objects", **params)
    assert [o.key for o in got] == objects
    assert server.violations == []
    got_prefixes = await collect(
        mode, oss, server, OSS, "iter_list_objects_common_prefixes", **params
    )
    assert [p.prefix for p in got_prefixes] == prefixes
    pages, tokens = await collect_pages(mode, oss, server, OSS, "list_objects", **params)
    assert sum(1 for p in pages if not p.contents and p.common_prefixes) == 2
    assert tokens == [p.next_marker for p in pages[:-1]] + [None]
    assert "日本/" in prefixes and "dir one/" in prefixes
    if encoding == "url":
        wire = [r.url.query.decode() for r in server.requests[-len(pages) :]]
        # "dir one/" arrived as dir%20one%2F and goes back as marker=dir%20one%2F: once
        assert any(f"marker={quote('dir one/', safe='')}" in q.split("&") for q in wire)
    assert server.violations == []


@pytest.mark.parametrize("mode", MODES)
async def test_the_last_key_is_the_marker_when_none_is_sent(mode: str, oss: ModuleType) -> None:
    server = ObjectListing(next_marker=False)
    pages, tokens = await collect_pages(
        mode, oss, server, OSS, "list_objects", bucket="b", max_keys=4, encoding_type="url"
    )
    assert all(p.next_marker is None for p in pages)
    assert [o.key for p in pages for o in p.contents or []] == server.expected()[0]
    assert tokens[:-1] == [p.contents[-1].key for p in pages[:-1] if p.contents]
    assert tokens[-1] is None
    assert server.violations == []


@pytest.mark.parametrize("mode", MODES)
async def test_empty_last_page_after_more(mode: str, oss: ModuleType) -> None:
    server = ObjectListing(trailing_empty=True)
    pages, _ = await collect_pages(mode, oss, server, OSS, "list_objects", bucket="b", max_keys=17)
    assert [len(p.contents or []) for p in pages] == [17, 0]
    assert server.violations == []


@pytest.mark.parametrize("mode", MODES)
async def test_resume_from_a_marker(mode: str, oss: ModuleType) -> None:
    server = ObjectListing()
    objects = server.expected()[0]
    rest = await collect(
        mode, oss, server, OSS, "iter_list_objects", bucket="b", max_keys=3, marker=objects[5]
    )
    assert [o.key for o in rest] == objects[6:]
    first = await collect(mode, oss, server, OSS, "iter_list_objects", bucket="b", max_items=4)
    assert [o.key for o in first] == objects[:4]
    assert len(server.requests) == 4 + 1  # 11 keys after the marker, 3 a page; then one page
    assert server.violations == []


class ByoipPools(PagedServer):
    """GA ListByoipPools: ``marker`` = the last pool id of the previous page."""

    def __init__(self, ids: list[str]) -> None:
        super().__init__()
        self.ids = ids

    def answer(
        self, request: httpx.Request, params: dict[str, str]
    ) -> tuple[Hashable, httpx.Response, bool]:
        marker, limit = params.get("marker"), int(params.get("limit", "10"))
        if marker is not None and marker not in self.ids:
            raise LookupError(marker)
        start = 0 if marker is None else self.ids.index(marker) + 1
        page = self.ids[start : start + limit]
        more = start + limit < len(self.ids)
        info = {"next_marker": page[-1] if more else None, "current_count": len(page)}
        body = {"byoip_pools": [{"id": i} for i in page], "page_info": info}
        return ("marker", marker), httpx.Response(200, json=body), not more


@pytest.mark.parametrize("mode", MODES)
async def test_ga_markers_with_awkward_ids(mode: str) -> None:
    ids = [f"pool+{n}/=é" for n in range(11)]
    server = ByoipPools(ids)
    got = await collect(mode, ga, server, "http://ga.test", "iter_list_byoip_pools", limit=4)
    assert [p.id for p in got] == ids
    assert len(server.requests) == 3
    assert server.violations == []
