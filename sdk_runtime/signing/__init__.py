"""Request signing for every scheme a service spec can name.

A service spec names its scheme (``signing:`` in the service file); the client core calls
:func:`make_signer` once per client and ``signer.sign(request, now)`` on a fresh copy of the
unsigned request for every attempt. Each scheme mirrors what the vendor's official SDK sends,
and the tests check every signature against the official SDK's own signing function.
A scheme's module (and hashlib) is imported when a client first asks for that scheme.
"""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING, Protocol

from sdk_runtime.credentials import AlibabaCloudCredentials, HuaweiCloudCredentials
from sdk_runtime.errors import CredentialsError
from sdk_runtime.http import HttpRequest

if TYPE_CHECKING:
    from sdk_runtime.signing.acs3 import Acs3Signer
    from sdk_runtime.signing.huawei import HuaweiAkSkSigner, HuaweiTokenSigner
    from sdk_runtime.signing.oss4 import Oss4Signer
    from sdk_runtime.signing.rpc_v1 import RpcV1Signer

__all__ = [
    "SCHEMES",
    "Acs3Signer",
    "HuaweiAkSkSigner",
    "HuaweiTokenSigner",
    "Oss4Signer",
    "RpcV1Signer",
    "Signer",
    "make_signer",
]


class Signer(Protocol):
    """Something that signs an :class:`HttpRequest` in place."""

    def sign(self, request: HttpRequest, now: datetime.datetime) -> None:
        """Add the signature (headers and/or query pairs) to ``request`` in place.

        ``now`` is an aware UTC datetime. Called again for every retry attempt on a fresh copy
        of the unsigned request, so every call generates a fresh nonce where the scheme has one.
        """


SCHEMES: tuple[str, ...] = (
    "acs3-hmac-sha256",
    "rpc-v1-hmac-sha1",
    "oss4-hmac-sha256",
    "huawei-sdk-hmac-sha256",
    "huawei-token",
)

_ALIBABA_SCHEMES = frozenset(SCHEMES[:3])


def make_signer(
    scheme: str,
    credentials: AlibabaCloudCredentials | HuaweiCloudCredentials,
    region: str,
) -> Signer:
    """The signer for ``scheme`` (a spec's scheme name) with these credentials.

    ``region`` is used only by schemes whose scope carries it (OSS V4). For
    ``huawei-sdk-hmac-sha256``, credentials holding only an ``auth_token`` (no AK/SK) give a
    token signer, since Huawei Cloud APIs accept either.

    Raises ``ValueError`` for an unknown scheme and ``CredentialsError`` when the credentials
    do not fit the scheme.
    """
    if scheme not in SCHEMES:
        raise ValueError(
            f"unknown signing scheme {scheme!r}; expected one of: {', '.join(SCHEMES)}"
        )
    if scheme in _ALIBABA_SCHEMES:
        if not isinstance(credentials, AlibabaCloudCredentials):
            raise CredentialsError(
                f"signing scheme {scheme!r} needs Alibaba Cloud credentials "
                f"(access_key_id, access_key_secret), got {type(credentials).__name__}"
            )
        if not credentials.access_key_id or not credentials.access_key_secret:
            raise CredentialsError(
                f"signing scheme {scheme!r} needs access_key_id and access_key_secret"
            )
        if scheme == "acs3-hmac-sha256":
            from sdk_runtime.signing.acs3 import Acs3Signer

            return Acs3Signer(credentials)
        if scheme == "rpc-v1-hmac-sha1":
            from sdk_runtime.signing.rpc_v1 import RpcV1Signer

            return RpcV1Signer(credentials)
        from sdk_runtime.signing.oss4 import Oss4Signer

        return Oss4Signer(credentials, region)

    if not isinstance(credentials, HuaweiCloudCredentials):
        raise CredentialsError(
            f"signing scheme {scheme!r} needs Huawei Cloud credentials "
            f"(ak, sk or auth_token), got {type(credentials).__name__}"
        )
    from sdk_runtime.signing.huawei import HuaweiAkSkSigner, HuaweiTokenSigner

    ak, sk = credentials.ak, credentials.sk
    if scheme == "huawei-sdk-hmac-sha256" and ak and sk:
        return HuaweiAkSkSigner(ak, sk, credentials.project_id)
    if credentials.auth_token:
        return HuaweiTokenSigner(credentials.auth_token, credentials.project_id)
    raise CredentialsError(
        "huawei-token signing needs auth_token"
        if scheme == "huawei-token"
        else f"signing scheme {scheme!r} needs ak and sk (or auth_token)"
    )


_SIGNER_MODULES = {
    "Acs3Signer": "acs3",
    "RpcV1Signer": "rpc_v1",
    "Oss4Signer": "oss4",
    "HuaweiAkSkSigner": "huawei",
    "HuaweiTokenSigner": "huawei",
}


def __getattr__(name: str) -> object:
    """``from sdk_runtime.signing import Oss4Signer`` still works; it loads on first use."""
    if name in _SIGNER_MODULES:
        import importlib

        return getattr(importlib.import_module(f"{__name__}.{_SIGNER_MODULES[name]}"), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
