"""Alibaba Cloud V3 signature (``ACS3-HMAC-SHA256``), as alibabacloud-tea-openapi sends it."""

from __future__ import annotations

import datetime
import hashlib
import hmac
import os
from typing import ClassVar

from sdk_runtime.credentials import AlibabaCloudCredentials
from sdk_runtime.http import HttpRequest, percent_encode
from sdk_runtime.signing import ApiKey, Credentials, require_access_key

ALGORITHM = "ACS3-HMAC-SHA256"


def _is_signed_header(name: str) -> bool:
    """Headers the V3 signature covers: host, content-type and every x-acs-* header."""
    return name in ("host", "content-type") or name.startswith("x-acs-")


def canonical_query(query: list[tuple[str, str]]) -> str:
    """``k=v`` pairs, RFC 3986-encoded, sorted; an empty value still gives ``k=``."""
    pairs = sorted((percent_encode(k), percent_encode(v)) for k, v in query)
    return "&".join(f"{k}={v}" for k, v in pairs)


def canonical_headers(headers: dict[str, str]) -> tuple[str, str]:
    """(canonical header block, signed header list) over the signed headers present.

    Names are lower-cased, values stripped; names differing only in case are merged with
    their values sorted and joined by ``,`` (as the official SDK does).
    """
    merged: dict[str, list[str]] = {}
    for name, value in headers.items():
        lower = name.lower()
        if _is_signed_header(lower):
            merged.setdefault(lower, []).append(value.strip())
    names = sorted(merged)
    block = "".join(f"{n}:{','.join(sorted(merged[n]))}\n" for n in names)
    return block, ";".join(names)


class Acs3Signer:
    """Adds ``x-acs-date``, ``x-acs-signature-nonce``, ``x-acs-content-sha256``, the STS token
    headers and ``Authorization: ACS3-HMAC-SHA256 ...``."""

    __slots__ = ("_credentials",)

    def __init__(self, credentials: AlibabaCloudCredentials) -> None:
        self._credentials = credentials

    family: ClassVar[str] = "alibabacloud"
    security: ClassVar[ApiKey] = ApiKey(
        "header", "Authorization", "ACS3-HMAC-SHA256 signature (Alibaba Cloud signature V3)."
    )

    @classmethod
    def from_credentials(cls, credentials: Credentials, region: str) -> Acs3Signer:
        return cls(require_access_key("acs3-hmac-sha256", credentials))

    def __repr__(self) -> str:
        return f"Acs3Signer(credentials={self._credentials!r})"

    def sign(self, request: HttpRequest, now: datetime.datetime) -> None:
        """Sign ``request`` in place for the instant ``now`` with a fresh nonce."""
        cred = self._credentials
        payload_hash = hashlib.sha256(request.body).hexdigest()
        headers = request.headers
        headers["x-acs-date"] = now.astimezone(datetime.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
        headers["x-acs-signature-nonce"] = os.urandom(16).hex()
        headers["x-acs-content-sha256"] = payload_hash
        if cred.security_token:
            headers["x-acs-accesskey-id"] = cred.access_key_id
            headers["x-acs-security-token"] = cred.security_token

        header_block, signed_headers = canonical_headers(headers)
        canonical_request = "\n".join(
            [
                request.method.upper(),
                request.path or "/",  # as sent: tea-openapi signs the encoded pathname
                canonical_query(request.query),
                header_block,
                signed_headers,
                payload_hash,
            ]
        )
        digest = hashlib.sha256(canonical_request.encode()).hexdigest()
        string_to_sign = f"{ALGORITHM}\n{digest}"
        signature = hmac.new(
            cred.access_key_secret.encode(), string_to_sign.encode(), hashlib.sha256
        ).hexdigest()
        headers["Authorization"] = (
            f"{ALGORITHM} Credential={cred.access_key_id},"
            f"SignedHeaders={signed_headers},Signature={signature}"
        )
