"""The fake cloud, proven against the vendors' OFFICIAL SDK clients and signers.

Every happy-path test ends with ``cloud.rejected == []``: the official signer and the fake's
verifier agree.  Plain-urllib tests cover what the SDKs cannot send (XML answers, tokens,
badly encoded queries) with requests signed by the official signing functions.
"""

from __future__ import annotations

import hashlib
import http.client
import json
import time
import urllib.error
import urllib.request
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any
from urllib.parse import quote, urlencode

import alibabacloud_oss_v2 as oss
import pytest
from alibabacloud_cloudsso20210515.client import Client as CloudSsoClient
from alibabacloud_ens20171110 import models as ens_models
from alibabacloud_ens20171110.client import Client as EnsClient
from alibabacloud_tea_openapi.exceptions import (
    ClientException,
    ServerException,
    ThrottlingException,
)
from alibabacloud_tea_openapi.utils import Utils
from alibabacloud_tea_openapi.utils_models import Config as TeaConfig
from darabonba.policy.retry import RetryCondition, RetryOptions
from darabonba.runtime import RuntimeOptions
from huaweicloudsdkcore.auth.credentials import BasicCredentials
from huaweicloudsdkcore.exceptions.exceptions import ClientRequestException
from huaweicloudsdkcore.http.http_config import HttpConfig
from huaweicloudsdkga.v1 import GaClient, ListByoipPoolsRequest

from tests.fakecloud import (
    ALIBABA_ACCESS_KEY_ID,
    ALIBABA_ACCESS_KEY_SECRET,
    ALIBABA_STS_ACCESS_KEY_ID,
    ALIBABA_STS_ACCESS_KEY_SECRET,
    ALIBABA_STS_SECURITY_TOKEN,
    CLOUDSSO_DIRECTORIES,
    ENS_BUCKETS,
    GA_BYOIP_POOLS,
    HUAWEI_AK,
    HUAWEI_PROJECT_ID,
    HUAWEI_SK,
    HUAWEI_TOKEN,
    OSS_RESOURCE_POOLS,
    FakeCloud,
    running_fakecloud,
)


@pytest.fixture(scope="module")
def _server() -> Iterator[FakeCloud]:
    with running_fakecloud() as cloud:
        yield cloud


@pytest.fixture
def cloud(_server: FakeCloud, monkeypatch: pytest.MonkeyPatch) -> FakeCloud:
    for var in ("HTTP_PROXY", "HTTPS_PROXY", "http_proxy", "https_proxy", "ALL_PROXY"):
        monkeypatch.delenv(var, raising=False)  # the Alibaba SDKs route loopback via proxies
    _server.reset()
    return _server


# --------------------------------------------------------------------------------------------
# helpers: official clients pointed at the fake


def oss_client(
    cloud: FakeCloud,
    key_id: str = ALIBABA_ACCESS_KEY_ID,
    secret: str = ALIBABA_ACCESS_KEY_SECRET,
    token: str | None = None,
    attempts: int = 1,
) -> oss.Client:
    cfg = oss.config.load_default()
    cfg.credentials_provider = oss.credentials.StaticCredentialsProvider(key_id, secret, token)
    cfg.region = "cn-hangzhou"
    cfg.endpoint = cloud.url
    cfg.retry_max_attempts = attempts
    return oss.Client(cfg)


def list_resource_pools(client: oss.Client, **params: str) -> ET.Element:
    """alibabacloud_oss_v2 has no ListResourcePools; send it through invoke_operation."""
    out = client.invoke_operation(
        oss.OperationInput(
            op_name="ListResourcePools",
            method="GET",
            parameters={"resourcePool": "", **params},
        )
    )
    assert out.status_code == 200
    assert out.headers["Content-Type"] == "application/xml"
    return ET.fromstring(out.http_response.content)


def oss_service_error(exc: pytest.ExceptionInfo[oss.exceptions.OperationError]) -> Any:
    err = exc.value.unwrap()
    assert isinstance(err, oss.exceptions.ServiceError)
    return err


