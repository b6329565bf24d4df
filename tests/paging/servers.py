"""Multi-page test servers, one per pagination style, behind ``httpx.MockTransport``.

Each server holds a data set and answers page requests the way its vendor documents them.
It keeps every request and notes a *violation* for what a correct paginator never does:
asking for a page it already served (the same start token, marker, page number or offset),
sending a token it never issued (one that changed its encoding on the way), or asking again
after it answered the documented last page. Tests compare the items they iterate with the
data set and require ``violations == []``; a skipped page shows as missing items.

The clients reach the servers through their public ``http_client=`` keyword, so the whole
client runs (request building, signing, decoding, the runtime's cursor), sync and async.
"""

from __future__ import annotations

import base64
import json
import threading
from collections.abc import AsyncIterator, Callable, Hashable, Iterator, Sequence
from contextlib import asynccontextmanager, contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qsl, quote
from xml.sax.saxutils import escape

import httpx

from tests.clients.support import ALIBABA, HUAWEI

# Object names that need care: query-special characters, a space, a literal "%20", non-ASCII,
# and folders (with delimiter "/") among them. Sorted by code point, as OSS lists.
OBJECT_KEYS = sorted(
    [
        "a b.txt",
        "a%20b.txt",
        "a&b.txt",
        "a+b.txt",
        "a=b.txt",
        "dir one/x.txt",
        "dir one/y.txt",
        "dir+two/z.txt",
        "dir=three/a",
        "dir=three/b",
        "plain",
        "space key.txt",
        "z/1",
        "z/2",
        "é/ü.txt",
        "ü-top",
        "日本/語.txt",
    ]
)


def opaque_token(index: int) -> str:
    """A continuation token as services write them: base64 holding ``+``, ``/`` and ``=``."""
    return base64.b64encode(b"\xff\xff\xfe" + str(index).encode()).decode()


class PagedServer:
    """An httpx handler; subclasses implement :meth:`answer` for one style."""

    def __init__(self) -> None:
        self.requests: list[httpx.Request] = []
        self.served: list[Hashable] = []
        self.violations: list[str] = []
        self.ended = False

    def new_walk(self) -> None:
        """Forget what was served: the next request starts another walk."""
        self.served.clear()
        self.ended = False

    def params(self, request: httpx.Request) -> dict[str, str]:
        """The query (and a form body), percent-decoded once, as the service reads it."""
        found = dict(parse_qsl(request.url.query.decode(), keep_blank_values=True))
        if request.headers.get("content-type", "").startswith("application/x-www-form"):
            found.update(parse_qsl(request.content.decode(), keep_blank_values=True))
        return found

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        if self.ended:
            self.violations.append(f"asked past the last page: {request.url}")
        try:
            key, response, last = self.answer(request, self.params(request))
        except LookupError as error:
            self.violations.append(f"never issued: {error}")
            return httpx.Response(400, json={"Code": "InvalidToken", "Message": str(error)})
        if not self.repeats(response):
            if key in self.served:
                self.violations.append(f"served twice: {key!r}")
            self.served.append(key)
        self.ended = last
        return response

    def repeats(self, response: httpx.Response) -> bool:
        """Whether asking for this page again is documented (SLS Incomplete)."""
        return False

    def answer(
        self, request: httpx.Request, params: dict[str, str]
    ) -> tuple[Hashable, httpx.Response, bool]:
        """(the page's key, the response, whether it is the documented last page)."""
        raise NotImplementedError


# ------------------------------------------------------------------------------- OSS listings


