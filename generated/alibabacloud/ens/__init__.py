"""Alibaba Cloud Edge Node Service (ENS) (API 2017-11-10).

    from generated.alibabacloud.ens import EnsClient

    with EnsClient(region="cn-hangzhou") as client:
        response = client.list_buckets()

Operations: list_buckets.

Generated from specs/alibabacloud/ens/service.yaml by `python -m generator generate`; do not edit.
"""

from typing import TYPE_CHECKING

from generated.alibabacloud.ens.client import AsyncEnsClient, EnsClient
from generated.alibabacloud.ens.errors import (
    ERRORS,
    EnsError,
    AccessDeniedError,
    InvalidParameterError,
    MissingParameterError,
    NoPermissionError,
    NoSuchBucketError,
    UserDisableError,
)

if TYPE_CHECKING:
    from generated.alibabacloud.ens.models import BucketInfo, ListBucketsResponse

__all__ = [
    "AccessDeniedError",
    "AsyncEnsClient",
    "BucketInfo",
    "ERRORS",
    "EnsClient",
    "EnsError",
    "InvalidParameterError",
    "ListBucketsResponse",
    "MissingParameterError",
    "NoPermissionError",
    "NoSuchBucketError",
    "UserDisableError",
]

_MODELS = ["BucketInfo", "ListBucketsResponse"]


def __getattr__(name: str) -> object:
    """The models load on first use: they import pydantic, which the clients defer."""
    if name in _MODELS:
        from generated.alibabacloud.ens import models

        return getattr(models, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