def tea_config(cloud: FakeCloud, **kw: Any) -> TeaConfig:
    kw.setdefault("access_key_id", ALIBABA_ACCESS_KEY_ID)
    kw.setdefault("access_key_secret", ALIBABA_ACCESS_KEY_SECRET)
    return TeaConfig(endpoint=cloud.netloc, protocol="http", **kw)


def ens_client(cloud: FakeCloud, **kw: Any) -> EnsClient:
    return EnsClient(tea_config(cloud, **kw))


def ga_client(
    cloud: FakeCloud, sk: str = HUAWEI_SK, timeout: Any = None, retry_times: int = 0
) -> GaClient:
    config = HttpConfig.get_default_config()
    config.retry_times = retry_times
    if timeout is not None:
        config.timeout = timeout
    return (
        GaClient.new_builder()
        .with_credentials(BasicCredentials(HUAWEI_AK, sk, HUAWEI_PROJECT_ID))
        .with_endpoint(cloud.url)  # "http://..." is kept as is: plain http works
        .with_http_config(config)
        .build()
    )


# helpers: requests signed by the official signing functions, sent with urllib


@dataclass
class Answer:
    status: int
    headers: dict[str, str]
    body: bytes
    text: str = field(init=False)

    def __post_init__(self) -> None:
        self.text = self.body.decode("utf-8")


def send(
    url: str, headers: dict[str, str] | None = None, method: str = "GET", data: bytes | None = None
) -> Answer:
    req = urllib.request.Request(url, headers=headers or {}, method=method, data=data)
    try:
        with urllib.request.urlopen(req, timeout=10) as resp:
            return Answer(resp.status, dict(resp.headers.items()), resp.read())
    except urllib.error.HTTPError as err:
        return Answer(err.code, dict(err.headers.items()), err.read())


def rpc_v1_params(
    action: str,
    version: str,
    method: str = "GET",
    secret: str = ALIBABA_ACCESS_KEY_SECRET,
    **extra: str,
) -> dict[str, str]:
    params = {
        "Action": action,
        "Version": version,
        "Format": "JSON",
        "AccessKeyId": ALIBABA_ACCESS_KEY_ID,
        "SignatureMethod": "HMAC-SHA1",
        "SignatureVersion": "1.0",
        "Timestamp": Utils.get_timestamp(),
        "SignatureNonce": Utils.get_nonce(),
        **extra,
    }
    params["Signature"] = Utils.get_rpcsignature(params, method, secret)
    return params


@dataclass
class _TeaRequest:
    method: str
    pathname: str
    query: dict[str, str]
    headers: dict[str, str]


def rpc_v3_headers(
    cloud: FakeCloud, action: str, version: str, query: dict[str, str]
) -> dict[str, str]:
    headers = {
        "host": cloud.netloc,
        "x-acs-action": action,
        "x-acs-version": version,
        "x-acs-date": Utils.get_timestamp(),
        "x-acs-signature-nonce": Utils.get_nonce(),
        "x-acs-content-sha256": hashlib.sha256(b"").hexdigest(),
    }
    headers["Authorization"] = Utils.get_authorization(
        _TeaRequest("POST", "/", query, headers),
        "ACS3-HMAC-SHA256",
        headers["x-acs-content-sha256"],
        ALIBABA_ACCESS_KEY_ID,
        ALIBABA_ACCESS_KEY_SECRET,
    )
    return headers


def oss_signed_headers(url: str, secret: str = ALIBABA_ACCESS_KEY_SECRET) -> dict[str, str]:
    """Sign ``url`` exactly as written (query untouched) with the official SignerV4."""
    request = oss.HttpRequest(method="GET", url=url)
    ctx = oss.SigningContext(
        product="oss",
        region="cn-hangzhou",
        request=request,
        credentials=oss.credentials.StaticCredentialsProvider(
            ALIBABA_ACCESS_KEY_ID, secret
        ).get_credentials(),
    )
    oss.signer.SignerV4().sign(ctx)
    return dict(request.headers.items())


