"""Per-call time of eight operations against the lean server (bench/server.py).

Run by bench/run.py in a fresh process (``python bench/calls.py PORT ROUNDS BATCH``); prints
one JSON object: ``{operation: {variant: {"wall": [...], "cpu": [...]}}}``, seconds per call,
one value per round. Every variant of every operation runs once per round, in a shuffled
order, so machine drift hits all of them alike.

Operations (``OPERATIONS``): the four seed ones and four of the newer specs, with list
parameters (VPC ``EipAddress``/``Filter``), a host parameter (the SLS project) and a path
parameter (the EVS project). Variants (signing on wherever a client signs):

* ``ours sync`` / ``ours async c1`` / ``ours async c16``: the generated clients; c16 is
  ``asyncio.gather`` of 16 concurrent calls, per call = wall / 16.
* ``official sync`` / ``official async c1`` / ``official async c16``: the vendor SDK.
  OSS has no ListResourcePools model: ``invoke_operation`` + ElementTree parse into dicts
  (what a user of that SDK writes). Huawei's "async" client is a thread pool of futures.
  The official SLS client puts the project in the host name (``big-game.127.0.0.1``, which
  does not resolve); it reaches the loopback server through its ``http_proxy`` option, so it
  sends the absolute URL as a proxy request (ours connects to the IP endpoint and names the
  project in the Host header).
* ``floor sync`` (bare urllib3) / ``floor async c1`` / ``floor async c16`` (bare aiohttp):
  the same bytes our client sends (signed once, headers replayed), body read, no decoding.
* ``socket sync`` (a blocking ``socket``) / ``socket async c1`` / ``socket async c16``
  (asyncio streams, one connection per concurrent call): the physical floor, the same
  request bytes written by hand and the answer read by its Content-Length.

``sanity_check`` (before timing) sends each operation once with ours and once with the
official client to a capturing server in this process and asserts the two requests have the
same method, RPC action, Host, path and query (signature and time parameters aside).
"""

from __future__ import annotations

import asyncio
import functools
import gc
import importlib
import json
import os
import random
import socket
import sys
import threading
import time
import xml.etree.ElementTree as ET
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NamedTuple
from urllib.parse import parse_qsl, urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

_PROXY_VARS = ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "NO_PROXY")
for _var in (*_PROXY_VARS, *(v.lower() for v in _PROXY_VARS)):
    os.environ.pop(_var, None)  # the Alibaba SDKs would route loopback through a proxy

AK_ID, AK_SECRET = "LTAI5tBenchAccessKeyId", "BenchAccessKeySecretBenchAccessKey"
HW_AK, HW_SK, HW_PROJECT = (
    "HWBENCHAKEXAMPLE0000",
    "HwBenchSecretKeyExample0000000000000000",
    ("0a1b2c3d4e5f60718293a4b5c6d7e8f9"),
)
CONCURRENCY = 16
_CLOSE_LATER: list[Any] = []  # clients made inside helpers, closed at the end
SLS_PROJECT = "big-game"
# query pairs that differ between two signed requests of the same call (RPC V1 / ACS3 / OSS)
_VOLATILE = {"Signature", "SignatureNonce", "Timestamp", "x-oss-date"}


@dataclass
class Variant:
    kind: str  # "sync" | "async" | "threads"
    call: Callable[[], Any]  # sync: does one call; async: returns a coroutine; threads: a future
    concurrency: int = 1
    check: Callable[[Any], int] | None = None  # items in one answer (sanity check)


Build = tuple[str, Callable[[], Any]]  # (Variant.kind, call)


# ------------------------------------------------------------------------------- the table


class Ours(NamedTuple):
    """``<package>.<client>(**credentials).<method>(**kwargs)``; ``Async<client>`` alike."""

    package: str
    client: str
    credentials: str  # "ali" | "hw"
    method: str
    kwargs: dict[str, Any]
    count: Callable[[Any], int]


