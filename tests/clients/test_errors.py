"""Error answers raise the documented code's class, under the service base, under ApiError:
Alibaba RPC (JSON and XML), OSS XML and Huawei JSON error bodies."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from generated.alibabacloud import cloudsso, ens, oss
from generated.alibabacloud.cloudsso import AsyncCloudSsoClient, CloudSsoClient, CloudSsoError
from generated.alibabacloud.ens import (
    AccessDeniedError,
    AsyncEnsClient,
    EnsClient,
    EnsError,
    InvalidParameterError,
    MissingParameterError,
    NoPermissionError,
    NoSuchBucketError,
    UserDisableError,
)
from generated.alibabacloud.oss import AsyncOssClient, OssClient, OssError
from generated.huaweicloud import ga
from generated.huaweicloud.ga import AsyncGaClient, GaClient, GaError
from sdk_runtime.errors import ApiError, ClientError
from tests.clients.support import ALIBABA, HUAWEI
from tests.fakecloud import (
    ALIBABA_ACCESS_KEY_ID,
    FakeCloud,
)

ROOT = Path(__file__).resolve().parents[2]
UNDOCUMENTED = "Undocumented.Code"  # no page documents it: raises the service's base class
ACS_REQUEST_ID = re.compile(r"[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}")
OSS_REQUEST_ID = re.compile(r"[0-9A-F]{24}")
HUAWEI_REQUEST_ID = re.compile(r"[0-9a-f]{32}")

ENS_DOCUMENTED = [
    pytest.param(400, "MissingParameter", MissingParameterError, id="MissingParameter"),
    pytest.param(400, "NoPermission", NoPermissionError, id="NoPermission"),
    pytest.param(400, "InvalidParameter.PageSize", InvalidParameterError, id="InvalidParameter"),
    pytest.param(403, "AccessDenied", AccessDeniedError, id="AccessDenied"),
    pytest.param(403, "UserDisable", UserDisableError, id="UserDisable"),
    pytest.param(404, "NoSuchBucket", NoSuchBucketError, id="NoSuchBucket"),
]


def check_error(
    error: ApiError,
    cls: type[ApiError],
    base: type[ApiError],
    status: int,
    code: str,
    message: str,
    request_id: re.Pattern[str],
) -> None:
    assert type(error) is cls
    assert isinstance(error, base)
    assert isinstance(error, ApiError)
    assert isinstance(error, ClientError)
    assert error.code == code
    assert error.message == message
    assert error.status_code == status
    assert error.request_id is not None
    assert request_id.fullmatch(error.request_id)
    assert error.request_id.encode() in error.body  # read from the service's answer
    assert code in str(error) and message in str(error)


def _documented_codes(service: str) -> tuple[set[str], set[str]]:
    """(exact codes, pattern codes) that the pages of ``service`` document, read from the
    specs as plain YAML."""
    codes = {
        error["code"]
        for path in sorted((ROOT / "specs" / service).glob("*.yaml"))
        if path.name != "service.yaml"
        for error in yaml.safe_load(path.read_text(encoding="utf-8"))["errors"]
    }
    patterns = {code for code in codes if re.search(r"%[sd]", code)}
    return codes - patterns, patterns


def raised_class(module: Any, service: str, code: str) -> type[ApiError]:
    """The class an answer with ``code`` must raise: the code's own class if a page of
    ``service`` documents it (exactly, or by a pattern such as ``InvalidParameter.%s``),
    else the service's base class."""
    exact, patterns = _documented_codes(service)
    if code in exact:
        return module.ERRORS.codes[code]  # type: ignore[no-any-return]
    prefixes = dict(module.ERRORS.prefixes)
    for pattern in sorted(patterns):
        prefix = re.split(r"%[sd]", pattern, maxsplit=1)[0]
        if code.startswith(prefix):
            return prefixes[prefix]  # type: ignore[no-any-return]
    return module.ERRORS.base  # type: ignore[no-any-return]


