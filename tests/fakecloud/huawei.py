"""Huawei Cloud GA ListByoipPools: X-Auth-Token, or AK/SK checked by huaweicloudsdkcore's Signer."""

from __future__ import annotations

import hmac
import json
import re
import uuid
from datetime import UTC, datetime
from typing import Any

from huaweicloudsdkcore.auth.credentials import BasicCredentials
from huaweicloudsdkcore.sdk_request import SdkRequest
from huaweicloudsdkcore.signer.signer import Signer

from .credentials import HUAWEI_KEYS, HUAWEI_PROJECT_ID, HUAWEI_TEMP_KEYS, HUAWEI_TOKEN
from .data import GA_BYOIP_POOLS, GA_DEFAULT_LIMIT, GA_MAX_LIMIT
from .server import (
    MAX_CLOCK_SKEW_SECONDS,
    ApiError,
    AuthError,
    RecordedRequest,
    Reply,
    rfc7231_retry_after,
)

JSON_TYPE = "application/json;charset=UTF-8"
INVALID_PARAMETER = "GA.0001"  # the fake's code for a rejected query parameter

_AUTH_RE = re.compile(
    r"^SDK-HMAC-SHA256\s+Access=(?P<ak>[^,\s]+)\s*,\s*SignedHeaders=(?P<signed>[^,\s]+)"
    r"\s*,\s*Signature=(?P<sig>[0-9a-fA-F]+)\s*$"
)


def _auth_failed(detail: str) -> AuthError:
    return AuthError(401, "APIGW.0301", f"Incorrect IAM authentication information: {detail}")


class HuaweiGa:
    name = "huawei"

    def claims(self, req: RecordedRequest) -> bool:
        if req.path.startswith(("/v1/", "/v2/", "/v3/")):
            return True
        if req.header("X-Auth-Token") is not None or req.header("X-Sdk-Date") is not None:
            return True
        return (req.header("Authorization") or "").startswith("SDK-HMAC-")

    def route(self, req: RecordedRequest) -> str:
        if req.path.rstrip("/") == "/v1/byoip-pools" and req.method == "GET":
            return "ListByoipPools"
        raise ApiError(
            404,
            "APIGW.0101",
            "The API does not exist or has not been published in the environment",
        )

    def reset(self) -> None:
        pass

    # --- authentication ----------------------------------------------------------------------

    def authenticate(self, req: RecordedRequest) -> None:
        project = req.header("X-Project-Id")
        token = req.header("X-Auth-Token")
        auth = req.header("Authorization")
        if token is not None:
            if not hmac.compare_digest(token, HUAWEI_TOKEN):
                raise _auth_failed("verify token fail")
        elif auth is not None and auth.startswith("SDK-HMAC-SHA256"):
            self._verify_aksk(req, auth)
        elif auth is not None:
            raise _auth_failed(f"unsupported Authorization scheme {auth.split(' ')[0]!r}")
        else:
            raise _auth_failed("neither X-Auth-Token nor AK/SK signature present")
        if project is not None and project != HUAWEI_PROJECT_ID:
            raise AuthError(
                403, "APIGW.0302", f"The IAM user is not authorized for project {project}."
            )

    def _verify_aksk(self, req: RecordedRequest, auth: str) -> None:
        m = _AUTH_RE.match(auth)
        if m is None:
            raise _auth_failed(f"malformed Authorization header {auth!r}")
        sk = HUAWEI_KEYS.get(m["ak"])
        signed = m["signed"].split(";")
        token = req.header("X-Security-Token")
        if m["ak"] in HUAWEI_TEMP_KEYS:  # temporary AK/SK: the token is required and signed
            sk, expected = HUAWEI_TEMP_KEYS[m["ak"]]
            if token != expected or "x-security-token" not in signed:
                raise _auth_failed("temporary AK/SK need their signed X-Security-Token")
        elif token is not None:
            raise _auth_failed("a permanent AK/SK with an X-Security-Token")
        if sk is None:
            raise _auth_failed(f"access key {m['ak']} does not exist")
        headers = req.header_map
        for required in ("host", "x-sdk-date"):
            if required not in signed:
                raise _auth_failed(f"header {required} must be signed")
        missing = [h for h in signed if h not in headers]
        if missing:
            raise _auth_failed(f"signed headers not sent: {missing}")
        sdk_date = headers["x-sdk-date"]
        try:
            signed_at = datetime.strptime(sdk_date, "%Y%m%dT%H%M%SZ").replace(tzinfo=UTC)
        except ValueError as exc:
            raise _auth_failed(f"invalid X-Sdk-Date {sdk_date!r}") from exc
        if abs((datetime.now(UTC) - signed_at).total_seconds()) > MAX_CLOCK_SKEW_SECONDS:
            raise _auth_failed("verify aksk signature fail, request expired")

        # Recompute with the official signer over an equivalent SdkRequest.
        original_case = {k.lower(): k for k, _ in req.headers}
        request = SdkRequest(
            method=req.method,
            schema="http",
            host=headers["host"],
            resource_path=req.path,
            query_params=list(req.query_pairs),
            header_params={original_case[h]: headers[h] for h in signed},
            body=req.body or None,
        )
        Signer(BasicCredentials(m["ak"], sk)).sign(request)
        expected = _AUTH_RE.match(request.header_params["Authorization"])
        assert expected is not None
        if expected["signed"] != m["signed"] or not hmac.compare_digest(
            expected["sig"].lower(), m["sig"].lower()
        ):
            raise _auth_failed("verify aksk signature fail")

    # --- ListByoipPools ----------------------------------------------------------------------

    def handle(self, req: RecordedRequest, operation: str) -> Reply:
        params = req.params
        limit = GA_DEFAULT_LIMIT
        if "limit" in params:
            raw = params["limit"]
            if not raw.isdigit() or not 1 <= int(raw) <= GA_MAX_LIMIT:
                raise ApiError(
                    400, INVALID_PARAMETER, f"Invalid parameter limit: {raw!r} (1-{GA_MAX_LIMIT})."
                )
            limit = int(raw)
        start = 0
        marker = params.get("marker")
        if marker:
            ids = [p["id"] for p in GA_BYOIP_POOLS]
            if marker not in ids:
                raise ApiError(400, INVALID_PARAMETER, f"Invalid parameter marker: {marker!r}.")
            start = ids.index(marker) + 1
        page = GA_BYOIP_POOLS[start : start + limit]
        page_info: dict[str, Any] = {"current_count": len(page)}
        if start + len(page) < len(GA_BYOIP_POOLS):
            page_info = {"next_marker": page[-1]["id"], **page_info}
        request_id = str(uuid.uuid4())
        body = {
            "request_id": request_id,
            "byoip_pools": [dict(p) for p in page],
            "page_info": page_info,
        }
        return Reply(200, json.dumps(body).encode(), JSON_TYPE, {"X-Request-Id": request_id})

    # --- errors ------------------------------------------------------------------------------

    def render_error(self, req: RecordedRequest, operation: str | None, err: ApiError) -> Reply:
        request_id = uuid.uuid4().hex
        body = {"error_code": err.code, "error_msg": err.message, "request_id": request_id}
        headers = {"X-Request-Id": request_id}
        if err.retry_after is not None:
            headers["Retry-After"] = rfc7231_retry_after(err.retry_after)
        return Reply(err.status, json.dumps(body).encode(), JSON_TYPE, headers)
