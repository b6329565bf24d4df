"""The request id of a successful call: every seed client's response model carries the id its
vendor sent in a header (``x-oss-request-id``, ``x-acs-request-id``, ``X-Request-Id``) as
``_request_id``, sync and async; for Alibaba Cloud RPC it is the body's ``RequestId`` too."""

from __future__ import annotations

import re
from typing import Any

import pytest

from generated.alibabacloud.cloudsso import AsyncCloudSsoClient, CloudSsoClient
from generated.alibabacloud.ens import AsyncEnsClient, EnsClient
from generated.alibabacloud.oss import AsyncOssClient, OssClient
from generated.huaweicloud.ga import AsyncGaClient, GaClient
from tests.clients.support import ALIBABA, HUAWEI
from tests.fakecloud import FakeCloud

OSS_ID = re.compile(r"[0-9A-F]{24}")  # the fake's x-oss-request-id
UUID = re.compile(r"[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}")

CASES: list[Any] = [
    pytest.param(OssClient, AsyncOssClient, ALIBABA, "list_resource_pools", OSS_ID, id="oss"),
    pytest.param(EnsClient, AsyncEnsClient, ALIBABA, "list_buckets", UUID, id="ens"),
    pytest.param(
        CloudSsoClient, AsyncCloudSsoClient, ALIBABA, "list_directories", UUID, id="cloudsso"
    ),
    pytest.param(GaClient, AsyncGaClient, HUAWEI, "list_byoip_pools", UUID, id="ga"),
]


def _check(response: Any, pattern: re.Pattern[str]) -> None:
    request_id = response._request_id
    assert isinstance(request_id, str) and pattern.fullmatch(request_id), request_id
    body_id = getattr(response, "request_id", None)  # RPC bodies document RequestId
    assert body_id in (None, request_id)


@pytest.mark.parametrize(("sync", "_async", "credentials", "method", "pattern"), CASES)
def test_sync_response_carries_the_request_id(
    cloud: FakeCloud,
    sync: Any,
    _async: Any,
    credentials: dict[str, str],
    method: str,
    pattern: re.Pattern[str],
) -> None:
    with sync(endpoint=cloud.url, **credentials) as client:
        first, second = getattr(client, method)(), getattr(client, method)()
    _check(first, pattern)
    _check(second, pattern)
    assert first._request_id != second._request_id  # one per response


@pytest.mark.parametrize(("sync", "_async", "credentials", "method", "pattern"), CASES)
async def test_async_response_carries_the_request_id(
    cloud: FakeCloud,
    sync: Any,
    _async: Any,
    credentials: dict[str, str],
    method: str,
    pattern: re.Pattern[str],
) -> None:
    async with _async(endpoint=cloud.url, **credentials) as client:
        response = await getattr(client, method)()
    _check(response, pattern)
