"""Values carried in the host name, judged by the official SDKs on a loopback server.

The clients are generated from the test's own spec tree (``tests/fixtures/host_pages``) into a
temporary package. OSS bucket operations go virtual-hosted (``<bucket>.<endpoint host>``) and,
for an IP endpoint, path style (``/<bucket>/``), each compared with the request
alibabacloud-oss-v2 sends for the same call: Host, path, query and the OSS V4 signature (both
clocks pinned to one instant, so the signatures must be equal). A host name that is no IP
reaches the capture server as its HTTP proxy, never the internet. The SLS project goes in
front of the endpoint host as aliyun-log-python-sdk puts it there (its signature is not in
the runtime yet, so only where the request goes is compared).
"""

from __future__ import annotations

import contextlib
import datetime
import io
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any
from urllib.parse import quote

import pytest
import urllib3

from generator.cli import main
from sdk_runtime.transport import Urllib3Transport
from tests.wire.capture import Captured, Reply, assert_same_request, capture_server

PROJECT = Path(__file__).resolve().parents[2]
SPECS = PROJECT / "tests" / "fixtures" / "host_pages" / "specs"
PACKAGE = "hostpages"
KEY_ID, SECRET = "LTAI-host-test", "host-test-secret"
NOW = datetime.datetime(2024, 5, 17, 8, 30, 45, tzinfo=datetime.UTC)
OSS_ENDPOINT = "http://oss-cn-hangzhou.aliyuncs.com"
BUCKET = "examplebucket"
OSS_SIGNED = ("authorization", "x-oss-date", "x-oss-content-sha256")
REQUEST_ID = "5C3D9175B6FC201293AD4890"
BUCKET_INFO = (
    b'<?xml version="1.0" encoding="UTF-8"?>\n<BucketInfo><Bucket><Name>examplebucket</Name>'
    b"<Location>oss-cn-hangzhou</Location><CreationDate>2013-07-31T10:56:21.000Z</CreationDate>"
    b"</Bucket></BucketInfo>"
)


@pytest.fixture(scope="module")
def hostpages(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, ModuleType]]:
    """``oss`` and ``sls``: the fixture tree's clients, generated into package ``hostpages``."""
    root = tmp_path_factory.mktemp("host_pages")
    args = ["generate", "--specs", str(SPECS), "--templates", str(PROJECT / "templates")]
    with contextlib.redirect_stdout(io.StringIO()):
        code = main([*args, "--out", str(root / PACKAGE), "--package", PACKAGE])
    assert code == 0
    sys.path.insert(0, str(root))
    try:
        import importlib

        yield {
            name: importlib.import_module(f"{PACKAGE}.alibabacloud.{name}")
            for name in ("oss", "sls")
        }
    finally:
        sys.path.remove(str(root))
        for module in [m for m in sys.modules if m == PACKAGE or m.startswith(f"{PACKAGE}.")]:
            del sys.modules[module]


@pytest.fixture
def pinned_clock(monkeypatch: pytest.MonkeyPatch) -> None:
    """Our signer signs at NOW, as the official one below does."""

    class Pinned(datetime.datetime):
        @classmethod
        def now(cls, tz: datetime.tzinfo | None = None) -> Pinned:
            return cls.fromtimestamp(NOW.timestamp(), tz)

    monkeypatch.setattr("sdk_runtime.client.datetime", Pinned)


def _official_oss(endpoint: str, proxy: str | None) -> Any:
    import alibabacloud_oss_v2 as oss
    from alibabacloud_oss_v2.signer import SignerV4
    from alibabacloud_oss_v2.types import SigningContext

    class PinnedClockSigner(SignerV4):
        def sign(self, signing_ctx: SigningContext) -> None:
            signing_ctx.signing_time = NOW
            super().sign(signing_ctx)

    config = oss.config.load_default()
    config.credentials_provider = oss.credentials.StaticCredentialsProvider(KEY_ID, SECRET)
    config.region = "cn-hangzhou"
    config.endpoint = endpoint
    if (
        proxy is not None
    ):  # a dict: oss-v2 turns a str into {"http://": ...}, which requests ignores
        config.proxy_host = {"http": proxy}
    return oss.Client(config, signer=PinnedClockSigner())


