"""A lean loopback HTTP/1.1 server for the benchmarks: canned answers, no signature checks.

Run as its own process so it does not share the GIL with the client being measured::

    python bench/server.py            # prints "PORT <n>" on stdout once listening

Routes (the shapes of the fake cloud's answers, 10 items per list unless paging):

* ``GET /?resourcePool...``                OSS ListResourcePools (XML, 10 pools, truncated)
* ``POST /`` with ``x-acs-action`` header  ENS ListBuckets / CloudSSO ListDirectories (JSON)
  (or ``Action=`` in the query)
* ``GET /v1/byoip-pools``                  GA ListByoipPools (JSON, 10 pools)
* ``POST /`` ``DescribeEipAddresses``       VPC (its doc page's example, each one-element list
  written as an object there doubled into a list of two, so the tea SDK decodes it too)
* ``POST /`` ``GetResourceConfigurationTimeline``  Config (its doc page's example)
* ``GET /logstores/<name>?type=log...``     SLS GetLogs (a JSON array of 10 logs,
  ``x-log-progress`` / ``x-log-count``); the project is in the Host header only
* ``GET /v2/<project>/cloudvolumes/detail``  EVS ListVolumes (its doc page's example)
* ``GET /v1/byoip-pools?marker=bench-<pages>-<n>&limit=<k>``
  GA pages for the pagination benchmark: page ``n`` of ``pages`` with ``k`` items each;
  every page but the last carries ``page_info.next_marker = bench-<pages>-<n+1>``.

A proxy request's absolute target (``GET http://host/path``) is routed by its path.
Keep-alive, TCP_NODELAY, Content-Length on every answer; asyncio with a hand-rolled parser
(no per-request thread, no header objects) so the server costs as little as possible.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import socket
import sys
import uuid
from collections.abc import Callable
from pathlib import Path
from urllib.parse import parse_qsl

_REQUEST_ID = "4C5E7D2A-1B3F-4E6A-9C8D-0A1B2C3D4E5F"
_XML_DECL = '<?xml version="1.0" encoding="UTF-8"?>\n'


def _oss_body() -> bytes:
    lines = [_XML_DECL + "<ListResourcePoolsResult>"]
    lines.append("  <Region>oss-cn-hangzhou</Region>")
    lines.append("  <Owner>1031234567890123</Owner>")
    lines.append("  <NextContinuationToken>+//+cnA9AAo=</NextContinuationToken>")
    lines.append("  <IsTruncated>true</IsTruncated>")
    for i in range(10):
        lines.append("  <ResourcePool>")
        lines.append(f"    <Name>resource-pool-for-ai-{i + 1:02d}</Name>")
        lines.append(f"    <CreateTime>2024-11-29T{8 + i:02d}:42:32.000Z</CreateTime>")
        lines.append("  </ResourcePool>")
    lines.append("</ListResourcePoolsResult>\n")
    return "\n".join(lines).encode()


def _ens_body() -> bytes:
    buckets = [
        {
            "BucketAcl": "private",
            "BucketName": f"image-{i + 1:02d}",
            "Comment": f"numb {i + 1}",
            "CreateTime": "2023-10-26T08:42:32Z",
            "LogicalBucketType": "sink",
            "ModifyTime": "2023-10-26T09:42:32Z",
            "EnsRegionId": "cn-dalian-unicom",
        }
        for i in range(10)
    ]
    body = {"RequestId": _REQUEST_ID, "BucketInfos": buckets, "TotalCount": 23}
    return json.dumps(body, separators=(",", ":")).encode()


def _sso_body() -> bytes:
    directories = [
        {
            "DirectoryId": "d-00fc2p61abcd",
            "CreateTime": "2021-06-30T08:35:26Z",
            "UpdateTime": "2021-10-25T09:13:24Z",
            "Region": "cn-shanghai",
            "DirectoryName": "new-example",
        },
        {
            "DirectoryId": "d-01ab3q72efgh",
            "CreateTime": "2022-03-14T01:02:03Z",
            "UpdateTime": "2023-01-09T17:45:00Z",
            "Region": "ap-southeast-1",
            "DirectoryName": "second-directory",
        },
    ]
    body = {"Directories": directories, "RequestId": _REQUEST_ID, "TotalCounts": 2}
    return json.dumps(body, separators=(",", ":")).encode()


def _pool(n: int) -> dict[str, str]:
    return {
        "id": str(uuid.uuid5(uuid.NAMESPACE_URL, f"bench/ga/byoip-pool/{n}")),
        "cidr": f"208.188.{n % 250}.0/24",
        "ip_type": "IPV4",
        "created_at": "2024-11-29T08:42:32Z",
        "updated_at": "2024-11-29T08:47:32Z",
        "area": "CM" if n % 2 else "OUTOFCM",
        "domain_id": "99a3fff0d03c428eac3678da6a7d0f24",
    }


def _ga_body(items: int, next_marker: str | None) -> bytes:
    page_info: dict[str, object] = {"current_count": items}
    if next_marker:
        page_info = {"next_marker": next_marker, **page_info}
    body = {
        "request_id": "0b1c2d3e4f5061728394a5b6c7d8e9f0",
        "byoip_pools": [_POOLS[i % len(_POOLS)] for i in range(items)],
        "page_info": page_info,
    }
    return json.dumps(body, separators=(",", ":")).encode()


_POOLS = [_pool(n) for n in range(500)]


def _response(status: int, body: bytes, content_type: str, extra: str) -> bytes:
    head = (
        f"HTTP/1.1 {status} {'OK' if status == 200 else 'Error'}\r\n"
        f"Content-Type: {content_type}\r\n"
        f"Content-Length: {len(body)}\r\n"
        "Connection: keep-alive\r\n"
        f"{extra}\r\n"
    )
    return head.encode() + body


OSS = _response(
    200,
    _oss_body(),
    "application/xml",
    "x-oss-request-id: 5374A2880232A65C23002D74\r\nServer: AliyunOSS\r\n",
)
ENS = _response(
    200, _ens_body(), "application/json;charset=utf-8", f"x-acs-request-id: {_REQUEST_ID}\r\n"
)
SSO = _response(
    200, _sso_body(), "application/json;charset=utf-8", f"x-acs-request-id: {_REQUEST_ID}\r\n"
)
GA_EXTRA = "X-Request-Id: 0b1c2d3e4f5061728394a5b6c7d8e9f0\r\n"
GA = _response(200, _ga_body(10, "bench-next"), "application/json;charset=UTF-8", GA_EXTRA)
NOT_FOUND = _response(404, b'{"error_code":"APIGW.0101"}', "application/json", "")


def _doc_example(spec: str) -> object:
    """The JSON success example of an operation's spec (its doc page's sample), decoded."""
    import yaml

    doc = yaml.safe_load((Path(__file__).resolve().parent.parent / spec).read_text("utf-8"))
    return json.loads(
        next(
            e["text"] for e in doc["examples"] if e["kind"] == "response" and e["format"] == "json"
        )
    )


def _doubled_lists(value: object) -> object:
    """The doc pages write a one-element list ``{"EipAddresses": {"EipAddress": {...}}}`` as
    its object: every one-key wrapper of a non-list becomes a list of two (the generated
    models accept either, the tea SDK's only a list). Recurses into the items' fields."""
    if isinstance(value, list):
        return [_doubled_lists(item) for item in value]
    if not isinstance(value, dict):
        return value
    out: dict[str, object] = {}
    for key, child in value.items():
        if isinstance(child, dict) and len(child) == 1:
            ((inner, item),) = child.items()
            items = item if isinstance(item, list) else [item, item]
            out[key] = {inner: [_doubled_lists(i) for i in items]}
        else:
            out[key] = _doubled_lists(child)
    return out


def _json_answer(body: object, extra: str) -> bytes:
    data = json.dumps(body, separators=(",", ":")).encode()
    return _response(200, data, "application/json;charset=utf-8", extra)


_ACS_EXTRA = f"x-acs-request-id: {_REQUEST_ID}\r\n"
# Newer RPC operations, answered with their doc page's example (bench/cold_start.py,
# bench/calls.py): action -> (spec, how the example is adapted).
RPC_EXAMPLES: dict[bytes, tuple[str, Callable[[object], object]]] = {
    b"GetResourceConfigurationTimeline": (
        "specs/alibabacloud/config/GetResourceConfigurationTimeline.yaml",
        lambda body: body,
    ),
    b"DescribeEipAddresses": ("specs/alibabacloud/vpc/DescribeEipAddresses.yaml", _doubled_lists),
}
_RPC_ANSWERS: dict[bytes, bytes] = {}


def _rpc_answer(action: bytes) -> bytes:
    if action not in _RPC_ANSWERS:
        spec, adapt = RPC_EXAMPLES[action]
        _RPC_ANSWERS[action] = _json_answer(adapt(_doc_example(spec)), _ACS_EXTRA)
    return _RPC_ANSWERS[action]


def _sls_logs() -> bytes:
    logs = [
        {
            "__time__": 1409529660 + i,
            "__source__": "192.168.1.100",
            "__topic__": "groupA",
            "level": "Information",
            "event_id": f"evt-{i:04d}",
            "message": f"request {i} served in {3 + i} ms",
        }
        for i in range(10)
    ]
    return _response(
        200,
        json.dumps(logs, separators=(",", ":")).encode(),
        "application/json",
        "x-log-requestid: 60AC5164947E71A31F55D8D0\r\n"
        "x-log-progress: Complete\r\nx-log-count: 10\r\n",
    )


SLS = _sls_logs()
_EVS: list[bytes] = []


def _evs_answer() -> bytes:
    if not _EVS:
        body = _doc_example("specs/opentelekomcloud/evs/QueryingDetailsAboutAllDisks.yaml")
        _EVS.append(_json_answer(body, "X-Request-Id: 0b1c2d3e4f5061728394a5b6c7d8e9f0\r\n"))
    return _EVS[0]


def _ga_page(query: str) -> bytes:
    params = dict(parse_qsl(query, keep_blank_values=True))
    marker = params.get("marker", "")
    if not marker.startswith("bench-"):
        return GA
    _, pages, page = marker.split("-")
    limit = int(params.get("limit") or 100)
    nxt = int(page) + 1
    body = _ga_body(limit, f"bench-{pages}-{nxt}" if nxt < int(pages) else None)
    return _response(200, body, "application/json;charset=UTF-8", GA_EXTRA)


def route(method: bytes, target: bytes, headers: dict[bytes, bytes]) -> bytes:
    if target.startswith(b"http://"):  # a proxy request: the absolute URL
        target = b"/" + target[7:].partition(b"/")[2]
    path, _, query = target.partition(b"?")
    if path.startswith(b"/logstores/"):
        return SLS
    if path.startswith(b"/v2/") and path.endswith(b"/cloudvolumes/detail"):
        return _evs_answer()
    if path.startswith(b"/v1/byoip-pools"):
        return _ga_page(query.decode()) if b"marker=bench-" in query else GA
    if path == b"/":
        action = headers.get(b"x-acs-action")
        if action is None and b"Action=" in query:
            action = dict(parse_qsl(query.decode())).get("Action", "").encode()
        if action == b"ListBuckets":
            return ENS
        if action == b"ListDirectories":
            return SSO
        if action in RPC_EXAMPLES:
            return _rpc_answer(action)
        if b"resourcePool" in query:
            return OSS
    return NOT_FOUND


class _Http(asyncio.Protocol):
    __slots__ = ("_buf", "_transport")

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        self._transport = transport  # type: ignore[assignment]
        self._buf = b""
        sock = transport.get_extra_info("socket")
        if sock is not None:
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

    def data_received(self, data: bytes) -> None:
        buf = self._buf + data
        out = []
        while True:
            end = buf.find(b"\r\n\r\n")
            if end < 0:
                break
            head = buf[:end].split(b"\r\n")
            headers = {}
            for line in head[1:]:
                name, _, value = line.partition(b":")
                headers[name.strip().lower()] = value.strip()
            length = int(headers.get(b"content-length", b"0") or 0)
            if len(buf) < end + 4 + length:
                break
            buf = buf[end + 4 + length :]
            method, target, _ = head[0].split(b" ", 2)
            out.append(route(method, target, headers))
        self._buf = buf
        if out:
            self._transport.write(b"".join(out))  # type: ignore[attr-defined]


async def _serve(port: int) -> None:
    loop = asyncio.get_running_loop()
    server = await loop.create_server(_Http, "127.0.0.1", port, backlog=256, reuse_address=True)
    print(f"PORT {server.sockets[0].getsockname()[1]}", flush=True)
    async with server:
        await server.serve_forever()


if __name__ == "__main__":
    with contextlib.suppress(KeyboardInterrupt):
        asyncio.run(_serve(int(sys.argv[1]) if len(sys.argv) > 1 else 0))
