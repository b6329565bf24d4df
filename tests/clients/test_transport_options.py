"""Constructor options: timeout=, http_client= (httpx), endpoint resolution from region=,
context managers and close(), and transport failures."""

from __future__ import annotations

import asyncio
import gc
import re
import time
import warnings
from typing import Any

import httpx
import pytest

from generated.alibabacloud.cloudsso import AsyncCloudSsoClient, CloudSsoClient
from generated.alibabacloud.ens import AsyncEnsClient, EnsClient
from generated.alibabacloud.oss import AsyncOssClient, OssClient
from generated.huaweicloud.ga import AsyncGaClient, GaClient
from sdk_runtime.errors import ApiError, ClientError, RequestTimeoutError, TransportError
from tests.clients.support import ALIBABA, DELAY, HUAWEI, TIMEOUT, refused_url
from tests.fakecloud import (
    FakeCloud,
)

# --------------------------------------------------------------------------- timeouts


@pytest.mark.parametrize("transport", ["default", "httpx"])
def test_timeout(slow_cloud: FakeCloud, transport: str) -> None:
    slow_cloud.delay_next("ListBuckets", DELAY)
    http = httpx.Client() if transport == "httpx" else None
    with EnsClient(
        endpoint=slow_cloud.url, timeout=TIMEOUT, max_retries=0, http_client=http, **ALIBABA
    ) as client:
        started = time.monotonic()
        with pytest.raises(RequestTimeoutError) as caught:
            client.list_buckets()
        elapsed = time.monotonic() - started
    if http is not None:
        http.close()
    assert TIMEOUT - 0.02 <= elapsed < DELAY - 0.1
    assert isinstance(caught.value, TransportError)
    assert isinstance(caught.value, ClientError)
    assert not isinstance(caught.value, ApiError)
    assert len(slow_cloud.requests) == 1
    assert slow_cloud.rejected == []


@pytest.mark.parametrize("transport", ["default", "httpx"])
async def test_async_timeout(slow_cloud: FakeCloud, transport: str) -> None:
    slow_cloud.delay_next("ListByoipPools", DELAY)
    http = httpx.AsyncClient() if transport == "httpx" else None
    async with AsyncGaClient(
        endpoint=slow_cloud.url, timeout=TIMEOUT, max_retries=0, http_client=http, **HUAWEI
    ) as client:
        started = time.monotonic()
        with pytest.raises(RequestTimeoutError):
            await client.list_byoip_pools()
        elapsed = time.monotonic() - started
    if http is not None:
        await http.aclose()
    assert TIMEOUT - 0.02 <= elapsed < DELAY - 0.1
    assert len(slow_cloud.requests) == 1
    assert slow_cloud.rejected == []


def test_read_timeout_from_a_tuple(slow_cloud: FakeCloud) -> None:
    slow_cloud.delay_next("ListResourcePools", DELAY)
    with OssClient(
        endpoint=slow_cloud.url, timeout=(2.0, TIMEOUT), max_retries=0, **ALIBABA
    ) as client:
        started = time.monotonic()
        with pytest.raises(RequestTimeoutError):
            client.list_resource_pools()
    assert time.monotonic() - started < DELAY - 0.1
    assert slow_cloud.rejected == []


def test_a_delay_shorter_than_the_timeout_is_fine(cloud: FakeCloud) -> None:
    cloud.delay_next("ListDirectories", 0.2)
    with CloudSsoClient(endpoint=cloud.url, timeout=2, max_retries=0, **ALIBABA) as client:
        assert client.list_directories().total_counts == 2
    assert cloud.rejected == []


def test_timed_out_attempt_is_retried(slow_cloud: FakeCloud) -> None:
    slow_cloud.delay_next("ListBuckets", DELAY)
    with EnsClient(endpoint=slow_cloud.url, timeout=TIMEOUT, max_retries=1, **ALIBABA) as client:
        assert client.list_buckets().total_count == 23
    assert len(slow_cloud.requests) == 2
    first, second = slow_cloud.requests
    assert first.header("x-acs-signature-nonce") != second.header("x-acs-signature-nonce")
    assert slow_cloud.rejected == []


