"""``token``: the next token comes from the response (OSS ListObjectsV2
``NextContinuationToken`` with ``IsTruncated``; ECS ``NextToken``/``MaxResults``; Config
``NextToken``/``Limit`` nested in an object), sync and async."""

from __future__ import annotations

from types import ModuleType
from typing import Any

import httpx
import pytest

from generated.alibabacloud import config
from sdk_runtime.pagination import STYLES, TokenStyle
from tests.paging.servers import (
    MODES,
    ObjectListing,
    RpcList,
    collect,
    collect_pages,
    opaque_token,
)

OSS = "http://oss.test"


def test_registered() -> None:
    assert isinstance(STYLES["token"], TokenStyle)


def keys(objects: list[Any]) -> list[str]:
    return [o.key for o in objects]


@pytest.mark.parametrize("mode", MODES)
async def test_oss_v2_lists_every_key_once(mode: str, oss: ModuleType) -> None:
    server = ObjectListing()
    items = await collect(
        mode, oss, server, OSS, "iter_list_objects_v2", bucket="bucket", max_keys=3
    )
    assert keys(items) == server.expected()[0]
    assert len(server.requests) == 6  # 17 keys, 3 a page
    assert server.violations == []


@pytest.mark.parametrize("mode", MODES)
async def test_oss_v2_folders_and_url_encoding(mode: str, oss: ModuleType) -> None:
    """With ``delimiter="/"`` two pages hold only common prefixes, and IsTruncated carries
    the walk on past them; under ``encoding-type=url`` names come back decoded, and the
    tokens (``+/=``, not encoded by OSS) go back exactly as issued."""
    server = ObjectListing()
    params = {"bucket": "bucket", "max_keys": 2, "delimiter": "/", "encoding_type": "url"}
    objects, prefixes = server.expected(delimiter="/")
    assert keys(await collect(mode, oss, server, OSS, "iter_list_objects_v2", **params)) == objects
    assert server.violations == []
    got = await collect(mode, oss, server, OSS, "iter_list_objects_v2_common_prefixes", **params)
    assert [p.prefix for p in got] == prefixes
    assert server.violations == []
    pages, _ = await collect_pages(mode, oss, server, OSS, "list_objects_v2", **params)
    assert any(not p.contents and p.common_prefixes for p in pages)  # a page of prefixes only
    assert [k for p in pages for k in keys(p.contents or [])] == objects
    assert [x.prefix for p in pages for x in p.common_prefixes or []] == prefixes
    sent = [r.url.params.get("continuation-token") for r in server.requests[-len(pages) :]]
    assert sent == [None, *(p.next_continuation_token for p in pages[:-1])]
    assert {"+", "/", "="} <= set("".join(t for t in sent if t))
    assert server.violations == []


@pytest.mark.parametrize("mode", MODES)
async def test_oss_v2_empty_last_page_after_more(mode: str, oss: ModuleType) -> None:
    server = ObjectListing(trailing_empty=True)
    pages, tokens = await collect_pages(
        mode, oss, server, OSS, "list_objects_v2", bucket="bucket", max_keys=5
    )
    assert [len(p.contents or []) for p in pages] == [5, 5, 5, 2, 0]
    assert pages[-2].is_truncated is True and pages[-1].is_truncated is False
    assert tokens == [opaque_token(5), opaque_token(10), opaque_token(15), opaque_token(17), None]
    assert server.violations == []


@pytest.mark.parametrize("mode", MODES)
async def test_oss_v2_carries_on_past_pages_with_nothing_listed(mode: str, oss: ModuleType) -> None:
    """Deleted objects are scanned but not listed: pages 2 and 3 are empty, yet truncated."""
    deleted = [f"b{i}" for i in range(6)]
    server = ObjectListing(deleted=deleted)
    items = await collect(mode, oss, server, OSS, "iter_list_objects_v2", bucket="b", max_keys=3)
    assert keys(items) == server.expected()[0]
    assert server.violations == []


# --------------------------------------------------------------------------- steering


