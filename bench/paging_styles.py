"""Pagination per style: each style's generated client walking N pages of 100 items.

Run by bench/run.py in a fresh process (``python bench/paging_styles.py REPEATS PAGES,...``);
prints JSON ``{style: {"operation": ..., "sync": {pages: {...}}, "async": {...}}}``.

The pages come from an in-process transport (the runtime's ``SyncTransport`` /
``AsyncTransport`` interface, passed as ``http_client=``) that answers from bodies rendered
before the walk, so what is timed is the client side alone: building and signing each request,
decoding the page, and the runtime's cursor deriving the next request. Time per page and the
tracemalloc peak should stay flat as N grows (the walk is lazy, items are dropped). Item
values repeat from page to page, as bench/server.py's do: pydantic-core caches the strings it
reads from JSON (a bounded cache of up to 16,384), and values unique to each page would fill
it and show as growth up to that bound.
"""

from __future__ import annotations

import asyncio
import gc
import json
import sys
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, quote

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sdk_runtime.http import HttpRequest, HttpResponse  # noqa: E402
from sdk_runtime.transport import Timeout  # noqa: E402

SIZE = 100  # items per page
ALIBABA = {"access_key_id": "LTAI-bench", "access_key_secret": "bench-secret"}
HUAWEI = {"ak": "bench-ak", "sk": "bench-sk", "project_id": "0123456789abcdef"}


def params_of(request: HttpRequest) -> dict[str, str]:
    found = dict(request.query)
    if request.body and b"=" in request.body and not request.body.startswith(b"{"):
        found.update(parse_qsl(request.body.decode()))
    return found


class Pages:
    """Answers page ``index_of(params)`` of ``pages`` with the body ``render(index, pages)``."""

    def __init__(
        self,
        render: Callable[[int, int], tuple[bytes, dict[str, str]]],
        index_of: Callable[[dict[str, str]], int],
        pages: int,
    ) -> None:
        self.bodies = [render(i, pages) for i in range(pages + 1)]
        self.index_of = index_of

    def send(self, request: HttpRequest, timeout: Timeout) -> HttpResponse:
        body, headers = self.bodies[self.index_of(params_of(request))]
        return HttpResponse(200, headers, body)

    def close(self) -> None:
        pass


class AsyncPages(Pages):
    async def send(self, request: HttpRequest, timeout: Timeout) -> HttpResponse:  # type: ignore[override]
        return Pages.send(self, request, timeout)

    async def close(self) -> None:  # type: ignore[override]
        pass


JSON = {"content-type": "application/json"}
XML = {"content-type": "application/xml"}


def _json(value: object) -> bytes:
    return json.dumps(value).encode()


def oss_page(i: int, n: int) -> tuple[bytes, dict[str, str]]:
    more = i + 1 < n
    pools = "".join(
        f"<ResourcePool><Name>pool-{k}</Name><CreateTime>2024-11-29T08:42:32.000Z"
        "</CreateTime></ResourcePool>"
        for k in range(SIZE)
    )
    token = f"<NextContinuationToken>t+/={i + 1}</NextContinuationToken>" if more else ""
    xml = (
        f"<ListResourcePoolsResult>{token}<IsTruncated>{'true' if more else 'false'}"
        f"</IsTruncated>{pools}</ListResourcePoolsResult>"
    )
    return xml.encode(), XML


def ens_page(i: int, n: int) -> tuple[bytes, dict[str, str]]:
    buckets = [{"BucketName": f"b-{k}", "Comment": "c"} for k in range(SIZE)]
    return _json({"RequestId": "r", "TotalCount": n * SIZE, "BucketInfos": buckets}), JSON


def ga_page(i: int, n: int) -> tuple[bytes, dict[str, str]]:
    pools = [{"id": f"p-{k}", "cidr": "10.0.0.0/24"} for k in range(SIZE)]
    info = {"next_marker": f"{i + 1}" if i + 1 < n else None, "current_count": SIZE}
    return _json({"request_id": "r", "byoip_pools": pools, "page_info": info}), JSON


def config_page(i: int, n: int) -> tuple[bytes, dict[str, str]]:
    items = [{"ResourceId": "i-1", "CaptureTime": str(k)} for k in range(SIZE)]
    timeline = {"NextToken": f"t+/={i + 1}" if i + 1 < n else "", "ConfigurationList": items}
    return _json({"RequestId": "r", "ResourceConfigurationTimeline": timeline}), JSON


def evs_page(link: bool) -> Callable[[int, int], tuple[bytes, dict[str, str]]]:
    def render(i: int, n: int) -> tuple[bytes, dict[str, str]]:
        volumes = [{"id": f"v-{k}", "name": "disk"} for k in range(SIZE)]
        body: dict[str, Any] = {"volumes": volumes, "count": n * SIZE}
        if link and i + 1 < n:
            href = (
                f"https://evs.example/v2/p/volumes/detail?limit={SIZE}&marker={quote(str(i + 1))}"
            )
            body["volumes_links"] = [{"href": href, "rel": "next"}]
        return _json(body), JSON

    return render


