"""The wire: a two-method transport interface and the sync transports behind it.

``Urllib3Transport`` is the default sync transport (the fastest well-kept library on
loopback). ``HttpxTransport`` adapts a user-supplied ``httpx.Client``. Async transports
live in :mod:`sdk_runtime.async_transport`; importing this module imports neither
aiohttp nor httpx.

Every transport sends ``request.url`` exactly as the runtime encoded it (the signature
covers that encoding), sends ``request.headers`` as given with ``Host`` equal to
``request.host``, reads the whole body (at most ``max_response_bytes`` once decompressed,
else :class:`~sdk_runtime.errors.ResponseTooLargeError`; within ``timeout.total`` from the
start of the attempt, else :class:`~sdk_runtime.errors.RequestTimeoutError`, however slowly
the server trickles it), lower-cases response header names, and turns
library errors into :class:`~sdk_runtime.errors.TransportError` /
:class:`~sdk_runtime.errors.RequestTimeoutError` whose messages never contain header
values or the query string (where signatures and security tokens travel).
"""

from __future__ import annotations

import sys
from collections.abc import Iterable
from functools import lru_cache
from typing import TYPE_CHECKING, Any, NamedTuple, Protocol, runtime_checkable

from .errors import RequestTimeoutError, ResponseTooLargeError, TransportError
from .http import HttpRequest, HttpResponse
from .redaction import redact_urls_logged_by

if TYPE_CHECKING:
    import httpx
    import urllib3

__all__ = [
    "AsyncTransport",
    "HttpxTransport",
    "SyncTransport",
    "Timeout",
    "Urllib3Transport",
    "make_async_transport",
    "make_sync_transport",
]

DEFAULT_MAX_RESPONSE_BYTES = 64 * 1024 * 1024  # of a body, decompressed
_CHUNK = 64 * 1024


class Timeout(NamedTuple):
    """Seconds allowed to connect, to wait between bytes of the response, and for one
    attempt as a whole (connect, send, and read the last byte; None: no limit), so that a
    server trickling its answer cannot hold a call."""

    connect: float = 5.0
    read: float = 30.0
    total: float | None = 120.0

    @classmethod
    def of(
        cls, value: float | tuple[float, float] | tuple[float, float, float] | Timeout | None
    ) -> Timeout:
        """``None`` -> defaults; a number -> connect and read; ``(connect, read)`` or
        ``(connect, read, total)`` -> each."""
        if value is None:
            return cls()
        if isinstance(value, Timeout):
            return value
        if isinstance(value, tuple):
            if len(value) not in (2, 3):
                raise ValueError(
                    f"timeout tuple must be (connect, read) or (connect, read, total), got "
                    f"{len(value)} items"
                )
            if len(value) == 2:
                return cls(connect=float(value[0]), read=float(value[1]))
            connect, read, total = value
            return cls(connect=float(connect), read=float(read), total=float(total))
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise TypeError(
                "timeout must be a number of seconds, a (connect, read) tuple, a Timeout "
                f"or None, not {type(value).__name__}"
            )
        return cls(connect=float(value), read=float(value))


@runtime_checkable
class SyncTransport(Protocol):
    def send(self, request: HttpRequest, timeout: Timeout) -> HttpResponse: ...

    def close(self) -> None: ...


@runtime_checkable
class AsyncTransport(Protocol):
    async def send(self, request: HttpRequest, timeout: Timeout) -> HttpResponse: ...

    async def close(self) -> None: ...


# --------------------------------------------------------------------------- helpers
# Shared with async_transport (same package, not public API).


def _headers_to_send(request: HttpRequest) -> dict[str, str]:
    """``request.headers`` plus ``Host: request.host`` unless a Host header is already there.

    Set explicitly so no library derives a different one (e.g. dropping a default port
    that the signer signed)."""
    headers = request.headers
    for name in headers:
        if name.lower() == "host":
            return headers
    sent = dict(headers)
    sent["Host"] = request.host
    return sent


def _lower_headers(items: Iterable[tuple[str, str]]) -> dict[str, str]:
    """Lower-cased names; repeated headers joined with ``", "`` (RFC 9110 5.3)."""
    pairs = list(items)
    out = {name.lower(): value for name, value in pairs}
    if len(out) == len(pairs):
        return out  # no name repeated: the common case
    out = {}
    for name, value in pairs:
        key = name.lower()
        previous = out.get(key)
        out[key] = value if previous is None else f"{previous}, {value}"
    return out


