"""A loopback HTTP server that misbehaves on purpose, one scripted answer per request.

    with HostileServer() as server:
        server.script(Answer(500), Answer(200, body=b"{}"))
        client = EnsClient(endpoint=server.url, ...)

Each request takes the next ``Answer`` (the last one repeats). An answer can drop the
connection after reading the request (``drop=True``: a reset after the request was sent),
hold the answer back (``delay``), or trickle the body a few bytes at a time (``trickle``,
seconds between chunks). The server records each request it read.
"""

from __future__ import annotations

import socket
import threading
import time
from collections import deque
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, NamedTuple


class Answer(NamedTuple):
    status: int = 200
    body: bytes = b""
    headers: tuple[tuple[str, str], ...] = (("Content-Type", "application/json"),)
    drop: bool = False  # close the connection without an answer
    delay: float = 0.0  # seconds before answering
    trickle: float = 0.0  # seconds between chunks of the body (and of its headers)
    chunk: int = 1


class Received(NamedTuple):
    method: str
    target: str
    headers: dict[str, str]
    body: bytes
    at: float


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: _Server

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - stdlib signature
        pass

    def _answer(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        hostile = self.server.hostile
        hostile.received.append(
            Received(
                self.command,
                self.path,
                {k.lower(): v for k, v in self.headers.items()},
                body,
                time.monotonic(),
            )
        )
        answer = hostile.next_answer()
        if answer.delay:
            time.sleep(answer.delay)
        if answer.drop:
            self.close_connection = True
            self.connection.shutdown(socket.SHUT_RDWR)
            return
        try:
            self.send_response(answer.status)
            for name, value in answer.headers:
                self.send_header(name, value)
            if not any(name.lower() == "content-length" for name, _ in answer.headers):
                self.send_header("Content-Length", str(len(answer.body)))
            self.end_headers()
            if not answer.trickle:
                self.wfile.write(answer.body)
            else:
                self.wfile.flush()
                for start in range(0, len(answer.body), answer.chunk):
                    if hostile.stopping.is_set():
                        break
                    self.wfile.write(answer.body[start : start + answer.chunk])
                    self.wfile.flush()
                    time.sleep(answer.trickle)
            self.wfile.flush()
        except OSError:  # the client gave up
            self.close_connection = True

    do_GET = do_POST = do_PUT = do_DELETE = do_HEAD = _answer


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    hostile: HostileServer

    def handle_error(self, request: Any, client_address: Any) -> None:
        pass  # a client that gave up (a timeout, a cancellation, a cap) is no server error


class HostileServer:
    def __init__(self) -> None:
        self._server = _Server(("127.0.0.1", 0), _Handler)
        self._server.hostile = self
        self._answers: deque[Answer] = deque([Answer()])
        self._lock = threading.Lock()
        self.received: list[Received] = []
        self.stopping = threading.Event()
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host!s}:{port}"

    def script(self, *answers: Answer) -> None:
        with self._lock:
            self._answers = deque(answers)
        self.received.clear()

    def next_answer(self) -> Answer:
        with self._lock:
            return self._answers.popleft() if len(self._answers) > 1 else self._answers[0]

    def __enter__(self) -> HostileServer:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stopping.set()
        self._server.shutdown()
        self._server.server_close()
