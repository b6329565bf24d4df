"""A successful answer whose body does not decode raises DecodeError, a ClientError and not
an ApiError, from the sync and the async client of every seed service, over the default
transports and httpx: with the operation, the model, the status and the request id, at
most 200 characters of the body with the secrets masked, and no retry. A list of one shown
as an object decodes."""

from __future__ import annotations

import pickle
from collections.abc import Callable
from typing import Any, NamedTuple

import httpx
import pytest

from generated.alibabacloud.cloudsso import AsyncCloudSsoClient, CloudSsoClient
from generated.alibabacloud.ens import AsyncEnsClient, EnsClient
from generated.alibabacloud.oss import AsyncOssClient, OssClient
from generated.huaweicloud.ga import AsyncGaClient, GaClient
from sdk_runtime.errors import ApiError, ClientError, DecodeError
from tests.clients.test_secrets import STS, assert_no_secret, exception_texts
from tests.fakecloud import (
    ALIBABA_STS_SECURITY_TOKEN,
    HUAWEI_AK,
    HUAWEI_PROJECT_ID,
    HUAWEI_SK,
    HUAWEI_TOKEN,
    FakeCloud,
)


class Service(NamedTuple):
    sync: Callable[..., Any]
    async_: Callable[..., Any]
    method: str
    operation: str
    model: str
    credentials: dict[str, str]
    request_id_header: str
    secret: str  # one of the client's secrets, for the body to echo


HUAWEI_ALL = {"ak": HUAWEI_AK, "sk": HUAWEI_SK, "project_id": HUAWEI_PROJECT_ID}
SERVICES = [
    pytest.param(
        Service(
            OssClient,
            AsyncOssClient,
            "list_resource_pools",
            "ListResourcePools",
            "ListResourcePoolsResponse",
            STS,
            "x-oss-request-id",
            ALIBABA_STS_SECURITY_TOKEN,
        ),
        id="oss",
    ),
    pytest.param(
        Service(
            EnsClient,
            AsyncEnsClient,
            "list_buckets",
            "ListBuckets",
            "ListBucketsResponse",
            STS,
            "x-acs-request-id",
            ALIBABA_STS_SECURITY_TOKEN,
        ),
        id="ens",
    ),
    pytest.param(
        Service(
            CloudSsoClient,
            AsyncCloudSsoClient,
            "list_directories",
            "ListDirectories",
            "ListDirectoriesResponse",
            STS,
            "x-acs-request-id",
            ALIBABA_STS_SECURITY_TOKEN,
        ),
        id="cloudsso",
    ),
    pytest.param(
        Service(
            GaClient,
            AsyncGaClient,
            "list_byoip_pools",
            "ListByoipPools",
            "ListByoipPoolsResponse",
            {**HUAWEI_ALL, "auth_token": HUAWEI_TOKEN},
            "x-request-id",
            HUAWEI_TOKEN,
        ),
        id="ga",
    ),
]
PAGED = [p for p in SERVICES if p.values[0].operation != "ListDirectories"]
GARBAGE = [
    pytest.param(b"<html><body><h1>502 Bad Gateway</h1></body></html>", id="html"),
    pytest.param(b"<html><body><p>unclosed</body></html>", id="broken-html"),
    pytest.param(b'{"RequestId": "r", "TotalCount": ', id="cut-json"),
    pytest.param(b"[]", id="json-array"),
    pytest.param(b"\x00\xffbinary\x1f", id="binary"),
]


def check(error: DecodeError, service: Service, cloud: FakeCloud, body: bytes) -> None:
    assert isinstance(error, ClientError) and not isinstance(error, ApiError)
    assert error.message.startswith(
        f"{service.operation}: the response does not decode into {service.model}: "
    )
    assert (error.operation, error.model, error.status_code) == (
        service.operation,
        service.model,
        200,
    )
    assert len(cloud.requests) == 1  # not retried
    answered = cloud.requests[0]
    assert answered.status == 200 and not answered.rejected
    assert error.request_id  # the vendor's request id header
    assert error.request_id in error.message
    assert error.body == body.decode("utf-8", "replace")[:200].encode()
    assert error.__cause__ is None and error.__context__ is None


@pytest.mark.parametrize("body", GARBAGE)
@pytest.mark.parametrize("service", SERVICES)
@pytest.mark.parametrize("transport", ["default", "httpx"])
def test_a_garbled_200_raises_decode_error(
    cloud: FakeCloud, service: Service, body: bytes, transport: str
) -> None:
    cloud.answer_next(service.operation, body)
    http = httpx.Client() if transport == "httpx" else None
    with (
        service.sync(endpoint=cloud.url, http_client=http, **service.credentials) as client,
        pytest.raises(DecodeError) as caught,
    ):
        getattr(client, service.method)()
    if http is not None:
        http.close()
    check(caught.value, service, cloud, body)


@pytest.mark.parametrize("body", GARBAGE)
@pytest.mark.parametrize("service", SERVICES)
@pytest.mark.parametrize("transport", ["default", "httpx"])
async def test_a_garbled_200_raises_decode_error_async(
    cloud: FakeCloud, service: Service, body: bytes, transport: str
) -> None:
    cloud.answer_next(service.operation, body)
    http = httpx.AsyncClient() if transport == "httpx" else None
    async with service.async_(
        endpoint=cloud.url, http_client=http, **service.credentials
    ) as client:
        with pytest.raises(DecodeError) as caught:
            await getattr(client, service.method)()
    if http is not None:
        await http.aclose()
    check(caught.value, service, cloud, body)


@pytest.mark.parametrize("service", PAGED)
def test_paging_stops_with_the_decode_error(cloud: FakeCloud, service: Service) -> None:
    cloud.answer_next(service.operation, b"garbage")
    with service.sync(endpoint=cloud.url, **service.credentials) as client:
        pages = getattr(client, f"iter_{service.method}")()
        with pytest.raises(DecodeError):
            next(iter(pages))


@pytest.mark.parametrize("service", SERVICES)
async def test_no_secret_in_a_decode_error(cloud: FakeCloud, service: Service) -> None:
    """The body echoes one of the client's secrets (a token) past and before the 200th
    character: neither the message, the excerpt nor a pickle repeats it."""
    body = f'{{"Echo": "{service.secret}", "Broken": '.encode() + b"x" * 300
    body += service.secret.encode()
    cloud.answer_next(service.operation, body)
    async with service.async_(endpoint=cloud.url, **service.credentials) as client:
        with pytest.raises(DecodeError) as caught:
            await getattr(client, service.method)()
    error = caught.value
    assert "****" in error.message
    assert_no_secret([*exception_texts(error), pickle.dumps(error).decode("latin-1")])
    assert_no_secret(repr(value) for value in vars(error).values())


def test_a_json_list_of_one_shown_as_an_object_decodes(cloud: FakeCloud) -> None:
    body = (
        b'{"RequestId": "435769C7-AA6F-4DC5-B3DB-A3DC0DE7E853", "TotalCount": 1,'
        b' "BucketInfos": {"BucketName": "only", "Since": "2024"}}'
    )
    cloud.answer_next("ListBuckets", body)
    with EnsClient(endpoint=cloud.url, **STS) as client:
        result = client.list_buckets()
    assert result.bucket_infos is not None and len(result.bucket_infos) == 1
    assert result.bucket_infos[0].bucket_name == "only"
    assert result.bucket_infos[0].model_extra == {"Since": "2024"}
    assert cloud.rejected == []
