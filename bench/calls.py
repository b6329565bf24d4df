"""Per-call time of the four operations against the lean server (bench/server.py).

Run by bench/run.py in a fresh process (``python bench/calls.py PORT ROUNDS BATCH``); prints
one JSON object: ``{operation: {variant: {"wall": [...], "cpu": [...]}}}``, seconds per call,
one value per round. Every variant of every operation runs once per round, in a shuffled
order, so machine drift hits all of them alike.

Variants (signing on wherever a client signs):

* ``ours sync`` / ``ours async c1`` / ``ours async c16``: the generated clients; c16 is
  ``asyncio.gather`` of 16 concurrent calls, per call = wall / 16.
* ``official sync`` / ``official async c1`` / ``official async c16``: the vendor SDK.
  OSS has no ListResourcePools model: ``invoke_operation`` + ElementTree parse into dicts
  (what a user of that SDK writes). Huawei's "async" client is a thread pool of futures.
* ``floor sync`` (bare urllib3) / ``floor async c1`` / ``floor async c16`` (bare aiohttp):
  the same bytes our client sends (signed once, headers replayed), body read, no decoding.
"""

from __future__ import annotations

import asyncio
import gc
import json
import os
import random
import sys
import time
import xml.etree.ElementTree as ET
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

for _var in ("HTTP_PROXY", "HTTPS_PROXY", "http_proxy", "https_proxy", "ALL_PROXY", "all_proxy"):
    os.environ.pop(_var, None)  # the Alibaba SDKs would route loopback through a proxy

AK_ID, AK_SECRET = "LTAI5tBenchAccessKeyId", "BenchAccessKeySecretBenchAccessKey"
HW_AK, HW_SK, HW_PROJECT = (
    "HWBENCHAKEXAMPLE0000",
    "HwBenchSecretKeyExample0000000000000000",
    ("0a1b2c3d4e5f60718293a4b5c6d7e8f9"),
)
CONCURRENCY = 16
_CLOSE_LATER: list[Any] = []  # clients made inside helpers, closed at the end
OPERATIONS = (
    "oss ListResourcePools",
    "ens ListBuckets",
    "cloudsso ListDirectories",
    "ga ListByoipPools",
)


@dataclass
class Variant:
    kind: str  # "sync" | "async" | "threads"
    call: Callable[[], Any]  # sync: does one call; async: returns a coroutine; threads: a future
    concurrency: int = 1
    check: Callable[[Any], int] | None = None  # items in one answer (sanity check)


# ------------------------------------------------------------------------------- ours


def _ours(url: str) -> dict[str, tuple[Any, Any, Any, dict[str, object], Callable[[Any], int]]]:
    from generated.alibabacloud.cloudsso import AsyncCloudSsoClient, CloudSsoClient
    from generated.alibabacloud.cloudsso.client import LIST_DIRECTORIES
    from generated.alibabacloud.ens import AsyncEnsClient, EnsClient
    from generated.alibabacloud.ens.client import LIST_BUCKETS
    from generated.alibabacloud.oss import AsyncOssClient, OssClient
    from generated.alibabacloud.oss.client import LIST_RESOURCE_POOLS
    from generated.huaweicloud.ga import AsyncGaClient, GaClient
    from generated.huaweicloud.ga.client import LIST_BYOIP_POOLS

    ali = {"access_key_id": AK_ID, "access_key_secret": AK_SECRET, "endpoint": url}
    hw = {"ak": HW_AK, "sk": HW_SK, "project_id": HW_PROJECT, "endpoint": url}
    return {
        "oss ListResourcePools": (
            OssClient,
            AsyncOssClient,
            ali,
            "list_resource_pools",
            LIST_RESOURCE_POOLS,
            lambda r: len(r.resource_pool),
        ),
        "ens ListBuckets": (
            EnsClient,
            AsyncEnsClient,
            ali,
            "list_buckets",
            LIST_BUCKETS,
            lambda r: len(r.bucket_infos),
        ),
        "cloudsso ListDirectories": (
            CloudSsoClient,
            AsyncCloudSsoClient,
            ali,
            "list_directories",
            LIST_DIRECTORIES,
            lambda r: len(r.directories),
        ),
        "ga ListByoipPools": (
            GaClient,
            AsyncGaClient,
            hw,
            "list_byoip_pools",
            LIST_BYOIP_POOLS,
            lambda r: len(r.byoip_pools),
        ),
    }


