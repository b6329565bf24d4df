"""One async client, several event loops: the default aiohttp transport makes a session per
loop and closes each old session and its connections, leaving no "Unclosed client session",
"Unclosed connector", "unclosed transport" or unclosed-socket report behind."""

from __future__ import annotations

import asyncio
import gc
import logging
import sys
import threading
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import aiohttp
import pytest

from generated.alibabacloud.ens import AsyncEnsClient
from sdk_runtime.async_transport import AiohttpTransport
from tests.clients.support import ALIBABA
from tests.fakecloud import FakeCloud


@contextmanager
def no_leaks() -> Iterator[None]:
    """Fails if the block leaves an unclosed resource behind: a ResourceWarning (sockets,
    transports, aiohttp sessions and connectors), an asyncio error log (aiohttp reports
    unclosed sessions there too) or an unraisable exception (e.g. a finalizer that found
    its loop closed). Reported when the garbage is collected, at the end of the block."""
    gc.collect()  # what earlier tests left is theirs
    logged: list[logging.LogRecord] = []

    class Recorder(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            logged.append(record)

    recorder = Recorder(logging.ERROR)
    asyncio_logger = logging.getLogger("asyncio")
    asyncio_logger.addHandler(recorder)
    unraisable: list[Any] = []
    hook, sys.unraisablehook = sys.unraisablehook, unraisable.append
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            yield
            gc.collect()
    finally:
        sys.unraisablehook = hook
        asyncio_logger.removeHandler(recorder)
    leaks = [
        f"{w.category.__name__}: {w.message}"
        for w in caught
        if issubclass(w.category, ResourceWarning) or "nclosed" in str(w.message)
    ]
    leaks += [f"asyncio log: {r.getMessage()}" for r in logged]
    leaks += [f"unraisable: {u.exc_value!r} in {u.object!r}" for u in unraisable]
    assert leaks == []


@pytest.fixture
def sessions(monkeypatch: pytest.MonkeyPatch) -> list[aiohttp.ClientSession]:
    """Every aiohttp session the transport makes, in order."""
    made: list[aiohttp.ClientSession] = []
    original = aiohttp.ClientSession

    def recording(*args: Any, **kwargs: Any) -> aiohttp.ClientSession:
        session = original(*args, **kwargs)
        made.append(session)
        return session

    monkeypatch.setattr(aiohttp, "ClientSession", recording)
    return made


def assert_closed(session: aiohttp.ClientSession) -> None:
    assert session.closed
    assert session.connector is None  # closed, and released by the session


def test_one_client_across_two_asyncio_runs(
    cloud: FakeCloud, sessions: list[aiohttp.ClientSession]
) -> None:
    with no_leaks():
        client = AsyncEnsClient(endpoint=cloud.url, **ALIBABA)
        connectors: list[aiohttp.BaseConnector] = []

        async def call(client: AsyncEnsClient) -> int:
            total = (await client.list_buckets()).total_count
            connector = sessions[-1].connector
            assert connector is not None and not connector.closed
            connectors.append(connector)
            return total

        assert asyncio.run(call(client)) == 23
        # asyncio.run() closed the session (and its keep-alive connection) before its loop.
        assert len(sessions) == 1
        assert_closed(sessions[0])
        assert connectors[0].closed
        assert asyncio.run(call(client)) == 23  # a new session in the new loop
        assert len(sessions) == 2
        assert_closed(sessions[1])
        asyncio.run(client.close())  # nothing left to close: fine
        assert connectors[1].closed
        connectors.clear()
        del client
        sessions.clear()
    assert len(cloud.requests) == 2
    assert cloud.rejected == []


def test_loops_closed_without_shutting_down_their_async_generators(
    cloud: FakeCloud, sessions: list[aiohttp.ClientSession]
) -> None:
    # loop.close() alone: nothing closed the session before its loop went, so the next
    # send (here in another loop) closes its sockets and the session.
    with no_leaks():
        client = AsyncEnsClient(endpoint=cloud.url, **ALIBABA)
        first = asyncio.new_event_loop()
        assert first.run_until_complete(client.list_buckets()).total_count == 23
        first.close()
        assert not sessions[0].closed
        second = asyncio.new_event_loop()
        try:
            assert second.run_until_complete(client.list_buckets()).total_count == 23
            assert_closed(sessions[0])
            assert not sessions[1].closed
            second.run_until_complete(client.close())
            assert_closed(sessions[1])
        finally:
            second.close()
        third = asyncio.new_event_loop()
        try:  # close() after the session's loop was closed: closes its sockets too
            assert third.run_until_complete(client.list_buckets()).total_count == 23
        finally:
            third.close()
        asyncio.run(client.close())
        assert_closed(sessions[2])
        del client
        sessions.clear()
    assert len(cloud.requests) == 3


def test_a_loop_left_open_closes_its_session_when_it_shuts_down(
    cloud: FakeCloud, sessions: list[aiohttp.ClientSession]
) -> None:
    with no_leaks():
        client = AsyncEnsClient(endpoint=cloud.url, **ALIBABA)
        idle = asyncio.new_event_loop()
        try:
            assert idle.run_until_complete(client.list_buckets()).total_count == 23
            assert asyncio.run(client.list_buckets()).total_count == 23
            idle.run_until_complete(idle.shutdown_asyncgens())
            assert_closed(sessions[0])
        finally:
            idle.close()
        assert_closed(sessions[1])  # by asyncio.run()
        del client
        sessions.clear()
    assert len(cloud.requests) == 2


def test_back_in_the_first_loop_the_first_session_is_closed(
    cloud: FakeCloud, sessions: list[aiohttp.ClientSession]
) -> None:
    with no_leaks():
        client = AsyncEnsClient(endpoint=cloud.url, **ALIBABA)
        first = asyncio.new_event_loop()
        try:
            assert first.run_until_complete(client.list_buckets()).total_count == 23
            assert asyncio.run(client.list_buckets()).total_count == 23
            assert first.run_until_complete(client.list_buckets()).total_count == 23
            assert_closed(sessions[0])  # replaced by sessions[2], in the same loop
            assert_closed(sessions[1])
            first.run_until_complete(client.close())
            assert_closed(sessions[2])
        finally:
            first.close()
        del client
        sessions.clear()
    assert len(cloud.requests) == 3


def test_a_loop_in_another_thread_closes_its_own_session(
    cloud: FakeCloud, sessions: list[aiohttp.ClientSession]
) -> None:
    with no_leaks():
        client = AsyncEnsClient(endpoint=cloud.url, **ALIBABA)

        async def background(
            client: AsyncEnsClient, ready: threading.Event, stop: asyncio.Event
        ) -> int:
            total = (await client.list_buckets()).total_count
            ready.set()
            await stop.wait()
            return total

        loop = asyncio.new_event_loop()
        stop = asyncio.Event()
        ready = threading.Event()
        done: list[int] = []

        def run(client: AsyncEnsClient) -> None:  # what asyncio.run() does, in our loop
            try:
                done.append(loop.run_until_complete(background(client, ready, stop)))
                loop.run_until_complete(loop.shutdown_asyncgens())
            finally:
                loop.close()

        thread = threading.Thread(target=run, args=(client,), daemon=True)
        thread.start()
        try:
            assert ready.wait(timeout=10)
            assert asyncio.run(client.list_buckets()).total_count == 23
        finally:
            loop.call_soon_threadsafe(stop.set)
            thread.join(timeout=10)
        assert done == [23]
        assert_closed(sessions[0])
        assert_closed(sessions[1])
        del client
        sessions.clear()
    assert len(cloud.requests) == 2


async def test_a_session_passed_in_stays_yours(
    cloud: FakeCloud, sessions: list[aiohttp.ClientSession]
) -> None:
    async with aiohttp.ClientSession() as mine:
        transport = AiohttpTransport(session=mine)
        client = AsyncEnsClient(endpoint=cloud.url, http_client=transport, **ALIBABA)
        assert (await client.list_buckets()).total_count == 23
        await client.close()
        assert not mine.closed
        assert (await client.list_buckets()).total_count == 23  # through it again
        await client.close()
        assert sessions == [mine]  # no session of the transport's own
    assert len(cloud.requests) == 2
