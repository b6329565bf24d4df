"""Every signature ``sdk_runtime.signing`` computes must equal what the vendors' official SDKs
compute for the same request (same date and nonce): alibabacloud-tea-openapi (ACS3, RPC V1),
alibabacloud-oss-v2 (OSS V4) and huaweicloudsdkcore (SDK-HMAC-SHA256).

Two kinds of oracle are used: the official signing functions fed with our request, and the
official clients themselves driven up to the point where they would send (the transport is
replaced by a capture), with their clock and nonce pinned to ours.
"""

from __future__ import annotations

import copy
import datetime
from typing import Any
from urllib.parse import quote, urlencode, urlsplit

import pytest

from sdk_runtime.credentials import AlibabaCloudCredentials, HuaweiCloudCredentials
from sdk_runtime.errors import CredentialsError
from sdk_runtime.http import HttpRequest, percent_encode
from sdk_runtime.signing import (
    SCHEMES,
    Acs3Signer,
    HuaweiAkSkSigner,
    HuaweiTokenSigner,
    Oss4Signer,
    RpcV1Signer,
    Signer,
    SlsV1Signer,
    SlsV4Signer,
    make_signer,
)
from sdk_runtime.signing.huawei import canonical_uri

NOW = datetime.datetime(2024, 5, 17, 8, 30, 45, tzinfo=datetime.UTC)
AK_ID = "LTAI5tExampleKeyId42"
AK_SECRET = "Ex4mpleSecret/+=Value0123456789"
STS_TOKEN = "CAISExampleStsToken+/==tail"
HW_AK = "HPUAEXAMPLEAK0001"
HW_SK = "HwExampleSecretKey+/=0123456789abcdef"
HW_PROJECT = "0b1e5c6d7e8f90a1b2c3d4e5f6a7b8c9"
HW_TOKEN = "MIIExampleIamToken+/=secret"

ALI_CREDS = {
    "plain": AlibabaCloudCredentials(AK_ID, AK_SECRET),
    "sts": AlibabaCloudCredentials(AK_ID, AK_SECRET, STS_TOKEN),
}

# Query parameters for the RPC-style Alibaba Cloud schemes (decoded values).
ALI_QUERIES: dict[str, list[tuple[str, str]]] = {
    "none": [],
    "paging": [("PageNumber", "2"), ("PageSize", "100")],
    "reserved": [("Prefix", "a=b+c/d"), ("NextToken", "x&y=z%41")],
    "space-unicode": [("Prefix", "my bucket 桶"), ("Description", "é ü\tß")],
    "tilde-star": [("Prefix", "~user*bucket"), ("Name", "a~b*c!'()")],
    "empty-value": [("Prefix", ""), ("PageSize", "10")],
    "sort-order": [("b", "1"), ("B", "2"), ("a_b", "3"), ("a.b", "4"), ("a-b", "5"), ("A", "6")],
    "repeat-list": [("Filter.1.Key", "k 1"), ("Filter.1.Value.1", "v/1"), ("Filter.10.Key", "k")],
}


def _signed(signer: Signer, request: HttpRequest, now: datetime.datetime = NOW) -> HttpRequest:
    signed = copy.deepcopy(request)
    signer.sign(signed, now)
    return signed


class _Captured(BaseException):
    """Stops an official client at the point it would send (not an Exception: no retry)."""


# --------------------------------------------------------------------------------------------
# ACS3-HMAC-SHA256 (alibabacloud-tea-openapi)
# --------------------------------------------------------------------------------------------

ACS3 = "ACS3-HMAC-SHA256"


def _acs3_request(
    query: list[tuple[str, str]],
    *,
    body: bytes = b"",
    extra_headers: dict[str, str] | None = None,
) -> HttpRequest:
    """The request as the RPC protocol layer hands it to the signer."""
    headers = {
        "host": "ens.aliyuncs.com",
        "x-acs-action": "ListBuckets",
        "x-acs-version": "2017-11-10",
        **(extra_headers or {}),
    }
    pairs = [("Action", "ListBuckets"), ("Version", "2017-11-10"), *query]
    return HttpRequest("POST", "https", "ens.aliyuncs.com", "/", pairs, headers, body)


def _official_acs3_authorization(
    request: HttpRequest, creds: AlibabaCloudCredentials, drop: tuple[str, ...] = ()
) -> str:
    """``Utils.get_authorization`` over our signed request (without our Authorization)."""
    from alibabacloud_tea_openapi.utils import Utils
    from darabonba.request import DaraRequest

    dara = DaraRequest()
    dara.method = request.method
    dara.pathname = request.path
    dara.query = dict(request.query)
    dara.headers = {
        k: v for k, v in request.headers.items() if k != "Authorization" and k not in drop
    }
    payload = Utils.hash(request.body, ACS3).hex()
    return str(
        Utils.get_authorization(dara, ACS3, payload, creds.access_key_id, creds.access_key_secret)
    )


