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