def _invoke(client: Any, method: str, parameters: dict[str, str], key: str | None = None) -> Any:
    """The official client's request for an operation input: its addressing and signing,
    without the per-operation serializers (oss-v2's ``get_bucket_info`` and
    ``list_objects_v2`` also add a Content-MD5 of the empty body, which no page asks for)."""
    from alibabacloud_oss_v2.types import OperationInput

    return client.invoke_operation(
        OperationInput(op_name="Test", method=method, parameters=parameters, bucket=BUCKET, key=key)
    )


def _proxied(server_url: str) -> Urllib3Transport:
    return Urllib3Transport(pool_manager=urllib3.ProxyManager(server_url))


def _reply(status: int, body: bytes, **headers: str) -> Any:
    def respond(_request: Captured) -> Reply:
        return status, {"Content-Type": "application/xml", **headers}, body

    return respond


@pytest.mark.usefixtures("pinned_clock")
def test_oss_bucket_in_the_host_matches_oss_v2(hostpages: dict[str, ModuleType]) -> None:
    """Virtual-hosted: Host ``examplebucket.oss-cn-hangzhou.aliyuncs.com``, path ``/``, the
    canonical URI ``/examplebucket/`` in the signature."""
    reply = _reply(200, BUCKET_INFO, **{"x-oss-request-id": REQUEST_ID})
    with capture_server(reply) as server:
        _invoke(_official_oss(OSS_ENDPOINT, server.url), "GET", {"bucketInfo": ""})
        with hostpages["oss"].OssClient(
            endpoint=OSS_ENDPOINT,
            access_key_id=KEY_ID,
            access_key_secret=SECRET,
            http_client=_proxied(server.url),
        ) as ours:
            info = ours.get_bucket_info(bucket=BUCKET)
    theirs, mine = server.requests
    assert mine.host == f"{BUCKET}.oss-cn-hangzhou.aliyuncs.com"
    assert (mine.path, mine.authority) == ("/", mine.host)
    assert_same_request(mine, theirs, OSS_SIGNED)
    assert info.bucket is not None and info.bucket.name == BUCKET
    assert info.x_oss_request_id == REQUEST_ID == info._request_id


@pytest.mark.usefixtures("pinned_clock")
def test_oss_ip_endpoint_goes_path_style_like_oss_v2(hostpages: dict[str, ModuleType]) -> None:
    """An IP endpoint has no room for a bucket label: oss-v2 sends ``/<bucket>/`` to the IP,
    and so do we (``ip_address_style: path``); the signature is the same as virtual-hosted."""
    reply = _reply(200, BUCKET_INFO)
    with capture_server(reply) as server:
        _invoke(_official_oss(server.url, None), "GET", {"bucketInfo": ""})
        with hostpages["oss"].OssClient(
            endpoint=server.url, access_key_id=KEY_ID, access_key_secret=SECRET
        ) as ours:
            ours.get_bucket_info(bucket=BUCKET)
    theirs, mine = server.requests
    assert (mine.host, mine.path) == (server.host, f"/{BUCKET}/")
    assert_same_request(mine, theirs, OSS_SIGNED)


@pytest.mark.usefixtures("pinned_clock")
def test_oss_list_objects_v2_matches_oss_v2(hostpages: dict[str, ModuleType]) -> None:
    params = {
        "list-type": "2",
        "prefix": "logs/2024 ~*",
        "delimiter": "/",
        "max-keys": "100",
        "continuation-token": "CgJiYw==+/x=y",
    }
    body = (
        b"<ListBucketResult><Name>examplebucket</Name><KeyCount>1</KeyCount>"
        b"<IsTruncated>false</IsTruncated><Contents><Key>logs/a.txt</Key><Size>344606</Size>"
        b"</Contents></ListBucketResult>"
    )
    with capture_server(_reply(200, body, **{"x-oss-request-id": REQUEST_ID})) as server:
        _invoke(_official_oss(OSS_ENDPOINT, server.url), "GET", params)
        with hostpages["oss"].OssClient(
            endpoint=OSS_ENDPOINT,
            access_key_id=KEY_ID,
            access_key_secret=SECRET,
            http_client=_proxied(server.url),
        ) as ours:
            page = ours.list_objects_v2(
                bucket=BUCKET,
                prefix="logs/2024 ~*",
                delimiter="/",
                max_keys=100,
                continuation_token="CgJiYw==+/x=y",
            )
    theirs, mine = server.requests
    assert mine.host == f"{BUCKET}.oss-cn-hangzhou.aliyuncs.com"
    assert_same_request(mine, theirs, OSS_SIGNED)
    assert [(c.key, c.size) for c in page.contents or []] == [("logs/a.txt", 344606)]
    assert (page.key_count, page.x_oss_request_id) == (1, REQUEST_ID)


