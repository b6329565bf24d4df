"""Credentials for each vendor, from keywords or the vendors' documented environment variables.

Secrets never appear in ``repr``/``str``: both show only a masked id. Each kind is a
credential family in :data:`FAMILIES`, which a service spec names (``credentials:``): its
constructor keywords and environment variables are what generated clients accept.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import TYPE_CHECKING, NamedTuple, Protocol, TypeVar, Union

if TYPE_CHECKING:
    from datetime import datetime

from sdk_runtime.errors import CredentialsError
from sdk_runtime.registry import Registry

ALIBABA_MISSING = (
    "Alibaba Cloud credentials missing: pass access_key_id= and access_key_secret= or "
    "set ALIBABA_CLOUD_ACCESS_KEY_ID and ALIBABA_CLOUD_ACCESS_KEY_SECRET"
)
HUAWEI_MISSING = (
    "Huawei Cloud credentials missing: pass ak= and sk= (or auth_token=), or set "
    "HUAWEICLOUD_SDK_AK and HUAWEICLOUD_SDK_SK"
)


def _mask(value: str | None) -> str:
    if not value:
        return "None"
    return f"'{value[:4]}****'" if len(value) > 8 else "'****'"


class AlibabaCloudCredentials(NamedTuple):
    """AccessKey pair with an optional STS security token; ``expiration`` (an aware datetime)
    for temporary credentials, which a client asks its provider to renew before then."""

    access_key_id: str
    access_key_secret: str
    security_token: str | None = None
    expiration: datetime | None = None

    def __repr__(self) -> str:
        token = "set" if self.security_token else "None"
        return (
            f"AlibabaCloudCredentials(access_key_id={_mask(self.access_key_id)}, "
            f"access_key_secret='****', security_token={token}, expiration={self.expiration!r})"
        )

    def secret_values(self) -> tuple[str, ...]:
        """The values that must never be shown (to scrub them from echoed text)."""
        return tuple(v for v in (self.access_key_secret, self.security_token) if v)

    @classmethod
    def resolve(
        cls,
        access_key_id: str | None = None,
        access_key_secret: str | None = None,
        security_token: str | None = None,
    ) -> AlibabaCloudCredentials:
        """Keywords first, then ALIBABA_CLOUD_ACCESS_KEY_ID / _SECRET / _SECURITY_TOKEN."""
        key_id = access_key_id or os.environ.get("ALIBABA_CLOUD_ACCESS_KEY_ID")
        secret = access_key_secret or os.environ.get("ALIBABA_CLOUD_ACCESS_KEY_SECRET")
        token = security_token or os.environ.get("ALIBABA_CLOUD_SECURITY_TOKEN") or None
        if not key_id or not secret:
            raise CredentialsError(ALIBABA_MISSING)
        return cls(key_id, secret, token)

    @classmethod
    def resolve_chain(
        cls,
        access_key_id: str | None = None,
        access_key_secret: str | None = None,
        security_token: str | None = None,
        credentials: CredentialsSource[AlibabaCloudCredentials] | None = None,
    ) -> CredentialsSource[AlibabaCloudCredentials]:
        """``credentials`` if given (with no other keyword); else keywords and environment
        (:meth:`resolve`); without them, the rest of the official SDK's default chain (see
        :mod:`sdk_runtime.credential_providers.alibabacloud`)."""
        if credentials is not None:
            return _only(credentials, access_key_id, access_key_secret, security_token)
        if access_key_id or access_key_secret or security_token or _any_env(ALIBABA_CLOUD):
            return cls.resolve(access_key_id, access_key_secret, security_token)
        from sdk_runtime.credential_providers.alibabacloud import default_chain

        return default_chain()


class HuaweiCloudCredentials(NamedTuple):
    """AK/SK pair (with an optional project id, and a security token for temporary AK/SK,
    sent in ``X-Security-Token``), or an IAM token; ``expiration`` as for Alibaba Cloud."""

    ak: str | None = None
    sk: str | None = None
    project_id: str | None = None
    security_token: str | None = None
    expiration: datetime | None = None
    auth_token: str | None = None

    def __repr__(self) -> str:
        return (
            f"HuaweiCloudCredentials(ak={_mask(self.ak)}, sk={'****' if self.sk else None}, "
            f"project_id={self.project_id!r}, "
            f"security_token={'set' if self.security_token else None}, "
            f"expiration={self.expiration!r}, auth_token={'set' if self.auth_token else None})"
        )

    def secret_values(self) -> tuple[str, ...]:
        """The values that must never be shown (to scrub them from echoed text)."""
        return tuple(v for v in (self.sk, self.security_token, self.auth_token) if v)

    @classmethod
    def resolve(
        cls,
        ak: str | None = None,
        sk: str | None = None,
        project_id: str | None = None,
        security_token: str | None = None,
        auth_token: str | None = None,
    ) -> HuaweiCloudCredentials:
        """Keywords first, then HUAWEICLOUD_SDK_AK / _SK / _PROJECT_ID / _SECURITY_TOKEN; a
        token alone suffices."""
        ak = ak or os.environ.get("HUAWEICLOUD_SDK_AK")
        sk = sk or os.environ.get("HUAWEICLOUD_SDK_SK")
        project_id = project_id or os.environ.get("HUAWEICLOUD_SDK_PROJECT_ID") or None
        token = security_token or os.environ.get("HUAWEICLOUD_SDK_SECURITY_TOKEN") or None
        if auth_token:
            return cls(ak, sk, project_id, token, auth_token=auth_token)
        if not ak or not sk:
            raise CredentialsError(HUAWEI_MISSING)
        return cls(ak, sk, project_id, token)

    @classmethod
    def resolve_chain(
        cls,
        ak: str | None = None,
        sk: str | None = None,
        project_id: str | None = None,
        security_token: str | None = None,
        auth_token: str | None = None,
        credentials: CredentialsSource[HuaweiCloudCredentials] | None = None,
    ) -> CredentialsSource[HuaweiCloudCredentials]:
        """``credentials`` if given (with no other keyword); else keywords and environment
        (:meth:`resolve`); without them, the rest of the official SDK's default chain (see
        :mod:`sdk_runtime.credential_providers.huaweicloud`)."""
        if credentials is not None:
            return _only(credentials, ak, sk, project_id, security_token, auth_token)
        given = ak or sk or security_token or auth_token
        if given or _any_env(HUAWEI_CLOUD, ("HUAWEICLOUD_SDK_PROJECT_ID",)):
            return cls.resolve(ak, sk, project_id, security_token, auth_token)
        from sdk_runtime.credential_providers.huaweicloud import default_chain

        return default_chain(project_id)


class CredentialFamily(NamedTuple):
    """One kind of credentials, as generated clients take them."""

    name: str  # as a service spec names it
    title: str  # the vendor, for messages and docs
    credentials: type[AlibabaCloudCredentials] | type[HuaweiCloudCredentials]
    # (constructor keyword, environment variable read when it is not given, or None), in the
    # order of ``credentials.resolve``'s parameters
    keywords: tuple[tuple[str, str | None], ...]
    description: str  # for docs: what a caller passes, as a sentence
    # credential attributes that fill the path parameters of the same name a caller leaves
    # out (Huawei Cloud's {project_id})
    client_values: tuple[str, ...] = ()


ALIBABA_CLOUD = CredentialFamily(
    "alibabacloud",
    "Alibaba Cloud",
    AlibabaCloudCredentials,
    (
        ("access_key_id", "ALIBABA_CLOUD_ACCESS_KEY_ID"),
        ("access_key_secret", "ALIBABA_CLOUD_ACCESS_KEY_SECRET"),
        ("security_token", "ALIBABA_CLOUD_SECURITY_TOKEN"),
    ),
    "An AccessKey pair, with a security token for STS credentials",
)
HUAWEI_CLOUD = CredentialFamily(
    "huaweicloud",
    "Huawei Cloud",
    HuaweiCloudCredentials,
    (
        ("ak", "HUAWEICLOUD_SDK_AK"),
        ("sk", "HUAWEICLOUD_SDK_SK"),
        ("project_id", "HUAWEICLOUD_SDK_PROJECT_ID"),
        ("security_token", "HUAWEICLOUD_SDK_SECURITY_TOKEN"),
        ("auth_token", None),
    ),
    "An AK/SK pair (with the project id), or an IAM token alone",
    ("project_id",),
)

FAMILIES: Registry[CredentialFamily] = Registry(
    "credential family",
    {
        "alibabacloud": "sdk_runtime.credentials:ALIBABA_CLOUD",
        "huaweicloud": "sdk_runtime.credentials:HUAWEI_CLOUD",
    },
)


def credentials_family(credentials: AlibabaCloudCredentials | HuaweiCloudCredentials) -> str:
    """The name of the family ``credentials`` belong to."""
    return next(name for name in FAMILIES if isinstance(credentials, FAMILIES[name].credentials))


Credentials = AlibabaCloudCredentials | HuaweiCloudCredentials
CredT = TypeVar("CredT", AlibabaCloudCredentials, HuaweiCloudCredentials)
CredT_co = TypeVar("CredT_co", covariant=True)


class SupportsGet(Protocol[CredT_co]):
    """A credentials provider object: ``get()`` returns the credentials to sign with now."""

    def get(self) -> CredT_co: ...


# What ``credentials=`` takes: the credentials, a callable returning them, or a provider
CredentialsSource = Union[CredT, Callable[[], CredT], SupportsGet[CredT]]  # noqa: UP007


def _only(credentials: CredentialsSource[CredT], *keywords: str | None) -> CredentialsSource[CredT]:
    """``credentials``, unless credential keywords were given too (one would be ignored)."""
    if any(value is not None for value in keywords):
        raise ValueError("pass credentials= or the credential keywords, not both")
    return credentials


def _any_env(family: CredentialFamily, ignore: tuple[str, ...] = ()) -> bool:
    """Whether one of ``family``'s environment variables (but ``ignore``) is set."""
    return any(os.environ.get(name) for _, name in family.keywords if name and name not in ignore)
