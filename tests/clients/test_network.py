"""Network settings: the User-Agent names the project, the service and Python (plus
``user_agent_extra=``) on every transport and is signed by the schemes that sign every
header (Huawei's), and the region comes from the vendor's environment variable."""

from __future__ import annotations

import re
import sys
from typing import Any

import aiohttp
import httpx
import pytest

from generated.alibabacloud.ens import AsyncEnsClient, EnsClient
from generated.alibabacloud.oss import OssClient
from generated.huaweicloud.ga import AsyncGaClient, GaClient
from sdk_runtime import DISTRIBUTION, __version__
from tests.clients.support import ALIBABA, HUAWEI
from tests.fakecloud import FakeCloud
from tests.wire.capture import capture_server, json_reply

PYTHON = f"Python/{sys.version_info[0]}.{sys.version_info[1]}"


def test_the_version_is_the_distributions() -> None:
    import tomllib
    from pathlib import Path

    project = tomllib.loads((Path(__file__).parents[2] / "pyproject.toml").read_text())["project"]
    assert (DISTRIBUTION, __version__) == (project["name"], project["version"])


@pytest.mark.parametrize("transport", ["default", "httpx"])
def test_user_agent(cloud: FakeCloud, transport: str) -> None:
    http = httpx.Client() if transport == "httpx" else None
    with EnsClient(endpoint=cloud.url, http_client=http, **ALIBABA) as ens:
        ens.list_buckets()
    with OssClient(endpoint=cloud.url, user_agent_extra="my-app/2.1", **ALIBABA) as oss:
        oss.list_resource_pools()
    if http is not None:
        http.close()
    first, second = cloud.requests
    assert first.verified and second.verified
    assert [v for k, v in first.headers if k.lower() == "user-agent"] == [
        f"{DISTRIBUTION}/{__version__} alibabacloud.ens {PYTHON}"
    ]
    assert second.header("User-Agent") == (
        f"{DISTRIBUTION}/{__version__} alibabacloud.oss {PYTHON} my-app/2.1"
    )


@pytest.mark.parametrize("transport", ["default", "httpx"])
async def test_async_user_agent_is_signed_by_huawei(cloud: FakeCloud, transport: str) -> None:
    http = httpx.AsyncClient() if transport == "httpx" else None
    async with AsyncGaClient(
        endpoint=cloud.url, http_client=http, user_agent_extra="x/1", **HUAWEI
    ) as client:
        await client.list_byoip_pools()
    if http is not None:
        await http.aclose()
    (request,) = cloud.requests
    assert request.verified
    agent = request.header("User-Agent")
    assert agent == f"{DISTRIBUTION}/{__version__} huaweicloud.ga {PYTHON} x/1"
    signed = re.search(r"SignedHeaders=([^,]+)", request.header("Authorization") or "")
    assert signed is not None and "user-agent" in signed.group(1).split(";")
    assert aiohttp.__name__ not in agent  # not the library's own


async def test_async_default_user_agent(cloud: FakeCloud) -> None:
    async with AsyncEnsClient(endpoint=cloud.url, **ALIBABA) as client:
        await client.list_buckets()
    assert cloud.requests[0].header("User-Agent", "").startswith(f"{DISTRIBUTION}/")


def test_with_options_may_replace_the_user_agent(cloud: FakeCloud) -> None:
    with GaClient(endpoint=cloud.url, **HUAWEI) as client:
        client.with_options(extra_headers={"user-agent": "mine"}).list_byoip_pools()
    (request,) = cloud.requests
    assert request.verified
    assert [v for k, v in request.headers if k.lower() == "user-agent"] == ["mine"]


@pytest.mark.parametrize("extra", ["a\r\nX-Evil: 1", "a\x00"])
def test_user_agent_extra_rejects_header_injection(extra: str) -> None:
    with pytest.raises(ValueError, match="user_agent_extra"):
        EnsClient(endpoint="http://127.0.0.1:9", user_agent_extra=extra, **ALIBABA)


def test_user_agent_extra_must_be_text() -> None:
    with pytest.raises(TypeError, match="user_agent_extra"):
        EnsClient(endpoint="http://127.0.0.1:9", user_agent_extra=b"x", **ALIBABA)  # type: ignore[arg-type]


# --------------------------------------------------------------------------- region


