"""``iter_<operation>`` and ``<operation>_pages`` across several pages, for each style:
OSS continuation tokens, ENS page numbers with TotalCount, GA markers; sync and async."""

from __future__ import annotations

import itertools
from datetime import datetime
from urllib.parse import quote

import httpx

from generated.alibabacloud.ens import AsyncEnsClient, BucketInfo, EnsClient, ListBucketsResponse
from generated.alibabacloud.oss import (
    AsyncOssClient,
    ListResourcePoolsResponse,
    OssClient,
    ResourcePool,
)
from generated.huaweicloud.ga import (
    AsyncGaClient,
    ByoipPool,
    GaClient,
    ListByoipPoolsResponse,
    PageInfo,
)
from sdk_runtime.pagination import PageCursor
from sdk_runtime.service import Pagination
from tests.clients.support import ALIBABA, HUAWEI
from tests.fakecloud import (
    ENS_BUCKETS,
    GA_BYOIP_POOLS,
    OSS_RESOURCE_POOLS,
    FakeCloud,
)

OSS_ITEMS = [(p["Name"], datetime.fromisoformat(p["CreateTime"])) for p in OSS_RESOURCE_POOLS]
ENS_NAMES = [b["BucketName"] for b in ENS_BUCKETS]
GA_IDS = [p["id"] for p in GA_BYOIP_POOLS]


def oss_item(pool: ResourcePool) -> tuple[str | None, datetime | None]:
    assert isinstance(pool, ResourcePool)
    return pool.name, pool.create_time


# --------------------------------------------------------------------------- OSS tokens


def sent_tokens(cloud: FakeCloud) -> list[str | None]:
    """The continuation-token each request carried, as the server decoded it."""
    return [r.params.get("continuation-token") for r in cloud.requests_for("ListResourcePools")]


def check_oss_pages(cloud: FakeCloud, pages: list[ListResourcePoolsResponse]) -> None:
    assert len(pages) == 7  # 25 pools, 4 per page
    assert all(isinstance(p, ListResourcePoolsResponse) for p in pages)
    assert [p.is_truncated for p in pages] == [True] * 6 + [False]
    issued = [p.next_continuation_token for p in pages]
    assert issued[-1] is None
    tokens = [t for t in issued if t is not None]
    # the tokens exercise every character that needs percent-encoding in a query
    assert {"+", "/", "="} <= set("".join(tokens))
    assert sent_tokens(cloud) == [None, *tokens]
    for request, token in zip(cloud.requests[1:], tokens, strict=True):
        # sent percent-encoded, so "+" cannot turn into a space on the way
        assert f"continuation-token={quote(token, safe='')}" in request.query.split("&")
        assert request.params["max-keys"] == "4"
    assert [p.continuation_token for p in pages] == [None, *tokens]
    items = [oss_item(pool) for page in pages for pool in page.resource_pool or []]
    assert items == OSS_ITEMS
    assert cloud.rejected == []


def test_oss_pages(cloud: FakeCloud) -> None:
    with OssClient(endpoint=cloud.url, **ALIBABA) as client:
        pages = list(client.list_resource_pools_pages(max_keys=4))
    check_oss_pages(cloud, pages)


async def test_async_oss_pages(cloud: FakeCloud) -> None:
    async with AsyncOssClient(endpoint=cloud.url, **ALIBABA) as client:
        pages = [page async for page in client.list_resource_pools_pages(max_keys=4)]
    check_oss_pages(cloud, pages)


def test_oss_iter_yields_the_data_set(cloud: FakeCloud) -> None:
    with OssClient(endpoint=cloud.url, **ALIBABA) as client:
        assert [oss_item(p) for p in client.iter_list_resource_pools(max_keys=7)] == OSS_ITEMS
        assert len(cloud.requests) == 4
        cloud.reset()
        # default page size (10): three pages
        assert [oss_item(p) for p in client.iter_list_resource_pools()] == OSS_ITEMS
    assert len(cloud.requests) == 3
    assert cloud.rejected == []


async def test_async_oss_iter_yields_the_data_set(cloud: FakeCloud) -> None:
    async with AsyncOssClient(endpoint=cloud.url, **ALIBABA) as client:
        items = [oss_item(p) async for p in client.iter_list_resource_pools(max_keys=7)]
    assert items == OSS_ITEMS
    assert len(cloud.requests) == 4
    assert cloud.rejected == []


def test_oss_iter_from_a_continuation_token(cloud: FakeCloud) -> None:
    with OssClient(endpoint=cloud.url, **ALIBABA) as client:
        token = client.list_resource_pools(max_keys=10).next_continuation_token
        assert token is not None
        rest = [oss_item(p) for p in client.iter_list_resource_pools(continuation_token=token)]
    assert rest == OSS_ITEMS[10:]
    assert sent_tokens(cloud)[1] == token
    assert cloud.rejected == []