@pytest.mark.parametrize("mode", MODES)
async def test_max_items_and_resume(mode: str, oss: ModuleType) -> None:
    server = ObjectListing()
    first = await collect(
        mode, oss, server, OSS, "iter_list_objects_v2", bucket="b", max_keys=4, max_items=8
    )
    assert keys(first) == OBJECT_KEYS_SORTED[:8]
    assert len(server.requests) == 2  # exactly the two pages that hold them
    server.requests.clear()
    # stop mid-page: no request for the page after
    some = await collect(
        mode, oss, server, OSS, "iter_list_objects_v2", bucket="b", max_keys=4, max_items=5
    )
    assert keys(some) == OBJECT_KEYS_SORTED[:5]
    assert len(server.requests) == 2
    assert (
        await collect(mode, oss, server, OSS, "iter_list_objects_v2", bucket="b", max_items=0) == []
    )
    # a page iterator's resume_token continues a later walk
    pages, tokens = await collect_pages(
        mode, oss, server, OSS, "list_objects_v2", bucket="b", max_keys=4
    )
    rest = await collect(
        mode,
        oss,
        server,
        OSS,
        "iter_list_objects_v2",
        bucket="b",
        max_keys=4,
        continuation_token=tokens[1],
    )
    assert keys(rest) == OBJECT_KEYS_SORTED[8:]
    assert {r.url.params["max-keys"] for r in server.requests} == {"4"}  # page size passes through
    assert server.violations == []


OBJECT_KEYS_SORTED = ObjectListing().expected()[0]


# --------------------------------------------------------------------------- repeated tokens


def test_a_repeated_token_ends_the_walk(oss: ModuleType) -> None:
    """A service that answers the same token twice (a loop) is left after the second page."""
    body = (
        "<ListBucketResult><IsTruncated>true</IsTruncated>"
        "<NextContinuationToken>same+/=</NextContinuationToken>"
        "<Contents><Key>k</Key></Contents></ListBucketResult>"
    )
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200, text=body)

    with (
        httpx.Client(transport=httpx.MockTransport(handler)) as http,
        oss.OssClient(
            endpoint=OSS, http_client=http, access_key_id="a", access_key_secret="s"
        ) as c,
    ):
        assert keys(list(c.iter_list_objects_v2(bucket="b"))) == ["k", "k"]
    assert len(seen) == 2
    assert seen[1].url.params["continuation-token"] == "same+/="


# --------------------------------------------------------------------------- NextToken/...

INSTANCES = [{"InstanceId": f"i-{n:03d}", "InstanceName": f"vm {n}"} for n in range(23)]
ECS = "http://ecs.test"


def instances_body(page: list[dict[str, Any]], meta: dict[str, Any]) -> dict[str, Any]:
    return {**meta, "Instances": {"Instance": page}}


@pytest.mark.parametrize("mode", MODES)
async def test_ecs_next_token_max_results(mode: str, ecs: ModuleType) -> None:
    server = RpcList(
        INSTANCES, instances_body, page_names=None, token_names=("NextToken", "MaxResults")
    )
    items = await collect(
        mode, ecs, server, ECS, "iter_describe_instances", region_id="cn-hangzhou", max_results=5
    )
    assert [i.instance_id for i in items] == [i["InstanceId"] for i in INSTANCES]
    assert len(server.requests) == 5  # the last page says NextToken "": no sixth request
    assert server.violations == []


TIMELINE = [{"ResourceId": "i-1", "CaptureTime": str(1600000000000 + n)} for n in range(12)]


def timeline_body(page: list[dict[str, Any]], meta: dict[str, Any]) -> dict[str, Any]:
    return {
        "RequestId": meta["RequestId"],
        "ResourceConfigurationTimeline": {
            "NextToken": meta["NextToken"],
            "Limit": len(page),
            "TotalCount": meta["TotalCount"],
            "ConfigurationList": page,
        },
    }


@pytest.mark.parametrize("mode", MODES)
async def test_config_next_token_limit_nested(mode: str) -> None:
    server = RpcList(TIMELINE, timeline_body, page_names=None, token_names=("NextToken", "Limit"))
    items = await collect(
        mode,
        config,
        server,
        "http://config.test",
        "iter_get_resource_configuration_timeline",
        resource_id="i-1",
        resource_type="ACS::ECS::Instance",
        region="cn-hangzhou",
        limit=5,
    )
    assert [i.capture_time for i in items] == [t["CaptureTime"] for t in TIMELINE]
    assert len(server.requests) == 3
    assert server.violations == []


def test_the_tokens_remembered_are_bounded() -> None:
    """A loop is found among the last REMEMBERED_TOKENS tokens; older ones are forgotten, so a
    walk of any length keeps its memory flat."""
    from sdk_runtime.pagination import REMEMBERED_TOKENS, PageCursor
    from sdk_runtime.service import Pagination

    class Page:
        def __init__(self, token: str) -> None:
            self.items, self.token = ["x"], token

    paging = Pagination(style="token", input_token="t", items=("items",), output_token=("token",))
    cursor = PageCursor(paging, {})
    for n in range(REMEMBERED_TOKENS + 10):
        assert cursor.advance(Page(f"t{n}"))  # type: ignore[arg-type]
    assert not cursor.advance(Page(f"t{REMEMBERED_TOKENS}"))  # type: ignore[arg-type]
    assert len(cursor._sent) == REMEMBERED_TOKENS