def _where(request: HttpRequest) -> str:
    # No query string: it may carry a signature or a security token.
    return f"{request.method} {request.scheme}://{request.host}{request.path}"


def _reason(exc: BaseException) -> str:
    """A short cause that cannot contain request headers: the exception type, plus the
    OS error text (e.g. "Connection refused") found anywhere in the cause chain."""
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        if isinstance(current, OSError) and current.strerror:
            return f"{type(exc).__name__}: {current.strerror}"
        current = current.__cause__ or current.__context__
    return type(exc).__name__


def _timeout_error(
    request: HttpRequest, exc: BaseException | None, timeout: Timeout, *, sent: bool = True
) -> RequestTimeoutError:
    total = "" if timeout.total is None else f", total {timeout.total:g}s"
    cause = "the answer took longer than the total" if exc is None else type(exc).__name__
    return RequestTimeoutError(
        f"{_where(request)} timed out (connect {timeout.connect:g}s, read {timeout.read:g}s"
        f"{total}; {cause})",
        sent=sent,
    )


def _too_large(request: HttpRequest, limit: int) -> ResponseTooLargeError:
    return ResponseTooLargeError(
        f"{_where(request)}: the answer is larger than max_response_bytes ({limit:,} bytes, "
        "decompressed); not read further",
        limit=limit,
    )


def _deadline(timeout: Timeout) -> float | None:
    if timeout.total is None:
        return None
    import time

    return time.monotonic() + timeout.total


def _past(deadline: float | None) -> bool:
    if deadline is None:
        return False
    import time

    return time.monotonic() > deadline


def _httpx_timeout(timeout: Timeout) -> httpx.Timeout:
    """``timeout`` for an httpx client (sync or async): writes bounded like reads."""
    import httpx

    return httpx.Timeout(
        connect=timeout.connect, read=timeout.read, write=timeout.read, pool=timeout.connect
    )


def _httpx_failure(request: HttpRequest, exc: Exception, timeout: Timeout) -> TransportError:
    """The error for what an httpx client (sync or async) raised; connect failures and pool
    waits happened before anything was sent."""
    import httpx

    if isinstance(exc, httpx.ConnectTimeout | httpx.PoolTimeout):
        return _timeout_error(request, exc, timeout, sent=False)
    if isinstance(exc, httpx.TimeoutException):
        return _timeout_error(request, exc, timeout)
    if isinstance(exc, httpx.ConnectError):
        return _transport_error(request, exc, sent=False)
    return _transport_error(request, exc)


def _httpx_response(response: httpx.Response, chunks: list[bytes]) -> HttpResponse:
    return HttpResponse(
        status=response.status_code,
        headers=_lower_headers(response.headers.multi_items()),
        body=b"".join(chunks),
    )


def _transport_error(
    request: HttpRequest, exc: BaseException, *, sent: bool = True
) -> TransportError:
    """The library's ``exc`` as a :class:`TransportError` of redacted text. Transports raise
    it outside their ``except`` block, so that neither ``__cause__`` nor ``__context__``
    keeps ``exc``, whose repr, attributes and traceback hold the URL (``SecurityToken=``,
    ``Signature=``) and the request headers. ``sent=False`` when the request cannot have
    reached the server (no connection was made)."""
    return TransportError(f"{_where(request)} failed: {_reason(exc)}", sent=sent)


@lru_cache(maxsize=256)
def _split_host(host: str, scheme: str) -> tuple[str, int]:
    """``host[:port]`` (IPv6 in brackets) -> (host, port) as the socket wants them."""
    default = 443 if scheme.lower() == "https" else 80
    if host.startswith("["):
        end = host.find("]")
        if end == -1:
            raise ValueError(f"invalid host {host!r}")
        name, rest = host[1:end], host[end + 1 :]
        return name, int(rest[1:]) if rest.startswith(":") and rest[1:] else default
    name, sep, port = host.rpartition(":")
    if sep and port.isdigit():
        return name, int(port)
    return host, default


def _target(request: HttpRequest, url: str) -> str:
    """The request-target (path + query) of ``request.url``, byte for byte."""
    return url[len(request.scheme) + 3 + len(request.host) :]


# --------------------------------------------------------------------------- urllib3


