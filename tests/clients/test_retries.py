"""Throttling and transient errors are retried, each attempt freshly signed, honouring the
service's requested wait; other errors are not; retries stop after ``max_retries``."""

from __future__ import annotations

import time

import pytest

from generated.alibabacloud.cloudsso import CloudSsoClient
from generated.alibabacloud.ens import AsyncEnsClient, EnsClient, EnsError, NoPermissionError
from generated.alibabacloud.oss import AsyncOssClient, OssClient, OssError
from generated.huaweicloud.ga import AsyncGaClient, GaClient, GaError
from tests.clients.support import ALIBABA, HUAWEI
from tests.fakecloud import (
    ENS_BUCKETS,
    GA_BYOIP_POOLS,
    HUAWEI_TOKEN,
    OSS_RESOURCE_POOLS,
    FakeCloud,
)


def statuses(cloud: FakeCloud) -> list[int | None]:
    return [r.status for r in cloud.requests]


def check_all_verified(cloud: FakeCloud) -> None:
    assert all(r.verified for r in cloud.requests)
    assert cloud.rejected == []


# --------------------------------------------------------------------------- OSS SlowDown


def test_oss_slowdown_honours_retry_after_and_re_signs(cloud: FakeCloud) -> None:
    cloud.fail_next("ListResourcePools", 503, "SlowDown", retry_after=1)
    with OssClient(endpoint=cloud.url, **ALIBABA) as client:
        started = time.monotonic()
        page = client.list_resource_pools(max_keys=3)
        elapsed = time.monotonic() - started
    assert [p.name for p in page.resource_pool or []] == [p["Name"] for p in OSS_RESOURCE_POOLS[:3]]
    assert statuses(cloud) == [503, 200]
    assert elapsed >= 0.95
    first, second = cloud.requests
    assert second.received_at - first.received_at >= 0.95
    # signed again for the new instant, not replayed
    assert first.header("x-oss-date") != second.header("x-oss-date")
    assert first.header("Authorization") != second.header("Authorization")
    check_all_verified(cloud)


async def test_async_oss_slowdown_then_success(cloud: FakeCloud) -> None:
    cloud.fail_next("ListResourcePools", 503, "SlowDown", times=2)
    async with AsyncOssClient(endpoint=cloud.url, **ALIBABA) as client:
        page = await client.list_resource_pools(max_keys=2)
    assert len(page.resource_pool or []) == 2
    assert statuses(cloud) == [503, 503, 200]
    check_all_verified(cloud)


def test_oss_slowdown_exhausted(cloud: FakeCloud) -> None:
    cloud.fail_next("ListResourcePools", 503, "SlowDown", times=10)
    with (
        OssClient(endpoint=cloud.url, max_retries=2, **ALIBABA) as client,
        pytest.raises(OssError) as caught,
    ):
        client.list_resource_pools()
    assert caught.value.code == "SlowDown"
    assert caught.value.status_code == 503
    assert statuses(cloud) == [503] * 3
    check_all_verified(cloud)


# --------------------------------------------------------------------------- Alibaba RPC


@pytest.mark.parametrize("signing", ["acs3-hmac-sha256", "rpc-v1-hmac-sha1"])
def test_ens_throttling_then_success_re_signs_each_attempt(cloud: FakeCloud, signing: str) -> None:
    cloud.fail_next("ListBuckets", 400, "Throttling.User", times=2)
    with EnsClient(endpoint=cloud.url, signing=signing, **ALIBABA) as client:
        response = client.list_buckets(page_size="100")
    assert len(response.bucket_infos or []) == len(ENS_BUCKETS)
    assert statuses(cloud) == [400, 400, 200]
    if signing == "acs3-hmac-sha256":
        nonces = [r.header("x-acs-signature-nonce") for r in cloud.requests]
        signatures = [r.header("Authorization") for r in cloud.requests]
    else:
        nonces = [r.params["SignatureNonce"] for r in cloud.requests]
        signatures = [r.params["Signature"] for r in cloud.requests]
    assert None not in nonces and len(set(nonces)) == 3
    assert len(set(signatures)) == 3
    check_all_verified(cloud)  # the fake also refuses a reused nonce


async def test_async_ens_throttling_then_success(cloud: FakeCloud) -> None:
    cloud.fail_next("ListBuckets", 400, "Throttling.User")
    async with AsyncEnsClient(endpoint=cloud.url, **ALIBABA) as client:
        response = await client.list_buckets()
    assert response.total_count == len(ENS_BUCKETS)
    assert statuses(cloud) == [400, 200]
    assert len({r.header("x-acs-signature-nonce") for r in cloud.requests}) == 2
    check_all_verified(cloud)


def test_ens_retry_after_in_milliseconds(cloud: FakeCloud) -> None:
    # x-acs-retry-after: 300 (ms) is more precise than the rounded-up "Retry-After: 1"
    cloud.fail_next("ListBuckets", 400, "Throttling.User", retry_after=0.3)
    with EnsClient(endpoint=cloud.url, **ALIBABA) as client:
        client.list_buckets()
    first, second = cloud.requests
    assert 0.28 <= second.received_at - first.received_at < 0.9
    check_all_verified(cloud)


def test_ens_throttling_exhausted(cloud: FakeCloud) -> None:
    cloud.fail_next("ListBuckets", 400, "Throttling.User", times=10)
    with (
        EnsClient(endpoint=cloud.url, max_retries=2, **ALIBABA) as client,
        pytest.raises(EnsError) as caught,
    ):
        client.list_buckets()
    assert type(caught.value) is EnsError
    assert caught.value.code == "Throttling.User"
    assert caught.value.status_code == 400
    assert statuses(cloud) == [400] * 3
    check_all_verified(cloud)