def test_oss_iter_is_lazy(cloud: FakeCloud) -> None:
    with OssClient(endpoint=cloud.url, **ALIBABA) as client:
        items = client.iter_list_resource_pools(max_keys=4)
        assert cloud.requests == []
        assert oss_item(next(items)) == OSS_ITEMS[0]
        assert len(cloud.requests) == 1
        for _ in range(3):
            next(items)
        assert len(cloud.requests) == 1  # still on the first page
        assert oss_item(next(items)) == OSS_ITEMS[4]
        assert len(cloud.requests) == 2
        pages = client.list_resource_pools_pages(max_keys=4)
        next(pages)
        assert len(cloud.requests) == 3
    assert cloud.rejected == []


async def test_async_oss_iter_is_lazy(cloud: FakeCloud) -> None:
    async with AsyncOssClient(endpoint=cloud.url, **ALIBABA) as client:
        items = client.iter_list_resource_pools(max_keys=4)
        assert cloud.requests == []
        assert oss_item(await anext(items)) == OSS_ITEMS[0]
        assert len(cloud.requests) == 1
        await items.aclose()  # type: ignore[attr-defined]
    assert len(cloud.requests) == 1
    assert cloud.rejected == []


# --------------------------------------------------------------------------- ENS page numbers


def page_numbers(cloud: FakeCloud) -> list[str]:
    return [r.params.get("PageNumber", "1") for r in cloud.requests_for("ListBuckets")]


def check_ens_pages(cloud: FakeCloud, pages: list[ListBucketsResponse]) -> None:
    assert len(pages) == 5  # 23 buckets, 5 per page
    assert all(isinstance(p, ListBucketsResponse) for p in pages)
    assert {p.total_count for p in pages} == {23}
    assert [len(p.bucket_infos or []) for p in pages] == [5, 5, 5, 5, 3]
    assert page_numbers(cloud) == ["1", "2", "3", "4", "5"]
    assert {r.params["PageSize"] for r in cloud.requests} == {"5"}
    names = [b.bucket_name for page in pages for b in page.bucket_infos or []]
    assert names == ENS_NAMES
    assert cloud.rejected == []


def test_ens_pages(cloud: FakeCloud) -> None:
    with EnsClient(endpoint=cloud.url, **ALIBABA) as client:
        pages = list(client.list_buckets_pages(page_size="5"))
    check_ens_pages(cloud, pages)


async def test_async_ens_pages(cloud: FakeCloud) -> None:
    async with AsyncEnsClient(endpoint=cloud.url, **ALIBABA) as client:
        pages = [page async for page in client.list_buckets_pages(page_size="5")]
    check_ens_pages(cloud, pages)


def test_ens_iter_yields_the_data_set(cloud: FakeCloud) -> None:
    with EnsClient(endpoint=cloud.url, **ALIBABA) as client:
        buckets = list(client.iter_list_buckets(page_size="5"))
        assert all(isinstance(b, BucketInfo) for b in buckets)
        assert [b.bucket_name for b in buckets] == ENS_NAMES
        assert len(cloud.requests) == 5
        cloud.reset()
        # default page size (10) and a prefix: 8 "log-" buckets on one page, then stop
        logs = [b.bucket_name for b in client.iter_list_buckets(prefix="log")]
        assert logs == [n for n in ENS_NAMES if n.startswith("log")]
        assert page_numbers(cloud) == ["1"]
        cloud.reset()
        # exactly full pages: stop on TotalCount, without asking for an empty page
        videos = [b.bucket_name for b in client.iter_list_buckets(prefix="vid", page_size="7")]
    assert videos == [n for n in ENS_NAMES if n.startswith("video")]
    assert page_numbers(cloud) == ["1"]
    assert cloud.rejected == []


async def test_async_ens_iter_yields_the_data_set(cloud: FakeCloud) -> None:
    async with AsyncEnsClient(endpoint=cloud.url, **ALIBABA) as client:
        names = [b.bucket_name async for b in client.iter_list_buckets(page_size="6")]
    assert names == ENS_NAMES
    assert page_numbers(cloud) == ["1", "2", "3", "4"]
    assert cloud.rejected == []


def test_ens_iter_from_page_two(cloud: FakeCloud) -> None:
    with EnsClient(endpoint=cloud.url, **ALIBABA) as client:
        names = [b.bucket_name for b in client.iter_list_buckets(page_number="2", page_size="5")]
        assert names == ENS_NAMES[5:]
        assert page_numbers(cloud) == ["2", "3", "4", "5"]
        cloud.reset()
        pages = list(client.list_buckets_pages(page_number="2"))  # default size 10
    assert [len(p.bucket_infos or []) for p in pages] == [10, 3]
    assert page_numbers(cloud) == ["2", "3"]
    assert cloud.rejected == []


