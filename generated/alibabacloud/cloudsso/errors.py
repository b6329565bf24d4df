"""Errors of Alibaba Cloud CloudSSO: one class per documented error code.

Every class derives from ``CloudSsoError``, itself a ``sdk_runtime.errors.ApiError``;
an undocumented code raises ``CloudSsoError`` carrying that code.
Generated from specs/alibabacloud/cloudsso/service.yaml by `python -m generator generate`; do not edit.
"""

from __future__ import annotations

from sdk_runtime.errors import ApiError
from sdk_runtime.service import ErrorTable


class CloudSsoError(ApiError):
    """Base of every error returned by Alibaba Cloud CloudSSO."""


ERRORS = ErrorTable(
    base=CloudSsoError,
    codes={},
    prefixes=(),
)
