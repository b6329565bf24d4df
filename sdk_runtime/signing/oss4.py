"""Alibaba Cloud OSS V4 signature (``OSS4-HMAC-SHA256``), as alibabacloud-oss-v2 sends it."""

from __future__ import annotations

import datetime
import hashlib
import hmac
from typing import ClassVar
from urllib.parse import quote, unquote

from sdk_runtime.credentials import AlibabaCloudCredentials
from sdk_runtime.http import HttpRequest, percent_encode
from sdk_runtime.signing import ApiKey, Credentials, require_access_key

ALGORITHM = "OSS4-HMAC-SHA256"
PRODUCT = "oss"
UNSIGNED_PAYLOAD = "UNSIGNED-PAYLOAD"
_TERMINATOR = "aliyun_v4_request"


def canonical_uri(path: str, host_labels: tuple[str, ...] = ()) -> str:
    """The resource, RFC 3986-encoded with ``/`` kept: ``/`` for service-level operations,
    ``/<bucket>/<key>`` for bucket operations, as alibabacloud-oss-v2 signs it
    (``quote("/<bucket>/" + key, safe="/")``). ``path`` is the path as sent; a virtual-hosted
    request (the bucket in the host, ``host_labels``) signs the same resource as its
    path-style twin: ``/<bucket>/`` + the path."""
    if host_labels:
        path = "/" + "/".join(host_labels) + (path or "/")
    if not path:
        return "/"
    # the path is encoded already: only an escaped character ("%2F" of a non-greedy value)
    # can differ from oss-v2's encoding of the decoded resource
    return quote(unquote(path), safe="/~") if "%" in path else path


def canonical_query(query: list[tuple[str, str]]) -> str:
    """Encoded pairs sorted; a pair with an empty value is the bare key (``resourcePool``)."""
    pairs = sorted((percent_encode(k), percent_encode(v)) for k, v in query)
    return "&".join(f"{k}={v}" if v else k for k, v in pairs)


def _is_signed_header(name: str) -> bool:
    """Headers OSS V4 signs by default: x-oss-*, content-type and content-md5."""
    return name.startswith("x-oss-") or name in ("content-type", "content-md5")


def canonical_headers(headers: dict[str, str]) -> str:
    """``name:value\\n`` for every signed header present, lower-cased names, sorted."""
    signed = []
    for name, value in headers.items():
        name = name.lower()
        if _is_signed_header(name):
            signed.append((name, value))
    signed.sort()
    return "".join(f"{name}:{value}\n" for name, value in signed)


def _hmac(key: bytes, message: str) -> bytes:
    return hmac.digest(key, message.encode(), "sha256")


class _KeyedSha256:
    """HMAC-SHA256 (RFC 2104) with one fixed key whose padded inner and outer hash states are
    computed once: each message then costs two ``copy()``s instead of a fresh HMAC set-up.
    Holds only hash states, never shown in a repr."""

    __slots__ = ("_inner", "_outer")

    def __init__(self, key: bytes) -> None:
        block = key.ljust(64, b"\0")  # SHA-256 block size; OSS signing keys are 32 bytes
        self._inner = hashlib.sha256(bytes(b ^ 0x36 for b in block))
        self._outer = hashlib.sha256(bytes(b ^ 0x5C for b in block))

    def hexdigest(self, message: bytes) -> str:
        inner = self._inner.copy()
        inner.update(message)
        outer = self._outer.copy()
        outer.update(inner.digest())
        return outer.hexdigest()


class Oss4Signer:
    """Adds ``x-oss-date``, ``x-oss-content-sha256: UNSIGNED-PAYLOAD``,
    ``x-oss-security-token`` (STS) and ``Authorization: OSS4-HMAC-SHA256 ...``.

    The signing key depends only on the secret, the date, the region and the product, and a
    signer's credentials and region are fixed: it keeps the key of the last date used (one
    entry), so the HMAC chain runs once a day, not once a request. No repr shows it.
    """

    __slots__ = ("_credentials", "_key", "_region", "_timestamp")

    def __init__(self, credentials: AlibabaCloudCredentials, region: str) -> None:
        self._credentials = credentials
        # The scope carries the bare region id: "oss-cn-hangzhou" -> "cn-hangzhou".
        self._region = region.removeprefix("oss-")
        # One tuple each, replaced whole, so concurrent signers never see half an update.
        self._key: tuple[str, _KeyedSha256] | None = None  # (date, key)
        self._timestamp = (-1, "")  # (Unix second, x-oss-date): formatted once a second

    @property
    def region(self) -> str:
        """The region id used in the signing scope."""
        return self._region

    family: ClassVar[str] = "alibabacloud"
    security: ClassVar[ApiKey] = ApiKey(
        "header", "Authorization", "OSS4-HMAC-SHA256 signature (OSS signature V4)."
    )

    @classmethod
    def from_credentials(cls, credentials: Credentials, region: str) -> Oss4Signer:
        return cls(require_access_key("oss4-hmac-sha256", credentials), region)

    def __repr__(self) -> str:
        return f"Oss4Signer(credentials={self._credentials!r}, region={self._region!r})"

    def _signing_key(self, date: str) -> _KeyedSha256:
        """HMAC chain secret -> date -> region -> product -> terminator, kept for ``date``."""
        cached = self._key
        if cached is not None and cached[0] == date:
            return cached[1]
        key = _hmac(f"aliyun_v4{self._credentials.access_key_secret}".encode(), date)
        for part in (self._region, PRODUCT, _TERMINATOR):
            key = _hmac(key, part)
        keyed = _KeyedSha256(key)
        self._key = (date, keyed)
        return keyed

    def _x_oss_date(self, now: datetime.datetime) -> str:
        """``now`` as ``YYYYMMDDTHHMMSSZ`` in UTC."""
        second = int(now.timestamp())
        cached_second, timestamp = self._timestamp
        if second != cached_second:
            timestamp = now.astimezone(datetime.UTC).strftime("%Y%m%dT%H%M%SZ")
            self._timestamp = (second, timestamp)
        return timestamp

    def sign(self, request: HttpRequest, now: datetime.datetime) -> None:
        """Sign ``request`` in place for the instant ``now``."""
        cred = self._credentials
        timestamp = self._x_oss_date(now)
        date = timestamp[:8]
        headers = request.headers
        headers["x-oss-date"] = timestamp
        headers["x-oss-content-sha256"] = UNSIGNED_PAYLOAD
        if cred.security_token:
            headers["x-oss-security-token"] = cred.security_token

        canonical_request = (
            f"{request.method.upper()}\n{canonical_uri(request.path, request.host_labels)}\n"
            f"{canonical_query(request.query)}\n{canonical_headers(headers)}\n"
            f"\n{UNSIGNED_PAYLOAD}"  # the empty line: no additional signed headers
        )
        scope = f"{date}/{self._region}/{PRODUCT}/{_TERMINATOR}"
        digest = hashlib.sha256(canonical_request.encode()).hexdigest()
        string_to_sign = f"{ALGORITHM}\n{timestamp}\n{scope}\n{digest}"
        signature = self._signing_key(date).hexdigest(string_to_sign.encode())
        headers["Authorization"] = (
            f"{ALGORITHM} Credential={cred.access_key_id}/{scope},Signature={signature}"
        )