# --------------------------------------------------------------------------------------------
# OSS ListResourcePools


def test_oss_official_sdk_walks_all_pages(cloud: FakeCloud) -> None:
    client = oss_client(cloud)
    names: list[str] = []
    token: str | None = None
    pages = 0
    while True:
        params = {"continuation-token": token} if token else {}
        root = list_resource_pools(client, **params)
        pages += 1
        assert [c.tag for c in root][:2] == ["Region", "Owner"]
        assert root.findtext("Region") == "oss-cn-hangzhou"
        assert root.findtext("ContinuationToken") == token
        names += [p.findtext("Name") or "" for p in root.findall("ResourcePool")]
        if root.findtext("IsTruncated") == "false":
            assert root.find("NextContinuationToken") is None
            break
        assert root.findtext("IsTruncated") == "true"
        token = root.findtext("NextContinuationToken")
        assert token and {"+", "/", "="} <= set(token)
    assert pages == 3  # default max-keys is 10
    assert names == [p["Name"] for p in OSS_RESOURCE_POOLS]
    assert cloud.rejected == []
    sent = cloud.requests_for("ListResourcePools")
    assert all(r.verified and r.header("x-oss-content-sha256") == "UNSIGNED-PAYLOAD" for r in sent)
    # the SDK percent-encodes every reserved character of the token ("+", "/", "=")
    assert sent[1].query == "resourcePool=&continuation-token=%2B%2F%2F%2BcnA9AAo%3D"


def test_oss_max_keys_and_sts(cloud: FakeCloud) -> None:
    client = oss_client(
        cloud, ALIBABA_STS_ACCESS_KEY_ID, ALIBABA_STS_ACCESS_KEY_SECRET, ALIBABA_STS_SECURITY_TOKEN
    )
    root = list_resource_pools(client, **{"max-keys": "25"})
    assert len(root.findall("ResourcePool")) == 25
    assert root.findtext("IsTruncated") == "false"
    assert cloud.requests[-1].header("x-oss-security-token") == ALIBABA_STS_SECURITY_TOKEN
    assert cloud.rejected == []


def test_oss_wrong_secret_is_rejected(cloud: FakeCloud) -> None:
    with pytest.raises(oss.exceptions.OperationError) as exc:
        list_resource_pools(oss_client(cloud, secret="not-the-secret"))
    err = oss_service_error(exc)
    assert (err.status_code, err.code) == (403, "SignatureDoesNotMatch")
    assert err.request_id and err.ec == "0002-00000040"
    assert len(cloud.rejected) == 1 and not cloud.rejected[0].verified


def test_oss_unknown_key_and_bad_token(cloud: FakeCloud) -> None:
    with pytest.raises(oss.exceptions.OperationError) as exc:
        list_resource_pools(oss_client(cloud, key_id="LTAIUNKNOWN"))
    assert oss_service_error(exc).code == "InvalidAccessKeyId"
    with pytest.raises(oss.exceptions.OperationError) as exc:
        list_resource_pools(
            oss_client(cloud, ALIBABA_STS_ACCESS_KEY_ID, ALIBABA_STS_ACCESS_KEY_SECRET, "wrong")
        )
    assert oss_service_error(exc).code == "InvalidSecurityToken"
    assert len(cloud.rejected) == 2


def test_oss_fail_next_slowdown_seen_by_sdk_then_retried(cloud: FakeCloud) -> None:
    cloud.fail_next("ListResourcePools", 503, "SlowDown", retry_after=1)
    with pytest.raises(oss.exceptions.OperationError) as exc:
        list_resource_pools(oss_client(cloud))
    err = oss_service_error(exc)
    assert (err.status_code, err.code, err.message) == (
        503,
        "SlowDown",
        "Please reduce your request rate.",
    )
    assert err.headers["Retry-After"] == "1"
    assert err.request_id == err.headers["x-oss-request-id"]

    cloud.reset()
    cloud.fail_next("ListResourcePools", 500, "InternalError")
    root = list_resource_pools(oss_client(cloud, attempts=3))  # the SDK's retryer recovers
    assert len(root.findall("ResourcePool")) == 10
    sent = cloud.requests_for("ListResourcePools")
    assert [r.status for r in sent] == [500, 200] and all(r.verified for r in sent)