def sls_page(i: int, n: int) -> tuple[bytes, dict[str, str]]:
    logs = [] if i >= n else [{"__time__": 1409529600 + k, "msg": "m"} for k in range(SIZE)]
    count = str(len(logs))
    return _json(logs), {**JSON, "x-log-progress": "Complete", "x-log-count": count}


def _int(name: str, default: int = 0, scale: int = 1) -> Callable[[dict[str, str]], int]:
    return lambda p: int(p.get(name, default)) // scale


def _token(name: str) -> Callable[[dict[str, str]], int]:
    return lambda p: int(p[name].rsplit("=", 1)[-1]) if name in p else 0


STYLES: dict[
    str, tuple[str, str, str, Callable[..., Any], Callable[[dict[str, str]], int], dict[str, Any]]
] = {
    # style: (module, client, iter method, render, page index of the params, call params)
    "token": (
        "generated.alibabacloud.oss",
        "Oss",
        "iter_list_resource_pools",
        oss_page,
        _token("continuation-token"),
        {"max_keys": SIZE},
    ),
    "token (NextToken/Limit)": (
        "generated.alibabacloud.config",
        "Config",
        "iter_get_resource_configuration_timeline",
        config_page,
        _token("NextToken"),
        {
            "resource_id": "i-1",
            "resource_type": "ACS::ECS::Instance",
            "region": "cn-hangzhou",
            "limit": SIZE,
        },
    ),
    "page-number": (
        "generated.alibabacloud.ens",
        "Ens",
        "iter_list_buckets",
        ens_page,
        lambda p: int(p.get("PageNumber", 1)) - 1,
        {"page_size": str(SIZE)},
    ),
    "marker": (
        "generated.huaweicloud.ga",
        "Ga",
        "iter_list_byoip_pools",
        ga_page,
        _int("marker"),
        {"limit": SIZE},
    ),
    "offset (with total)": (
        "generated.opentelekomcloud.evs",
        "Evs",
        "iter_list_volumes",
        evs_page(False),
        _int("offset", scale=SIZE),
        {"offset": 0, "limit": SIZE},
    ),
    "next-link": (
        "generated.opentelekomcloud.evs",
        "Evs",
        "iter_list_volumes",
        evs_page(True),
        _int("marker"),
        {"limit": SIZE},
    ),
    "offset + repeat (no total)": (
        "generated.alibabacloud.sls",
        "Sls",
        "iter_get_logs",
        sls_page,
        _int("offset", scale=SIZE),
        {"project_name": "p", "logstore_name": "l", "from_": 0, "to": 1, "line": SIZE},
    ),
}


async def _async_walk(
    module: Any, name: str, method: str, pages: Pages, params: dict[str, Any], repeats: int
) -> dict[str, Any]:
    transport = AsyncPages.__new__(AsyncPages)
    transport.bodies, transport.index_of = pages.bodies, pages.index_of
    credentials = ALIBABA if ".alibabacloud." in module.__name__ else HUAWEI
    async with getattr(module, f"Async{name}Client")(
        endpoint="http://bench.test", http_client=transport, **credentials
    ) as client:
        walk = getattr(client, method)
        times = []
        for _ in range(repeats):
            gc.collect()
            t0 = time.perf_counter()
            async for _item in walk(**params):
                pass
            times.append(time.perf_counter() - t0)
    return {"times": times}


def main() -> None:
    import importlib

    repeats = int(sys.argv[1])
    sizes = [int(n) for n in sys.argv[2].split(",")]
    out: dict[str, Any] = {}
    for style, (module_name, name, method, render, index_of, params) in STYLES.items():
        module = importlib.import_module(module_name)
        credentials = ALIBABA if ".alibabacloud." in module_name else HUAWEI
        entry: dict[str, Any] = {"operation": f"{name}Client.{method}", "sync": {}, "async": {}}
        for n in sizes:
            transport = Pages(render, index_of, n)
            with getattr(module, f"{name}Client")(
                endpoint="http://bench.test", http_client=transport, **credentials
            ) as client:
                walk = getattr(client, method)
                assert sum(1 for _ in walk(**params)) == n * SIZE  # warm-up and check
                times = []
                for _ in range(repeats):
                    gc.collect()
                    t0 = time.perf_counter()
                    for _item in walk(**params):
                        pass
                    times.append(time.perf_counter() - t0)
                gc.collect()
                tracemalloc.start()
                for _item in walk(**params):
                    pass
                peak = tracemalloc.get_traced_memory()[1]
                tracemalloc.stop()
            entry["sync"][str(n)] = {"times": times, "peak": peak}

            entry["async"][str(n)] = asyncio.run(
                _async_walk(module, name, method, Pages(render, index_of, n), params, repeats)
            )
        out[style] = entry
    json.dump(out, sys.stdout)


if __name__ == "__main__":
    main()
