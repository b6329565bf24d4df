"""Credentials: STS tokens, the Huawei IAM token, the vendors' environment variables,
and a clear error when none are available."""

from __future__ import annotations

from typing import Any

import pytest

from generated.alibabacloud.cloudsso import AsyncCloudSsoClient, CloudSsoClient
from generated.alibabacloud.ens import AsyncEnsClient, EnsClient
from generated.alibabacloud.oss import AsyncOssClient, OssClient
from generated.huaweicloud.ga import AsyncGaClient, GaClient
from sdk_runtime.errors import ClientError, CredentialsError
from tests.fakecloud import (
    ALIBABA_ACCESS_KEY_ID,
    ALIBABA_ACCESS_KEY_SECRET,
    ALIBABA_STS_ACCESS_KEY_ID,
    ALIBABA_STS_ACCESS_KEY_SECRET,
    ALIBABA_STS_SECURITY_TOKEN,
    HUAWEI_AK,
    HUAWEI_PROJECT_ID,
    HUAWEI_SK,
    HUAWEI_TOKEN,
    FakeCloud,
)

STS = {
    "access_key_id": ALIBABA_STS_ACCESS_KEY_ID,
    "access_key_secret": ALIBABA_STS_ACCESS_KEY_SECRET,
    "security_token": ALIBABA_STS_SECURITY_TOKEN,
}


# --------------------------------------------------------------------------- STS


def test_oss_sts(cloud: FakeCloud) -> None:
    with OssClient(endpoint=cloud.url, **STS) as client:
        assert len(client.list_resource_pools(max_keys=2).resource_pool or []) == 2
    (request,) = cloud.requests
    assert request.header("x-oss-security-token") == ALIBABA_STS_SECURITY_TOKEN
    assert (request.header("Authorization") or "").startswith(
        f"OSS4-HMAC-SHA256 Credential={ALIBABA_STS_ACCESS_KEY_ID}/"
    )
    assert request.verified
    assert cloud.rejected == []


async def test_async_oss_sts(cloud: FakeCloud) -> None:
    async with AsyncOssClient(endpoint=cloud.url, **STS) as client:
        assert (await client.list_resource_pools()).owner
    assert cloud.requests[0].header("x-oss-security-token") == ALIBABA_STS_SECURITY_TOKEN
    assert cloud.rejected == []


def test_ens_sts_acs3_and_v1(cloud: FakeCloud) -> None:
    with EnsClient(endpoint=cloud.url, **STS) as client:
        assert client.list_buckets().total_count == 23
    with EnsClient(endpoint=cloud.url, signing="rpc-v1-hmac-sha1", **STS) as client:
        assert client.list_buckets().total_count == 23
    acs3, v1 = cloud.requests
    assert acs3.header("x-acs-security-token") == ALIBABA_STS_SECURITY_TOKEN
    assert v1.params["SecurityToken"] == ALIBABA_STS_SECURITY_TOKEN
    assert v1.params["AccessKeyId"] == ALIBABA_STS_ACCESS_KEY_ID
    assert acs3.verified and v1.verified
    assert cloud.rejected == []


async def test_async_ens_and_cloudsso_sts(cloud: FakeCloud) -> None:
    async with AsyncEnsClient(endpoint=cloud.url, **STS) as ens:
        assert (await ens.list_buckets()).total_count == 23
    async with AsyncCloudSsoClient(endpoint=cloud.url, **STS) as sso:
        assert (await sso.list_directories()).total_counts == 2
    assert {r.header("x-acs-security-token") for r in cloud.requests} == {
        ALIBABA_STS_SECURITY_TOKEN
    }
    assert cloud.rejected == []


