"""RPC body parameters on the wire, judged by the official VPC client (tea-openapi): a body
is ``application/x-www-form-urlencoded``, each parameter flattened exactly as in the query
(``Utils.query``: ``TunnelOptionsSpecification.1.TunnelIkeConfig.IkeMode=main``), the keys
sorted, and its bytes hashed into ``x-acs-content-sha256``, which the ACS3 signature
covers. Our side is the runtime driven by hand-written operation data (tests/wire/vpc.py)."""

from __future__ import annotations

from collections import Counter

import pytest
from alibabacloud_tea_openapi.models import Config
from alibabacloud_tea_openapi.utils import Utils
from alibabacloud_vpc20160428 import models as vpc
from alibabacloud_vpc20160428.client import Client as OfficialVpc

from sdk_runtime.client import BaseClient
from sdk_runtime.credentials import AlibabaCloudCredentials
from tests.wire import vpc as ours
from tests.wire.capture import assert_same_request, capture_server, json_reply

KEY_ID, SECRET = "LTAI-wire-test", "wire-test-secret"
ACS3_HEADERS = ("x-acs-action", "x-acs-version", "x-acs-content-sha256", "content-type")
TUNNEL = vpc.CreateVpnAttachmentRequestTunnelOptionsSpecification
BGP = vpc.CreateVpnAttachmentRequestTunnelOptionsSpecificationTunnelBgpConfig
IKE = vpc.CreateVpnAttachmentRequestTunnelOptionsSpecificationTunnelIkeConfig


@pytest.mark.parametrize("signing", ["acs3-hmac-sha256", "rpc-v1-hmac-sha1"])
def test_create_vpn_attachment_body_is_the_official_form(signing: str) -> None:
    """Two tunnels, nested BGP and IKE structures, a space, ``+``, ``/`` and unicode in
    values, booleans as ``True``/``False``; the query keeps its own parameters
    (``Tags.1.Key``). With ACS3 the body's hash is compared; with the V1 signature (the
    official client's ``signature_algorithm="v2"``) the form's parameters are signed with the
    query's, and our Signature is the one tea-openapi computes over what arrived."""
    with capture_server(json_reply({"RequestId": "r-1"})) as server:
        config = Config(
            access_key_id=KEY_ID,
            access_key_secret=SECRET,
            endpoint=server.host,
            protocol="http",
            region_id="cn-hangzhou",
        )
        if signing == "rpc-v1-hmac-sha1":
            config.signature_algorithm = "v2"
        OfficialVpc(config).create_vpn_attachment(
            vpc.CreateVpnAttachmentRequest(
                region_id="cn-hangzhou",
                name="attach 1",
                tags=[vpc.CreateVpnAttachmentRequestTags(key="env", value="prod")],
                enable_tunnels_bgp=True,
                tunnel_options_specification=[
                    TUNNEL(
                        customer_gateway_id="cgw-1",
                        enable_dpd=True,
                        tunnel_index=1,
                        tunnel_bgp_config=BGP(local_asn=65530, tunnel_cidr="169.254.10.0/30"),
                        tunnel_ike_config=IKE(ike_mode="main", psk="p+s k/密", local_id="a~b"),
                    ),
                    TUNNEL(customer_gateway_id="cgw-2", enable_dpd=False, tunnel_index=2),
                ],
            )
        )
        credentials = AlibabaCloudCredentials(KEY_ID, SECRET)
        with BaseClient(ours.VPC, credentials, endpoint=server.url, signing=signing) as client:
            client._call(
                ours.CREATE_VPN_ATTACHMENT,
                {
                    "RegionId": "cn-hangzhou",
                    "Name": "attach 1",
                    "Tags": [{"key": "env", "value": "prod"}],
                    "EnableTunnelsBgp": True,
                    "TunnelOptionsSpecification": [
                        {
                            "customer_gateway_id": "cgw-1",
                            "enable_dpd": True,
                            "tunnel_index": 1,
                            "tunnel_bgp_config": {
                                "local_asn": 65530,
                                "tunnel_cidr": "169.254.10.0/30",
                            },
                            "tunnel_ike_config": {
                                "ike_mode": "main",
                                "psk": "p+s k/密",
                                "local_id": "a~b",
                            },
                        },
                        {"customer_gateway_id": "cgw-2", "enable_dpd": False, "tunnel_index": 2},
                    ],
                },
            )
    theirs, mine = server.requests
    assert mine.headers["content-type"] == "application/x-www-form-urlencoded"
    assert mine.body == theirs.body  # byte for byte: sorted keys, "+" for a space
    form = mine.body_value()
    assert form[("TunnelOptionsSpecification.1.TunnelIkeConfig.Psk", "p+s k/密")] == 1
    assert form[("TunnelOptionsSpecification.2.EnableDpd", "False")] == 1
    assert not any(key.startswith("TunnelOptions") for key, _ in mine.query)
    if signing == "acs3-hmac-sha256":
        assert_same_request(mine, theirs, ACS3_HEADERS)
        return
    # Format=json: the official V1 path asks for JSON, which is the service's default
    volatile = {"SignatureNonce", "Timestamp", "Signature", "Format"}
    assert _without(mine.query, volatile) == _without(theirs.query, volatile)
    assert mine.headers["content-type"] == theirs.headers["content-type"]
    query = dict(mine.query.keys())  # (name, value) pairs
    signature = query.pop("Signature")
    signed = {**query, **dict(form.keys())}
    assert signature == Utils.get_rpcsignature(signed, "POST", SECRET)


def _without(pairs: Counter[tuple[str, str]], names: set[str]) -> Counter[tuple[str, str]]:
    return Counter({pair: n for pair, n in pairs.items() if pair[0] not in names})
