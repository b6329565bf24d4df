"""Async transports: ``AiohttpTransport`` (default) and ``AsyncHttpxTransport`` (adapter
for a user-supplied ``httpx.AsyncClient``). aiohttp and httpx are imported on first use,
so importing this module stays cheap. Same wire contract as :mod:`sdk_runtime.transport`.
"""

from __future__ import annotations

import asyncio
import sys
from typing import TYPE_CHECKING

from .http import HttpRequest, HttpResponse
from .redaction import redact_urls_logged_by
from .transport import (
    AsyncTransport,
    SyncTransport,
    Timeout,
    _headers_to_send,
    _is_coroutine_method,
    _lower_headers,
    _timeout_error,
    _transport_error,
)

if TYPE_CHECKING:
    import aiohttp
    import httpx

__all__ = ["AiohttpTransport", "AsyncHttpxTransport", "make_async_transport"]

_BODY_METHODS = frozenset(("POST", "PUT", "PATCH"))  # aiohttp types even an empty body
_NO_CONTENT_TYPE = ("Content-Type",)


class AiohttpTransport:
    """Default async transport: one ``aiohttp.ClientSession`` per transport, created on the
    first ``send`` inside the running event loop and reused for every request after it
    (keep-alive connection pool). ``close()`` closes it.

    Pass ``session=`` to use your own session; it is then yours to close.
    """

    __slots__ = ("_limit", "_limit_per_host", "_loop", "_owns", "_session", "_timeouts")

    def __init__(
        self,
        *,
        limit: int = 100,
        limit_per_host: int = 0,
        session: aiohttp.ClientSession | None = None,
    ) -> None:
        self._limit = limit
        self._limit_per_host = limit_per_host
        self._owns = session is None
        self._session: aiohttp.ClientSession | None = session
        self._loop: asyncio.AbstractEventLoop | None = None
        self._timeouts: dict[Timeout, aiohttp.ClientTimeout] = {}

    async def _new_session(self) -> aiohttp.ClientSession:
        """First use, or the previous session was closed or belongs to another event loop
        (e.g. a second asyncio.run()): make one for this loop."""
        import aiohttp

        session = self._session
        old_loop, self._loop = self._loop, asyncio.get_running_loop()
        self._session = aiohttp.ClientSession(
            connector=aiohttp.TCPConnector(limit=self._limit, limit_per_host=self._limit_per_host),
            # The runtime keeps no cookies; a dummy jar skips cookie processing.
            cookie_jar=aiohttp.DummyCookieJar(),
            timeout=aiohttp.ClientTimeout(total=None),
            # Like urllib3's PoolManager: no proxy or .netrc settings from the environment.
            trust_env=False,
        )
        new = self._session
        if session is not None and not session.closed and old_loop is not None:
            if old_loop.is_closed():
                # Its loop is gone: nothing left to await, just mark it closed.
                await session.close()
            else:
                # Still running elsewhere: close it there.
                asyncio.run_coroutine_threadsafe(session.close(), old_loop)
        return new

    def _timeout(self, timeout: Timeout) -> aiohttp.ClientTimeout:
        value = self._timeouts.get(timeout)
        if value is None:
            import aiohttp

            if len(self._timeouts) > 64:
                self._timeouts.clear()
            value = aiohttp.ClientTimeout(
                total=None, sock_connect=timeout.connect, sock_read=timeout.read
            )
            self._timeouts[timeout] = value
        return value

    def _skip_auto_headers(
        self, request: HttpRequest, body: bytes | None
    ) -> tuple[str, ...] | None:
        """No Content-Type on bodies the request did not type (own session only).

        aiohttp adds one to a body and to a POST/PUT/PATCH; asking it not to costs a header
        merge on every request, so it is asked only when it would add one."""
        if not self._owns or (body is None and request.method.upper() not in _BODY_METHODS):
            return None
        for name in request.headers:
            if name.lower() == "content-type":
                return None
        return _NO_CONTENT_TYPE

    async def send(self, request: HttpRequest, timeout: Timeout) -> HttpResponse:
        import aiohttp
        import yarl

        session = self._session
        if session is None or (
            self._owns and (session.closed or self._loop is not asyncio.get_running_loop())
        ):
            session = await self._new_session()
        data = request.body or None  # None: aiohttp sends Content-Length: 0 on POST
        try:
            async with session.request(
                request.method,
                yarl.URL(request.url, encoded=True),  # sent as is: no re-quoting
                data=data,
                headers=_headers_to_send(request),
                timeout=self._timeout(timeout),
                allow_redirects=False,
                skip_auto_headers=self._skip_auto_headers(request, data),
            ) as response:
                body = await response.read()
                return HttpResponse(
                    status=response.status,
                    headers=_lower_headers(response.headers.items()),
                    body=body,
                )
        except TimeoutError as exc:  # aiohttp's timeout errors derive from it
            raise _timeout_error(request, exc, timeout) from exc
        except (aiohttp.ClientError, OSError, ValueError) as exc:
            raise _transport_error(request, exc) from exc

    async def close(self) -> None:
        session, self._session = self._session, None
        if session is not None and self._owns and not session.closed:
            await session.close()

    async def __aenter__(self) -> AiohttpTransport:
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.close()


