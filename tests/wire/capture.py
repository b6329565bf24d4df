"""Whole-request capture: the official SDK and our client make the same call against a
loopback server, and the two recorded requests are compared.

    with capture_server(reply) as server:
        official_call(server.url)        # e.g. a tea-openapi client with endpoint=server.host
        ours_call(server.url)
    theirs, ours = server.requests
    assert_same_request(ours, theirs, signed_headers=("x-acs-action", ...))

The comparison is of what reaches the service: method, Host, path (percent-decoded), the
query as a multiset of decoded pairs, the body (JSON compared as data, forms as multisets)
and the named headers. Volatile headers (dates, nonces, signatures) are left out unless
named.

The server is also an HTTP forward proxy: a client configured with ``server.url`` as its
proxy sends any host name (``examplebucket.oss-cn-hangzhou.aliyuncs.com``) to it, never to
the internet, and the request is recorded as the origin would see it (the absolute-form
target's authority is kept apart, as ``authority``).
"""

from __future__ import annotations

import contextlib
import json
import threading
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qsl, unquote


@dataclass
class Captured:
    """One request as it arrived."""

    method: str
    raw_path: str  # path as sent, without the query
    raw_query: str  # query as sent, no leading "?"
    headers: dict[str, str]  # lower-case name -> value (last wins)
    body: bytes
    authority: str = ""  # host[:port] of an absolute-form target (sent through the proxy)

    @property
    def host(self) -> str:
        return self.headers.get("host", "")

    @property
    def path(self) -> str:
        return unquote(self.raw_path)

    @property
    def query(self) -> Counter[tuple[str, str]]:
        """Decoded query pairs as a multiset (``+`` read as a space, as servers do)."""
        return Counter(parse_qsl(self.raw_query, keep_blank_values=True))

    def body_value(self) -> Any:
        """The body as data: JSON decoded, a form as a multiset, else the bytes."""
        if not self.body:
            return None
        content_type = self.headers.get("content-type", "")
        if "json" in content_type or self.body[:1] in (b"{", b"["):
            return json.loads(self.body)
        if "x-www-form-urlencoded" in content_type:
            return Counter(parse_qsl(self.body.decode(), keep_blank_values=True))
        return self.body


Reply = tuple[int, dict[str, str], bytes]  # status, headers, body
Responder = Callable[[Captured], Reply]


@dataclass
class CaptureServer:
    url: str
    requests: list[Captured] = field(default_factory=list)

    @property
    def host(self) -> str:
        """``127.0.0.1:<port>``: what SDKs that take a bare endpoint want."""
        return self.url.split("://", 1)[1]

    @property
    def port(self) -> int:
        return int(self.url.rsplit(":", 1)[1])

    def last(self) -> Captured:
        return self.requests[-1]


def json_reply(data: object, status: int = 200, **headers: str) -> Responder:
    body = json.dumps(data).encode()
    return lambda _request: (status, {"Content-Type": "application/json", **headers}, body)


@contextlib.contextmanager
def capture_server(responder: Responder) -> Iterator[CaptureServer]:
    """A loopback HTTP/1.1 server recording every request and answering with ``responder``."""
    recorded: list[Captured] = []

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - quiet
            pass

        def _handle(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length) if length else b""
            target, authority = self.path, ""
            if target.startswith(("http://", "https://")):  # a client using us as its proxy
                authority, _, rest = target.split("://", 1)[1].partition("/")
                target = "/" + rest
            raw_path, _, raw_query = target.partition("?")
            captured = Captured(
                method=self.command,
                raw_path=raw_path,
                raw_query=raw_query,
                headers={k.lower(): v for k, v in self.headers.items()},
                body=body,
                authority=authority,
            )
            recorded.append(captured)
            status, headers, reply = responder(captured)
            self.send_response(status)
            for name, value in headers.items():
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(reply)))
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(reply)

        do_GET = do_POST = do_PUT = do_DELETE = do_PATCH = do_HEAD = _handle

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield CaptureServer(f"http://127.0.0.1:{server.server_address[1]}", recorded)
    finally:
        server.shutdown()
        server.server_close()


def request_summary(request: Captured, headers: Iterable[str] = ()) -> dict[str, Any]:
    """What is compared: method, Host, decoded path, query multiset, body, named headers."""
    return {
        "method": request.method,
        "host": request.host,
        "path": request.path,
        "query": request.query,
        "body": request.body_value(),
        "headers": {name: request.headers.get(name.lower()) for name in headers},
    }


def assert_same_request(ours: Captured, theirs: Captured, headers: Iterable[str] = ()) -> None:
    """The two requests carry the same call (see :func:`request_summary`)."""
    names = tuple(headers)
    assert request_summary(ours, names) == request_summary(theirs, names)