def test_error_hierarchy() -> None:
    for module, base in (
        (ens, ens.EnsError),
        (oss, oss.OssError),
        (cloudsso, cloudsso.CloudSsoError),
        (ga, ga.GaError),
    ):
        assert issubclass(base, ApiError) and issubclass(base, ClientError)
        assert module.ERRORS.base is base
        for cls in module.ERRORS.codes.values():
            assert issubclass(cls, base)
    # exact codes are classes, pattern codes (InvalidParameter.%s) prefixes: those of every
    # ENS page, ListBuckets' among them
    exact, patterns = _documented_codes("alibabacloud/ens")
    assert set(ens.ERRORS.codes) == exact
    assert {prefix for prefix, _ in ens.ERRORS.prefixes} == {p.split("%")[0] for p in patterns}
    assert exact >= {
        "AccessDenied",
        "MissingParameter",
        "NoPermission",
        "NoSuchBucket",
        "UserDisable",
    }
    assert "InvalidParameter.%s" in patterns


@pytest.mark.parametrize(("status", "code", "cls"), ENS_DOCUMENTED)
@pytest.mark.parametrize("response_format", [None, "XML"])
def test_ens_documented_error(
    cloud: FakeCloud,
    status: int,
    code: str,
    cls: type[EnsError],
    response_format: str | None,
) -> None:
    message = f"injected {code} message"
    cloud.fail_next("ListBuckets", status, code, message)
    with (
        EnsClient(endpoint=cloud.url, response_format=response_format, **ALIBABA) as client,
        pytest.raises(cls) as caught,
    ):
        client.list_buckets()
    check_error(caught.value, cls, EnsError, status, code, message, ACS_REQUEST_ID)
    assert len(cloud.requests) == 1  # not retried
    assert cloud.rejected == []


@pytest.mark.parametrize(("status", "code", "cls"), ENS_DOCUMENTED)
async def test_async_ens_documented_error(
    cloud: FakeCloud, status: int, code: str, cls: type[EnsError]
) -> None:
    cloud.fail_next("ListBuckets", status, code, "async message")
    async with AsyncEnsClient(endpoint=cloud.url, **ALIBABA) as client:
        with pytest.raises(cls) as caught:
            await client.list_buckets()
    check_error(caught.value, cls, EnsError, status, code, "async message", ACS_REQUEST_ID)
    assert len(cloud.requests) == 1
    assert cloud.rejected == []


def test_ens_page_size_out_of_range_is_invalid_parameter(cloud: FakeCloud) -> None:
    # not injected: the service itself rejects PageSize > 100 (the client would refuse it
    # before sending, so its checks are off: test_validation.py holds those)
    with (
        EnsClient(endpoint=cloud.url, validate=False, **ALIBABA) as client,
        pytest.raises(InvalidParameterError) as caught,
    ):
        client.list_buckets(page_size="101")
    check_error(
        caught.value,
        InvalidParameterError,
        EnsError,
        400,
        "InvalidParameter.PageSize",
        "The specified field PageSize invalid. Please check it again.",
        ACS_REQUEST_ID,
    )
    assert cloud.rejected == []


@pytest.mark.parametrize("response_format", [None, "XML"])
def test_ens_undocumented_code_raises_the_service_base(
    cloud: FakeCloud, response_format: str | None
) -> None:
    cloud.fail_next("ListBuckets", 400, "Undocumented.Code", "something new")
    with (
        EnsClient(endpoint=cloud.url, response_format=response_format, **ALIBABA) as client,
        pytest.raises(EnsError) as caught,
    ):
        client.list_buckets()
    check_error(
        caught.value, EnsError, EnsError, 400, "Undocumented.Code", "something new", ACS_REQUEST_ID
    )
    assert cloud.rejected == []


def test_cloudsso_undocumented_code(cloud: FakeCloud) -> None:
    assert cloudsso.ERRORS.class_for(UNDOCUMENTED) is CloudSsoError
    cloud.fail_next("ListDirectories", 404, UNDOCUMENTED, "no such directory")
    with (
        CloudSsoClient(endpoint=cloud.url, **ALIBABA) as client,
        pytest.raises(CloudSsoError) as caught,
    ):
        client.list_directories()
    check_error(
        caught.value,
        CloudSsoError,
        CloudSsoError,
        404,
        UNDOCUMENTED,
        "no such directory",
        ACS_REQUEST_ID,
    )
    assert cloud.rejected == []


