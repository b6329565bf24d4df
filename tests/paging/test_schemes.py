"""Two schemes on one operation: the caller's keywords pick one (ECS DescribeInstances:
NextToken/MaxResults or PageNumber/PageSize; EVS: marker/limit with a next link, or
offset/limit), the first documented one when they pick none, sync and async."""

from __future__ import annotations

from types import ModuleType
from typing import Any

import pytest

from generated.opentelekomcloud import evs
from sdk_runtime.pagination import select_scheme
from tests.paging.servers import MODES, RpcList, VolumeList, clients, collect, sync_client

INSTANCES = [{"InstanceId": f"i-{n:03d}"} for n in range(11)]
ECS = "http://ecs.test"


def server() -> RpcList:
    return RpcList(
        INSTANCES,
        lambda page, meta: {**meta, "Instances": {"Instance": page}},
        token_names=("NextToken", "MaxResults"),
    )


def ids(items: list[Any]) -> list[str]:
    return [i.instance_id for i in items]


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize(
    ("keywords", "sent"),
    [
        ({"max_results": 4}, ("MaxResults",)),
        ({"page_size": 4}, ("PageSize",)),
        ({"page_number": 1, "page_size": 4}, ("PageNumber", "PageSize")),
        ({}, ()),  # none: the first documented scheme, NextToken
    ],
)
async def test_the_keywords_pick_the_scheme(
    mode: str, keywords: dict[str, int], sent: tuple[str, ...], ecs: ModuleType
) -> None:
    rpc = server()
    got = await collect(
        mode, ecs, rpc, ECS, "iter_describe_instances", region_id="cn-hangzhou", **keywords
    )
    assert ids(got) == [i["InstanceId"] for i in INSTANCES]
    names = {name for r in rpc.requests[1:] for name in r.url.params}
    by_token = "PageSize" not in sent
    assert ("NextToken" in names) is by_token and ("PageNumber" in names) is not by_token
    assert rpc.violations == []


def test_keywords_of_two_schemes_are_refused(ecs: ModuleType) -> None:
    rpc = server()
    sync, _ = clients(ecs)
    with (
        sync_client(sync, rpc, ECS) as client,
        pytest.raises(ValueError, match="different paging schemes"),
    ):
        list(client.iter_describe_instances(region_id="r", page_number=2, next_token="t"))
    assert rpc.requests == []


@pytest.mark.parametrize("mode", MODES)
async def test_evs_offset_or_marker(mode: str) -> None:
    volumes = VolumeList([f"v{n}" for n in range(7)])
    by_offset = await collect(
        mode, evs, volumes, "http://evs.test", "iter_list_volumes", offset=2, limit=2
    )
    assert [v.id for v in by_offset] == [f"v{n}" for n in range(2, 7)]
    assert all("marker" not in r.url.params for r in volumes.requests)
    volumes.requests.clear()
    by_marker = await collect(mode, evs, volumes, "http://evs.test", "iter_list_volumes", limit=2)
    assert [v.id for v in by_marker] == [f"v{n}" for n in range(7)]
    assert all("offset" not in r.url.params for r in volumes.requests)
    assert volumes.violations == []


def test_select_scheme_ignores_shared_keywords() -> None:
    """``limit`` belongs to both EVS schemes, so it picks neither."""
    paging = evs.client.LIST_VOLUMES.pagination
    assert paging is not None
    assert select_scheme(paging, {"limit": 3}).style == "next-link"
    assert select_scheme(paging, {"limit": 3, "offset": 0}).style == "offset"
    assert select_scheme(paging, {"marker": None, "offset": 4}).style == "offset"
