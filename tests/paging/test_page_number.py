"""``page-number``: the page number goes up by one and ``TotalCount`` ends it (VPC
DescribeEipAddresses, ECS DescribeInstances' PageNumber/PageSize scheme; ENS ListBuckets is
walked in tests/clients/test_pagination.py), sync and async."""

from __future__ import annotations

from types import ModuleType
from typing import Any

import pytest

from generated.alibabacloud import vpc
from sdk_runtime.pagination import STYLES, PageNumberStyle
from tests.paging.servers import MODES, RpcList, collect, collect_pages

EIPS = [{"AllocationId": f"eip-{n:02d}", "IpAddress": f"47.0.0.{n}"} for n in range(21)]


def eip_body(page: list[dict[str, Any]], meta: dict[str, Any]) -> dict[str, Any]:
    return {**meta, "EipAddresses": {"EipAddress": page}}


def test_registered() -> None:
    assert isinstance(STYLES["page-number"], PageNumberStyle)


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize(("size", "requests"), [(5, 5), (7, 3), (21, 1), (50, 1)])
async def test_vpc_stops_on_the_total(mode: str, size: int, requests: int) -> None:
    """Exactly full pages (7 x 3, 21 x 1) end on TotalCount, with no request for an empty page."""
    server = RpcList(EIPS, eip_body)
    got = await collect(
        mode,
        vpc,
        server,
        "http://vpc.test",
        "iter_describe_eip_addresses",
        region_id="cn-hangzhou",
        page_size=size,
    )
    assert [e.allocation_id for e in got] == [e["AllocationId"] for e in EIPS]
    assert len(server.requests) == requests
    assert {r.url.params.get("PageSize") for r in server.requests} == {str(size)}
    assert server.violations == []


@pytest.mark.parametrize("mode", MODES)
async def test_vpc_resume_and_max_items(mode: str) -> None:
    server = RpcList(EIPS, eip_body)
    pages, tokens = await collect_pages(
        mode,
        vpc,
        server,
        "http://vpc.test",
        "describe_eip_addresses",
        region_id="cn-hangzhou",
        page_size=4,
    )
    assert tokens == [2, 3, 4, 5, 6, None]
    rest = await collect(
        mode,
        vpc,
        server,
        "http://vpc.test",
        "iter_describe_eip_addresses",
        region_id="cn-hangzhou",
        page_size=4,
        page_number=tokens[2],
    )
    assert [e.allocation_id for e in rest] == [e["AllocationId"] for e in EIPS[12:]]
    server.requests.clear()
    some = await collect(
        mode,
        vpc,
        server,
        "http://vpc.test",
        "iter_describe_eip_addresses",
        region_id="cn-hangzhou",
        page_size=4,
        max_items=9,
    )
    assert len(some) == 9
    assert len(server.requests) == 3
    assert server.violations == []


INSTANCES = [{"InstanceId": f"i-{n:03d}"} for n in range(12)]


@pytest.mark.parametrize("mode", MODES)
async def test_ecs_page_number_scheme(mode: str, ecs: ModuleType) -> None:
    server = RpcList(
        INSTANCES,
        lambda page, meta: {**meta, "Instances": {"Instance": page}},
        token_names=("NextToken", "MaxResults"),
    )
    got = await collect(
        mode,
        ecs,
        server,
        "http://ecs.test",
        "iter_describe_instances",
        region_id="cn-hangzhou",
        page_size=5,
    )
    assert [i.instance_id for i in got] == [i["InstanceId"] for i in INSTANCES]
    assert [r.url.params.get("PageNumber", "1") for r in server.requests] == ["1", "2", "3"]
    assert server.violations == []
