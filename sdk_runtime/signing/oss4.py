"""Alibaba Cloud OSS V4 signature (``OSS4-HMAC-SHA256``), as alibabacloud-oss-v2 sends it."""

from __future__ import annotations

import datetime
import hashlib
import hmac

from sdk_runtime.credentials import AlibabaCloudCredentials
from sdk_runtime.http import HttpRequest, percent_encode

ALGORITHM = "OSS4-HMAC-SHA256"
PRODUCT = "oss"
UNSIGNED_PAYLOAD = "UNSIGNED-PAYLOAD"


def canonical_uri(path: str) -> str:
    """The decoded path RFC 3986-encoded with ``/`` kept: ``/`` for service-level operations,
    ``/<bucket>/<key>`` for path-style requests."""
    return "/".join(percent_encode(segment) for segment in path.split("/")) if path else "/"


def canonical_query(query: list[tuple[str, str]]) -> str:
    """Encoded pairs sorted; a pair with an empty value is the bare key (``resourcePool``)."""
    pairs = sorted((percent_encode(k), percent_encode(v)) for k, v in query)
    return "&".join(f"{k}={v}" if v else k for k, v in pairs)


def _is_signed_header(name: str) -> bool:
    """Headers OSS V4 signs by default: x-oss-*, content-type and content-md5."""
    return name.startswith("x-oss-") or name in ("content-type", "content-md5")


def canonical_headers(headers: dict[str, str]) -> str:
    """``name:value\\n`` for every signed header present, lower-cased names, sorted."""
    signed = sorted((k.lower(), v) for k, v in headers.items() if _is_signed_header(k.lower()))
    return "".join(f"{k}:{v}\n" for k, v in signed)


def _hmac(key: bytes, message: str) -> bytes:
    return hmac.new(key, message.encode(), hashlib.sha256).digest()


class Oss4Signer:
    """Adds ``x-oss-date``, ``x-oss-content-sha256: UNSIGNED-PAYLOAD``,
    ``x-oss-security-token`` (STS) and ``Authorization: OSS4-HMAC-SHA256 ...``."""

    __slots__ = ("_credentials", "_region")

    def __init__(self, credentials: AlibabaCloudCredentials, region: str) -> None:
        self._credentials = credentials
        # The scope carries the bare region id: "oss-cn-hangzhou" -> "cn-hangzhou".
        self._region = region.removeprefix("oss-")

    @property
    def region(self) -> str:
        """The region id used in the signing scope."""
        return self._region

    def __repr__(self) -> str:
        return f"Oss4Signer(credentials={self._credentials!r}, region={self._region!r})"

    def sign(self, request: HttpRequest, now: datetime.datetime) -> None:
        """Sign ``request`` in place for the instant ``now``."""
        cred = self._credentials
        timestamp = now.astimezone(datetime.UTC).strftime("%Y%m%dT%H%M%SZ")
        date = timestamp[:8]
        headers = request.headers
        headers["x-oss-date"] = timestamp
        headers["x-oss-content-sha256"] = UNSIGNED_PAYLOAD
        if cred.security_token:
            headers["x-oss-security-token"] = cred.security_token

        canonical_request = "\n".join(
            [
                request.method.upper(),
                canonical_uri(request.path),
                canonical_query(request.query),
                canonical_headers(headers),
                "",  # additional headers: none
                UNSIGNED_PAYLOAD,
            ]
        )
        scope = f"{date}/{self._region}/{PRODUCT}/aliyun_v4_request"
        string_to_sign = "\n".join(
            [ALGORITHM, timestamp, scope, hashlib.sha256(canonical_request.encode()).hexdigest()]
        )
        key = _hmac(f"aliyun_v4{cred.access_key_secret}".encode(), date)
        for part in (self._region, PRODUCT, "aliyun_v4_request"):
            key = _hmac(key, part)
        signature = hmac.new(key, string_to_sign.encode(), hashlib.sha256).hexdigest()
        headers["Authorization"] = (
            f"{ALGORITHM} Credential={cred.access_key_id}/{scope},Signature={signature}"
        )
