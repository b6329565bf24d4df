"""The credential chains (profile files under a tmp HOME, ECS metadata and STS against a
loopback fake), ``credentials=`` providers, and refresh before expiry: thread-safe, and
async without holding the event loop."""

from __future__ import annotations

import asyncio
import json
import threading
import time
import urllib.parse
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from generated.alibabacloud.ens import AsyncEnsClient, EnsClient
from generated.huaweicloud.ga import AsyncGaClient, GaClient
from sdk_runtime.credential_providers import REFRESH_MARGIN, Refresher
from sdk_runtime.credential_providers.alibabacloud import assume_role
from sdk_runtime.credentials import AlibabaCloudCredentials, HuaweiCloudCredentials
from sdk_runtime.errors import CredentialsError
from tests.fakecloud import (
    ALIBABA_ACCESS_KEY_ID,
    ALIBABA_ACCESS_KEY_SECRET,
    ALIBABA_STS_ACCESS_KEY_ID,
    ALIBABA_STS_ACCESS_KEY_SECRET,
    ALIBABA_STS_SECURITY_TOKEN,
    HUAWEI_AK,
    HUAWEI_PROJECT_ID,
    HUAWEI_SECURITY_TOKEN,
    HUAWEI_SK,
    HUAWEI_TEMP_AK,
    HUAWEI_TEMP_SK,
    FakeCloud,
)

AK = AlibabaCloudCredentials(ALIBABA_ACCESS_KEY_ID, ALIBABA_ACCESS_KEY_SECRET)


def _in(seconds: float) -> datetime:
    return datetime.now(UTC) + timedelta(seconds=seconds)