def test_oss_error_format_and_unencoded_plus_with_urllib(cloud: FakeCloud) -> None:
    anonymous = send(f"{cloud.url}/?resourcePool")
    assert anonymous.status == 403 and anonymous.headers["Content-Type"] == "application/xml"
    root = ET.fromstring(anonymous.body)
    assert root.tag == "Error"
    assert [c.tag for c in root][:4] == ["Code", "Message", "RequestId", "HostId"]
    assert root.findtext("Code") == "AccessDenied" and root.find("EC") is not None
    assert root.findtext("RequestId") == anonymous.headers["x-oss-request-id"]

    # A correctly signed request whose token is NOT percent-encoded: "+" arrives as a space.
    token = list_resource_pools(oss_client(cloud)).findtext("NextContinuationToken") or ""
    raw_url = f"{cloud.url}/?resourcePool&continuation-token={token}"
    bad = send(raw_url, oss_signed_headers(raw_url))
    assert bad.status == 400 and "<Code>InvalidArgument</Code>" in bad.text
    good_url = f"{cloud.url}/?resourcePool&continuation-token={quote(token, safe='')}"
    good = send(good_url, oss_signed_headers(good_url))
    assert good.status == 200 and good.text.count("<ResourcePool>") == 10
    assert f"<ContinuationToken>{token}</ContinuationToken>" in good.text
    assert cloud.rejected == [cloud.requests[0]]  # only the anonymous one

    wrong = send(good_url, oss_signed_headers(good_url, secret="nope"))
    wrong_root = ET.fromstring(wrong.body)
    assert wrong.status == 403 and wrong_root.findtext("Code") == "SignatureDoesNotMatch"
    assert (wrong_root.findtext("CanonicalRequest") or "").startswith("GET\n/\ncontinuation-token=")


# --------------------------------------------------------------------------------------------
# ENS ListBuckets / CloudSSO ListDirectories (Alibaba RPC)


def _walk_ens(
    client: EnsClient, page_size: int | None = None, prefix: str | None = None
) -> list[Any]:
    buckets: list[Any] = []
    page = 1
    while True:
        request = ens_models.ListBucketsRequest(
            page_number=page, page_size=page_size, prefix=prefix
        )
        body = client.list_buckets_with_options(request, RuntimeOptions()).body
        buckets += [b.to_map() for b in body.bucket_infos]
        if not body.bucket_infos or len(buckets) >= body.total_count:
            return buckets
        page += 1


def test_ens_official_sdk_acs3_walks_all_pages(cloud: FakeCloud) -> None:
    client = ens_client(cloud)
    assert _walk_ens(client) == ENS_BUCKETS
    assert len(cloud.requests) == 3  # default PageSize 10: 10 + 10 + 3
    assert _walk_ens(client, page_size=100) == ENS_BUCKETS
    videos = _walk_ens(client, page_size=3, prefix="video")
    assert [b["BucketName"] for b in videos] == [f"video-{n:02d}" for n in range(1, 8)]
    assert cloud.rejected == []
    first = cloud.requests[0]
    # what the official V3 client sends: POST /, business params only in the query,
    # Action/Version only in headers, empty body
    assert (first.method, first.path, first.body) == ("POST", "/", b"")
    assert first.query == "PageNumber=1"
    assert first.header("x-acs-action") == "ListBuckets"
    assert (first.header("Authorization") or "").startswith("ACS3-HMAC-SHA256 Credential=")
    nonces = {r.header("x-acs-signature-nonce") for r in cloud.requests}
    assert len(nonces) == len(cloud.requests)


