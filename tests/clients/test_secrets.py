"""No secret (AccessKey secret, STS token, Huawei SK or IAM token) in any repr, exception
text or log record, including the HTTP libraries' own debug logs during a retried call."""

from __future__ import annotations

import logging
import traceback
from collections.abc import Iterable
from typing import Any

import httpx
import pytest

from generated.alibabacloud.cloudsso import AsyncCloudSsoClient, CloudSsoClient
from generated.alibabacloud.ens import AsyncEnsClient, EnsClient
from generated.alibabacloud.oss import AsyncOssClient, OssClient
from generated.huaweicloud.ga import AsyncGaClient, GaClient
from sdk_runtime.credentials import AlibabaCloudCredentials, HuaweiCloudCredentials
from sdk_runtime.errors import ApiError, DecodeError, RequestTimeoutError, TransportError
from tests.clients.hostile import Answer, HostileServer
from tests.clients.support import ALIBABA, DELAY, TIMEOUT, error_texts, refused_url
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

WRONG_SECRET = "wrong-secret-never-shown"
SECRETS = (
    ALIBABA_ACCESS_KEY_SECRET,
    ALIBABA_STS_ACCESS_KEY_SECRET,
    ALIBABA_STS_SECURITY_TOKEN,
    HUAWEI_SK,
    HUAWEI_TOKEN,
    WRONG_SECRET,
)
STS = {
    "access_key_id": ALIBABA_STS_ACCESS_KEY_ID,
    "access_key_secret": ALIBABA_STS_ACCESS_KEY_SECRET,
    "security_token": ALIBABA_STS_SECURITY_TOKEN,
}
HUAWEI_ALL = {"ak": HUAWEI_AK, "sk": HUAWEI_SK, "project_id": HUAWEI_PROJECT_ID}


def assert_no_secret(texts: Iterable[str]) -> None:
    for text in texts:
        for secret in SECRETS:
            assert secret not in text, f"{secret!r} leaked in {text[:300]!r}"


def exception_texts(error: BaseException) -> list[str]:
    """Everything a program or a log handler may render from an exception."""
    texts = [str(error), repr(error), "".join(traceback.format_exception(error))]
    texts += [repr(arg) for arg in error.args]
    if isinstance(error, ApiError | DecodeError):
        texts += [error.message, error.body.decode("utf-8", "replace")]
    return texts


# --------------------------------------------------------------------------- repr / str


def all_clients(endpoint: str) -> list[Any]:
    return [
        OssClient(endpoint=endpoint, **STS),
        AsyncOssClient(endpoint=endpoint, **STS),
        EnsClient(endpoint=endpoint, **STS),
        AsyncEnsClient(endpoint=endpoint, signing="rpc-v1-hmac-sha1", **STS),
        CloudSsoClient(endpoint=endpoint, **ALIBABA),
        AsyncCloudSsoClient(endpoint=endpoint, **STS),
        GaClient(endpoint=endpoint, auth_token=HUAWEI_TOKEN, **HUAWEI_ALL),
        AsyncGaClient(endpoint=endpoint, auth_token=HUAWEI_TOKEN),
        GaClient(endpoint=endpoint, **HUAWEI_ALL),
    ]


def test_client_repr_and_str() -> None:
    for client in all_clients("http://127.0.0.1:9"):
        texts = [repr(client), str(client), f"{client!r:>10}"]
        assert_no_secret(texts)
        assert type(client).__name__ in repr(client)


def test_credentials_repr_and_str(monkeypatch: pytest.MonkeyPatch) -> None:
    credentials: list[object] = [
        AlibabaCloudCredentials.resolve(
            ALIBABA_STS_ACCESS_KEY_ID, ALIBABA_STS_ACCESS_KEY_SECRET, ALIBABA_STS_SECURITY_TOKEN
        ),
        AlibabaCloudCredentials.resolve(ALIBABA_ACCESS_KEY_ID, ALIBABA_ACCESS_KEY_SECRET),
        HuaweiCloudCredentials.resolve(HUAWEI_AK, HUAWEI_SK, HUAWEI_PROJECT_ID, HUAWEI_TOKEN),
        HuaweiCloudCredentials.resolve(auth_token=HUAWEI_TOKEN),
    ]
    monkeypatch.setenv("ALIBABA_CLOUD_ACCESS_KEY_ID", ALIBABA_STS_ACCESS_KEY_ID)
    monkeypatch.setenv("ALIBABA_CLOUD_ACCESS_KEY_SECRET", ALIBABA_STS_ACCESS_KEY_SECRET)
    monkeypatch.setenv("ALIBABA_CLOUD_SECURITY_TOKEN", ALIBABA_STS_SECURITY_TOKEN)
    monkeypatch.setenv("HUAWEICLOUD_SDK_AK", HUAWEI_AK)
    monkeypatch.setenv("HUAWEICLOUD_SDK_SK", HUAWEI_SK)
    credentials += [AlibabaCloudCredentials.resolve(), HuaweiCloudCredentials.resolve()]
    for item in credentials:
        assert_no_secret([repr(item), str(item), f"{item}", repr([item])])


