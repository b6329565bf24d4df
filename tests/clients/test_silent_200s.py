"""A 200 that is not the operation's answer (an HTML proxy page, another content type,
another root element, an error document) raises the service's error or ``DecodeError``:
never an all-empty model."""

from __future__ import annotations

from typing import Any

import pytest

from generated.alibabacloud.ens import EnsClient, EnsError
from generated.alibabacloud.oss import OssClient
from generated.huaweicloud.ga import GaClient, GaError
from sdk_runtime.errors import ApiError, ClientError, DecodeError
from tests.clients.hostile import Answer, HostileServer
from tests.clients.support import ALIBABA, HUAWEI

JSON = (("Content-Type", "application/json"),)
XML = (("Content-Type", "application/xml"),)
HTML = (("Content-Type", "text/html; charset=utf-8"),)
PROXY_PAGE = b"<html><head><title>502</title></head><body><h1>Bad gateway</h1></body></html>"
LOGIN_PAGE = b"<!DOCTYPE html>\n<html><body><form action='/login'></form></body></html>"
XHTML = b'<html xmlns="http://www.w3.org/1999/xhtml"><body>Sign in</body></html>'
OSS_ERROR = b"<Error><Code>AccessDenied</Code><Message>no</Message></Error>"
RPC_ERROR = b'{"Code": "Forbidden.RAM", "Message": "not allowed", "RequestId": "r-1"}'
GA_ERROR = b'{"error_code": "GA.0001", "error_msg": "not allowed", "request_id": "r-1"}'

# (client, call, answer, what it must raise)
CASES: list[tuple[str, Answer, type[ClientError], str | None]] = [
    ("ens", Answer(200, RPC_ERROR, JSON), EnsError, "Forbidden.RAM"),
    ("ens", Answer(200, PROXY_PAGE, HTML), DecodeError, None),
    ("ens", Answer(200, LOGIN_PAGE, HTML), DecodeError, None),
    ("ens", Answer(200, b"{}", HTML), DecodeError, None),
    ("ens", Answer(200, XHTML, XML), DecodeError, None),
    ("ens", Answer(200, OSS_ERROR, XML), DecodeError, None),
    ("ens", Answer(200, b"[]", JSON), DecodeError, None),
    ("ens", Answer(200, b'{"RequestId": "r"}', XML), DecodeError, None),
    ("ga", Answer(200, GA_ERROR, JSON), GaError, "GA.0001"),
    ("ga", Answer(200, PROXY_PAGE, HTML), DecodeError, None),
    ("ga", Answer(200, PROXY_PAGE, JSON), DecodeError, None),
    ("ga", Answer(200, b"{}", HTML), DecodeError, None),
    ("ga", Answer(200, b"<ListByoipPoolsResponse/>", XML), DecodeError, None),
    ("ga", Answer(200, b'"ok"', JSON), DecodeError, None),
    ("oss", Answer(200, PROXY_PAGE, HTML), DecodeError, None),
    ("oss", Answer(200, XHTML, XML), DecodeError, None),
    ("oss", Answer(200, OSS_ERROR, XML), DecodeError, None),
    ("oss", Answer(200, b"{}", JSON), DecodeError, None),
    ("oss", Answer(200, b"<ListResourcePoolsResult/>", HTML), DecodeError, None),
]


def call(name: str, url: str) -> Any:
    if name == "ens":
        with EnsClient(endpoint=url, max_retries=0, **ALIBABA) as ens:
            return ens.list_buckets()
    if name == "ga":
        with GaClient(endpoint=url, max_retries=0, **HUAWEI) as ga:
            return ga.list_byoip_pools()
    with OssClient(endpoint=url, max_retries=0, **ALIBABA) as oss:
        return oss.list_resource_pools()


@pytest.mark.parametrize(("client", "answer", "raised", "code"), CASES)
def test_a_silent_200_raises(
    hostile: HostileServer,
    client: str,
    answer: Answer,
    raised: type[ClientError],
    code: str | None,
) -> None:
    hostile.script(answer)
    with pytest.raises(raised) as caught:
        call(client, hostile.url)
    error = caught.value
    assert error.status_code == 200
    if code is not None:
        assert isinstance(error, ApiError)
        assert error.code == code
        assert error.request_id == "r-1"


def test_a_documented_member_named_like_an_error_marker_is_no_error(
    hostile: HostileServer,
) -> None:
    # the model's own fields never make an answer an error: only unknown members do
    hostile.script(Answer(200, b'{"RequestId": "r", "TotalCount": 1, "Code": "200"}', JSON))
    assert call("ens", hostile.url).total_count == 1