class Network(NamedTuple):
    """The constructor's network settings for the default transports: ``proxy`` (a URL, for
    every request) or, with ``trust_env``, ``HTTP_PROXY`` / ``HTTPS_PROXY`` / ``ALL_PROXY``
    and ``NO_PROXY`` (lower-case names first, as urllib and requests read them); ``verify``:
    check TLS certificates (True), do not (False), or against this CA bundle file."""

    proxy: str | None = None
    trust_env: bool = True
    verify: bool | str = True

    def check(self) -> Network:
        if self.proxy is not None and (
            not isinstance(self.proxy, str)
            or not self.proxy.startswith(("http://", "https://"))
            or any(c in self.proxy for c in "\r\n\x00 ")
        ):
            raise ValueError("proxy must be an http:// or https:// URL")
        if not isinstance(self.verify, bool | str):
            raise TypeError(f"verify must be a bool or a CA bundle path, not {self.verify!r}")
        if isinstance(self.verify, str):
            import os

            if not os.path.isfile(self.verify):
                raise ValueError(f"verify: no CA bundle file at {self.verify!r}")
        return self

    def proxies(self) -> Proxies | None:
        """Where requests go through a proxy; None: straight to every host."""
        if self.proxy is not None:
            return Proxies({"http": self.proxy, "https": self.proxy}, bypass=False)
        if not self.trust_env:
            return None
        import os

        if not any(name.lower().endswith("_proxy") for name in os.environ):
            return None  # the common case: no need for urllib.request
        from urllib.request import getproxies_environment

        found = getproxies_environment()  # lower-case names win, as in urllib and requests
        chosen = {
            scheme: url
            for scheme in ("http", "https")
            if (url := found.get(scheme) or found.get("all"))
        }
        return Proxies(chosen, bypass=True, environment=found) if chosen else None


class Proxies:
    """The proxy URL for each request's scheme and host, NO_PROXY applied (cached per host)."""

    __slots__ = ("_by_scheme", "_bypass", "_environment", "_chosen")

    def __init__(
        self,
        by_scheme: dict[str, str],
        bypass: bool,
        environment: dict[str, str] | None = None,
    ) -> None:
        self._by_scheme = by_scheme
        self._bypass = bypass
        self._environment = environment or {}
        self._chosen: dict[tuple[str, str], str | None] = {}

    def for_request(self, scheme: str, host: str) -> str | None:
        key = (scheme, host)
        try:
            return self._chosen[key]
        except KeyError:
            pass
        url = self._by_scheme.get(scheme.lower())
        if url is not None and self._bypass and "no" in self._environment:
            import urllib.request

            # urllib's NO_PROXY matching (suffixes, "*", ports), as requests uses it
            bypass: Any = getattr(urllib.request, "proxy_bypass_environment")  # noqa: B009
            if bypass(host, self._environment):
                url = None
        if len(self._chosen) > 256:
            self._chosen.clear()
        self._chosen[key] = url
        return url