@pytest.mark.parametrize("query_case", sorted(ALI_QUERIES))
@pytest.mark.parametrize("cred_case", sorted(ALI_CREDS))
def test_acs3_matches_official_get_authorization(query_case: str, cred_case: str) -> None:
    creds = ALI_CREDS[cred_case]
    signed = _signed(Acs3Signer(creds), _acs3_request(ALI_QUERIES[query_case]))

    assert signed.headers["Authorization"] == _official_acs3_authorization(signed, creds)
    assert signed.headers["x-acs-date"] == "2024-05-17T08:30:45Z"
    assert signed.headers["x-acs-content-sha256"] == (
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
    )
    if creds.security_token:
        assert signed.headers["x-acs-security-token"] == STS_TOKEN
        assert signed.headers["x-acs-accesskey-id"] == AK_ID
    else:
        assert "x-acs-security-token" not in signed.headers
    assert signed.headers["Authorization"].startswith(f"{ACS3} Credential={AK_ID},SignedHeaders=")


@pytest.mark.parametrize("cred_case", sorted(ALI_CREDS))
def test_acs3_form_body_and_content_type_match_official(cred_case: str) -> None:
    creds = ALI_CREDS[cred_case]
    request = _acs3_request(
        ALI_QUERIES["paging"],
        body=b"Tag.1.Key=env&Tag.1.Value=a%20b",
        extra_headers={"content-type": "application/x-www-form-urlencoded"},
    )
    signed = _signed(Acs3Signer(creds), request)

    assert "content-type" in signed.headers["Authorization"].split("SignedHeaders=")[1]
    assert signed.headers["Authorization"] == _official_acs3_authorization(signed, creds)


def test_acs3_signs_the_path_as_sent_like_tea_openapi() -> None:
    """A ROA path, each value encoded once (tea-openapi's ``get_encode_param``:
    ``quote(v, safe="~")``): the canonical URI is that pathname, as ``get_authorization``
    signs it, not encoded again."""
    from alibabacloud_openapi_util.client import Client as OpenApiUtil

    creds = ALI_CREDS["plain"]
    request = _acs3_request([])
    request.path = "/clusters/" + OpenApiUtil.get_encode_param("dir/a b+%~文")
    signed = _signed(Acs3Signer(creds), request)
    assert request.path == "/clusters/dir%2Fa%20b%2B%25~%E6%96%87"
    assert signed.headers["Authorization"] == _official_acs3_authorization(signed, creds)


def test_acs3_signs_only_host_content_type_and_x_acs_headers() -> None:
    request = _acs3_request(
        ALI_QUERIES["paging"],
        extra_headers={"user-agent": "sdk/1.0", "accept": "application/json"},
    )
    signed = _signed(Acs3Signer(ALI_CREDS["sts"]), request)

    signed_headers = signed.headers["Authorization"].split("SignedHeaders=")[1].split(",")[0]
    assert signed_headers == (
        "host;x-acs-accesskey-id;x-acs-action;x-acs-content-sha256;x-acs-date;"
        "x-acs-security-token;x-acs-signature-nonce;x-acs-version"
    )
    expected = _official_acs3_authorization(signed, ALI_CREDS["sts"], drop=("user-agent", "accept"))
    assert signed.headers["Authorization"] == expected