@pytest.mark.usefixtures("pinned_clock")
def test_oss_head_object_meta_reads_its_headers(hostpages: dict[str, ModuleType]) -> None:
    """A HEAD answered with headers only: ETag, Content-Length (long), Last-Modified (an HTTP
    date, as a datetime) and the request id, into the model; the request as oss-v2's."""
    reply = _reply(
        200,
        b"x" * 344606,  # a HEAD: the server sends its Content-Length, not the bytes
        ETag='"5B3C1A2E053D763E1B002CC607C5A0FE1****"',
        **{"Last-Modified": "Fri, 24 Feb 2012 06:07:48 GMT", "x-oss-request-id": REQUEST_ID},
    )
    with capture_server(reply) as server:
        _invoke(_official_oss(OSS_ENDPOINT, server.url), "HEAD", {"objectMeta": ""}, "a.txt")
        with hostpages["oss"].OssClient(
            endpoint=OSS_ENDPOINT,
            access_key_id=KEY_ID,
            access_key_secret=SECRET,
            http_client=_proxied(server.url),
        ) as ours:
            meta = ours.get_object_meta(bucket=BUCKET, key="a.txt")
    theirs, mine = server.requests
    assert (mine.host, mine.path) == (f"{BUCKET}.oss-cn-hangzhou.aliyuncs.com", "/a.txt")
    assert_same_request(mine, theirs, OSS_SIGNED)
    assert meta.e_tag == '"5B3C1A2E053D763E1B002CC607C5A0FE1****"'
    assert meta.content_length == 344606
    assert meta.last_modified == datetime.datetime(2012, 2, 24, 6, 7, 48, tzinfo=datetime.UTC)
    assert meta.x_oss_request_id == REQUEST_ID


OBJECT_KEYS = [
    "dir/a b.txt",
    "a+b%20c~d=e.txt",
    "文件/ü ~*!'();:@&$,.txt",
    "q?x#y",
    "dir/sub/",
    "a//b",
]


@pytest.mark.usefixtures("pinned_clock")
@pytest.mark.parametrize("operation", ["get_object_meta", "head_object"])
@pytest.mark.parametrize("key", OBJECT_KEYS)
@pytest.mark.parametrize("style", ["virtual", "ip"])
def test_oss_object_key_keeps_its_slashes_like_oss_v2(
    hostpages: dict[str, ModuleType], operation: str, key: str, style: str
) -> None:
    """A greedy ``/{key+}``: the key goes on the wire as oss-v2's ``quote(key)`` writes it
    (``dir/a%20b.txt``: its ``/`` kept, everything else encoded once), and the OSS V4
    canonical URI is ``/<bucket>/<key>`` as oss-v2 signs it, virtual-hosted or path style."""
    flags = {"objectMeta": ""} if operation == "get_object_meta" else {}
    with capture_server(_reply(200, b"")) as server:
        if style == "virtual":
            official, endpoint = _official_oss(OSS_ENDPOINT, server.url), OSS_ENDPOINT
            transport: Any = _proxied(server.url)
        else:
            official, endpoint, transport = _official_oss(server.url, None), server.url, None
        _invoke(official, "HEAD", flags, key)
        with hostpages["oss"].OssClient(
            endpoint=endpoint,
            access_key_id=KEY_ID,
            access_key_secret=SECRET,
            http_client=transport,
        ) as ours:
            getattr(ours, operation)(bucket=BUCKET, key=key)
    theirs, mine = server.requests
    prefix = "" if style == "virtual" else f"/{BUCKET}"
    assert mine.raw_path == theirs.raw_path == f"{prefix}/{quote(key)}"
    assert mine.path == f"{prefix}/{key}"
    assert_same_request(mine, theirs, OSS_SIGNED)


@pytest.mark.parametrize(
    "bucket",
    ["evil.example#", "evil.example", "a/b", "-bucket", "bucket-", "", "x" * 64, "café"],
)
def test_a_host_value_that_is_no_dns_label_never_leaves(
    hostpages: dict[str, ModuleType], bucket: str
) -> None:
    with (
        capture_server(_reply(200, BUCKET_INFO)) as server,
        hostpages["oss"].OssClient(
            endpoint=OSS_ENDPOINT,
            access_key_id=KEY_ID,
            access_key_secret=SECRET,
            http_client=_proxied(server.url),
        ) as ours,
        pytest.raises(ValueError, match=r"^bucket must be one DNS label"),
    ):
        ours.get_bucket_info(bucket=bucket)
    assert server.requests == []


