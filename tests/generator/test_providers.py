"""A provider is a registry entry: an Open Telekom Cloud spec generates its own package,
signed like Huawei Cloud (the official Huawei signer agrees) at its own endpoints."""

from __future__ import annotations

import importlib
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from generator.cli import main
from sdk_runtime.http import HttpRequest
from tests.runtime.test_signing import HW_AK, HW_PROJECT, HW_SK, _official_huawei_authorization

VALID = Path(__file__).resolve().parent / "fixtures" / "valid" / "specs"


@pytest.fixture
def otc_package(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """The valid fixture as an Open Telekom Cloud service, generated as ``otc_clients``."""
    specs = tmp_path / "specs"
    shutil.copytree(VALID / "huaweicloud" / "demo", specs / "opentelekomcloud" / "demo")
    service = specs / "opentelekomcloud" / "demo" / "service.yaml"
    text = service.read_text(encoding="utf-8")
    text = text.replace("provider: huaweicloud", "provider: opentelekomcloud")
    text = text.replace("vendor: Huawei Cloud", "vendor: Open Telekom Cloud")
    text = text.replace(
        "url: https://demo.{region}.myhuaweicloud.com", "url: https://demo.{region}.otc.example"
    )
    service.write_text(text, encoding="utf-8")
    out = tmp_path / "otc_clients"
    assert main(["generate", f"--specs={specs}", f"--out={out}"]) == 0
    monkeypatch.syspath_prepend(str(tmp_path))
    yield "otc_clients"
    for name in [m for m in sys.modules if m.split(".")[0] == "otc_clients"]:
        del sys.modules[name]


def test_an_otc_service_has_a_package_of_its_own(otc_package: str, tmp_path: Path) -> None:
    provider = importlib.import_module(f"{otc_package}.opentelekomcloud")
    assert (provider.__doc__ or "").startswith("Open Telekom Cloud clients.")
    assert not (tmp_path / "otc_clients" / "huaweicloud").exists()
    readme = (tmp_path / "otc_clients" / "README.md").read_text(encoding="utf-8")
    assert f"`{otc_package}.opentelekomcloud.demo`" in readme


def test_an_otc_client_signs_like_huawei_cloud_at_its_endpoint(otc_package: str) -> None:
    demo = importlib.import_module(f"{otc_package}.opentelekomcloud.demo.client")
    client = demo.DemoClient(ak=HW_AK, sk=HW_SK, project_id=HW_PROJECT, region="eu-de")
    pipeline = client._pipeline
    request: HttpRequest = pipeline.prepare(
        demo.LIST_WIDGETS, {"project_id": HW_PROJECT, "limit": 5}
    )
    assert request.host == "demo.eu-de.otc.example"
    signed = pipeline.signed(request)
    expected, _ = _official_huawei_authorization(request, signed, HW_PROJECT)
    assert signed.headers["Authorization"] == expected
    client.close()


def test_a_path_parameter_the_client_knows_defaults_from_it(otc_package: str) -> None:
    """``{project_id}`` comes from the client's credentials when the call leaves it out."""
    demo = importlib.import_module(f"{otc_package}.opentelekomcloud.demo.client")
    source = Path(demo.__file__).read_text(encoding="utf-8")
    assert "project_id: str | None = None" in source
    with demo.DemoClient(ak=HW_AK, sk=HW_SK, project_id=HW_PROJECT) as client:
        pipeline = client._pipeline
        request = pipeline.prepare(demo.LIST_WIDGETS, {"project_id": None, "limit": 5})
        assert request.path == f"/v1/{HW_PROJECT}/widgets"
        request = pipeline.prepare(demo.LIST_WIDGETS, {"project_id": "other", "limit": 5})
        assert request.path == "/v1/other/widgets"  # the call's own wins
    with (
        demo.DemoClient(ak=HW_AK, sk=HW_SK) as client,
        pytest.raises(ValueError, match=r"ListWidgets needs the path parameter\(s\) project_id"),
    ):
        client.list_widgets()
