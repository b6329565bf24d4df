"""Huawei Cloud authentication: AK/SK signature ``SDK-HMAC-SHA256`` as huaweicloudsdkcore
computes it, or an IAM token in ``X-Auth-Token``."""

from __future__ import annotations

import datetime
import hashlib
import hmac
from typing import ClassVar
from urllib.parse import unquote

from sdk_runtime.credentials import HuaweiCloudCredentials
from sdk_runtime.errors import CredentialsError
from sdk_runtime.http import HttpRequest, percent_encode
from sdk_runtime.signing import ApiKey, Credentials

ALGORITHM = "SDK-HMAC-SHA256"
_CONTENT_SHA256 = "X-Sdk-Content-Sha256"


def _get_header(headers: dict[str, str], name: str) -> str | None:
    lower = name.lower()
    return next((v for k, v in headers.items() if k.lower() == lower), None)


def canonical_uri(path: str) -> str:
    """The path as sent, decoded and then split at every ``/`` (an encoded ``%2F`` too), each
    segment RFC 3986-encoded, always ending in ``/``: huaweicloudsdkcore's
    ``_process_canonical_uri``."""
    uri = "/".join(percent_encode(segment) for segment in unquote(path).split("/"))
    return uri if uri.endswith("/") else uri + "/"


def canonical_query(query: list[tuple[str, str]]) -> str:
    """Pairs sorted by their decoded (name, value), then encoded; empty values give ``k=``."""
    return "&".join(f"{percent_encode(k)}={percent_encode(v)}" for k, v in sorted(query))


def signed_header_names(headers: dict[str, str]) -> list[str]:
    """Every header is signed, lower-cased and sorted, except names containing ``_``."""
    return sorted({k.lower() for k in headers if "_" not in k})


class HuaweiAkSkSigner:
    """Adds ``X-Sdk-Date``, ``Host`` (if absent), ``X-Project-Id`` and ``X-Security-Token``
    (if set) and
    ``Authorization: SDK-HMAC-SHA256 Access=..., SignedHeaders=..., Signature=...``."""

    __slots__ = ("_ak", "_sk", "_project_id", "_security_token")

    def __init__(
        self, ak: str, sk: str, project_id: str | None = None, security_token: str | None = None
    ) -> None:
        self._ak = ak
        self._sk = sk
        self._project_id = project_id
        self._security_token = security_token  # temporary AK/SK: X-Security-Token, signed

    family: ClassVar[str] = "huaweicloud"
    security: ClassVar[ApiKey] = ApiKey(
        "header", "Authorization", "Huawei Cloud AK/SK signature SDK-HMAC-SHA256."
    )

    @classmethod
    def from_credentials(
        cls, credentials: Credentials, region: str
    ) -> HuaweiAkSkSigner | HuaweiTokenSigner:
        """An AK/SK signer; a token signer where only an IAM token was given, since Huawei
        Cloud APIs accept either."""
        assert isinstance(credentials, HuaweiCloudCredentials)  # see signing.make_signer
        if credentials.ak and credentials.sk:
            return cls(
                credentials.ak, credentials.sk, credentials.project_id, credentials.security_token
            )
        if credentials.auth_token:
            return HuaweiTokenSigner(credentials.auth_token, credentials.project_id)
        raise CredentialsError(
            "signing scheme 'huawei-sdk-hmac-sha256' needs ak and sk (or auth_token)"
        )

    def __repr__(self) -> str:
        masked = f"{self._ak[:4]}****" if len(self._ak) > 8 else "****"
        return f"HuaweiAkSkSigner(ak={masked!r}, sk='****', project_id={self._project_id!r})"

    def sign(self, request: HttpRequest, now: datetime.datetime) -> None:
        """Sign ``request`` in place for the instant ``now``."""
        headers = request.headers
        if self._project_id:
            headers["X-Project-Id"] = self._project_id
        if self._security_token:  # set before signing, as huaweicloudsdkcore does
            headers["X-Security-Token"] = self._security_token
        content_type = _get_header(headers, "Content-Type")
        if content_type and not content_type.startswith(("application/json", "application/bson")):
            headers[_CONTENT_SHA256] = "UNSIGNED-PAYLOAD"
        timestamp = now.astimezone(datetime.UTC).strftime("%Y%m%dT%H%M%SZ")
        headers["X-Sdk-Date"] = timestamp
        if _get_header(headers, "Host") is None:
            headers["Host"] = request.host

        names = signed_header_names(headers)
        values = {k.lower(): v.strip() for k, v in headers.items()}
        if not request.body:
            payload_hash = hashlib.sha256(b"").hexdigest()
        else:
            payload_hash = (
                _get_header(headers, _CONTENT_SHA256) or hashlib.sha256(request.body).hexdigest()
            )
        canonical_request = "\n".join(
            [
                request.method.upper(),
                canonical_uri(request.path),
                canonical_query(request.query),
                "".join(f"{n}:{values[n]}\n" for n in names),
                ";".join(names),
                payload_hash,
            ]
        )
        digest = hashlib.sha256(canonical_request.encode()).hexdigest()
        string_to_sign = f"{ALGORITHM}\n{timestamp}\n{digest}"
        signature = hmac.new(self._sk.encode(), string_to_sign.encode(), hashlib.sha256).hexdigest()
        headers["Authorization"] = (
            f"{ALGORITHM} Access={self._ak}, SignedHeaders={';'.join(names)}, Signature={signature}"
        )


class HuaweiTokenSigner:
    """Sends an IAM token in ``X-Auth-Token`` (and ``X-Project-Id`` if set); no signature."""

    __slots__ = ("_token", "_project_id")

    def __init__(self, token: str, project_id: str | None = None) -> None:
        self._token = token
        self._project_id = project_id

    family: ClassVar[str] = "huaweicloud"
    security: ClassVar[ApiKey] = ApiKey("header", "X-Auth-Token", "IAM user token.")

    @classmethod
    def from_credentials(cls, credentials: Credentials, region: str) -> HuaweiTokenSigner:
        assert isinstance(credentials, HuaweiCloudCredentials)  # see signing.make_signer
        if not credentials.auth_token:
            raise CredentialsError("huawei-token signing needs auth_token")
        return cls(credentials.auth_token, credentials.project_id)

    def __repr__(self) -> str:
        return f"HuaweiTokenSigner(token='****', project_id={self._project_id!r})"

    def sign(self, request: HttpRequest, now: datetime.datetime) -> None:
        """Set the token headers on ``request``; ``now`` is unused."""
        request.headers["X-Auth-Token"] = self._token
        if self._project_id:
            request.headers["X-Project-Id"] = self._project_id