class Urllib3Transport:
    """Default sync transport: one ``urllib3.PoolManager`` (keep-alive pools per host).

    No retries and no redirects here: retries belong to the runtime above. Pass
    ``pool_manager=`` to use your own (proxies, custom TLS); it is then yours to close.
    """

    __slots__ = (
        "_hosts",
        "_num_pools",
        "_owns",
        "_pool",
        "_pool_options",
        "_proxies",
        "_proxy_pools",
        "_timeouts",
        "max_response_bytes",
    )

    def __init__(
        self,
        *,
        maxsize: int = 10,
        num_pools: int = 10,
        pool_manager: urllib3.PoolManager | None = None,
        max_response_bytes: int = DEFAULT_MAX_RESPONSE_BYTES,
        network: Network | None = None,
    ) -> None:
        import urllib3

        self.max_response_bytes = max_response_bytes
        redact_urls_logged_by("urllib3.connectionpool")  # it logs URLs at DEBUG
        self._owns = pool_manager is None
        options: dict[str, Any] = {"num_pools": num_pools, "maxsize": maxsize, "block": False}
        if network is not None and network.verify is not True:
            if network.verify is False:
                options["cert_reqs"] = "CERT_NONE"
            else:
                options["ca_certs"] = network.verify
        self._pool_options = options
        self._pool: urllib3.PoolManager = (
            pool_manager if pool_manager is not None else urllib3.PoolManager(**options)
        )
        # proxies only for a pool of our own: yours is configured as you made it
        self._proxies = network.proxies() if network is not None and self._owns else None
        self._proxy_pools: dict[str, urllib3.ProxyManager] = {}
        self._timeouts: dict[Timeout, urllib3.Timeout] = {}
        self._hosts: dict[tuple[str, str], urllib3.HTTPConnectionPool] = {}
        self._num_pools = num_pools

    def _host_pool(self, scheme: str, host: str) -> urllib3.HTTPConnectionPool:
        """The manager's pool for ``host`` (``host[:port]``), remembered: asking the manager
        builds its pool key on every request. At most ``num_pools`` are remembered, as many
        as the manager keeps, so a pool it dropped is not kept alive here for long."""
        key = (scheme, host)
        pool = self._hosts.get(key)
        if pool is None:
            if len(self._hosts) >= self._num_pools:
                self._hosts.clear()
            name, port = _split_host(host, scheme)
            pool = self._hosts[key] = self._pool.connection_from_host(name, port, scheme.lower())
        return pool

    def _through(self, proxy: str) -> urllib3.ProxyManager:
        manager = self._proxy_pools.get(proxy)
        if manager is None:
            import urllib3

            manager = self._proxy_pools[proxy] = urllib3.ProxyManager(proxy, **self._pool_options)
        return manager

    def _timeout(self, timeout: Timeout) -> urllib3.Timeout:
        value = self._timeouts.get(timeout)
        if value is None:
            if len(self._timeouts) > 64:
                self._timeouts.clear()
            import urllib3

            value = urllib3.Timeout(connect=timeout.connect, read=timeout.read, total=timeout.total)
            self._timeouts[timeout] = value
        return value

    def send(self, request: HttpRequest, timeout: Timeout) -> HttpResponse:
        import urllib3
        from urllib3 import exceptions

        url = request.url
        body = request.body or None  # None: urllib3 sends Content-Length: 0 for POST/PUT/PATCH
        headers = _headers_to_send(request)
        deadline = _deadline(timeout)
        manager = self._pool
        if self._proxies is not None:
            proxy = self._proxies.for_request(request.scheme, request.host)
            if proxy is not None:
                manager = self._through(proxy)
        try:
            if isinstance(manager, urllib3.ProxyManager):
                response = manager.urlopen(
                    request.method,
                    url,
                    body=body,
                    headers=headers,
                    timeout=self._timeout(timeout),
                    retries=False,
                    redirect=False,
                    preload_content=False,
                    decode_content=True,
                )
            else:
                # Straight to the host's pool with the exact request-target: the
                # PoolManager's own URL parsing would normalise dot segments.
                response = self._host_pool(request.scheme, request.host).urlopen(
                    request.method,
                    _target(request, url),
                    body=body,
                    headers=headers,
                    timeout=self._timeout(timeout),
                    retries=False,
                    redirect=False,
                    assert_same_host=False,
                    preload_content=False,
                    decode_content=True,
                )
            data = self._read(response, deadline)
        except exceptions.NewConnectionError as exc:  # subclass of ConnectTimeoutError
            failure: TransportError = _transport_error(request, exc, sent=False)
        except exceptions.ConnectTimeoutError as exc:
            failure = _timeout_error(request, exc, timeout, sent=False)
        except (exceptions.TimeoutError, TimeoutError) as exc:
            failure = _timeout_error(request, exc, timeout)
        except (exceptions.HTTPError, OSError, ValueError) as exc:
            failure = _transport_error(request, exc)
        else:
            if isinstance(data, bytes):
                return HttpResponse(
                    status=response.status,
                    headers=_lower_headers(response.headers.itermerged()),
                    body=data,
                )
            if data == "large":
                raise _too_large(request, self.max_response_bytes)
            failure = _timeout_error(request, None, timeout)
        raise failure  # outside `except`: the library's exception stays out of the chain

    def _read(self, response: urllib3.BaseHTTPResponse, deadline: float | None) -> bytes | str:
        """The decoded body, or "large" / "late" (the connection then closed, not pooled)."""
        limit = self.max_response_bytes
        chunks: list[bytes] = []
        size = 0
        while chunk := response.read1(_CHUNK):  # what arrived: a trickle cannot block it
            size += len(chunk)
            chunks.append(chunk)
            if size > limit or _past(deadline):
                response.close()  # the rest is never read: drop the connection
                response.release_conn()
                return "large" if size > limit else "late"
        response.release_conn()
        return chunks[0] if len(chunks) == 1 else b"".join(chunks)

    def close(self) -> None:
        self._hosts.clear()
        if self._owns:
            self._pool.clear()
            for manager in self._proxy_pools.values():
                manager.clear()

    def __enter__(self) -> Urllib3Transport:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()


