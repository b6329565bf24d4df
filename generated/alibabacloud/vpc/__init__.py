"""Alibaba Cloud Virtual Private Cloud (VPC) (API 2016-04-28).

    from generated.alibabacloud.vpc import VpcClient

    with VpcClient(region="cn-hangzhou") as client:
        response = client.describe_eip_addresses()

Operations: describe_eip_addresses.

Generated from specs/alibabacloud/vpc/service.yaml by `python -m generator generate`; do not edit.
"""

from typing import TYPE_CHECKING

from generated.alibabacloud.vpc.client import AsyncVpcClient, FilterDict, VpcClient
from generated.alibabacloud.vpc.errors import (
    ERRORS,
    VpcError,
    ForbiddenRegionNotFoundError,
    InvalidChargeTypeValueNotSupportedError,
    InvalidIAssociatedInstanceTypeValueNotSupportedError,
    InvalidLockReasonNotFoundError,
    InvalidResourceGroupIdError,
    OperationUnsupportedResourceGroupIdError,
)

if TYPE_CHECKING:
    from generated.alibabacloud.vpc.models import (
        AvailableRegions,
        DescribeEipAddressesResponse,
        EipAddress,
        EipAddresses,
        Filter,
        LockReason,
        OperationLocks,
    )

__all__ = [
    "AsyncVpcClient",
    "AvailableRegions",
    "DescribeEipAddressesResponse",
    "ERRORS",
    "EipAddress",
    "EipAddresses",
    "Filter",
    "FilterDict",
    "ForbiddenRegionNotFoundError",
    "InvalidChargeTypeValueNotSupportedError",
    "InvalidIAssociatedInstanceTypeValueNotSupportedError",
    "InvalidLockReasonNotFoundError",
    "InvalidResourceGroupIdError",
    "LockReason",
    "OperationLocks",
    "OperationUnsupportedResourceGroupIdError",
    "VpcClient",
    "VpcError",
]

_MODELS = [
    "AvailableRegions",
    "DescribeEipAddressesResponse",
    "EipAddress",
    "EipAddresses",
    "Filter",
    "LockReason",
    "OperationLocks",
]


def __getattr__(name: str) -> object:
    """The models load on first use: they import pydantic, which the clients defer."""
    if name in _MODELS:
        from generated.alibabacloud.vpc import models

        return getattr(models, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
