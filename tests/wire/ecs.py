"""Hand-written descriptions of three ECS operations, as a generated client would carry
them (there is no ECS spec): the runtime's data for ``Tag.N.Key``, nested
``TagFilter.N.TagValues.N``, ``InstanceIds`` as a JSON string and structures as JSON.

``models`` points at this module: :class:`EcsResponse` decodes every reply.
"""

from __future__ import annotations

from sdk_runtime.errors import ApiError
from sdk_runtime.model import ResponseModel
from sdk_runtime.service import ErrorTable, OperationSpec, ServiceSpec
from sdk_runtime.structures import RequestShape, Structure


class EcsResponse(ResponseModel):
    """Whatever ECS answers; the tests compare requests, not responses."""


ECS = ServiceSpec(
    provider="alibabacloud",
    service="ecs",
    api_version="2014-05-26",
    protocol="rpc",
    error_format="alibaba-rpc",
    endpoint="https://ecs.{region}.aliyuncs.com",
    default_region="cn-hangzhou",
    signing="acs3-hmac-sha256",
    signing_schemes=("acs3-hmac-sha256", "rpc-v1-hmac-sha1"),
    errors=ErrorTable(base=ApiError),
    models=__name__,
)

# ECS pages list Tag.N.Key and the deprecated Tag.N.key: one shape field, sent as Key
TAG_SHAPE = RequestShape("Tag", {"key": "Key", "value": "Value"})
TAG_FILTER_SHAPE = RequestShape("TagFilter", {"tag_key": "TagKey", "tag_values": "TagValues"})
RANGE_SHAPE = RequestShape("RangeList", {"end_time": "EndTime", "start_time": "StartTime"})
TIME_PERIOD_SHAPE = RequestShape(
    "TimePeriod",
    {"period_unit": "PeriodUnit", "range_list": "RangeList"},
    nested={"range_list": Structure("range_list", RANGE_SHAPE, "array")},
)
TARGET_RESOURCE_SHAPE = RequestShape(
    "TargetResource",
    {"resource_group_id": "ResourceGroupId", "scope": "Scope", "tags": "Tags"},
    nested={"tags": Structure("tags", TAG_SHAPE, "array")},
)


def _query(*names: str) -> dict[str, str]:
    return dict.fromkeys(names, "query")


DESCRIBE_INSTANCES: OperationSpec[EcsResponse] = OperationSpec(
    name="DescribeInstances",
    method="POST",
    path="/",
    response="EcsResponse",
    locations=_query("RegionId", "InstanceIds", "Tag", "PageSize"),
    styles={"InstanceIds": "json", "Tag": "repeat-list"},
    structures={"Tag": Structure("tag", TAG_SHAPE, "array")},
    action="DescribeInstances",
)

LIST_TAG_RESOURCES: OperationSpec[EcsResponse] = OperationSpec(
    name="ListTagResources",
    method="POST",
    path="/",
    response="EcsResponse",
    locations=_query("RegionId", "ResourceType", "ResourceId", "Tag", "TagFilter"),
    styles={"ResourceId": "repeat-list", "Tag": "repeat-list", "TagFilter": "repeat-list"},
    structures={
        "Tag": Structure("tag", TAG_SHAPE, "array"),
        "TagFilter": Structure("tag_filter", TAG_FILTER_SHAPE, "array"),
    },
    action="ListTagResources",
)

CREATE_PLAN_MAINTENANCE_WINDOW: OperationSpec[EcsResponse] = OperationSpec(
    name="CreatePlanMaintenanceWindow",
    method="POST",
    path="/",
    response="EcsResponse",
    locations=_query("RegionId", "PlanWindowName", "TargetResource", "TimePeriod", "Enable"),
    styles={"TargetResource": "json", "TimePeriod": "json"},
    structures={
        "TargetResource": Structure("target_resource", TARGET_RESOURCE_SHAPE),
        "TimePeriod": Structure("time_period", TIME_PERIOD_SHAPE),
    },
    action="CreatePlanMaintenanceWindow",
)

# RunInstances: SystemDisk is one object flattened with dotted keys (SystemDisk.Category),
# DataDisk a list of them (DataDisk.1.Size); Tag.N.Key as in the other operations
SYSTEM_DISK_SHAPE = RequestShape(
    "SystemDisk",
    {
        "category": "Category",
        "size": "Size",
        "disk_name": "DiskName",
        "performance_level": "PerformanceLevel",
        "bursting_enabled": "BurstingEnabled",
        "encrypted": "Encrypted",
    },
)
DATA_DISK_SHAPE = RequestShape(
    "DataDisk",
    {
        "category": "Category",
        "size": "Size",
        "delete_with_instance": "DeleteWithInstance",
        "kms_key_id": "KMSKeyId",
        "device": "Device",
    },
)

RUN_INSTANCES: OperationSpec[EcsResponse] = OperationSpec(
    name="RunInstances",
    method="POST",
    path="/",
    response="EcsResponse",
    locations=_query(
        "RegionId", "ImageId", "InstanceType", "SystemDisk", "DataDisk", "Tag", "Amount"
    ),
    styles={"SystemDisk": "flat", "DataDisk": "repeat-list", "Tag": "repeat-list"},
    structures={
        "SystemDisk": Structure("system_disk", SYSTEM_DISK_SHAPE),
        "DataDisk": Structure("data_disk", DATA_DISK_SHAPE, "array"),
        "Tag": Structure("tag", TAG_SHAPE, "array"),
    },
    action="RunInstances",
)
