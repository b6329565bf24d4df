# Generated from specs/alibabacloud/ens/ by `python -m generator generate`.
# Do not edit: change the spec and regenerate.

from __future__ import annotations

from datetime import datetime

from pydantic import ConfigDict, Field

from sdk_runtime.model import ResponseModel


class BucketInfo(ResponseModel):
    """
    Information about one bucket.
    """

    bucket_acl: str | None = Field(None, alias="BucketAcl", examples=["private"])
    """
    The access control list (ACL) of the bucket. public-read-write, public-read, private (default).
    """
    bucket_name: str | None = Field(None, alias="BucketName", examples=["test"])
    """
    The name of the bucket.
    """
    comment: str | None = Field(None, alias="Comment", examples=["numb"])
    """
    The remarks.
    """
    create_time: datetime | None = Field(
        None, alias="CreateTime", examples=["2022-10-12T05:45:00Z"]
    )
    """
    The time when the bucket was created. The time follows the ISO 8601 standard in the yyyy-MM-ddTHH:mm:ssZ format. The time is displayed in UTC.
    """
    logical_bucket_type: str | None = Field(None, alias="LogicalBucketType", examples=["sink"])
    """
    The type of the single-node storage. Set the value to sink.
    """
    modify_time: datetime | None = Field(
        None, alias="ModifyTime", examples=["2022-10-12T06:45:00Z"]
    )
    """
    The time when the bucket was modified. The time follows the ISO 8601 standard in the yyyy-MM-ddTHH:mm:ssZ format. The time is displayed in UTC.
    """
    ens_region_id: str | None = Field(None, alias="EnsRegionId", examples=["cn-dalian-unicom"])
    """
    The ID of the region where the node is located.
    """


class ErrorBody(ResponseModel):
    request_id: str | None = Field(None, alias="RequestId")
    host_id: str | None = Field(None, alias="HostId")
    code: str | None = Field(None, alias="Code")
    message: str | None = Field(None, alias="Message")
    recommend: str | None = Field(None, alias="Recommend")


class ListBucketsResponse(ResponseModel):
    """
    Schema of Response
    """

    model_config = ConfigDict(
        json_schema_extra={"xml": {"name": "ListBucketsResponse"}},
    )
    request_id: str | None = Field(
        None, alias="RequestId", examples=["435769C7-AA6F-4DC5-B3DB-A3DC0DE7E853"]
    )
    """
    The ID of the request.
    """
    bucket_infos: list[BucketInfo] | None = Field(None, alias="BucketInfos")
    """
    The list of bucket information.
    """
    total_count: int | None = Field(None, alias="TotalCount", examples=[1])
    """
    The total number of buckets that match the conditions.
    """