@dataclass(frozen=True)
class Tea:
    """An Alibaba tea SDK: ``Client(config).<method>_with_options[_async](*args, request,
    *extra, RuntimeOptions())``, the request made per call from the package's models."""

    package: str
    method: str
    count: Callable[[Any], int]
    request: Callable[[Any], Any] | None = None  # models module -> request object
    args: tuple[Any, ...] = ()
    extra: tuple[Any, ...] = ()
    via_proxy: bool = False  # the host name does not resolve: reach loopback as a proxy

    def build(self, url: str, netloc: str, asynchronous: bool) -> Build:
        from alibabacloud_tea_openapi.utils_models import Config
        from darabonba.runtime import RuntimeOptions

        config = Config(
            endpoint=netloc,
            protocol="http",
            access_key_id=AK_ID,
            access_key_secret=AK_SECRET,
            http_proxy=url if self.via_proxy else None,
        )
        client = importlib.import_module(f"{self.package}.client").Client(config)
        models = importlib.import_module(f"{self.package}.models")
        suffix = "_with_options_async" if asynchronous else "_with_options"
        method, make, args, extra = (
            getattr(client, self.method + suffix),
            self.request,
            self.args,
            self.extra,
        )
        if make is None:
            call = lambda: method(*args, *extra, RuntimeOptions())  # noqa: E731
        else:
            call = lambda: method(*args, make(models), *extra, RuntimeOptions())  # noqa: E731
        return ("async" if asynchronous else "sync", call)


@dataclass(frozen=True)
class Huawei:
    """A huaweicloudsdk client: ``<client>.<method>(request)``; "async" is
    ``<client minus Client>AsyncClient.<method>_async`` (a thread pool's futures)."""

    package: str
    client: str
    method: str
    request: Callable[[Any], Any]  # the package -> request object
    count: Callable[[Any], int]

    def build(self, url: str, netloc: str, asynchronous: bool) -> Build:
        from huaweicloudsdkcore.auth.credentials import BasicCredentials
        from huaweicloudsdkcore.http.http_config import HttpConfig

        package = importlib.import_module(self.package)
        name = self.client.removesuffix("Client") + "AsyncClient" if asynchronous else self.client
        config = HttpConfig.get_default_config()
        config.retry_times = 0
        client = (
            getattr(package, name)
            .new_builder()
            .with_credentials(BasicCredentials(HW_AK, HW_SK, HW_PROJECT))
            .with_endpoint(url)
            .with_http_config(config)
            .build()
        )
        method, make = (
            getattr(client, self.method + ("_async" if asynchronous else "")),
            self.request,
        )
        return ("threads" if asynchronous else "sync", lambda: method(make(package)))


def _oss_pools(content: bytes) -> list[dict[str, str | None]]:
    root = ET.fromstring(content)
    return [
        {"Name": p.findtext("Name"), "CreateTime": p.findtext("CreateTime")}
        for p in root.findall("ResourcePool")
    ]


@dataclass(frozen=True)
class OssInvoke:
    """alibabacloud-oss-v2 has no ListResourcePools model: ``invoke_operation`` + ElementTree.
    The aio client binds its session to the running loop: build it inside the loop."""

    count: Callable[[Any], int] = len

    def build(self, url: str, netloc: str, asynchronous: bool) -> Build:
        import alibabacloud_oss_v2 as oss

        cfg = oss.config.load_default()
        cfg.credentials_provider = oss.credentials.StaticCredentialsProvider(AK_ID, AK_SECRET)
        cfg.region = "cn-hangzhou"
        cfg.endpoint = url
        cfg.retry_max_attempts = 1

        def operation() -> Any:
            return oss.OperationInput(
                op_name="ListResourcePools", method="GET", parameters={"resourcePool": ""}
            )

        if not asynchronous:
            client = oss.Client(cfg)
            return "sync", lambda: _oss_pools(
                client.invoke_operation(operation()).http_response.content
            )
        import alibabacloud_oss_v2.aio as oss_aio

        aclient = oss_aio.AsyncClient(cfg)
        _CLOSE_LATER.append(aclient)

        async def call() -> list[dict[str, str | None]]:
            out = await aclient.invoke_operation(operation())
            return _oss_pools(await out.http_response.read())

        return "async", call


Official = Tea | Huawei | OssInvoke


class Operation(NamedTuple):
    ours: Ours
    official: Official


_EIPS = ["116.62.0.28", "116.62.0.29"]
_EIP_FILTERS = [
    ("CreationStartTime", "2018-01-22T09:12Z"),
    ("CreationEndTime", "2018-01-22T09:15Z"),
]
_LOGS_QUERY = {"topic": "groupA", "query": "level:Information", "line": 20, "offset": 0}
_TIMELINE = {"resource_id": "i-1", "resource_type": "ACS::ECS::Instance", "region": "cn-hangzhou"}

