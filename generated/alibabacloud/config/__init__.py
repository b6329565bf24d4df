"""Alibaba Cloud Cloud Config (API 2019-01-08).

    from generated.alibabacloud.config import ConfigClient

    with ConfigClient(region="cn-shanghai") as client:
        response = client.get_resource_configuration_timeline()

Operations: get_resource_configuration_timeline.

Generated from specs/alibabacloud/config/service.yaml by `python -m generator generate`; do not edit.
"""

from typing import TYPE_CHECKING

from generated.alibabacloud.config.client import AsyncConfigClient, ConfigClient
from generated.alibabacloud.config.errors import (
    ERRORS,
    ConfigError,
    AccountNotExistedError,
    MemberNotBelongToMasterError,
    NoPermissionError,
    ServiceUnavailableError,
)

if TYPE_CHECKING:
    from generated.alibabacloud.config.models import (
        ConfigurationList,
        GetResourceConfigurationTimelineResponse,
        ResourceConfigurationTimeline,
    )

__all__ = [
    "AccountNotExistedError",
    "AsyncConfigClient",
    "ConfigClient",
    "ConfigError",
    "ConfigurationList",
    "ERRORS",
    "GetResourceConfigurationTimelineResponse",
    "MemberNotBelongToMasterError",
    "NoPermissionError",
    "ResourceConfigurationTimeline",
    "ServiceUnavailableError",
]

_MODELS = [
    "ConfigurationList",
    "GetResourceConfigurationTimelineResponse",
    "ResourceConfigurationTimeline",
]


def __getattr__(name: str) -> object:
    """The models load on first use: they import pydantic, which the clients defer."""
    if name in _MODELS:
        from generated.alibabacloud.config import models

        return getattr(models, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
