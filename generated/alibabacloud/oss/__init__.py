"""Alibaba Cloud Object Storage Service (OSS).

    from generated.alibabacloud.oss import OssClient

    with OssClient(region="cn-hangzhou") as client:
        response = client.list_resource_pools()

Operations: list_resource_pools.

Generated from specs/alibabacloud/oss/service.yaml by `python -m generator generate`; do not edit.
"""

from generated.alibabacloud.oss.client import AsyncOssClient, OssClient
from generated.alibabacloud.oss.errors import ERRORS, OssError
from generated.alibabacloud.oss.models import ListResourcePoolsResponse, ResourcePool

__all__ = [
    "AsyncOssClient",
    "ERRORS",
    "ListResourcePoolsResponse",
    "OssClient",
    "OssError",
    "ResourcePool",
]
