"""Errors of Alibaba Cloud Virtual Private Cloud (VPC): one class per documented error code.

Every class derives from ``VpcError``, itself a ``sdk_runtime.errors.ApiError``;
an undocumented code raises ``VpcError`` carrying that code.
Generated from specs/alibabacloud/vpc/service.yaml by `python -m generator generate`; do not edit.
"""

from __future__ import annotations

from sdk_runtime.errors import ApiError
from sdk_runtime.service import ErrorTable


class VpcError(ApiError):
    """Base of every error returned by Alibaba Cloud Virtual Private Cloud (VPC)."""


class ForbiddenRegionNotFoundError(VpcError):
    """Forbidden.RegionNotFound (HTTP 404): Specified region is not found during access
    authentication.

    The error message returned because the specified region does not exist. Check whether
    the specified region ID is valid.
    """

    code = "Forbidden.RegionNotFound"


class InvalidChargeTypeValueNotSupportedError(VpcError):
    """InvalidChargeType.ValueNotSupported (HTTP 400): The specified ChargeType is not
    supported.

    The error message returned because the specified billing method is not supported. Select
    a supported billing method.
    """

    code = "InvalidChargeType.ValueNotSupported"


class InvalidIAssociatedInstanceTypeValueNotSupportedError(VpcError):
    """InvalidIAssociatedInstanceType.ValueNotSupported (HTTP 400): The specified value of
    AssociatedInstanceType is not supported.

    The error message returned because AssociatedInstanceType is set to an invalid value.
    Check whether the value is valid.
    """

    code = "InvalidIAssociatedInstanceType.ValueNotSupported"


class InvalidLockReasonNotFoundError(VpcError):
    """InvalidLockReason.NotFound (HTTP 404): The specified LockReason is not found

    The error message returned because the reason why the EIP is locked is unknown.
    """

    code = "InvalidLockReason.NotFound"


class InvalidResourceGroupIdError(VpcError):
    """InvalidResourceGroupId (HTTP 400): The specified ResourceGroupId does not exist.

    The error message returned because the specified resource group ID does not exist.
    """

    code = "InvalidResourceGroupId"


class OperationUnsupportedResourceGroupIdError(VpcError):
    """OperationUnsupported.ResourceGroupId (HTTP 400): ResourceGroup is not supported in this
    region.

    The error message returned because the resource group feature is not enabled.
    """

    code = "OperationUnsupported.ResourceGroupId"


ERRORS = ErrorTable(
    base=VpcError,
    codes={
        "Forbidden.RegionNotFound": ForbiddenRegionNotFoundError,
        "InvalidChargeType.ValueNotSupported": InvalidChargeTypeValueNotSupportedError,
        "InvalidIAssociatedInstanceType.ValueNotSupported": InvalidIAssociatedInstanceTypeValueNotSupportedError,
        "InvalidLockReason.NotFound": InvalidLockReasonNotFoundError,
        "InvalidResourceGroupId": InvalidResourceGroupIdError,
        "OperationUnsupported.ResourceGroupId": OperationUnsupportedResourceGroupIdError,
    },
    prefixes=(),
)