OPERATIONS: dict[str, Operation] = {
    "oss ListResourcePools": Operation(
        Ours(
            "alibabacloud.oss",
            "OssClient",
            "ali",
            "list_resource_pools",
            {},
            lambda r: len(r.resource_pool),
        ),
        OssInvoke(),
    ),
    "ens ListBuckets": Operation(
        Ours(
            "alibabacloud.ens",
            "EnsClient",
            "ali",
            "list_buckets",
            {},
            lambda r: len(r.bucket_infos),
        ),
        Tea(
            "alibabacloud_ens20171110",
            "list_buckets",
            lambda r: len(r.body.bucket_infos),
            lambda m: m.ListBucketsRequest(),
        ),
    ),
    "cloudsso ListDirectories": Operation(
        Ours(
            "alibabacloud.cloudsso",
            "CloudSsoClient",
            "ali",
            "list_directories",
            {},
            lambda r: len(r.directories),
        ),
        Tea("alibabacloud_cloudsso20210515", "list_directories", lambda r: len(r.body.directories)),
    ),
    "ga ListByoipPools": Operation(
        Ours(
            "huaweicloud.ga", "GaClient", "hw", "list_byoip_pools", {}, lambda r: len(r.byoip_pools)
        ),
        Huawei(
            "huaweicloudsdkga.v1",
            "GaClient",
            "list_byoip_pools",
            lambda p: p.ListByoipPoolsRequest(),
            lambda r: len(r.byoip_pools),
        ),
    ),
    # a repeated parameter (EipAddress, a comma list) and a list of structures (Filter.N.*)
    "vpc DescribeEipAddresses": Operation(
        Ours(
            "alibabacloud.vpc",
            "VpcClient",
            "ali",
            "describe_eip_addresses",
            {
                "region_id": "cn-hangzhou",
                "eip_address": _EIPS,
                "page_size": 10,
                "filter": [{"key": k, "value": v} for k, v in _EIP_FILTERS],
            },
            lambda r: len(r.eip_addresses.eip_address),
        ),
        Tea(
            "alibabacloud_vpc20160428",
            "describe_eip_addresses",
            lambda r: len(r.body.eip_addresses.eip_address),
            lambda m: m.DescribeEipAddressesRequest(
                region_id="cn-hangzhou",
                eip_address=",".join(_EIPS),
                page_size=10,
                filter=[
                    m.DescribeEipAddressesRequestFilter(key=k, value=v) for k, v in _EIP_FILTERS
                ],
            ),
        ),
    ),
    # the project in the host name, the logstore in the path, an array body
    "sls GetLogs": Operation(
        Ours(
            "alibabacloud.sls",
            "SlsClient",
            "ali",
            "get_logs",
            {
                "project_name": SLS_PROJECT,
                "logstore_name": "app_log",
                "from_": 1409529600,
                "to": 1409608800,
                **_LOGS_QUERY,
            },
            lambda r: len(r.logs),
        ),
        Tea(
            "alibabacloud_sls20201230",
            "get_logs",
            lambda r: len(r.body),
            lambda m: m.GetLogsRequest(from_=1409529600, to=1409608800, **_LOGS_QUERY),
            args=(SLS_PROJECT, "app_log"),
            extra=({},),
            via_proxy=True,
        ),
    ),
    "config GetResourceConfigurationTimeline": Operation(
        Ours(
            "alibabacloud.config",
            "ConfigClient",
            "ali",
            "get_resource_configuration_timeline",
            {**_TIMELINE, "limit": 10},
            lambda r: len(r.resource_configuration_timeline.configuration_list),
        ),
        Tea(
            "alibabacloud_config20190108",
            "get_resource_configuration_timeline",
            lambda r: len(r.body.resource_configuration_timeline.configuration_list),
            lambda m: m.GetResourceConfigurationTimelineRequest(**_TIMELINE, limit=10),
        ),
    ),
    # the project id in the path
    "evs ListVolumes": Operation(
        Ours(
            "opentelekomcloud.evs",
            "EvsClient",
            "hw",
            "list_volumes",
            {"status": "available", "limit": 10},
            lambda r: len(r.volumes),
        ),
        Huawei(
            "huaweicloudsdkevs.v2",
            "EvsClient",
            "list_volumes",
            lambda p: p.ListVolumesRequest(status="available", limit=10),
            lambda r: len(r.volumes),
        ),
    ),
}