@pytest.mark.parametrize("cred_case", sorted(ALI_CREDS))
def test_acs3_matches_official_ens_client(cred_case: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """Drive the official ENS client (V3 signature, RPC style) and compare."""
    from alibabacloud_ens20171110 import models as ens_models
    from alibabacloud_ens20171110.client import Client as EnsClient
    from alibabacloud_tea_openapi import utils_models
    from alibabacloud_tea_openapi.utils import Utils
    from darabonba.core import DaraCore
    from darabonba.runtime import RuntimeOptions

    creds = ALI_CREDS[cred_case]
    # The official V3 client puts only business parameters in the query (Action and Version
    # travel in x-acs-action / x-acs-version); sign the same query here.
    business = [("PageNumber", "1"), ("PageSize", "10"), ("Prefix", "a=b+c/d e~*中")]
    ours = _acs3_request([])
    ours.query = list(business)
    ours = _signed(Acs3Signer(creds), ours)

    captured: list[Any] = []

    def capture(request: Any, runtime: Any = None) -> Any:
        captured.append(request)
        raise _Captured

    monkeypatch.setattr(DaraCore, "do_action", staticmethod(capture))
    monkeypatch.setattr(Utils, "get_timestamp", staticmethod(lambda: ours.headers["x-acs-date"]))
    monkeypatch.setattr(
        Utils, "get_nonce", staticmethod(lambda: ours.headers["x-acs-signature-nonce"])
    )
    config = utils_models.Config(
        access_key_id=creds.access_key_id,
        access_key_secret=creds.access_key_secret,
        security_token=creds.security_token,
        region_id="cn-hangzhou",
    )
    with pytest.raises(_Captured):
        EnsClient(config).list_buckets_with_options(
            ens_models.ListBucketsRequest(page_number=1, page_size=10, prefix="a=b+c/d e~*中"),
            RuntimeOptions(),
        )
    official = captured[0]
    assert official.query == dict(business)

    # The official client also signs its user-agent, accept and x-acs-credentials-provider
    # (a diagnostic header of the credentials library); everything else it signs, we sign.
    extra = {"user-agent", "accept", "x-acs-credentials-provider"}
    official_signed = official.headers["Authorization"].split("SignedHeaders=")[1].split(",")[0]
    ours_signed = ours.headers["Authorization"].split("SignedHeaders=")[1].split(",")[0]
    assert set(official_signed.split(";")) - extra == set(ours_signed.split(";"))
    for name in ours_signed.split(";"):
        assert official.headers[name] == ours.headers[name]
    official.headers = {
        k: v for k, v in official.headers.items() if k not in extra and k != "Authorization"
    }
    expected = Utils.get_authorization(
        official, ACS3, ours.headers["x-acs-content-sha256"], AK_ID, AK_SECRET
    )
    assert ours.headers["Authorization"] == expected


def test_acs3_fresh_nonce_per_call() -> None:
    signer = Acs3Signer(ALI_CREDS["plain"])
    request = _acs3_request(ALI_QUERIES["paging"])
    first, second = _signed(signer, request), _signed(signer, request)
    assert first.headers["x-acs-signature-nonce"] != second.headers["x-acs-signature-nonce"]
    assert first.headers["Authorization"] != second.headers["Authorization"]
    assert request.headers.keys() == {"host", "x-acs-action", "x-acs-version"}


# --------------------------------------------------------------------------------------------
# RPC signature V1, HMAC-SHA1 (alibabacloud-tea-openapi)
# --------------------------------------------------------------------------------------------


def _rpc_request(
    query: list[tuple[str, str]], method: str = "POST", body: bytes = b""
) -> HttpRequest:
    pairs = [("Action", "ListDirectories"), ("Format", "json"), ("Version", "2021-05-15"), *query]
    headers = {"host": "cloudsso.cn-shanghai.aliyuncs.com"}
    if body:
        headers["content-type"] = "application/x-www-form-urlencoded"
    return HttpRequest(method, "https", headers["host"], "/", pairs, headers, body)


def _official_rpc_signature(
    params: dict[str, str], method: str, creds: AlibabaCloudCredentials
) -> str:
    from alibabacloud_tea_openapi.utils import Utils

    return str(Utils.get_rpcsignature(params, method, creds.access_key_secret))


@pytest.mark.parametrize("method", ["POST", "GET"])
@pytest.mark.parametrize("query_case", sorted(ALI_QUERIES))
@pytest.mark.parametrize("cred_case", sorted(ALI_CREDS))
def test_rpc_v1_matches_official_get_rpcsignature(
    query_case: str, cred_case: str, method: str
) -> None:
    creds = ALI_CREDS[cred_case]
    signed = _signed(RpcV1Signer(creds), _rpc_request(ALI_QUERIES[query_case], method))

    name, signature = signed.query[-1]
    assert name == "Signature"
    params = dict(signed.query[:-1])
    assert signature == _official_rpc_signature(params, method, creds)
    assert params["SignatureMethod"] == "HMAC-SHA1"
    assert params["SignatureVersion"] == "1.0"
    assert params["Timestamp"] == "2024-05-17T08:30:45Z"
    assert params["AccessKeyId"] == AK_ID
    assert params.get("SecurityToken") == creds.security_token
    assert signed.headers == {"host": "cloudsso.cn-shanghai.aliyuncs.com"}


def test_rpc_v1_form_body_is_signed_like_official() -> None:
    creds = ALI_CREDS["sts"]
    body = b"Tag.1.Key=env&Tag.1.Value=a+b%2Fc&Empty="
    signed = _signed(RpcV1Signer(creds), _rpc_request(ALI_QUERIES["paging"], body=body))

    # do_rpcrequest signs the query merged with the form body parameters.
    params = {**dict(signed.query[:-1]), "Tag.1.Key": "env", "Tag.1.Value": "a b/c", "Empty": ""}
    assert signed.query[-1] == ("Signature", _official_rpc_signature(params, "POST", creds))


@pytest.mark.parametrize("cred_case", sorted(ALI_CREDS))
def test_rpc_v1_matches_official_ens_client(
    cred_case: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Drive the official ENS client with signature_algorithm='v2' (RPC V1) and compare."""
    from alibabacloud_ens20171110 import models as ens_models
    from alibabacloud_ens20171110.client import Client as EnsClient
    from alibabacloud_tea_openapi import utils_models
    from alibabacloud_tea_openapi.utils import Utils
    from darabonba.core import DaraCore
    from darabonba.runtime import RuntimeOptions

    creds = ALI_CREDS[cred_case]
    business = [("PageNumber", "3"), ("PageSize", "50"), ("Prefix", "a=b+c/d e~*中")]
    request = HttpRequest(
        "POST",
        "https",
        "ens.aliyuncs.com",
        "/",
        [("Action", "ListBuckets"), ("Format", "json"), ("Version", "2017-11-10"), *business],
        {"host": "ens.aliyuncs.com"},
    )
    ours = _signed(RpcV1Signer(creds), request)
    our_query = dict(ours.query)

    captured: list[Any] = []

    def capture(request: Any, runtime: Any = None) -> Any:
        captured.append(request)
        raise _Captured

    monkeypatch.setattr(DaraCore, "do_action", staticmethod(capture))
    monkeypatch.setattr(Utils, "get_timestamp", staticmethod(lambda: our_query["Timestamp"]))
    monkeypatch.setattr(Utils, "get_nonce", staticmethod(lambda: our_query["SignatureNonce"]))
    config = utils_models.Config(
        access_key_id=creds.access_key_id,
        access_key_secret=creds.access_key_secret,
        security_token=creds.security_token,
        region_id="cn-hangzhou",
        signature_algorithm="v2",
    )
    with pytest.raises(_Captured):
        EnsClient(config).list_buckets_with_options(
            ens_models.ListBucketsRequest(page_number=3, page_size=50, prefix="a=b+c/d e~*中"),
            RuntimeOptions(),
        )
    assert captured[0].query == our_query


def test_rpc_v1_fresh_nonce_per_call() -> None:
    signer = RpcV1Signer(ALI_CREDS["plain"])
    request = _rpc_request([])
    first, second = dict(_signed(signer, request).query), dict(_signed(signer, request).query)
    assert first["SignatureNonce"] != second["SignatureNonce"]
    assert first["Signature"] != second["Signature"]
    assert len(request.query) == 3


# --------------------------------------------------------------------------------------------
# OSS4-HMAC-SHA256 (alibabacloud-oss-v2)
# --------------------------------------------------------------------------------------------

OSS_HOST = "oss-cn-hangzhou.aliyuncs.com"
OSS_QUERIES: dict[str, list[tuple[str, str]]] = {
    "none": [],
    "flag": [("resourcePool", "")],
    "flag-max-keys": [("resourcePool", ""), ("max-keys", "10")],
    "continuation": [
        ("resourcePool", ""),
        ("max-keys", "100"),
        ("continuation-token", "CgJiYw==+/x=y"),
    ],
    "space-unicode-tilde-star": [("prefix", "my dir/文件 ~*!'()"), ("delimiter", "/")],
    "sort-order": [("b", "1"), ("B", ""), ("a-b", "x"), ("a.b", ""), ("a_b", "y")],
}


def _oss_request(
    query: list[tuple[str, str]],
    path: str = "/",
    headers: dict[str, str] | None = None,
) -> HttpRequest:
    return HttpRequest("GET", "https", OSS_HOST, path, list(query), dict(headers or {}))


def _official_oss_authorization(
    request: HttpRequest,
    creds: AlibabaCloudCredentials,
    region: str = "cn-hangzhou",
    bucket: str | None = None,
    key: str | None = None,
) -> str:
    """SignerV4 over our request, its URL built as the official client builds it."""
    from alibabacloud_oss_v2.credentials import StaticCredentialsProvider
    from alibabacloud_oss_v2.signer import SignerV4
    from alibabacloud_oss_v2.types import HttpRequest as OssHttpRequest
    from alibabacloud_oss_v2.types import SigningContext

    # _client.build_request_context: urlencode(parameters, quote_via=quote)
    query = urlencode(dict(request.query), quote_via=quote)
    path = "/" if bucket is None else f"/{bucket}/{quote(key or '')}"
    url = f"https://{request.host}{path}" + (f"?{query}" if query else "")
    headers = {k: v for k, v in request.headers.items() if k != "Authorization"}
    oss_request = OssHttpRequest(method=request.method, url=url, headers=headers)
    provider = StaticCredentialsProvider(
        creds.access_key_id, creds.access_key_secret, creds.security_token
    )
    context = SigningContext(
        product="oss",
        region=region,
        bucket=bucket,
        key=key,
        request=oss_request,
        credentials=provider.get_credentials(),
        signing_time=request_time(request),
    )
    SignerV4().sign(context)
    return str(oss_request.headers["Authorization"])


def request_time(request: HttpRequest) -> datetime.datetime:
    """The signing instant our signer wrote into x-oss-date."""
    parsed = datetime.datetime.strptime(request.headers["x-oss-date"], "%Y%m%dT%H%M%SZ")
    return parsed.replace(tzinfo=datetime.UTC)


@pytest.mark.parametrize("region", ["cn-hangzhou", "oss-cn-hangzhou"])
@pytest.mark.parametrize("query_case", sorted(OSS_QUERIES))
@pytest.mark.parametrize("cred_case", sorted(ALI_CREDS))
def test_oss4_matches_official_signer_v4(query_case: str, cred_case: str, region: str) -> None:
    creds = ALI_CREDS[cred_case]
    signed = _signed(Oss4Signer(creds, region), _oss_request(OSS_QUERIES[query_case]))

    assert signed.headers["Authorization"] == _official_oss_authorization(signed, creds)
    assert signed.headers["x-oss-date"] == "20240517T083045Z"
    assert signed.headers["x-oss-content-sha256"] == "UNSIGNED-PAYLOAD"
    assert signed.headers.get("x-oss-security-token") == creds.security_token
    assert signed.headers["Authorization"].startswith(
        f"OSS4-HMAC-SHA256 Credential={AK_ID}/20240517/cn-hangzhou/oss/aliyun_v4_request,"
    )


def test_oss4_signed_headers_match_official() -> None:
    """content-type, content-md5 and x-oss-* are signed; user-agent and others are not."""
    creds = ALI_CREDS["sts"]
    headers = {
        "Content-Type": "application/xml",
        "Content-MD5": "1B2M2Y8AsgTpgAmY7PhCfg==",
        "x-oss-meta-Owner": "Team A",
        "User-Agent": "sdk/1.0",
        "Accept": "*/*",
    }
    request = _oss_request(OSS_QUERIES["continuation"], headers=headers)
    signer = Oss4Signer(creds, "cn-hangzhou")
    signed = _signed(signer, request)
    assert signed.headers["Authorization"] == _official_oss_authorization(signed, creds)

    unsigned_changed = copy.deepcopy(request)
    unsigned_changed.headers["User-Agent"] = "other/2.0"
    other_agent = _signed(signer, unsigned_changed)
    assert other_agent.headers["Authorization"] == signed.headers["Authorization"]


def test_oss4_path_style_bucket_matches_official() -> None:
    creds = ALI_CREDS["plain"]
    path = "/examplebucket/" + quote("dir/obj~1 a+b=文.txt")  # as sent: encoded once
    signed = _signed(Oss4Signer(creds, "cn-hangzhou"), _oss_request([("acl", "")], path))
    expected = _official_oss_authorization(
        signed, creds, bucket="examplebucket", key="dir/obj~1 a+b=文.txt"
    )
    assert signed.headers["Authorization"] == expected


@pytest.mark.parametrize(
    ("path", "key"),
    [("/", None), (f"/{quote('dir/obj~1 a+b=文.txt')}", "dir/obj~1 a+b=文.txt")],
)
def test_oss4_virtual_hosted_bucket_matches_official(path: str, key: str | None) -> None:
    """The bucket in the host (``request.host_labels``): the canonical URI is still
    ``/<bucket>/<key>``, as SignerV4 signs a request with a bucket."""
    creds = ALI_CREDS["sts"]
    request = HttpRequest("GET", "https", f"examplebucket.{OSS_HOST}", path, [("acl", "")])
    request.host_labels = ("examplebucket",)
    signed = _signed(Oss4Signer(creds, "cn-hangzhou"), request)
    expected = _official_oss_authorization(signed, creds, bucket="examplebucket", key=key)
    assert signed.headers["Authorization"] == expected
    path_style = _oss_request([("acl", "")], "/examplebucket" + path)
    assert _signed(Oss4Signer(creds, "cn-hangzhou"), path_style).headers["Authorization"] == (
        expected
    )


@pytest.mark.parametrize("cred_case", sorted(ALI_CREDS))
def test_oss4_matches_official_client_list_resource_pools(cred_case: str) -> None:
    """Drive the official OSS client (invoke_operation) with its clock pinned to ours."""
    import alibabacloud_oss_v2 as oss
    from alibabacloud_oss_v2.signer import SignerV4
    from alibabacloud_oss_v2.types import HttpClient, OperationInput, SigningContext

    class PinnedClockSigner(SignerV4):
        def sign(self, signing_ctx: SigningContext) -> None:
            signing_ctx.signing_time = NOW
            super().sign(signing_ctx)

    class CaptureClient(HttpClient):
        def __init__(self) -> None:
            self.requests: list[Any] = []

        def send(self, request: Any, **kwargs: Any) -> Any:
            self.requests.append(request)
            raise _Captured

        def open(self) -> None:
            pass

        def close(self) -> None:
            pass

    creds = ALI_CREDS[cred_case]
    params = {"resourcePool": "", "max-keys": "10", "continuation-token": "CgJiYw==+/x=y"}
    transport = CaptureClient()
    config = oss.config.load_default()
    config.credentials_provider = oss.credentials.StaticCredentialsProvider(
        creds.access_key_id, creds.access_key_secret, creds.security_token
    )
    config.region = "cn-hangzhou"
    config.http_client = transport
    client = oss.Client(config, signer=PinnedClockSigner())
    with pytest.raises(_Captured):
        client.invoke_operation(
            OperationInput(op_name="ListResourcePools", method="GET", parameters=params)
        )
    official = transport.requests[0]

    ours = _signed(
        make_signer("oss4-hmac-sha256", creds, "cn-hangzhou"),
        _oss_request(list(params.items())),
    )
    assert urlsplit(official.url).netloc == ours.host
    assert official.headers["Authorization"] == ours.headers["Authorization"]
    for name in ("x-oss-date", "x-oss-content-sha256", "x-oss-security-token"):
        assert official.headers.get(name) == ours.headers.get(name)


# --------------------------------------------------------------------------------------------
# Huawei Cloud SDK-HMAC-SHA256 (huaweicloudsdkcore)
# --------------------------------------------------------------------------------------------

GA_HOST = "ga.myhuaweicloud.com"
HW_CASES: dict[str, tuple[str, str, list[tuple[str, str]], dict[str, str], bytes]] = {
    # name: (method, path, query, headers, body)
    "list": ("GET", "/v1/byoip-pools", [], {"Content-Type": "application/json"}, b""),
    "list-paged": (
        "GET",
        "/v1/byoip-pools",
        [("limit", "10"), ("marker", "a1b2=+/c3")],
        {"Content-Type": "application/json"},
        b"",
    ),
    "special-query": (
        "GET",
        "/v1/byoip-pools",
        [("name", "my pool 池 ~*!'()"), ("empty", ""), ("id", "b"), ("id", "a"), ("ID", "c")],
        {},
        b"",
    ),
    "project-path": ("GET", "/v2.0/0b1e5c6d/vpcs/", [("limit", "1")], {}, b""),
    "encoded-segment": ("GET", "/v1/byoip-pools/pool%20a~b%2Ac", [], {}, b""),
    # a value with "/" (huaweicloudsdkcore: quote(v, safe="")): %2F on the wire, a "/" signed
    "encoded-slash": ("GET", "/v2/p1/volumes/dir%2Fa%20b%2B%25~%E5%8D%B7", [], {}, b""),
    "json-body": (
        "POST",
        "/v1/byoip-pools",
        [],
        {"Content-Type": "application/json;charset=UTF-8"},
        b'{"byoip_pool": {"cidr": "10.0.0.0/24"}}',
    ),
    "form-body": (
        "POST",
        "/v1/byoip-pools/action",
        [],
        {"Content-Type": "application/x-www-form-urlencoded"},
        b"a=1&b=2",
    ),
    "extra-headers": (
        "GET",
        "/v1/byoip-pools",
        [("limit", "5")],
        {"User-Agent": "sdk/1.0", "X_Not_Signed": "x", "X-Custom": "  padded  "},
        b"",
    ),
}


def _hw_request(case: str) -> HttpRequest:
    method, path, query, headers, body = HW_CASES[case]
    return HttpRequest(method, "https", GA_HOST, path, list(query), dict(headers), body)


def _official_huawei_authorization(
    unsigned: HttpRequest,
    signed: HttpRequest,
    project_id: str | None,
    security_token: str | None = None,
) -> tuple[str, dict[str, str]]:
    """BasicCredentials.sign_request (adds X-Project-Id, then Signer.sign) on the unsigned
    request, with our X-Sdk-Date preset so that both sign the same instant."""
    from huaweicloudsdkcore.auth.credentials import BasicCredentials
    from huaweicloudsdkcore.sdk_request import SdkRequest

    headers = {**unsigned.headers, "X-Sdk-Date": signed.headers["X-Sdk-Date"]}
    sdk_request = SdkRequest(
        method=unsigned.method,
        schema=unsigned.scheme,
        host=unsigned.host,
        resource_path=unsigned.path,  # both encoded once, as sent
        query_params=list(unsigned.query),
        header_params=headers,
        body=unsigned.body,
    )
    official = BasicCredentials(HW_AK, HW_SK, project_id)
    if security_token is not None:
        official.with_security_token(security_token)
    official.sign_request(sdk_request)
    return str(sdk_request.header_params["Authorization"]), sdk_request.header_params


@pytest.mark.parametrize("project_id", [HW_PROJECT, None])
@pytest.mark.parametrize("case", sorted(HW_CASES))
def test_huawei_matches_official_signer(case: str, project_id: str | None) -> None:
    creds = HuaweiCloudCredentials(HW_AK, HW_SK, project_id)
    unsigned = _hw_request(case)
    signed = _signed(make_signer("huawei-sdk-hmac-sha256", creds, "ap-southeast-1"), unsigned)

    expected, official_headers = _official_huawei_authorization(unsigned, signed, project_id)
    assert signed.headers["Authorization"] == expected
    assert signed.headers["X-Sdk-Date"] == "20240517T083045Z"
    assert signed.headers.get("X-Project-Id") == project_id
    assert signed.headers.keys() == official_headers.keys()
    assert signed.headers["Authorization"].startswith(
        f"SDK-HMAC-SHA256 Access={HW_AK}, SignedHeaders="
    )


@pytest.mark.parametrize("case", sorted(HW_CASES))
def test_huawei_security_token_matches_official_signer(case: str) -> None:
    """Temporary AK/SK (ECS metadata): X-Security-Token is sent and signed, as
    huaweicloudsdkcore's BasicCredentials.with_security_token does."""
    token = "hw-temporary-security-token-0123456789"
    creds = HuaweiCloudCredentials(HW_AK, HW_SK, HW_PROJECT, security_token=token)
    unsigned = _hw_request(case)
    signed = _signed(make_signer("huawei-sdk-hmac-sha256", creds, "ap-southeast-1"), unsigned)

    expected, official_headers = _official_huawei_authorization(unsigned, signed, HW_PROJECT, token)
    assert signed.headers["Authorization"] == expected
    assert signed.headers["X-Security-Token"] == official_headers["X-Security-Token"] == token
    assert "x-security-token" in expected.split("SignedHeaders=")[1].split(",")[0]
    assert signed.headers.keys() == official_headers.keys()


def test_huawei_signed_header_list() -> None:
    signer = HuaweiAkSkSigner(HW_AK, HW_SK, HW_PROJECT)
    signed = _signed(signer, _hw_request("extra-headers"))
    signed_headers = signed.headers["Authorization"].split("SignedHeaders=")[1].split(",")[0]
    assert signed_headers == "host;user-agent;x-custom;x-project-id;x-sdk-date"


def test_huawei_canonical_uri_has_trailing_slash_and_encoded_segments() -> None:
    from huaweicloudsdkcore.sdk_request import SdkRequest
    from huaweicloudsdkcore.signer.signer import Signer as HuaweiSigner

    official = HuaweiSigner.__new__(HuaweiSigner)
    for decoded in ("/v1/byoip-pools", "/v1/byoip-pools/", "/v1/a b~c*d/x+y=z", "/"):
        path = quote(decoded, safe="/")  # HttpRequest.path: as sent
        sdk_request = SdkRequest(resource_path=path)
        assert canonical_uri(path) == official._process_canonical_uri(sdk_request)


def test_huawei_token_signer_sets_headers_only() -> None:
    creds = HuaweiCloudCredentials(project_id=HW_PROJECT, auth_token=HW_TOKEN)
    signer = make_signer("huawei-token", creds, "ap-southeast-1")
    signed = _signed(signer, _hw_request("list-paged"))
    assert signed.headers["X-Auth-Token"] == HW_TOKEN
    assert signed.headers["X-Project-Id"] == HW_PROJECT
    assert "Authorization" not in signed.headers
    assert signed.query == HW_CASES["list-paged"][2]

    no_project = _signed(HuaweiTokenSigner(HW_TOKEN), _hw_request("list"))
    assert "X-Project-Id" not in no_project.headers


# --------------------------------------------------------------------------------------------
# Behaviour shared by all schemes
# --------------------------------------------------------------------------------------------


def _all_signers() -> list[Signer]:
    return [
        make_signer("acs3-hmac-sha256", ALI_CREDS["sts"], "cn-hangzhou"),
        make_signer("rpc-v1-hmac-sha1", ALI_CREDS["sts"], "cn-hangzhou"),
        make_signer("oss4-hmac-sha256", ALI_CREDS["sts"], "oss-cn-hangzhou"),
        make_signer(
            "huawei-sdk-hmac-sha256",
            HuaweiCloudCredentials(HW_AK, HW_SK, HW_PROJECT),
            "ap-southeast-1",
        ),
        make_signer("huawei-token", HuaweiCloudCredentials(auth_token=HW_TOKEN), "ap-southeast-1"),
        make_signer("sls-v1-hmac-sha1", ALI_CREDS["sts"], "cn-hangzhou"),
        make_signer("sls4-hmac-sha256", ALI_CREDS["sts"], "cn-hangzhou"),
    ]


@pytest.mark.parametrize("signer", _all_signers(), ids=SCHEMES)
def test_repr_hides_secrets(signer: Signer) -> None:
    for text in (repr(signer), str(signer)):
        for secret in (AK_SECRET, STS_TOKEN, HW_SK, HW_TOKEN, AK_ID, HW_AK):
            assert secret not in text
    assert type(signer).__name__ in repr(signer)


@pytest.mark.parametrize("signer", _all_signers(), ids=SCHEMES)
def test_now_in_another_timezone_signs_the_same_instant(signer: Signer) -> None:
    request = (
        _hw_request("list-paged")
        if isinstance(signer, HuaweiAkSkSigner | HuaweiTokenSigner)
        else _oss_request(OSS_QUERIES["flag"])
    )
    shanghai = NOW.astimezone(datetime.timezone(datetime.timedelta(hours=8)))
    utc_signed, local_signed = _signed(signer, request, NOW), _signed(signer, request, shanghai)
    for name in ("x-acs-date", "x-oss-date", "X-Sdk-Date", "Date", "x-log-date"):
        assert utc_signed.headers.get(name) == local_signed.headers.get(name)
    assert dict(utc_signed.query).get("Timestamp") == dict(local_signed.query).get("Timestamp")


def test_make_signer_returns_each_scheme() -> None:
    kinds = [type(s) for s in _all_signers()]
    assert kinds == [
        Acs3Signer,
        RpcV1Signer,
        Oss4Signer,
        HuaweiAkSkSigner,
        HuaweiTokenSigner,
        SlsV1Signer,
        SlsV4Signer,
    ]
    oss_signer = make_signer("oss4-hmac-sha256", ALI_CREDS["plain"], "oss-cn-hangzhou")
    assert isinstance(oss_signer, Oss4Signer) and oss_signer.region == "cn-hangzhou"


def test_make_signer_rejects_unknown_scheme() -> None:
    with pytest.raises(ValueError, match=r"unknown signing scheme 'hmac-md5'.*acs3-hmac-sha256"):
        make_signer("hmac-md5", ALI_CREDS["plain"], "cn-hangzhou")


@pytest.mark.parametrize(
    ("scheme", "credentials", "message"),
    [
        ("acs3-hmac-sha256", HuaweiCloudCredentials(HW_AK, HW_SK), "needs Alibaba Cloud"),
        ("rpc-v1-hmac-sha1", AlibabaCloudCredentials(AK_ID, ""), "access_key_secret"),
        ("oss4-hmac-sha256", AlibabaCloudCredentials("", AK_SECRET), "access_key_id"),
        ("huawei-sdk-hmac-sha256", ALI_CREDS["plain"], "needs Huawei Cloud"),
        ("huawei-sdk-hmac-sha256", HuaweiCloudCredentials(ak=HW_AK), "needs ak and sk"),
        ("huawei-sdk-hmac-sha256", HuaweiCloudCredentials(), "needs ak and sk"),
        ("huawei-token", HuaweiCloudCredentials(HW_AK, HW_SK), "needs auth_token"),
    ],
)
def test_make_signer_rejects_missing_or_wrong_credentials(
    scheme: str, credentials: AlibabaCloudCredentials | HuaweiCloudCredentials, message: str
) -> None:
    with pytest.raises(CredentialsError, match=message) as excinfo:
        make_signer(scheme, credentials, "cn-hangzhou")
    for secret in (AK_SECRET, HW_SK):
        assert secret not in str(excinfo.value)


def test_huawei_sdk_scheme_falls_back_to_token_without_ak_sk() -> None:
    creds = HuaweiCloudCredentials(project_id=HW_PROJECT, auth_token=HW_TOKEN)
    assert isinstance(make_signer("huawei-sdk-hmac-sha256", creds, "r"), HuaweiTokenSigner)


def test_percent_encode_matches_vendor_quirks() -> None:
    """RFC 3986 as all three vendors apply it: ~ kept, * and space and + and / encoded."""
    assert percent_encode("a~b*c d+e/f=g") == "a~b%2Ac%20d%2Be%2Ff%3Dg"