# ------------------------------------------------------------------------------- official


def _oss_pools(content: bytes) -> list[dict[str, str | None]]:
    root = ET.fromstring(content)
    return [
        {"Name": p.findtext("Name"), "CreateTime": p.findtext("CreateTime")}
        for p in root.findall("ResourcePool")
    ]


def _official_sync(url: str, netloc: str) -> dict[str, Variant]:
    import alibabacloud_oss_v2 as oss
    from alibabacloud_cloudsso20210515.client import Client as SsoClient
    from alibabacloud_ens20171110 import models as ens_models
    from alibabacloud_ens20171110.client import Client as EnsClient
    from alibabacloud_tea_openapi.utils_models import Config as TeaConfig
    from darabonba.runtime import RuntimeOptions
    from huaweicloudsdkcore.auth.credentials import BasicCredentials
    from huaweicloudsdkcore.http.http_config import HttpConfig
    from huaweicloudsdkga.v1 import GaClient, ListByoipPoolsRequest

    cfg = oss.config.load_default()
    cfg.credentials_provider = oss.credentials.StaticCredentialsProvider(AK_ID, AK_SECRET)
    cfg.region = "cn-hangzhou"
    cfg.endpoint = url
    cfg.retry_max_attempts = 1
    oss_client = oss.Client(cfg)

    def oss_call() -> list[dict[str, str | None]]:
        out = oss_client.invoke_operation(
            oss.OperationInput(
                op_name="ListResourcePools", method="GET", parameters={"resourcePool": ""}
            )
        )
        return _oss_pools(out.http_response.content)

    tea = TeaConfig(
        endpoint=netloc, protocol="http", access_key_id=AK_ID, access_key_secret=AK_SECRET
    )
    ens = EnsClient(tea)
    sso = SsoClient(tea)
    config = HttpConfig.get_default_config()
    config.retry_times = 0
    ga = (
        GaClient.new_builder()
        .with_credentials(BasicCredentials(HW_AK, HW_SK, HW_PROJECT))
        .with_endpoint(url)
        .with_http_config(config)
        .build()
    )
    return {
        "oss ListResourcePools": Variant("sync", oss_call, check=len),
        "ens ListBuckets": Variant(
            "sync",
            lambda: ens.list_buckets_with_options(
                ens_models.ListBucketsRequest(), RuntimeOptions()
            ),
            check=lambda r: len(r.body.bucket_infos),
        ),
        "cloudsso ListDirectories": Variant(
            "sync", sso.list_directories, check=lambda r: len(r.body.directories)
        ),
        "ga ListByoipPools": Variant(
            "sync",
            lambda: ga.list_byoip_pools(ListByoipPoolsRequest()),
            check=lambda r: len(r.byoip_pools),
        ),
    }


