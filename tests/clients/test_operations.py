"""Every documented operation, sync and async, over the default transports and httpx.

Each response field the docs list must come back populated, with the documented type
(``datetime`` where the spec says date-time), and the fake cloud's official signers must
have accepted every request.
"""

from __future__ import annotations

import re
from collections.abc import AsyncIterator, Iterator, Mapping
from datetime import datetime, timedelta
from typing import Any

import httpx
import pytest

from generated.alibabacloud.cloudsso import (
    AsyncCloudSsoClient,
    CloudSsoClient,
    Directory,
    ListDirectoriesResponse,
)
from generated.alibabacloud.ens import AsyncEnsClient, BucketInfo, EnsClient, ListBucketsResponse
from generated.alibabacloud.oss import (
    AsyncOssClient,
    ListResourcePoolsResponse,
    OssClient,
    ResourcePool,
)
from generated.huaweicloud.ga import (
    AsyncGaClient,
    ByoipPool,
    GaClient,
    ListByoipPoolsResponse,
    PageInfo,
)
from tests.clients.support import ALIBABA, HUAWEI
from tests.fakecloud import (
    ALIBABA_ACCESS_KEY_ID,
    CLOUDSSO_DIRECTORIES,
    ENS_BUCKETS,
    GA_BYOIP_POOLS,
    HUAWEI_AK,
    HUAWEI_PROJECT_ID,
    OSS_RESOURCE_POOLS,
    FakeCloud,
)
from tests.fakecloud.data import OSS_OWNER

UUID_UPPER = r"[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}"


def expected(record: Mapping[str, str], *time_fields: str) -> dict[str, Any]:
    """A data-set record as the model should dump it (by alias): times as aware datetimes."""
    return {k: datetime.fromisoformat(v) if k in time_fields else v for k, v in record.items()}


def assert_utc_datetimes(model: Any, *attributes: str) -> None:
    for attribute in attributes:
        value = getattr(model, attribute)
        assert isinstance(value, datetime), (attribute, value)
        assert value.utcoffset() == timedelta(0)


@pytest.fixture(params=["default", "httpx"])
def sync_http(request: pytest.FixtureRequest) -> Iterator[httpx.Client | None]:
    if request.param == "default":
        yield None
        return
    with httpx.Client() as client:
        yield client


@pytest.fixture(params=["default", "httpx"])
async def async_http(request: pytest.FixtureRequest) -> AsyncIterator[httpx.AsyncClient | None]:
    if request.param == "default":
        yield None
        return
    async with httpx.AsyncClient() as client:
        yield client


# --------------------------------------------------------------------------- OSS


def check_oss_first_page(cloud: FakeCloud, page: ListResourcePoolsResponse) -> None:
    assert isinstance(page, ListResourcePoolsResponse)
    assert page.region == "oss-cn-hangzhou"
    assert page.owner == OSS_OWNER
    assert page.continuation_token is None  # none was sent
    assert page.is_truncated is True
    assert isinstance(page.next_continuation_token, str) and page.next_continuation_token
    assert page.resource_pool is not None
    assert all(isinstance(p, ResourcePool) for p in page.resource_pool)
    assert [p.model_dump(by_alias=True) for p in page.resource_pool] == [
        expected(p, "CreateTime") for p in OSS_RESOURCE_POOLS[:10]
    ]
    for pool in page.resource_pool:
        assert_utc_datetimes(pool, "create_time")
    (request,) = cloud.requests
    assert (request.method, request.path) == ("GET", "/")
    assert request.params == {"resourcePool": "", "max-keys": "10"}
    assert request.verified
    assert cloud.rejected == []


def check_oss_last_page(page: ListResourcePoolsResponse, token: str) -> None:
    assert page.continuation_token == token  # echoed by the service
    assert page.is_truncated is False
    assert page.next_continuation_token is None
    assert page.resource_pool is not None
    assert [p.name for p in page.resource_pool] == [p["Name"] for p in OSS_RESOURCE_POOLS[10:]]