def _official_sls_get_logstore(endpoint: str, proxy: str, monkeypatch: pytest.MonkeyPatch) -> None:
    from aliyun.log import LogClient

    for name in ("NO_PROXY", "no_proxy"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("HTTP_PROXY", proxy)  # requests (under aliyun-log) honours it
    try:
        LogClient(endpoint, KEY_ID, SECRET).get_logstore("ali-test-project", "app-logs")
    finally:
        monkeypatch.delenv("HTTP_PROXY")


def _sls_reply(_request: Captured) -> Reply:
    body = json.dumps(
        {
            "logstoreName": "app-logs",
            "ttl": 30,
            "shardCount": 2,
            # what aliyun-log's GetLogStoreResponse reads besides
            "enable_tracking": False,
            "autoSplit": True,
            "maxSplitShard": 64,
            "appendMeta": True,
            "telemetryType": "",
            "encrypt_conf": {},
            "hot_ttl": 30,
            "mode": "standard",
            "infrequentAccessTTL": 0,
        }
    ).encode()
    return 200, {"Content-Type": "application/json", "x-log-requestid": REQUEST_ID}, body


@pytest.mark.parametrize(
    ("official", "ours", "connects_to"),
    [
        ("cn-hangzhou.log.aliyuncs.com", "http://cn-hangzhou.log.aliyuncs.com", None),
        # aliyun-log sends to a bare IP (port 80) with the project in the Host header only
        ("127.0.0.1", "http://127.0.0.1", "127.0.0.1"),
    ],
    ids=["host-name", "ip"],
)
def test_sls_project_in_the_host_matches_aliyun_log(
    hostpages: dict[str, ModuleType],
    monkeypatch: pytest.MonkeyPatch,
    official: str,
    ours: str,
    connects_to: str | None,
) -> None:
    with capture_server(_sls_reply) as server:
        _official_sls_get_logstore(official, server.url, monkeypatch)
        with hostpages["sls"].SlsClient(
            endpoint=ours,
            access_key_id=KEY_ID,
            access_key_secret=SECRET,
            http_client=_proxied(server.url),
        ) as client:
            store = client.get_log_store(project="ali-test-project", logstore_name="app-logs")
    theirs, mine = server.requests
    assert mine.host == f"ali-test-project.{official}"
    assert (mine.method, mine.host, mine.path) == (theirs.method, theirs.host, theirs.path)
    assert mine.query == theirs.query and mine.body == theirs.body == b""
    # where the connection goes: the virtual host, or the IP (aliyun-log writes the port)
    expected = connects_to or mine.host
    assert mine.authority.removesuffix(":80") == theirs.authority.removesuffix(":80") == expected
    assert (store.ttl, store.shard_count, store.x_log_requestid) == (30, 2, REQUEST_ID)
    assert store._request_id == REQUEST_ID


@pytest.mark.usefixtures("pinned_clock")
def test_the_async_client_sends_the_same_request(hostpages: dict[str, ModuleType]) -> None:
    """The async client (here with an httpx.AsyncClient through the proxy): the same
    virtual-hosted request as the sync one, and the same header fields decoded."""
    import asyncio

    import httpx

    reply = _reply(200, BUCKET_INFO, **{"x-oss-request-id": REQUEST_ID})
    kwargs: dict[str, Any] = {
        "endpoint": OSS_ENDPOINT,
        "access_key_id": KEY_ID,
        "access_key_secret": SECRET,
    }

    async def call(server_url: str) -> Any:
        async with httpx.AsyncClient(proxy=server_url) as http:
            client = hostpages["oss"].AsyncOssClient(http_client=http, **kwargs)
            async with client:
                return await client.get_bucket_info(bucket=BUCKET)

    with capture_server(reply) as server:
        with hostpages["oss"].OssClient(http_client=_proxied(server.url), **kwargs) as ours:
            ours.get_bucket_info(bucket=BUCKET)
        info = asyncio.run(call(server.url))
    sync, async_ = server.requests
    assert async_.host == f"{BUCKET}.oss-cn-hangzhou.aliyuncs.com"
    assert_same_request(async_, sync, OSS_SIGNED)
    assert (info.x_oss_request_id, info._request_id) == (REQUEST_ID, REQUEST_ID)
