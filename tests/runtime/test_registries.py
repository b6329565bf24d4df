"""The runtime's registries: protocols, signing schemes, error formats, credential families
and providers, by the names specs use; loaded on first use; open to a new entry."""

from __future__ import annotations

import inspect
import json
import subprocess
import sys
from pathlib import Path
from typing import ClassVar

import pytest

from sdk_runtime import signing
from sdk_runtime.credentials import FAMILIES, AlibabaCloudCredentials, HuaweiCloudCredentials
from sdk_runtime.http import HttpRequest, HttpResponse
from sdk_runtime.protocols import ERROR_FORMATS, PROTOCOLS, parse_error
from sdk_runtime.providers import PROVIDERS
from sdk_runtime.registry import Registry
from sdk_runtime.signing import SIGNERS, make_signer
from tests.runtime.specs import service_spec

PROJECT = Path(__file__).resolve().parents[2]


def test_an_unknown_name_lists_the_known_ones() -> None:
    registry: Registry[object] = Registry("widget", {"a": "json:dumps", "b": "json:loads"})
    assert registry.names() == ("a", "b") and "a" in registry and "c" not in registry
    with pytest.raises(ValueError, match=r"unknown widget 'c'; expected one of: 'a', 'b'"):
        registry["c"]
    assert registry["a"] is json.dumps


def test_entries_load_on_first_use() -> None:
    code = (
        "import sys\n"
        "from sdk_runtime.signing import SIGNERS\n"
        "from sdk_runtime.protocols import PROTOCOLS\n"
        "assert 'sdk_runtime.signing.oss4' not in sys.modules\n"
        "assert SIGNERS['oss4-hmac-sha256'].__name__ == 'Oss4Signer'\n"
        "assert 'sdk_runtime.signing.oss4' in sys.modules\n"
        "assert 'sdk_runtime.signing.huawei' not in sys.modules\n"
        "assert PROTOCOLS['rpc'].name == 'rpc'\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=PROJECT, check=False
    )
    assert result.returncode == 0, result.stderr


def test_every_entry_loads_and_names_itself() -> None:
    assert PROTOCOLS.names() == ("rest-xml", "rpc", "rest-json")
    assert all(PROTOCOLS[name].name == name for name in PROTOCOLS)
    for name in ERROR_FORMATS:
        error_format = ERROR_FORMATS[name]
        assert callable(error_format.read) and error_format.body.fields
        assert error_format.body.media_type in ("application/xml", "application/json")
    assert all(FAMILIES[name].name == name for name in FAMILIES)
    assert all(PROVIDERS[name].name == name for name in PROVIDERS)
    assert PROVIDERS["opentelekomcloud"].title == "Open Telekom Cloud"
    for scheme in SIGNERS:
        assert SIGNERS[scheme].family in FAMILIES


class _PlainSigner:
    """A scheme of a test's own: what a new scheme module provides."""

    family: ClassVar[str] = "alibabacloud"
    security: ClassVar[signing.ApiKey] = signing.ApiKey("header", "authorization", "Plain.")

    def __init__(self, key_id: str) -> None:
        self.key_id = key_id

    @classmethod
    def from_credentials(
        cls, credentials: AlibabaCloudCredentials | HuaweiCloudCredentials, region: str
    ) -> _PlainSigner:
        assert isinstance(credentials, AlibabaCloudCredentials)
        return cls(credentials.access_key_id)

    def sign(self, request: HttpRequest, now: object) -> None:
        request.headers["authorization"] = f"plain {self.key_id}"


def test_a_new_signing_scheme_is_one_entry(monkeypatch: pytest.MonkeyPatch) -> None:
    extended: Registry[signing.SignerClass] = Registry("signing scheme", {})
    for name in SIGNERS:
        extended.register(name, f"sdk_runtime.signing:{SIGNERS[name].__name__}")
    extended.register("plain", f"{__name__}:_PlainSigner")
    monkeypatch.setattr(signing, "SIGNERS", extended)
    signer = make_signer("plain", AlibabaCloudCredentials("LTAI-id", "secret"), "cn-hangzhou")
    assert isinstance(signer, _PlainSigner) and signer.key_id == "LTAI-id"
    with pytest.raises(signing.CredentialsError, match="needs Alibaba Cloud credentials"):
        make_signer("plain", HuaweiCloudCredentials("ak", "sk"), "cn-hangzhou")


