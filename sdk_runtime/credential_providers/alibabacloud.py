"""Alibaba Cloud's default credential chain, in the order and with the names of the official
``alibabacloud-credentials`` (``DefaultCredentialsProvider``), after keywords and the
``ALIBABA_CLOUD_ACCESS_KEY_ID`` / ``_SECRET`` / ``_SECURITY_TOKEN`` variables:

1. OIDC: ``ALIBABA_CLOUD_ROLE_ARN``, ``ALIBABA_CLOUD_OIDC_PROVIDER_ARN`` and
   ``ALIBABA_CLOUD_OIDC_TOKEN_FILE`` (all three) -> STS ``AssumeRoleWithOIDC``
   (``ALIBABA_CLOUD_ROLE_SESSION_NAME``);
2. ``~/.aliyun/config.json`` (the CLI's), profile ``ALIBABA_CLOUD_PROFILE`` or ``current``;
   modes AK, StsToken, RamRoleArn, EcsRamRole; off with ``ALIBABA_CLOUD_CLI_PROFILE_DISABLED``;
3. ``~/.alibabacloud/credentials.ini`` (or ``ALIBABA_CLOUD_CREDENTIALS_FILE``), section
   ``ALIBABA_CLOUD_PROFILE`` or ``default``; types access_key, ram_role_arn, ecs_ram_role;
4. the ECS RAM role from the metadata service (IMDSv2 token first; role
   ``ALIBABA_CLOUD_ECS_METADATA`` or the one the instance has; off with
   ``ALIBABA_CLOUD_ECS_METADATA_DISABLED=true``, IMDSv1 refused with
   ``ALIBABA_CLOUD_IMDSV1_DISABLED=true``).

RamRoleArn profiles call STS ``AssumeRole`` signed with their AccessKey. Temporary
credentials carry their ``Expiration`` and are renewed before it. Endpoints: STS is
``sts.aliyuncs.com`` (``sts.<ALIBABA_CLOUD_STS_REGION>.aliyuncs.com``), the metadata service
``http://100.100.100.200``; this runtime also reads ``ALIBABA_CLOUD_STS_ENDPOINT`` and
``ALIBABA_CLOUD_ECS_METADATA_ENDPOINT`` (full URLs), used by the tests' loopback fakes.
"""

from __future__ import annotations

import json
import os
import urllib.parse
from collections.abc import Callable, Mapping
from datetime import UTC, datetime
from pathlib import Path

from sdk_runtime.credential_providers import (
    ChainProvider,
    http_request,
    ini_section,
    json_object,
    parse_time,
    text,
)
from sdk_runtime.credentials import ALIBABA_MISSING, AlibabaCloudCredentials
from sdk_runtime.errors import CredentialsError

__all__ = [
    "assume_role",
    "assume_role_with_oidc",
    "cli_profile",
    "default_chain",
    "ecs_ram_role",
    "ini_profile",
    "oidc",
]

Provider = Callable[[], AlibabaCloudCredentials | None]
METADATA_ENDPOINT = "http://100.100.100.200"
TOKEN_TTL_SECONDS = 21600  # as the official SDK asks for
DEFAULT_SESSION = "credentials-python"  # the official SDK's default session name


def _env(name: str) -> str | None:
    return os.environ.get(name) or None


def _true(name: str) -> bool:
    return (os.environ.get(name) or "").lower() == "true"


def sts_endpoint() -> str:
    """``ALIBABA_CLOUD_STS_ENDPOINT``, else the STS endpoint of ``ALIBABA_CLOUD_STS_REGION``."""
    if endpoint := _env("ALIBABA_CLOUD_STS_ENDPOINT"):
        return endpoint.rstrip("/")
    region = _env("ALIBABA_CLOUD_STS_REGION")
    return f"https://sts.{region}.aliyuncs.com" if region else "https://sts.aliyuncs.com"


def _sts_credentials(status: int, body: bytes, action: str) -> AlibabaCloudCredentials:
    data = json_object(status, body, f"STS {action}")
    found = data.get("Credentials")
    if not isinstance(found, dict):
        raise CredentialsError(f"STS {action} answered without Credentials")
    key_id = text(found, "AccessKeyId")
    secret = text(found, "AccessKeySecret")
    if not key_id or not secret:
        raise CredentialsError(f"STS {action} answered without an AccessKey")
    return AlibabaCloudCredentials(
        key_id, secret, text(found, "SecurityToken"), parse_time(found.get("Expiration"))
    )