def _official_async(url: str, netloc: str, concurrency: int) -> dict[str, Variant]:
    """Built inside the running loop (the OSS aio client binds its session to it)."""
    import alibabacloud_oss_v2 as oss
    import alibabacloud_oss_v2.aio as oss_aio
    from alibabacloud_cloudsso20210515.client import Client as SsoClient
    from alibabacloud_ens20171110 import models as ens_models
    from alibabacloud_ens20171110.client import Client as EnsClient
    from alibabacloud_tea_openapi.utils_models import Config as TeaConfig
    from darabonba.runtime import RuntimeOptions
    from huaweicloudsdkcore.auth.credentials import BasicCredentials
    from huaweicloudsdkcore.http.http_config import HttpConfig
    from huaweicloudsdkga.v1 import GaAsyncClient, ListByoipPoolsRequest

    cfg = oss.config.load_default()
    cfg.credentials_provider = oss.credentials.StaticCredentialsProvider(AK_ID, AK_SECRET)
    cfg.region = "cn-hangzhou"
    cfg.endpoint = url
    cfg.retry_max_attempts = 1
    oss_client = oss_aio.AsyncClient(cfg)
    _CLOSE_LATER.append(oss_client)

    async def oss_call() -> list[dict[str, str | None]]:
        out = await oss_client.invoke_operation(
            oss.OperationInput(
                op_name="ListResourcePools", method="GET", parameters={"resourcePool": ""}
            )
        )
        content = await out.http_response.read()
        return _oss_pools(content)

    tea = TeaConfig(
        endpoint=netloc, protocol="http", access_key_id=AK_ID, access_key_secret=AK_SECRET
    )
    ens = EnsClient(tea)
    sso = SsoClient(tea)
    config = HttpConfig.get_default_config()
    config.retry_times = 0
    ga = (
        GaAsyncClient.new_builder()
        .with_credentials(BasicCredentials(HW_AK, HW_SK, HW_PROJECT))
        .with_endpoint(url)
        .with_http_config(config)
        .build()
    )
    return {
        "oss ListResourcePools": Variant("async", oss_call, concurrency, check=len),
        "ens ListBuckets": Variant(
            "async",
            lambda: ens.list_buckets_with_options_async(
                ens_models.ListBucketsRequest(), RuntimeOptions()
            ),
            concurrency,
            check=lambda r: len(r.body.bucket_infos),
        ),
        "cloudsso ListDirectories": Variant(
            "async",
            sso.list_directories_async,
            concurrency,
            check=lambda r: len(r.body.directories),
        ),
        "ga ListByoipPools": Variant(
            "threads",
            lambda: ga.list_byoip_pools_async(ListByoipPoolsRequest()),
            concurrency,
            check=lambda r: len(r.byoip_pools),
        ),
    }


# ------------------------------------------------------------------------------- floor


def _floor_sync(port: int, request: Any) -> Callable[[], bytes]:
    import urllib3

    pool = urllib3.HTTPConnectionPool("127.0.0.1", port, maxsize=1, retries=False)
    target = request.url[len(request.scheme) + 3 + len(request.host) :]
    headers, body, method = dict(request.headers), request.body or None, request.method

    def call() -> bytes:
        return pool.urlopen(
            method,
            target,
            headers=headers,
            body=body,
            retries=False,
            redirect=False,
            preload_content=True,
        ).data

    return call


def _floor_async(session: Any, request: Any) -> Callable[[], Awaitable[bytes]]:
    import yarl

    url = yarl.URL(request.url, encoded=True)
    headers, body, method = dict(request.headers), request.body or None, request.method

    async def call() -> bytes:
        async with session.request(method, url, headers=headers, data=body) as response:
            return await response.read()

    return call


# ------------------------------------------------------------------------------- timing