class ObjectListing(PagedServer):
    """OSS ListObjects (``marker``) and ListObjectsV2 (``continuation-token``) over one bucket.

    ``deleted`` names are scanned but not listed (as OSS skips deleted versions), so a page
    may hold no entry at all and still say ``IsTruncated``. ``trailing_empty`` ends on an
    empty page after a last page that said ``IsTruncated``. ``next_marker=False`` leaves out
    ``NextMarker`` (the caller continues from the last key). Under ``encoding-type=url`` the
    names and markers are percent-encoded in the body; the V2 tokens are opaque and are not.
    """

    def __init__(
        self,
        keys: Sequence[str] = OBJECT_KEYS,
        *,
        deleted: Sequence[str] = (),
        trailing_empty: bool = False,
        next_marker: bool = True,
    ) -> None:
        super().__init__()
        self.keys = list(keys)
        self.deleted = set(deleted)
        self.trailing_empty = trailing_empty
        self.next_marker = next_marker
        self.tokens: dict[str, int] = {}

    def listing(self, prefix: str, delimiter: str) -> list[tuple[str, bool]]:
        """(name, is a common prefix) in listing order, deleted names included."""
        entries: dict[str, bool] = {}
        for key in sorted([*self.keys, *self.deleted]):
            if not key.startswith(prefix):
                continue
            rest = key[len(prefix) :]
            if delimiter and delimiter in rest:
                entries[prefix + rest[: rest.index(delimiter) + 1]] = True
            else:
                entries[key] = False
        return sorted(entries.items())

    def answer(
        self, request: httpx.Request, params: dict[str, str]
    ) -> tuple[Hashable, httpx.Response, bool]:
        v2 = params.get("list-type") == "2"
        prefix, delimiter = params.get("prefix", ""), params.get("delimiter", "")
        size = int(params.get("max-keys", "100"))
        entries = self.listing(prefix, delimiter)
        names = [name for name, _ in entries]
        if v2:
            token = params.get("continuation-token")
            start = 0 if token is None else self.tokens[token]  # KeyError: never issued
            key: Hashable = ("token", token)
        else:
            marker = params.get("marker", "")
            if marker and marker not in names:
                raise LookupError(f"marker {marker!r}")
            start = names.index(marker) + 1 if marker else 0
            key = ("marker", marker)
        page = entries[start : start + size]
        after = start + len(page)
        truncated = after < len(entries) or (self.trailing_empty and bool(page))
        encode = params.get("encoding-type") == "url"

        def text(value: str) -> str:
            return quote(value, safe="") if encode else escape(value)

        body = [f"<Name>bucket</Name><Prefix>{text(prefix)}</Prefix><MaxKeys>{size}</MaxKeys>"]
        if delimiter:
            body.append(f"<Delimiter>{text(delimiter)}</Delimiter>")
        if encode:
            body.append("<EncodingType>url</EncodingType>")
        body.append(f"<IsTruncated>{'true' if truncated else 'false'}</IsTruncated>")
        if truncated:
            if v2:
                issued = opaque_token(after)
                self.tokens[issued] = after
                body.append(f"<NextContinuationToken>{issued}</NextContinuationToken>")
            elif self.next_marker:
                body.append(f"<NextMarker>{text(page[-1][0])}</NextMarker>")
        for name, is_prefix in page:
            if name in self.deleted:
                continue
            if is_prefix:
                body.append(f"<CommonPrefixes><Prefix>{text(name)}</Prefix></CommonPrefixes>")
            else:
                body.append(f"<Contents><Key>{text(name)}</Key><Size>{len(name)}</Size></Contents>")
        xml = "<ListBucketResult>" + "".join(body) + "</ListBucketResult>"
        response = httpx.Response(200, text=xml, headers={"Content-Type": "application/xml"})
        return key, response, not truncated

    def expected(self, prefix: str = "", delimiter: str = "") -> tuple[list[str], list[str]]:
        """(object keys, common prefixes) the listing holds, each in order."""
        entries = [(n, p) for n, p in self.listing(prefix, delimiter) if n not in self.deleted]
        return [n for n, p in entries if not p], [n for n, p in entries if p]


# ------------------------------------------------------------------------------- RPC JSON


