"""A body is capped (``max_response_bytes``, decompression included: a gzip bomb stops at
the cap) and an attempt has a total deadline (``timeout=(connect, read, total)``): a server
trickling its answer cannot hold a call. Both raise a ClientError; neither is retried."""

from __future__ import annotations

import gzip
import time
from typing import Any

import httpx
import pytest

from generated.huaweicloud.ga import AsyncGaClient, GaClient
from sdk_runtime.errors import RequestTimeoutError, ResponseTooLargeError
from tests.clients.hostile import Answer, HostileServer
from tests.clients.support import HUAWEI

CAP = 1024 * 1024  # 1 MiB
BIG = b'{"byoip_pools": [], "padding": "' + b"x" * (2 * CAP) + b'"}'
BOMB = gzip.compress(b" " * (256 * CAP), compresslevel=9)  # 256 MiB of JSON whitespace
GZIP = (("Content-Type", "application/json"), ("Content-Encoding", "gzip"))


def sync_client(url: str, transport: str, **kwargs: Any) -> GaClient:
    http = httpx.Client() if transport == "httpx" else None
    return GaClient(endpoint=url, http_client=http, **HUAWEI, **kwargs)


def test_the_bomb_is_a_bomb() -> None:
    assert len(BOMB) < CAP // 3  # ~260 KB on the wire, 256 MiB inflated


@pytest.mark.parametrize("transport", ["default", "httpx"])
@pytest.mark.parametrize("answer", [Answer(200, BIG), Answer(200, BOMB, GZIP)], ids=["big", "bomb"])
def test_a_body_over_the_cap_raises(hostile: HostileServer, transport: str, answer: Answer) -> None:
    hostile.script(answer)
    started = time.monotonic()
    with (
        sync_client(hostile.url, transport, max_response_bytes=CAP) as client,
        pytest.raises(ResponseTooLargeError, match="max_response_bytes") as caught,
    ):
        client.list_byoip_pools()
    assert caught.value.limit == CAP
    assert len(hostile.received) == 1  # not retried
    assert time.monotonic() - started < 10  # the bomb was not inflated to its end


@pytest.mark.parametrize("transport", ["default", "httpx"])
@pytest.mark.parametrize("answer", [Answer(200, BIG), Answer(200, BOMB, GZIP)], ids=["big", "bomb"])
async def test_an_async_body_over_the_cap_raises(
    hostile: HostileServer, transport: str, answer: Answer
) -> None:
    hostile.script(answer)
    http = httpx.AsyncClient() if transport == "httpx" else None
    async with AsyncGaClient(
        endpoint=hostile.url, http_client=http, max_response_bytes=CAP, **HUAWEI
    ) as client:
        with pytest.raises(ResponseTooLargeError):
            await client.list_byoip_pools()
        hostile.script(Answer(200, b'{"byoip_pools": []}'))
        assert (await client.list_byoip_pools()).byoip_pools == []  # still usable
    if http is not None:
        await http.aclose()
    assert len(hostile.received) == 1


def test_a_body_under_the_cap_decodes_and_the_client_stays_usable(
    hostile: HostileServer,
) -> None:
    small = gzip.compress(b'{"byoip_pools": []}' + b" " * 1000)
    hostile.script(Answer(200, BIG), Answer(200, small, GZIP))
    with GaClient(endpoint=hostile.url, max_response_bytes=CAP, **HUAWEI) as client:
        with pytest.raises(ResponseTooLargeError):
            client.list_byoip_pools()
        assert client.list_byoip_pools().byoip_pools == []


def test_the_default_cap_is_64_mib() -> None:
    client = GaClient(**HUAWEI)
    assert client._pipeline.max_response_bytes == 64 * 1024 * 1024
    with pytest.raises(ValueError, match="max_response_bytes"):
        GaClient(max_response_bytes=0, **HUAWEI)


# --------------------------------------------------------------------------- total deadline

TRICKLE = Answer(200, b'{"byoip_pools": []}' + b" " * 400, trickle=0.01, chunk=1)  # ~4 s


@pytest.mark.parametrize("transport", ["default", "httpx"])
def test_a_trickling_server_cannot_hold_a_call(hostile: HostileServer, transport: str) -> None:
    hostile.script(TRICKLE)
    started = time.monotonic()
    with (
        sync_client(hostile.url, transport, timeout=(1, 1, 0.5), max_retries=0) as client,
        pytest.raises(RequestTimeoutError, match="total 0.5s") as caught,
    ):
        client.list_byoip_pools()
    elapsed = time.monotonic() - started
    assert 0.4 < elapsed < 2.0  # the trickle alone takes ~4 s; each byte is within read=1
    assert caught.value.sent


@pytest.mark.parametrize("transport", ["default", "httpx"])
async def test_a_trickling_server_cannot_hold_an_async_call(
    hostile: HostileServer, transport: str
) -> None:
    hostile.script(TRICKLE)
    http = httpx.AsyncClient() if transport == "httpx" else None
    started = time.monotonic()
    async with AsyncGaClient(
        endpoint=hostile.url, http_client=http, timeout=(1, 1, 0.5), max_retries=0, **HUAWEI
    ) as client:
        with pytest.raises(RequestTimeoutError):
            await client.list_byoip_pools()
    if http is not None:
        await http.aclose()
    assert 0.4 < time.monotonic() - started < 2.0
