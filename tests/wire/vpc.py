"""A hand-written description of VPC CreateVpnAttachment (there is no spec for it), as a
generated client would carry it: ``TunnelOptionsSpecification``, a list of structures with
nested structures, documented ``in: body``, which tea-openapi sends as a form
(``TunnelOptionsSpecification.1.TunnelIkeConfig.IkeMode=main``), beside query parameters.

``models`` points at this module: :class:`VpcResponse` decodes every reply.
"""

from __future__ import annotations

from sdk_runtime.errors import ApiError
from sdk_runtime.model import ResponseModel
from sdk_runtime.service import ErrorTable, OperationSpec, ServiceSpec
from sdk_runtime.structures import RequestShape, Structure


class VpcResponse(ResponseModel):
    """Whatever VPC answers; the tests compare requests, not responses."""


VPC = ServiceSpec(
    provider="alibabacloud",
    service="vpc",
    api_version="2016-04-28",
    protocol="rpc",
    error_format="alibaba-rpc",
    endpoint="https://vpc.{region}.aliyuncs.com",
    default_region="cn-hangzhou",
    signing="acs3-hmac-sha256",
    signing_schemes=("acs3-hmac-sha256", "rpc-v1-hmac-sha1"),
    errors=ErrorTable(base=ApiError),
    models=__name__,
)

BGP_SHAPE = RequestShape(
    "TunnelBgpConfig",
    {"local_asn": "LocalAsn", "local_bgp_ip": "LocalBgpIp", "tunnel_cidr": "TunnelCidr"},
)
IKE_SHAPE = RequestShape(
    "TunnelIkeConfig",
    {"ike_mode": "IkeMode", "ike_version": "IkeVersion", "psk": "Psk", "local_id": "LocalId"},
)
TUNNEL_SHAPE = RequestShape(
    "TunnelOptionsSpecification",
    {
        "customer_gateway_id": "CustomerGatewayId",
        "enable_dpd": "EnableDpd",
        "tunnel_index": "TunnelIndex",
        "tunnel_bgp_config": "TunnelBgpConfig",
        "tunnel_ike_config": "TunnelIkeConfig",
    },
    nested={
        "tunnel_bgp_config": Structure("tunnel_bgp_config", BGP_SHAPE),
        "tunnel_ike_config": Structure("tunnel_ike_config", IKE_SHAPE),
    },
)
TAG_SHAPE = RequestShape("Tags", {"key": "Key", "value": "Value"})

CREATE_VPN_ATTACHMENT: OperationSpec[VpcResponse] = OperationSpec(
    name="CreateVpnAttachment",
    method="POST",
    path="/",
    response="VpcResponse",
    locations={
        "RegionId": "query",
        "Name": "query",
        "Tags": "query",
        "EnableTunnelsBgp": "query",
        "TunnelOptionsSpecification": "body",
    },
    styles={"Tags": "repeat-list", "TunnelOptionsSpecification": "repeat-list"},
    structures={
        "Tags": Structure("tags", TAG_SHAPE, "array"),
        "TunnelOptionsSpecification": Structure(
            "tunnel_options_specification", TUNNEL_SHAPE, "array"
        ),
    },
    action="CreateVpnAttachment",
)