# ------------------------------------------------------------------------------- ours


def _ours_clients(url: str, op: Ours) -> tuple[type[Any], type[Any], dict[str, object]]:
    module = importlib.import_module(f"generated.{op.package}")
    credentials: dict[str, object] = (
        {"access_key_id": AK_ID, "access_key_secret": AK_SECRET}
        if op.credentials == "ali"
        else {"ak": HW_AK, "sk": HW_SK, "project_id": HW_PROJECT}
    )
    kwargs = {**credentials, "endpoint": url}
    return getattr(module, op.client), getattr(module, f"Async{op.client}"), kwargs


def _signed_request(client: Any, op: Ours) -> Any:
    """The exact request ``client`` sends for ``op``, signed once (for the floors): the
    method's ``_call`` is intercepted for its (operation, parameters)."""
    seen: list[tuple[Any, Any]] = []
    client._call = lambda operation, params, *_: seen.append((operation, params))
    try:
        getattr(client, op.method)(**op.kwargs)
    finally:
        del client._call
    pipeline = client._pipeline
    return pipeline.signed(pipeline.prepare(*seen[0]))


# ------------------------------------------------------------------------------- floors


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


def _wire_bytes(request: Any) -> bytes:
    """``request`` as HTTP/1.1 bytes: the headers it carries, Host, Content-Length."""
    target = request.url[len(request.scheme) + 3 + len(request.host) :]
    headers = {name.lower(): value for name, value in request.headers.items()}
    headers.setdefault("host", request.host)
    if request.body or request.method in ("POST", "PUT", "PATCH"):
        headers.setdefault("content-length", str(len(request.body or b"")))
    head = [f"{request.method} {target} HTTP/1.1"]
    head += [f"{name}: {value}" for name, value in headers.items()]
    return ("\r\n".join(head) + "\r\n\r\n").encode() + (request.body or b"")


def _content_length(head: bytes) -> int:
    for line in head.split(b"\r\n"):
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            return int(value)
    return 0


def _socket_sync(port: int, request: Any) -> Callable[[], bytes]:
    """The physical floor: one blocking socket, the bytes written, the answer read by its
    Content-Length."""
    raw = _wire_bytes(request)
    sock = socket.create_connection(("127.0.0.1", port))
    sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    _CLOSE_LATER.append(sock)

    def call() -> bytes:
        sock.sendall(raw)
        buf = b""
        while (end := buf.find(b"\r\n\r\n")) < 0:
            buf += sock.recv(65536)
        body, length = buf[end + 4 :], _content_length(buf[:end])
        while len(body) < length:
            body += sock.recv(65536)
        return body

    return call


def _socket_async(port: int, request: Any) -> Callable[[], Awaitable[bytes]]:
    """The same over asyncio streams, a connection per concurrent call (kept for reuse)."""
    raw = _wire_bytes(request)
    idle: list[tuple[asyncio.StreamReader, asyncio.StreamWriter]] = []

    async def call() -> bytes:
        if idle:
            reader, writer = idle.pop()
        else:
            reader, writer = await asyncio.open_connection("127.0.0.1", port)
            writer.transport.get_extra_info("socket").setsockopt(
                socket.IPPROTO_TCP, socket.TCP_NODELAY, 1
            )
            _CLOSE_LATER.append(writer)
        writer.write(raw)
        head = await reader.readuntil(b"\r\n\r\n")
        body = await reader.readexactly(_content_length(head))
        idle.append((reader, writer))
        return body

    return call


# ------------------------------------------------------------------------------- sanity


class _Captured(NamedTuple):
    method: str
    action: str  # x-acs-action (RPC)
    host: str
    path: str
    query: list[tuple[str, str]]


