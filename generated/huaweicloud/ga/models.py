# Generated from specs/huaweicloud/ga/ by `python -m generator generate`.
# Do not edit: change the spec and regenerate.

from __future__ import annotations

from datetime import datetime

from pydantic import Field

from sdk_runtime.model import ResponseModel


class ByoipPool(ResponseModel):
    id: str | None = None
    """
    Specifies the ID of the BYOIP pool.
    """
    cidr: str | None = None
    """
    Specifies the CIDR block of the BYOIP pool.
    """
    ip_type: str | None = None
    """
    The IP address type. Value range: IPV4 and IPV6
    """
    created_at: datetime | None = Field(None, examples=["2019-01-08T01:21:37Z"])
    """
    Specifies when the BYOIP pool was created.
    """
    updated_at: datetime | None = Field(None, examples=["2019-01-08T01:21:37Z"])
    """
    Specifies when the BYOIP pool was updated.
    """
    area: str | None = None
    """
    Specifies the acceleration area. The value can be one of the following: OUTOFCM: Outside the Chinese mainland; CM: Chinese mainland
    """
    domain_id: str | None = None
    """
    Specifies the tenant ID.
    """


class PageInfo(ResponseModel):
    next_marker: str | None = None
    """
    Specifies the marker of the next page. If this parameter is left empty, the resource is on the last page.
    """
    current_count: int | None = None
    """
    Specifies the number of resources on the current list.
    """


class ErrorBody(ResponseModel):
    error_code: str | None = None
    error_msg: str | None = None
    request_id: str | None = None


class ListByoipPoolsResponse(ResponseModel):
    """
    Successful operation.
    """

    request_id: str | None = None
    """
    Specifies the request ID.
    """
    byoip_pools: list[ByoipPool] | None = None
    """
    Specifies the BYOIP pools.
    """
    page_info: PageInfo | None = None
    """
    Specifies the pagination query information.
    """