@pytest.mark.parametrize(
    "family",
    [FAMILIES[name] for name in FAMILIES],
    ids=list(FAMILIES),
)
def test_a_family_reads_the_environment_it_documents(
    family: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The keywords and variables generated clients document are the ones resolve uses."""
    from sdk_runtime.credentials import CredentialFamily

    assert isinstance(family, CredentialFamily)
    for _, variable in family.keywords:
        if variable is not None:
            monkeypatch.setenv(variable, f"from-{variable}")
    resolved = family.credentials.resolve()
    for keyword, variable in family.keywords:
        if variable is not None:
            assert getattr(resolved, keyword) == f"from-{variable}"
    # generated clients call resolve(*keywords) in this order
    parameters = list(inspect.signature(family.credentials.resolve).parameters)
    assert parameters == [keyword for keyword, _ in family.keywords]


@pytest.mark.parametrize(
    "body",
    [
        {"error_code": "VPC.0101", "error_msg": "not found", "request_id": "r-1"},
        {"code": "VPC.0101", "message": "not found", "request_id": "r-1"},
        {"error": {"code": "VPC.0101", "message": "not found"}, "request_id": "r-1"},
        {"error": {"error_code": "VPC.0101", "error_msg": "not found"}, "request_id": "r-1"},
    ],
    ids=["error_code", "code", "nested-code", "nested-error_code"],
)
def test_every_documented_huawei_error_body(body: dict[str, object]) -> None:
    response = HttpResponse(404, {}, json.dumps(body).encode())
    error = parse_error(service_spec("rest-json", "huawei-json", "huawei-token"), response)
    assert (error.code, error.message, error.status_code) == ("VPC.0101", "not found", 404)


SLS_ERRORS = {
    "documented": (404, {"errorCode": "LogStoreNotExist", "errorMessage": "logstore x not exist"}),
    "throttled": (403, {"errorCode": "WriteQuotaExceed", "errorMessage": "quota"}),
    "extra-fields": (400, {"errorCode": "InvalidQueryString", "errorMessage": "bad", "x": 1}),
}


@pytest.mark.parametrize("case", sorted(SLS_ERRORS))
def test_sls_error_bodies_read_as_the_official_log_client_reads_them(
    case: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from aliyun.log.logclient import LogClient
    from aliyun.log.logexception import LogException

    status, data = SLS_ERRORS[case]
    body = json.dumps(data).encode()
    headers = {"x-log-requestid": "60AC5164947E71A31F55D8D0", "Content-Type": "application/json"}
    official_client = LogClient("cn-hangzhou.log.aliyuncs.com", "id", "secret", source="127.0.0.1")
    monkeypatch.setattr(
        official_client, "_getHttpResponse", lambda *args: (status, body, dict(headers))
    )
    with pytest.raises(LogException) as caught:
        official_client._sendRequest("GET", "http://unused", {}, None, {})
    official = caught.value

    response = HttpResponse(status, {k.lower(): v for k, v in headers.items()}, body)
    ours = parse_error(service_spec("rest-json", "sls-json", "sls-v1-hmac-sha1"), response)
    assert (ours.code, ours.message, ours.request_id, ours.status_code) == (
        official.get_error_code(),
        official.get_error_message(),
        official.get_request_id(),
        official.resp_status,
    )


def test_an_sls_error_without_its_fields_still_names_the_status() -> None:
    response = HttpResponse(502, {}, b"<html>Bad Gateway</html>")
    error = parse_error(service_spec("rest-json", "sls-json", "sls-v1-hmac-sha1"), response)
    assert (error.code, error.request_id) == ("HTTP502", None)
    assert error.message == "HTTP 502 with no error message"
