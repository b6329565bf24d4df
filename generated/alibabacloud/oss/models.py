# Generated from specs/alibabacloud/oss/ by `python -m generator generate`.
# Do not edit: change the spec and regenerate.

from __future__ import annotations

from datetime import datetime

from pydantic import ConfigDict, Field

from sdk_runtime.model import ResponseModel


class ResourcePool(ResponseModel):
    """
    Container for resource pool details.
    """

    name: str | None = Field(None, alias="Name", examples=["resource-pool-for-ai"])
    """
    Name of the resource pool.
    """
    create_time: datetime | None = Field(
        None, alias="CreateTime", examples=["2024-11-29T08:42:32.000Z"]
    )
    """
    Creation time of the resource pool in ISO 8601 format.
    """


class ErrorBody(ResponseModel):
    model_config = ConfigDict(
        json_schema_extra={"xml": {"name": "Error"}},
    )
    code: str | None = Field(None, alias="Code")
    message: str | None = Field(None, alias="Message")
    request_id: str | None = Field(None, alias="RequestId")
    host_id: str | None = Field(None, alias="HostId")
    ec: str | None = Field(None, alias="EC")


class ListResourcePoolsResponse(ResponseModel):
    """
    Container for the response.
    """

    model_config = ConfigDict(
        json_schema_extra={"xml": {"name": "ListResourcePoolsResult"}},
    )
    region: str | None = Field(None, alias="Region", examples=["oss-cn-hangzhou"])
    """
    Region of the resource pool.
    """
    owner: str | None = Field(None, alias="Owner", examples=["103xxxx"])
    """
    UID of the resource pool owner.
    """
    continuation_token: str | None = Field(None, alias="ContinuationToken", examples=["abcd"])
    """
    Pagination token from the request.
    """
    next_continuation_token: str | None = Field(
        None, alias="NextContinuationToken", examples=["xyz"]
    )
    """
    Token to retrieve the next page of results. Pass this value as the continuation-token in a subsequent request.
    """
    is_truncated: bool | None = Field(None, alias="IsTruncated", examples=[True])
    """
    Whether the results are truncated. true: more results available. false: all results returned.
    """
    resource_pool: list[ResourcePool] | None = Field(None, alias="ResourcePool")
    """
    Container for resource pool details. Repeated once per resource pool (see the success response example).
    """
