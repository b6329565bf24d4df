"""Errors of Alibaba Cloud Cloud Config: one class per documented error code.

Every class derives from ``ConfigError``, itself a ``sdk_runtime.errors.ApiError``;
an undocumented code raises ``ConfigError`` carrying that code.
Generated from specs/alibabacloud/config/service.yaml by `python -m generator generate`; do not edit.
"""

from __future__ import annotations

from sdk_runtime.errors import ApiError
from sdk_runtime.service import ErrorTable


class ConfigError(ApiError):
    """Base of every error returned by Alibaba Cloud Cloud Config."""


class AccountNotExistedError(ConfigError):
    """AccountNotExisted (HTTP 404): Your account does not exist.

    The error message returned because your account does not exist.
    """

    code = "AccountNotExisted"


class MemberNotBelongToMasterError(ConfigError):
    """MemberNotBelongToMaster (HTTP 400): The specified member does not belong to your
    organization.

    The error message returned because the specified member account does not belong to your
    resource directory.
    """

    code = "MemberNotBelongToMaster"


class NoPermissionError(ConfigError):
    """NoPermission (HTTP 400): You are not authorized to perform this operation.

    The error message returned because you are not authorized to perform the specified
    operation.
    """

    code = "NoPermission"


class ServiceUnavailableError(ConfigError):
    """ServiceUnavailable (HTTP 503): The request has failed due to a temporary failure of the
    server.

    The error message returned because the service is unavailable.
    """

    code = "ServiceUnavailable"


ERRORS = ErrorTable(
    base=ConfigError,
    codes={
        "AccountNotExisted": AccountNotExistedError,
        "MemberNotBelongToMaster": MemberNotBelongToMasterError,
        "NoPermission": NoPermissionError,
        "ServiceUnavailable": ServiceUnavailableError,
    },
    prefixes=(),
)