async def test_async_cloudsso_xml_error(cloud: FakeCloud) -> None:
    cloud.fail_next("ListDirectories", 403, "NoPermission", "xml error body")
    async with AsyncCloudSsoClient(
        endpoint=cloud.url, response_format="XML", signing="rpc-v1-hmac-sha1", **ALIBABA
    ) as client:
        with pytest.raises(CloudSsoError) as caught:
            await client.list_directories()
    check_error(
        caught.value,
        raised_class(cloudsso, "alibabacloud/cloudsso", "NoPermission"),
        CloudSsoError,
        403,
        "NoPermission",
        "xml error body",
        ACS_REQUEST_ID,
    )
    assert caught.value.body.lstrip().startswith(b"<?xml")
    assert cloud.rejected == []


# --------------------------------------------------------------------------- OSS XML errors


def test_oss_xml_error_from_the_service(cloud: FakeCloud) -> None:
    with OssClient(endpoint=cloud.url, **ALIBABA) as client:
        with pytest.raises(OssError) as too_many:
            client.list_resource_pools(max_keys=5000)
        with pytest.raises(OssError) as bad_token:
            client.list_resource_pools(continuation_token="not-a-token")
    invalid_argument = raised_class(oss, "alibabacloud/oss", "InvalidArgument")
    check_error(
        too_many.value,
        invalid_argument,
        OssError,
        400,
        "InvalidArgument",
        "Argument max-keys must be an integer between 1 and 1000.",
        OSS_REQUEST_ID,
    )
    check_error(
        bad_token.value,
        invalid_argument,
        OssError,
        400,
        "InvalidArgument",
        "The continuation token provided is incorrect.",
        OSS_REQUEST_ID,
    )
    assert len(cloud.requests) == 2
    assert cloud.rejected == []


async def test_async_oss_injected_error(cloud: FakeCloud) -> None:
    cloud.fail_next("ListResourcePools", 403, "AccessDenied", "You have no right to access.")
    async with AsyncOssClient(endpoint=cloud.url, **ALIBABA) as client:
        with pytest.raises(OssError) as caught:
            await client.list_resource_pools()
    check_error(
        caught.value,
        raised_class(oss, "alibabacloud/oss", "AccessDenied"),
        OssError,
        403,
        "AccessDenied",
        "You have no right to access.",
        OSS_REQUEST_ID,
    )
    assert len(cloud.requests) == 1
    assert cloud.rejected == []


def test_oss_rejected_signature_is_an_error(cloud: FakeCloud) -> None:
    # A wrong secret: the official signer disagrees and the service says so.
    with (
        OssClient(
            endpoint=cloud.url, access_key_id=ALIBABA_ACCESS_KEY_ID, access_key_secret="wrong"
        ) as client,
        pytest.raises(OssError) as caught,
    ):
        client.list_resource_pools()
    assert caught.value.code == "SignatureDoesNotMatch"
    assert caught.value.status_code == 403
    assert len(cloud.rejected) == 1  # the fake really checks signatures


# --------------------------------------------------------------------------- Huawei JSON errors


def test_ga_json_error_from_the_service(cloud: FakeCloud) -> None:
    with GaClient(endpoint=cloud.url, **HUAWEI) as client, pytest.raises(GaError) as caught:
        client.list_byoip_pools(limit=0)
    check_error(
        caught.value,
        raised_class(ga, "huaweicloud/ga", "GA.0001"),
        GaError,
        400,
        "GA.0001",
        "Invalid parameter limit: '0' (1-500).",
        HUAWEI_REQUEST_ID,
    )
    assert len(cloud.requests) == 1
    assert cloud.rejected == []


async def test_async_ga_injected_error(cloud: FakeCloud) -> None:
    cloud.fail_next("ListByoipPools", 404, "GA.1001", "The resource is not found.")
    async with AsyncGaClient(endpoint=cloud.url, **HUAWEI) as client:
        with pytest.raises(GaError) as caught:
            await client.list_byoip_pools()
    check_error(
        caught.value,
        raised_class(ga, "huaweicloud/ga", "GA.1001"),
        GaError,
        404,
        "GA.1001",
        "The resource is not found.",
        HUAWEI_REQUEST_ID,
    )
    assert cloud.rejected == []


def test_ga_rejected_token(cloud: FakeCloud) -> None:
    with (
        GaClient(endpoint=cloud.url, auth_token="not-the-token") as client,
        pytest.raises(GaError) as caught,
    ):
        client.list_byoip_pools()
    assert caught.value.code == "APIGW.0301"
    assert caught.value.status_code == 401
    assert len(cloud.rejected) == 1
