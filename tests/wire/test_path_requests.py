"""Path parameters on the wire, judged by the official SDKs on a loopback server: each value
is percent-encoded once, and the signature covers the canonical path the official signer
derives from it.

- Huawei Cloud (huaweicloudsdkcore, EVS ``ShowVolume``): a value is ``quote(v, safe="")``,
  so ``/`` travels as ``%2F``; the SDK-HMAC-SHA256 canonical URI decodes the path and splits
  it at every ``/``. The server checks the signature as huaweicloudsdkcore computes it.
- Alibaba Cloud ROA (tea-openapi's ``call_api``, ``style="ROA"``): a value is
  ``get_encode_param(v)`` (``quote(v, safe="~")``) and ACS3 signs the pathname as sent; the
  server checks both signatures as tea-openapi's ``get_authorization`` computes them.
- OSS object keys (greedy ``{key+}``, alibabacloud-oss-v2) are judged in
  ``test_host_requests.py``.
"""

from __future__ import annotations

import json
from urllib.parse import parse_qsl

import pytest
from huaweicloudsdkcore.auth.credentials import BasicCredentials
from huaweicloudsdkcore.http.http_config import HttpConfig
from huaweicloudsdkcore.sdk_request import SdkRequest
from huaweicloudsdkcore.signer.signer import Signer as OfficialSigner
from huaweicloudsdkevs.v2 import EvsClient, ShowVolumeRequest

from sdk_runtime.client import BaseClient
from sdk_runtime.credentials import AlibabaCloudCredentials, HuaweiCloudCredentials
from sdk_runtime.errors import ApiError
from sdk_runtime.service import ErrorTable, OperationSpec, ServiceSpec
from tests.wire import evs as ours
from tests.wire.capture import Captured, Reply, assert_same_request, capture_server, json_reply

AK, SK, PROJECT = "HW-path-test-ak", "hw-path-test-sk", "0123456789abcdef0123456789abcdef"

# space, "/", "+", "%", "~", "=", "?", "#", unicode: every one a character a path escapes
VOLUME_IDS = [
    "b104b8db-170d-441b-897a-3c8ba9c5a214",
    "dir/a b.txt",
    "a+b%20c~d",
    "x=y?z#w&v",
    "卷/ü;:@",
    "v.1_~-",
]


def _signature_checked(request: Captured) -> bool:
    """Whether the Authorization is what huaweicloudsdkcore computes over the path as it
    arrived (what the service checks)."""
    authorization = request.headers.get("authorization", "")
    signed = authorization.split("SignedHeaders=")[1].split(",")[0].split(";")
    sdk_request = SdkRequest(
        method=request.method,
        schema="http",
        host=request.host,
        resource_path=request.raw_path,
        query_params=parse_qsl(request.raw_query, keep_blank_values=True),
        header_params={name: request.headers[name] for name in signed},
        body=request.body,
    )
    OfficialSigner(BasicCredentials(AK, SK)).sign(sdk_request)
    return bool(sdk_request.header_params["Authorization"] == authorization)


def _reply(request: Captured) -> Reply:
    status = 200 if _signature_checked(request) else 401
    return status, {"Content-Type": "application/json"}, json.dumps({"volume": {}}).encode()


@pytest.mark.parametrize("volume_id", VOLUME_IDS)
def test_huawei_path_value_is_encoded_once_like_huaweicloudsdkcore(volume_id: str) -> None:
    with capture_server(_reply) as server:
        config = HttpConfig.get_default_config()
        config.retry_times = 0
        official = (
            EvsClient.new_builder()
            .with_credentials(BasicCredentials(AK, SK, PROJECT))
            .with_endpoint(server.url)
            .with_http_config(config)
            .build()
        )
        official.show_volume(ShowVolumeRequest(volume_id=volume_id))
        credentials = HuaweiCloudCredentials(AK, SK, project_id=PROJECT)
        with BaseClient(ours.EVS, credentials, endpoint=server.url) as client:
            client._call(ours.SHOW_VOLUME, {"project_id": PROJECT, "volume_id": volume_id})
    theirs, mine = server.requests
    assert mine.raw_path == theirs.raw_path  # byte for byte: "/" as %2F, "%" as %25
    assert mine.path == f"/v2/{PROJECT}/cloudvolumes/{volume_id}"  # decoded once: the value
    assert_same_request(mine, theirs, ("x-project-id",))
    assert _signature_checked(theirs) and _signature_checked(mine)  # both accepted


