"""Alibaba Cloud Log Service (SLS) (API 0.6.0).

    from generated.alibabacloud.sls import SlsClient

    with SlsClient(region="cn-hangzhou") as client:
        response = client.get_logs()

Operations: get_logs.

Generated from specs/alibabacloud/sls/service.yaml by `python -m generator generate`; do not edit.
"""

from typing import TYPE_CHECKING

from generated.alibabacloud.sls.client import AsyncSlsClient, SlsClient
from generated.alibabacloud.sls.errors import (
    ERRORS,
    SlsError,
    IndexConfigNotExistError,
    InvalidLineError,
    InvalidOffsetError,
    InvalidQueryStringError,
    InvalidReverseError,
    InvalidTimeRangeError,
    LogStoreNotExistError,
    ParameterInvalidError,
    ProjectNotExistError,
)

if TYPE_CHECKING:
    from generated.alibabacloud.sls.models import GetLogsResponse, Log

__all__ = [
    "AsyncSlsClient",
    "ERRORS",
    "GetLogsResponse",
    "IndexConfigNotExistError",
    "InvalidLineError",
    "InvalidOffsetError",
    "InvalidQueryStringError",
    "InvalidReverseError",
    "InvalidTimeRangeError",
    "Log",
    "LogStoreNotExistError",
    "ParameterInvalidError",
    "ProjectNotExistError",
    "SlsClient",
    "SlsError",
]

_MODELS = ["GetLogsResponse", "Log"]


def __getattr__(name: str) -> object:
    """The models load on first use: they import pydantic, which the clients defer."""
    if name in _MODELS:
        from generated.alibabacloud.sls import models

        return getattr(models, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
