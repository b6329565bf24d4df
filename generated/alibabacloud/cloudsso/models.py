# Generated from specs/alibabacloud/cloudsso/ by `python -m generator generate`.
# Do not edit: change the spec and regenerate.

from __future__ import annotations

from datetime import datetime

from pydantic import ConfigDict, Field

from sdk_runtime.model import ResponseModel


class Directory(ResponseModel):
    """
    A directory.
    """

    directory_id: str | None = Field(None, alias="DirectoryId", examples=["d-00fc2p61****"])
    """
    The ID of the directory.
    """
    create_time: datetime | None = Field(
        None, alias="CreateTime", examples=["2021-06-30T08:35:26Z"]
    )
    """
    The time when the directory was created.
    """
    update_time: datetime | None = Field(
        None, alias="UpdateTime", examples=["2021-10-25T09:13:24Z"]
    )
    """
    The time when the directory was modified.
    """
    region: str | None = Field(None, alias="Region", examples=["cn-shanghai"])
    """
    The region ID of the directory.
    """
    directory_name: str | None = Field(None, alias="DirectoryName", examples=["new-example"])
    """
    The name of the directory.
    """


class ErrorBody(ResponseModel):
    request_id: str | None = Field(None, alias="RequestId")
    host_id: str | None = Field(None, alias="HostId")
    code: str | None = Field(None, alias="Code")
    message: str | None = Field(None, alias="Message")
    recommend: str | None = Field(None, alias="Recommend")


class ListDirectoriesResponse(ResponseModel):
    model_config = ConfigDict(
        json_schema_extra={"xml": {"name": "ListDirectoriesResponse"}},
    )
    directories: list[Directory] | None = Field(None, alias="Directories")
    """
    The directories.
    """
    request_id: str | None = Field(
        None, alias="RequestId", examples=["9A504392-F06D-5029-AB64-6654CB9F1DC1"]
    )
    """
    The ID of the request.
    """
    total_counts: int | None = Field(None, alias="TotalCounts", examples=[1])
    """
    The number of directories.
    """