def test_oss_list_resource_pools(cloud: FakeCloud, sync_http: httpx.Client | None) -> None:
    with OssClient(endpoint=cloud.url, http_client=sync_http, **ALIBABA) as client:
        first = client.list_resource_pools(max_keys=10)
        check_oss_first_page(cloud, first)
        assert first.next_continuation_token is not None
        last = client.list_resource_pools(
            max_keys=1000, continuation_token=first.next_continuation_token
        )
    check_oss_last_page(last, first.next_continuation_token)
    assert cloud.rejected == []


async def test_async_oss_list_resource_pools(
    cloud: FakeCloud, async_http: httpx.AsyncClient | None
) -> None:
    async with AsyncOssClient(endpoint=cloud.url, http_client=async_http, **ALIBABA) as client:
        first = await client.list_resource_pools(max_keys=10)
        check_oss_first_page(cloud, first)
        assert first.next_continuation_token is not None
        last = await client.list_resource_pools(
            max_keys=1000, continuation_token=first.next_continuation_token
        )
    check_oss_last_page(last, first.next_continuation_token)
    assert cloud.rejected == []


def test_oss_region_is_signed_into_the_scope(cloud: FakeCloud) -> None:
    # The fake answers with the region of the credential scope it verified.
    with OssClient(endpoint=cloud.url, region="cn-shanghai", **ALIBABA) as client:
        page = client.list_resource_pools(max_keys=1)
    assert page.region == "oss-cn-shanghai"
    assert "/cn-shanghai/oss/aliyun_v4_request" in (cloud.requests[0].header("Authorization") or "")
    assert cloud.rejected == []


# --------------------------------------------------------------------------- ENS


def check_ens_all(cloud: FakeCloud, response: ListBucketsResponse) -> None:
    assert isinstance(response, ListBucketsResponse)
    assert response.request_id is not None
    assert re.fullmatch(UUID_UPPER, response.request_id)
    assert response.total_count == len(ENS_BUCKETS)
    assert isinstance(response.total_count, int)
    assert response.bucket_infos is not None
    assert all(isinstance(b, BucketInfo) for b in response.bucket_infos)
    assert [b.model_dump(by_alias=True) for b in response.bucket_infos] == [
        expected(b, "CreateTime", "ModifyTime") for b in ENS_BUCKETS
    ]
    for bucket in response.bucket_infos:
        assert_utc_datetimes(bucket, "create_time", "modify_time")
    # escaped and non-ASCII text survives the round trip
    assert response.bucket_infos[4].comment == '日志 & <backup> "q"'
    (request,) = cloud.requests
    assert request.operation == "ListBuckets" and request.verified
    assert cloud.rejected == []


def check_ens_filtered(response: ListBucketsResponse) -> None:
    videos = [b for b in ENS_BUCKETS if b["BucketName"].startswith("video")]
    assert response.total_count == len(videos) == 7
    assert response.bucket_infos is not None
    assert [b.bucket_name for b in response.bucket_infos] == [b["BucketName"] for b in videos[3:6]]


def check_ens_request(cloud: FakeCloud) -> None:
    request = cloud.requests[-1]
    assert request.params == {"Prefix": "video", "PageNumber": "2", "PageSize": "3"}
    assert request.header("x-acs-action") == "ListBuckets"
    assert request.header("x-acs-version") == "2017-11-10"
    assert (request.header("Authorization") or "").startswith(
        f"ACS3-HMAC-SHA256 Credential={ALIBABA_ACCESS_KEY_ID},"
    )


def test_ens_list_buckets(cloud: FakeCloud, sync_http: httpx.Client | None) -> None:
    with EnsClient(endpoint=cloud.url, http_client=sync_http, **ALIBABA) as client:
        check_ens_all(cloud, client.list_buckets(page_size="100"))
        check_ens_filtered(client.list_buckets(prefix="video", page_number="2", page_size="3"))
    check_ens_request(cloud)
    assert cloud.rejected == []


