"""Loopback "fake cloud": one HTTP/1.1 server answering the four documented operations.

Shared plumbing lives here (the HTTP server, request recording, fault injection); each vendor
family has a module of its own that claims requests, checks their signature with the vendor's
official signing code and renders answers and errors the way the vendor does:

* :mod:`tests.fakecloud.oss` - OSS ListResourcePools (OSS4-HMAC-SHA256)
* :mod:`tests.fakecloud.alibaba_rpc` - ENS ListBuckets, CloudSSO ListDirectories (ACS3 / RPC V1)
* :mod:`tests.fakecloud.huawei` - GA ListByoipPools (X-Auth-Token or SDK-HMAC-SHA256)

Usage::

    with running_fakecloud() as cloud:
        client = SomeClient(endpoint=cloud.url, ...)
        cloud.fail_next("ListBuckets", 400, "Throttling.User", retry_after=1)
        cloud.answer_next("ListBuckets", b"not JSON")   # a 200 with a garbled body
        ...
        assert cloud.rejected == []
"""

from __future__ import annotations

import contextlib
import socket
import threading
import time
import traceback
from collections import deque
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Protocol
from urllib.parse import parse_qsl

OPERATIONS = ("ListResourcePools", "ListBuckets", "ListDirectories", "ListByoipPools")

# Tolerated difference between a request's signing time and the server clock (as the vendors).
MAX_CLOCK_SKEW_SECONDS = 15 * 60


# --------------------------------------------------------------------------------------------
# Request / reply values shared by the vendor modules


@dataclass
class RecordedRequest:
    """One request as it arrived, and what the fake cloud made of it."""

    method: str
    path: str  # raw path as sent, without the query
    query: str  # raw query string as sent (no leading "?"), encoding untouched
    headers: list[tuple[str, str]]  # in arrival order, original case
    body: bytes
    received_at: float  # time.time() when the request line had been read
    vendor: str | None = None  # "oss" | "alibaba_rpc" | "huawei" | None (unrouted)
    operation: str | None = None
    verified: bool = False  # signature / token checked and accepted
    auth_error: str | None = None  # why authentication failed, if it did
    status: int | None = None  # HTTP status answered
    error_code: str | None = None  # vendor error code answered, if any

    def header(self, name: str, default: str | None = None) -> str | None:
        """First value of a header, case-insensitively."""
        lname = name.lower()
        for key, value in self.headers:
            if key.lower() == lname:
                return value
        return default

    @property
    def header_map(self) -> dict[str, str]:
        """Headers keyed by lower-case name (first value wins)."""
        out: dict[str, str] = {}
        for key, value in self.headers:
            out.setdefault(key.lower(), value)
        return out

    @property
    def params(self) -> dict[str, str]:
        """Decoded query parameters (form semantics: ``+`` is a space; last value wins)."""
        return dict(parse_qsl(self.query, keep_blank_values=True))

    @property
    def query_pairs(self) -> list[tuple[str, str]]:
        return parse_qsl(self.query, keep_blank_values=True)

    @property
    def rejected(self) -> bool:
        return self.auth_error is not None


@dataclass
class Reply:
    status: int
    body: bytes
    content_type: str | None
    headers: dict[str, str] = field(default_factory=dict)
    error_code: str | None = None


class ApiError(Exception):
    """An error answer; the vendor module renders it in the vendor's format."""

    def __init__(
        self,
        status: int,
        code: str,
        message: str,
        *,
        retry_after: float | None = None,
        headers: Mapping[str, str] | None = None,
        extra: Mapping[str, str] | None = None,
    ) -> None:
        super().__init__(f"{status} {code}: {message}")
        self.status = status
        self.code = code
        self.message = message
        self.retry_after = retry_after
        self.headers = dict(headers or {})
        self.extra = dict(extra or {})  # vendor-specific extra error fields


class AuthError(ApiError):
    """Authentication failed (bad signature, unknown key, ...): the request is rejected."""


class Vendor(Protocol):
    name: str

    def claims(self, req: RecordedRequest) -> bool:
        """Whether this request is meant for this vendor family."""

    def route(self, req: RecordedRequest) -> str:
        """The operation name, or raise ApiError (unknown action, wrong method...)."""

    def authenticate(self, req: RecordedRequest) -> None:
        """Raise AuthError unless the request is properly signed / carries a valid token."""

    def handle(self, req: RecordedRequest, operation: str) -> Reply:
        """Answer an authenticated request (may raise ApiError)."""

    def render_error(self, req: RecordedRequest, operation: str | None, err: ApiError) -> Reply:
        """The error in the vendor's format."""

    def reset(self) -> None:
        """Forget per-test state (e.g. seen nonces)."""


def rfc7231_retry_after(seconds: float) -> str:
    """Retry-After header value (whole seconds, rounded up, at least 0)."""
    whole = int(seconds)
    return str(whole if whole == seconds else whole + 1) if seconds > 0 else "0"


# --------------------------------------------------------------------------------------------
# Fault injection


@dataclass
class _Fault:
    status: int
    code: str
    message: str
    remaining: int
    retry_after: float | None
    headers: dict[str, str]


