"""Huawei Cloud Global Accelerator (GA) (API v1).

    from generated.huaweicloud.ga import GaClient

    with GaClient(region="ap-southeast-1") as client:
        response = client.list_byoip_pools()

Operations: list_byoip_pools.

Generated from specs/huaweicloud/ga/service.yaml by `python -m generator generate`; do not edit.
"""

from typing import TYPE_CHECKING

from generated.huaweicloud.ga.client import AsyncGaClient, GaClient
from generated.huaweicloud.ga.errors import ERRORS, GaError

if TYPE_CHECKING:
    from generated.huaweicloud.ga.models import ByoipPool, ListByoipPoolsResponse, PageInfo

__all__ = [
    "AsyncGaClient",
    "ByoipPool",
    "ERRORS",
    "GaClient",
    "GaError",
    "ListByoipPoolsResponse",
    "PageInfo",
]

_MODELS = ["ByoipPool", "ListByoipPoolsResponse", "PageInfo"]


def __getattr__(name: str) -> object:
    """The models load on first use: they import pydantic, which the clients defer."""
    if name in _MODELS:
        from generated.huaweicloud.ga import models

        return getattr(models, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
