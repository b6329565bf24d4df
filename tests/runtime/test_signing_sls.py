"""Simple Log Service signatures: what ``sdk_runtime.signing.sls`` sends must be what the
official aliyun-log-python-sdk sends for the same request.

The oracle is the official client itself: ``LogClient._send`` (which adds SLS's common
headers and signs with ``AuthV1`` / ``AuthV4``) runs up to the point where it would send, its
clock pinned to ours; every header it would send that the signature covers or that SLS reads
(``x-log-*``, ``x-acs-*``, ``Date``, ``Content-MD5``, ``Content-Type``, ``Authorization``)
must equal ours.
"""

from __future__ import annotations

import copy
import datetime
import json
from typing import Any

import pytest

from sdk_runtime.credentials import AlibabaCloudCredentials
from sdk_runtime.errors import CredentialsError
from sdk_runtime.http import HttpRequest
from sdk_runtime.signing import SlsV1Signer, SlsV4Signer, make_signer
from sdk_runtime.signing.sls import http_date

NOW = datetime.datetime(2024, 5, 7, 8, 3, 5, tzinfo=datetime.UTC)
AK_ID = "LTAI5tExampleKeyId42"
AK_SECRET = "Ex4mpleSecret/+=Value0123456789"
STS_TOKEN = "CAISExampleStsToken+/==tail"
CREDS = {
    "plain": AlibabaCloudCredentials(AK_ID, AK_SECRET),
    "sts": AlibabaCloudCredentials(AK_ID, AK_SECRET, STS_TOKEN),
}
PROJECT, HOST = "big-game", "big-game.cn-hangzhou.log.aliyuncs.com"
GETLOGS_QUERY = "level:Information|select event_id as Key1,COUNT(*) as Key2 group by Key1"


class Call:
    """One SLS request: method, resource (path), query, headers the operation sets, body."""

    def __init__(
        self,
        method: str,
        resource: str,
        params: dict[str, str],
        headers: dict[str, str] | None = None,
        body: bytes = b"",
    ) -> None:
        self.method, self.resource, self.params = method, resource, params
        self.headers, self.body = headers or {}, body


_JSON_BODY = json.dumps({"from": 1409529600, "to": 1409608800, "query": "* | select 1"}).encode()
CALLS: dict[str, Call] = {
    # GetLogs as its page's sample request shows it (the query without the page's quotes)
    "getlogs-page": Call(
        "GET",
        "/logstores/app_log",
        {
            "type": "log",
            "topic": "groupA",
            "from": "1409529600",
            "to": "1409608800",
            "query": GETLOGS_QUERY,
            "line": "20",
            "offset": "0",
        },
    ),
    "no-query": Call("GET", "/logstores", {}),
    "spaces-pipe-star": Call(
        "GET",
        "/logstores/app_log",
        {"type": "log", "query": "* | select count(*) as pv", "topic": "a b+c"},
    ),
    "unicode": Call("GET", "/logstores/日志", {"query": "状态:错误 and é", "topic": "ß~!'()"}),
    "empty-values": Call("GET", "/logstores/app_log", {"topic": "", "query": "", "type": "log"}),
    "reserved": Call("GET", "/logstores/app_log", {"query": "a=b&c=d%41#x", "reverse": "true"}),
    "json-body": Call(
        "POST",
        "/logstores/app_log/logs",
        {},
        {"Content-Type": "application/json", "x-log-bodyrawsize": str(len(_JSON_BODY))},
        _JSON_BODY,
    ),
    "log-headers": Call(
        "GET",
        "/logstores/app_log/shards",
        {"type": "log"},
        {"x-log-compresstype": "lz4", "x-acs-extra": "v", "x-log-meta-owner": "not signed"},
    ),
}


def _official_headers(
    call: Call, creds: AlibabaCloudCredentials, monkeypatch: pytest.MonkeyPatch, version: str
) -> dict[str, str]:
    """The headers ``LogClient`` would send for ``call``, with its clock at NOW."""
    from aliyun.log import auth
    from aliyun.log.logclient import LogClient

    class FrozenDatetime(datetime.datetime):
        @classmethod
        def utcnow(cls) -> FrozenDatetime:
            return cls.fromtimestamp(NOW.timestamp(), datetime.UTC).replace(tzinfo=None)

    monkeypatch.setattr(auth, "datetime", FrozenDatetime)
    client = LogClient(
        "cn-hangzhou.log.aliyuncs.com",
        creds.access_key_id,
        creds.access_key_secret,
        creds.security_token,
        source="127.0.0.1",
        auth_version=version,
        region="cn-hangzhou",
    )
    sent: list[dict[str, str]] = []

    def capture(
        method: str, url: str, params: Any, body: Any, headers: dict[str, str], *rest: Any
    ) -> Any:
        assert url == f"http://{HOST}:80{call.resource}"
        sent.append(headers)
        return {}, {}

    monkeypatch.setattr(client, "_sendRequest", capture)
    body = call.body or None
    client._send(call.method, PROJECT, body, call.resource, dict(call.params), dict(call.headers))
    return sent[0]


