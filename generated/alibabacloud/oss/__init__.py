"""Alibaba Cloud Object Storage Service (OSS).

    from generated.alibabacloud.oss import OssClient

    with OssClient(region="cn-hangzhou") as client:
        response = client.list_resource_pools()

Operations: list_resource_pools.

Generated from specs/alibabacloud/oss/service.yaml by `python -m generator generate`; do not edit.
"""

from typing import TYPE_CHECKING

from generated.alibabacloud.oss.client import AsyncOssClient, OssClient
from generated.alibabacloud.oss.errors import ERRORS, OssError

if TYPE_CHECKING:
    from generated.alibabacloud.oss.models import ListResourcePoolsResponse, ResourcePool

__all__ = [
    "AsyncOssClient",
    "ERRORS",
    "ListResourcePoolsResponse",
    "OssClient",
    "OssError",
    "ResourcePool",
]

_MODELS = ["ListResourcePoolsResponse", "ResourcePool"]


def __getattr__(name: str) -> object:
    """The models load on first use: they import pydantic, which the clients defer."""
    if name in _MODELS:
        from generated.alibabacloud.oss import models

        return getattr(models, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