@pytest.mark.parametrize(
    ("client_class", "variable", "credentials"),
    [
        (EnsClient, "ALIBABA_CLOUD_REGION_ID", ALIBABA),
        (GaClient, "HUAWEICLOUD_SDK_REGION", HUAWEI),
    ],
)
def test_region_from_the_environment(
    monkeypatch: pytest.MonkeyPatch, client_class: Any, variable: str, credentials: dict[str, str]
) -> None:
    monkeypatch.setenv(variable, "ap-southeast-7")
    with client_class(**credentials) as client:
        assert client._pipeline.region == "ap-southeast-7"
        with client_class(region="ap-southeast-7", **credentials) as same:  # same endpoint
            assert client._pipeline.host == same._pipeline.host
        with client_class(region="cn-north-4", **credentials) as explicit:  # the keyword wins
            assert explicit._pipeline.region == "cn-north-4"
    monkeypatch.setenv(variable, "bad region/")
    with pytest.raises(ValueError, match="region"):
        client_class(**credentials)
    monkeypatch.setenv(variable, "")
    with client_class(**credentials) as default:
        assert default._pipeline.region == client_class(**credentials)._pipeline.region


# --------------------------------------------------------------------------- proxies, TLS

ENS_HOST = "ens.aliyuncs.com"  # never reached: the loopback proxy answers for it


def _clear_proxy_env(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "NO_PROXY"):
        monkeypatch.delenv(name, raising=False)
        monkeypatch.delenv(name.lower(), raising=False)


@pytest.mark.parametrize("source", ["environment", "keyword"])
def test_requests_go_through_the_proxy(monkeypatch: pytest.MonkeyPatch, source: str) -> None:
    _clear_proxy_env(monkeypatch)
    with capture_server(json_reply({"RequestId": "r-1"})) as proxy:
        if source == "environment":
            monkeypatch.setenv("HTTP_PROXY", proxy.url)
            options: dict[str, Any] = {}
        else:
            options = {"proxy": proxy.url}
        with EnsClient(endpoint=f"http://{ENS_HOST}", max_retries=0, **options, **ALIBABA) as c:
            response = c.list_buckets()
            c.with_options(timeout=5).list_buckets()  # the twin shares the proxied pool
    assert response.request_id == "r-1"
    assert [r.authority.removesuffix(":80") for r in proxy.requests] == [ENS_HOST, ENS_HOST]
    assert proxy.requests[0].host == ENS_HOST


async def test_async_requests_go_through_the_proxy(monkeypatch: pytest.MonkeyPatch) -> None:
    _clear_proxy_env(monkeypatch)
    with capture_server(json_reply({"RequestId": "r-2"})) as proxy:
        monkeypatch.setenv("http_proxy", proxy.url)
        async with AsyncEnsClient(endpoint=f"http://{ENS_HOST}", max_retries=0, **ALIBABA) as c:
            response = await c.list_buckets()
    assert response.request_id == "r-2"
    assert [r.authority.removesuffix(":80") for r in proxy.requests] == [ENS_HOST]


@pytest.mark.parametrize("kind", ["sync", "async"])
async def test_no_proxy_and_trust_env(
    cloud: FakeCloud, monkeypatch: pytest.MonkeyPatch, kind: str
) -> None:
    _clear_proxy_env(monkeypatch)
    with capture_server(json_reply({})) as proxy:
        monkeypatch.setenv("HTTP_PROXY", proxy.url)
        monkeypatch.setenv("NO_PROXY", "localhost,127.0.0.1")
        for options in ({}, {"trust_env": False}):
            if options:
                monkeypatch.delenv("NO_PROXY")  # trust_env=False: the proxy is ignored too
            if kind == "sync":
                with EnsClient(endpoint=cloud.url, **options, **ALIBABA) as client:
                    client.list_buckets()
            else:
                async with AsyncEnsClient(endpoint=cloud.url, **options, **ALIBABA) as aclient:
                    await aclient.list_buckets()
    assert proxy.requests == []
    assert len(cloud.requests_for("ListBuckets")) == 2


def test_verify_settings(tmp_path: Any) -> None:
    bundle = tmp_path / "ca.pem"
    bundle.write_text("-----BEGIN CERTIFICATE-----\n")
    with EnsClient(verify=False, **ALIBABA) as insecure:
        assert insecure._transport._pool.connection_pool_kw["cert_reqs"] == "CERT_NONE"
    with EnsClient(verify=str(bundle), **ALIBABA) as pinned:
        assert pinned._transport._pool.connection_pool_kw["ca_certs"] == str(bundle)
    with pytest.raises(ValueError, match="CA bundle"):
        EnsClient(verify=str(tmp_path / "missing.pem"), **ALIBABA)
    with pytest.raises(ValueError, match="proxy"):
        EnsClient(proxy="socks://x", **ALIBABA)
    with httpx.Client() as http, pytest.raises(ValueError, match="http_client"):
        EnsClient(http_client=http, proxy="http://127.0.0.1:9", **ALIBABA)
