"""Transports against a real loopback HTTP/1.1 server that echoes the raw request back."""

from __future__ import annotations

import asyncio
import gc
import json
import socket
import subprocess
import sys
import threading
import time
import warnings
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import httpx
import pytest

from sdk_runtime.async_transport import (
    AiohttpTransport,
    AsyncHttpxTransport,
)
from sdk_runtime.async_transport import (
    make_async_transport as make_async_transport_direct,
)
from sdk_runtime.errors import RequestTimeoutError, TransportError
from sdk_runtime.http import HttpRequest, HttpResponse
from sdk_runtime.transport import (
    HttpxTransport,
    Timeout,
    Urllib3Transport,
    make_async_transport,
    make_sync_transport,
)

SECRET_AUTH = "SECRET-AUTH-VALUE-1234"
SECRET_TOKEN = "SECRET-TOKEN-VALUE-5678"


# --------------------------------------------------------------------------- echo server


class EchoServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), EchoHandler)
        self.connections = 0
        self.lock = threading.Lock()

    @property
    def host(self) -> str:
        return f"127.0.0.1:{self.server_address[1]}"

    def handle_error(self, request: Any, client_address: Any) -> None:
        pass  # clients that time out hang up on us; that is expected


class EchoHandler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive
    disable_nagle_algorithm = True  # headers and body are separate writes: no 40 ms stalls
    server: EchoServer

    def setup(self) -> None:  # once per TCP connection
        super().setup()
        with self.server.lock:
            self.server.connections += 1

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def _echo(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        sleep = float(self.headers.get("X-Sleep") or 0)
        if sleep:
            time.sleep(sleep)
        payload = json.dumps(
            {
                "requestline": self.requestline,
                "headers": [[k, v] for k, v in self.headers.items()],
                "body": body.decode("latin-1"),
            }
        ).encode()
        try:
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("X-Echo-Mixed-Case", "Yes")
            self.send_header("X-Dup", "a")
            self.send_header("X-Dup", "b")
            self.send_header("Content-Length", str(len(payload)))
            self.end_headers()
            self.wfile.write(payload)
        except OSError:
            self.close_connection = True

    do_GET = do_POST = do_PUT = do_PATCH = do_DELETE = _echo


@pytest.fixture
def server() -> Iterator[EchoServer]:
    srv = EchoServer()
    thread = threading.Thread(target=srv.serve_forever, kwargs={"poll_interval": 0.05})
    thread.daemon = True
    thread.start()
    yield srv
    srv.shutdown()
    srv.server_close()


@pytest.fixture
def closed_port() -> int:
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port: int = sock.getsockname()[1]
    sock.close()
    return port


# --------------------------------------------------------------------------- drivers
# One sync facade over the four transports, so every wire test runs against each.

KINDS = ["urllib3", "httpx", "aiohttp", "httpx-async"]


class Driver:
    def __init__(self, kind: str) -> None:
        self.kind = kind
        self.loop: asyncio.AbstractEventLoop | None = None
        self.client: httpx.Client | httpx.AsyncClient | None = None
        self.transport: Any
        if kind == "urllib3":
            self.transport = make_sync_transport(None)
            assert isinstance(self.transport, Urllib3Transport)
        elif kind == "httpx":
            self.client = httpx.Client()
            self.transport = make_sync_transport(self.client)
            assert isinstance(self.transport, HttpxTransport)
        elif kind == "aiohttp":
            self.loop = asyncio.new_event_loop()
            self.transport = make_async_transport(None)
            assert isinstance(self.transport, AiohttpTransport)
        else:
            self.loop = asyncio.new_event_loop()
            self.client = httpx.AsyncClient()
            self.transport = make_async_transport(self.client)
            assert isinstance(self.transport, AsyncHttpxTransport)

    def send(self, request: HttpRequest, timeout: Timeout | None = None) -> HttpResponse:
        timeout = timeout or Timeout(connect=2, read=5)
        if self.loop is not None:
            result: HttpResponse = self.loop.run_until_complete(
                self.transport.send(request, timeout)
            )
            return result
        result = self.transport.send(request, timeout)
        return result

    def close(self) -> None:
        if self.loop is not None:
            self.loop.run_until_complete(self.transport.close())
            if isinstance(self.client, httpx.AsyncClient):
                self.loop.run_until_complete(self.client.aclose())
            self.loop.close()
        else:
            self.transport.close()
            if isinstance(self.client, httpx.Client):
                self.client.close()


@pytest.fixture(params=KINDS)
def driver(request: pytest.FixtureRequest) -> Iterator[Driver]:
    d = Driver(request.param)
    yield d
    d.close()


def echo(response: HttpResponse) -> dict[str, Any]:
    assert response.status == 200
    data: dict[str, Any] = json.loads(response.body)
    return data


def sent_headers(data: dict[str, Any], name: str) -> list[str]:
    return [v for k, v in data["headers"] if k.lower() == name.lower()]


def target_of(request: HttpRequest) -> str:
    return request.url.split(request.host, 1)[1]


# --------------------------------------------------------------------------- round trips


def test_get_round_trip(driver: Driver, server: EchoServer) -> None:
    req = HttpRequest(
        "GET", "http", server.host, "/v1/pools", query=[("limit", "10")], headers={"X-A": "1"}
    )
    data = echo(driver.send(req))
    assert data["requestline"] == "GET /v1/pools?limit=10 HTTP/1.1"
    assert sent_headers(data, "x-a") == ["1"]
    assert data["body"] == ""
    assert sent_headers(data, "content-type") == []


def test_post_round_trip(driver: Driver, server: EchoServer) -> None:
    body = '{"a": "ü"}'.encode()
    req = HttpRequest(
        "POST",
        "http",
        server.host,
        "/",
        headers={"Content-Type": "application/json; charset=utf-8", "X-Acs-Action": "List"},
        body=body,
    )
    data = echo(driver.send(req))
    assert data["requestline"] == "POST / HTTP/1.1"
    assert data["body"].encode("latin-1") == body
    assert sent_headers(data, "content-length") == [str(len(body))]
    assert sent_headers(data, "content-type") == ["application/json; charset=utf-8"]
    assert sent_headers(data, "x-acs-action") == ["List"]


def test_post_untyped_body_gets_no_content_type(driver: Driver, server: EchoServer) -> None:
    req = HttpRequest("POST", "http", server.host, "/", body=b"\x00\x01raw")
    data = echo(driver.send(req))
    assert data["body"].encode("latin-1") == b"\x00\x01raw"
    assert sent_headers(data, "content-type") == []


@pytest.mark.parametrize("method", ["PUT", "PATCH", "DELETE"])
def test_untyped_body_gets_no_content_type(driver: Driver, server: EchoServer, method: str) -> None:
    req = HttpRequest(method, "http", server.host, "/", body=b"raw")
    data = echo(driver.send(req))
    assert data["body"] == "raw"
    assert sent_headers(data, "content-type") == []


def test_typed_body_keeps_its_content_type(driver: Driver, server: EchoServer) -> None:
    req = HttpRequest(
        "PUT", "http", server.host, "/", headers={"content-type": "text/plain"}, body=b"x"
    )
    assert sent_headers(echo(driver.send(req)), "content-type") == ["text/plain"]


def test_post_empty_body_sends_content_length_zero(driver: Driver, server: EchoServer) -> None:
    req = HttpRequest("POST", "http", server.host, "/", query=[("Action", "X")])
    data = echo(driver.send(req))
    assert data["requestline"] == "POST /?Action=X HTTP/1.1"
    assert sent_headers(data, "content-length") == ["0"]
    assert sent_headers(data, "transfer-encoding") == []


def test_request_target_is_request_url_byte_for_byte(driver: Driver, server: EchoServer) -> None:
    req = HttpRequest(
        "GET",
        "http",
        server.host,
        "/dir/a%20b%2Fc/%C3%BC%2Bx%3Dy/obj~1.txt",  # encoded once, as the protocol does
        query=[
            ("Signature", "ab+cd/ef=="),
            ("key with space", "v a/l+u=e"),
            ("unicode", "中文ü"),
            ("resourcePool", ""),
            ("tilde", "a~b-c_d.e"),
            ("reserved", "!*'();:@&=+$,/?#[]%"),
        ],
    )
    target = target_of(req)
    for encoded in ("%2B", "%3D", "%2F", "%20", "%E4%B8%AD", "%25", "&resourcePool&"):
        assert encoded in target
    data = echo(driver.send(req))
    assert data["requestline"] == f"GET {target} HTTP/1.1"


@pytest.mark.parametrize("kind", ["urllib3", "aiohttp"])
def test_dot_segments_are_not_normalised(kind: str, server: EchoServer) -> None:
    d = Driver(kind)
    try:
        req = HttpRequest("GET", "http", server.host, "/a/./b/../c", query=[("x", "1")])
        data = echo(d.send(req))
        assert data["requestline"] == "GET /a/./b/../c?x=1 HTTP/1.1"
    finally:
        d.close()


def test_host_header_is_request_host(driver: Driver, server: EchoServer) -> None:
    req = HttpRequest("GET", "http", server.host, "/")
    data = echo(driver.send(req))
    assert sent_headers(data, "host") == [server.host]
    # A signer that put the host into the headers itself: still exactly one Host.
    req = HttpRequest("GET", "http", server.host, "/", headers={"host": server.host})
    data = echo(driver.send(req))
    assert sent_headers(data, "host") == [server.host]
    assert req.headers == {"host": server.host}  # the request is not modified


def test_host_header_not_rewritten_by_the_library(driver: Driver, server: EchoServer) -> None:
    # Libraries normalise the URL's host (lower case); the signed Host must go out as is.
    host = f"LocalHost:{server.server_address[1]}"
    data = echo(driver.send(HttpRequest("GET", "http", host, "/")))
    assert sent_headers(data, "host") == [host]


def test_headers_sent_as_given(driver: Driver, server: EchoServer) -> None:
    headers = {
        "Authorization": "OSS4-HMAC-SHA256 Credential=x,Signature=abc",
        "x-oss-date": "20240101T000000Z",
        "x-oss-content-sha256": "UNSIGNED-PAYLOAD",
        "User-Agent": "my-agent/1.0",
        "Accept-Encoding": "identity",
    }
    req = HttpRequest("GET", "http", server.host, "/", headers=dict(headers))
    data = echo(driver.send(req))
    for name, value in headers.items():
        assert sent_headers(data, name) == [value]


def test_response_headers_lower_cased(driver: Driver, server: EchoServer) -> None:
    response = driver.send(HttpRequest("GET", "http", server.host, "/"))
    assert type(response.headers) is dict
    assert all(name == name.lower() for name in response.headers)
    assert response.headers["x-echo-mixed-case"] == "Yes"
    assert response.headers["content-type"] == "application/json"
    assert response.headers["x-dup"] == "a, b"
    assert isinstance(response.body, bytes)
    assert len(response.body) == int(response.headers["content-length"])


# --------------------------------------------------------------------------- failures


def secret_request(host: str, *, sleep: float = 0) -> HttpRequest:
    headers = {"Authorization": SECRET_AUTH, "X-Acs-Security-Token": SECRET_TOKEN}
    if sleep:
        headers["X-Sleep"] = str(sleep)
    return HttpRequest(
        "GET", "http", host, "/path", query=[("SecurityToken", SECRET_TOKEN)], headers=headers
    )


def assert_no_secret(exc: BaseException) -> None:
    text = f"{exc} {exc!r}"
    assert SECRET_AUTH not in text
    assert SECRET_TOKEN not in text


def test_read_timeout(driver: Driver, server: EchoServer) -> None:
    start = time.perf_counter()
    with pytest.raises(RequestTimeoutError) as info:
        driver.send(secret_request(server.host, sleep=1.5), Timeout(connect=2, read=0.2))
    assert time.perf_counter() - start < 1.4
    # only redacted text: the library's exception (URL, headers) is not chained
    assert info.value.__cause__ is None and info.value.__context__ is None
    assert info.value.sent  # the server may have acted on it
    assert "/path" in str(info.value)
    assert_no_secret(info.value)


def test_connection_refused(driver: Driver, closed_port: int) -> None:
    with pytest.raises(TransportError) as info:
        driver.send(secret_request(f"127.0.0.1:{closed_port}"), Timeout(connect=2, read=2))
    assert not isinstance(info.value, RequestTimeoutError)
    assert info.value.__cause__ is None and info.value.__context__ is None
    assert not info.value.sent  # no connection: the request cannot have reached a server
    assert f"127.0.0.1:{closed_port}/path" in str(info.value)
    assert_no_secret(info.value)


def test_connect_timeout_is_request_timeout() -> None:
    # A listening socket whose accept backlog is full does not complete new handshakes on
    # Linux, so connecting times out (without any outside network).
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(0)
    fillers = []
    try:
        for _ in range(8):
            s = socket.socket()
            s.setblocking(False)
            s.connect_ex(listener.getsockname())
            fillers.append(s)
        time.sleep(0.05)
        host = f"127.0.0.1:{listener.getsockname()[1]}"
        t = Urllib3Transport()
        try:
            with pytest.raises(RequestTimeoutError) as info:
                t.send(HttpRequest("GET", "http", host, "/"), Timeout(connect=0.2, read=5))
            assert not info.value.sent
        finally:
            t.close()
    finally:
        for s in fillers:
            s.close()
        listener.close()


# --------------------------------------------------------------------------- connections


def test_keep_alive_reuses_one_connection(driver: Driver, server: EchoServer) -> None:
    for i in range(5):
        echo(driver.send(HttpRequest("GET", "http", server.host, "/", query=[("i", str(i))])))
    echo(driver.send(HttpRequest("POST", "http", server.host, "/", body=b"x")))
    assert server.connections == 1


def test_connection_used_again_after_a_read_timeout(driver: Driver, server: EchoServer) -> None:
    with pytest.raises(RequestTimeoutError):
        driver.send(secret_request(server.host, sleep=0.6), Timeout(connect=2, read=0.1))
    # The timed-out connection is not reused for the next request's response.
    data = echo(driver.send(HttpRequest("GET", "http", server.host, "/next")))
    assert data["requestline"] == "GET /next HTTP/1.1"


async def test_aiohttp_session_created_once(
    server: EchoServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    import aiohttp

    created: list[aiohttp.ClientSession] = []
    original = aiohttp.ClientSession

    def counting_session(*args: Any, **kwargs: Any) -> aiohttp.ClientSession:
        session = original(*args, **kwargs)
        created.append(session)
        return session

    monkeypatch.setattr(aiohttp, "ClientSession", counting_session)
    transport = AiohttpTransport()
    assert created == []  # lazily: nothing before the first send
    timeout = Timeout(connect=2, read=5)
    try:
        # Many first sends at once, then many more: one session.
        await asyncio.gather(
            *(
                transport.send(HttpRequest("GET", "http", server.host, "/"), timeout)
                for _ in range(10)
            )
        )
        for _ in range(20):
            echo(await transport.send(HttpRequest("GET", "http", server.host, "/"), timeout))
        assert len(created) == 1
    finally:
        await transport.close()
    assert created[0].closed


def test_aiohttp_transport_survives_a_new_event_loop(server: EchoServer) -> None:
    # Used from a second asyncio.run() without close() in between: the transport carries
    # on with a new session, and the first loop's session and connections were closed by
    # that asyncio.run() (more cases in test_async_loops.py).
    transport = AiohttpTransport()

    async def one() -> int:
        return (
            await transport.send(HttpRequest("GET", "http", server.host, "/"), Timeout())
        ).status

    async def close() -> None:
        await transport.close()

    gc.collect()  # what earlier tests left is theirs
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        assert asyncio.run(one()) == 200
        assert asyncio.run(one()) == 200  # the first loop (and its session) is gone
        asyncio.run(close())
        gc.collect()  # an unclosed session, connector or socket warns when collected
    assert [str(w.message) for w in caught if issubclass(w.category, ResourceWarning)] == []
    assert server.connections == 2


async def test_aiohttp_close_and_reuse(server: EchoServer) -> None:
    transport = AiohttpTransport()
    await transport.close()  # closing before any send is fine
    echo(await transport.send(HttpRequest("GET", "http", server.host, "/"), Timeout()))
    await transport.close()
    await transport.close()  # idempotent
    # A send after close opens a fresh session rather than failing.
    echo(await transport.send(HttpRequest("GET", "http", server.host, "/"), Timeout()))
    await transport.close()


def test_urllib3_close(server: EchoServer) -> None:
    transport = Urllib3Transport()
    echo(transport.send(HttpRequest("GET", "http", server.host, "/"), Timeout()))
    transport.close()
    transport.close()
    echo(transport.send(HttpRequest("GET", "http", server.host, "/"), Timeout()))
    transport.close()


def test_urllib3_host_evicted_by_the_manager_is_asked_for_again(server: EchoServer) -> None:
    """The transport remembers each host's pool, no more of them than ``num_pools``: with
    more hosts the manager drops the least recent pool (its connection with it), and so does
    the transport: the next request to that host connects again."""
    other = EchoServer()
    threading.Thread(
        target=other.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
    ).start()
    try:
        transport = Urllib3Transport(num_pools=1)
        for _ in range(3):
            for host in (server.host, other.host):
                data = echo(transport.send(HttpRequest("GET", "http", host, "/"), Timeout()))
                assert sent_headers(data, "Host") == [host]
        assert server.connections == 3 and other.connections == 3
        transport.close()
    finally:
        other.shutdown()
        other.server_close()


def test_user_httpx_client_stays_open(server: EchoServer) -> None:
    with httpx.Client() as client:
        transport = make_sync_transport(client)
        echo(transport.send(HttpRequest("GET", "http", server.host, "/"), Timeout()))
        transport.close()
        assert not client.is_closed
        assert client.get(f"http://{server.host}/").status_code == 200


async def test_user_httpx_async_client_stays_open(server: EchoServer) -> None:
    async with httpx.AsyncClient() as client:
        transport = make_async_transport(client)
        echo(await transport.send(HttpRequest("GET", "http", server.host, "/"), Timeout()))
        await transport.close()
        assert not client.is_closed
        assert (await client.get(f"http://{server.host}/")).status_code == 200


async def test_own_httpx_clients_are_closed(server: EchoServer) -> None:
    sync = HttpxTransport()
    echo(sync.send(HttpRequest("GET", "http", server.host, "/"), Timeout()))
    sync.close()
    assert sync.client.is_closed
    async_ = AsyncHttpxTransport()
    echo(await async_.send(HttpRequest("GET", "http", server.host, "/"), Timeout()))
    await async_.close()
    assert async_.client.is_closed


# --------------------------------------------------------------------------- dispatch


class MySync:
    def send(self, request: HttpRequest, timeout: Timeout) -> HttpResponse:
        return HttpResponse(200, {}, b"")

    def close(self) -> None:
        pass


class MyAsync:
    async def send(self, request: HttpRequest, timeout: Timeout) -> HttpResponse:
        return HttpResponse(200, {}, b"")

    async def close(self) -> None:
        pass


def test_make_sync_transport_dispatch() -> None:
    assert isinstance(make_sync_transport(None), Urllib3Transport)
    with httpx.Client() as client:
        adapter = make_sync_transport(client)
        assert isinstance(adapter, HttpxTransport)
        assert adapter.client is client
    mine = MySync()
    assert make_sync_transport(mine) is mine
    own = Urllib3Transport()
    assert make_sync_transport(own) is own
    for bad in (object(), "http://x", MyAsync()):
        with pytest.raises(TypeError, match="http_client must be"):
            make_sync_transport(bad)
    with pytest.raises(TypeError, match="AsyncClient"):
        make_sync_transport(httpx.AsyncClient())


def test_make_async_transport_dispatch() -> None:
    assert isinstance(make_async_transport(None), AiohttpTransport)
    assert make_async_transport is not make_async_transport_direct  # lazy re-export
    client = httpx.AsyncClient()
    adapter = make_async_transport(client)
    assert isinstance(adapter, AsyncHttpxTransport)
    assert adapter.client is client
    mine = MyAsync()
    assert make_async_transport_direct(mine) is mine
    for bad in (object(), 42):
        with pytest.raises(TypeError, match="http_client must be"):
            make_async_transport(bad)
    with pytest.raises(TypeError, match="sync transport"):
        make_async_transport(MySync())
    with pytest.raises(TypeError, match="httpx.Client"), httpx.Client() as sync_client:
        make_async_transport(sync_client)


def test_timeout_of() -> None:
    assert Timeout.of(None) == Timeout(connect=5.0, read=30.0)
    assert Timeout.of(3) == Timeout(3.0, 3.0)
    assert Timeout.of(2.5) == Timeout(2.5, 2.5)
    assert Timeout.of((1, 10)) == Timeout(1.0, 10.0)
    t = Timeout(1, 2)
    assert Timeout.of(t) is t
    with pytest.raises(TypeError):
        Timeout.of("3")  # type: ignore[arg-type]
    assert Timeout.of((1, 10, 60)) == Timeout(1.0, 10.0, 60.0)
    assert Timeout().total == 120.0  # each attempt, connect to last byte
    with pytest.raises(ValueError):
        Timeout.of((1, 2, 3, 4))  # type: ignore[arg-type]
    hash(Timeout())  # frozen: usable as a cache key


def test_importing_transports_does_not_import_aiohttp_or_httpx() -> None:
    code = (
        "import sys, sdk_runtime.transport, sdk_runtime.async_transport\n"
        "bad = [m for m in ('aiohttp', 'httpx', 'yarl') if m in sys.modules]\n"
        "assert not bad, bad\n"
        "from sdk_runtime.transport import make_sync_transport\n"
        "make_sync_transport(None)\n"
        "assert 'httpx' not in sys.modules and 'aiohttp' not in sys.modules\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
