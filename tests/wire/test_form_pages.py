"""Generated clients (from the test's own spec tree, ``tests/fixtures/form_pages``) against
the official ECS and VPC clients on a loopback server: an object flattened in the query
(``style: flat``: ``SystemDisk.Category=cloud_essd``), a list of them (``DataDisk.N.*``),
a map (``Labels.<key>``), and an RPC body parameter sent as tea-openapi's form."""

from __future__ import annotations

import contextlib
import importlib
import io
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest
from alibabacloud_ecs20140526 import models as ecs
from alibabacloud_ecs20140526.client import Client as OfficialEcs
from alibabacloud_tea_openapi.models import Config
from alibabacloud_tea_openapi.utils import Utils
from alibabacloud_vpc20160428 import models as vpc
from alibabacloud_vpc20160428.client import Client as OfficialVpc

from generator.cli import main
from tests.wire.capture import assert_same_request, capture_server, json_reply, request_summary

PROJECT = Path(__file__).resolve().parents[2]
SPECS = PROJECT / "tests" / "fixtures" / "form_pages" / "specs"
PACKAGE = "formpages"
KEY_ID, SECRET = "LTAI-form-test", "form-test-secret"
ACS3_HEADERS = ("x-acs-action", "x-acs-version", "x-acs-content-sha256", "content-type")


@pytest.fixture(scope="module")
def formpages(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, ModuleType]]:
    """``ecs`` and ``vpc``: the fixture tree's clients, generated into package ``formpages``."""
    root = tmp_path_factory.mktemp("form_pages")
    args = ["generate", "--specs", str(SPECS), "--templates", str(PROJECT / "templates")]
    with contextlib.redirect_stdout(io.StringIO()):
        code = main([*args, "--out", str(root / PACKAGE), "--package", PACKAGE])
    assert code == 0
    sys.path.insert(0, str(root))
    try:
        yield {
            name: importlib.import_module(f"{PACKAGE}.alibabacloud.{name}")
            for name in ("ecs", "vpc")
        }
    finally:
        sys.path.remove(str(root))
        for module in [m for m in sys.modules if m == PACKAGE or m.startswith(f"{PACKAGE}.")]:
            del sys.modules[module]


def _config(host: str) -> Config:
    return Config(
        access_key_id=KEY_ID,
        access_key_secret=SECRET,
        endpoint=host,
        protocol="http",
        region_id="cn-hangzhou",
    )


def test_run_instances_flattens_objects_like_the_official_client(
    formpages: dict[str, ModuleType],
) -> None:
    module = formpages["ecs"]
    labels = {"env": "prod", "team a": "池/1"}
    with capture_server(json_reply({"RequestId": "r-1"})) as server:
        OfficialEcs(_config(server.host)).run_instances(
            ecs.RunInstancesRequest(
                region_id="cn-hangzhou",
                image_id="ubuntu_22_04",
                system_disk=ecs.RunInstancesRequestSystemDisk(
                    category="cloud_essd", size=40, bursting_enabled=False
                ),
                data_disk=[
                    ecs.RunInstancesRequestDataDisk(category="cloud_ssd", size=100),
                    ecs.RunInstancesRequestDataDisk(
                        size=200, delete_with_instance=True, kmskey_id="k+1 /2"
                    ),
                ],
                amount=2,
            )
        )
        with module.EcsClient(
            endpoint=server.url, access_key_id=KEY_ID, access_key_secret=SECRET
        ) as ours:
            ours.run_instances(
                region_id="cn-hangzhou",
                image_id="ubuntu_22_04",
                system_disk=module.SystemDisk(
                    category="cloud_essd", size=40, bursting_enabled=False
                ),
                data_disk=[
                    {"category": "cloud_ssd", "size": 100},
                    module.DataDisk(size=200, delete_with_instance=True, kms_key_id="k+1 /2"),
                ],
                labels=labels,
                amount=2,
            )
    theirs, mine = server.requests
    assert mine.query[("SystemDisk.Category", "cloud_essd")] == 1
    assert mine.query[("DataDisk.2.DeleteWithInstance", "True")] == 1
    # the map: tea-openapi's flattening of a dict, which no ECS operation takes
    flattened = Utils.query({"Labels": labels})
    assert {pair for pair in mine.query if pair[0].startswith("Labels.")} == set(flattened.items())
    summary = request_summary(mine, ACS3_HEADERS)
    summary["query"] -= Counter(flattened.items())
    assert summary == request_summary(theirs, ACS3_HEADERS)


def test_create_vpn_attachment_sends_its_body_as_the_official_form(
    formpages: dict[str, ModuleType],
) -> None:
    module = formpages["vpc"]
    tunnel = vpc.CreateVpnAttachmentRequestTunnelOptionsSpecification
    ike = vpc.CreateVpnAttachmentRequestTunnelOptionsSpecificationTunnelIkeConfig
    with capture_server(json_reply({"RequestId": "r-1"})) as server:
        OfficialVpc(_config(server.host)).create_vpn_attachment(
            vpc.CreateVpnAttachmentRequest(
                region_id="cn-hangzhou",
                name="attach 1",
                enable_tunnels_bgp=False,
                tunnel_options_specification=[
                    tunnel(
                        customer_gateway_id="cgw-1",
                        enable_dpd=True,
                        tunnel_index=1,
                        tunnel_ike_config=ike(ike_mode="main", psk="p+s k/密~"),
                    ),
                    tunnel(customer_gateway_id="cgw-2", tunnel_index=2),
                ],
            )
        )
        with module.VpcClient(
            endpoint=server.url, access_key_id=KEY_ID, access_key_secret=SECRET
        ) as ours:
            response = ours.create_vpn_attachment(
                region_id="cn-hangzhou",
                name="attach 1",
                enable_tunnels_bgp=False,
                tunnel_options_specification=[
                    module.TunnelOptionsSpecification(
                        customer_gateway_id="cgw-1",
                        enable_dpd=True,
                        tunnel_index=1,
                        tunnel_ike_config={"ike_mode": "main", "psk": "p+s k/密~"},
                    ),
                    {"customer_gateway_id": "cgw-2", "tunnel_index": 2},
                ],
            )
    theirs, mine = server.requests
    assert mine.body == theirs.body and mine.body.startswith(b"TunnelOptionsSpecification.1.")
    assert_same_request(mine, theirs, ACS3_HEADERS)
    assert response.request_id == "r-1"