# --------------------------------------------------------------------------- httpx (sync)


class HttpxTransport:
    """Adapter for an ``httpx.Client``. A client you pass stays yours: ``close()`` does not
    close it. Without one, the adapter makes its own and closes it in ``close()``.

    httpx removes ``.``/``..`` path segments (RFC 3986) before sending; every other byte
    of ``request.url`` (``%2B``, ``%3D``, ``%2F``, ...) is sent unchanged.
    """

    __slots__ = ("_client", "_owns", "max_response_bytes")

    def __init__(
        self,
        client: httpx.Client | None = None,
        *,
        max_response_bytes: int = DEFAULT_MAX_RESPONSE_BYTES,
    ) -> None:
        import httpx

        self.max_response_bytes = max_response_bytes
        redact_urls_logged_by("httpx")  # it logs URLs at INFO
        self._owns = client is None
        self._client = client if client is not None else httpx.Client()

    @property
    def client(self) -> httpx.Client:
        return self._client

    def send(self, request: HttpRequest, timeout: Timeout) -> HttpResponse:
        import httpx

        deadline = _deadline(timeout)
        limit = self.max_response_bytes
        chunks: list[bytes] = []
        verdict = ""
        try:
            with self._client.stream(
                request.method,
                request.url,
                content=request.body,
                headers=_headers_to_send(request),
                timeout=_httpx_timeout(timeout),
                follow_redirects=False,
            ) as response:
                size = 0
                for chunk in response.iter_bytes():  # decoded
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

    def close(self) -> None:
        if self._owns:
            self._client.close()

    def __enter__(self) -> HttpxTransport:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()


# --------------------------------------------------------------------------- dispatch


def _is_coroutine_method(obj: object, name: str) -> bool:
    import inspect  # only when a client is given an http_client

    return inspect.iscoroutinefunction(getattr(obj, name, None))


def make_sync_transport(
    http_client: object | None,
    max_response_bytes: int = DEFAULT_MAX_RESPONSE_BYTES,
    network: Network | None = None,
) -> SyncTransport:
    """``None`` -> :class:`Urllib3Transport`; an ``httpx.Client`` -> :class:`HttpxTransport`
    (left open by ``close()``); an object implementing :class:`SyncTransport` -> itself
    (the client checks the size of the bodies it returns)."""
    if http_client is None:
        return Urllib3Transport(max_response_bytes=max_response_bytes, network=network)
    _own_network_only(network)
    # No need to import httpx: if it is not imported, no httpx client can exist.
    httpx = sys.modules.get("httpx")
    if httpx is not None:
        if isinstance(http_client, httpx.Client):
            return HttpxTransport(http_client, max_response_bytes=max_response_bytes)
        if isinstance(http_client, httpx.AsyncClient):
            raise TypeError(
                "http_client is an httpx.AsyncClient; the sync client needs an httpx.Client "
                "(pass the AsyncClient to the async client instead)"
            )
    if (
        isinstance(http_client, SyncTransport)
        and not _is_coroutine_method(http_client, "send")
        and not _is_coroutine_method(http_client, "close")
    ):
        return http_client
    raise TypeError(
        f"http_client must be None, an httpx.Client or a SyncTransport (an object with "
        f"send(request, timeout) -> HttpResponse and close()), not {type(http_client).__name__}"
    )


def _own_network_only(network: Network | None) -> None:
    if network is not None and (network.proxy is not None or network.verify is not True):
        raise ValueError(
            "proxy= and verify= configure the default transport; with http_client=, set "
            "them on your own client"
        )


def make_async_transport(
    http_client: object | None,
    max_response_bytes: int = DEFAULT_MAX_RESPONSE_BYTES,
    network: Network | None = None,
) -> AsyncTransport:
    """See :func:`sdk_runtime.async_transport.make_async_transport` (imported lazily)."""
    from .async_transport import make_async_transport as make

    if http_client is not None:
        _own_network_only(network)
    return make(http_client, max_response_bytes, network)