def test_ens_official_sdk_rpc_v1_and_sts(cloud: FakeCloud) -> None:
    client = ens_client(
        cloud,
        access_key_id=ALIBABA_STS_ACCESS_KEY_ID,
        access_key_secret=ALIBABA_STS_ACCESS_KEY_SECRET,
        security_token=ALIBABA_STS_SECURITY_TOKEN,
        signature_algorithm="v2",  # the SDK's switch for the old HMAC-SHA1 "Signature=" style
    )
    assert _walk_ens(client, page_size=7) == ENS_BUCKETS
    sent = cloud.requests[0]
    assert sent.method == "POST" and sent.body == b""
    assert sent.params["SignatureMethod"] == "HMAC-SHA1"
    assert sent.params["SecurityToken"] == ALIBABA_STS_SECURITY_TOKEN
    assert cloud.rejected == []


def test_ens_page_size_limit_and_bad_signature_codes(cloud: FakeCloud) -> None:
    with pytest.raises(ClientException) as exc:
        ens_client(cloud).list_buckets_with_options(
            ens_models.ListBucketsRequest(page_size=101), RuntimeOptions()
        )
    assert (exc.value.status_code, exc.value.code) == (400, "InvalidParameter.PageSize")
    assert cloud.rejected == []

    for algorithm in (None, "v2"):
        with pytest.raises(ClientException) as exc:
            ens_client(
                cloud, access_key_secret="wrong", signature_algorithm=algorithm
            ).list_buckets_with_options(ens_models.ListBucketsRequest(), RuntimeOptions())
        assert (exc.value.status_code, exc.value.code) == (400, "SignatureDoesNotMatch")
    with pytest.raises(ClientException) as exc:
        ens_client(cloud, access_key_id="LTAINOPE").list_buckets_with_options(
            ens_models.ListBucketsRequest(), RuntimeOptions()
        )
    assert (exc.value.status_code, exc.value.code) == (404, "InvalidAccessKeyId.NotFound")
    assert len(cloud.rejected) == 3


def test_ens_fail_next_throttling_and_5xx(cloud: FakeCloud) -> None:
    client = ens_client(cloud)
    cloud.fail_next("ListBuckets", 400, "Throttling.User", retry_after=2)
    with pytest.raises(ThrottlingException) as exc:
        client.list_buckets_with_options(ens_models.ListBucketsRequest(), RuntimeOptions())
    assert (exc.value.code, exc.value.status_code, exc.value.retry_after) == (
        "Throttling.User",
        400,
        2000,
    )
    assert exc.value.data["Recommend"].startswith(
        "https://api.aliyun.com/troubleshoot?q=Throttling.User"
    )
    assert exc.value.data["HostId"] == "ens.aliyuncs.com"

    cloud.fail_next("ListBuckets", 503, "ServiceUnavailable", times=2)
    for _ in range(2):
        with pytest.raises(ServerException) as server_exc:
            client.list_buckets_with_options(ens_models.ListBucketsRequest(), RuntimeOptions())
        assert server_exc.value.code == "ServiceUnavailable"
    assert (
        client.list_buckets_with_options(
            ens_models.ListBucketsRequest(), RuntimeOptions()
        ).body.total_count
        == 23
    )
    assert [r.status for r in cloud.requests] == [400, 503, 503, 200]
    assert cloud.rejected == []


def test_ens_sdk_retry_is_resigned_with_new_nonce(cloud: FakeCloud) -> None:
    retry = RetryOptions(
        {
            "retryable": True,
            "retryCondition": [
                RetryCondition({"maxAttempts": 3, "errorCode": ["Throttling.User"], "maxDelay": 50})
            ],
        }
    )
    client = ens_client(cloud, retry_options=retry)
    cloud.fail_next("ListBuckets", 400, "Throttling.User", retry_after=0.01)
    assert client.list_buckets_with_options(ens_models.ListBucketsRequest(), RuntimeOptions()).body
    first, second = cloud.requests
    assert (first.status, second.status) == (400, 200)
    assert first.header("x-acs-signature-nonce") != second.header("x-acs-signature-nonce")
    assert first.header("Authorization") != second.header("Authorization")
    assert second.header("x-acs-retry-attempts") == "1"  # signed like every x-acs-* header
    assert cloud.rejected == []