def _ours(call: Call, signer: SlsV1Signer | SlsV4Signer) -> dict[str, str]:
    """Our request for ``call`` as the REST protocol hands it over, signed at NOW."""
    headers = {"host": HOST, **call.headers}
    request = HttpRequest(
        call.method, "https", HOST, call.resource, list(call.params.items()), headers, call.body
    )
    signed = copy.deepcopy(request)
    signer.sign(signed, NOW)
    assert request.headers == headers  # the unsigned request is left alone
    return signed.headers


def _compared(headers: dict[str, str]) -> dict[str, str]:
    """What SLS reads of a request's headers (lower-cased names): all but the transport's."""
    skipped = {"host", "content-length", "user-agent", "x-log-meta-owner"}
    return {k.lower(): v for k, v in headers.items() if k.lower() not in skipped}


@pytest.mark.parametrize("call_case", sorted(CALLS))
@pytest.mark.parametrize("cred_case", sorted(CREDS))
def test_v1_matches_the_official_log_client(
    call_case: str, cred_case: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    call, creds = CALLS[call_case], CREDS[cred_case]
    official = _official_headers(call, creds, monkeypatch, "v1")
    ours = _ours(call, SlsV1Signer(creds))

    assert _compared(ours) == _compared(official)
    assert ours["Authorization"] == official["Authorization"]
    assert ours["Authorization"].startswith(f"LOG {AK_ID}:")
    assert ours["Date"] == ours["x-log-date"] == "Tue, 07 May 2024 08:03:05 GMT"
    assert ours["x-log-apiversion"] == "0.6.0"
    assert ours["x-log-signaturemethod"] == "hmac-sha1"
    assert ours["x-log-bodyrawsize"] == str(len(call.body))
    assert ("Content-MD5" in ours) == bool(call.body)
    assert ours.get("x-acs-security-token") == creds.security_token


@pytest.mark.parametrize("call_case", sorted(CALLS))
@pytest.mark.parametrize("cred_case", sorted(CREDS))
def test_v4_matches_the_official_log_client(
    call_case: str, cred_case: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    call, creds = CALLS[call_case], CREDS[cred_case]
    official = _official_headers(call, creds, monkeypatch, "v4")
    ours = _ours(call, SlsV4Signer(creds, "cn-hangzhou"))

    assert _compared(ours) == _compared(official)
    assert ours["Authorization"] == official["Authorization"]
    assert ours["Authorization"].startswith(
        f"SLS4-HMAC-SHA256 Credential={AK_ID}/20240507/cn-hangzhou/sls/aliyun_v4_request,"
    )
    assert ours["x-log-date"] == "20240507T080305Z"


def test_the_getlogs_v1_string_to_sign_is_the_documented_one() -> None:
    """Independent of the SDK: the string to sign the SLS docs describe, for GetLogs."""
    import base64
    import hashlib
    import hmac

    call = CALLS["getlogs-page"]
    ours = _ours(call, SlsV1Signer(CREDS["sts"]))
    string_to_sign = (
        "GET\n\n\nTue, 07 May 2024 08:03:05 GMT\n"
        f"x-acs-security-token:{STS_TOKEN}\n"
        "x-log-apiversion:0.6.0\nx-log-bodyrawsize:0\nx-log-signaturemethod:hmac-sha1\n"
        "/logstores/app_log?from=1409529600&line=20&offset=0"
        f"&query={GETLOGS_QUERY}&to=1409608800&topic=groupA&type=log"
    )
    digest = hmac.new(AK_SECRET.encode(), string_to_sign.encode(), hashlib.sha1).digest()
    assert ours["Authorization"] == f"LOG {AK_ID}:{base64.b64encode(digest).decode()}"


@pytest.mark.parametrize(
    ("now", "expected"),
    [
        (NOW, "Tue, 07 May 2024 08:03:05 GMT"),
        (
            datetime.datetime(
                2024, 12, 29, 23, 59, 59, tzinfo=datetime.timezone(-datetime.timedelta(hours=8))
            ),
            "Mon, 30 Dec 2024 07:59:59 GMT",
        ),
    ],
)
def test_the_date_is_rfc_1123_gmt_in_any_locale(now: datetime.datetime, expected: str) -> None:
    assert http_date(now) == expected


def test_the_schemes_are_registered_for_alibaba_cloud_credentials() -> None:
    signer = make_signer("sls-v1-hmac-sha1", CREDS["plain"], "cn-hangzhou")
    assert isinstance(signer, SlsV1Signer)
    assert isinstance(make_signer("sls4-hmac-sha256", CREDS["plain"], "cn-hangzhou"), SlsV4Signer)
    with pytest.raises(CredentialsError, match="needs access_key_id and access_key_secret"):
        make_signer("sls-v1-hmac-sha1", AlibabaCloudCredentials(AK_ID, ""), "cn-hangzhou")
    with pytest.raises(CredentialsError, match="needs the region"):
        make_signer("sls4-hmac-sha256", CREDS["plain"], "")


def test_no_secret_in_the_signers_repr() -> None:
    for signer in (SlsV1Signer(CREDS["sts"]), SlsV4Signer(CREDS["sts"], "cn-hangzhou")):
        text = repr(signer)
        assert AK_SECRET not in text and STS_TOKEN not in text
