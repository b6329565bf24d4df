"""Credentials for each vendor, from keywords or the vendors' documented environment variables.

Secrets never appear in ``repr``/``str``: both show only a masked id. Each kind is a
credential family in :data:`FAMILIES`, which a service spec names (``credentials:``): its
constructor keywords and environment variables are what generated clients accept.
"""

from __future__ import annotations

import os
from typing import NamedTuple

from sdk_runtime.errors import CredentialsError
from sdk_runtime.registry import Registry


def _mask(value: str | None) -> str:
    if not value:
        return "None"
    return f"'{value[:4]}****'" if len(value) > 8 else "'****'"


class AlibabaCloudCredentials(NamedTuple):
    """AccessKey pair with an optional STS security token."""

    access_key_id: str
    access_key_secret: str
    security_token: str | None = None

    def __repr__(self) -> str:
        token = "set" if self.security_token else "None"
        return (
            f"AlibabaCloudCredentials(access_key_id={_mask(self.access_key_id)}, "
            f"access_key_secret='****', security_token={token})"
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
            raise CredentialsError(
                "Alibaba Cloud credentials missing: pass access_key_id= and access_key_secret= or "
                "set ALIBABA_CLOUD_ACCESS_KEY_ID and ALIBABA_CLOUD_ACCESS_KEY_SECRET"
            )
        return cls(key_id, secret, token)


class HuaweiCloudCredentials(NamedTuple):
    """AK/SK pair (with an optional project id) or an IAM token."""

    ak: str | None = None
    sk: str | None = None
    project_id: str | None = None
    auth_token: str | None = None

    def __repr__(self) -> str:
        return (
            f"HuaweiCloudCredentials(ak={_mask(self.ak)}, sk={'****' if self.sk else None}, "
            f"project_id={self.project_id!r}, auth_token={'set' if self.auth_token else None})"
        )

    def secret_values(self) -> tuple[str, ...]:
        """The values that must never be shown (to scrub them from echoed text)."""
        return tuple(v for v in (self.sk, self.auth_token) if v)

    @classmethod
    def resolve(
        cls,
        ak: str | None = None,
        sk: str | None = None,
        project_id: str | None = None,
        auth_token: str | None = None,
    ) -> HuaweiCloudCredentials:
        """Keywords first, then HUAWEICLOUD_SDK_AK / _SK / _PROJECT_ID; a token alone suffices."""
        ak = ak or os.environ.get("HUAWEICLOUD_SDK_AK")
        sk = sk or os.environ.get("HUAWEICLOUD_SDK_SK")
        project_id = project_id or os.environ.get("HUAWEICLOUD_SDK_PROJECT_ID") or None
        if auth_token:
            return cls(ak, sk, project_id, auth_token)
        if not ak or not sk:
            raise CredentialsError(
                "Huawei Cloud credentials missing: pass ak= and sk= (or auth_token=), or set "
                "HUAWEICLOUD_SDK_AK and HUAWEICLOUD_SDK_SK"
            )
        return cls(ak, sk, project_id, None)


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
