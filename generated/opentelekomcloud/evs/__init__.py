"""Open Telekom Cloud Elastic Volume Service (EVS) (API v2).

    from generated.opentelekomcloud.evs import EvsClient

    with EvsClient(region="eu-de") as client:
        response = client.list_volumes()

Operations: list_volumes.

Generated from specs/opentelekomcloud/evs/service.yaml by `python -m generator generate`; do not edit.
"""

from typing import TYPE_CHECKING

from generated.opentelekomcloud.evs.client import AsyncEvsClient, EvsClient
from generated.opentelekomcloud.evs.errors import ERRORS, EvsError

if TYPE_CHECKING:
    from generated.opentelekomcloud.evs.models import (
        Attachment,
        ErrorDetail,
        Link,
        ListVolumesResponse,
        Volume,
    )

__all__ = [
    "AsyncEvsClient",
    "Attachment",
    "ERRORS",
    "ErrorDetail",
    "EvsClient",
    "EvsError",
    "Link",
    "ListVolumesResponse",
    "Volume",
]

_MODELS = ["Attachment", "ErrorDetail", "Link", "ListVolumesResponse", "Volume"]


def __getattr__(name: str) -> object:
    """The models load on first use: they import pydantic, which the clients defer."""
    if name in _MODELS:
        from generated.opentelekomcloud.evs import models

        return getattr(models, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
