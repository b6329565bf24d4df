"""A hand-written description of EVS CreateVolume (there is no spec for it), as a generated
client would carry it: body parameters that are structures with camelCase and ``:`` wire
names, and maps (``metadata``, ``tags``) inside them.

``models`` points at this module: :class:`EvsResponse` decodes every reply.
"""

from __future__ import annotations

from sdk_runtime.errors import ApiError
from sdk_runtime.model import ResponseModel
from sdk_runtime.service import ErrorTable, OperationSpec, ServiceSpec
from sdk_runtime.structures import RequestShape, Structure


class EvsResponse(ResponseModel):
    """Whatever EVS answers; the tests compare requests, not responses."""


EVS = ServiceSpec(
    provider="huaweicloud",
    service="evs",
    api_version="v2",
    protocol="rest-json",
    error_format="huawei-json",
    endpoint="https://evs.{region}.myhuaweicloud.com",
    default_region="ap-southeast-1",
    signing="huawei-sdk-hmac-sha256",
    signing_schemes=("huawei-sdk-hmac-sha256",),
    errors=ErrorTable(base=ApiError),
    models=__name__,
)

BSS_PARAM_SHAPE = RequestShape(
    "BssParamForCreateVolume",
    {
        "charging_mode": "chargingMode",
        "is_auto_pay": "isAutoPay",
        "is_auto_renew": "isAutoRenew",
        "period_num": "periodNum",
        "period_type": "periodType",
    },
)
VOLUME_SHAPE = RequestShape(
    "CreateVolumeOption",
    {
        "availability_zone": "availability_zone",
        "image_ref": "imageRef",
        "metadata": "metadata",  # Map<String,String>: keys as the caller gives them
        "name": "name",
        "size": "size",
        "volume_type": "volume_type",
        "tags": "tags",
        "multiattach": "multiattach",
    },
)
SCHEDULER_HINTS_SHAPE = RequestShape(
    "CreateVolumeSchedulerHints", {"dedicated_storage_id": "dedicated_storage_id"}
)

CREATE_VOLUME: OperationSpec[EvsResponse] = OperationSpec(
    name="CreateVolume",
    method="POST",
    path="/v2.1/{project_id}/cloudvolumes",
    response="EvsResponse",
    locations={
        "project_id": "path",
        "bssParam": "body",
        "volume": "body",
        "server_id": "body",
        "OS-SCH-HNT:scheduler_hints": "body",
    },
    structures={
        "bssParam": Structure("bss_param", BSS_PARAM_SHAPE),
        "volume": Structure("volume", VOLUME_SHAPE),
        "OS-SCH-HNT:scheduler_hints": Structure(
            "os_sch_hnt_scheduler_hints", SCHEDULER_HINTS_SHAPE
        ),
    },
)

SHOW_VOLUME: OperationSpec[EvsResponse] = OperationSpec(
    name="ShowVolume",
    method="GET",
    path="/v2/{project_id}/cloudvolumes/{volume_id}",
    response="EvsResponse",
    locations={"project_id": "path", "volume_id": "path"},
)
