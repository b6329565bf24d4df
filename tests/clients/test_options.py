"""Per-call options and raw responses: ``client.with_options(...)`` (timeout, retries, extra
headers and query, sharing the connection pool) and ``client.with_raw_response.<op>(...)``
(status, case-insensitive headers, request id, ``parse()``), sync and async, against the
loopback fake cloud; extra headers and query pairs are signed (the fake verifies)."""

from __future__ import annotations

import re
import time
from typing import Any

import httpx
import pytest
import urllib3.util.connection

from generated.alibabacloud.ens import AsyncEnsClient, EnsClient
from generated.alibabacloud.ens.models import ListBucketsResponse
from generated.alibabacloud.oss import AsyncOssClient, OssClient
from generated.huaweicloud.ga import AsyncGaClient, GaClient
from sdk_runtime.errors import ApiError, RequestTimeoutError
from sdk_runtime.raw import RawResponse
from tests.clients.support import ALIBABA, DELAY, HUAWEI, TIMEOUT
from tests.fakecloud import FakeCloud

OSS_ID = re.compile(r"[0-9A-F]{24}")


# --------------------------------------------------------------------------- with_options


def test_with_options_returns_the_same_class_and_leaves_the_original(cloud: FakeCloud) -> None:
    with EnsClient(endpoint=cloud.url, **ALIBABA) as client:
        twin = client.with_options(
            timeout=5, max_retries=0, extra_headers={"X-Trace": "t-1"}, extra_query={"Tag": "a"}
        )
        assert type(twin) is EnsClient
        assert twin._transport is client._transport  # one pool
        twin.list_buckets()
        client.list_buckets()
    with_extra, plain = cloud.requests_for("ListBuckets")
    assert cloud.rejected == []  # signed with the extras
    assert with_extra.header("x-trace") == "t-1"
    assert ("Tag", "a") in with_extra.query_pairs
    assert plain.header("x-trace") is None
    assert "Tag" not in plain.params
    assert client._pipeline.timeout.read != 5 and twin._pipeline.timeout.read == 5
    assert client._pipeline.retry.max_retries != 0 and twin._pipeline.retry.max_retries == 0


@pytest.mark.parametrize("client_class", [GaClient, OssClient])
def test_extra_headers_are_signed_in_every_scheme(cloud: FakeCloud, client_class: Any) -> None:
    credentials = HUAWEI if client_class is GaClient else ALIBABA
    method = "list_byoip_pools" if client_class is GaClient else "list_resource_pools"
    with client_class(endpoint=cloud.url, **credentials) as client:
        getattr(client.with_options(extra_headers={"X-Custom": "v"}), method)()
    (request,) = cloud.requests
    assert request.verified and request.header("X-Custom") == "v"


