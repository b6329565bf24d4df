"""Request signing for every scheme a service spec can name.

A service spec names its scheme (``signing:`` in the service file), one of :data:`SIGNERS`;
the client core calls :func:`make_signer` once per client and ``signer.sign(request, now)``
on a fresh copy of the unsigned request for every attempt. Each scheme mirrors what the
vendor's official SDK sends, and the tests check every signature against the official SDK's
own signing function. A scheme's module (and hashlib) is imported when a client first asks
for that scheme. A new scheme is a module with a :class:`SignerClass` and one entry here.
"""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING, ClassVar, NamedTuple, Protocol

from sdk_runtime.credentials import FAMILIES, AlibabaCloudCredentials, HuaweiCloudCredentials
from sdk_runtime.errors import CredentialsError
from sdk_runtime.http import HttpRequest
from sdk_runtime.registry import Registry

if TYPE_CHECKING:
    from sdk_runtime.signing.acs3 import Acs3Signer
    from sdk_runtime.signing.huawei import HuaweiAkSkSigner, HuaweiTokenSigner
    from sdk_runtime.signing.oss4 import Oss4Signer
    from sdk_runtime.signing.rpc_v1 import RpcV1Signer
    from sdk_runtime.signing.sls import SlsV1Signer, SlsV4Signer

__all__ = [
    "SCHEMES",
    "ApiKey",
    "SIGNERS",
    "Acs3Signer",
    "HuaweiAkSkSigner",
    "HuaweiTokenSigner",
    "Oss4Signer",
    "RpcV1Signer",
    "Signer",
    "SignerClass",
    "SlsV1Signer",
    "SlsV4Signer",
    "make_signer",
]

Credentials = AlibabaCloudCredentials | HuaweiCloudCredentials


class Signer(Protocol):
    """Something that signs an :class:`HttpRequest` in place."""

    def sign(self, request: HttpRequest, now: datetime.datetime) -> None:
        """Add the signature (headers and/or query pairs) to ``request`` in place.

        ``now`` is an aware UTC datetime. Called again for every retry attempt on a fresh copy
        of the unsigned request, so every call generates a fresh nonce where the scheme has one.
        """


class ApiKey(NamedTuple):
    """Where a scheme's credential travels, as an OpenAPI ``apiKey`` security scheme shows it
    (the generator writes one per scheme a service accepts)."""

    location: str  # header | query
    name: str  # Authorization, X-Auth-Token, Signature
    description: str


class SignerClass(Protocol):
    """What a signing scheme registers: a class that makes signers from credentials."""

    family: ClassVar[str]  # the credential family it signs with (see credentials.FAMILIES)
    security: ClassVar[ApiKey]  # how the generated OpenAPI document describes it

    @classmethod
    def from_credentials(cls, credentials: Credentials, region: str) -> Signer:
        """A signer for these credentials (of ``family``); CredentialsError if they lack
        what the scheme needs. ``region`` matters only where the scope carries it."""
        ...


# Every signing scheme a service spec can name, by its spec name. A scheme's module (and
# hashlib) is imported when a client first asks for it.
SIGNERS: Registry[SignerClass] = Registry(
    "signing scheme",
    {
        "acs3-hmac-sha256": "sdk_runtime.signing.acs3:Acs3Signer",
        "rpc-v1-hmac-sha1": "sdk_runtime.signing.rpc_v1:RpcV1Signer",
        "oss4-hmac-sha256": "sdk_runtime.signing.oss4:Oss4Signer",
        "huawei-sdk-hmac-sha256": "sdk_runtime.signing.huawei:HuaweiAkSkSigner",
        "huawei-token": "sdk_runtime.signing.huawei:HuaweiTokenSigner",
        "sls-v1-hmac-sha1": "sdk_runtime.signing.sls:SlsV1Signer",
        "sls4-hmac-sha256": "sdk_runtime.signing.sls:SlsV4Signer",
    },
)
SCHEMES: tuple[str, ...] = SIGNERS.names()


def make_signer(scheme: str, credentials: Credentials, region: str) -> Signer:
    """The signer for ``scheme`` (a spec's scheme name) with these credentials.

    ``region`` is used only by schemes whose scope carries it (OSS V4). For
    ``huawei-sdk-hmac-sha256``, credentials holding only an ``auth_token`` (no AK/SK) give a
    token signer, since Huawei Cloud APIs accept either.

    Raises ``ValueError`` for an unknown scheme and ``CredentialsError`` when the credentials
    do not fit the scheme.
    """
    signer_class = SIGNERS[scheme]
    family = FAMILIES[signer_class.family]
    if not isinstance(credentials, family.credentials):
        keywords = ", ".join(keyword for keyword, _ in family.keywords)
        raise CredentialsError(
            f"signing scheme {scheme!r} needs {family.title} credentials ({keywords}), "
            f"got {type(credentials).__name__}"
        )
    return signer_class.from_credentials(credentials, region)


def require_access_key(scheme: str, credentials: Credentials) -> AlibabaCloudCredentials:
    """``credentials`` as an AccessKey pair, or CredentialsError naming what is missing."""
    if (
        not isinstance(credentials, AlibabaCloudCredentials)
        or not credentials.access_key_id
        or not credentials.access_key_secret
    ):
        raise CredentialsError(
            f"signing scheme {scheme!r} needs access_key_id and access_key_secret"
        )
    return credentials


_SIGNER_MODULES = {
    "Acs3Signer": "acs3",
    "RpcV1Signer": "rpc_v1",
    "Oss4Signer": "oss4",
    "HuaweiAkSkSigner": "huawei",
    "HuaweiTokenSigner": "huawei",
    "SlsV1Signer": "sls",
    "SlsV4Signer": "sls",
}


def __getattr__(name: str) -> object:
    """``from sdk_runtime.signing import Oss4Signer`` still works; it loads on first use."""
    if name in _SIGNER_MODULES:
        import importlib

        return getattr(importlib.import_module(f"{__name__}.{_SIGNER_MODULES[name]}"), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