class RpcList(PagedServer):
    """An Alibaba Cloud RPC list: ``PageNumber``/``PageSize`` with ``TotalCount``, and (with
    ``token_names``) ``NextToken``/``MaxResults``; ``wrap`` builds the body around a page."""

    def __init__(
        self,
        items: Sequence[dict[str, Any]],
        wrap: Callable[[list[dict[str, Any]], dict[str, Any]], dict[str, Any]],
        *,
        page_names: tuple[str, str] | None = ("PageNumber", "PageSize"),
        token_names: tuple[str, str] | None = None,
        default_size: int = 10,
    ) -> None:
        super().__init__()
        self.items = list(items)
        self.wrap = wrap
        self.page_names = page_names
        self.token_names = token_names
        self.default_size = default_size
        self.tokens: dict[str, int] = {}

    def answer(
        self, request: httpx.Request, params: dict[str, str]
    ) -> tuple[Hashable, httpx.Response, bool]:
        meta: dict[str, Any] = {"RequestId": "req", "TotalCount": len(self.items)}
        token_mode = self.token_names is not None and (  # the default when asked neither
            self.page_names is None
            or any(name in params for name in self.token_names)
            or not any(name in params for name in self.page_names)
        )
        if token_mode:
            assert self.token_names is not None
            token_name, size_name = self.token_names
            token = params.get(token_name)
            start = 0 if token is None else self.tokens[token]
            size = int(params.get(size_name, self.default_size))
            key: Hashable = ("token", token)
            after = start + size
            issued = opaque_token(after) if after < len(self.items) else ""
            if issued:
                self.tokens[issued] = after
            meta[token_name] = issued
            last = not issued
        else:
            assert self.page_names is not None
            number_name, size_name = self.page_names
            number = int(params.get(number_name, "1"))
            size = int(params.get(size_name, self.default_size))
            start = (number - 1) * size
            key = ("page", number)
            meta.update({number_name: number, size_name: size})
            last = start + size >= len(self.items)
            if start >= len(self.items) and self.items:
                raise LookupError(f"page {number} is past the data set")
        page = self.items[start : start + size]
        return key, httpx.Response(200, json=self.wrap(page, meta)), last


# ------------------------------------------------------------------------------- EVS volumes


class VolumeList(PagedServer):
    """EVS ``GET /v2/{project_id}/cloudvolumes/detail``: ``marker`` + ``limit`` answered with a
    ``volumes_links`` next link (the marker in its query), or ``offset`` + ``limit``; ``count``
    is the total either way."""

    def __init__(self, ids: Sequence[str], default_limit: int = 1000) -> None:
        super().__init__()
        self.ids = list(ids)
        self.default_limit = default_limit

    def answer(
        self, request: httpx.Request, params: dict[str, str]
    ) -> tuple[Hashable, httpx.Response, bool]:
        limit = int(params.get("limit", self.default_limit))
        key: Hashable
        if "offset" in params:
            start = int(params["offset"])
            key = ("offset", start)
            if start >= len(self.ids):
                raise LookupError(f"offset {start} is past the data set")
        else:
            marker = params.get("marker")
            if marker is not None and marker not in self.ids:
                raise LookupError(f"marker {marker!r}")
            start = 0 if marker is None else self.ids.index(marker) + 1
            key = ("marker", marker)
        page = self.ids[start : start + limit]
        body: dict[str, Any] = {
            "volumes": [{"id": volume, "name": f"disk {volume}"} for volume in page],
            "count": len(self.ids),
        }
        more = start + len(page) < len(self.ids)
        if more and "offset" not in params:
            href = (
                f"https://volume.localdomain.com:8776/v2/project/volumes/detail?limit={limit}"
                f"&marker={quote(page[-1], safe='')}"
            )
            body["volumes_links"] = [{"href": href, "rel": "next"}]
        return key, httpx.Response(200, json=body), not more


# ------------------------------------------------------------------------------- SLS logs


