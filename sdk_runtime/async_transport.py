"""Async transports: ``AiohttpTransport`` (default) and ``AsyncHttpxTransport`` (adapter
for a user-supplied ``httpx.AsyncClient``). aiohttp and httpx are imported on first use,
so importing this module stays cheap. Same wire contract as :mod:`sdk_runtime.transport`.
"""

from __future__ import annotations

import asyncio
import sys
from collections.abc import AsyncGenerator
from typing import TYPE_CHECKING, Any, NamedTuple

from .errors import TransportError
from .http import HttpRequest, HttpResponse
from .redaction import redact_urls_logged_by
from .transport import (
    DEFAULT_MAX_RESPONSE_BYTES,
    AsyncTransport,
    Network,
    SyncTransport,
    Timeout,
    _deadline,
    _headers_to_send,
    _httpx_failure,
    _httpx_response,
    _httpx_timeout,
    _is_coroutine_method,
    _lower_headers,
    _past,
    _timeout_error,
    _too_large,
    _transport_error,
)

if TYPE_CHECKING:
    import aiohttp
    import httpx
    import yarl

__all__ = ["AiohttpTransport", "AsyncHttpxTransport", "make_async_transport"]

_BODY_METHODS = frozenset(("POST", "PUT", "PATCH"))  # aiohttp types even an empty body
_NO_CONTENT_TYPE = ("Content-Type",)


class _OwnSession(NamedTuple):
    """A session the transport made, the event loop it belongs to, and the generator that
    closes it when that loop shuts down (see :func:`_close_with_its_loop`)."""

    session: aiohttp.ClientSession
    loop: asyncio.AbstractEventLoop
    guard: AsyncGenerator[None, None]