@dataclass
class _Delay:
    seconds: float
    remaining: int


@dataclass
class _Answer:
    status: int
    body: bytes
    content_type: str | None
    remaining: int


_DEFAULT_MESSAGES = {
    "Throttling.User": "Request was denied due to user flow control.",
    "Throttling": "Request was denied due to request throttling.",
    "SlowDown": "Please reduce your request rate.",
    "ServiceUnavailable": "The request has failed due to a temporary failure of the server.",
    "InternalError": "The request processing has failed due to some unknown error.",
}


# --------------------------------------------------------------------------------------------
# The server


class FakeCloud:
    """The fake cloud: start()/stop() or use :func:`running_fakecloud`."""

    def __init__(self, host: str = "127.0.0.1", port: int = 0) -> None:
        # imported here so that server.py stays importable on its own for type checkers
        from .alibaba_rpc import AlibabaRpc
        from .huawei import HuaweiGa
        from .oss import Oss

        self._lock = threading.Lock()
        self._requests: list[RecordedRequest] = []
        self._faults: dict[str, deque[_Fault]] = {}
        self._generation = 0  # bumped by reset()
        self._delays: dict[str, deque[_Delay]] = {}
        self._answers: dict[str, deque[_Answer]] = {}
        self._stopping = threading.Event()
        self.vendors: list[Vendor] = [HuaweiGa(), Oss(), AlibabaRpc()]
        self._httpd = _Server((host, port), _Handler)
        self._httpd.fake = self
        self._thread: threading.Thread | None = None

    # --- lifecycle ---------------------------------------------------------------------------

    @property
    def host(self) -> str:
        return str(self._httpd.server_address[0])

    @property
    def port(self) -> int:
        return int(self._httpd.server_address[1])

    @property
    def url(self) -> str:
        """Base URL, e.g. ``http://127.0.0.1:54321``."""
        return f"http://{self.host}:{self.port}"

    @property
    def netloc(self) -> str:
        """``127.0.0.1:54321`` (for SDKs that want an endpoint without scheme)."""
        return f"{self.host}:{self.port}"

    def start(self) -> FakeCloud:
        self._thread = threading.Thread(
            target=self._httpd.serve_forever,
            kwargs={"poll_interval": 0.05},
            name=f"fakecloud-{self.port}",
            daemon=True,
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stopping.set()  # wakes up delayed requests
        self._httpd.shutdown()
        self._httpd.close_connections()
        self._httpd.server_close()
        if self._thread is not None:
            self._thread.join(timeout=5)

    def __enter__(self) -> FakeCloud:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    # --- controls ----------------------------------------------------------------------------

    def fail_next(
        self,
        operation: str,
        status: int,
        code: str,
        message: str | None = None,
        times: int = 1,
        retry_after: float | None = None,
        headers: Mapping[str, str] | None = None,
    ) -> None:
        """Answer the next ``times`` authenticated requests for ``operation`` with this error.

        ``retry_after`` (seconds) adds ``Retry-After`` (whole seconds), and for Alibaba RPC also
        ``x-acs-retry-after`` (milliseconds, as the Alibaba SDKs read it).
        """
        _check_operation(operation)
        fault = _Fault(
            status=status,
            code=code,
            message=message or _DEFAULT_MESSAGES.get(code, f"Injected failure {code}."),
            remaining=times,
            retry_after=retry_after,
            headers=dict(headers or {}),
        )
        with self._lock:
            self._faults.setdefault(operation, deque()).append(fault)

    def delay_next(self, operation: str, seconds: float, times: int = 1) -> None:
        """Hold the answer to the next ``times`` requests for ``operation`` for ``seconds``."""
        _check_operation(operation)
        with self._lock:
            self._delays.setdefault(operation, deque()).append(_Delay(seconds, times))

    def answer_next(
        self,
        operation: str,
        body: bytes,
        status: int = 200,
        content_type: str | None = None,
        times: int = 1,
    ) -> None:
        """Answer the next ``times`` authenticated requests for ``operation`` with ``body``
        (and ``status``) in place of the real one, such as a garbled body behind a 200. The
        vendor's headers (its request id) are kept; ``content_type`` replaces its own."""
        _check_operation(operation)
        answer = _Answer(status, body, content_type, times)
        with self._lock:
            self._answers.setdefault(operation, deque()).append(answer)

    @property
    def requests(self) -> list[RecordedRequest]:
        """Snapshot of every request received since start / the last reset()."""
        with self._lock:
            return list(self._requests)

    @property
    def rejected(self) -> list[RecordedRequest]:
        """Requests whose authentication (signature, key, token) failed."""
        return [r for r in self.requests if r.rejected]

    def requests_for(self, operation: str) -> list[RecordedRequest]:
        return [r for r in self.requests if r.operation == operation]

    def reset(self) -> None:
        """Forget recorded requests, pending faults, delays and answers, and seen nonces."""
        with self._lock:
            self._generation += 1  # answers still held from before the reset take no fault
            self._requests.clear()
            self._faults.clear()
            self._delays.clear()
            self._answers.clear()
        for vendor in self.vendors:
            vendor.reset()

    # --- request processing (called from handler threads) -----------------------------------

    def _record(self, req: RecordedRequest) -> None:
        with self._lock:
            self._requests.append(req)

    def _take(self, table: dict[str, deque[Any]], operation: str, generation: int) -> Any:
        with self._lock:
            if generation != self._generation:
                return None
            queue = table.get(operation)
            if not queue:
                return None
            item = queue[0]
            item.remaining -= 1
            if item.remaining <= 0:
                queue.popleft()
            return item

    def process(self, req: RecordedRequest) -> Reply:
        with self._lock:
            generation = self._generation
        self._record(req)
        vendor = next((v for v in self.vendors if v.claims(req)), None)
        if vendor is None:
            req.status, req.error_code = 404, "NoSuchRoute"
            body = f"fakecloud: no fake service answers {req.method} {req.path}?{req.query}\n"
            return Reply(404, body.encode(), "text/plain; charset=utf-8", error_code="NoSuchRoute")
        req.vendor = vendor.name
        operation: str | None = None
        try:
            operation = vendor.route(req)
            req.operation = operation
            try:
                vendor.authenticate(req)
            except AuthError as err:
                req.auth_error = f"{err.code}: {err.message}"
                raise
            req.verified = True
            delay: _Delay | None = self._take(self._delays, operation, generation)
            if delay is not None:
                self._stopping.wait(delay.seconds)
            fault: _Fault | None = self._take(self._faults, operation, generation)
            if fault is not None:
                raise ApiError(
                    fault.status,
                    fault.code,
                    fault.message,
                    retry_after=fault.retry_after,
                    headers=fault.headers,
                )
            reply = vendor.handle(req, operation)
            answer: _Answer | None = self._take(self._answers, operation, generation)
            if answer is not None:
                content_type = answer.content_type or reply.content_type
                reply = Reply(answer.status, answer.body, content_type, reply.headers)
        except ApiError as err:
            reply = vendor.render_error(req, operation, err)
            reply.headers.update(err.headers)
            reply.error_code = err.code
        except Exception:  # a bug in the fake: say so loudly, in the vendor's format
            bug = ApiError(500, "InternalError", "fakecloud bug:\n" + traceback.format_exc())
            reply = vendor.render_error(req, operation, bug)
            reply.error_code = bug.code
        req.status, req.error_code = reply.status, reply.error_code
        return reply


def _check_operation(operation: str) -> None:
    if operation not in OPERATIONS:
        raise ValueError(f"unknown operation {operation!r}; expected one of {OPERATIONS}")


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False
    fake: FakeCloud

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._connections: set[socket.socket] = set()
        self._conn_lock = threading.Lock()

    def process_request(self, request: Any, client_address: Any) -> None:
        with self._conn_lock:
            self._connections.add(request)
        super().process_request(request, client_address)

    def shutdown_request(self, request: Any) -> None:
        with self._conn_lock:
            self._connections.discard(request)
        super().shutdown_request(request)

    def close_connections(self) -> None:
        """Close idle keep-alive connections so their threads end."""
        with self._conn_lock:
            conns = list(self._connections)
        for conn in conns:
            with contextlib.suppress(OSError):
                conn.shutdown(socket.SHUT_RDWR)


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "FakeCloud/1.0"
    sys_version = ""
    timeout = 120  # idle keep-alive connections are closed after this
    server: _Server

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - stdlib signature
        pass

    def _read_body(self) -> bytes:
        if "chunked" in (self.headers.get("Transfer-Encoding") or "").lower():
            chunks = []
            while True:
                size = int(self.rfile.readline().split(b";")[0].strip() or b"0", 16)
                if size == 0:
                    while self.rfile.readline() not in (b"\r\n", b"\n", b""):
                        pass  # trailers
                    break
                chunks.append(self.rfile.read(size))
                self.rfile.readline()
            return b"".join(chunks)
        length = int(self.headers.get("Content-Length") or 0)
        return self.rfile.read(length) if length > 0 else b""

    def _dispatch(self) -> None:
        received = time.time()
        path, _, query = self.path.partition("?")
        req = RecordedRequest(
            method=self.command,
            path=path,
            query=query,
            headers=list(self.headers.items()),
            body=self._read_body(),
            received_at=received,
        )
        reply = self.server.fake.process(req)
        try:
            self.send_response(reply.status)
            if reply.content_type is not None:
                self.send_header("Content-Type", reply.content_type)
            for key, value in reply.headers.items():
                self.send_header(key, value)
            self.send_header("Content-Length", str(len(reply.body)))
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(reply.body)
            self.wfile.flush()
        except (BrokenPipeError, ConnectionResetError):  # client gave up (timeout test)
            self.close_connection = True

    do_GET = do_POST = do_PUT = do_DELETE = do_HEAD = do_PATCH = do_OPTIONS = _dispatch


@contextlib.contextmanager
def running_fakecloud() -> Iterator[FakeCloud]:
    """Start a fake cloud on 127.0.0.1 (free port) for the duration of the block."""
    cloud = FakeCloud()
    cloud.start()
    try:
        yield cloud
    finally:
        cloud.stop()