# --------------------------------------------------------------------------- exceptions


@pytest.mark.parametrize("signing", ["acs3-hmac-sha256", "rpc-v1-hmac-sha1"])
def test_api_error_text_when_the_service_echoes_the_request(cloud: FakeCloud, signing: str) -> None:
    # A signature mismatch: the service answers with its string-to-sign, which carries
    # the security token. The exception must not repeat it.
    credentials = {**STS, "access_key_secret": WRONG_SECRET}
    with (
        EnsClient(endpoint=cloud.url, signing=signing, **credentials) as client,
        pytest.raises(ApiError) as caught,
    ):
        client.list_buckets()
    assert caught.value.code == "SignatureDoesNotMatch"
    assert len(cloud.rejected) == 1  # intended: the signature is wrong
    assert_no_secret(exception_texts(caught.value))


async def test_async_oss_api_error_text(cloud: FakeCloud) -> None:
    credentials = {**STS, "access_key_secret": WRONG_SECRET}
    async with AsyncOssClient(endpoint=cloud.url, **credentials) as client:
        with pytest.raises(ApiError) as caught:
            await client.list_resource_pools()
    assert caught.value.code == "SignatureDoesNotMatch"
    assert_no_secret(exception_texts(caught.value))


def test_ga_api_error_text(cloud: FakeCloud) -> None:
    cloud.fail_next("ListByoipPools", 400, "GA.0001", f"token {HUAWEI_TOKEN} sk {HUAWEI_SK}")
    with (
        GaClient(endpoint=cloud.url, auth_token=HUAWEI_TOKEN, **HUAWEI_ALL) as client,
        pytest.raises(ApiError) as caught,
    ):
        client.list_byoip_pools()
    assert caught.value.code == "GA.0001"
    assert_no_secret(exception_texts(caught.value))
    assert cloud.rejected == []


@pytest.mark.parametrize("transport", ["default", "httpx"])
def test_transport_error_text(transport: str) -> None:
    http = httpx.Client() if transport == "httpx" else None
    with (
        EnsClient(
            endpoint=refused_url(),
            signing="rpc-v1-hmac-sha1",  # token in the query string
            max_retries=0,
            http_client=http,
            **STS,
        ) as client,
        pytest.raises(TransportError) as caught,
    ):
        client.list_buckets()
    if http is not None:
        http.close()
    assert_no_secret(exception_texts(caught.value))


async def test_async_transport_error_text() -> None:
    async with AsyncGaClient(
        endpoint=refused_url(), auth_token=HUAWEI_TOKEN, max_retries=0
    ) as client:
        with pytest.raises(TransportError) as caught:
            await client.list_byoip_pools()
    assert_no_secret(exception_texts(caught.value))


@pytest.mark.parametrize("transport", ["default", "httpx"])
def test_timeout_error_text(slow_cloud: FakeCloud, transport: str) -> None:
    slow_cloud.delay_next("ListBuckets", DELAY)
    http = httpx.Client() if transport == "httpx" else None
    with (
        EnsClient(
            endpoint=slow_cloud.url,
            signing="rpc-v1-hmac-sha1",
            timeout=TIMEOUT,
            max_retries=0,
            http_client=http,
            **STS,
        ) as client,
        pytest.raises(RequestTimeoutError) as caught,
    ):
        client.list_buckets()
    if http is not None:
        http.close()
    assert_no_secret(exception_texts(caught.value))
    assert slow_cloud.rejected == []


async def test_async_timeout_error_text(slow_cloud: FakeCloud) -> None:
    slow_cloud.delay_next("ListResourcePools", DELAY)
    async with AsyncOssClient(
        endpoint=slow_cloud.url, timeout=TIMEOUT, max_retries=0, **STS
    ) as client:
        with pytest.raises(RequestTimeoutError) as caught:
            await client.list_resource_pools()
    assert_no_secret(exception_texts(caught.value))
    assert slow_cloud.rejected == []