async def test_async_ens_list_buckets(
    cloud: FakeCloud, async_http: httpx.AsyncClient | None
) -> None:
    async with AsyncEnsClient(endpoint=cloud.url, http_client=async_http, **ALIBABA) as client:
        check_ens_all(cloud, await client.list_buckets(page_size="100"))
        check_ens_filtered(
            await client.list_buckets(prefix="video", page_number="2", page_size="3")
        )
    check_ens_request(cloud)
    assert cloud.rejected == []


# --------------------------------------------------------------------------- CloudSSO


def check_cloudsso(cloud: FakeCloud, response: ListDirectoriesResponse) -> None:
    assert isinstance(response, ListDirectoriesResponse)
    assert response.total_counts == len(CLOUDSSO_DIRECTORIES)
    assert isinstance(response.total_counts, int)
    assert response.request_id is not None
    assert re.fullmatch(UUID_UPPER, response.request_id)
    assert response.directories is not None
    assert all(isinstance(d, Directory) for d in response.directories)
    assert [d.model_dump(by_alias=True) for d in response.directories] == [
        expected(d, "CreateTime", "UpdateTime") for d in CLOUDSSO_DIRECTORIES
    ]
    for directory in response.directories:
        assert_utc_datetimes(directory, "create_time", "update_time")
    (request,) = cloud.requests
    assert request.operation == "ListDirectories" and request.verified
    assert request.header("x-acs-version") == "2021-05-15"
    assert cloud.rejected == []


def test_cloudsso_list_directories(cloud: FakeCloud, sync_http: httpx.Client | None) -> None:
    with CloudSsoClient(endpoint=cloud.url, http_client=sync_http, **ALIBABA) as client:
        check_cloudsso(cloud, client.list_directories())


async def test_async_cloudsso_list_directories(
    cloud: FakeCloud, async_http: httpx.AsyncClient | None
) -> None:
    async with AsyncCloudSsoClient(endpoint=cloud.url, http_client=async_http, **ALIBABA) as client:
        check_cloudsso(cloud, await client.list_directories())


# --------------------------------------------------------------------------- GA


def check_ga(
    cloud: FakeCloud, everything: ListByoipPoolsResponse, first: ListByoipPoolsResponse
) -> None:
    assert isinstance(everything, ListByoipPoolsResponse)
    assert everything.request_id and len(everything.request_id) == 36
    assert everything.byoip_pools is not None
    assert all(isinstance(p, ByoipPool) for p in everything.byoip_pools)
    assert [p.model_dump(by_alias=True) for p in everything.byoip_pools] == [
        expected(p, "created_at", "updated_at") for p in GA_BYOIP_POOLS
    ]
    for pool in everything.byoip_pools:
        assert_utc_datetimes(pool, "created_at", "updated_at")
    assert isinstance(everything.page_info, PageInfo)
    assert everything.page_info.current_count == len(GA_BYOIP_POOLS)
    assert everything.page_info.next_marker is None  # last page

    assert first.page_info is not None
    assert first.page_info.current_count == 5
    assert first.page_info.next_marker == GA_BYOIP_POOLS[4]["id"]
    assert first.byoip_pools is not None
    assert [p.id for p in first.byoip_pools] == [p["id"] for p in GA_BYOIP_POOLS[:5]]

    default_request, limited_request = cloud.requests
    assert (default_request.method, default_request.path) == ("GET", "/v1/byoip-pools")
    assert default_request.params == {}
    assert limited_request.params == {"limit": "5"}
    for request in cloud.requests:
        assert request.verified
        assert request.header("X-Project-Id") == HUAWEI_PROJECT_ID
        assert (request.header("Authorization") or "").startswith(
            f"SDK-HMAC-SHA256 Access={HUAWEI_AK},"
        )
    assert cloud.rejected == []


def test_ga_list_byoip_pools(cloud: FakeCloud, sync_http: httpx.Client | None) -> None:
    with GaClient(endpoint=cloud.url, http_client=sync_http, **HUAWEI) as client:
        check_ga(cloud, client.list_byoip_pools(), client.list_byoip_pools(limit=5))