def test_with_options_shares_one_tcp_connection(
    cloud: FakeCloud, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[object] = []
    create = urllib3.util.connection.create_connection

    def counting(*args: Any, **kwargs: Any) -> Any:
        opened.append(args[0])
        return create(*args, **kwargs)

    monkeypatch.setattr(urllib3.util.connection, "create_connection", counting)
    with EnsClient(endpoint=cloud.url, **ALIBABA) as client:
        client.list_buckets()
        client.with_options(timeout=30).list_buckets()
        client.with_options(extra_headers={"X-A": "1"}).list_buckets()
    assert len(cloud.requests_for("ListBuckets")) == 3
    assert len(opened) == 1


def test_with_options_chains_and_replaces_headers(cloud: FakeCloud) -> None:
    with EnsClient(endpoint=cloud.url, **ALIBABA) as client:
        twin = client.with_options(extra_headers={"X-A": "1", "X-B": "2"})
        twin.with_options(extra_headers={"x-a": "3"}, extra_query={"Q": "1"}).list_buckets()
    (request,) = cloud.requests
    assert request.verified
    assert [v for k, v in request.headers if k.lower() == "x-a"] == ["3"]
    assert request.header("x-b") == "2" and request.params["Q"] == "1"


def test_with_options_max_retries(cloud: FakeCloud) -> None:
    cloud.fail_next("ListBuckets", 503, "ServiceUnavailable", times=5)
    with EnsClient(endpoint=cloud.url, max_retries=3, **ALIBABA) as client:
        with pytest.raises(ApiError):
            client.with_options(max_retries=0).list_buckets()
        assert len(cloud.requests_for("ListBuckets")) == 1
        with pytest.raises(ApiError):
            client.with_options(max_retries=1).list_buckets()
        assert len(cloud.requests_for("ListBuckets")) == 3


def test_with_options_timeout(slow_cloud: FakeCloud) -> None:
    slow_cloud.delay_next("ListBuckets", DELAY)
    with EnsClient(endpoint=slow_cloud.url, max_retries=0, **ALIBABA) as client:
        started = time.monotonic()
        with pytest.raises(RequestTimeoutError):
            client.with_options(timeout=TIMEOUT).list_buckets()
        assert time.monotonic() - started < DELAY - 0.1


@pytest.mark.parametrize(
    ("options", "error"),
    [
        ({"extra_headers": {"X-A": "a\r\nX-Evil: 1"}}, ValueError),
        ({"extra_headers": {"X A": "a"}}, ValueError),
        ({"extra_headers": {"X-A": 1}}, TypeError),
        ({"extra_query": {"q": "a\x00"}}, ValueError),
        ({"max_retries": -1}, ValueError),
        ({"max_retries": True}, ValueError),
        ({"timeout": "5"}, TypeError),
    ],
)
def test_with_options_rejects_bad_values(options: dict[str, Any], error: type[Exception]) -> None:
    client = EnsClient(endpoint="http://127.0.0.1:9", **ALIBABA)
    with pytest.raises(error):
        client.with_options(**options)
    client.close()


async def test_async_with_options_shares_the_httpx_client(cloud: FakeCloud) -> None:
    async with httpx.AsyncClient() as http:
        client = AsyncGaClient(endpoint=cloud.url, http_client=http, **HUAWEI)
        twin = client.with_options(extra_headers={"X-Trace": "a"}, max_retries=0)
        assert type(twin) is AsyncGaClient and twin._transport is client._transport
        await twin.list_byoip_pools()
        await client.list_byoip_pools()
    first, second = cloud.requests
    assert first.verified and first.header("x-trace") == "a"
    assert second.header("x-trace") is None


# --------------------------------------------------------------------------- raw responses


def test_raw_response(cloud: FakeCloud) -> None:
    with OssClient(endpoint=cloud.url, **ALIBABA) as client:
        raw = client.with_raw_response.list_resource_pools()
        plain = client.list_resource_pools()
    assert isinstance(raw, RawResponse)
    assert raw.status_code == 200
    assert raw.request_id is not None and OSS_ID.fullmatch(raw.request_id)
    assert raw.headers["X-OSS-Request-Id"] == raw.request_id == raw.headers["x-oss-request-id"]
    assert "Content-Type" in raw.headers and "content-type" in raw.headers
    model = raw.parse()
    assert type(model) is type(plain)
    assert model._request_id == raw.request_id
    assert raw.parse() is model  # already decoded, not awaitable
    assert raw.request_id not in repr(raw.headers)  # names only


def test_raw_response_typed_and_keywords_pass(cloud: FakeCloud) -> None:
    with EnsClient(endpoint=cloud.url, **ALIBABA) as client:
        raw = client.with_options(extra_headers={"X-A": "1"}).with_raw_response.list_buckets()
        model: ListBucketsResponse = raw.parse()
    assert model._request_id == raw.request_id
    assert cloud.requests[0].header("x-a") == "1"


def test_raw_response_raises_on_an_error(cloud: FakeCloud) -> None:
    cloud.fail_next("ListBuckets", 400, "InvalidParameter")
    with EnsClient(endpoint=cloud.url, max_retries=0, **ALIBABA) as client:
        with pytest.raises(ApiError):
            client.with_raw_response.list_buckets()
        assert not isinstance(client.list_buckets(), RawResponse)  # the client is unchanged


async def test_async_raw_response(cloud: FakeCloud) -> None:
    async with AsyncEnsClient(endpoint=cloud.url, **ALIBABA) as client:
        raw = await client.with_raw_response.list_buckets()
        plain = await client.list_buckets()
    assert raw.status_code == 200 and raw.request_id
    assert raw.parse()._request_id == raw.request_id
    assert type(raw.parse()) is type(plain) and not isinstance(plain, RawResponse)
    async with AsyncOssClient(endpoint=cloud.url, **ALIBABA) as oss:
        raw_oss = await oss.with_raw_response.list_resource_pools()
    assert raw_oss.headers["X-Oss-Request-Id"] == raw_oss.request_id


def test_raw_response_huawei(cloud: FakeCloud) -> None:
    with GaClient(endpoint=cloud.url, **HUAWEI) as client:
        raw = client.with_raw_response.list_byoip_pools()
    assert raw.status_code == 200
    assert raw.request_id == raw.headers["X-Request-Id"]