def _iso(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def _sts(expiration: datetime) -> AlibabaCloudCredentials:
    return AlibabaCloudCredentials(
        ALIBABA_STS_ACCESS_KEY_ID,
        ALIBABA_STS_ACCESS_KEY_SECRET,
        ALIBABA_STS_SECURITY_TOKEN,
        expiration,
    )


# --------------------------------------------------------------------------- loopback fake


class Seen:
    def __init__(self, method: str, path: str, headers: dict[str, str], body: bytes) -> None:
        self.method, self.path, self.headers, self.body = method, path, headers, body

    @property
    def params(self) -> dict[str, str]:
        query = urllib.parse.urlsplit(self.path).query
        return dict(urllib.parse.parse_qsl(query or self.body.decode()))


class Metadata:
    """A loopback metadata service / STS: ``routes`` maps (method, path) to (status, body)."""

    def __init__(self) -> None:
        self.routes: dict[tuple[str, str], tuple[int, bytes]] = {}
        self.seen: list[Seen] = []
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def _answer(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else b""
                headers = {k.lower(): v for k, v in self.headers.items()}
                fake.seen.append(Seen(self.command, self.path, headers, body))
                path = urllib.parse.urlsplit(self.path).path
                status, answer = fake.routes.get((self.command, path), (404, b"not found"))
                self.send_response(status)
                self.send_header("Content-Length", str(len(answer)))
                self.end_headers()
                self.wfile.write(answer)

            do_GET = do_PUT = do_POST = _answer

            def log_message(self, *args: Any) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"

    def route(self, method: str, path: str, body: object, status: int = 200) -> None:
        raw = body if isinstance(body, bytes) else json.dumps(body).encode()
        self.routes[(method, path)] = (status, raw)


@pytest.fixture
def metadata() -> Iterator[Metadata]:
    fake = Metadata()
    thread = threading.Thread(target=fake.server.serve_forever, daemon=True)
    thread.start()
    yield fake
    fake.server.shutdown()
    fake.server.server_close()


def _ecs_role(
    metadata: Metadata, expiration: datetime, key_id: str = ALIBABA_STS_ACCESS_KEY_ID
) -> None:
    metadata.route("PUT", "/latest/api/token", b"imds-session-token")
    metadata.route("GET", "/latest/meta-data/ram/security-credentials/", b"EcsRole\n")
    metadata.route(
        "GET",
        "/latest/meta-data/ram/security-credentials/EcsRole",
        {
            "Code": "Success",
            "AccessKeyId": key_id,
            "AccessKeySecret": ALIBABA_STS_ACCESS_KEY_SECRET,
            "SecurityToken": ALIBABA_STS_SECURITY_TOKEN,
            "Expiration": _iso(expiration),
        },
    )


def _sts_answer(expiration: datetime) -> dict[str, object]:
    return {
        "RequestId": "r-1",
        "Credentials": {
            "AccessKeyId": ALIBABA_STS_ACCESS_KEY_ID,
            "AccessKeySecret": ALIBABA_STS_ACCESS_KEY_SECRET,
            "SecurityToken": ALIBABA_STS_SECURITY_TOKEN,
            "Expiration": _iso(expiration),
        },
    }


# --------------------------------------------------------------------------- credentials=


@pytest.mark.parametrize("form", ["object", "callable", "get"])
def test_credentials_keyword_forms(cloud: FakeCloud, form: str) -> None:
    creds = _sts(_in(3600))

    class Provider:
        def get(self) -> AlibabaCloudCredentials:
            return creds

    source: Any = {"object": creds, "callable": lambda: creds, "get": Provider()}[form]
    with EnsClient(endpoint=cloud.url, credentials=source) as client:
        assert client.list_buckets().total_count == 23
    (request,) = cloud.requests
    assert request.header("x-acs-security-token") == ALIBABA_STS_SECURITY_TOKEN
    assert request.verified and cloud.rejected == []


def test_credentials_keyword_rejects_other_things(cloud: FakeCloud) -> None:
    with pytest.raises(TypeError, match="credentials= takes"):
        EnsClient(endpoint=cloud.url, credentials="LTAI-not-an-object")  # type: ignore[arg-type]
    with pytest.raises(CredentialsError, match="not credentials"):
        EnsClient(endpoint=cloud.url, credentials=lambda: "nope")  # type: ignore[arg-type,return-value]
    with pytest.raises(ValueError, match="not both"):
        EnsClient(endpoint=cloud.url, credentials=AK, access_key_id=ALIBABA_ACCESS_KEY_ID)
    with pytest.raises(ValueError, match="not both"):
        GaClient(
            endpoint=cloud.url, credentials=HuaweiCloudCredentials(HUAWEI_AK, HUAWEI_SK), sk="x"
        )
    with pytest.raises(ValueError, match="aware"):
        EnsClient(endpoint=cloud.url, credentials=AK._replace(expiration=datetime.now()))


def test_refresh_before_expiry_masks_the_new_token(cloud: FakeCloud) -> None:
    """Credentials expiring within the margin are renewed before the call, not after a
    failure; the renewed token joins the secrets the client masks."""
    answers = [AK._replace(expiration=_in(REFRESH_MARGIN.total_seconds() - 30)), _sts(_in(3600))]
    calls: list[int] = []

    def provider() -> AlibabaCloudCredentials:
        calls.append(1)
        return answers[len(calls) - 1]

    with EnsClient(endpoint=cloud.url, credentials=provider) as client:
        assert client.list_buckets().total_count == 23
        assert client.list_buckets().total_count == 23
        assert ALIBABA_STS_SECURITY_TOKEN in client._pipeline.secrets
        assert ALIBABA_ACCESS_KEY_SECRET in client._pipeline.secrets  # the old one stays masked
    assert len(calls) == 2  # once at construction, once before the first call; not again
    assert [r.header("x-acs-security-token") for r in cloud.requests] == [
        ALIBABA_STS_SECURITY_TOKEN
    ] * 2
    assert all(r.verified for r in cloud.requests) and cloud.rejected == []


def test_a_with_options_twin_signs_with_what_its_original_renewed(cloud: FakeCloud) -> None:
    """The twin shares the original's source: once either renews, both sign with the new
    credentials (never the old ones until they expire)."""
    answers = [_sts(_in(REFRESH_MARGIN.total_seconds() - 30)), AK._replace(expiration=_in(3600))]
    calls: list[int] = []

    def provider() -> AlibabaCloudCredentials:
        calls.append(1)
        return answers[len(calls) - 1]

    with EnsClient(endpoint=cloud.url, credentials=provider) as client:
        twin = client.with_options(max_retries=0)
        assert client.list_buckets().total_count == 23  # renews
        assert twin.list_buckets().total_count == 23  # uses what the original renewed
    assert len(calls) == 2
    assert [r.header("x-acs-security-token") for r in cloud.requests] == [None, None]
    assert all(r.verified for r in cloud.requests) and cloud.rejected == []


def test_failed_refresh_keeps_credentials_still_valid(cloud: FakeCloud) -> None:
    calls: list[int] = []

    def provider() -> AlibabaCloudCredentials:
        calls.append(1)
        if len(calls) > 1:
            raise CredentialsError("STS is down")
        return _sts(_in(60))  # due (within the margin) but still valid

    with EnsClient(endpoint=cloud.url, credentials=provider) as client:
        assert client.list_buckets().total_count == 23
    assert len(calls) == 2 and cloud.requests[0].verified

    expired = [_sts(_in(-1))]
    with (
        pytest.raises(CredentialsError, match="STS is down"),
        EnsClient(
            endpoint=cloud.url, credentials=lambda: expired.pop(0) if expired else provider()
        ) as client,
    ):
        client.list_buckets()


def test_refresh_is_one_fetch_for_many_threads() -> None:
    calls: list[int] = []

    def provider() -> AlibabaCloudCredentials:
        calls.append(1)
        time.sleep(0.2)  # a slow STS
        return _sts(_in(30) if len(calls) == 1 else _in(3600))

    refresher = Refresher(provider)
    assert refresher.due()
    results: list[AlibabaCloudCredentials] = []
    threads = [
        threading.Thread(target=lambda: results.append(refresher.refresh())) for _ in range(8)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(calls) == 2  # construction, then exactly one refresh
    assert len({id(r) for r in results}) == 1 and not refresher.due()


async def test_async_refresh_does_not_hold_the_event_loop(cloud: FakeCloud) -> None:
    calls: list[int] = []
    ticks = 0
    during: list[int] = []  # loop ticks while the provider blocked

    def provider() -> AlibabaCloudCredentials:
        calls.append(1)
        if len(calls) > 1:
            before = ticks
            time.sleep(0.5)  # a blocking network provider
            during.append(ticks - before)
        return _sts(_in(30) if len(calls) == 1 else _in(3600))

    async def ticker() -> None:
        nonlocal ticks
        while True:
            await asyncio.sleep(0.02)
            ticks += 1

    running = asyncio.ensure_future(ticker())
    async with AsyncEnsClient(endpoint=cloud.url, credentials=provider) as client:
        results = await asyncio.gather(client.list_buckets(), client.list_buckets())
    running.cancel()
    assert [r.total_count for r in results] == [23, 23]
    assert len(calls) == 2  # two concurrent calls, one refresh
    assert during[0] >= 5  # the loop went on while the provider slept in a worker thread
    assert all(r.verified for r in cloud.requests) and cloud.rejected == []


# --------------------------------------------------------------------------- profile files


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def _aliyun_config(home: Path, current: str = "default") -> None:
    profiles = [
        {
            "name": "default",
            "mode": "AK",
            "access_key_id": ALIBABA_ACCESS_KEY_ID,
            "access_key_secret": ALIBABA_ACCESS_KEY_SECRET,
        },
        {
            "name": "sts",
            "mode": "StsToken",
            "access_key_id": ALIBABA_STS_ACCESS_KEY_ID,
            "access_key_secret": ALIBABA_STS_ACCESS_KEY_SECRET,
            "sts_token": ALIBABA_STS_SECURITY_TOKEN,
        },
    ]
    _write(home / ".aliyun" / "config.json", json.dumps({"current": current, "profiles": profiles}))


def test_aliyun_cli_profile_current_and_named(
    cloud: FakeCloud, no_ambient_credentials: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _aliyun_config(no_ambient_credentials, current="sts")
    with EnsClient(endpoint=cloud.url) as client:
        client.list_buckets()
    monkeypatch.setenv("ALIBABA_CLOUD_PROFILE", "default")
    with EnsClient(endpoint=cloud.url) as client:
        client.list_buckets()
    sts, ak = cloud.requests
    assert sts.header("x-acs-security-token") == ALIBABA_STS_SECURITY_TOKEN
    assert ak.header("x-acs-security-token") is None
    assert sts.verified and ak.verified and cloud.rejected == []


def test_aliyun_config_comes_before_credentials_ini(
    cloud: FakeCloud, no_ambient_credentials: Path
) -> None:
    ini = no_ambient_credentials / ".alibabacloud" / "credentials.ini"
    _write(
        ini,
        f"[default]\ntype = access_key  # the key\naccess_key_id = {ALIBABA_ACCESS_KEY_ID}\n"
        f"access_key_secret = {ALIBABA_ACCESS_KEY_SECRET}\n",
    )
    with EnsClient(endpoint=cloud.url) as client:  # only the ini: it is used
        client.list_buckets()
    _aliyun_config(no_ambient_credentials, current="sts")
    with EnsClient(endpoint=cloud.url) as client:  # config.json first
        client.list_buckets()
    from_ini, from_cli = cloud.requests
    assert from_ini.header("x-acs-security-token") is None
    assert from_cli.header("x-acs-security-token") == ALIBABA_STS_SECURITY_TOKEN
    assert from_ini.verified and from_cli.verified


def test_environment_comes_before_profiles(
    cloud: FakeCloud, no_ambient_credentials: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _aliyun_config(no_ambient_credentials, current="sts")
    monkeypatch.setenv("ALIBABA_CLOUD_ACCESS_KEY_ID", ALIBABA_ACCESS_KEY_ID)
    monkeypatch.setenv("ALIBABA_CLOUD_ACCESS_KEY_SECRET", ALIBABA_ACCESS_KEY_SECRET)
    with EnsClient(endpoint=cloud.url) as client:
        client.list_buckets()
    assert cloud.requests[0].header("x-acs-security-token") is None


def test_missing_everywhere_names_every_provider(cloud: FakeCloud) -> None:
    with pytest.raises(CredentialsError) as caught:
        EnsClient(endpoint=cloud.url)
    message = str(caught.value)
    assert "ALIBABA_CLOUD_ACCESS_KEY_ID" in message
    for name in ("OIDC", "config.json", "credentials.ini", "ECS RAM role"):
        assert name in message
    with pytest.raises(CredentialsError, match="HUAWEICLOUD_SDK_AK.*ECS metadata"):
        GaClient(endpoint=cloud.url)


def test_huawei_credentials_file(
    cloud: FakeCloud, no_ambient_credentials: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = no_ambient_credentials / ".huaweicloud" / "credentials"
    _write(path, f"[basic]\nak = {HUAWEI_AK}\nsk = {HUAWEI_SK}\nproject_id = {HUAWEI_PROJECT_ID}\n")
    with GaClient(endpoint=cloud.url) as client:
        client.list_byoip_pools()
    elsewhere = no_ambient_credentials / "hw.ini"
    _write(elsewhere, f"[basic]\nak = {HUAWEI_AK}\nsk = {HUAWEI_SK}\n")
    monkeypatch.setenv("HUAWEICLOUD_SDK_CREDENTIALS_FILE", str(elsewhere))
    with GaClient(endpoint=cloud.url) as client:
        client.list_byoip_pools()
    first, second = cloud.requests
    assert first.header("X-Project-Id") == HUAWEI_PROJECT_ID
    assert second.header("X-Project-Id") is None
    assert first.verified and second.verified and cloud.rejected == []


# --------------------------------------------------------------------------- metadata and STS


def test_alibaba_ecs_ram_role_imdsv2_and_refresh(
    cloud: FakeCloud, metadata: Metadata, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ALIBABA_CLOUD_ECS_METADATA_ENDPOINT", metadata.url)
    _ecs_role(metadata, _in(60))  # due at once: asked again before the first call
    with EnsClient(endpoint=cloud.url) as client:
        _ecs_role(metadata, _in(3600))
        client.list_buckets()
        client.list_buckets()
    roles = [s for s in metadata.seen if s.path.endswith("/EcsRole")]
    assert len(roles) == 2
    assert all(s.headers["x-aliyun-ecs-metadata-token"] == "imds-session-token" for s in roles)
    token_puts = [s for s in metadata.seen if s.method == "PUT"]
    assert token_puts[0].headers["x-aliyun-ecs-metadata-token-ttl-seconds"] == "21600"
    assert all(
        r.header("x-acs-security-token") == ALIBABA_STS_SECURITY_TOKEN for r in cloud.requests
    )
    assert all(r.verified for r in cloud.requests) and cloud.rejected == []


def test_alibaba_ecs_disabled_and_imdsv1(
    cloud: FakeCloud, metadata: Metadata, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ALIBABA_CLOUD_ECS_METADATA_ENDPOINT", metadata.url)
    _ecs_role(metadata, _in(3600))
    del metadata.routes[("PUT", "/latest/api/token")]  # an IMDSv1-only instance
    monkeypatch.setenv("ALIBABA_CLOUD_ECS_METADATA", "EcsRole")
    with EnsClient(endpoint=cloud.url) as client:
        client.list_buckets()
    assert "x-aliyun-ecs-metadata-token" not in metadata.seen[-1].headers
    monkeypatch.setenv("ALIBABA_CLOUD_IMDSV1_DISABLED", "true")
    with pytest.raises(CredentialsError, match="token request answered HTTP 404"):
        EnsClient(endpoint=cloud.url)
    monkeypatch.setenv("ALIBABA_CLOUD_ECS_METADATA_DISABLED", "true")
    seen = len(metadata.seen)
    with pytest.raises(CredentialsError, match="ECS RAM role: not configured"):
        EnsClient(endpoint=cloud.url)
    assert len(metadata.seen) == seen


def test_alibaba_oidc(
    cloud: FakeCloud, metadata: Metadata, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    token_file = tmp_path / "oidc-token"
    token_file.write_text("eyJ-oidc-token\n", encoding="utf-8")
    monkeypatch.setenv("ALIBABA_CLOUD_STS_ENDPOINT", metadata.url)
    monkeypatch.setenv("ALIBABA_CLOUD_ROLE_ARN", "acs:ram::1:role/r")
    monkeypatch.setenv("ALIBABA_CLOUD_OIDC_PROVIDER_ARN", "acs:ram::1:oidc-provider/p")
    monkeypatch.setenv("ALIBABA_CLOUD_OIDC_TOKEN_FILE", str(token_file))
    monkeypatch.setenv("ALIBABA_CLOUD_ROLE_SESSION_NAME", "pod-a")
    metadata.route("POST", "/", _sts_answer(_in(3600)))
    with EnsClient(endpoint=cloud.url) as client:
        client.list_buckets()
    (call,) = metadata.seen
    params = call.params
    assert params["Action"] == "AssumeRoleWithOIDC" and params["OIDCToken"] == "eyJ-oidc-token"
    assert params["RoleArn"] == "acs:ram::1:role/r" and params["RoleSessionName"] == "pod-a"
    assert params["OIDCProviderArn"] == "acs:ram::1:oidc-provider/p"
    assert cloud.requests[0].header("x-acs-security-token") == ALIBABA_STS_SECURITY_TOKEN
    assert cloud.requests[0].verified


def test_alibaba_ram_role_arn_profile_signed_assume_role(
    cloud: FakeCloud,
    metadata: Metadata,
    no_ambient_credentials: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from tests.runtime.test_signing import _official_rpc_signature

    monkeypatch.setenv("ALIBABA_CLOUD_STS_ENDPOINT", metadata.url)
    profile = {
        "name": "role",
        "mode": "RamRoleArn",
        "access_key_id": ALIBABA_ACCESS_KEY_ID,
        "access_key_secret": ALIBABA_ACCESS_KEY_SECRET,
        "ram_role_arn": "acs:ram::1:role/x",
        "ram_session_name": "s",
        "expired_seconds": 900,
    }
    _write(
        no_ambient_credentials / ".aliyun" / "config.json",
        json.dumps({"current": "role", "profiles": [profile]}),
    )
    metadata.route("GET", "/", _sts_answer(_in(900)))
    with EnsClient(endpoint=cloud.url) as client:
        client.list_buckets()
    (call,) = metadata.seen
    params = call.params
    assert params["Action"] == "AssumeRole" and params["RoleArn"] == "acs:ram::1:role/x"
    assert params["DurationSeconds"] == "900" and params["AccessKeyId"] == ALIBABA_ACCESS_KEY_ID
    signature = params.pop("Signature")
    assert signature == _official_rpc_signature(params, "GET", AK)
    assert cloud.requests[0].header("x-acs-security-token") == ALIBABA_STS_SECURITY_TOKEN


def test_assume_role_errors_do_not_quote_the_answer(metadata: Metadata) -> None:
    metadata.route("GET", "/", {"Code": "NoPermission", "Message": ALIBABA_ACCESS_KEY_SECRET}, 403)
    with pytest.raises(CredentialsError) as caught:
        assume_role(AK, "acs:ram::1:role/x", endpoint=metadata.url)
    assert "HTTP 403" in str(caught.value) and ALIBABA_ACCESS_KEY_SECRET not in str(caught.value)


def _huawei_securitykey(metadata: Metadata, expiration: datetime) -> None:
    metadata.route("PUT", "/meta-data/latest/api/token", b"hw-metadata-session")
    metadata.route(
        "GET",
        "/openstack/latest/securitykey",
        {
            "credential": {
                "access": HUAWEI_TEMP_AK,
                "secret": HUAWEI_TEMP_SK,
                "securitytoken": HUAWEI_SECURITY_TOKEN,
                "expires_at": expiration.strftime("%Y-%m-%dT%H:%M:%S.000000Z"),
            }
        },
    )


@pytest.mark.parametrize("asynchronous", [False, True])
def test_huawei_ecs_metadata_security_token_and_refresh(
    cloud: FakeCloud, metadata: Metadata, monkeypatch: pytest.MonkeyPatch, asynchronous: bool
) -> None:
    monkeypatch.setenv("HUAWEICLOUD_SDK_METADATA_ENDPOINT", metadata.url)
    monkeypatch.setenv("HUAWEICLOUD_SDK_PROJECT_ID", HUAWEI_PROJECT_ID)
    _huawei_securitykey(metadata, _in(30))
    if asynchronous:

        async def run() -> None:
            async with AsyncGaClient(endpoint=cloud.url) as client:
                _huawei_securitykey(metadata, _in(3600))
                await client.list_byoip_pools()
                await client.list_byoip_pools()

        asyncio.run(run())
    else:
        with GaClient(endpoint=cloud.url) as client:
            _huawei_securitykey(metadata, _in(3600))
            client.list_byoip_pools()
            client.list_byoip_pools()
    keys = [s for s in metadata.seen if s.path == "/openstack/latest/securitykey"]
    assert len(keys) == 2  # construction, one refresh before the first call
    assert all(s.headers["x-metadata-token"] == "hw-metadata-session" for s in keys)
    for request in cloud.requests:
        assert request.header("X-Security-Token") == HUAWEI_SECURITY_TOKEN
        assert request.header("X-Project-Id") == HUAWEI_PROJECT_ID
        assert "x-security-token" in (request.header("Authorization") or "")
        assert request.verified
    assert cloud.rejected == []


def test_temporary_token_masked_in_errors(
    cloud: FakeCloud, metadata: Metadata, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A token from the metadata service is masked like a keyword one (the conftest scans
    every raised error for it too)."""
    monkeypatch.setenv("HUAWEICLOUD_SDK_METADATA_ENDPOINT", metadata.url)
    _huawei_securitykey(metadata, _in(3600))
    with GaClient(endpoint=cloud.url) as client:
        assert HUAWEI_SECURITY_TOKEN in client._pipeline.secrets
        assert HUAWEI_SECURITY_TOKEN not in repr(client) + repr(client._pipeline.credentials)


def test_credentials_ini_ram_role_arn_and_ecs_ram_role(
    cloud: FakeCloud,
    metadata: Metadata,
    no_ambient_credentials: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """credentials.ini types ram_role_arn (STS AssumeRole with the section's AccessKey) and
    ecs_ram_role (the named role from the metadata service); ALIBABA_CLOUD_PROFILE picks."""
    monkeypatch.setenv("ALIBABA_CLOUD_STS_ENDPOINT", metadata.url)
    monkeypatch.setenv("ALIBABA_CLOUD_ECS_METADATA_ENDPOINT", metadata.url)
    _write(
        no_ambient_credentials / ".alibabacloud" / "credentials.ini",
        f"[role]\ntype = ram_role_arn\naccess_key_id = {ALIBABA_ACCESS_KEY_ID}\n"
        f"access_key_secret = {ALIBABA_ACCESS_KEY_SECRET}\nrole_arn = acs:ram::1:role/ini\n"
        "role_session_name = from-ini\n\n[ecs]\ntype = ecs_ram_role\nrole_name = EcsRole\n",
    )
    metadata.route("GET", "/", _sts_answer(_in(3600)))
    _ecs_role(metadata, _in(3600))
    monkeypatch.setenv("ALIBABA_CLOUD_PROFILE", "role")
    with EnsClient(endpoint=cloud.url) as client:
        client.list_buckets()
    monkeypatch.setenv("ALIBABA_CLOUD_PROFILE", "ecs")
    with EnsClient(endpoint=cloud.url) as client:
        client.list_buckets()
    assume = metadata.seen[0].params
    assert assume["Action"] == "AssumeRole" and assume["RoleSessionName"] == "from-ini"
    assert metadata.seen[-1].path.endswith("/security-credentials/EcsRole")
    assert len(cloud.requests) == 2
    assert all(
        r.header("x-acs-security-token") == ALIBABA_STS_SECURITY_TOKEN for r in cloud.requests
    )
    assert all(r.verified for r in cloud.requests) and cloud.rejected == []


def test_missing_profile_is_a_clear_error(
    cloud: FakeCloud, no_ambient_credentials: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _aliyun_config(no_ambient_credentials)
    monkeypatch.setenv("ALIBABA_CLOUD_PROFILE", "nope")
    with pytest.raises(CredentialsError, match="no profile named 'nope'"):
        EnsClient(endpoint=cloud.url)