# --------------------------------------------------------------------------- refused


@pytest.mark.parametrize("transport", ["default", "httpx"])
def test_connection_refused(transport: str) -> None:
    http = httpx.Client() if transport == "httpx" else None
    url = refused_url()
    with (
        OssClient(endpoint=url, max_retries=0, http_client=http, **ALIBABA) as client,
        pytest.raises(TransportError) as caught,
    ):
        client.list_resource_pools()
    if http is not None:
        http.close()
    assert not isinstance(caught.value, RequestTimeoutError)
    assert isinstance(caught.value, ClientError)
    assert url.removeprefix("http://") in str(caught.value)


@pytest.mark.parametrize("transport", ["default", "httpx"])
async def test_async_connection_refused(transport: str) -> None:
    http = httpx.AsyncClient() if transport == "httpx" else None
    async with AsyncEnsClient(
        endpoint=refused_url(), max_retries=1, http_client=http, **ALIBABA
    ) as client:
        with pytest.raises(TransportError) as caught:
            await client.list_buckets()
    if http is not None:
        await http.aclose()
    assert not isinstance(caught.value, RequestTimeoutError)


# --------------------------------------------------------------------------- httpx clients


def test_httpx_client_is_used_and_left_open(cloud: FakeCloud) -> None:
    sent: list[str] = []
    http = httpx.Client(event_hooks={"request": [lambda r: sent.append(r.url.path)]})
    with EnsClient(endpoint=cloud.url, http_client=http, **ALIBABA) as ens:
        assert ens.list_buckets().total_count == 23
    ens.close()  # a second close is harmless
    assert not http.is_closed
    with GaClient(endpoint=cloud.url, http_client=http, **HUAWEI) as ga:
        assert len(ga.list_byoip_pools().byoip_pools or []) == 12
    assert not http.is_closed
    assert sent == ["/", "/v1/byoip-pools"]
    http.close()
    assert cloud.rejected == []


async def test_httpx_async_client_is_used_and_left_open(cloud: FakeCloud) -> None:
    sent: list[str] = []

    async def hook(request: httpx.Request) -> None:
        sent.append(request.url.path)

    http = httpx.AsyncClient(event_hooks={"request": [hook]})
    async with AsyncOssClient(endpoint=cloud.url, http_client=http, **ALIBABA) as oss:
        assert (await oss.list_resource_pools()).owner
    assert not http.is_closed
    client = AsyncCloudSsoClient(endpoint=cloud.url, http_client=http, **ALIBABA)
    assert (await client.list_directories()).total_counts == 2
    await client.close()
    assert not http.is_closed
    assert sent == ["/", "/"]
    await http.aclose()
    assert cloud.rejected == []


def test_http_client_of_the_wrong_kind() -> None:
    async_http = httpx.AsyncClient()
    sync_http = httpx.Client()
    try:
        with pytest.raises(TypeError, match="AsyncClient"):
            EnsClient(endpoint="http://127.0.0.1:9", http_client=async_http, **ALIBABA)
        with pytest.raises(TypeError, match="httpx.Client"):
            AsyncGaClient(endpoint="http://127.0.0.1:9", http_client=sync_http, **HUAWEI)
        with pytest.raises(TypeError):
            OssClient(endpoint="http://127.0.0.1:9", http_client="urllib3", **ALIBABA)
    finally:
        sync_http.close()
        asyncio.run(async_http.aclose())


# --------------------------------------------------------------------------- lifecycle


def test_context_manager_and_close(cloud: FakeCloud) -> None:
    client = OssClient(endpoint=cloud.url, **ALIBABA)
    with client as entered:
        assert entered is client
        assert entered.list_resource_pools(max_keys=1).resource_pool
    client.close()  # idempotent
    plain = GaClient(endpoint=cloud.url, **HUAWEI)
    assert plain.list_byoip_pools(limit=1).byoip_pools
    plain.close()
    assert len(cloud.requests) == 2
    assert cloud.rejected == []


