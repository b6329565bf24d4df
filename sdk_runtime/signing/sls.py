"""Simple Log Service (SLS) signatures, as aliyun-log-python-sdk signs its requests.

Both schemes add SLS's common request headers first, as the official ``LogClient._send``
does: ``x-log-apiversion: 0.6.0`` and ``x-log-bodyrawsize`` (the size of the uncompressed
body; ``0`` without one), and ``x-acs-security-token`` for STS credentials.

``sls-v1-hmac-sha1`` (``aliyun.log.auth.AuthV1``)::

    Authorization: LOG <AccessKeyId>:base64(hmac-sha1(secret, string to sign))

    VERB\\nContent-MD5\\nContent-Type\\nDate\\n
    CanonicalizedLOGHeaders (x-log-* and x-acs-*, name:value\\n each, sorted)
    CanonicalizedResource   (path, then ?name=value&... sorted, neither encoded)

with ``Date`` in RFC 1123 GMT, ``x-log-signaturemethod: hmac-sha1`` and, for a body,
``Content-MD5`` (its MD5 in upper-case hex). ``x-log-date`` repeats ``Date`` (unsigned) for
proxies that drop ``Date``.

``sls4-hmac-sha256`` (``aliyun.log.auth.AuthV4``): a canonical request over the method, the
path, the sorted query (values RFC 3986-encoded, an empty value as the bare name), the
``host``, ``content-type``, ``x-log-*`` and ``x-acs-*`` headers and the body's SHA-256, signed
with a key derived from the secret, the date, the region and ``sls``.
"""

from __future__ import annotations

import base64
import datetime
import hashlib
import hmac
from typing import ClassVar
from urllib.parse import quote, unquote

from sdk_runtime.credentials import AlibabaCloudCredentials
from sdk_runtime.errors import CredentialsError
from sdk_runtime.http import HttpRequest
from sdk_runtime.signing import ApiKey, Credentials, require_access_key

API_VERSION = "0.6.0"  # aliyun.log.version.API_VERSION
V4_ALGORITHM = "SLS4-HMAC-SHA256"
_EXCLUDED_PREFIX = "x-log-meta-"  # user metadata headers: never signed
_DAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def http_date(now: datetime.datetime) -> str:
    """RFC 1123 in GMT (``Fri, 17 May 2024 08:30:45 GMT``), whatever the locale."""
    utc = now.astimezone(datetime.UTC)
    return (
        f"{_DAYS[utc.weekday()]}, {utc.day:02d} {_MONTHS[utc.month - 1]} {utc.year} "
        f"{utc:%H:%M:%S} GMT"
    )


def is_log_header(name: str) -> bool:
    """The headers both schemes sign besides the standard ones: ``x-log-*`` (but
    ``x-log-meta-*``) and ``x-acs-*``, in any case."""
    lower = name.lower()
    return lower.startswith("x-acs-") or (
        lower.startswith("x-log-") and not lower.startswith(_EXCLUDED_PREFIX)
    )


def canonical_log_headers(headers: dict[str, str]) -> str:
    """``name:value\\n`` for every log header, names lower-cased and sorted, values as sent."""
    found = sorted((name.lower(), value) for name, value in headers.items() if is_log_header(name))
    return "".join(f"{name}:{value}\n" for name, value in found)


def canonical_resource(path: str, query: list[tuple[str, str]]) -> str:
    """The path, decoded (aliyun-log signs its resource unencoded), then ``?`` and the
    decoded ``name=value`` pairs sorted, joined by ``&`` (an empty value still gives
    ``name=``); neither is percent-encoded."""
    path = unquote(path)
    if not query:
        return path
    return path + "?" + "&".join(f"{name}={value}" for name, value in sorted(query))


def _header(headers: dict[str, str], name: str) -> str:
    return next((v for k, v in headers.items() if k.lower() == name), "")


def _add_common_headers(request: HttpRequest, security_token: str | None) -> None:
    """What ``LogClient._send`` adds to every request before it is signed."""
    headers = request.headers
    headers["x-log-apiversion"] = API_VERSION
    if not request.body:
        headers["x-log-bodyrawsize"] = "0"
    elif not _header(headers, "x-log-bodyrawsize"):
        headers["x-log-bodyrawsize"] = str(len(request.body))  # the runtime sends it raw
    if security_token:
        headers["x-acs-security-token"] = security_token


