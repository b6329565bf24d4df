"""Event hooks and the runtime's DEBUG log: what each attempt of a call sent and got back.

``event_hooks={"request": [...], "response": [...]}`` on a client's constructor (httpx's
keyword and shape, so that it reads as it does there): each request hook is called with a
:class:`RequestView` once per attempt, after signing and just before sending; each response
hook with a :class:`ResponseView` as soon as an answer arrives, before it is decoded or
mapped to an error, error statuses included. Both views are read-only copies with secrets
masked (:func:`sdk_runtime.redaction.redact_url`, :func:`~sdk_runtime.redaction.redact_headers`):
a hook sees what was signed but cannot change it. Async clients await hooks that return an
awaitable (coroutine functions); sync clients take plain callables. An exception raised by a
hook propagates unchanged and ends the call: it is not retried.

The log is the ``sdk_runtime`` logger, silent unless DEBUG is enabled on it (or
``SDK_RUNTIME_LOG=debug`` is set, which also gives it a stderr handler): one line per attempt
with operation, method, redacted URL, status (or the transport error's class), attempt and
elapsed milliseconds; a retry is announced at INFO with its delay. Bodies are never logged.
With neither hooks nor DEBUG, a call checks ``isEnabledFor`` once and builds nothing.
"""

from __future__ import annotations

import time
from collections.abc import Awaitable, Callable, Mapping, Sequence
from typing import TYPE_CHECKING, NamedTuple, TypedDict, TypeVar

from sdk_runtime.decoding import request_id_of
from sdk_runtime.raw import Headers
from sdk_runtime.redaction import redact_headers, redact_text, redact_url

if TYPE_CHECKING:  # logging loads with the first client, not with the client module
    import logging

    from sdk_runtime.http import HttpRequest, HttpResponse
    from sdk_runtime.transport import AsyncTransport, SyncTransport, Timeout

__all__ = [
    "LOGGER_NAME",
    "LOG_VARIABLE",
    "EventHooks",
    "RequestHook",
    "RequestView",
    "ResponseHook",
    "ResponseView",
]

LOGGER_NAME = "sdk_runtime"
LOG_VARIABLE = "SDK_RUNTIME_LOG"  # "debug" or "info": log to stderr at that level
DEBUG = 10  # logging.DEBUG, without importing logging here


class RequestView(NamedTuple):
    """One attempt's request as it goes on the wire, secrets masked."""

    operation: str  # the operation's documented name (ListBuckets)
    attempt: int  # 1 for the first attempt, 2 for the first retry, ...
    method: str
    url: str  # signature and token query values and the client's secrets masked
    headers: Headers  # names in any case; credential and signature values masked


class ResponseView(NamedTuple):
    """One attempt's answer, before it is decoded; secrets masked."""

    request: RequestView
    status_code: int
    headers: Headers  # names in any case; cookie and token values masked
    request_id: str | None  # the vendor's request id header, if it sent one
    elapsed: float  # seconds from sending the request to the whole answer read

    @property
    def operation(self) -> str:
        return self.request.operation

    @property
    def attempt(self) -> int:
        return self.request.attempt


RequestHook = Callable[[RequestView], object]
ResponseHook = Callable[[ResponseView], object]
HookT = TypeVar("HookT", RequestHook, ResponseHook)


class EventHooks(TypedDict, total=False):
    """``event_hooks=`` of a client: the callables to call for each event, in order."""

    request: Sequence[RequestHook]
    response: Sequence[ResponseHook]


class Hooks(NamedTuple):
    """A client's event hooks, checked."""

    request: tuple[RequestHook, ...] = ()
    response: tuple[ResponseHook, ...] = ()

    @classmethod
    def of(cls, event_hooks: EventHooks | None, asynchronous: bool) -> Hooks | None:
        """``event_hooks`` checked (TypeError / ValueError); None when there are none."""
        if event_hooks is None:
            return None
        if not isinstance(event_hooks, Mapping):
            raise TypeError(
                "event_hooks must be a dict such as {'request': [...], 'response': [...]}, "
                f"not {type(event_hooks).__name__}"
            )
        unknown = sorted(set(event_hooks) - set(cls._fields), key=str)
        if unknown:
            raise ValueError(
                f"event_hooks: unknown event {unknown[0]!r}; expected 'request' or 'response'"
            )
        hooks = cls(
            _checked("request", event_hooks.get("request"), asynchronous),
            _checked("response", event_hooks.get("response"), asynchronous),
        )
        return hooks if hooks.request or hooks.response else None


def _checked(event: str, hooks: Sequence[HookT] | None, asynchronous: bool) -> tuple[HookT, ...]:
    if hooks is None:
        return ()
    if not isinstance(hooks, list | tuple):
        raise TypeError(f"event_hooks[{event!r}] must be a list of callables")
    for hook in hooks:
        if not callable(hook):
            raise TypeError(f"event_hooks[{event!r}]: {hook!r} is not callable")
        if not asynchronous:
            import inspect  # only when hooks are given

            if inspect.iscoroutinefunction(hook):
                raise TypeError(
                    f"event_hooks[{event!r}]: {hook!r} is a coroutine function; a sync "
                    "client calls plain callables (the async client awaits them)"
                )
    return tuple(hooks)