def _sts_params(action: str, extra: Mapping[str, str]) -> list[tuple[str, str]]:
    """The RPC parameters of an STS call (a signed one adds Timestamp, nonce and signature)."""
    return [("Action", action), ("Format", "JSON"), ("Version", "2015-04-01"), *extra.items()]


def assume_role(
    credentials: AlibabaCloudCredentials,
    role_arn: str,
    session_name: str | None = None,
    duration_seconds: int = 3600,
    endpoint: str | None = None,
) -> AlibabaCloudCredentials:
    """STS ``AssumeRole`` signed (RPC V1) with ``credentials``: temporary credentials."""
    from sdk_runtime.http import HttpRequest
    from sdk_runtime.signing import make_signer

    base = urllib.parse.urlsplit(endpoint or sts_endpoint())
    params = {
        "RoleArn": role_arn,
        "RoleSessionName": session_name or DEFAULT_SESSION,
        "DurationSeconds": str(duration_seconds),
    }
    request = HttpRequest("GET", base.scheme, base.netloc, "/", _sts_params("AssumeRole", params))
    make_signer("rpc-v1-hmac-sha1", credentials, "cn-hangzhou").sign(request, datetime.now(UTC))
    url = f"{base.scheme}://{base.netloc}/?{urllib.parse.urlencode(request.query)}"
    status, body = http_request("GET", url, timeout=10.0)
    return _sts_credentials(status, body, "AssumeRole")