def test_cloudsso_official_sdk(cloud: FakeCloud) -> None:
    client = CloudSsoClient(tea_config(cloud))
    body = client.list_directories().body
    assert [d.to_map() for d in body.directories] == CLOUDSSO_DIRECTORIES
    assert body.total_counts == 2
    cloud.fail_next(
        "ListDirectories", 429, "Throttling.User", "Request was denied due to user flow control."
    )
    with pytest.raises(ClientException) as exc:
        client.list_directories()
    assert (exc.value.status_code, exc.value.code) == (429, "Throttling.User")
    with pytest.raises(ClientException) as exc:
        CloudSsoClient(tea_config(cloud, access_key_secret="bad")).list_directories()
    assert exc.value.code == "SignatureDoesNotMatch"
    assert len(cloud.rejected) == 1


def test_rpc_xml_format_with_urllib(cloud: FakeCloud) -> None:
    ens = send(
        f"{cloud.url}/?"
        + urlencode(
            rpc_v1_params("ListBuckets", "2017-11-10", Format="XML", PageSize="5", PageNumber="1")
        )
    )
    assert ens.status == 200 and ens.headers["Content-Type"] == "text/xml;charset=utf-8"
    root = ET.fromstring(ens.body)
    assert root.tag == "ListBucketsResponse"
    assert [c.tag for c in root] == ["RequestId"] + ["BucketInfos"] * 5 + ["TotalCount"]
    assert root.findtext("TotalCount") == "23"
    fifth = root.findall("BucketInfos")[4]
    assert {c.tag: c.text for c in fifth} == ENS_BUCKETS[4]  # escaped "<&>" and UTF-8 survive

    query = {"Format": "XML"}
    sso = send(
        f"{cloud.url}/?" + urlencode(query),
        rpc_v3_headers(cloud, "ListDirectories", "2021-05-15", query),
        "POST",
        b"",
    )
    root = ET.fromstring(sso.body)
    assert root.tag == "ListDirectoriesResponse"
    assert [c.tag for c in root] == ["Directories", "Directories", "RequestId", "TotalCounts"]
    assert {c.tag: c.text for c in root.findall("Directories")[0]} == CLOUDSSO_DIRECTORIES[0]
    assert cloud.rejected == []

    bad = send(
        f"{cloud.url}/?"
        + urlencode(rpc_v1_params("ListBuckets", "2017-11-10", secret="x", Format="XML"))
    )
    assert bad.status == 400 and bad.headers["Content-Type"] == "text/xml;charset=utf-8"
    err = ET.fromstring(bad.body)
    assert err.tag == "Error" and err.findtext("Code") == "SignatureDoesNotMatch"
    assert [c.tag for c in err] == ["RequestId", "HostId", "Code", "Message", "Recommend"]


def test_rpc_json_error_format_nonce_replay_and_form_body(cloud: FakeCloud) -> None:
    url = f"{cloud.url}/?" + urlencode(rpc_v1_params("ListBuckets", "2017-11-10"))
    assert send(url).status == 200
    replay = send(url)
    assert replay.status == 400
    assert replay.headers["Content-Type"] == "application/json;charset=utf-8"
    error = json.loads(replay.body)
    assert list(error) == ["RequestId", "HostId", "Code", "Message", "Recommend"]
    assert error["Code"] == "SignatureNonceUsed"
    assert replay.headers["x-acs-request-id"] == error["RequestId"]

    unknown = json.loads(
        send(f"{cloud.url}/?" + urlencode(rpc_v1_params("DeleteEverything", "2017-11-10"))).body
    )
    assert unknown["Code"] == "InvalidAction.NotFound"

    # V1 as a POST form: parameters in the body are signed and read like query parameters
    form = urlencode(
        rpc_v1_params("ListBuckets", "2017-11-10", method="POST", Prefix="log")
    ).encode()
    answer = send(
        f"{cloud.url}/", {"Content-Type": "application/x-www-form-urlencoded"}, "POST", form
    )
    assert answer.status == 200 and json.loads(answer.body)["TotalCount"] == 8


