"""Every style once more through the clients' default transports (urllib3 sync, aiohttp
async) on a loopback socket: the same test servers, the tokens (``+/=``), markers (spaces,
``&``, non-ASCII) and links on the real wire."""

from __future__ import annotations

from collections.abc import Callable
from types import ModuleType
from typing import Any

import pytest

from generated.alibabacloud import config, sls, vpc
from generated.opentelekomcloud import evs
from tests.clients.support import ALIBABA, HUAWEI
from tests.paging.servers import (
    LogQuery,
    ObjectListing,
    PagedServer,
    RpcList,
    VolumeList,
    clients,
    loopback,
)


async def walk(
    mode: str, module: ModuleType, server: PagedServer, method: str, **params: Any
) -> list[Any]:
    sync, asynchronous = clients(module)
    credentials = ALIBABA if ".alibabacloud." in module.__name__ else HUAWEI
    with loopback(server) as url:
        if mode == "urllib3":
            with sync(endpoint=url, **credentials) as client:
                return list(getattr(client, method)(**params))
        async with asynchronous(endpoint=url, **credentials) as aclient:
            return [item async for item in getattr(aclient, method)(**params)]


def body(name: str, inner: str) -> Callable[[list[dict[str, Any]], dict[str, Any]], dict[str, Any]]:
    return lambda page, meta: {**meta, name: {inner: page}}


TIMELINE = [{"CaptureTime": str(n)} for n in range(11)]
EIPS = [{"AllocationId": f"eip-{n}"} for n in range(11)]
VOLUMES = [f"vol {n}+/=é" for n in range(11)]
LOGS = [{"__time__": n, "__source__": "h", "k": "v"} for n in range(11)]


@pytest.mark.parametrize("mode", ["urllib3", "aiohttp"])
async def test_every_style_on_the_wire(mode: str, oss: ModuleType, ecs: ModuleType) -> None:
    listing = ObjectListing()
    objects, prefixes = listing.expected(delimiter="/")
    params = {"bucket": "b", "max_keys": 2, "delimiter": "/", "encoding_type": "url"}
    for method in ("iter_list_objects", "iter_list_objects_v2"):  # marker, token
        listing.new_walk()
        assert [o.key for o in await walk(mode, oss, listing, method, **params)] == objects
        listing.new_walk()
        got = await walk(mode, oss, listing, f"{method}_common_prefixes", **params)
        assert [p.prefix for p in got] == prefixes
    assert listing.violations == []

    timeline = RpcList(
        TIMELINE,
        lambda page, meta: {
            "ResourceConfigurationTimeline": {
                "NextToken": meta["NextToken"],
                "ConfigurationList": page,
            }
        },
        page_names=None,
        token_names=("NextToken", "Limit"),
    )
    got = await walk(
        mode,
        config,
        timeline,
        "iter_get_resource_configuration_timeline",
        resource_id="i",
        resource_type="t",
        region="cn-hangzhou",
        limit=4,
    )
    assert [t.capture_time for t in got] == [t["CaptureTime"] for t in TIMELINE]
    assert timeline.violations == []

    eips = RpcList(EIPS, body("EipAddresses", "EipAddress"))
    got = await walk(mode, vpc, eips, "iter_describe_eip_addresses", region_id="r", page_size=4)
    assert [e.allocation_id for e in got] == [e["AllocationId"] for e in EIPS]
    assert len(eips.requests) == 3 and eips.violations == []

    for scheme in ({"max_results": 3}, {"page_size": 3}):
        instances = RpcList(
            [{"InstanceId": f"i-{n}"} for n in range(7)],
            body("Instances", "Instance"),
            token_names=("NextToken", "MaxResults"),
        )
        got = await walk(mode, ecs, instances, "iter_describe_instances", region_id="r", **scheme)
        assert [i.instance_id for i in got] == [f"i-{n}" for n in range(7)]
        assert instances.violations == []

    for keywords in ({"limit": 4}, {"limit": 4, "offset": 0}):  # next-link, offset
        volumes = VolumeList(VOLUMES)
        got = await walk(mode, evs, volumes, "iter_list_volumes", **keywords)
        assert [v.id for v in got] == VOLUMES
        assert len(volumes.requests) == 3 and volumes.violations == []

    logs = LogQuery(LOGS, incomplete=1)  # offset/line, repeated while Incomplete
    got = await walk(
        mode,
        sls,
        logs,
        "iter_get_logs",
        project_name="p",
        logstore_name="l",
        from_=0,
        to=1,
        line=4,
    )
    assert [log.model_dump(by_alias=True) for log in got] == LOGS
    assert logs.violations == []
