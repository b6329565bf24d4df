"""Alibaba Cloud RPC APIs: ENS ListBuckets (2017-11-10), CloudSSO ListDirectories (2021-05-15).

Accepted signatures, both checked with alibabacloud_tea_openapi's own code:

* V3 ``Authorization: ACS3-HMAC-SHA256 Credential=..,SignedHeaders=..,Signature=..`` (what the
  official SDK sends by default: POST /, business parameters in the query, empty body) -
  ``Utils.get_authorization`` over the signed headers, decoded query and body hash;
* V1 ``Signature=`` parameter (HMAC-SHA1, GET or POST, parameters in the query and/or a form
  body) - ``Utils.get_rpcsignature``.

Answers are JSON, or XML when ``Format=XML``.
"""

from __future__ import annotations

import hmac
import json
import re
import threading
import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any
from urllib.parse import parse_qsl, quote, quote_plus
from xml.sax.saxutils import escape

from alibabacloud_tea_openapi.utils import (
    Utils,
    get_canonical_query_string,
    get_canonicalized_headers,
)

from .credentials import ALIBABA_KEYS
from .data import CLOUDSSO_DIRECTORIES, ENS_BUCKETS, ENS_DEFAULT_PAGE_SIZE, ENS_MAX_PAGE_SIZE
from .server import (
    MAX_CLOCK_SKEW_SECONDS,
    ApiError,
    AuthError,
    RecordedRequest,
    Reply,
    rfc7231_retry_after,
)

JSON_TYPE = "application/json;charset=utf-8"
XML_TYPE = "text/xml;charset=utf-8"  # the exact value tea-openapi looks for in XML errors


@dataclass(frozen=True)
class _Api:
    product: str  # as in the troubleshoot link
    version: str
    host_id: str


APIS: dict[str, _Api] = {
    "ListBuckets": _Api("Ens", "2017-11-10", "ens.aliyuncs.com"),
    "ListDirectories": _Api("cloudsso", "2021-05-15", "cloudsso.cn-shanghai.aliyuncs.com"),
}

_V3_AUTH_RE = re.compile(
    r"^(?P<alg>ACS3-[A-Z0-9-]+)\s+Credential=(?P<ak>[^,\s]+)\s*,"
    r"\s*SignedHeaders=(?P<signed>[^,\s]*)\s*,\s*Signature=(?P<sig>[0-9a-fA-F]+)\s*$"
)
_V3_ALGORITHMS = ("ACS3-HMAC-SHA256", "ACS3-HMAC-SM3")


@dataclass
class _SignedRequest:
    """The attributes Utils.get_authorization reads from a tea request."""

    method: str
    pathname: str
    query: dict[str, str]
    headers: dict[str, str]


def _form(req: RecordedRequest) -> dict[str, str]:
    ctype = (req.header("Content-Type") or "").lower()
    if req.body and ctype.startswith("application/x-www-form-urlencoded"):
        return dict(parse_qsl(req.body.decode("utf-8"), keep_blank_values=True))
    return {}


def _all_params(req: RecordedRequest) -> dict[str, str]:
    """Query parameters merged with form-body parameters (as the RPC gateway sees them)."""
    return {**req.params, **_form(req)}


def _parse_iso(value: str) -> datetime | None:
    try:
        return datetime.strptime(value, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC)
    except ValueError:
        return None


def _wants_xml(req: RecordedRequest) -> bool:
    return _all_params(req).get("Format", "").upper() == "XML"


