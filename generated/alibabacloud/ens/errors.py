"""Errors of Alibaba Cloud Edge Node Service (ENS): one class per documented error code.

Every class derives from ``EnsError``, itself a ``sdk_runtime.errors.ApiError``;
an undocumented code raises ``EnsError`` carrying that code.
Generated from specs/alibabacloud/ens/service.yaml by `python -m generator generate`; do not edit.
"""

from __future__ import annotations

from sdk_runtime.errors import ApiError
from sdk_runtime.service import ErrorTable


class EnsError(ApiError):
    """Base of every error returned by Alibaba Cloud Edge Node Service (ENS)."""


class AccessDeniedError(EnsError):
    """AccessDenied (HTTP 403): auth is not valid"""

    code = "AccessDenied"


class InvalidParameterError(EnsError):
    """InvalidParameter.%s (HTTP 400): The specified field %s invalid. Please check it again."""

    code = "InvalidParameter."


class MissingParameterError(EnsError):
    """MissingParameter (HTTP 400): MissingParameter"""

    code = "MissingParameter"


class NoPermissionError(EnsError):
    """NoPermission (HTTP 400): Permission denied."""

    code = "NoPermission"


class NoSuchBucketError(EnsError):
    """NoSuchBucket (HTTP 404): The specified bucket does not exist"""

    code = "NoSuchBucket"


class UserDisableError(EnsError):
    """UserDisable (HTTP 403): The user has been disabled due to arrears."""

    code = "UserDisable"


ERRORS = ErrorTable(
    base=EnsError,
    codes={
        "AccessDenied": AccessDeniedError,
        "MissingParameter": MissingParameterError,
        "NoPermission": NoPermissionError,
        "NoSuchBucket": NoSuchBucketError,
        "UserDisable": UserDisableError,
    },
    prefixes=(("InvalidParameter.", InvalidParameterError),),
)
