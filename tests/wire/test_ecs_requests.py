"""ECS's structured parameter forms, judged on the wire by the official ECS client
(alibabacloud_ecs20140526): ``Tag.N.Key``, ``InstanceIds`` as a JSON string, nested
``TagFilter.N.TagValues.N`` and structures JSON-encoded in one value. Our side is the
runtime driven by hand-written operation data (tests/wire/ecs.py), as a generated client
would drive it."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from alibabacloud_ecs20140526 import models as ecs
from alibabacloud_ecs20140526.client import Client as OfficialEcs
from alibabacloud_tea_openapi.models import Config

from sdk_runtime.client import BaseClient
from sdk_runtime.credentials import AlibabaCloudCredentials
from sdk_runtime.service import OperationSpec
from tests.wire import ecs as ours
from tests.wire.capture import Captured, assert_same_request, capture_server, json_reply

KEY_ID, SECRET = "LTAI-wire-test", "wire-test-secret"
ACS3_HEADERS = ("x-acs-action", "x-acs-version", "x-acs-content-sha256")


def _both(
    official: Callable[[OfficialEcs], Any],
    operation: OperationSpec[ours.EcsResponse],
    params: dict[str, object],
) -> tuple[Captured, Captured]:
    """(ours, theirs): the same call made by the official client and by the runtime."""
    with capture_server(json_reply({"RequestId": "r-1"})) as server:
        config = Config(
            access_key_id=KEY_ID,
            access_key_secret=SECRET,
            endpoint=server.host,
            protocol="http",
            region_id="cn-hangzhou",
        )
        official(OfficialEcs(config))
        credentials = AlibabaCloudCredentials(KEY_ID, SECRET)
        with BaseClient(ours.ECS, credentials, endpoint=server.url) as client:
            client._call(operation, params)
    theirs, mine = server.requests
    return mine, theirs


def test_describe_instances_with_tags_and_instance_ids() -> None:
    """``Tag.1.Key=env&Tag.1.Value=prod&Tag.2.Key=team``; ``InstanceIds=["i-1","i-2"]``,
    which the official client takes as a string the caller JSON-encodes."""
    mine, theirs = _both(
        lambda client: client.describe_instances(
            ecs.DescribeInstancesRequest(
                region_id="cn-hangzhou",
                instance_ids=json.dumps(["i-1", "i-2"], separators=(",", ":")),
                tag=[
                    ecs.DescribeInstancesRequestTag(key="env", value="prod"),
                    ecs.DescribeInstancesRequestTag(key="team"),
                ],
                page_size=50,
            )
        ),
        ours.DESCRIBE_INSTANCES,
        {
            "RegionId": "cn-hangzhou",
            "InstanceIds": ["i-1", "i-2"],
            "Tag": [{"key": "env", "value": "prod"}, {"key": "team"}],
            "PageSize": 50,
        },
    )
    assert mine.query[("Tag.2.Key", "team")] == 1
    assert_same_request(mine, theirs, ACS3_HEADERS)


def test_list_tag_resources_with_nested_indexes() -> None:
    """``TagFilter.N.TagValues.N``: lists inside each structure of a list."""
    mine, theirs = _both(
        lambda client: client.list_tag_resources(
            ecs.ListTagResourcesRequest(
                region_id="cn-hangzhou",
                resource_type="instance",
                resource_id=["i-1", "i-2"],
                tag_filter=[
                    ecs.ListTagResourcesRequestTagFilter(tag_key="env", tag_values=["a", "b"]),
                    ecs.ListTagResourcesRequestTagFilter(tag_key="team", tag_values=["c"]),
                ],
            )
        ),
        ours.LIST_TAG_RESOURCES,
        {
            "RegionId": "cn-hangzhou",
            "ResourceType": "instance",
            "ResourceId": ["i-1", "i-2"],
            "TagFilter": [
                {"tag_key": "env", "tag_values": ["a", "b"]},
                {"tag_key": "team", "tag_values": ["c"]},
            ],
        },
    )
    assert mine.query[("TagFilter.1.TagValues.2", "b")] == 1
    assert_same_request(mine, theirs, ACS3_HEADERS)


def test_structures_as_json_strings() -> None:
    """``TargetResource`` and ``TimePeriod``: nested structures JSON-encoded with wire names
    (the official client "shrinks" them with array_to_string_with_specified_style)."""
    mine, theirs = _both(
        lambda client: client.create_plan_maintenance_window(
            ecs.CreatePlanMaintenanceWindowRequest(
                region_id="cn-hangzhou",
                plan_window_name="nightly",
                target_resource=ecs.CreatePlanMaintenanceWindowRequestTargetResource(
                    scope="Tag",
                    tags=[ecs.CreatePlanMaintenanceWindowRequestTargetResourceTags("k", "v")],
                ),
                time_period=ecs.CreatePlanMaintenanceWindowRequestTimePeriod(
                    period_unit="Day",
                    range_list=[
                        ecs.CreatePlanMaintenanceWindowRequestTimePeriodRangeList(
                            end_time="04:00", start_time="02:00"
                        )
                    ],
                ),
            )
        ),
        ours.CREATE_PLAN_MAINTENANCE_WINDOW,
        {
            "RegionId": "cn-hangzhou",
            "PlanWindowName": "nightly",
            "TargetResource": {"scope": "Tag", "tags": [{"key": "k", "value": "v"}]},
            "TimePeriod": {
                "period_unit": "Day",
                "range_list": [{"start_time": "02:00", "end_time": "04:00"}],
            },
        },
    )
    assert json.loads(dict(mine.query.keys())["TimePeriod"]) == {
        "PeriodUnit": "Day",
        "RangeList": [{"EndTime": "04:00", "StartTime": "02:00"}],
    }
    assert_same_request(mine, theirs, ACS3_HEADERS)


def test_run_instances_with_flattened_disks() -> None:
    """One object as dotted keys (``SystemDisk.Category=cloud_essd&SystemDisk.Size=40``,
    tea-openapi's ``Utils.query``), a list of them numbered (``DataDisk.2.KMSKeyId``),
    booleans as ``True``/``False``."""
    mine, theirs = _both(
        lambda client: client.run_instances(
            ecs.RunInstancesRequest(
                region_id="cn-hangzhou",
                image_id="ubuntu_22_04_x64_20G_alibase_20240101.vhd",
                instance_type="ecs.g7.large",
                system_disk=ecs.RunInstancesRequestSystemDisk(
                    category="cloud_essd",
                    size=40,
                    disk_name="sys disk/1",
                    performance_level="PL1",
                    bursting_enabled=False,
                ),
                data_disk=[
                    ecs.RunInstancesRequestDataDisk(category="cloud_ssd", size=100),
                    ecs.RunInstancesRequestDataDisk(
                        size=200, delete_with_instance=True, kmskey_id="k+1=2", device="/dev/xvdb"
                    ),
                ],
                tag=[ecs.RunInstancesRequestTag(key="env", value="prod")],
                amount=2,
            )
        ),
        ours.RUN_INSTANCES,
        {
            "RegionId": "cn-hangzhou",
            "ImageId": "ubuntu_22_04_x64_20G_alibase_20240101.vhd",
            "InstanceType": "ecs.g7.large",
            "SystemDisk": {
                "category": "cloud_essd",
                "size": 40,
                "disk_name": "sys disk/1",
                "performance_level": "PL1",
                "bursting_enabled": False,
            },
            "DataDisk": [
                {"category": "cloud_ssd", "size": 100},
                {
                    "size": 200,
                    "delete_with_instance": True,
                    "kms_key_id": "k+1=2",
                    "device": "/dev/xvdb",
                },
            ],
            "Tag": [{"key": "env", "value": "prod"}],
            "Amount": 2,
        },
    )
    assert ("SystemDisk.Category", "cloud_essd") in mine.query
    assert ("SystemDisk.BurstingEnabled", "False") in mine.query
    assert ("DataDisk.2.DeleteWithInstance", "True") in mine.query
    assert_same_request(mine, theirs, ACS3_HEADERS)