class AlibabaRpc:
    name = "alibaba_rpc"

    def __init__(self) -> None:
        self._nonces: set[str] = set()
        self._lock = threading.Lock()

    def reset(self) -> None:
        with self._lock:
            self._nonces.clear()

    def claims(self, req: RecordedRequest) -> bool:
        if (req.header("Authorization") or "").startswith("ACS3-"):
            return True
        if req.header("x-acs-action") is not None:
            return True
        params = _all_params(req)
        return "Action" in params or "Signature" in params

    def route(self, req: RecordedRequest) -> str:
        params = _all_params(req)
        action = params.get("Action") or req.header("x-acs-action")
        version = params.get("Version") or req.header("x-acs-version")
        if not action:
            raise ApiError(400, "MissingParameter", 'The input parameter "Action" is not supplied.')
        if not version:
            raise ApiError(
                400, "MissingParameter", 'The input parameter "Version" is not supplied.'
            )
        api = APIS.get(action)
        if api is None:
            raise ApiError(
                404,
                "InvalidAction.NotFound",
                "Specified api is not found, please check your url and method.",
            )
        if version != api.version:
            raise ApiError(400, "InvalidVersion", "Specified parameter Version is not valid.")
        if req.method not in ("GET", "POST"):
            raise ApiError(
                400,
                "UnsupportedHTTPMethod",
                f"Specified HTTP method {req.method} is not supported.",
            )
        return action

    # --- authentication ----------------------------------------------------------------------

    def authenticate(self, req: RecordedRequest) -> None:
        auth = req.header("Authorization")
        params = _all_params(req)
        if auth is not None and auth.startswith("ACS3-"):
            self._verify_v3(req, auth)
        elif "Signature" in params:
            self._verify_v1(req, params)
        elif auth is not None:
            raise AuthError(
                400, "IncompleteSignature", f"Unsupported Authorization scheme: {auth!r}."
            )
        else:
            raise AuthError(
                404, "InvalidAccessKeyId.NotFound", "Specified access key is not found."
            )

    @staticmethod
    def _key(access_key_id: str, token: str | None) -> str:
        key = ALIBABA_KEYS.get(access_key_id)
        if key is None:
            raise AuthError(
                404, "InvalidAccessKeyId.NotFound", "Specified access key is not found."
            )
        if key.security_token is not None and token != key.security_token:
            raise AuthError(
                400,
                "InvalidSecurityToken.MismatchWithAccessKey",
                "Specified SecurityToken mismatch with the AccessKey.",
            )
        if key.security_token is None and token:
            raise AuthError(
                400,
                "InvalidSecurityToken.MismatchWithAccessKey",
                "Specified SecurityToken is not expected for a long-term AccessKey.",
            )
        return key.secret

    def _check_time_and_nonce(self, when: str | None, nonce: str | None, what: str) -> None:
        if not when:
            raise AuthError(400, "MissingParameter", f"{what} is mandatory for this action.")
        signed_at = _parse_iso(when)
        if signed_at is None:
            raise AuthError(
                400,
                "InvalidTimeStamp.Format",
                f"Specified time stamp or date value is not well formatted: {when!r}.",
            )
        if abs((datetime.now(UTC) - signed_at).total_seconds()) > MAX_CLOCK_SKEW_SECONDS:
            raise AuthError(
                400, "InvalidTimeStamp.Expired", "Specified time stamp or date value is expired."
            )
        if not nonce:
            raise AuthError(400, "MissingSignatureNonce", "SignatureNonce is mandatory.")
        with self._lock:
            if nonce in self._nonces:
                raise AuthError(
                    400, "SignatureNonceUsed", "Specified signature nonce was used already."
                )
            self._nonces.add(nonce)

    def _verify_v3(self, req: RecordedRequest, auth: str) -> None:
        m = _V3_AUTH_RE.match(auth)
        if m is None:
            raise AuthError(400, "IncompleteSignature", f"Malformed Authorization: {auth!r}.")
        algorithm = m["alg"]
        if algorithm not in _V3_ALGORITHMS:
            raise AuthError(
                400, "IncompleteSignature", f"Unsupported signature algorithm {algorithm}."
            )
        headers = req.header_map
        secret = self._key(m["ak"], headers.get("x-acs-security-token"))

        signed = [h for h in m["signed"].split(";") if h]
        missing_headers = [h for h in signed if h not in headers]
        must_sign = [h for h in headers if h == "host" or h.startswith("x-acs-")]
        unsigned = [h for h in must_sign if h not in signed]
        if missing_headers or unsigned:
            raise AuthError(
                400,
                "IncompleteSignature",
                f"SignedHeaders must name host and every x-acs-* header sent; "
                f"not sent: {missing_headers}, not signed: {unsigned}.",
            )

        payload_hash = Utils.hash(req.body, algorithm).hex()
        if headers.get("x-acs-content-sha256") != payload_hash:
            raise AuthError(
                400,
                "SignatureDoesNotMatch",
                f"x-acs-content-sha256 {headers.get('x-acs-content-sha256')!r} does not match "
                f"the body hash {payload_hash}.",
            )

        signed_request = _SignedRequest(
            method=req.method,
            pathname=req.path,  # the gateway canonicalizes the path as sent
            query=req.params,  # a form body is covered by x-acs-content-sha256
            headers={h: headers[h] for h in signed},
        )
        expected = Utils.get_authorization(signed_request, algorithm, payload_hash, m["ak"], secret)
        em = _V3_AUTH_RE.match(expected)
        assert em is not None
        if not hmac.compare_digest(em["sig"].lower(), m["sig"].lower()):
            canonical_headers, signed_names = get_canonicalized_headers(signed_request.headers)
            canonical = "\n".join(
                [
                    req.method,
                    req.path or "/",
                    get_canonical_query_string(signed_request.query),
                    canonical_headers,
                    signed_names,
                    payload_hash,
                ]
            )
            raise AuthError(
                400,
                "SignatureDoesNotMatch",
                "The request signature does not conform to Aliyun standards. "
                f"server canonical request is: {canonical}",
            )
        self._check_time_and_nonce(
            headers.get("x-acs-date"), headers.get("x-acs-signature-nonce"), "x-acs-date"
        )

    def _verify_v1(self, req: RecordedRequest, params: dict[str, str]) -> None:
        signature = params.get("Signature", "")
        if params.get("SignatureMethod") != "HMAC-SHA1":
            raise AuthError(
                400,
                "InvalidSignatureMethod",
                f"Specified signature method {params.get('SignatureMethod')!r} is not supported.",
            )
        if params.get("SignatureVersion") != "1.0":
            raise AuthError(
                400,
                "UnsupportedSignatureVersion",
                f"Specified signature version {params.get('SignatureVersion')!r} is not supported.",
            )
        access_key_id = params.get("AccessKeyId")
        if not access_key_id:
            raise AuthError(
                404, "InvalidAccessKeyId.NotFound", "Specified access key is not found."
            )
        secret = self._key(access_key_id, params.get("SecurityToken"))
        signed_params = {k: v for k, v in params.items() if k != "Signature"}
        expected = Utils.get_rpcsignature(signed_params, req.method, secret)
        if not hmac.compare_digest(expected, signature):
            canonical = "&".join(
                f"{quote(k, safe='~')}={quote(v, safe='~')}"
                for k, v in sorted(signed_params.items())
            )
            string_to_sign = f"{req.method}&%2F&{quote_plus(canonical, safe='~')}"
            raise AuthError(
                400,
                "SignatureDoesNotMatch",
                "Specified signature is not matched with our calculation. "
                f"server string to sign is:{string_to_sign}",
            )
        self._check_time_and_nonce(
            params.get("Timestamp"), params.get("SignatureNonce"), "Timestamp"
        )

    # --- operations --------------------------------------------------------------------------

    def handle(self, req: RecordedRequest, operation: str) -> Reply:
        params = _all_params(req)
        request_id = str(uuid.uuid4()).upper()
        body: dict[str, Any]
        if operation == "ListBuckets":
            body = self._list_buckets(params, request_id)
        else:
            body = {
                "Directories": [dict(d) for d in CLOUDSSO_DIRECTORIES],
                "RequestId": request_id,
                "TotalCounts": len(CLOUDSSO_DIRECTORIES),
            }
        return self._render(req, operation, 200, body, {"x-acs-request-id": request_id})

    @staticmethod
    def _int_param(params: Mapping[str, str], name: str, default: int, high: int) -> int:
        raw = params.get(name)
        if raw is None or raw == "":
            return default
        if not raw.isdigit() or not 1 <= int(raw) <= high:
            raise ApiError(
                400,
                f"InvalidParameter.{name}",
                f"The specified field {name} invalid. Please check it again.",
            )
        return int(raw)

    def _list_buckets(self, params: Mapping[str, str], request_id: str) -> dict[str, Any]:
        page_number = self._int_param(params, "PageNumber", 1, 1_000_000)
        page_size = self._int_param(params, "PageSize", ENS_DEFAULT_PAGE_SIZE, ENS_MAX_PAGE_SIZE)
        prefix = params.get("Prefix") or ""
        matching = [b for b in ENS_BUCKETS if b["BucketName"].startswith(prefix)]
        start = (page_number - 1) * page_size
        return {
            "RequestId": request_id,
            "BucketInfos": [dict(b) for b in matching[start : start + page_size]],
            "TotalCount": len(matching),
        }

    # --- rendering ---------------------------------------------------------------------------

    def _render(
        self,
        req: RecordedRequest,
        root: str,
        status: int,
        body: dict[str, Any],
        headers: dict[str, str],
    ) -> Reply:
        if _wants_xml(req):
            root_name = "Error" if root == "Error" else f"{root}Response"
            xml = '<?xml version="1.0" encoding="UTF-8"?>\n' + _to_xml(root_name, body) + "\n"
            return Reply(status, xml.encode(), XML_TYPE, headers)
        data = json.dumps(body, ensure_ascii=False, separators=(",", ":")).encode()
        return Reply(status, data, JSON_TYPE, headers)

    def render_error(self, req: RecordedRequest, operation: str | None, err: ApiError) -> Reply:
        request_id = str(uuid.uuid4()).upper()
        api = APIS.get(operation or "")
        host_id = api.host_id if api else (req.header("Host") or "aliyuncs.com")
        product = api.product if api else ""
        body = {
            "RequestId": request_id,
            "HostId": host_id,
            "Code": err.code,
            "Message": err.message,
            "Recommend": f"https://api.aliyun.com/troubleshoot?q={err.code}"
            f"&product={product}&requestId={request_id}",
            **err.extra,
        }
        headers = {"x-acs-request-id": request_id}
        if err.retry_after is not None:
            headers["Retry-After"] = rfc7231_retry_after(err.retry_after)
            headers["x-acs-retry-after"] = str(int(err.retry_after * 1000))
        return self._render(req, "Error", err.status, body, headers)


def _to_xml(name: str, value: Any) -> str:
    """Alibaba RPC XML: objects become child elements, arrays repeat the field's element."""
    if isinstance(value, dict):
        inner = "".join(
            "".join(_to_xml(k, item) for item in v) if isinstance(v, list) else _to_xml(k, v)
            for k, v in value.items()
        )
        return f"<{name}>{inner}</{name}>"
    text = ("true" if value else "false") if isinstance(value, bool) else escape(str(value))
    return f"<{name}>{text}</{name}>"
