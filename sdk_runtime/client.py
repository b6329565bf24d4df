"""The base classes of every generated client: one request pipeline, sync and async.

A call builds the unsigned request once, then for each attempt signs a fresh copy (new
date, new nonce), sends it, and either decodes the response into the operation's model
(``DecodeError`` if it does not decode) or raises the documented error's class. Throttling
and failures before sending are retried with backoff; 5xx answers, read timeouts and resets
only for operations safe to repeat; all within the client's retry budget (see ``retry``). A
``DecodeError`` is not retried. An operation's idempotency token, when the caller gives
none, is filled in once, before the first attempt. Pagination walks pages with
``PageCursor`` (see ``sdk_runtime.pagination``, loaded with the first walk, not for a single
call). Event hooks and the DEBUG log see each attempt through a ``Trace`` (see
``sdk_runtime.hooks``), made only when there are hooks or DEBUG is on.
"""

from __future__ import annotations

import importlib
import sys
import time
from collections.abc import AsyncIterator, Callable, Iterator, Mapping
from datetime import UTC, datetime
from types import EllipsisType, TracebackType
from typing import TYPE_CHECKING, Any, Generic, Self, TypeVar, cast

from sdk_runtime import DISTRIBUTION, __version__
from sdk_runtime.credentials import (
    FAMILIES,
    AlibabaCloudCredentials,
    CredentialsSource,
    HuaweiCloudCredentials,
    credentials_family,
)
from sdk_runtime.decoding import decode
from sdk_runtime.endpoints import region_from_environment, resolve_endpoint, validate_region
from sdk_runtime.errors import ApiError, ClientError, ResponseTooLargeError, TransportError
from sdk_runtime.hooks import DEBUG, NO_HOOKS, EventHooks, Hooks, Trace, runtime_logger
from sdk_runtime.http import HttpRequest, HttpResponse
from sdk_runtime.protocols import ERROR_FORMATS, PROTOCOLS, Options, parse_error
from sdk_runtime.raw import RawResponse
from sdk_runtime.redaction import secret_forms
from sdk_runtime.retry import DEFAULT_MAX_RETRIES, QUOTA_CAPACITY, RetryPolicy, RetryQuota
from sdk_runtime.service import OperationSpec, ServiceSpec
from sdk_runtime.signing import Signer, make_signer
from sdk_runtime.transport import (
    DEFAULT_MAX_RESPONSE_BYTES,
    AsyncTransport,
    Network,
    SyncTransport,
    Timeout,
    make_async_transport,
    make_sync_transport,
)
from sdk_runtime.validation import check_params

if TYPE_CHECKING:  # pydantic and the models load with the first decoded response
    from pydantic import BaseModel

    from sdk_runtime.credential_providers import Refresher
    from sdk_runtime.pagination import AsyncPageIterator, PageCursor, PageIterator

__all__ = [
    "DEFAULT_MAX_RESPONSE_BYTES",
    "DEFAULT_MAX_RETRIES",
    "AsyncBaseClient",
    "BaseClient",
    "TimeoutLike",
]

ResponseT = TypeVar("ResponseT", bound="BaseModel")
TransportT = TypeVar("TransportT", SyncTransport, AsyncTransport)
TimeoutLike = float | tuple[float, float] | tuple[float, float, float] | Timeout | None
Credentials = AlibabaCloudCredentials | HuaweiCloudCredentials
AnyCredentials = (
    CredentialsSource[AlibabaCloudCredentials] | CredentialsSource[HuaweiCloudCredentials]
)