async def test_async_ens_iter_from_page_two(cloud: FakeCloud) -> None:
    async with AsyncEnsClient(endpoint=cloud.url, **ALIBABA) as client:
        names = [
            b.bucket_name async for b in client.iter_list_buckets(page_number="2", page_size="5")
        ]
    assert names == ENS_NAMES[5:]
    assert page_numbers(cloud) == ["2", "3", "4", "5"]
    assert cloud.rejected == []


def test_ens_iter_is_lazy(cloud: FakeCloud) -> None:
    with EnsClient(endpoint=cloud.url, **ALIBABA) as client:
        items = client.iter_list_buckets(page_size="5")
        assert cloud.requests == []
        assert next(items).bucket_name == ENS_NAMES[0]
        assert len(cloud.requests) == 1
        assert [next(items).bucket_name for _ in range(5)] == ENS_NAMES[1:6]
        assert page_numbers(cloud) == ["1", "2"]
    assert cloud.rejected == []


async def test_async_ens_iter_is_lazy(cloud: FakeCloud) -> None:
    async with AsyncEnsClient(endpoint=cloud.url, **ALIBABA) as client:
        items = client.iter_list_buckets(page_size="5")
        assert cloud.requests == []
        assert (await anext(items)).bucket_name == ENS_NAMES[0]
        assert len(cloud.requests) == 1
        pages = client.list_buckets_pages(page_size="5")
        assert len((await anext(pages)).bucket_infos or []) == 5
        assert len(cloud.requests) == 2
    assert cloud.rejected == []


# --------------------------------------------------------------------------- GA markers


def markers(cloud: FakeCloud) -> list[str | None]:
    return [r.params.get("marker") for r in cloud.requests_for("ListByoipPools")]


def check_ga_pages(cloud: FakeCloud, pages: list[ListByoipPoolsResponse]) -> None:
    assert len(pages) == 3  # 12 pools, 5 per page
    assert all(isinstance(p, ListByoipPoolsResponse) for p in pages)
    assert all(isinstance(p.page_info, PageInfo) for p in pages)
    assert [p.page_info.current_count for p in pages if p.page_info] == [5, 5, 2]
    assert [p.page_info.next_marker for p in pages if p.page_info] == [
        GA_IDS[4],
        GA_IDS[9],
        None,
    ]
    assert markers(cloud) == [None, GA_IDS[4], GA_IDS[9]]
    assert {r.params["limit"] for r in cloud.requests} == {"5"}
    ids = [p.id for page in pages for p in page.byoip_pools or []]
    assert ids == GA_IDS
    assert cloud.rejected == []


def test_ga_pages(cloud: FakeCloud) -> None:
    with GaClient(endpoint=cloud.url, **HUAWEI) as client:
        pages = list(client.list_byoip_pools_pages(limit=5))
    check_ga_pages(cloud, pages)


async def test_async_ga_pages(cloud: FakeCloud) -> None:
    async with AsyncGaClient(endpoint=cloud.url, **HUAWEI) as client:
        pages = [page async for page in client.list_byoip_pools_pages(limit=5)]
    check_ga_pages(cloud, pages)


def test_ga_iter_yields_the_data_set(cloud: FakeCloud) -> None:
    with GaClient(endpoint=cloud.url, **HUAWEI) as client:
        pools = list(client.iter_list_byoip_pools(limit=4))
        assert all(isinstance(p, ByoipPool) for p in pools)
        assert [p.model_dump(mode="json", by_alias=True) for p in pools] == GA_BYOIP_POOLS
        # 12 = 3 full pages; the third has no next_marker, so no fourth request
        assert markers(cloud) == [None, GA_IDS[3], GA_IDS[7]]
        cloud.reset()
        rest = [p.id for p in client.iter_list_byoip_pools(limit=4, marker=GA_IDS[5])]
    assert rest == GA_IDS[6:]
    assert markers(cloud) == [GA_IDS[5], GA_IDS[9]]
    assert cloud.rejected == []


async def test_async_ga_iter_yields_the_data_set(cloud: FakeCloud) -> None:
    async with AsyncGaClient(endpoint=cloud.url, **HUAWEI) as client:
        ids = [p.id async for p in client.iter_list_byoip_pools(limit=5)]
    assert ids == GA_IDS
    assert len(cloud.requests) == 3
    assert cloud.rejected == []


def test_ga_iter_is_lazy(cloud: FakeCloud) -> None:
    with GaClient(endpoint=cloud.url, **HUAWEI) as client:
        items = client.iter_list_byoip_pools(limit=5)
        assert cloud.requests == []
        assert next(items).id == GA_IDS[0]
        assert len(cloud.requests) == 1
    assert cloud.rejected == []


