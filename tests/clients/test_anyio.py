"""Async beyond asyncio: the async client with an httpx.AsyncClient retries (sleeping) and
times out under anyio, on both of its backends (asyncio and trio)."""

from __future__ import annotations

import time

import anyio
import httpx
import pytest

from generated.alibabacloud.ens import AsyncEnsClient
from sdk_runtime.errors import RequestTimeoutError
from tests.clients.support import ALIBABA, DELAY, TIMEOUT
from tests.fakecloud import FakeCloud

BACKENDS = ["asyncio", "trio"]


@pytest.mark.parametrize("backend", BACKENDS)
def test_retries_sleep_in_the_running_loop(cloud: FakeCloud, backend: str) -> None:
    cloud.fail_next("ListBuckets", 503, "ServiceUnavailable", times=2)

    async def main() -> str | None:
        async with (
            httpx.AsyncClient() as http,
            AsyncEnsClient(
                endpoint=cloud.url, http_client=http, max_retries=3, **ALIBABA
            ) as client,
        ):
            response = await client.list_buckets()
            raw = await client.with_raw_response.list_buckets()
            assert raw.status_code == 200
            return response._request_id

    assert anyio.run(main, backend=backend)
    assert len(cloud.requests_for("ListBuckets")) == 4  # two failures, then two answers


@pytest.mark.parametrize("backend", BACKENDS)
def test_timeouts_under_anyio(slow_cloud: FakeCloud, backend: str) -> None:
    slow_cloud.delay_next("ListBuckets", DELAY)

    async def main() -> None:
        async with httpx.AsyncClient() as http:
            client = AsyncEnsClient(
                endpoint=slow_cloud.url, http_client=http, max_retries=0, **ALIBABA
            )
            with pytest.raises(RequestTimeoutError):
                await client.with_options(timeout=TIMEOUT).list_buckets()

    started = time.monotonic()
    anyio.run(main, backend=backend)
    assert time.monotonic() - started < DELAY - 0.1