class _Pipeline:
    """Everything a call needs that does not depend on sync or async I/O."""

    def __init__(
        self,
        service: ServiceSpec,
        source: AnyCredentials,
        *,
        endpoint: str | None,
        region: str | None,
        signing: str | None,
        protocol_options: Options,
        timeout: TimeoutLike,
        max_retries: int,
        user_agent_extra: str | None = None,
    ) -> None:
        self.service = service
        if region is None:
            region = region_from_environment(service.provider) or service.default_region
        # checked with or without endpoint=: signers put the region in their scope
        self.region = validate_region(region)
        self.scheme, self.host = resolve_endpoint(service, self.region, endpoint)
        self.signing = signing or service.signing
        if self.signing not in service.signing_schemes:
            raise ValueError(
                f"signing must be one of {', '.join(service.signing_schemes)}, got {self.signing!r}"
            )
        # a provider, or credentials that expire: asked again before they do
        self.refresher: Refresher[Any] | None = None
        if isinstance(source, Credentials) and source.expiration is None:
            credentials: Credentials = source
        else:
            from sdk_runtime.credential_providers import Refresher

            self.refresher = Refresher(source)
            credentials = self.refresher.current
        if isinstance(credentials, HuaweiCloudCredentials) and not (
            credentials.ak and credentials.sk
        ):
            self.signing = "huawei-token"  # only a token was given
        self.secrets: tuple[str, ...] = ()  # masked in error texts, old tokens included
        self.use(credentials)
        self.timeout = Timeout.of(timeout)
        self.retry = RetryPolicy(max_retries=max_retries)
        self.quota = RetryQuota()  # the retry budget of this client
        family = FAMILIES[credentials_family(credentials)]
        # path parameters the client knows from its credentials ({project_id})
        self.client_values = {
            name: value
            for name in family.client_values
            if (value := getattr(credentials, name, None)) is not None
        }
        self.protocol = PROTOCOLS[service.protocol]
        self.protocol_options = protocol_options  # e.g. RPC's response_format
        self.error_marker = ERROR_FORMATS[service.error_format].marker
        self.max_response_bytes = DEFAULT_MAX_RESPONSE_BYTES
        self.user_agent = user_agent(service, user_agent_extra)
        self.extra_headers: dict[str, str] = {}  # with_options(extra_headers=...)
        self.extra_query: tuple[tuple[str, str], ...] = ()  # with_options(extra_query=...)
        self.validate = True  # check documented parameter constraints (validate=False: not)
        self._models: dict[str, type[BaseModel]] = {}
        self.hooks: Hooks | None = None  # event_hooks= (see sdk_runtime.hooks)
        self.logger = runtime_logger()

    def with_options(
        self,
        timeout: TimeoutLike | EllipsisType,
        max_retries: int | None,
        extra_headers: Mapping[str, str] | None,
        extra_query: Mapping[str, str] | None,
    ) -> _Pipeline:
        """A copy with these settings changed; signer, retry budget and models shared."""
        import copy  # only for with_options()

        twin = copy.copy(self)
        if timeout is not ...:
            twin.timeout = Timeout.of(timeout)
        if max_retries is not None:
            if isinstance(max_retries, bool) or not isinstance(max_retries, int) or max_retries < 0:
                raise ValueError(f"max_retries must be a number >= 0, got {max_retries!r}")
            twin.retry = self.retry._replace(max_retries=max_retries)
        if extra_headers:
            twin.extra_headers = {**self.extra_headers}
            for name, value in extra_headers.items():
                _check_option("extra_headers", name, value)
                for existing in [key for key in twin.extra_headers if key.lower() == name.lower()]:
                    del twin.extra_headers[existing]
                twin.extra_headers[name] = value
        if extra_query:
            for name, value in extra_query.items():
                _check_option("extra_query", name, value)
            twin.extra_query = (*self.extra_query, *extra_query.items())
        return twin

    def prepare(
        self, operation: OperationSpec[Any], params: Mapping[str, object], checked: bool = False
    ) -> HttpRequest:
        """The unsigned request; ``checked``: ``params`` passed the operation's checks
        already (a later page, which only the cursor's token changed)."""
        if self.client_values:
            params = self.with_client_values(operation, params)
        if self.validate and not checked and (operation.checks or operation.structures):
            check_params(operation.checks, params, operation.structures)
        token = operation.idempotency_token
        if token is not None and params.get(token) is None:
            import uuid  # only for operations that take an idempotency token

            params = {**params, token: str(uuid.uuid4())}  # once: every attempt sends it
        request = self.protocol.build_request(
            self.service,
            operation,
            params,
            self.scheme,
            self.host,
            self.signing,
            self.protocol_options,
        )
        # before signing: the schemes that sign every header (Huawei's) sign it too, as
        # huaweicloudsdkcore does; the others (ACS3, OSS V4, RPC, SLS) leave it out
        request.headers["User-Agent"] = self.user_agent
        if self.extra_headers or self.extra_query:
            self.add_extras(request)
        return request

    def add_extras(self, request: HttpRequest) -> None:
        """with_options()' headers (replacing the request's own of that name, in any case)
        and query pairs, before signing: the signature covers them."""
        for name, value in self.extra_headers.items():
            lower = name.lower()
            for existing in [key for key in request.headers if key.lower() == lower]:
                del request.headers[existing]
            request.headers[name] = value
        request.query.extend(self.extra_query)

    def with_client_values(
        self, operation: OperationSpec[Any], params: Mapping[str, object]
    ) -> Mapping[str, object]:
        """``params`` with the path parameters the caller left out that the client knows."""
        filled = dict(params)
        for name, value in self.client_values.items():
            if filled.get(name) is None and operation.locations.get(name) == "path":
                filled[name] = value
        return filled

    def use(self, credentials: Credentials) -> None:
        """Sign with ``credentials`` from now on (and mask their secrets, as the old ones)."""
        for field, value in zip(credentials._fields, credentials, strict=True):
            if isinstance(value, str) and ("\r" in value or "\n" in value or "\x00" in value):
                # they travel in headers (tokens, the signature's key id): never a new header
                raise ValueError(f"credentials: {field} must not contain CR, LF or NUL")
        signer = make_signer(self.signing, credentials, self.region)
        self.secrets = secret_forms((*self.secrets, *credentials.secret_values()))
        self.signer: Signer = signer
        self.credentials = credentials

    def refresh_due(self) -> bool:
        """Whether the credentials expire soon, or a twin of this pipeline (``with_options``,
        sharing the refresher) has renewed them already: then ``refresh``, or ``await`` the
        async one."""
        refresher = self.refresher
        return refresher is not None and (
            refresher.current is not self.credentials or refresher.due()
        )

    def refresh(self) -> None:
        assert self.refresher is not None
        if (credentials := self.refresher.refresh()) is not self.credentials:
            self.use(credentials)

    async def refresh_async(self) -> None:
        assert self.refresher is not None
        if (credentials := await self.refresher.refresh_async()) is not self.credentials:
            self.use(credentials)

    def trace(self, operation: OperationSpec[Any]) -> Trace | None:
        """The hooks and DEBUG lines of one call; None (no cost) when there are neither."""
        log = self.logger.isEnabledFor(DEBUG)
        if self.hooks is None and not log:
            return None
        return Trace(operation.name, self.hooks or NO_HOOKS, self.logger if log else None)

    def signed(self, request: HttpRequest) -> HttpRequest:
        attempt = request.copy()
        self.signer.sign(attempt, datetime.now(UTC))
        return attempt

    def outcome(self, operation: OperationSpec[ResponseT], response: HttpResponse) -> ResponseT:
        if len(response.body) > self.max_response_bytes:  # a transport of your own read it
            raise ResponseTooLargeError(
                f"{operation.name}: the answer is larger than max_response_bytes "
                f"({self.max_response_bytes:,} bytes)",
                limit=self.max_response_bytes,
            )
        if response.status >= 300:
            raise parse_error(self.service, response, self.secrets)
        model = self.response_model(operation)
        result = decode(
            response,
            model,
            self.secrets,
            operation.name,
            self.protocol.body_format,
            operation.response_headers,
        )
        extra = result.__pydantic_extra__
        if extra and self.error_marker and all(key in extra for key in self.error_marker):
            # an error document answered with a 2xx ({"Code": ..., "Message": ...})
            raise parse_error(self.service, response, self.secrets)
        if operation.url_encoded is not None:
            from sdk_runtime.urlencoding import url_decode  # only for such operations

            url_decode(result, operation.url_encoded)
        return result

    def response_model(self, operation: OperationSpec[ResponseT]) -> type[ResponseT]:
        """The operation's response class, from the service's models module (loaded once)."""
        model = self._models.get(operation.response)
        if model is None:
            models = importlib.import_module(self.service.models)
            model = self._models[operation.response] = getattr(models, operation.response)
        return cast("type[ResponseT]", model)

    def backoff(
        self, operation: OperationSpec[Any], attempt: int, error: ClientError
    ) -> tuple[float, int]:
        """Seconds to wait before the next attempt and the retry budget it took; re-raises
        ``error`` when not retrying (not retryable, not safe to repeat, retries or budget
        spent)."""
        delay = self.retry.delay(
            attempt, error, self.service.throttling_codes, operation.safe_to_repeat
        )
        if delay is None:
            raise error
        spent = self.quota.acquire(error)
        if not spent:
            raise error  # the budget is spent: the service is failing, do not pile on
        reason = (
            f"{error.code} (HTTP {error.status_code})"
            if isinstance(error, ApiError)
            else type(error).__name__
        )
        self.logger.info(
            "%s attempt %d failed with %s; retrying in %.2f s",
            operation.name,
            attempt + 1,
            reason,
            delay,
        )
        return delay, spent

    def describe(self, kind: str) -> str:
        where = f"{self.service.provider}.{self.service.service} {self.scheme}://{self.host}"
        return f"<{kind} {where} signing={self.signing}>"


