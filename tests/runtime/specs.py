"""A minimal ``ServiceSpec`` for runtime tests that need one but no generated client."""

from __future__ import annotations

from sdk_runtime.errors import ApiError
from sdk_runtime.service import ErrorTable, ServiceSpec


def service_spec(
    protocol: str = "rpc", error_format: str = "alibaba-rpc", signing: str = "acs3-hmac-sha256"
) -> ServiceSpec:
    """A ``demo`` service speaking ``protocol``, reading errors as ``error_format``."""
    return ServiceSpec(
        provider="alibabacloud",
        service="demo",
        api_version="2014-05-26",
        protocol=protocol,
        error_format=error_format,
        endpoint="https://demo.example",
        default_region="cn-hangzhou",
        signing=signing,
        signing_schemes=(signing,),
        errors=ErrorTable(base=ApiError),
        models="unused",
    )