async def test_async_ga_list_byoip_pools(
    cloud: FakeCloud, async_http: httpx.AsyncClient | None
) -> None:
    async with AsyncGaClient(endpoint=cloud.url, http_client=async_http, **HUAWEI) as client:
        everything = await client.list_byoip_pools()
        check_ga(cloud, everything, await client.list_byoip_pools(limit=5))


# --------------------------------------------------------------------------- RPC V1 / XML

RPC_VARIANTS = [
    pytest.param("acs3-hmac-sha256", None, id="acs3-json"),
    pytest.param("acs3-hmac-sha256", "XML", id="acs3-xml"),
    pytest.param("rpc-v1-hmac-sha1", None, id="v1-json"),
    pytest.param("rpc-v1-hmac-sha1", "XML", id="v1-xml"),
]


def check_rpc_wire(cloud: FakeCloud, signing: str, response_format: str | None) -> None:
    assert cloud.requests
    for request in cloud.requests:
        assert request.verified
        params = request.params
        if signing == "rpc-v1-hmac-sha1":
            assert params["SignatureMethod"] == "HMAC-SHA1"
            assert params["SignatureVersion"] == "1.0"
            assert params["AccessKeyId"] == ALIBABA_ACCESS_KEY_ID
            assert params["Signature"]
            assert request.header("Authorization") is None
        else:
            assert "Signature" not in params
            assert (request.header("Authorization") or "").startswith("ACS3-HMAC-SHA256 ")
        if response_format is None:
            assert "Format" not in params
        else:
            assert params["Format"] == response_format
    assert cloud.rejected == []


@pytest.mark.parametrize(("signing", "response_format"), RPC_VARIANTS)
def test_ens_signing_and_format(
    cloud: FakeCloud, signing: str, response_format: str | None
) -> None:
    with EnsClient(
        endpoint=cloud.url, signing=signing, response_format=response_format, **ALIBABA
    ) as client:
        check_ens_all(cloud, client.list_buckets(page_size="100"))
        single = client.list_buckets(prefix="image-01")  # a one-element list
    assert single.total_count == 1
    assert single.bucket_infos is not None
    assert [b.model_dump(by_alias=True) for b in single.bucket_infos] == [
        expected(ENS_BUCKETS[0], "CreateTime", "ModifyTime")
    ]
    check_rpc_wire(cloud, signing, response_format)


@pytest.mark.parametrize(("signing", "response_format"), RPC_VARIANTS)
async def test_async_ens_signing_and_format(
    cloud: FakeCloud, signing: str, response_format: str | None
) -> None:
    async with AsyncEnsClient(
        endpoint=cloud.url, signing=signing, response_format=response_format, **ALIBABA
    ) as client:
        check_ens_all(cloud, await client.list_buckets(page_size="100"))
    check_rpc_wire(cloud, signing, response_format)


@pytest.mark.parametrize(("signing", "response_format"), RPC_VARIANTS)
def test_cloudsso_signing_and_format(
    cloud: FakeCloud, signing: str, response_format: str | None
) -> None:
    with CloudSsoClient(
        endpoint=cloud.url, signing=signing, response_format=response_format, **ALIBABA
    ) as client:
        check_cloudsso(cloud, client.list_directories())
    check_rpc_wire(cloud, signing, response_format)


@pytest.mark.parametrize(("signing", "response_format"), RPC_VARIANTS)
async def test_async_cloudsso_signing_and_format(
    cloud: FakeCloud, signing: str, response_format: str | None
) -> None:
    async with AsyncCloudSsoClient(
        endpoint=cloud.url, signing=signing, response_format=response_format, **ALIBABA
    ) as client:
        check_cloudsso(cloud, await client.list_directories())
    check_rpc_wire(cloud, signing, response_format)


def test_unknown_signing_scheme_is_refused() -> None:
    with pytest.raises(ValueError, match="signing must be one of"):
        EnsClient(endpoint="http://127.0.0.1:9", signing="oss4-hmac-sha256", **ALIBABA)
