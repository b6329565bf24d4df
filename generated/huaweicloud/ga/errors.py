"""Errors of Huawei Cloud Global Accelerator (GA): one class per documented error code.

Every class derives from ``GaError``, itself a ``sdk_runtime.errors.ApiError``;
an undocumented code raises ``GaError`` carrying that code.
Generated from specs/huaweicloud/ga/service.yaml by `python -m generator generate`; do not edit.
"""

from __future__ import annotations

from sdk_runtime.errors import ApiError
from sdk_runtime.service import ErrorTable


class GaError(ApiError):
    """Base of every error returned by Huawei Cloud Global Accelerator (GA)."""


ERRORS = ErrorTable(
    base=GaError,
    codes={},
    prefixes=(),
)