class SlsV1Signer:
    """Adds the common SLS headers, ``x-log-signaturemethod``, ``Date`` (and ``x-log-date``),
    ``Content-MD5`` for a body and ``Authorization: LOG <AccessKeyId>:<signature>``."""

    __slots__ = ("_credentials",)

    family: ClassVar[str] = "alibabacloud"
    security: ClassVar[ApiKey] = ApiKey(
        "header",
        "Authorization",
        "Simple Log Service signature (LOG AccessKeyId:Signature, HMAC-SHA1).",
    )

    def __init__(self, credentials: AlibabaCloudCredentials) -> None:
        self._credentials = credentials

    @classmethod
    def from_credentials(cls, credentials: Credentials, region: str) -> SlsV1Signer:
        return cls(require_access_key("sls-v1-hmac-sha1", credentials))

    def __repr__(self) -> str:
        return f"SlsV1Signer(credentials={self._credentials!r})"

    def sign(self, request: HttpRequest, now: datetime.datetime) -> None:
        """Sign ``request`` in place for the instant ``now``."""
        cred = self._credentials
        headers = request.headers
        _add_common_headers(request, cred.security_token)
        headers["x-log-signaturemethod"] = "hmac-sha1"
        date = headers["Date"] = http_date(now)
        content_md5 = ""
        if request.body:
            content_md5 = headers["Content-MD5"] = hashlib.md5(request.body).hexdigest().upper()
        string_to_sign = "\n".join(
            [
                request.method.upper(),
                content_md5,
                _header(headers, "content-type"),
                date,
                canonical_log_headers(headers) + canonical_resource(request.path, request.query),
            ]
        )
        digest = hmac.new(
            cred.access_key_secret.encode(), string_to_sign.encode(), hashlib.sha1
        ).digest()
        headers["Authorization"] = f"LOG {cred.access_key_id}:{base64.b64encode(digest).decode()}"
        headers["x-log-date"] = date  # after signing, unsigned: as the official SDK sends it


def v4_canonical_query(query: list[tuple[str, str]]) -> str:
    """Sorted by name; values RFC 3986-encoded (names as they are), an empty value as the
    bare name."""
    pairs = sorted((name, quote(value, safe="~")) for name, value in sorted(query))
    return "&".join(f"{name}={value}" if value else name for name, value in pairs)


class SlsV4Signer:
    """Adds the common SLS headers, ``x-log-content-sha256``, ``x-log-date`` and
    ``Authorization: SLS4-HMAC-SHA256 Credential=<AccessKeyId>/<scope>,Signature=<hex>``."""

    __slots__ = ("_credentials", "_region")

    family: ClassVar[str] = "alibabacloud"
    security: ClassVar[ApiKey] = ApiKey(
        "header", "Authorization", "Simple Log Service signature V4 (SLS4-HMAC-SHA256)."
    )

    def __init__(self, credentials: AlibabaCloudCredentials, region: str) -> None:
        self._credentials = credentials
        self._region = region

    @classmethod
    def from_credentials(cls, credentials: Credentials, region: str) -> SlsV4Signer:
        if not region:
            raise CredentialsError("signing scheme 'sls4-hmac-sha256' needs the region")
        return cls(require_access_key("sls4-hmac-sha256", credentials), region)

    def __repr__(self) -> str:
        return f"SlsV4Signer(credentials={self._credentials!r}, region={self._region!r})"

    def sign(self, request: HttpRequest, now: datetime.datetime) -> None:
        """Sign ``request`` in place for the instant ``now``."""
        cred = self._credentials
        headers = request.headers
        _add_common_headers(request, cred.security_token)
        payload_hash = hashlib.sha256(request.body).hexdigest()
        timestamp = now.astimezone(datetime.UTC).strftime("%Y%m%dT%H%M%SZ")
        headers["x-log-content-sha256"] = payload_hash
        headers["x-log-date"] = timestamp
        signed = sorted(
            (name.lower(), value.strip())
            for name, value in headers.items()
            if name.lower() in ("host", "content-type") or is_log_header(name)
        )
        signed_names = ";".join(name for name, _ in signed)
        canonical_request = "\n".join(
            [
                request.method.upper(),
                unquote(request.path),  # aliyun-log signs its resource unencoded
                v4_canonical_query(request.query),
                "".join(f"{name}:{value}\n" for name, value in signed),
                signed_names,
                payload_hash,
            ]
        )
        day = timestamp[:8]
        scope = f"{day}/{self._region}/sls/aliyun_v4_request"
        string_to_sign = "\n".join(
            [
                V4_ALGORITHM,
                timestamp,
                scope,
                hashlib.sha256(canonical_request.encode()).hexdigest(),
            ]
        )
        key = f"aliyun_v4{cred.access_key_secret}".encode()
        for part in (day, self._region, "sls", "aliyun_v4_request"):
            key = hmac.new(key, part.encode(), hashlib.sha256).digest()
        signature = hmac.new(key, string_to_sign.encode(), hashlib.sha256).hexdigest()
        headers["Authorization"] = (
            f"{V4_ALGORITHM} Credential={cred.access_key_id}/{scope},Signature={signature}"
        )