async def test_async_ens_throttling_exhausted(cloud: FakeCloud) -> None:
    cloud.fail_next("ListBuckets", 400, "Throttling.User", times=10)
    async with AsyncEnsClient(endpoint=cloud.url, max_retries=1, **ALIBABA) as client:
        with pytest.raises(EnsError, match="Throttling.User"):
            await client.list_buckets()
    assert statuses(cloud) == [400] * 2
    check_all_verified(cloud)


def test_max_retries_zero_does_not_retry(cloud: FakeCloud) -> None:
    cloud.fail_next("ListBuckets", 400, "Throttling.User")
    with EnsClient(endpoint=cloud.url, max_retries=0, **ALIBABA) as client:
        with pytest.raises(EnsError) as caught:
            client.list_buckets()
        assert caught.value.code == "Throttling.User"
        assert len(cloud.requests) == 1
        # the fault is used up: the next call goes through
        assert client.list_buckets().total_count == len(ENS_BUCKETS)
    assert statuses(cloud) == [400, 200]
    check_all_verified(cloud)


def test_cloudsso_service_unavailable_is_retried(cloud: FakeCloud) -> None:
    cloud.fail_next("ListDirectories", 503, "ServiceUnavailable")
    with CloudSsoClient(endpoint=cloud.url, **ALIBABA) as client:
        assert client.list_directories().total_counts == 2
    assert statuses(cloud) == [503, 200]
    check_all_verified(cloud)


@pytest.mark.parametrize(
    ("status", "code"), [(400, "NoPermission"), (404, "NoSuchBucket"), (400, "Custom.Error")]
)
def test_ens_client_errors_are_not_retried(cloud: FakeCloud, status: int, code: str) -> None:
    cloud.fail_next("ListBuckets", status, code, times=5)
    with EnsClient(endpoint=cloud.url, **ALIBABA) as client, pytest.raises(EnsError):
        client.list_buckets()
    assert statuses(cloud) == [status]
    check_all_verified(cloud)


def test_oss_and_ga_client_errors_are_not_retried(cloud: FakeCloud) -> None:
    cloud.fail_next("ListResourcePools", 403, "AccessDenied", times=5)
    cloud.fail_next("ListByoipPools", 400, "GA.0001", times=5)
    with OssClient(endpoint=cloud.url, **ALIBABA) as client, pytest.raises(OssError):
        client.list_resource_pools()
    with GaClient(endpoint=cloud.url, **HUAWEI) as client, pytest.raises(GaError):
        client.list_byoip_pools()
    assert statuses(cloud) == [403, 400]
    check_all_verified(cloud)


async def test_async_not_retried(cloud: FakeCloud) -> None:
    cloud.fail_next("ListBuckets", 400, "NoPermission", times=5)
    async with AsyncEnsClient(endpoint=cloud.url, **ALIBABA) as client:
        with pytest.raises(NoPermissionError):
            await client.list_buckets()
    assert statuses(cloud) == [400]


# --------------------------------------------------------------------------- Huawei


def test_ga_429_then_success(cloud: FakeCloud) -> None:
    cloud.fail_next("ListByoipPools", 429, "APIGW.0308", "The throttling threshold is reached")
    with GaClient(endpoint=cloud.url, **HUAWEI) as client:
        response = client.list_byoip_pools()
    assert len(response.byoip_pools or []) == len(GA_BYOIP_POOLS)
    assert statuses(cloud) == [429, 200]
    check_all_verified(cloud)


async def test_async_ga_429_then_success(cloud: FakeCloud) -> None:
    cloud.fail_next("ListByoipPools", 429, "APIGW.0308", times=2)
    async with AsyncGaClient(endpoint=cloud.url, **HUAWEI) as client:
        ids = [p.id async for p in client.iter_list_byoip_pools(limit=5)]
    assert ids == [p["id"] for p in GA_BYOIP_POOLS]
    assert statuses(cloud) == [429, 429, 200, 200, 200]
    check_all_verified(cloud)


def test_ga_server_error_retried_then_exhausted(cloud: FakeCloud) -> None:
    cloud.fail_next("ListByoipPools", 500, "GA.5000", "internal", times=4)
    with (
        GaClient(endpoint=cloud.url, max_retries=3, **HUAWEI) as client,
        pytest.raises(GaError) as caught,
    ):
        client.list_byoip_pools()
    assert caught.value.code == "GA.5000"
    assert caught.value.status_code == 500
    assert statuses(cloud) == [500] * 4
    check_all_verified(cloud)


def test_ga_429_exhausted_with_token(cloud: FakeCloud) -> None:
    cloud.fail_next("ListByoipPools", 429, "APIGW.0308", times=3)
    with GaClient(endpoint=cloud.url, auth_token=HUAWEI_TOKEN, max_retries=1) as client:
        with pytest.raises(GaError) as caught:
            client.list_byoip_pools()
        assert caught.value.status_code == 429
        assert statuses(cloud) == [429, 429]
    check_all_verified(cloud)


# --------------------------------------------------------------------------- mid-page retries


def test_throttled_page_is_retried_mid_iteration(cloud: FakeCloud) -> None:
    with OssClient(endpoint=cloud.url, **ALIBABA) as client:
        items = client.iter_list_resource_pools(max_keys=10)
        first = [next(items) for _ in range(10)]
        cloud.fail_next("ListResourcePools", 503, "SlowDown")
        rest = list(items)
    assert [p.name for p in first + rest] == [p["Name"] for p in OSS_RESOURCE_POOLS]
    assert statuses(cloud) == [200, 503, 200, 200]
    # the retried page request carried the same continuation token both times
    assert cloud.requests[1].params == cloud.requests[2].params
    check_all_verified(cloud)
