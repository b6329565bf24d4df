"""Huawei Cloud's default credential chain, in the order and with the names of
``huaweicloudsdkcore`` (``CredentialProviderChain``), after keywords and the
``HUAWEICLOUD_SDK_AK`` / ``_SK`` / ``_PROJECT_ID`` / ``_SECURITY_TOKEN`` variables:

1. ``~/.huaweicloud/credentials`` (or ``HUAWEICLOUD_SDK_CREDENTIALS_FILE``), section
   ``[basic]``: ``ak``, ``sk``, ``project_id``, ``security_token``;
2. ECS metadata: temporary AK/SK and security token from
   ``http://169.254.169.254/openstack/latest/securitykey``, with a session token from
   ``PUT /meta-data/latest/api/token`` in ``X-Metadata-Token`` where the instance gives one;
   signed requests carry ``X-Security-Token``, renewed before ``expires_at``.

The metadata endpoint can be set with ``HUAWEICLOUD_SDK_METADATA_ENDPOINT`` (a full URL;
this runtime's name, used by the tests' loopback fake).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from sdk_runtime.credential_providers import (
    ChainProvider,
    http_request,
    ini_section,
    json_object,
    parse_time,
    text,
)
from sdk_runtime.credentials import HUAWEI_MISSING, HuaweiCloudCredentials
from sdk_runtime.errors import CredentialsError

__all__ = ["default_chain", "ecs_metadata", "profile"]

Provider = Callable[[], HuaweiCloudCredentials | None]
METADATA_ENDPOINT = "http://169.254.169.254"
TOKEN_TTL_SECONDS = 6 * 60 * 60  # as huaweicloudsdkcore asks for


def profile(project_id: str | None = None) -> HuaweiCloudCredentials | None:
    """The ``[basic]`` section of ``~/.huaweicloud/credentials``."""
    default = Path.home() / ".huaweicloud" / "credentials"
    found = ini_section(os.environ.get("HUAWEICLOUD_SDK_CREDENTIALS_FILE"), default, "basic")
    if found is None:
        return None
    path, section = found
    ak, sk = text(section, "ak"), text(section, "sk")
    if not ak or not sk:
        raise CredentialsError(f"{path} [basic]: ak and sk are required")
    return HuaweiCloudCredentials(
        ak, sk, project_id or text(section, "project_id"), text(section, "security_token")
    )


def ecs_metadata(project_id: str | None = None) -> HuaweiCloudCredentials:
    """Temporary AK/SK and security token of the instance's agency, from the metadata service."""
    base = (os.environ.get("HUAWEICLOUD_SDK_METADATA_ENDPOINT") or METADATA_ENDPOINT).rstrip("/")
    headers: dict[str, str] = {}
    status, token = http_request(
        "PUT",
        f"{base}/meta-data/latest/api/token",
        {"X-Metadata-Token-Ttl-Seconds": str(TOKEN_TTL_SECONDS)},
    )
    if status == 200:
        headers["X-Metadata-Token"] = token.decode()
    elif status not in (404, 405, 503):  # huaweicloudsdkcore goes on without a token then
        raise CredentialsError(f"the ECS metadata token request answered HTTP {status}")
    status, body = http_request("GET", f"{base}/openstack/latest/securitykey", headers)
    data = json_object(status, body, "the ECS metadata service")
    found = data.get("credential") or data.get("credentials") or data
    if not isinstance(found, dict):
        raise CredentialsError("the ECS metadata service gave no credentials")
    ak, sk = text(found, "access"), text(found, "secret")
    if not ak or not sk:
        raise CredentialsError("the ECS metadata service gave no AK/SK")
    return HuaweiCloudCredentials(
        ak,
        sk,
        project_id,
        text(found, "securitytoken"),
        parse_time(found.get("expires_at")),
    )


def default_chain(project_id: str | None = None) -> ChainProvider[HuaweiCloudCredentials]:
    """The chain after keywords and environment, as huaweicloudsdkcore orders it."""
    project_id = project_id or os.environ.get("HUAWEICLOUD_SDK_PROJECT_ID") or None
    providers: list[tuple[str, Provider]] = [
        ("~/.huaweicloud/credentials", lambda: profile(project_id)),
        ("ECS metadata", lambda: ecs_metadata(project_id)),
    ]
    return ChainProvider(HUAWEI_MISSING, providers)
