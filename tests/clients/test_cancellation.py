"""Cancelling an async call mid-request or mid-retry gives its connection back and leaves
the client usable."""

from __future__ import annotations

import asyncio
from typing import Any

import httpx
import pytest

from generated.huaweicloud.ga import AsyncGaClient
from tests.clients.hostile import Answer, HostileServer
from tests.clients.support import HUAWEI

OK = Answer(200, b'{"byoip_pools": []}')
BUSY = Answer(
    503,
    b'{"error_code": "GA.5030", "error_msg": "busy"}',
    (("Content-Type", "application/json"), ("Retry-After", "5")),
)


def in_use(client: Any) -> int:
    """Connections the default transport's pool holds as acquired (0 for httpx)."""
    session = getattr(client._transport, "_session", None)
    return 0 if session is None else len(session.connector._acquired)


@pytest.mark.parametrize("transport", ["default", "httpx"])
@pytest.mark.parametrize("where", ["mid-request", "mid-retry"])
async def test_a_cancelled_call_leaves_the_client_usable(
    hostile: HostileServer, transport: str, where: str
) -> None:
    hostile.script(Answer(200, OK.body, delay=2.0) if where == "mid-request" else BUSY, OK)
    http = httpx.AsyncClient() if transport == "httpx" else None
    async with AsyncGaClient(endpoint=hostile.url, http_client=http, **HUAWEI) as client:
        call = asyncio.ensure_future(client.list_byoip_pools())
        while not hostile.received:
            await asyncio.sleep(0.01)
        await asyncio.sleep(0.1)  # in the request, or in the 5 s wait before the retry
        call.cancel()
        with pytest.raises(asyncio.CancelledError):
            await call
        assert in_use(client) == 0
        results = await asyncio.wait_for(
            asyncio.gather(*(client.list_byoip_pools() for _ in range(4))), timeout=5
        )
        assert [r.byoip_pools for r in results] == [[]] * 4
        assert in_use(client) == 0
    if http is not None:
        await http.aclose()
    assert len(hostile.received) == 5  # the cancelled call was never retried