# --------------------------------------------------------------------------- logs


def check_records(caplog: pytest.LogCaptureFixture, *required_loggers: str) -> None:
    records = caplog.records
    names = {r.name for r in records}
    for prefix in required_loggers:  # the logs were really captured, at DEBUG
        assert any(n == prefix or n.startswith(prefix + ".") for n in names), names
    retry_logs = [r for r in records if r.name == "sdk_runtime"]
    assert retry_logs, "the retry was not logged"
    texts = [caplog.text]
    for record in records:
        texts += [record.getMessage(), repr(record.args), repr(vars(record))]
    assert_no_secret(texts)


@pytest.fixture
def debug_logs(caplog: pytest.LogCaptureFixture) -> pytest.LogCaptureFixture:
    caplog.set_level(logging.DEBUG)
    caplog.set_level(logging.DEBUG, logger="sdk_runtime")
    return caplog


@pytest.mark.parametrize("signing", ["acs3-hmac-sha256", "rpc-v1-hmac-sha1"])
def test_logs_of_a_retried_ens_call(
    cloud: FakeCloud, debug_logs: pytest.LogCaptureFixture, signing: str
) -> None:
    cloud.fail_next("ListBuckets", 400, "Throttling.User")
    with EnsClient(endpoint=cloud.url, signing=signing, **STS) as client:
        client.list_buckets()
    assert len(cloud.requests) == 2
    assert cloud.rejected == []
    check_records(debug_logs, "urllib3")


def test_logs_of_a_retried_call_through_httpx(
    cloud: FakeCloud, debug_logs: pytest.LogCaptureFixture
) -> None:
    cloud.fail_next("ListDirectories", 400, "Throttling.User")
    with (
        httpx.Client() as http,
        CloudSsoClient(
            endpoint=cloud.url, signing="rpc-v1-hmac-sha1", http_client=http, **STS
        ) as client,
    ):
        client.list_directories()
    assert len(cloud.requests) == 2
    assert cloud.rejected == []
    check_records(debug_logs, "httpx")


async def test_logs_of_a_retried_async_call(
    cloud: FakeCloud, debug_logs: pytest.LogCaptureFixture
) -> None:
    cloud.fail_next("ListResourcePools", 503, "SlowDown")
    cloud.fail_next("ListBuckets", 400, "Throttling.User")
    async with AsyncOssClient(endpoint=cloud.url, **STS) as oss:
        await oss.list_resource_pools()
    async with AsyncEnsClient(endpoint=cloud.url, signing="rpc-v1-hmac-sha1", **STS) as ens:
        await ens.list_buckets()
    async with (
        httpx.AsyncClient() as http,
        AsyncEnsClient(
            endpoint=cloud.url, signing="rpc-v1-hmac-sha1", http_client=http, **STS
        ) as ens_httpx,
    ):
        await ens_httpx.list_buckets()
    assert len(cloud.requests) == 5
    assert cloud.rejected == []
    check_records(debug_logs, "httpx")


@pytest.mark.parametrize("credentials", ["aksk", "token"])
def test_logs_of_a_retried_ga_call(
    cloud: FakeCloud, debug_logs: pytest.LogCaptureFixture, credentials: str
) -> None:
    cloud.fail_next("ListByoipPools", 429, "APIGW.0308")
    kwargs: dict[str, str] = HUAWEI_ALL if credentials == "aksk" else {"auth_token": HUAWEI_TOKEN}
    with GaClient(endpoint=cloud.url, **kwargs) as client:
        client.list_byoip_pools()
    assert len(cloud.requests) == 2
    assert cloud.rejected == []
    check_records(debug_logs, "urllib3")


def test_secrets_still_reach_the_service(cloud: FakeCloud) -> None:
    # the redaction above must not reach the wire
    with EnsClient(endpoint=cloud.url, signing="rpc-v1-hmac-sha1", **STS) as client:
        client.list_buckets()
    assert cloud.requests[0].params["SecurityToken"] == ALIBABA_STS_SECURITY_TOKEN
    assert cloud.rejected == []


# --------------------------------------------------------------------------- hostile input

ALL_CLIENT_CLASSES = [
    OssClient,
    AsyncOssClient,
    EnsClient,
    AsyncEnsClient,
    CloudSsoClient,
    AsyncCloudSsoClient,
    GaClient,
    AsyncGaClient,
]
BAD_REGIONS = [
    "evil.example#",
    "evil.example/",
    "evil.example?",
    "user@evil.example",
    "evil.example:443#",
    "cn-hangzhou.evil.example",
    "",
    "-cn",
    "cn-",
    "a" * 64,
    "cn hangzhou",
    "cn-hangzhou\r\nX: y",
]