def test_sts_key_without_its_token_is_refused_by_the_service(cloud: FakeCloud) -> None:
    # proves the fake checks the token, so the STS tests above mean something
    with (
        EnsClient(
            endpoint=cloud.url,
            access_key_id=ALIBABA_STS_ACCESS_KEY_ID,
            access_key_secret=ALIBABA_STS_ACCESS_KEY_SECRET,
        ) as client,
        pytest.raises(ClientError, match="InvalidSecurityToken"),
    ):
        client.list_buckets()
    assert len(cloud.rejected) == 1


# --------------------------------------------------------------------------- Huawei token


def test_ga_auth_token_only(cloud: FakeCloud) -> None:
    with GaClient(endpoint=cloud.url, auth_token=HUAWEI_TOKEN) as client:
        assert len(list(client.iter_list_byoip_pools(limit=5))) == 12
    assert len(cloud.requests) == 3
    for request in cloud.requests:
        assert request.header("X-Auth-Token") == HUAWEI_TOKEN
        assert request.header("Authorization") is None
        assert request.header("X-Project-Id") is None
        assert request.verified
    assert cloud.rejected == []


async def test_async_ga_auth_token_with_project(cloud: FakeCloud) -> None:
    async with AsyncGaClient(
        endpoint=cloud.url, auth_token=HUAWEI_TOKEN, project_id=HUAWEI_PROJECT_ID
    ) as client:
        assert len((await client.list_byoip_pools()).byoip_pools or []) == 12
    (request,) = cloud.requests
    assert request.header("X-Auth-Token") == HUAWEI_TOKEN
    assert request.header("X-Project-Id") == HUAWEI_PROJECT_ID
    assert request.header("Authorization") is None
    assert cloud.rejected == []


# --------------------------------------------------------------------------- environment