def _run_batch(
    loop: asyncio.AbstractEventLoop, variant: Variant, calls: int
) -> tuple[float, float]:
    """Seconds per call (wall, this process's CPU) over ``calls`` calls."""
    if variant.kind == "sync":
        fn = variant.call
        c0, t0 = time.process_time(), time.perf_counter()
        for _ in range(calls):
            fn()
        return (time.perf_counter() - t0) / calls, (time.process_time() - c0) / calls
    if variant.kind == "threads":
        fn, n = variant.call, variant.concurrency
        groups = max(1, calls // n)
        c0, t0 = time.process_time(), time.perf_counter()
        for _ in range(groups):
            futures = [fn() for _ in range(n)]
            for future in futures:
                future.result()
        done = groups * n
        return (time.perf_counter() - t0) / done, (time.process_time() - c0) / done
    afn, n = variant.call, variant.concurrency
    groups = max(1, calls // n)

    async def batch() -> tuple[float, float]:
        c0, t0 = time.process_time(), time.perf_counter()
        if n == 1:
            for _ in range(groups):
                await afn()
        else:
            for _ in range(groups):
                await asyncio.gather(*[afn() for _ in range(n)])
        return time.perf_counter() - t0, time.process_time() - c0

    wall, cpu = loop.run_until_complete(batch())
    return wall / (groups * n), cpu / (groups * n)


def _check(loop: asyncio.AbstractEventLoop, name: str, variant: Variant) -> None:
    if variant.kind == "sync":
        result = variant.call()
    elif variant.kind == "threads":
        result = variant.call().result()
    else:
        result = loop.run_until_complete(variant.call())
    if variant.check is not None:
        items = variant.check(result)
        if items < 1:
            raise SystemExit(f"{name}: the answer decoded to {items} items")


def build_variants(
    port: int, loop: asyncio.AbstractEventLoop
) -> tuple[dict[tuple[str, str], Variant], list[Any]]:
    import aiohttp

    url, netloc = f"http://127.0.0.1:{port}", f"127.0.0.1:{port}"
    variants: dict[tuple[str, str], Variant] = {}
    closers: list[Any] = []
    official_sync = _official_sync(url, netloc)

    async def make_async() -> tuple[dict[str, Variant], dict[str, Variant], Any, dict[str, Any]]:
        session = aiohttp.ClientSession()
        c1 = _official_async(url, netloc, 1)
        c16 = _official_async(url, netloc, CONCURRENCY)
        clients = {op: spec[1](**spec[2]) for op, spec in _ours(url).items()}
        return c1, c16, session, clients

    off_c1, off_c16, session, async_clients = loop.run_until_complete(make_async())
    closers.append(session)
    for op, (sync_cls, _async_cls, kwargs, method, opspec, count) in _ours(url).items():
        client = sync_cls(**kwargs)
        aclient = async_clients[op]
        closers.extend([client, aclient])
        call = getattr(client, method)
        acall = getattr(aclient, method)
        pipeline = client._pipeline  # the exact request ours sends, signed once, for the floor
        signed = pipeline.signed(pipeline.prepare(opspec, {}))
        variants[(op, "ours sync")] = Variant("sync", call, check=count)
        variants[(op, "ours async c1")] = Variant("async", acall, 1, check=count)
        variants[(op, f"ours async c{CONCURRENCY}")] = Variant(
            "async", acall, CONCURRENCY, check=count
        )
        variants[(op, "official sync")] = official_sync[op]
        variants[(op, "official async c1")] = off_c1[op]
        variants[(op, f"official async c{CONCURRENCY}")] = off_c16[op]
        variants[(op, "floor sync")] = Variant("sync", _floor_sync(port, signed))
        afloor = _floor_async(session, signed)
        variants[(op, "floor async c1")] = Variant("async", afloor, 1)
        variants[(op, f"floor async c{CONCURRENCY}")] = Variant("async", afloor, CONCURRENCY)
    for (op, name), variant in variants.items():
        _check(loop, f"{op} / {name}", variant)
    return variants, closers


def main() -> None:
    port, rounds, batch = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
    only = sys.argv[4].split(",") if len(sys.argv) > 4 and sys.argv[4] else None
    loop = asyncio.new_event_loop()
    asyncio.set_event_loop(loop)
    variants, closers = build_variants(port, loop)
    if only:
        variants = {k: v for k, v in variants.items() if k[1] in only}
    keys = sorted(variants)
    results: dict[str, dict[str, dict[str, list[float]]]] = {}
    for round_no in range(rounds + 1):  # round 0 is a warm-up, not recorded
        order = keys[:]
        random.Random(round_no).shuffle(order)
        for key in order:
            gc.collect()
            wall, cpu = _run_batch(loop, variants[key], batch if round_no else max(16, batch // 4))
            if round_no:
                entry = results.setdefault(key[0], {}).setdefault(key[1], {"wall": [], "cpu": []})
                entry["wall"].append(wall)
                entry["cpu"].append(cpu)

    async def close() -> None:
        for closer in closers + _CLOSE_LATER:
            result = closer.close()
            if asyncio.iscoroutine(result):
                await result

    loop.run_until_complete(close())
    loop.run_until_complete(asyncio.sleep(0.05))
    loop.close()
    json.dump(results, sys.stdout)


if __name__ == "__main__":
    main()