def user_agent(service: ServiceSpec, extra: str | None = None) -> str:
    """``<distribution>/<version> <provider>.<service> Python/<x.y>`` and ``extra``."""
    import sys

    agent = (
        f"{DISTRIBUTION}/{__version__} {service.provider}.{service.service} "
        f"Python/{sys.version_info[0]}.{sys.version_info[1]}"
    )
    if extra is None:
        return agent
    if not isinstance(extra, str):
        raise TypeError(f"user_agent_extra must be a str, not {type(extra).__name__}")
    if any(c in extra for c in "\r\n\x00"):
        raise ValueError("user_agent_extra must not contain CR, LF or NUL")
    return f"{agent} {extra.strip()}" if extra.strip() else agent


def _check_option(keyword: str, name: object, value: object) -> None:
    if not isinstance(name, str) or not isinstance(value, str):
        raise TypeError(f"{keyword}: names and values must be str, got {name!r}: {value!r}")
    if not name or any(c in name for c in " :\r\n\x00"):
        raise ValueError(f"{keyword}: {name!r} is not a valid name")
    if any(c in value for c in "\r\n\x00"):
        raise ValueError(f"{keyword}: the value of {name!r} must not contain CR, LF or NUL")


class _ClientBase(Generic[TransportT]):
    """Configuration shared by the sync and async clients; subclasses pick the transport."""

    _make_transport: Callable[[object | None, int, Network], TransportT]
    _asynchronous: bool  # whether event hooks may be coroutine functions

    def __init__(
        self,
        service: ServiceSpec,
        credentials: AnyCredentials,
        *,
        endpoint: str | None = None,
        region: str | None = None,
        signing: str | None = None,
        protocol_options: Options | None = None,
        timeout: TimeoutLike = None,
        max_retries: int = DEFAULT_MAX_RETRIES,
        http_client: object | None = None,
        max_response_bytes: int = DEFAULT_MAX_RESPONSE_BYTES,
        user_agent_extra: str | None = None,
        proxy: str | None = None,
        trust_env: bool = True,
        verify: bool | str = True,
        event_hooks: EventHooks | None = None,
        validate: bool = True,
    ) -> None:
        if (
            isinstance(max_response_bytes, bool)
            or not isinstance(max_response_bytes, int)
            or max_response_bytes < 1
        ):
            raise ValueError(
                f"max_response_bytes must be a positive number of bytes, got {max_response_bytes!r}"
            )
        self._pipeline = _Pipeline(
            service,
            credentials,
            endpoint=endpoint,
            region=region,
            signing=signing,
            protocol_options=protocol_options or {},
            timeout=timeout,
            max_retries=max_retries,
            user_agent_extra=user_agent_extra,
        )
        self._pipeline.max_response_bytes = max_response_bytes  # also for your own transport
        self._pipeline.hooks = Hooks.of(event_hooks, type(self)._asynchronous)
        self._pipeline.validate = validate
        network = Network(proxy, trust_env, verify).check()
        self._transport: TransportT = type(self)._make_transport(
            http_client, max_response_bytes, network
        )

    _raw = False  # True in the twin behind with_raw_response: _call returns a RawResponse

    def __repr__(self) -> str:
        return self._pipeline.describe(type(self).__name__)

    def with_options(
        self,
        *,
        timeout: TimeoutLike | EllipsisType = ...,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, str] | None = None,
    ) -> Self:
        """A client of the same class with these settings changed, sharing this one's
        connection pool, credentials and retry budget; this client is unchanged.

        ``timeout`` as in the constructor (``None``: the defaults); ``extra_headers`` are
        added to (or replace same-named headers of) every request and ``extra_query`` pairs
        appended to its query, both before signing. Closing either client closes the pool.
        """
        twin = self._twin()
        twin._pipeline = self._pipeline.with_options(
            timeout, max_retries, extra_headers, extra_query
        )
        return twin

    def _twin(self) -> Self:
        twin = object.__new__(type(self))
        twin.__dict__.update(self.__dict__)
        return twin

    def _raw_twin(self) -> Self:
        """This client, returning ``RawResponse`` from ``_call`` (``with_raw_response``)."""
        twin = self._twin()
        twin._raw = True
        return twin