async def test_async_ga_iter_is_lazy(cloud: FakeCloud) -> None:
    async with AsyncGaClient(endpoint=cloud.url, **HUAWEI) as client:
        items = client.iter_list_byoip_pools(limit=5)
        assert cloud.requests == []
        assert (await anext(items)).id == GA_IDS[0]
        assert len(cloud.requests) == 1
    assert cloud.rejected == []


# --------------------------------------------------------------------------- repeated tokens
# The fake cloud never repeats itself, so a misbehaving service is played by an
# httpx.MockTransport behind the public http_client= keyword.

OSS_REPEATING_PAGE = (
    '<?xml version="1.0" encoding="UTF-8"?>\n<ListResourcePoolsResult>'
    "<NextContinuationToken>same+/=token</NextContinuationToken><IsTruncated>true</IsTruncated>"
    "<ResourcePool><Name>pool</Name><CreateTime>2024-11-29T08:42:32.000Z</CreateTime>"
    "</ResourcePool></ListResourcePoolsResult>"
)
GA_REPEATING_PAGE = {
    "request_id": "r",
    "byoip_pools": [{"id": "p"}],
    "page_info": {"next_marker": "p", "current_count": 1},
}


class Recorder:
    def __init__(self, response: httpx.Response) -> None:
        self.response = response
        self.urls: list[httpx.URL] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.urls.append(request.url)
        return self.response


def test_oss_repeated_token_does_not_loop() -> None:
    server = Recorder(httpx.Response(200, text=OSS_REPEATING_PAGE))
    with (
        httpx.Client(transport=httpx.MockTransport(server)) as http,
        OssClient(endpoint="http://oss.test", http_client=http, **ALIBABA) as client,
    ):
        items = list(itertools.islice(client.iter_list_resource_pools(), 50))
    # page 1 issues the token, page 2 (asked with it) issues it again: stop there
    assert len(server.urls) == 2
    assert [p.name for p in items] == ["pool", "pool"]
    assert server.urls[1].params["continuation-token"] == "same+/=token"


async def test_async_ga_repeated_marker_does_not_loop() -> None:
    server = Recorder(httpx.Response(200, json=GA_REPEATING_PAGE))
    async with (
        httpx.AsyncClient(transport=httpx.MockTransport(server)) as http,
        AsyncGaClient(endpoint="http://ga.test", http_client=http, **HUAWEI) as client,
    ):
        pages = []
        async for page in client.list_byoip_pools_pages():
            pages.append(page)
            if len(pages) > 50:
                break
    assert len(pages) == 2
    assert len(server.urls) == 2


def test_page_cursor_stops_on_a_repeated_token() -> None:
    paging = Pagination(
        style="token",
        input_token="continuation-token",
        items=("resource_pool",),
        output_token=("next_continuation_token",),
        more_results=("is_truncated",),
    )
    cursor = PageCursor(paging, {"max-keys": 2, "continuation-token": None})
    assert cursor.params == {"max-keys": 2}

    def page(token: str | None, truncated: bool = True) -> ListResourcePoolsResponse:
        return ListResourcePoolsResponse(
            next_continuation_token=token,
            is_truncated=truncated,
            resource_pool=[ResourcePool(name="x")],
        )

    assert cursor.advance(page("a=+/"))
    assert cursor.params["continuation-token"] == "a=+/"
    assert cursor.advance(page("b"))
    assert not cursor.advance(page("a=+/"))  # seen before: a loop
    assert not PageCursor(paging, {}).advance(page("t", truncated=False))
    assert not PageCursor(paging, {}).advance(page(None))
    # IsTruncated says more: a page without items does not end the walk
    empty = ListResourcePoolsResponse(next_continuation_token="t", is_truncated=True)
    assert PageCursor(paging, {}).advance(empty)
    no_flag = paging._replace(more_results=None)
    assert not PageCursor(no_flag, {}).advance(empty)  # without a flag it does


def test_page_cursor_stops_on_a_repeated_marker() -> None:
    paging = Pagination(
        style="marker",
        input_token="marker",
        items=("byoip_pools",),
        output_token=("page_info", "next_marker"),
    )
    cursor = PageCursor(paging, {"limit": 1})

    def page(marker: str | None) -> ListByoipPoolsResponse:
        return ListByoipPoolsResponse(
            byoip_pools=[ByoipPool(id="x")], page_info=PageInfo(next_marker=marker)
        )

    assert cursor.advance(page("m1"))
    assert cursor.params == {"limit": 1, "marker": "m1"}
    assert not cursor.advance(page("m1"))
    assert not PageCursor(paging, {}).advance(page(""))
    assert not PageCursor(paging, {}).advance(ListByoipPoolsResponse(byoip_pools=[ByoipPool()]))
