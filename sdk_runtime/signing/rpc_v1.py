"""Alibaba Cloud RPC signature V1 (``HMAC-SHA1`` over the query), the pre-V3 scheme."""

from __future__ import annotations

import base64
import datetime
import hashlib
import hmac
import os
from typing import ClassVar
from urllib.parse import parse_qsl

from sdk_runtime.credentials import AlibabaCloudCredentials
from sdk_runtime.http import FORM, HttpRequest, percent_encode
from sdk_runtime.signing import ApiKey, Credentials, require_access_key


def string_to_sign(method: str, params: list[tuple[str, str]]) -> str:
    """``METHOD&%2F&percentEncode(sorted, RFC 3986-encoded k=v pairs joined by &)``."""
    pairs = sorted((percent_encode(k), percent_encode(v)) for k, v in params)
    canonical = "&".join(f"{k}={v}" for k, v in pairs)
    return f"{method.upper()}&%2F&{percent_encode(canonical)}"


def _form_params(request: HttpRequest) -> list[tuple[str, str]]:
    """Form-encoded body parameters, which the signature covers too."""
    content_type = next((v for k, v in request.headers.items() if k.lower() == "content-type"), "")
    if not request.body or not content_type.startswith(FORM):
        return []
    return parse_qsl(request.body.decode(), keep_blank_values=True)


class RpcV1Signer:
    """Adds SignatureMethod, SignatureVersion, SignatureNonce, Timestamp, AccessKeyId,
    SecurityToken (STS) and finally Signature to the query."""

    __slots__ = ("_credentials",)

    def __init__(self, credentials: AlibabaCloudCredentials) -> None:
        self._credentials = credentials

    family: ClassVar[str] = "alibabacloud"
    security: ClassVar[ApiKey] = ApiKey(
        "query", "Signature", "Alibaba Cloud RPC signature V1 (HMAC-SHA1)."
    )

    @classmethod
    def from_credentials(cls, credentials: Credentials, region: str) -> RpcV1Signer:
        return cls(require_access_key("rpc-v1-hmac-sha1", credentials))

    def __repr__(self) -> str:
        return f"RpcV1Signer(credentials={self._credentials!r})"

    def sign(self, request: HttpRequest, now: datetime.datetime) -> None:
        """Sign ``request`` in place for the instant ``now`` with a fresh nonce."""
        cred = self._credentials
        request.query.extend(
            [
                ("SignatureMethod", "HMAC-SHA1"),
                ("SignatureVersion", "1.0"),
                ("SignatureNonce", os.urandom(16).hex()),
                ("Timestamp", now.astimezone(datetime.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")),
                ("AccessKeyId", cred.access_key_id),
            ]
        )
        if cred.security_token:
            request.query.append(("SecurityToken", cred.security_token))
        source = string_to_sign(request.method, request.query + _form_params(request))
        key = f"{cred.access_key_secret}&".encode()
        digest = hmac.new(key, source.encode(), hashlib.sha1).digest()
        request.query.append(("Signature", base64.b64encode(digest).decode()))