class BaseClient(_ClientBase[SyncTransport]):
    """Synchronous client: urllib3 by default, or your own httpx.Client."""

    _make_transport = staticmethod(make_sync_transport)
    _asynchronous = False

    def __enter__(self: _SyncSelf) -> _SyncSelf:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        self._transport.close()

    def _call(
        self,
        operation: OperationSpec[ResponseT],
        params: Mapping[str, object],
        checked: bool = False,
    ) -> ResponseT:
        pipeline = self._pipeline
        request = pipeline.prepare(operation, params, checked)
        trace = pipeline.trace(operation)
        attempt = spent = 0
        while True:
            try:
                if pipeline.refresh_due():
                    pipeline.refresh()
                signed = pipeline.signed(request)
                if trace is None:
                    response = self._transport.send(signed, pipeline.timeout)
                else:
                    response = trace.send(
                        self._transport, signed, pipeline.timeout, attempt + 1, pipeline.secrets
                    )
                result = pipeline.outcome(operation, response)
            except (ApiError, TransportError) as error:
                if trace is not None and trace.in_hook:
                    raise  # a hook's own exception: unchanged, not retried
                delay, spent = pipeline.backoff(operation, attempt, error)
                time.sleep(delay)
            else:
                if spent or pipeline.quota.level < QUOTA_CAPACITY:
                    pipeline.quota.release(spent)
                if self._raw:
                    return cast("ResponseT", RawResponse(response, result))
                return result
            attempt += 1

    def _pages(
        self, operation: OperationSpec[ResponseT], params: dict[str, object]
    ) -> PageIterator[ResponseT]:
        from sdk_runtime.pagination import PageCursor, PageIterator  # with the first page

        assert operation.pagination is not None
        cursor = PageCursor(operation.pagination, params)
        return PageIterator(self._walk(operation, cursor), cursor)

    def _walk(self, operation: OperationSpec[ResponseT], cursor: PageCursor) -> Iterator[ResponseT]:
        checked = False
        while True:
            page = self._call(operation, cursor.params, checked)
            checked = True  # later pages differ by the token the cursor derived only
            more = cursor.advance(page)  # the next request is derived, not yet sent
            if not cursor.superseded:
                yield page
            if not more:
                return

    def _items(
        self,
        operation: OperationSpec[ResponseT],
        params: dict[str, object],
        max_items: int | None = None,
        item_list: str | None = None,
    ) -> Iterator[Any]:
        """The items of ``item_list`` (None: the primary items) page by page; with
        ``max_items``, stop after that many without asking for a page they do not need."""
        from sdk_runtime.pagination import PageCursor  # with the first page

        assert operation.pagination is not None
        if max_items is not None and max_items <= 0:
            return
        cursor = PageCursor(operation.pagination, params)
        path = cursor.item_path(item_list)
        count = 0
        for page in self._walk(operation, cursor):
            for item in cursor.items(page, path):
                yield item
                count += 1
                if count == max_items:
                    return


