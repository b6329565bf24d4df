"""Errors of Open Telekom Cloud Elastic Volume Service (EVS): one class per documented error code.

Every class derives from ``EvsError``, itself a ``sdk_runtime.errors.ApiError``;
an undocumented code raises ``EvsError`` carrying that code.
Generated from specs/opentelekomcloud/evs/service.yaml by `python -m generator generate`; do not edit.
"""

from __future__ import annotations

from sdk_runtime.errors import ApiError
from sdk_runtime.service import ErrorTable


class EvsError(ApiError):
    """Base of every error returned by Open Telekom Cloud Elastic Volume Service (EVS)."""


ERRORS = ErrorTable(
    base=EvsError,
    codes={},
    prefixes=(),
)
