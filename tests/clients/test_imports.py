"""Importing one generated client imports only what that client needs (fresh interpreters)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.fakecloud import (
    ALIBABA_ACCESS_KEY_ID,
    ALIBABA_ACCESS_KEY_SECRET,
    HUAWEI_AK,
    HUAWEI_PROJECT_ID,
    HUAWEI_SK,
    FakeCloud,
)

ROOT = Path(__file__).resolve().parents[2]
NEVER = ("aiohttp", "httpx", "jinja2", "black", "yaml", "generator", "datamodel_code_generator")
# Loaded by a client only once it needs them (construction, a retry, the first response), so
# that importing a client module stays cheap: see "Import time" in bench/RESULTS.md.
DEFERRED = (
    "pydantic",
    "pydantic_core",
    "urllib3",
    "asyncio",
    "logging",
    "dataclasses",
    "defusedxml",
    "xml",
    "inspect",
    "email",
    "uuid",
    "hashlib",
)
SERVICES = {
    "generated.alibabacloud.oss": "OssClient",
    "generated.alibabacloud.ens": "EnsClient",
    "generated.alibabacloud.cloudsso": "CloudSsoClient",
    "generated.huaweicloud.ga": "GaClient",
}

PROBE = """
import json, sys
{body}
print(json.dumps(sorted(sys.modules)))
"""


def loaded_modules(body: str, *args: str) -> set[str]:
    result = subprocess.run(
        [sys.executable, "-c", PROBE.format(body=body), *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    modules = set(json.loads(result.stdout.strip().splitlines()[-1]))
    return modules


def top_level(modules: set[str]) -> set[str]:
    return {m.split(".")[0] for m in modules}


@pytest.mark.parametrize("package", list(SERVICES))
def test_importing_one_client_imports_only_what_it_needs(package: str) -> None:
    modules = loaded_modules(f"import {package}")
    assert package in modules
    assert "sdk_runtime.client" in modules
    assert not top_level(modules) & set(NEVER)
    others = [p for p in SERVICES if p != package]
    assert not [m for m in modules for other in others if m == other or m.startswith(other + ".")]


@pytest.mark.parametrize("package", list(SERVICES))
def test_importing_a_client_defers_models_and_heavy_modules(package: str) -> None:
    modules = loaded_modules(f"import {package}")
    assert not top_level(modules) & set(DEFERRED)
    assert f"{package}.models" not in modules
    assert "sdk_runtime.model" not in modules  # the models' base: loaded with the models


def test_models_load_on_first_use_from_the_package() -> None:
    body = (
        "import generated.alibabacloud.oss as oss\n"
        "assert 'pydantic' not in sys.modules\n"
        "from generated.alibabacloud.oss import ListResourcePoolsResponse, ResourcePool\n"
        "from generated.alibabacloud.oss.models import ListResourcePoolsResponse as direct\n"
        "assert ListResourcePoolsResponse is direct\n"
        "assert ResourcePool.__module__ == 'generated.alibabacloud.oss.models'\n"
        "namespace = {}\n"
        "exec('from generated.alibabacloud.oss import *', namespace)\n"
        "assert set(oss.__all__) <= set(namespace)\n"
        "try:\n"
        "    oss.NoSuchThing\n"
        "except AttributeError as error:\n"
        "    assert 'NoSuchThing' in str(error)\n"
        "else:\n"
        "    raise AssertionError('no AttributeError')\n"
    )
    modules = loaded_modules(body)
    assert "pydantic" in modules


def test_importing_oss_in_detail() -> None:
    modules = loaded_modules("import generated.alibabacloud.oss")
    for name in ("generated.alibabacloud.ens", "aiohttp", "httpx", "jinja2", "black", "yaml"):
        assert name not in modules
    assert not [m for m in modules if m == "generator" or m.startswith("generator.")]


def test_a_sync_call_needs_neither_aiohttp_nor_httpx(cloud: FakeCloud) -> None:
    body = (
        "from generated.alibabacloud.oss import OssClient\n"
        "with OssClient(endpoint=sys.argv[1], access_key_id=sys.argv[2],"
        " access_key_secret=sys.argv[3]) as client:\n"
        "    assert client.list_resource_pools(max_keys=1).resource_pool\n"
    )
    modules = loaded_modules(body, cloud.url, ALIBABA_ACCESS_KEY_ID, ALIBABA_ACCESS_KEY_SECRET)
    assert "urllib3" in modules
    assert not top_level(modules) & set(NEVER)
    assert len(cloud.requests) == 1
    assert cloud.rejected == []


# What the first response of a sync call must not load: the async stack, and for a JSON
# service the XML decoders (cold start, see bench/cold_start.py).
NOT_ON_A_SYNC_CALL = ("aiohttp", "asyncio", "httpx", "yarl", "defusedxml")
# ... nor the runtime's modules that only paging, async clients, credential chains, retries
# after a 5xx answer or URL-encoded responses use.
RUNTIME_NOT_ON_A_SYNC_CALL = (
    "sdk_runtime.pagination",
    "sdk_runtime.async_transport",
    "sdk_runtime.credential_providers",
    "sdk_runtime.urlencoding",
)
FIRST_CALLS = {
    "ens": (
        "from generated.alibabacloud.ens import EnsClient as Client\n"
        "kwargs = dict(access_key_id=sys.argv[2], access_key_secret=sys.argv[3])\n"
        "check = lambda client: client.list_buckets().bucket_infos\n",
        (ALIBABA_ACCESS_KEY_ID, ALIBABA_ACCESS_KEY_SECRET),
    ),
    "cloudsso": (
        "from generated.alibabacloud.cloudsso import CloudSsoClient as Client\n"
        "kwargs = dict(access_key_id=sys.argv[2], access_key_secret=sys.argv[3])\n"
        "check = lambda client: client.list_directories().directories\n",
        (ALIBABA_ACCESS_KEY_ID, ALIBABA_ACCESS_KEY_SECRET),
    ),
    "ga": (
        "from generated.huaweicloud.ga import GaClient as Client\n"
        "kwargs = dict(ak=sys.argv[2], sk=sys.argv[3], project_id=sys.argv[4])\n"
        "check = lambda client: client.list_byoip_pools().byoip_pools\n",
        (HUAWEI_AK, HUAWEI_SK, HUAWEI_PROJECT_ID),
    ),
    "oss": (
        "from generated.alibabacloud.oss import OssClient as Client\n"
        "kwargs = dict(access_key_id=sys.argv[2], access_key_secret=sys.argv[3])\n"
        "check = lambda client: client.list_resource_pools(max_keys=1).resource_pool\n",
        (ALIBABA_ACCESS_KEY_ID, ALIBABA_ACCESS_KEY_SECRET),
    ),
}


@pytest.mark.parametrize("service", list(FIRST_CALLS))
def test_the_first_sync_response_loads_no_async_stack_and_no_unneeded_decoder(
    cloud: FakeCloud, service: str
) -> None:
    setup, credentials = FIRST_CALLS[service]
    body = setup + (
        "with Client(endpoint=sys.argv[1], **kwargs) as client:\n    assert check(client)\n"
    )
    modules = loaded_modules(body, cloud.url, *credentials)
    provider = "huaweicloud" if service == "ga" else "alibabacloud"
    assert f"generated.{provider}.{service}.models" in modules  # the response was decoded
    assert not top_level(modules) & set(NOT_ON_A_SYNC_CALL)
    assert not modules & set(RUNTIME_NOT_ON_A_SYNC_CALL)
    assert ("xml" in top_level(modules)) is (service == "oss")  # JSON bodies: no XML parser
    assert cloud.rejected == []


def test_paging_loads_the_pagination_module_with_the_first_walk(cloud: FakeCloud) -> None:
    """The other side of the laziness above: ``iter_*`` still works, and only then loads it."""
    body = (
        "from generated.huaweicloud.ga import GaClient\n"
        "with GaClient(endpoint=sys.argv[1], ak=sys.argv[2], sk=sys.argv[3],"
        " project_id=sys.argv[4]) as client:\n"
        "    pools = client.iter_list_byoip_pools(limit=1)\n"
        "    assert 'sdk_runtime.pagination' not in sys.modules\n"
        "    assert next(pools).id\n"
    )
    modules = loaded_modules(body, cloud.url, HUAWEI_AK, HUAWEI_SK, HUAWEI_PROJECT_ID)
    assert "sdk_runtime.pagination" in modules
    assert cloud.rejected == []


def test_the_user_agent_version_needs_no_package_metadata() -> None:
    """The User-Agent's version is the runtime's own constant: building a client's pipeline
    reads no installed distribution's metadata (``importlib.metadata``; urllib3 imports it
    for its HTTP/2 probe when the transport loads, which is not ours to avoid)."""
    body = (
        "from generated.huaweicloud.ga.client import SERVICE\n"
        "from sdk_runtime import __version__\n"
        "from sdk_runtime.client import user_agent\n"
        "assert user_agent(SERVICE).startswith(f'cloud-sdk-generator/{__version__} ')\n"
    )
    assert "importlib.metadata" not in loaded_modules(body)
