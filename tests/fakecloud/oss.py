"""OSS ListResourcePools: OSS4-HMAC-SHA256 requests checked by alibabacloud_oss_v2's SignerV4."""

from __future__ import annotations

import base64
import binascii
import hmac
import re
import secrets
from datetime import UTC, datetime
from xml.sax.saxutils import escape

from alibabacloud_oss_v2.credentials import StaticCredentialsProvider
from alibabacloud_oss_v2.signer import SignerV4
from alibabacloud_oss_v2.types import HttpRequest, SigningContext

from .credentials import ALIBABA_KEYS
from .data import OSS_DEFAULT_MAX_KEYS, OSS_MAX_MAX_KEYS, OSS_OWNER, OSS_RESOURCE_POOLS
from .server import (
    MAX_CLOCK_SKEW_SECONDS,
    ApiError,
    AuthError,
    RecordedRequest,
    Reply,
    rfc7231_retry_after,
)

XML_DECL = '<?xml version="1.0" encoding="UTF-8"?>\n'

# EC (error center) codes the real service attaches; unknown codes get a neutral one.
_EC = {
    "SignatureDoesNotMatch": "0002-00000040",
    "InvalidAccessKeyId": "0002-00000005",
    "AccessDenied": "0003-00000001",
    "RequestTimeTooSkewed": "0002-00000504",
    "InvalidArgument": "0017-00000001",
    "InvalidSecurityToken": "0002-00000006",
    "MethodNotAllowed": "0003-00000201",
}

_AUTH_RE = re.compile(
    r"^OSS4-HMAC-SHA256\s+Credential=(?P<cred>[^,\s]+)"
    r"(?:\s*,\s*AdditionalHeaders=(?P<add>[^,\s]*))?"
    r"\s*,\s*Signature=(?P<sig>[0-9a-fA-F]+)\s*$"
)

# Opaque continuation tokens: base64 with "+", "/" and "=" in every token, so a client that
# does not percent-encode its query (or decodes "+" as a space) will visibly fail.
_TOKEN_MAGIC = b"\xfb\xff\xferp="


def make_continuation_token(offset: int) -> str:
    return base64.b64encode(_TOKEN_MAGIC + offset.to_bytes(2, "big")).decode()


def _parse_continuation_token(token: str) -> int | None:
    try:
        raw = base64.b64decode(token, validate=True)
    except (binascii.Error, ValueError):
        return None
    if len(raw) != len(_TOKEN_MAGIC) + 2 or not raw.startswith(_TOKEN_MAGIC):
        return None
    offset = int.from_bytes(raw[-2:], "big")
    return offset if 0 < offset < len(OSS_RESOURCE_POOLS) else None


def _request_id() -> str:
    return secrets.token_hex(12).upper()