@pytest.mark.parametrize("endpoint", [None, "http://127.0.0.1:9"])
@pytest.mark.parametrize("client_class", ALL_CLIENT_CLASSES)
def test_region_must_be_a_host_label(
    cloud: FakeCloud, client_class: Any, endpoint: str | None
) -> None:
    credentials = HUAWEI_ALL if client_class.__name__.endswith("GaClient") else STS
    for region in BAD_REGIONS:
        with pytest.raises(ValueError, match="region must be one host label"):
            client_class(region=region, endpoint=endpoint, **credentials)
    assert cloud.requests == []
    client_class(region="cn-north-4", endpoint=endpoint, **credentials)  # a label is fine


ESCAPED_TOKEN = "hw/iam+token=value"
ECHOES = [
    ESCAPED_TOKEN,
    ESCAPED_TOKEN.replace("/", "\\/"),
    "hw\\/iam\\u002btoken\\u003Dvalue",
    "hw%2Fiam%2btoken%3Dvalue",
    "hw%252Fiam%252Btoken%253Dvalue",
    "hw&#47;iam&#x2B;token=value",
]


@pytest.mark.parametrize("echo", ECHOES)
def test_an_echoed_token_is_masked_in_code_message_request_id_and_body(
    hostile: HostileServer, echo: str
) -> None:
    body = (
        f'{{"error_code": "GA.{echo}", "error_msg": "token {echo}", "request_id": "{echo}"}}'
    ).encode()
    hostile.script(Answer(400, body))
    with (
        GaClient(endpoint=hostile.url, auth_token=ESCAPED_TOKEN, max_retries=0) as client,
        pytest.raises(ApiError) as caught,
    ):
        client.list_byoip_pools()
    error = caught.value
    assert hostile.received[0].headers["x-auth-token"] == ESCAPED_TOKEN  # it was sent
    assert error.code == "GA.****"
    assert error.message == "token ****"
    assert error.request_id == "****"
    for text in error_texts(error):
        assert "iam" not in text, text[:300]


@pytest.mark.parametrize("transport", ["default", "httpx"])
def test_a_transport_error_chains_no_library_exception(
    hostile: HostileServer, transport: str
) -> None:
    hostile.script(Answer(drop=True))  # the request was read, then the connection reset
    http = httpx.Client() if transport == "httpx" else None
    with (
        EnsClient(
            endpoint=hostile.url,
            signing="rpc-v1-hmac-sha1",  # SecurityToken and Signature in the query string
            max_retries=0,
            http_client=http,
            **STS,
        ) as client,
        pytest.raises(TransportError) as caught,
    ):
        client.list_buckets()
    if http is not None:
        http.close()
    assert "SecurityToken=" in hostile.received[0].target
    error = caught.value
    assert error.__cause__ is None and error.__context__ is None
    assert error.sent  # the request may have reached the server
    for text in error_texts(error):
        assert "SecurityToken" not in text and "Signature" not in text, text[:300]


@pytest.mark.parametrize("transport", ["default", "httpx"])
async def test_an_async_transport_error_chains_no_library_exception(
    hostile: HostileServer, transport: str
) -> None:
    hostile.script(Answer(drop=True))
    http = httpx.AsyncClient() if transport == "httpx" else None
    async with AsyncEnsClient(
        endpoint=hostile.url,
        signing="rpc-v1-hmac-sha1",
        max_retries=0,
        http_client=http,
        **STS,
    ) as client:
        with pytest.raises(TransportError) as caught:
            await client.list_buckets()
    if http is not None:
        await http.aclose()
    error = caught.value
    assert error.__cause__ is None and error.__context__ is None
    for text in error_texts(error):
        assert "SecurityToken" not in text and "Signature" not in text, text[:300]


async def test_an_async_timeout_chains_no_library_exception(hostile: HostileServer) -> None:
    hostile.script(Answer(delay=DELAY))
    async with AsyncEnsClient(
        endpoint=hostile.url, signing="rpc-v1-hmac-sha1", timeout=TIMEOUT, max_retries=0, **STS
    ) as client:
        with pytest.raises(RequestTimeoutError) as caught:
            await client.list_buckets()
    assert caught.value.__cause__ is None and caught.value.__context__ is None
    assert caught.value.sent
