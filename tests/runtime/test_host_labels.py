"""Values carried in the host name (``in: host`` parameters): where each endpoint puts them,
and what never leaves. The wire form is judged against alibabacloud-oss-v2 and
aliyun-log-python-sdk in ``tests/wire/test_host_requests.py``; this is the rule itself."""

from __future__ import annotations

import pytest

from sdk_runtime.endpoints import is_ip_host, resolve_endpoint
from sdk_runtime.http import HttpRequest
from sdk_runtime.protocols import REST_XML
from sdk_runtime.service import OperationSpec, ServiceSpec
from tests.runtime.specs import service_spec

OSS = service_spec("rest-xml", "oss-xml", "oss4-hmac-sha256")._replace(
    endpoint="https://oss-{region}.aliyuncs.com", ip_address_style="path"
)
SLS = OSS._replace(endpoint="https://{region}.log.aliyuncs.com", ip_address_style="virtual")
GET_OBJECT = OperationSpec(
    name="GetObject",
    method="GET",
    path="/{key}",
    response="GetObjectResponse",
    locations={"bucket": "host", "key": "path", "versionId": "query"},
    host_labels=(("bucket", "bucket"),),
)
TWO_LABELS = GET_OBJECT._replace(
    path="/",
    locations={"bucket": "host", "accountId": "host"},
    host_labels=(("bucket", "bucket"), ("accountId", "account_id")),
)


def _request(
    service: ServiceSpec,
    endpoint: str | None,
    params: dict[str, object],
    op: OperationSpec = GET_OBJECT,
) -> HttpRequest:
    scheme, host = resolve_endpoint(service, "cn-hangzhou", endpoint)
    return REST_XML.build_request(service, op, params, scheme, host, service.signing, {})


@pytest.mark.parametrize(
    ("endpoint", "host"),
    [
        (None, "examplebucket.oss-cn-hangzhou.aliyuncs.com"),
        (
            "https://oss-cn-hangzhou-internal.aliyuncs.com",
            "examplebucket.oss-cn-hangzhou-internal.aliyuncs.com",
        ),
        ("http://localhost:8080", "examplebucket.localhost:8080"),  # a name, not an IP
    ],
)
def test_the_bucket_goes_in_front_of_the_endpoint_host(endpoint: str | None, host: str) -> None:
    request = _request(OSS, endpoint, {"bucket": "examplebucket", "key": "a.txt"})
    assert (request.host, request.headers["host"], request.path) == (host, host, "/a.txt")
    assert request.host_labels == ("examplebucket",)
    assert request.query == []  # the host value is sent in the host only


@pytest.mark.parametrize(
    "endpoint", ["http://127.0.0.1:8080", "http://[::1]:8080", "http://10.0.0.1"]
)
def test_an_ip_endpoint_takes_the_bucket_in_the_path(endpoint: str) -> None:
    """oss-v2's path style for an IP endpoint: ``/<bucket>/<key>``, the host as given."""
    request = _request(OSS, endpoint, {"bucket": "examplebucket", "key": "a.txt"})
    host = endpoint.split("://")[1]
    assert (request.host, request.headers["host"]) == (host, host)
    assert request.path == "/examplebucket/a.txt"
    assert request.host_labels == ()  # nothing in the host: the path is the resource


def test_a_bucket_operation_on_an_ip_endpoint_ends_in_a_slash() -> None:
    request = _request(
        OSS,
        "http://127.0.0.1:8080",
        {"bucket": "examplebucket"},
        TWO_LABELS._replace(locations={"bucket": "host"}, host_labels=(("bucket", "bucket"),)),
    )
    assert request.path == "/examplebucket/"


def test_virtual_style_on_an_ip_keeps_the_labels_in_the_host_header() -> None:
    """aliyun-log's way: connect to the IP, name ``<project>.<ip>`` in the Host header."""
    request = _request(SLS, "http://127.0.0.1:8080", {"bucket": "my-project", "key": "x"})
    assert request.host == "127.0.0.1:8080"
    assert request.headers["host"] == "my-project.127.0.0.1:8080"
    assert (request.path, request.host_labels) == ("/x", ("my-project",))


def test_labels_go_outermost_first() -> None:
    request = _request(OSS, None, {"bucket": "b1", "accountId": "1234"}, TWO_LABELS)
    assert request.host == "b1.1234.oss-cn-hangzhou.aliyuncs.com"
    assert request.host_labels == ("b1", "1234")
    ip = _request(OSS, "http://127.0.0.1", {"bucket": "b1", "accountId": "1234"}, TWO_LABELS)
    assert ip.path == "/b1/1234/"


@pytest.mark.parametrize(
    "value",
    [
        "evil.example#",
        "evil.example",
        "evil.example:8080",
        "a/b",
        "a@b",
        "-bucket",
        "bucket-",
        "",
        "x" * 64,
        "bücket",
        " bucket",
        "bucket\r\nHost: evil",
        123,
    ],
)
def test_a_value_that_is_no_dns_label_raises_naming_the_keyword(value: object) -> None:
    with pytest.raises(ValueError, match=r"^account_id must be one DNS label") as caught:
        _request(OSS, None, {"bucket": "b1", "accountId": value}, TWO_LABELS)
    assert len(str(caught.value)) < 200


def test_labels_of_one_to_63_characters_pass() -> None:
    for value in ("a", "0", "a-b", "A1", "x" * 63):
        assert _request(OSS, None, {"bucket": value, "key": "k"}).host_labels == (value,)


def test_a_missing_host_value_raises_before_sending() -> None:
    with pytest.raises(ValueError, match=r"^GetObject needs bucket, which the host name carries"):
        _request(OSS, None, {"bucket": None, "key": "k"})


def test_operations_without_host_labels_are_untouched() -> None:
    op = GET_OBJECT._replace(locations={"key": "path"}, host_labels=())
    request = _request(OSS, None, {"key": "k"}, op)
    assert (request.host, request.path, request.host_labels) == (
        "oss-cn-hangzhou.aliyuncs.com",
        "/k",
        (),
    )


def test_a_copy_keeps_the_labels() -> None:
    request = _request(OSS, None, {"bucket": "b1", "key": "k"})
    assert request.copy().host_labels == ("b1",)


@pytest.mark.parametrize(
    ("host", "ip"),
    [
        ("127.0.0.1", True),
        ("127.0.0.1:8080", True),
        ("[::1]:8080", True),
        ("[2001:db8::1]", True),
        ("oss-cn-hangzhou.aliyuncs.com", False),
        ("localhost:8080", False),
        ("1host.example", False),
    ],
)
def test_is_ip_host(host: str, ip: bool) -> None:
    assert is_ip_host(host) is ip