NO_HOOKS = Hooks()


class Trace:
    """One call's hooks and DEBUG lines; made only when there are hooks or DEBUG is on.

    ``in_hook`` stays True when a hook raised, so that the call lets its exception through
    unchanged instead of retrying it."""

    __slots__ = ("headers", "hooks", "in_hook", "logger", "operation")

    def __init__(self, operation: str, hooks: Hooks, logger: logging.Logger | None) -> None:
        self.operation = operation
        self.hooks = hooks
        self.logger = logger  # None: DEBUG is off
        self.in_hook = False
        self.headers = bool(hooks.request or hooks.response)  # the log alone shows none

    def send(
        self,
        transport: SyncTransport,
        request: HttpRequest,
        timeout: Timeout,
        attempt: int,
        secrets: tuple[str, ...],
    ) -> HttpResponse:
        """``transport.send(request, timeout)`` between the hooks, logged."""
        view = self.request_view(request, attempt, secrets)
        for hook in self.hooks.request:
            self.in_hook = True
            _no_awaitable(hook(view), hook)
            self.in_hook = False
        started = time.perf_counter()
        try:
            response = transport.send(request, timeout)
        except Exception as error:
            self.log(view, type(error).__name__, time.perf_counter() - started)
            raise
        answer = self.response_view(view, response, time.perf_counter() - started, secrets)
        for response_hook in self.hooks.response:
            self.in_hook = True
            _no_awaitable(response_hook(answer), response_hook)
            self.in_hook = False
        return response

    async def send_async(
        self,
        transport: AsyncTransport,
        request: HttpRequest,
        timeout: Timeout,
        attempt: int,
        secrets: tuple[str, ...],
    ) -> HttpResponse:
        """The async twin of :meth:`send`: hooks returning an awaitable are awaited."""
        view = self.request_view(request, attempt, secrets)
        for hook in self.hooks.request:
            self.in_hook = True
            if isinstance(result := hook(view), Awaitable):
                await result
            self.in_hook = False
        started = time.perf_counter()
        try:
            response = await transport.send(request, timeout)
        except Exception as error:
            self.log(view, type(error).__name__, time.perf_counter() - started)
            raise
        answer = self.response_view(view, response, time.perf_counter() - started, secrets)
        for response_hook in self.hooks.response:
            self.in_hook = True
            if isinstance(result := response_hook(answer), Awaitable):
                await result
            self.in_hook = False
        return response

    def request_view(
        self, request: HttpRequest, attempt: int, secrets: tuple[str, ...]
    ) -> RequestView:
        return RequestView(
            self.operation,
            attempt,
            request.method,
            redact_url(request.url, secrets),
            Headers(redact_headers(request.headers, secrets) if self.headers else {}),
        )

    def response_view(
        self,
        request: RequestView,
        response: HttpResponse,
        elapsed: float,
        secrets: tuple[str, ...],
    ) -> ResponseView:
        request_id = request_id_of(response.headers)
        if request_id is not None:
            request_id = redact_text(request_id, secrets)
        answer = ResponseView(
            request,
            response.status,
            Headers(redact_headers(response.headers, secrets) if self.headers else {}),
            request_id,
            elapsed,
        )
        outcome = f"HTTP {response.status}"
        self.log(request, outcome + (f" request id {request_id}" if request_id else ""), elapsed)
        return answer

    def log(self, request: RequestView, outcome: str, elapsed: float) -> None:
        if self.logger is not None:
            self.logger.debug(
                "%s %s %s -> %s, attempt %d, %.1f ms",
                request.operation,
                request.method,
                request.url,
                outcome,
                request.attempt,
                elapsed * 1000,
            )


def _no_awaitable(result: object, hook: object) -> None:
    """A sync client's hook returned an awaitable (an object with an async ``__call__``)."""
    if isinstance(result, Awaitable):
        close = getattr(result, "close", None)
        if close is not None:
            close()  # no "coroutine was never awaited" warning on top of the error
        raise TypeError(f"event hook {hook!r} returned an awaitable; a sync client cannot await it")


_configured = False


def runtime_logger() -> logging.Logger:
    """The ``sdk_runtime`` logger; the first call applies ``$SDK_RUNTIME_LOG`` (``debug`` or
    ``info``: that level, and a stderr handler if the logger has none)."""
    import logging  # the HTTP libraries load it with the first client anyway

    global _configured
    logger = logging.getLogger(LOGGER_NAME)
    if not _configured:
        _configured = True
        import os

        level = {"debug": logging.DEBUG, "info": logging.INFO}.get(
            os.environ.get(LOG_VARIABLE, "").strip().lower()
        )
        if level is not None:
            logger.setLevel(level)
            if not logger.handlers:
                handler = logging.StreamHandler()
                handler.setFormatter(
                    logging.Formatter("%(asctime)s %(name)s %(levelname)s %(message)s")
                )
                logger.addHandler(handler)
    return logger