# --------------------------------------------------------------------------------------------
# GA ListByoipPools (Huawei)


def _plain(pool: dict[str, Any]) -> dict[str, Any]:
    """The Huawei SDK parses timestamps into datetimes when python-dateutil is installed."""
    return {
        k: v.strftime("%Y-%m-%dT%H:%M:%SZ") if isinstance(v, datetime) else v
        for k, v in pool.items()
    }


def test_ga_official_sdk_walks_all_pages(cloud: FakeCloud) -> None:
    client = ga_client(cloud)
    pools: list[dict[str, Any]] = []
    marker: str | None = None
    while True:
        res = client.list_byoip_pools(ListByoipPoolsRequest(limit=5, marker=marker))
        pools += [_plain(p.to_dict()) for p in res.byoip_pools]
        assert res.page_info.current_count == len(res.byoip_pools)
        marker = res.page_info.next_marker
        if not marker:
            break
    assert pools == GA_BYOIP_POOLS
    assert len(cloud.requests) == 3
    everything = client.list_byoip_pools(ListByoipPoolsRequest())  # default limit 500
    assert len(everything.byoip_pools) == 12 and everything.page_info.next_marker is None
    assert cloud.rejected == []
    sent = cloud.requests[1]
    assert sent.query == f"limit=5&marker={GA_BYOIP_POOLS[4]['id']}"
    assert sent.header("X-Project-Id") == HUAWEI_PROJECT_ID
    assert "SignedHeaders=content-type;host;user-agent;x-project-id;x-sdk-date" in (
        sent.header("Authorization") or ""
    )


def test_ga_wrong_sk_and_fail_next(cloud: FakeCloud) -> None:
    with pytest.raises(ClientRequestException) as exc:
        ga_client(cloud, sk="wrong").list_byoip_pools(ListByoipPoolsRequest())
    assert (exc.value.status_code, exc.value.error_code) == (401, "APIGW.0301")
    assert exc.value.request_id  # from the X-Request-Id header
    assert len(cloud.rejected) == 1

    cloud.reset()
    # The SDK mounts urllib3 Retry(total=retry_times, status_forcelist=[429]): a 429 never
    # reaches its error parser, so the body's code is lost and error_code is just "429" ...
    cloud.fail_next(
        "ListByoipPools", 429, "APIGW.0308", "The throttling threshold has been reached"
    )
    with pytest.raises(ClientRequestException) as exc:
        ga_client(cloud).list_byoip_pools(ListByoipPoolsRequest())
    assert (exc.value.status_code, exc.value.error_code) == (429, "429")
    assert cloud.requests[-1].error_code == "APIGW.0308"
    # ... and with retry_times > 0 urllib3 resends the very same signed bytes (not re-signed).
    cloud.fail_next("ListByoipPools", 429, "APIGW.0308", retry_after=0)
    retrying = ga_client(cloud, retry_times=1)
    assert len(retrying.list_byoip_pools(ListByoipPoolsRequest()).byoip_pools) == 12
    first, second = cloud.requests[-2:]
    assert (first.status, second.status) == (429, 200)
    assert first.header("Authorization") == second.header("Authorization")

    cloud.fail_next("ListByoipPools", 400, "GA.1004", "Invalid parameter", headers={"X-Extra": "1"})
    with pytest.raises(ClientRequestException) as exc:
        ga_client(cloud).list_byoip_pools(ListByoipPoolsRequest())
    assert exc.value.error_code == "GA.1004" and exc.value.error_msg == "Invalid parameter"
    assert cloud.rejected == []