class AiohttpTransport:
    """Default async transport: one ``aiohttp.ClientSession`` per transport, created on the
    first ``send`` inside the running event loop and reused for every request after it
    (keep-alive connection pool). ``close()`` closes it.

    A session belongs to the event loop it was made in; a ``send`` from another loop (e.g.
    a second ``asyncio.run()``) makes a new one. An old session is closed in its own loop
    when that loop shuts down its async generators (``asyncio.run()`` and
    ``asyncio.Runner`` do, before closing the loop), or by the next ``send`` or ``close()``
    in that loop. One whose loop was closed without that step has its connections'
    sockets closed by the next ``send`` or ``close()`` from any loop.

    Pass ``session=`` to use your own session; it is then yours to close.
    """

    __slots__ = (
        "_last_url",
        "_limit",
        "_limit_per_host",
        "_loop",
        "_own",
        "_owns",
        "_proxies",
        "_retired",
        "_session",
        "_ssl",
        "_timeouts",
        "_verify",
        "max_response_bytes",
    )

    def __init__(
        self,
        *,
        limit: int = 100,
        limit_per_host: int = 0,
        session: aiohttp.ClientSession | None = None,
        max_response_bytes: int = DEFAULT_MAX_RESPONSE_BYTES,
        network: Network | None = None,
    ) -> None:
        self.max_response_bytes = max_response_bytes
        # proxies and TLS settings only for a session of our own
        self._proxies = network.proxies() if network is not None and session is None else None
        self._verify: bool | str = True if network is None else network.verify
        self._ssl: Any = True  # aiohttp's default: verify with the system's CAs
        self._limit = limit
        self._limit_per_host = limit_per_host
        self._owns = session is None
        self._session: aiohttp.ClientSession | None = session
        self._loop: asyncio.AbstractEventLoop | None = None  # the own session's
        self._own: _OwnSession | None = None
        # Own sessions of other loops, not closed yet. Also keeps their guards alive: a
        # loop holds its async generators only weakly.
        self._retired: list[_OwnSession] = []
        self._timeouts: dict[Timeout, aiohttp.ClientTimeout] = {}
        self._last_url: tuple[str, yarl.URL] | None = None

    def _url(self, url: str) -> yarl.URL:
        """``url`` as a yarl URL sent as is (no re-quoting); the last one is kept, as calls
        that sign in headers (OSS, ACS3, Huawei) send the same URL again and again."""
        last = self._last_url
        if last is not None and last[0] == url:
            return last[1]
        import yarl

        parsed = yarl.URL(url, encoded=True)
        self._last_url = (url, parsed)
        return parsed

    async def _new_session(self) -> aiohttp.ClientSession:
        """First use, or the previous session was closed or belongs to another event loop
        (e.g. a second asyncio.run()): make one for this loop, then close what can be."""
        import aiohttp

        loop = asyncio.get_running_loop()
        self._retire()
        if isinstance(self._verify, str) and self._ssl is True:
            import ssl

            self._ssl = ssl.create_default_context(cafile=self._verify)
        elif self._verify is False:
            self._ssl = False
        session = aiohttp.ClientSession(
            connector=aiohttp.TCPConnector(
                limit=self._limit, limit_per_host=self._limit_per_host, ssl=self._ssl
            ),
            # The runtime keeps no cookies; a dummy jar skips cookie processing.
            cookie_jar=aiohttp.DummyCookieJar(),
            timeout=aiohttp.ClientTimeout(total=None),
            # Like urllib3's PoolManager: no proxy or .netrc settings from the environment.
            trust_env=False,
        )
        guard = _close_with_its_loop(session)
        # Set before anything can suspend, so concurrent first sends share this session.
        self._session, self._loop = session, loop
        self._own = _OwnSession(session, loop, guard)
        # The first step registers the generator with this loop (asyncio's async generator
        # hooks) and runs it to its ``yield``, without suspending.
        await guard.__anext__()
        await self._close_retired()
        return session

    def _retire(self) -> None:
        """Stop using the own session (if any); :meth:`_close_retired` closes it."""
        own, self._own = self._own, None
        if own is not None:
            self._session = self._loop = None
            self._retired.append(own)

    async def _close_retired(self) -> None:
        """Close the retired sessions of the running loop and of closed loops; leave those
        of other open loops (idle, or running in another thread) to their loop."""
        retired, self._retired = self._retired, []
        running = asyncio.get_running_loop()
        for own in retired:
            if own.session.closed:  # by its loop's shutdown_asyncgens(), or by us
                continue
            if own.loop.is_closed():
                # Closed without shutdown_asyncgens(): aiohttp skips the connections of a
                # closed loop, so their sockets are closed here.
                _close_sockets_of(own.session)
            elif own.loop is not running:
                self._retired.append(own)
                continue
            await own.guard.aclose()  # closes the session

    def _timeout(self, timeout: Timeout) -> aiohttp.ClientTimeout:
        value = self._timeouts.get(timeout)
        if value is None:
            import aiohttp

            if len(self._timeouts) > 64:
                self._timeouts.clear()
            # total: aiohttp's timer runs until the body is read, however slowly it comes
            value = aiohttp.ClientTimeout(
                total=timeout.total, sock_connect=timeout.connect, sock_read=timeout.read
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

        session = self._session
        if session is None or (
            self._owns and (session.closed or self._loop is not asyncio.get_running_loop())
        ):
            session = await self._new_session()
        data = request.body or None  # None: aiohttp sends Content-Length: 0 on POST
        proxy = None
        if self._proxies is not None:
            proxy = self._proxies.for_request(request.scheme, request.host)
        try:
            async with session.request(
                request.method,
                self._url(request.url),
                data=data,
                headers=_headers_to_send(request),
                timeout=self._timeout(timeout),
                allow_redirects=False,
                skip_auto_headers=self._skip_auto_headers(request, data),
                proxy=proxy,
            ) as response:
                body = await _read_capped(response, self.max_response_bytes)
                if body is not None:
                    return HttpResponse(
                        status=response.status,
                        headers=_lower_headers(response.headers.items()),
                        body=body,
                    )
                response.close()  # not read further: the connection is dropped
        except _connect_timeouts(aiohttp) as exc:
            failure: TransportError = _timeout_error(request, exc, timeout, sent=False)
        except TimeoutError as exc:  # aiohttp's timeout errors derive from it
            failure = _timeout_error(request, exc, timeout)
        except aiohttp.ClientConnectorError as exc:
            failure = _transport_error(request, exc, sent=False)
        except (aiohttp.ClientError, OSError, ValueError) as exc:
            failure = _transport_error(request, exc)
        else:
            raise _too_large(request, self.max_response_bytes)
        raise failure  # outside `except`: the library's exception stays out of the chain

    async def close(self) -> None:
        self._retire()
        await self._close_retired()

    async def __aenter__(self) -> AiohttpTransport:
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.close()


async def _read_capped(response: aiohttp.ClientResponse, limit: int) -> bytes | None:
    """The body, decompressed; None (read no further) once it is larger than ``limit``."""
    length = response.content_length
    if length is not None and length > limit:
        return None
    if length is not None and "Content-Encoding" not in response.headers:
        # as long as it says (aiohttp stops there) and not inflated: one read
        return await response.read()
    chunks: list[bytes] = []
    size = 0
    async for chunk in response.content.iter_any():  # decompressed
        size += len(chunk)
        if size > limit:
            return None
        chunks.append(chunk)
    return chunks[0] if len(chunks) == 1 else b"".join(chunks)


def _connect_timeouts(aiohttp: Any) -> tuple[type[BaseException], ...]:
    """aiohttp's connect timeout (3.10+); before 3.10 it cannot be told from a read timeout,
    which is then taken as one (the request may have been sent: retried only if safe)."""
    error = getattr(aiohttp, "ConnectionTimeoutError", None)
    return (error,) if isinstance(error, type) else ()


async def _close_with_its_loop(session: aiohttp.ClientSession) -> AsyncGenerator[None, None]:
    """Started once in the session's event loop and left at its ``yield``: the loop's
    ``shutdown_asyncgens()`` (run by ``asyncio.run()`` before it closes the loop) or an
    ``aclose()`` then runs the ``finally``, which closes the session."""
    try:
        yield
    finally:
        if not session.closed:
            await session.close()


def _close_sockets_of(session: aiohttp.ClientSession) -> None:
    """Close the sockets of the pooled and in-use connections of ``session``'s connector,
    whose event loop is closed (so no transport can close itself any more), as the
    transports' own close would: no fd and no "unclosed transport" warning left behind."""
    connector = session.connector
    if connector is None or connector.closed:
        return
    protocols = [proto for pooled in connector._conns.values() for proto, _ in pooled]
    protocols.extend(connector._acquired)
    for proto in protocols:
        transport: Any = proto.transport
        ssl_protocol = getattr(transport, "_ssl_protocol", None)
        if ssl_protocol is not None:  # TLS: the socket is the wrapped transport's
            transport._closed = True
            transport = getattr(ssl_protocol, "_transport", None)
        sock = getattr(transport, "_sock", None)  # asyncio's socket transports
        if sock is not None:
            sock.close()
            transport._sock = None


class AsyncHttpxTransport:
    """Adapter for an ``httpx.AsyncClient``. A client you pass stays yours: ``close()`` does
    not close it. Without one, the adapter makes its own and closes it in ``close()``.

    httpx removes ``.``/``..`` path segments (RFC 3986) before sending; every other byte
    of ``request.url`` is sent unchanged.
    """

    __slots__ = ("_client", "_owns", "max_response_bytes")

    def __init__(
        self,
        client: httpx.AsyncClient | None = None,
        *,
        max_response_bytes: int = DEFAULT_MAX_RESPONSE_BYTES,
    ) -> None:
        import httpx

        self.max_response_bytes = max_response_bytes
        redact_urls_logged_by("httpx")  # it logs URLs at INFO
        self._owns = client is None
        self._client = client if client is not None else httpx.AsyncClient()

    @property
    def client(self) -> httpx.AsyncClient:
        return self._client

    async def send(self, request: HttpRequest, timeout: Timeout) -> HttpResponse:
        import httpx

        deadline = _deadline(timeout)
        limit = self.max_response_bytes
        chunks: list[bytes] = []
        verdict = ""
        try:
            async with self._client.stream(
                request.method,
                request.url,
                content=request.body,
                headers=_headers_to_send(request),
                timeout=_httpx_timeout(timeout),
                follow_redirects=False,
            ) as response:
                size = 0
                async for chunk in response.aiter_bytes():  # decoded
                    size += len(chunk)
                    chunks.append(chunk)
                    if size > limit or _past(deadline):
                        verdict = "large" if size > limit else "late"
                        break
        except (httpx.HTTPError, httpx.InvalidURL, OSError) as exc:
            failure: TransportError = _httpx_failure(request, exc, timeout)
        else:
            if not verdict:
                return _httpx_response(response, chunks)
            if verdict == "large":
                raise _too_large(request, limit)
            failure = _timeout_error(request, None, timeout)
        raise failure  # outside `except`: the library's exception stays out of the chain

    async def close(self) -> None:
        if self._owns:
            await self._client.aclose()

    async def __aenter__(self) -> AsyncHttpxTransport:
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.close()


def make_async_transport(
    http_client: object | None,
    max_response_bytes: int = DEFAULT_MAX_RESPONSE_BYTES,
    network: Network | None = None,
) -> AsyncTransport:
    """``None`` -> :class:`AiohttpTransport`; an ``httpx.AsyncClient`` ->
    :class:`AsyncHttpxTransport` (left open by ``close()``); an object implementing
    :class:`AsyncTransport` (coroutine ``send`` and ``close``) -> itself."""
    if http_client is None:
        return AiohttpTransport(max_response_bytes=max_response_bytes, network=network)
    httpx = sys.modules.get("httpx")  # no httpx client can exist unless httpx is imported
    if httpx is not None:
        if isinstance(http_client, httpx.AsyncClient):
            return AsyncHttpxTransport(http_client, max_response_bytes=max_response_bytes)
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