def test_alibaba_credentials_from_environment(
    cloud: FakeCloud, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ALIBABA_CLOUD_ACCESS_KEY_ID", ALIBABA_ACCESS_KEY_ID)
    monkeypatch.setenv("ALIBABA_CLOUD_ACCESS_KEY_SECRET", ALIBABA_ACCESS_KEY_SECRET)
    with EnsClient(endpoint=cloud.url) as ens, OssClient(endpoint=cloud.url) as oss:
        assert ens.list_buckets().total_count == 23
        assert oss.list_resource_pools().resource_pool
    ens_request, oss_request = cloud.requests
    assert f"Credential={ALIBABA_ACCESS_KEY_ID}," in (ens_request.header("Authorization") or "")
    assert f"Credential={ALIBABA_ACCESS_KEY_ID}/" in (oss_request.header("Authorization") or "")
    assert ens_request.header("x-acs-security-token") is None
    assert cloud.rejected == []


async def test_alibaba_sts_from_environment(
    cloud: FakeCloud, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ALIBABA_CLOUD_ACCESS_KEY_ID", ALIBABA_STS_ACCESS_KEY_ID)
    monkeypatch.setenv("ALIBABA_CLOUD_ACCESS_KEY_SECRET", ALIBABA_STS_ACCESS_KEY_SECRET)
    monkeypatch.setenv("ALIBABA_CLOUD_SECURITY_TOKEN", ALIBABA_STS_SECURITY_TOKEN)
    async with AsyncCloudSsoClient(endpoint=cloud.url) as client:
        assert (await client.list_directories()).total_counts == 2
    with OssClient(endpoint=cloud.url) as oss:
        oss.list_resource_pools()
    sso_request, oss_request = cloud.requests
    assert sso_request.header("x-acs-security-token") == ALIBABA_STS_SECURITY_TOKEN
    assert oss_request.header("x-oss-security-token") == ALIBABA_STS_SECURITY_TOKEN
    assert cloud.rejected == []


def test_keywords_take_precedence_over_environment(
    cloud: FakeCloud, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ALIBABA_CLOUD_ACCESS_KEY_ID", "LTAI-FROM-ENV")
    monkeypatch.setenv("ALIBABA_CLOUD_ACCESS_KEY_SECRET", "env-secret")
    monkeypatch.setenv("HUAWEICLOUD_SDK_AK", "ENV-AK")
    monkeypatch.setenv("HUAWEICLOUD_SDK_SK", "env-sk")
    with EnsClient(
        endpoint=cloud.url,
        access_key_id=ALIBABA_ACCESS_KEY_ID,
        access_key_secret=ALIBABA_ACCESS_KEY_SECRET,
    ) as client:
        client.list_buckets()
    with GaClient(endpoint=cloud.url, ak=HUAWEI_AK, sk=HUAWEI_SK) as ga:
        ga.list_byoip_pools()
    assert len(cloud.requests) == 2
    assert cloud.rejected == []


def test_huawei_credentials_from_environment(
    cloud: FakeCloud, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HUAWEICLOUD_SDK_AK", HUAWEI_AK)
    monkeypatch.setenv("HUAWEICLOUD_SDK_SK", HUAWEI_SK)
    monkeypatch.setenv("HUAWEICLOUD_SDK_PROJECT_ID", HUAWEI_PROJECT_ID)
    with GaClient(endpoint=cloud.url) as client:
        assert len(client.list_byoip_pools().byoip_pools or []) == 12
    (request,) = cloud.requests
    assert (request.header("Authorization") or "").startswith(
        f"SDK-HMAC-SHA256 Access={HUAWEI_AK},"
    )
    assert request.header("X-Project-Id") == HUAWEI_PROJECT_ID
    assert request.verified
    assert cloud.rejected == []


async def test_async_huawei_credentials_from_environment(
    cloud: FakeCloud, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HUAWEICLOUD_SDK_AK", HUAWEI_AK)
    monkeypatch.setenv("HUAWEICLOUD_SDK_SK", HUAWEI_SK)
    async with AsyncGaClient(endpoint=cloud.url) as client:
        await client.list_byoip_pools()
    assert cloud.requests[0].header("X-Project-Id") is None
    assert cloud.rejected == []


# --------------------------------------------------------------------------- missing

MISSING = [
    pytest.param(OssClient, {}, id="oss-none"),
    pytest.param(AsyncOssClient, {"access_key_id": "LTAI"}, id="oss-async-no-secret"),
    pytest.param(EnsClient, {"access_key_secret": "s"}, id="ens-no-id"),
    pytest.param(AsyncEnsClient, {"security_token": "t"}, id="ens-async-token-only"),
    pytest.param(CloudSsoClient, {}, id="cloudsso-none"),
    pytest.param(AsyncCloudSsoClient, {}, id="cloudsso-async-none"),
    pytest.param(GaClient, {}, id="ga-none"),
    pytest.param(GaClient, {"ak": "AK"}, id="ga-no-sk"),
    pytest.param(AsyncGaClient, {"sk": "SK", "project_id": "p"}, id="ga-async-no-ak"),
]


@pytest.mark.parametrize(("client_class", "kwargs"), MISSING)
def test_missing_credentials(cloud: FakeCloud, client_class: Any, kwargs: dict[str, str]) -> None:
    # the cloud fixture has removed the credential variables from the environment
    with pytest.raises(CredentialsError) as caught:
        client_class(endpoint=cloud.url, **kwargs)
    assert isinstance(caught.value, ClientError)
    assert ("ALIBABA_CLOUD_ACCESS_KEY_ID" in str(caught.value)) or (
        "HUAWEICLOUD_SDK_AK" in str(caught.value)
    )
    assert cloud.requests == []


def test_partial_environment_is_missing_credentials(
    cloud: FakeCloud, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ALIBABA_CLOUD_ACCESS_KEY_ID", ALIBABA_ACCESS_KEY_ID)
    monkeypatch.setenv("HUAWEICLOUD_SDK_SK", HUAWEI_SK)
    with pytest.raises(CredentialsError):
        EnsClient(endpoint=cloud.url)
    with pytest.raises(CredentialsError):
        GaClient(endpoint=cloud.url)
