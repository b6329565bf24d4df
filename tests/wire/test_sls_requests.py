"""Simple Log Service GetLogs end to end, by spec alone: the client generated from
``specs/alibabacloud/sls/GetLogs.yaml`` (rest-json, ``sls-v1-hmac-sha1``, ``sls-json`` errors,
the project in the host name, the body as a ``payload`` array, ``x-log-progress`` and
``x-log-count`` read from the headers) sends the request aliyun-log-python-sdk's
``LogClient._send`` sends for the page's sample request, the loopback server accepts both
signatures as SLS checks them (recomputed with the official ``aliyun.log.util.Util``), the
array answer decodes, and an error body raises the documented error class.
"""

from __future__ import annotations

import importlib
import json
from types import ModuleType
from typing import Any

import pytest

from tests.wire.capture import Captured, Reply, assert_same_request, capture_server

AK_ID, AK_SECRET = "LTAI-sls-wire-test", "sls-wire-test-secret"
STS_TOKEN = "CAIS-sls-wire-sts-token"
QUERY = "level:Information|select event_id as Key1,COUNT(*) as Key2 group by Key1"
PAGE_CALL = {
    "type": "log",
    "topic": "groupA",
    "from": "1409529600",
    "to": "1409608800",
    "query": QUERY,
    "line": "20",
    "offset": "0",
    "reverse": "false",
}
LOGS = [
    {"__time__": 1409529660, "__source__": "192.168.1.100", "Key1": "error", "Key2": "Value2"},
    {"__time__": 1409529680, "__source__": "192.168.1.100", "Key3": "error", "Key4": "Value4"},
]
SLS_HEADERS = ("x-log-apiversion", "x-log-bodyrawsize", "x-log-signaturemethod")


@pytest.fixture(scope="module")
def sls() -> ModuleType:
    """The client generated from specs/alibabacloud/sls (GetLogs.yaml, from its stored page)."""
    return importlib.import_module("generated.alibabacloud.sls")


def _v1_signature_checked(request: Captured, secret: str = AK_SECRET) -> bool:
    """SLS's check of a V1 signature, with the official SDK's own canonicalization."""
    from aliyun.log.util import Util

    headers = request.headers
    # x-log-date repeats Date for proxies that drop it; the official SDK adds it after signing
    signed = {name: value for name, value in headers.items() if name != "x-log-date"}
    content = "\n".join(
        [
            request.method,
            headers.get("content-md5", ""),
            headers.get("content-type", ""),
            headers["date"],
            Util.canonicalized_log_headers(signed)
            + Util.canonicalized_resource(request.path, dict(request.query.keys())),
        ]
    )
    key_id = headers["authorization"].removeprefix("LOG ").split(":")[0]
    return bool(headers["authorization"] == f"LOG {key_id}:{Util.hmac_sha1(content, secret)}")


def _reply(request: Captured) -> Reply:
    headers = {"Content-Type": "application/json", "x-log-requestid": "60AC5164947E71A31F55D8D0"}
    if not _v1_signature_checked(request):
        body = {"errorCode": "SignatureNotMatch", "errorMessage": "signature not match"}
        return 401, headers, json.dumps(body).encode()
    if request.path != "/logstores/app_log":
        body = {"errorCode": "LogStoreNotExist", "errorMessage": "logstore does not exist"}
        return 404, headers, json.dumps(body).encode()
    headers |= {"x-log-progress": "Complete", "x-log-count": "2"}
    return 200, headers, json.dumps(LOGS).encode()


def _official(port: int, security_token: str | None) -> Any:
    """The official client for the loopback server. Given a raw IP, it sends to that address
    with the project in the Host header only (``big-game.127.0.0.1``); it recognises a raw
    IP without a port only, so the server's port is set as ``_setendpoint`` would."""
    from aliyun.log.logclient import LogClient

    client = LogClient("127.0.0.1", AK_ID, AK_SECRET, security_token, source="127.0.0.1")
    client._port, client._endpoint = port, f"127.0.0.1:{port}"
    return client


@pytest.mark.parametrize("security_token", [None, STS_TOKEN], ids=["plain", "sts"])
def test_getlogs_matches_the_official_log_client(
    sls: ModuleType, security_token: str | None
) -> None:
    with capture_server(_reply) as server:
        official = _official(server.port, security_token)
        official_logs, _ = official._send(
            "GET", "big-game", None, "/logstores/app_log", dict(PAGE_CALL), {}
        )
        with sls.SlsClient(
            endpoint=server.url,
            access_key_id=AK_ID,
            access_key_secret=AK_SECRET,
            security_token=security_token,
        ) as ours:
            response = ours.get_logs(
                project_name="big-game",
                logstore_name="app_log",
                from_=1409529600,
                to=1409608800,
                topic="groupA",
                query=QUERY,
                line=20,
                offset=0,
                reverse=False,
            )
    theirs, mine = server.requests
    # the project in the host name; the official client names no port in Host (it takes a
    # bare IP endpoint only, its port set aside), ours keeps endpoint='s port
    assert theirs.host == "big-game.127.0.0.1"
    assert mine.host == f"big-game.127.0.0.1:{server.port}"
    mine.headers["host"] = theirs.host
    assert_same_request(mine, theirs, (*SLS_HEADERS, "x-acs-security-token", "content-type"))
    assert mine.headers["x-acs-security-token" if security_token else "x-log-apiversion"]
    assert _v1_signature_checked(mine) and _v1_signature_checked(theirs)
    assert mine.headers["date"] == mine.headers["x-log-date"]
    assert mine.headers["authorization"].startswith(f"LOG {AK_ID}:")
    assert official_logs == LOGS
    assert response.model_dump(by_alias=True)["logs"] == LOGS
    assert response.logs[0].time == 1409529660 and response.logs[1].Key3 == "error"
    assert (response.x_log_progress, response.x_log_count) == ("Complete", 2)
    assert response._request_id == "60AC5164947E71A31F55D8D0"


def test_a_wrong_secret_is_refused_by_the_checking_server(sls: ModuleType) -> None:
    with (
        capture_server(_reply) as server,
        sls.SlsClient(
            endpoint=server.url, access_key_id=AK_ID, access_key_secret="another-secret"
        ) as bad,
        pytest.raises(sls.SlsError) as caught,
    ):
        bad.get_logs(project_name="big-game", logstore_name="app_log", from_=1, to=2)
    assert caught.value.code == "SignatureNotMatch" and caught.value.status_code == 401


def test_an_sls_error_raises_its_documented_class(sls: ModuleType) -> None:
    with (
        capture_server(_reply) as server,
        sls.SlsClient(endpoint=server.url, access_key_id=AK_ID, access_key_secret=AK_SECRET) as c,
        pytest.raises(sls.LogStoreNotExistError) as caught,
    ):
        c.get_logs(project_name="big-game", logstore_name="missing", from_=1, to=2)
    error = caught.value
    assert (error.code, error.request_id) == ("LogStoreNotExist", "60AC5164947E71A31F55D8D0")
    assert AK_SECRET not in repr(error) and AK_SECRET not in str(error)
