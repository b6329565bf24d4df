# Generated from specs/huaweicloud/ga/ by `python -m generator generate`.
# Do not edit: change the spec and regenerate.

from __future__ import annotations

from pydantic import Field

from sdk_runtime.model import ResponseModel


class ByoipPool(ResponseModel):
    id: str | None = Field(None, alias="id")
    """
    Specifies the ID of the BYOIP pool.
    """
    cidr: str | None = Field(None, alias="cidr")
    """
    Specifies the CIDR block of the BYOIP pool.
    """
    ip_type: str | None = Field(None, alias="ip_type")
    """
    The IP address type. Value range: IPV4 and IPV6
    """
    created_at: str | None = Field(None, alias="created_at")
    """
    Specifies when the BYOIP pool was created.
    """
    updated_at: str | None = Field(None, alias="updated_at")
    """
    Specifies when the BYOIP pool was updated.
    """
    area: str | None = Field(None, alias="area")
    """
    Specifies the acceleration area. The value can be one of the following: OUTOFCM: Outside the Chinese mainland; CM: Chinese mainland
    """
    domain_id: str | None = Field(None, alias="domain_id")
    """
    Specifies the tenant ID.
    """


class PageInfo(ResponseModel):
    next_marker: str | None = Field(None, alias="next_marker")
    """
    Specifies the marker of the next page. If this parameter is left empty, the resource is on the last page.
    """
    current_count: int | None = Field(None, alias="current_count")
    """
    Specifies the number of resources on the current list.
    """


class ErrorBody(ResponseModel):
    error_code: str | None = None
    error_msg: str | None = None
    request_id: str | None = Field(None, alias="request_id")


class ListByoipPoolsResponse(ResponseModel):
    """
    Successful operation.
    """

    request_id: str | None = Field(None, alias="request_id")
    """
    Specifies the request ID.
    """
    byoip_pools: list[ByoipPool] | None = Field(None, alias="byoip_pools")
    """
    Specifies the BYOIP pools.
    """
    page_info: PageInfo | None = Field(None, alias="page_info")
    """
    Specifies the pagination query information.
    """
