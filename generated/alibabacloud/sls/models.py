# Generated from specs/alibabacloud/sls/ by `python -m generator generate`.
# Do not edit: change the spec and regenerate.

from __future__ import annotations

from pydantic import ConfigDict, Field

from sdk_runtime.model import ResponseModel


class Log(ResponseModel):
    """
    One log: its timestamp, its source and its contents (the log's own key/value pairs, kept in the model's extra fields under their keys).
    """

    time: int | None = Field(None, alias="__time__", examples=[1409529660])
    """
    The timestamp of the log. The timestamp follows the UNIX time format. It is the number of seconds that have elapsed since 00:00:00 UTC, Thursday, January 1, 1970.
    """
    source: str | None = Field(None, alias="__source__", examples=["192.168.1.100"])
    """
    The log source that is specified when logs are written. For example, the source can be the IP address of the machine where the log is generated.
    """


class ErrorBody(ResponseModel):
    error_code: str | None = Field(None, alias="errorCode")
    error_message: str | None = Field(None, alias="errorMessage")


class GetLogsResponse(ResponseModel):
    """
    The response body contains the matched logs. If a large amount of log data that is measured in terabytes is queried, the query results may be incomplete. The response body of the GetLogs operation is an array that contains the information of each log.
    """

    model_config = ConfigDict(
        json_schema_extra={"x-payload": "logs"},
    )
    x_log_progress: str | None = Field(None, alias="x-log-progress", examples=["Complete"])
    """
    The status of the query results. Complete: The query is successful and the query results are complete. Incomplete: The query is successful but the query results are incomplete because the amount of returned data exceeds the limit and the specified time range is invalid. You must repeat the request to obtain complete query results.
    """
    x_log_count: int | None = Field(None, alias="x-log-count", examples=[10000])
    """
    The total number of logs in the query results.
    """
    logs: list[Log] | None = None
    """
    The matched logs, one entry per log.
    """