def _capture_server() -> tuple[Any, list[_Captured]]:
    """A threaded HTTP/1.1 server answering as bench/server.py does, recording requests."""
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    from bench.server import route

    seen: list[_Captured] = []

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def handle_one_request(self) -> None:
            self.raw_requestline = self.rfile.readline(65537)
            if not self.raw_requestline or not self.parse_request():
                self.close_connection = True
                return
            body = self.rfile.read(int(self.headers.get("content-length") or 0))
            del body
            url = urlsplit(self.path)  # a proxy request carries the absolute URL
            host = url.netloc or self.headers.get("host", "")
            seen.append(
                _Captured(
                    self.command,
                    self.headers.get("x-acs-action", ""),
                    host,
                    url.path,
                    parse_qsl(url.query, True),
                )
            )
            headers = {k.lower().encode(): v.encode() for k, v in self.headers.items()}
            self.wfile.write(route(self.command.encode(), self.path.encode(), headers))
            self.wfile.flush()

        def log_message(self, *_: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, seen


def _summary(request: _Captured) -> _Captured:
    query = sorted((k, v) for k, v in request.query if k not in _VOLATILE)
    return request._replace(query=query)


def sanity_check() -> None:
    """Ours and the official client send the same method, action, Host, path and query per
    operation, and both answers decode to at least one item."""
    server, seen = _capture_server()
    port = server.server_address[1]
    url, netloc = f"http://127.0.0.1:{port}", f"127.0.0.1:{port}"
    try:
        for name, (ours, official) in OPERATIONS.items():
            sync_cls, _, kwargs = _ours_clients(url, ours)
            with sync_cls(**kwargs) as client:
                mine = getattr(client, ours.method)(**ours.kwargs)
            _, call = official.build(url, netloc, asynchronous=False)
            theirs = call()
            assert ours.count(mine) >= 1 and official.count(theirs) >= 1, name
            a, b = _summary(seen[-2]), _summary(seen[-1])
            assert a == b, f"{name}: ours sends {a}, the official SDK {b}"
    finally:
        server.shutdown()
        server.server_close()


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
    c16 = f"async c{CONCURRENCY}"

    async def make_async() -> Any:  # the loop-bound clients, made inside the loop
        made: dict[str, tuple[Any, Build, Build]] = {}
        for op, (ours, official) in OPERATIONS.items():
            _, async_cls, kwargs = _ours_clients(url, ours)
            made[op] = (
                async_cls(**kwargs),
                official.build(url, netloc, asynchronous=True),
                official.build(url, netloc, asynchronous=True),
            )
        return aiohttp.ClientSession(), made

    session, made = loop.run_until_complete(make_async())
    closers.append(session)
    for op, (ours, official) in OPERATIONS.items():
        sync_cls, _, kwargs = _ours_clients(url, ours)
        client = sync_cls(**kwargs)
        aclient, (kind1, official_c1), (kind16, official_c16) = made[op]
        closers.extend([client, aclient])
        call = functools.partial(getattr(client, ours.method), **ours.kwargs)
        acall = functools.partial(getattr(aclient, ours.method), **ours.kwargs)
        signed = _signed_request(client, ours)
        variants[(op, "ours sync")] = Variant("sync", call, check=ours.count)
        for mode, n in (("async c1", 1), (c16, CONCURRENCY)):
            variants[(op, f"ours {mode}")] = Variant("async", acall, n, check=ours.count)
        kind, official_sync = official.build(url, netloc, asynchronous=False)
        variants[(op, "official sync")] = Variant(kind, official_sync, check=official.count)
        variants[(op, "official async c1")] = Variant(kind1, official_c1, 1, official.count)
        variants[(op, f"official {c16}")] = Variant(
            kind16, official_c16, CONCURRENCY, official.count
        )
        variants[(op, "floor sync")] = Variant("sync", _floor_sync(port, signed))
        variants[(op, "socket sync")] = Variant("sync", _socket_sync(port, signed))
        afloor, asocket = _floor_async(session, signed), _socket_async(port, signed)
        for mode, n in (("async c1", 1), (c16, CONCURRENCY)):
            variants[(op, f"floor {mode}")] = Variant("async", afloor, n)
            variants[(op, f"socket {mode}")] = Variant("async", asocket, n)
    for (op, name), variant in variants.items():
        _check(loop, f"{op} / {name}", variant)
    return variants, closers


def main() -> None:
    port, rounds, batch = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
    only = sys.argv[4].split(",") if len(sys.argv) > 4 and sys.argv[4] else None
    sanity_check()
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
