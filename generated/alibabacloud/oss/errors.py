"""Errors of Alibaba Cloud Object Storage Service (OSS): one class per documented error code.

Every class derives from ``OssError``, itself a ``sdk_runtime.errors.ApiError``;
an undocumented code raises ``OssError`` carrying that code.
Generated from specs/alibabacloud/oss/service.yaml by `python -m generator generate`; do not edit.
"""

from __future__ import annotations

from sdk_runtime.errors import ApiError
from sdk_runtime.service import ErrorTable


class OssError(ApiError):
    """Base of every error returned by Alibaba Cloud Object Storage Service (OSS)."""


ERRORS = ErrorTable(
    base=OssError,
    codes={},
    prefixes=(),
)