class Oss:
    name = "oss"

    def claims(self, req: RecordedRequest) -> bool:
        auth = req.header("Authorization") or ""
        if auth.startswith(("OSS4-HMAC-SHA256", "OSS ")):
            return True
        if any(k.lower().startswith("x-oss-") for k, _ in req.headers):
            return True
        return any(key in ("resourcePool", "x-oss-signature") for key, _ in req.query_pairs)

    def route(self, req: RecordedRequest) -> str:
        keys = {key for key, _ in req.query_pairs}
        if req.path == "/" and "resourcePool" in keys:
            if req.method != "GET":
                raise ApiError(
                    405,
                    "MethodNotAllowed",
                    "The specified method is not allowed against this resource.",
                )
            return "ListResourcePools"
        raise ApiError(
            501, "NotImplemented", f"fakecloud implements only GET /?resourcePool, not {req.path}."
        )

    def reset(self) -> None:
        pass

    # --- authentication ----------------------------------------------------------------------

    def authenticate(self, req: RecordedRequest) -> None:
        auth = req.header("Authorization")
        if auth is None:
            if any(key == "x-oss-signature" for key, _ in req.query_pairs):
                raise AuthError(403, "AccessDenied", "fakecloud does not accept presigned URLs.")
            raise AuthError(
                403, "AccessDenied", "Anonymous access is forbidden for this operation."
            )
        if not auth.startswith("OSS4-HMAC-SHA256"):
            raise AuthError(
                403, "AccessDenied", "fakecloud accepts only the V4 signature (OSS4-HMAC-SHA256)."
            )
        m = _AUTH_RE.match(auth)
        if m is None:
            raise AuthError(400, "InvalidArgument", f"Authorization header is malformed: {auth!r}")
        cred_parts = m["cred"].split("/")
        if len(cred_parts) != 5 or cred_parts[3] != "oss" or cred_parts[4] != "aliyun_v4_request":
            raise AuthError(400, "InvalidArgument", f"Invalid credential scope: {m['cred']!r}")
        access_key_id, scope_date, region = cred_parts[0], cred_parts[1], cred_parts[2]

        key = ALIBABA_KEYS.get(access_key_id)
        if key is None:
            raise AuthError(
                403,
                "InvalidAccessKeyId",
                "The OSS Access Key Id you provided does not exist in our records.",
                extra={"OSSAccessKeyId": access_key_id},
            )
        token = req.header("x-oss-security-token")
        if key.security_token is not None and token != key.security_token:
            raise AuthError(
                403, "InvalidSecurityToken", "The security token you provided is invalid."
            )
        if key.security_token is None and token is not None:
            raise AuthError(
                403, "InvalidAccessKeyId", "The security token is not expected for this key."
            )

        oss_date = req.header("x-oss-date")
        if oss_date is None:
            raise AuthError(403, "AccessDenied", "Missing x-oss-date header.")
        try:
            signed_at = datetime.strptime(oss_date, "%Y%m%dT%H%M%SZ").replace(tzinfo=UTC)
        except ValueError as exc:
            raise AuthError(403, "AccessDenied", f"Invalid x-oss-date {oss_date!r}.") from exc
        if scope_date != oss_date[:8]:
            raise AuthError(
                403, "SignatureDoesNotMatch", "The credential scope date does not match x-oss-date."
            )
        skew = abs((datetime.now(UTC) - signed_at).total_seconds())
        if skew > MAX_CLOCK_SKEW_SECONDS:
            raise AuthError(
                403,
                "RequestTimeTooSkewed",
                "The difference between the request time and the current time is too large.",
            )

        # Recompute with the official signer over exactly what arrived.
        headers = {k: v for k, v in req.headers if k.lower() != "authorization"}
        request = HttpRequest(
            method=req.method,
            url=f"http://{req.header('Host', 'localhost')}{req.path}"
            + (f"?{req.query}" if req.query else ""),
            headers=headers,
        )
        provider = StaticCredentialsProvider(access_key_id, key.secret, key.security_token)
        additional = {h for h in (m["add"] or "").split(";") if h}
        ctx = SigningContext(
            product="oss",
            region=region,
            request=request,
            credentials=provider.get_credentials(),
            signing_time=signed_at,
            additional_headers=additional or None,
        )
        signer = SignerV4()
        signer.sign(ctx)
        expected = _AUTH_RE.match(request.headers["Authorization"])
        assert expected is not None
        if not hmac.compare_digest(expected["sig"].lower(), m["sig"].lower()):
            canonical = signer._calc_canonical_request(  # noqa: SLF001 - for the error body
                ctx, signer._common_additional_headers(request, ctx.additional_headers)
            )
            raise AuthError(
                403,
                "SignatureDoesNotMatch",
                "The request signature we calculated does not match the signature you provided. "
                "Check your key and signing method.",
                extra={
                    "SignatureProvided": m["sig"],
                    "StringToSign": ctx.string_to_sign,
                    "CanonicalRequest": canonical,
                    "OSSAccessKeyId": access_key_id,
                },
            )

    # --- ListResourcePools -------------------------------------------------------------------

    def handle(self, req: RecordedRequest, operation: str) -> Reply:
        params = req.params
        max_keys = OSS_DEFAULT_MAX_KEYS
        if "max-keys" in params:
            raw = params["max-keys"]
            if not raw.isdigit() or not 1 <= int(raw) <= OSS_MAX_MAX_KEYS:
                raise ApiError(
                    400,
                    "InvalidArgument",
                    f"Argument max-keys must be an integer between 1 and {OSS_MAX_MAX_KEYS}.",
                    extra={"ArgumentName": "max-keys", "ArgumentValue": raw},
                )
            max_keys = int(raw)
        token = params.get("continuation-token")
        start = 0
        if token is not None:
            offset = _parse_continuation_token(token)
            if offset is None:
                raise ApiError(
                    400,
                    "InvalidArgument",
                    "The continuation token provided is incorrect.",
                    extra={"ArgumentName": "continuation-token", "ArgumentValue": token},
                )
            start = offset
        page = OSS_RESOURCE_POOLS[start : start + max_keys]
        end = start + len(page)
        truncated = end < len(OSS_RESOURCE_POOLS)

        region = self._region(req)
        lines = [XML_DECL + "<ListResourcePoolsResult>"]
        lines.append(f"  <Region>oss-{escape(region)}</Region>")
        lines.append(f"  <Owner>{OSS_OWNER}</Owner>")
        if token is not None:
            lines.append(f"  <ContinuationToken>{escape(token)}</ContinuationToken>")
        if truncated:
            next_token = make_continuation_token(end)
            lines.append(f"  <NextContinuationToken>{escape(next_token)}</NextContinuationToken>")
        lines.append(f"  <IsTruncated>{'true' if truncated else 'false'}</IsTruncated>")
        for pool in page:
            lines.append("  <ResourcePool>")
            lines.append(f"    <Name>{escape(pool['Name'])}</Name>")
            lines.append(f"    <CreateTime>{pool['CreateTime']}</CreateTime>")
            lines.append("  </ResourcePool>")
        lines.append("</ListResourcePoolsResult>\n")
        return Reply(
            200,
            "\n".join(lines).encode(),
            "application/xml",
            {"x-oss-request-id": _request_id(), "Server": "AliyunOSS"},
        )

    @staticmethod
    def _region(req: RecordedRequest) -> str:
        m = _AUTH_RE.match(req.header("Authorization") or "")
        if m is not None and len(m["cred"].split("/")) == 5:
            return m["cred"].split("/")[2]
        return "cn-hangzhou"

    # --- errors ------------------------------------------------------------------------------

    def render_error(self, req: RecordedRequest, operation: str | None, err: ApiError) -> Reply:
        request_id = _request_id()
        ec = _EC.get(err.code, "0000-00000000")
        host = req.header("Host") or "oss-cn-hangzhou.aliyuncs.com"
        fields = [
            ("Code", err.code),
            ("Message", err.message),
            ("RequestId", request_id),
            ("HostId", host),
            *err.extra.items(),
            ("EC", ec),
            ("RecommendDoc", f"https://api.aliyun.com/troubleshoot?q={ec}"),
        ]
        body = XML_DECL + "<Error>\n"
        body += "".join(f"  <{k}>{escape(v)}</{k}>\n" for k, v in fields)
        body += "</Error>\n"
        headers = {"x-oss-request-id": request_id, "x-oss-ec": ec, "Server": "AliyunOSS"}
        if err.retry_after is not None:
            headers["Retry-After"] = rfc7231_retry_after(err.retry_after)
        return Reply(err.status, body.encode(), "application/xml", headers)