async def _use_async_clients(cloud: FakeCloud, how: str) -> None:
    clients: list[Any] = [
        AsyncOssClient(endpoint=cloud.url, **ALIBABA),
        AsyncEnsClient(endpoint=cloud.url, **ALIBABA),
        AsyncCloudSsoClient(endpoint=cloud.url, **ALIBABA),
        AsyncGaClient(endpoint=cloud.url, **HUAWEI),
    ]
    calls = ["list_resource_pools", "list_buckets", "list_directories", "list_byoip_pools"]
    for client, call in zip(clients, calls, strict=True):
        if how == "async with":
            async with client as entered:
                assert entered is client
                await getattr(entered, call)()
        else:
            await getattr(client, call)()
            await client.close()
            await client.close()  # idempotent


@pytest.mark.parametrize("how", ["async with", "close()"])
async def test_async_clients_release_their_session(cloud: FakeCloud, how: str) -> None:
    gc.collect()  # only these clients' leaks count: what earlier tests left is theirs
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        await _use_async_clients(cloud, how)
        gc.collect()  # an unclosed aiohttp session warns when collected
    unclosed = [str(w.message) for w in caught if "nclosed" in str(w.message)]
    assert unclosed == []
    assert len(cloud.requests) == 4
    assert cloud.rejected == []


def test_async_client_survives_two_event_loops(cloud: FakeCloud) -> None:
    client = AsyncEnsClient(endpoint=cloud.url, **ALIBABA)
    assert asyncio.run(client.list_buckets()).total_count == 23
    assert asyncio.run(client.list_buckets()).total_count == 23
    asyncio.run(client.close())
    assert len(cloud.requests) == 2
    assert cloud.rejected == []


# --------------------------------------------------------------------------- endpoints


def endpoint_of(client: object) -> str:
    urls = re.findall(r"https?://[^\s>]+", repr(client))
    assert len(urls) == 1, repr(client)
    return urls[0]


@pytest.mark.parametrize(
    ("client_class", "region", "url"),
    [
        (EnsClient, None, "https://ens.aliyuncs.com"),
        (EnsClient, "cn-hangzhou", "https://ens.aliyuncs.com"),
        (AsyncEnsClient, "cn-beijing", "https://ens.aliyuncs.com"),
        (EnsClient, "ap-southeast-1", "https://ens.ap-southeast-1.aliyuncs.com"),
        (OssClient, None, "https://oss-cn-hangzhou.aliyuncs.com"),
        (OssClient, "cn-shanghai", "https://oss-cn-shanghai.aliyuncs.com"),
        (AsyncOssClient, "ap-southeast-1", "https://oss-ap-southeast-1.aliyuncs.com"),
        (CloudSsoClient, None, "https://cloudsso.cn-shanghai.aliyuncs.com"),
        (CloudSsoClient, "ap-southeast-1", "https://cloudsso.ap-southeast-1.aliyuncs.com"),
        (AsyncCloudSsoClient, "cn-shanghai", "https://cloudsso.cn-shanghai.aliyuncs.com"),
    ],
)
def test_alibaba_endpoint_from_region(client_class: Any, region: str | None, url: str) -> None:
    client = client_class(region=region, **ALIBABA)
    assert endpoint_of(client) == url


@pytest.mark.parametrize("client_class", [GaClient, AsyncGaClient])
@pytest.mark.parametrize("region", [None, "ap-southeast-1", "cn-north-4"])
def test_ga_endpoint_is_global(client_class: Any, region: str | None) -> None:
    assert endpoint_of(client_class(region=region, **HUAWEI)) == "https://ga.myhuaweicloud.com"


def test_endpoint_overrides_region(cloud: FakeCloud) -> None:
    client = EnsClient(region="ap-southeast-1", endpoint=cloud.url, **ALIBABA)
    assert endpoint_of(client) == cloud.url
    with client:
        client.list_buckets()
    assert cloud.requests[0].header("Host") == cloud.netloc
    assert cloud.rejected == []


def test_bad_endpoint_is_refused() -> None:
    with pytest.raises(ValueError, match="endpoint"):
        EnsClient(endpoint="ftp://example.com", **ALIBABA)