def assume_role_with_oidc(
    role_arn: str,
    provider_arn: str,
    token_file: str,
    session_name: str | None = None,
    duration_seconds: int = 3600,
    endpoint: str | None = None,
) -> AlibabaCloudCredentials:
    """STS ``AssumeRoleWithOIDC`` (anonymous) with the OIDC token read from ``token_file``
    afresh on every call (the platform rotates it)."""
    try:
        token = Path(token_file).read_text(encoding="utf-8").strip()
    except OSError as error:
        raise CredentialsError(f"cannot read the OIDC token file: {type(error).__name__}") from None
    params = {
        "RoleArn": role_arn,
        "OIDCProviderArn": provider_arn,
        "OIDCToken": token,
        "RoleSessionName": session_name or DEFAULT_SESSION,
        "DurationSeconds": str(duration_seconds),
    }
    fields = _sts_params("AssumeRoleWithOIDC", params)
    fields.append(("Timestamp", datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")))
    body = urllib.parse.urlencode(fields).encode()
    headers = {"Content-Type": "application/x-www-form-urlencoded"}
    status, answer = http_request(
        "POST", f"{endpoint or sts_endpoint()}/", headers, body, timeout=10.0
    )
    return _sts_credentials(status, answer, "AssumeRoleWithOIDC")


def oidc() -> AlibabaCloudCredentials | None:
    """OIDC from ``ALIBABA_CLOUD_ROLE_ARN`` / ``_OIDC_PROVIDER_ARN`` / ``_OIDC_TOKEN_FILE``."""
    role_arn = _env("ALIBABA_CLOUD_ROLE_ARN")
    provider_arn = _env("ALIBABA_CLOUD_OIDC_PROVIDER_ARN")
    token_file = _env("ALIBABA_CLOUD_OIDC_TOKEN_FILE")
    if not (role_arn and provider_arn and token_file):
        return None
    return assume_role_with_oidc(
        role_arn, provider_arn, token_file, _env("ALIBABA_CLOUD_ROLE_SESSION_NAME")
    )


def _access_key(section: Mapping[str, object], where: str) -> AlibabaCloudCredentials:
    key_id = text(section, "access_key_id")
    secret = text(section, "access_key_secret")
    if not key_id or not secret:
        raise CredentialsError(f"{where}: access_key_id and access_key_secret are required")
    return AlibabaCloudCredentials(key_id, secret)


def cli_profile() -> AlibabaCloudCredentials | None:
    """A profile of ``~/.aliyun/config.json``: ``ALIBABA_CLOUD_PROFILE``, else ``current``."""
    if _true("ALIBABA_CLOUD_CLI_PROFILE_DISABLED"):
        return None
    path = Path.home() / ".aliyun" / "config.json"
    try:
        config = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    except (OSError, ValueError):
        raise CredentialsError(f"{path} is not readable JSON") from None
    if not isinstance(config, dict):
        raise CredentialsError(f"{path} holds no JSON object")
    name = _env("ALIBABA_CLOUD_PROFILE") or config.get("current")
    profiles = config.get("profiles")
    found = next((p for p in profiles or () if isinstance(p, dict) and p.get("name") == name), None)
    if found is None:
        raise CredentialsError(f"{path}: no profile named {name!r}")
    where = f"{path} profile {name!r}"
    mode = found.get("mode")
    if mode == "AK":
        return _access_key(found, where)
    if mode == "StsToken":
        return _access_key(found, where)._replace(security_token=text(found, "sts_token"))
    if mode == "RamRoleArn":
        role_arn = text(found, "ram_role_arn")
        if not role_arn:
            raise CredentialsError(f"{where}: ram_role_arn is required")
        seconds = found.get("expired_seconds")
        return assume_role(
            _access_key(found, where),
            role_arn,
            text(found, "ram_session_name"),
            seconds if isinstance(seconds, int) and seconds > 0 else 3600,
        )
    if mode == "EcsRamRole":
        return ecs_ram_role(text(found, "ram_role_name"))
    raise CredentialsError(f"{where}: mode {mode!r} is not supported")


def ini_profile() -> AlibabaCloudCredentials | None:
    """A section of ``~/.alibabacloud/credentials.ini`` (``ALIBABA_CLOUD_CREDENTIALS_FILE``):
    ``ALIBABA_CLOUD_PROFILE``, else ``default``."""
    name = _env("ALIBABA_CLOUD_PROFILE") or "default"
    default = Path.home() / ".alibabacloud" / "credentials.ini"
    found = ini_section(_env("ALIBABA_CLOUD_CREDENTIALS_FILE"), default, name, True)
    if found is None:
        return None
    path, section = found
    where = f"{path} [{name}]"
    kind = section.get("type")
    if kind == "access_key":
        return _access_key(section, where)
    if kind == "ram_role_arn":
        role_arn = text(section, "role_arn")
        if not role_arn:
            raise CredentialsError(f"{where}: role_arn is required")
        return assume_role(
            _access_key(section, where), role_arn, text(section, "role_session_name")
        )
    if kind == "ecs_ram_role":
        return ecs_ram_role(text(section, "role_name"))
    raise CredentialsError(f"{where}: type {kind!r} is not supported")


def ecs_ram_role(role_name: str | None = None) -> AlibabaCloudCredentials:
    """The RAM role's temporary credentials from the ECS metadata service (IMDSv2: a session
    token in ``X-aliyun-ecs-metadata-token``)."""
    base = (_env("ALIBABA_CLOUD_ECS_METADATA_ENDPOINT") or METADATA_ENDPOINT).rstrip("/")
    headers: dict[str, str] = {}
    status, token = http_request(
        "PUT",
        f"{base}/latest/api/token",
        {"X-aliyun-ecs-metadata-token-ttl-seconds": str(TOKEN_TTL_SECONDS)},
    )
    if status == 200:
        headers["X-aliyun-ecs-metadata-token"] = token.decode()
    elif _true("ALIBABA_CLOUD_IMDSV1_DISABLED"):
        raise CredentialsError(f"the ECS metadata token request answered HTTP {status}")
    root = f"{base}/latest/meta-data/ram/security-credentials/"
    role = role_name or _env("ALIBABA_CLOUD_ECS_METADATA")
    if not role:
        status, names = http_request("GET", root, headers)
        if status != 200 or not names.strip():
            raise CredentialsError(f"the ECS metadata service names no RAM role (HTTP {status})")
        role = names.decode().split()[0]
    status, body = http_request("GET", root + urllib.parse.quote(role, safe=""), headers)
    data = json_object(status, body, "the ECS metadata service")
    key_id = text(data, "AccessKeyId")
    secret = text(data, "AccessKeySecret")
    if data.get("Code") != "Success" or not key_id or not secret:
        raise CredentialsError("the ECS metadata service gave no credentials")
    return AlibabaCloudCredentials(
        key_id, secret, text(data, "SecurityToken"), parse_time(data.get("Expiration"))
    )


def _ecs() -> AlibabaCloudCredentials | None:
    if _true("ALIBABA_CLOUD_ECS_METADATA_DISABLED"):
        return None
    return ecs_ram_role()


def default_chain() -> ChainProvider[AlibabaCloudCredentials]:
    """The chain after keywords and environment, as the official SDK orders it."""
    providers: list[tuple[str, Provider]] = [
        ("OIDC", oidc),
        ("~/.aliyun/config.json", cli_profile),
        ("~/.alibabacloud/credentials.ini", ini_profile),
        ("ECS RAM role", _ecs),
    ]
    chain = ChainProvider(ALIBABA_MISSING, providers)
    return chain
