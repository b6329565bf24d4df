"""Alibaba Cloud CloudSSO (API 2021-05-15).

    from generated.alibabacloud.cloudsso import CloudSsoClient

    with CloudSsoClient(region="cn-shanghai") as client:
        response = client.list_directories()

Operations: list_directories.

Generated from specs/alibabacloud/cloudsso/service.yaml by `python -m generator generate`; do not edit.
"""

from generated.alibabacloud.cloudsso.client import AsyncCloudSsoClient, CloudSsoClient
from generated.alibabacloud.cloudsso.errors import ERRORS, CloudSsoError
from generated.alibabacloud.cloudsso.models import Directory, ListDirectoriesResponse

__all__ = [
    "AsyncCloudSsoClient",
    "CloudSsoClient",
    "CloudSsoError",
    "Directory",
    "ERRORS",
    "ListDirectoriesResponse",
]