class LogQuery(PagedServer):
    """SLS GetLogs: ``offset``/``line`` over the logs, no total; an empty page is the end.
    The first ``incomplete`` answers for each offset say ``x-log-progress: Incomplete`` (with
    part of the page), as a query still running does; the request must be repeated."""

    def __init__(self, logs: Sequence[dict[str, Any]], *, incomplete: int = 0) -> None:
        super().__init__()
        self.logs = list(logs)
        self.incomplete = incomplete
        self.asked: dict[int, int] = {}

    def new_walk(self) -> None:
        super().new_walk()
        self.asked.clear()

    def repeats(self, response: httpx.Response) -> bool:
        return response.headers["x-log-progress"] == "Incomplete"

    def answer(
        self, request: httpx.Request, params: dict[str, str]
    ) -> tuple[Hashable, httpx.Response, bool]:
        offset, line = int(params.get("offset", "0")), int(params.get("line", "100"))
        if offset > len(self.logs):
            raise LookupError(f"offset {offset} is past the data set")
        asked = self.asked[offset] = self.asked.get(offset, 0) + 1
        page = self.logs[offset : offset + line]
        complete = asked > self.incomplete
        if not complete:
            page = page[: len(page) // 2]
        headers = {
            "x-log-progress": "Complete" if complete else "Incomplete",
            "x-log-count": str(len(page)),
            "Content-Type": "application/json",
        }
        response = httpx.Response(200, content=json.dumps(page).encode(), headers=headers)
        return ("offset", offset), response, complete and not page


# ------------------------------------------------------------------------------- clients


def _credentials(cls: Any) -> dict[str, str]:
    return ALIBABA if ".alibabacloud." in cls.__module__ else HUAWEI


def clients(module: Any) -> tuple[Any, Any]:
    """The sync and async client classes a generated service package exports."""
    sync = next(
        getattr(module, n)
        for n in module.__all__
        if n.endswith("Client") and not n.startswith("Async")
    )
    return sync, getattr(module, f"Async{sync.__name__}")


async def collect(
    mode: str, module: Any, server: PagedServer, endpoint: str, method: str, **params: Any
) -> list[Any]:
    """Everything ``client.<method>(**params)`` yields, with the sync or the async client."""
    sync, asynchronous = clients(module)
    server.new_walk()
    if mode == "sync":
        with sync_client(sync, server, endpoint) as client:
            return list(getattr(client, method)(**params))
    async with async_client(asynchronous, server, endpoint) as client:
        return [item async for item in getattr(client, method)(**params)]


async def collect_pages(
    mode: str, module: Any, server: PagedServer, endpoint: str, method: str, **params: Any
) -> tuple[list[Any], list[object]]:
    """The pages of ``client.<method>_pages(**params)`` and the iterator's ``resume_token``
    after each one."""
    sync, asynchronous = clients(module)
    server.new_walk()
    pages: list[Any] = []
    tokens: list[object] = []
    if mode == "sync":
        with sync_client(sync, server, endpoint) as client:
            walk = getattr(client, f"{method}_pages")(**params)
            for page in walk:
                pages.append(page)
                tokens.append(walk.resume_token)
        return pages, tokens
    async with async_client(asynchronous, server, endpoint) as client:
        awalk = getattr(client, f"{method}_pages")(**params)
        async for page in awalk:
            pages.append(page)
            tokens.append(awalk.resume_token)
    return pages, tokens


MODES = ("sync", "async")


@contextmanager
def loopback(server: PagedServer) -> Iterator[str]:
    """``server`` on a loopback socket (its URL), for the clients' default transports
    (urllib3, aiohttp): each HTTP request becomes the ``httpx.Request`` the handler reads."""

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_GET(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length) if length else b""
            request = httpx.Request(
                self.command,
                f"http://{self.headers['Host']}{self.path}",
                headers=list(self.headers.items()),
                content=body,
            )
            response = server(request)
            payload = response.content
            self.send_response(response.status_code)
            for name, value in response.headers.items():
                if name.lower() not in ("content-length", "transfer-encoding", "connection"):
                    self.send_header(name, value)
            self.send_header("Content-Length", str(len(payload)))
            self.end_headers()
            self.wfile.write(payload)

        do_POST = do_GET

        def log_message(self, format: str, *args: Any) -> None:
            pass

    http = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=http.serve_forever, args=(0.01,), daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{http.server_address[1]}"
    finally:
        http.shutdown()
        http.server_close()
        thread.join()


@contextmanager
def sync_client(cls: Any, server: PagedServer, endpoint: str, **kwargs: Any) -> Iterator[Any]:
    """``cls`` (a generated sync client) talking to ``server``."""
    credentials = _credentials(cls)
    with (
        httpx.Client(transport=httpx.MockTransport(server)) as http,
        cls(endpoint=endpoint, http_client=http, **credentials, **kwargs) as client,
    ):
        yield client


@asynccontextmanager
async def async_client(
    cls: Any, server: PagedServer, endpoint: str, **kwargs: Any
) -> AsyncIterator[Any]:
    """``cls`` (a generated async client) talking to ``server``."""
    credentials = _credentials(cls)
    async with (
        httpx.AsyncClient(transport=httpx.MockTransport(server)) as http,
        cls(endpoint=endpoint, http_client=http, **credentials, **kwargs) as client,
    ):
        yield client
