"""Alibaba Cloud CloudSSO (API 2021-05-15).

    from generated.alibabacloud.cloudsso import CloudSsoClient

    with CloudSsoClient(region="cn-shanghai") as client:
        response = client.list_directories()

Operations: list_directories.

Generated from specs/alibabacloud/cloudsso/service.yaml by `python -m generator generate`; do not edit.
"""

from typing import TYPE_CHECKING

from generated.alibabacloud.cloudsso.client import AsyncCloudSsoClient, CloudSsoClient
from generated.alibabacloud.cloudsso.errors import ERRORS, CloudSsoError

if TYPE_CHECKING:
    from generated.alibabacloud.cloudsso.models import Directory, ListDirectoriesResponse

__all__ = [
    "AsyncCloudSsoClient",
    "CloudSsoClient",
    "CloudSsoError",
    "Directory",
    "ERRORS",
    "ListDirectoriesResponse",
]

_MODELS = ["Directory", "ListDirectoriesResponse"]


def __getattr__(name: str) -> object:
    """The models load on first use: they import pydantic, which the clients defer."""
    if name in _MODELS:
        from generated.alibabacloud.cloudsso import models

        return getattr(models, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