def test_a_path_value_is_never_encoded_twice() -> None:
    """The request the protocol builds: ``dir/a b.txt`` is ``dir%2Fa%20b.txt`` on the wire,
    not ``dir%252Fa%2520b.txt``."""
    credentials = HuaweiCloudCredentials(AK, SK, project_id=PROJECT)
    with BaseClient(ours.EVS, credentials, endpoint="http://127.0.0.1:1") as client:
        request = client._pipeline.prepare(
            ours.SHOW_VOLUME, {"project_id": PROJECT, "volume_id": "dir/a b.txt"}
        )
    assert request.url == f"http://127.0.0.1:1/v2/{PROJECT}/cloudvolumes/dir%2Fa%20b.txt"


# ---------------------------------------------------------------- Alibaba Cloud ROA (ACS3)

ALI_KEY, ALI_SECRET = "LTAI-path-test", "path-test-secret"
ROA = ServiceSpec(
    provider="alibabacloud",
    service="cs",
    api_version="2015-12-15",
    protocol="rest-json",
    error_format="alibaba-rpc",
    endpoint="https://cs.{region}.aliyuncs.com",
    default_region="cn-hangzhou",
    signing="acs3-hmac-sha256",
    signing_schemes=("acs3-hmac-sha256",),
    errors=ErrorTable(base=ApiError),
    models=ours.__name__,
)
DESCRIBE_CLUSTER: OperationSpec[ours.EvsResponse] = OperationSpec(
    name="DescribeClusterDetail",
    method="GET",
    path="/clusters/{ClusterId}",
    response="EvsResponse",
    locations={"ClusterId": "path"},
)


def _acs3_checked(request: Captured) -> bool:
    """Whether the ACS3 Authorization is what tea-openapi's ``get_authorization`` computes
    over the request as it arrived, its path as sent (what the service checks)."""
    from alibabacloud_tea_openapi.utils import Utils
    from darabonba.request import DaraRequest

    authorization = request.headers["authorization"]
    signed = authorization.split("SignedHeaders=")[1].split(",")[0].split(";")
    dara = DaraRequest()
    dara.method = request.method
    dara.pathname = request.raw_path
    dara.query = dict(parse_qsl(request.raw_query, keep_blank_values=True))
    dara.headers = {name: request.headers[name] for name in signed}
    payload = request.headers["x-acs-content-sha256"]
    expected = Utils.get_authorization(dara, "ACS3-HMAC-SHA256", payload, ALI_KEY, ALI_SECRET)
    return bool(expected == authorization)


@pytest.mark.parametrize("cluster_id", VOLUME_IDS)
def test_alibaba_roa_path_value_is_encoded_once_like_tea_openapi(cluster_id: str) -> None:
    """tea-openapi's ROA call: ``pathname=/clusters/{get_encode_param(id)}`` (``/`` as
    ``%2F``), signed as sent. Ours is the same path, and both signatures check out."""
    from alibabacloud_openapi_util.client import Client as OpenApiUtil
    from alibabacloud_tea_openapi.client import Client as OpenApiClient
    from alibabacloud_tea_openapi.models import Config, OpenApiRequest, Params
    from darabonba.runtime import RuntimeOptions

    with capture_server(json_reply({"cluster_id": "c-1"})) as server:
        config = Config(
            access_key_id=ALI_KEY,
            access_key_secret=ALI_SECRET,
            endpoint=server.host,
            protocol="http",
            region_id="cn-hangzhou",
        )
        params = Params(
            action="DescribeClusterDetail",
            version="2015-12-15",
            protocol="HTTP",
            pathname=f"/clusters/{OpenApiUtil.get_encode_param(cluster_id)}",
            method="GET",
            auth_type="AK",
            style="ROA",
            req_body_type="json",
            body_type="json",
        )
        OpenApiClient(config).call_api(params, OpenApiRequest(), RuntimeOptions())
        credentials = AlibabaCloudCredentials(ALI_KEY, ALI_SECRET)
        with BaseClient(ROA, credentials, endpoint=server.url) as client:
            client._call(DESCRIBE_CLUSTER, {"ClusterId": cluster_id})
    theirs, mine = server.requests
    assert mine.raw_path == theirs.raw_path
    assert mine.path == f"/clusters/{cluster_id}"
    assert _acs3_checked(theirs) and _acs3_checked(mine)
