# Generated from specs/alibabacloud/config/ by `python -m generator generate`.
# Do not edit: change the spec and regenerate.

from __future__ import annotations

from pydantic import ConfigDict, Field

from sdk_runtime.model import ResponseModel


class ConfigurationList(ResponseModel):
    """
    One configuration change of the configuration timeline.
    """

    tags: str | None = Field(
        None, alias="Tags", examples=['"{\\"\\"hc\\"\\":[\\"\\"value2\\"\\"]}"']
    )
    """
    The tags of the resource.
    """
    account_id: int | None = Field(None, alias="AccountId", examples=[987654321])
    """
    The ID of your Alibaba Cloud account.
    """
    resource_event_type: str | None = Field(
        None, alias="ResourceEventType", examples=["DISCOVERED"]
    )
    """
    The type of the resource change event. Valid values: DISCOVERED: A resource was created. MODIFY: A resource was modified. REMOVE: A resource is deleted.
    """
    availability_zone: str | None = Field(
        None, alias="AvailabilityZone", examples=["cn-hangzhou-h"]
    )
    """
    The ID of the zone.
    """
    resource_type: str | None = Field(None, alias="ResourceType", examples=["ACS::ECS::Instance"])
    """
    The type of the resource.
    """
    resource_create_time: str | None = Field(
        None, alias="ResourceCreateTime", examples=["1605237751000"]
    )
    """
    The time when the resource was created.
    """
    region: str | None = Field(None, alias="Region", examples=["cn-hangzhou"])
    """
    The ID of the region.
    """
    capture_time: str | None = Field(None, alias="CaptureTime", examples=["1605316711000"])
    """
    The timestamp when the configuration change occurred.
    """
    configuration_diff: str | None = Field(
        None,
        alias="ConfigurationDiff",
        examples=['{\\"ExpiredTime\\":[\\"2020-10-26T16:00Z\\",\\"2020-11-26T16:00Z\\"]}'],
    )
    """
    The information of the changes to the configuration of the resource.
    """
    resource_id: str | None = Field(None, alias="ResourceId", examples=["i-bp19xem7lt97h973****"])
    """
    The ID of the resource.
    """
    resource_name: str | None = Field(None, alias="ResourceName", examples=["ECS-test"])
    """
    The name of the resource.
    """


class ResourceConfigurationTimeline(ResponseModel):
    """
    The information of the configuration timeline.
    """

    next_token: str | None = Field(
        None, alias="NextToken", examples=["caeba0bbb2be03f84eb48b699f0a****"]
    )
    """
    The token that was returned for the next query.
    """
    limit: int | None = Field(None, alias="Limit", examples=[10])
    """
    The number of entries returned on each page. Valid values: 1 to 100.
    """
    configuration_list: list[ConfigurationList] | None = Field(None, alias="ConfigurationList")
    """
    The configuration changes of the configuration timeline.
    """
    total_count: int | None = Field(None, alias="TotalCount", examples=[100])
    """
    The total number of configuration changes for the specified resource.
    """


class ErrorBody(ResponseModel):
    request_id: str | None = Field(None, alias="RequestId")
    host_id: str | None = Field(None, alias="HostId")
    code: str | None = Field(None, alias="Code")
    message: str | None = Field(None, alias="Message")
    recommend: str | None = Field(None, alias="Recommend")


class GetResourceConfigurationTimelineResponse(ResponseModel):
    model_config = ConfigDict(
        json_schema_extra={"xml": {"name": "GetResourceConfigurationTimelineResponse"}},
    )
    request_id: str | None = Field(
        None, alias="RequestId", examples=["ED9CD1B3-286C-4E05-A765-5E1E0B9BC2AB"]
    )
    """
    The ID of the request.
    """
    resource_configuration_timeline: ResourceConfigurationTimeline | None = Field(
        None, alias="ResourceConfigurationTimeline"
    )
    """
    The information of the configuration timeline.
    """