def test_ga_token_auth_with_urllib(cloud: FakeCloud) -> None:
    ok = send(f"{cloud.url}/v1/byoip-pools?limit=10", {"X-Auth-Token": HUAWEI_TOKEN})
    body = json.loads(ok.body)
    assert ok.status == 200 and ok.headers["X-Request-Id"]
    assert list(body) == ["request_id", "byoip_pools", "page_info"]
    assert body["page_info"] == {"next_marker": GA_BYOIP_POOLS[9]["id"], "current_count": 10}
    last = json.loads(
        send(
            f"{cloud.url}/v1/byoip-pools?limit=10&marker={GA_BYOIP_POOLS[9]['id']}",
            {"X-Auth-Token": HUAWEI_TOKEN},
        ).body
    )
    assert last["page_info"] == {"current_count": 2}

    bad = send(f"{cloud.url}/v1/byoip-pools", {"X-Auth-Token": "expired"})
    assert bad.status == 401 and bad.headers["X-Request-Id"]
    assert json.loads(bad.body)["error_code"] == "APIGW.0301"
    assert (
        json.loads(send(f"{cloud.url}/v1/nothing", {"X-Auth-Token": HUAWEI_TOKEN}).body)[
            "error_code"
        ]
        == "APIGW.0101"
    )
    assert len(cloud.rejected) == 1


# --------------------------------------------------------------------------------------------
# plumbing


def test_delay_next_makes_clients_time_out(cloud: FakeCloud) -> None:
    cloud.delay_next("ListByoipPools", 1.0)
    with pytest.raises(Exception, match="(?i)timed? ?out"):
        ga_client(cloud, timeout=(2, 0.3)).list_byoip_pools(ListByoipPoolsRequest())
    started = time.monotonic()
    assert len(ga_client(cloud).list_byoip_pools(ListByoipPoolsRequest()).byoip_pools) == 12
    assert time.monotonic() - started < 0.5  # only the next request was delayed

    cloud.delay_next("ListBuckets", 1.0)
    runtime = RuntimeOptions(read_timeout=300)
    with pytest.raises(Exception, match="(?i)timed? ?out"):
        ens_client(cloud).list_buckets_with_options(ens_models.ListBucketsRequest(), runtime)


def test_answer_next_replaces_the_body_and_keeps_the_headers(cloud: FakeCloud) -> None:
    cloud.answer_next("ListByoipPools", b"<html>gateway</html>", content_type="text/html")
    garbled = send(f"{cloud.url}/v1/byoip-pools?limit=1", {"X-Auth-Token": HUAWEI_TOKEN})
    assert (garbled.status, garbled.body) == (200, b"<html>gateway</html>")
    assert garbled.headers["Content-Type"] == "text/html" and garbled.headers["X-Request-Id"]
    again = send(f"{cloud.url}/v1/byoip-pools?limit=1", {"X-Auth-Token": HUAWEI_TOKEN})
    assert json.loads(again.body)["byoip_pools"]  # only the next request was answered so
    cloud.answer_next("ListByoipPools", b"{}", status=202)
    bad = send(f"{cloud.url}/v1/byoip-pools", {"X-Auth-Token": "expired"})
    assert bad.status == 401  # an unauthenticated request takes no answer
    assert send(f"{cloud.url}/v1/byoip-pools", {"X-Auth-Token": HUAWEI_TOKEN}).status == 202


def test_keep_alive_content_length_and_recording(cloud: FakeCloud) -> None:
    conn = http.client.HTTPConnection(cloud.host, cloud.port, timeout=5)
    for _ in range(3):
        conn.request("GET", "/v1/byoip-pools?limit=1", headers={"X-Auth-Token": HUAWEI_TOKEN})
        resp = conn.getresponse()
        assert resp.version == 11 and int(resp.headers["Content-Length"]) == len(resp.read())
    conn.close()
    recorded = cloud.requests
    assert [r.operation for r in recorded] == ["ListByoipPools"] * 3
    assert recorded[0].received_at <= recorded[-1].received_at
    assert all(r.verified and r.status == 200 and r.query == "limit=1" for r in recorded)
    assert send(f"{cloud.url}/nowhere").status == 404
    cloud.reset()
    assert cloud.requests == []
    with pytest.raises(ValueError):
        cloud.fail_next("ListThings", 500, "InternalError")