class AsyncHttpxTransport:
    """Adapter for an ``httpx.AsyncClient``. A client you pass stays yours: ``close()`` does
    not close it. Without one, the adapter makes its own and closes it in ``close()``.

    httpx removes ``.``/``..`` path segments (RFC 3986) before sending; every other byte
    of ``request.url`` is sent unchanged.
    """

    __slots__ = ("_client", "_owns")

    def __init__(self, client: httpx.AsyncClient | None = None) -> None:
        import httpx

        redact_urls_logged_by("httpx")  # it logs URLs at INFO
        self._owns = client is None
        self._client = client if client is not None else httpx.AsyncClient()

    @property
    def client(self) -> httpx.AsyncClient:
        return self._client

    async def send(self, request: HttpRequest, timeout: Timeout) -> HttpResponse:
        import httpx

        try:
            response = await self._client.request(
                request.method,
                request.url,
                content=request.body,
                headers=_headers_to_send(request),
                timeout=httpx.Timeout(
                    connect=timeout.connect,
                    read=timeout.read,
                    write=timeout.read,
                    pool=timeout.connect,
                ),
                follow_redirects=False,
            )
        except httpx.TimeoutException as exc:
            raise _timeout_error(request, exc, timeout) from exc
        except (httpx.HTTPError, httpx.InvalidURL, OSError) as exc:
            raise _transport_error(request, exc) from exc
        return HttpResponse(
            status=response.status_code,
            headers=_lower_headers(response.headers.multi_items()),
            body=response.content,
        )

    async def close(self) -> None:
        if self._owns:
            await self._client.aclose()

    async def __aenter__(self) -> AsyncHttpxTransport:
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.close()


def make_async_transport(http_client: object | None) -> AsyncTransport:
    """``None`` -> :class:`AiohttpTransport`; an ``httpx.AsyncClient`` ->
    :class:`AsyncHttpxTransport` (left open by ``close()``); an object implementing
    :class:`AsyncTransport` (coroutine ``send`` and ``close``) -> itself."""
    if http_client is None:
        return AiohttpTransport()
    httpx = sys.modules.get("httpx")  # no httpx client can exist unless httpx is imported
    if httpx is not None:
        if isinstance(http_client, httpx.AsyncClient):
            return AsyncHttpxTransport(http_client)
        if isinstance(http_client, httpx.Client):
            raise TypeError(
                "http_client is an httpx.Client; the async client needs an httpx.AsyncClient "
                "(pass the Client to the sync client instead)"
            )
    if (
        isinstance(http_client, AsyncTransport)
        and _is_coroutine_method(http_client, "send")
        and _is_coroutine_method(http_client, "close")
    ):
        return http_client
    if isinstance(http_client, SyncTransport):
        raise TypeError(
            f"http_client {type(http_client).__name__} is a sync transport; the async client "
            "needs an AsyncTransport (async send(request, timeout) and async close())"
        )
    raise TypeError(
        f"http_client must be None, an httpx.AsyncClient or an AsyncTransport (an object with "
        f"async send(request, timeout) -> HttpResponse and async close()), "
        f"not {type(http_client).__name__}"
    )
