"""Credential providers: where credentials come from when no keyword gives them, and how a
client renews temporary ones before they expire.

A client holds a :class:`Refresher` when its credentials can change (a provider was given,
or the credentials carry an ``expiration``). Before each attempt it asks ``due()``; when the
credentials expire within :data:`REFRESH_MARGIN` it calls ``refresh()``, which asks the
provider again under a lock (one thread fetches, the others wait and reuse the result). A
failed refresh keeps the old credentials while they are still valid. Async clients run
``refresh()`` in a worker thread (``anyio.to_thread`` or ``asyncio.to_thread``), so a
provider's network call never blocks the event loop (the lock, too, is taken in the worker;
the loop only reads the expiration). The first fetch is made by the (synchronous)
constructor: an async client whose chain reaches a metadata service or STS is best built
outside the running loop.

Each vendor's chain is in its own module (:mod:`.alibabacloud`, :mod:`.huaweicloud`), loaded
only when a client is built without keywords or environment variables.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Callable, Mapping
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Generic, cast

from sdk_runtime.credentials import (
    AlibabaCloudCredentials,
    CredentialsSource,
    CredT,
    HuaweiCloudCredentials,
)
from sdk_runtime.errors import CredentialsError

__all__ = [
    "REFRESH_MARGIN",
    "ChainProvider",
    "Refresher",
    "http_request",
    "parse_time",
]

# Temporary credentials are renewed when they expire within this margin (the official
# Alibaba Cloud SDK prefetches 3 minutes ahead, huaweicloudsdkcore 15 minutes for metadata).
REFRESH_MARGIN = timedelta(minutes=3)
METADATA_TIMEOUT = 3.0  # seconds, as huaweicloudsdkcore and the Alibaba Cloud SDK use


def as_callable(source: CredentialsSource[CredT]) -> Callable[[], CredT]:
    """``source`` (credentials, a callable, or an object with ``get()``) as a callable."""
    if isinstance(source, (AlibabaCloudCredentials, HuaweiCloudCredentials)):
        fixed = source
        return lambda: fixed
    get = getattr(source, "get", None)
    if callable(get):
        return cast("Callable[[], CredT]", get)
    if callable(source):
        return source
    raise TypeError(
        "credentials= takes credentials, a callable returning them, or an object with get(); "
        f"got {type(source).__name__}"
    )


class Refresher(Generic[CredT]):
    """The current credentials of one client, renewed from ``source`` before they expire."""

    def __init__(self, source: CredentialsSource[CredT]) -> None:
        self._fetch: Callable[[], CredT] = as_callable(source)
        self._lock = threading.Lock()
        self.current: CredT = self._checked(self._fetch())

    @staticmethod
    def _checked(credentials: CredT) -> CredT:
        if not isinstance(credentials, (AlibabaCloudCredentials, HuaweiCloudCredentials)):
            raise CredentialsError(
                f"the credentials provider returned {type(credentials).__name__}, not credentials"
            )
        expiration = credentials.expiration
        if expiration is not None and expiration.tzinfo is None:
            raise ValueError("credentials: expiration must be an aware datetime")
        return credentials

    def due(self, now: datetime | None = None) -> bool:
        """Whether the current credentials expire within :data:`REFRESH_MARGIN`."""
        expiration = self.current.expiration
        if expiration is None:
            return False
        return (now or datetime.now(UTC)) >= expiration - REFRESH_MARGIN

    def refresh(self) -> CredT:
        """Fresh credentials if due (one fetch however many threads ask), else the current."""
        with self._lock:
            if not self.due():
                return self.current  # another thread renewed them while this one waited
            try:
                self.current = self._checked(self._fetch())
            except Exception as error:
                expiration = self.current.expiration
                if expiration is not None and datetime.now(UTC) < expiration:
                    import logging  # only when a refresh fails

                    logging.getLogger("sdk_runtime").warning(
                        "refreshing credentials failed (%s); using the current ones until %s",
                        type(error).__name__,
                        expiration.isoformat(),
                    )
                    return self.current
                raise
            return self.current

    async def refresh_async(self) -> CredT:
        """:meth:`refresh` in a worker thread: the event loop never waits on the network."""
        try:
            import anyio.to_thread  # asyncio and trio alike, where anyio is installed
        except ImportError:  # pragma: no cover - anyio comes with httpx
            import asyncio

            return await asyncio.to_thread(self.refresh)
        return await anyio.to_thread.run_sync(self.refresh)


class ChainProvider(Generic[CredT]):
    """Asks each provider in turn; the first that answers is kept for later refreshes (as
    the official SDKs' default chains do). ``CredentialsError`` names every provider tried."""

    def __init__(
        self, missing: str, providers: list[tuple[str, Callable[[], CredT | None]]]
    ) -> None:
        self._missing = missing  # what resolving keywords and environment says
        self._providers: list[tuple[str, Callable[[], CredT | None]]] = providers
        self._chosen: Callable[[], CredT | None] | None = None

    @property
    def names(self) -> tuple[str, ...]:
        """The providers' names, in the order they are asked (the docs list them)."""
        return tuple(name for name, _ in self._providers)

    def get(self) -> CredT:
        found: CredT | None
        if self._chosen is not None:
            found = self._chosen()
            if found is None:
                raise CredentialsError(f"{self._missing}; the provider found before has none now")
            return found
        tried: list[str] = []
        for name, provider in self._providers:
            try:
                found = provider()
            except CredentialsError as error:
                tried.append(f"{name}: {error}")
                continue
            if found is not None:
                self._chosen = provider
                return found
            tried.append(f"{name}: not configured")
        raise CredentialsError(f"{self._missing}; the default chain found none: {'; '.join(tried)}")


def http_request(
    method: str,
    url: str,
    headers: Mapping[str, str] | None = None,
    body: bytes | None = None,
    timeout: float = METADATA_TIMEOUT,
) -> tuple[int, bytes]:
    """(status, body) of one request, without proxies (metadata services are link-local);
    ``CredentialsError`` if it cannot be sent."""
    import urllib.error
    import urllib.request

    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    request = urllib.request.Request(url, data=body, headers=dict(headers or {}), method=method)
    try:
        with opener.open(request, timeout=timeout) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()
    except (OSError, ValueError) as error:
        raise CredentialsError(f"{method} {url} failed: {type(error).__name__}") from None


def json_object(status: int, body: bytes, what: str) -> dict[str, object]:
    """The JSON object of a 200 answer, or ``CredentialsError`` (the body is never quoted:
    it may hold secrets)."""
    if status != 200:
        raise CredentialsError(f"{what} answered HTTP {status}")
    try:
        data = json.loads(body)
    except ValueError:
        raise CredentialsError(f"{what} answered with no JSON") from None
    if not isinstance(data, dict):
        raise CredentialsError(f"{what} answered with no JSON object")
    return cast("dict[str, object]", data)


def parse_time(value: object) -> datetime | None:
    """An ISO 8601 instant (``2026-01-01T00:00:00Z``, with or without fraction) as aware UTC."""
    if not isinstance(value, str) or not value:
        return None
    try:
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        raise CredentialsError("credentials with an unreadable expiration") from None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def text(data: Mapping[str, object], *names: str) -> str | None:
    """The first of ``names`` in ``data`` that holds a non-empty string."""
    for name in names:
        value = data.get(name)
        if isinstance(value, str) and value:
            return value
    return None


def ini_section(
    named: str | None, default: Path, section: str, inline_comments: bool = False
) -> tuple[Path, dict[str, str]] | None:
    """``section`` of the credentials INI file ``named`` (by an environment variable), else
    ``default``: (its path, its keys). None when the default file does not exist; a named
    file that does not exist, an unreadable file or a missing section is a CredentialsError."""
    import configparser

    path = Path(named) if named else default
    prefixes = ("#",) if inline_comments else None
    parser = configparser.ConfigParser(inline_comment_prefixes=prefixes, interpolation=None)
    try:
        read = parser.read(path, encoding="utf-8")
    except configparser.Error:
        raise CredentialsError(f"{path} is not a readable INI file") from None
    if not read:
        if named:
            raise CredentialsError(f"{path} does not exist")
        return None
    if not parser.has_section(section):
        raise CredentialsError(f"{path}: no section [{section}]")
    return path, dict(parser.items(section))