class AsyncBaseClient(_ClientBase[AsyncTransport]):
    """Asynchronous client: aiohttp by default, or your own httpx.AsyncClient."""

    _make_transport = staticmethod(make_async_transport)
    _asynchronous = True

    async def __aenter__(self: _AsyncSelf) -> _AsyncSelf:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.close()

    async def close(self) -> None:
        await self._transport.close()

    async def _call(
        self,
        operation: OperationSpec[ResponseT],
        params: Mapping[str, object],
        checked: bool = False,
    ) -> ResponseT:
        pipeline = self._pipeline
        request = pipeline.prepare(operation, params, checked)
        trace = pipeline.trace(operation)
        attempt = spent = 0
        while True:
            try:
                if pipeline.refresh_due():
                    await pipeline.refresh_async()  # in a worker thread: the loop is not held
                signed = pipeline.signed(request)
                if trace is None:
                    response = await self._transport.send(signed, pipeline.timeout)
                else:
                    response = await trace.send_async(
                        self._transport, signed, pipeline.timeout, attempt + 1, pipeline.secrets
                    )
                result = pipeline.outcome(operation, response)
            except (ApiError, TransportError) as error:
                if trace is not None and trace.in_hook:
                    raise  # a hook's own exception: unchanged, not retried
                delay, spent = pipeline.backoff(operation, attempt, error)
                await _sleep(delay)
            else:
                if spent or pipeline.quota.level < QUOTA_CAPACITY:
                    pipeline.quota.release(spent)
                if self._raw:
                    return cast("ResponseT", RawResponse(response, result))
                return result
            attempt += 1

    def _pages(
        self, operation: OperationSpec[ResponseT], params: dict[str, object]
    ) -> AsyncPageIterator[ResponseT]:
        from sdk_runtime.pagination import AsyncPageIterator, PageCursor  # with the first page

        assert operation.pagination is not None
        cursor = PageCursor(operation.pagination, params)
        return AsyncPageIterator(self._walk(operation, cursor), cursor)

    async def _walk(
        self, operation: OperationSpec[ResponseT], cursor: PageCursor
    ) -> AsyncIterator[ResponseT]:
        checked = False
        while True:
            page = await self._call(operation, cursor.params, checked)
            checked = True
            more = cursor.advance(page)
            if not cursor.superseded:
                yield page
            if not more:
                return

    async def _items(
        self,
        operation: OperationSpec[ResponseT],
        params: dict[str, object],
        max_items: int | None = None,
        item_list: str | None = None,
    ) -> AsyncIterator[Any]:
        """The async twin of ``BaseClient._items``."""
        from sdk_runtime.pagination import PageCursor  # with the first page

        assert operation.pagination is not None
        if max_items is not None and max_items <= 0:
            return
        cursor = PageCursor(operation.pagination, params)
        path = cursor.item_path(item_list)
        count = 0
        async for page in self._walk(operation, cursor):
            for item in cursor.items(page, path):
                yield item
                count += 1
                if count == max_items:
                    return


async def _sleep(seconds: float) -> None:
    """Sleep in whichever event loop runs us: trio's (directly or under anyio) or asyncio's.

    Only after a failed attempt; trio is looked up in ``sys.modules``, never imported."""
    trio = sys.modules.get("trio")
    if trio is not None:
        try:
            trio.lowlevel.current_task()
        except RuntimeError:
            pass  # trio is loaded, but this is not its loop
        else:
            await trio.sleep(seconds)
            return
    import asyncio  # here, not at the top: sync-only users never pay for it

    await asyncio.sleep(seconds)


_SyncSelf = TypeVar("_SyncSelf", bound=BaseClient)
_AsyncSelf = TypeVar("_AsyncSelf", bound=AsyncBaseClient)
