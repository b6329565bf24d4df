"""Errors of Alibaba Cloud Log Service (SLS): one class per documented error code.

Every class derives from ``SlsError``, itself a ``sdk_runtime.errors.ApiError``;
an undocumented code raises ``SlsError`` carrying that code.
Generated from specs/alibabacloud/sls/service.yaml by `python -m generator generate`; do not edit.
"""

from __future__ import annotations

from sdk_runtime.errors import ApiError
from sdk_runtime.service import ErrorTable


class SlsError(ApiError):
    """Base of every error returned by Alibaba Cloud Log Service (SLS)."""


class IndexConfigNotExistError(SlsError):
    """IndexConfigNotExist (HTTP 400): Logstore without index config.

    The error message returned because the indexing feature is not enabled for the Logstore.
    """

    code = "IndexConfigNotExist"


class InvalidLineError(SlsError):
    """InvalidLine (HTTP 400): Line is invalid.

    The error message returned because the specified line parameter in the request is
    invalid.
    """

    code = "InvalidLine"


class InvalidOffsetError(SlsError):
    """InvalidOffset (HTTP 400): Offset is invalid.

    The error message returned because the specified offset parameter in the request is
    invalid.
    """

    code = "InvalidOffset"


class InvalidQueryStringError(SlsError):
    """InvalidQueryString (HTTP 400): Query string is invalid.

    The error message returned because the specified query string in the request is invalid.
    """

    code = "InvalidQueryString"


class InvalidReverseError(SlsError):
    """InvalidReverse (HTTP 400): Reverse value is invalid.

    The error message returned because the specified reverse parameter is invalid.
    """

    code = "InvalidReverse"


class InvalidTimeRangeError(SlsError):
    """InvalidTimeRange (HTTP 400): Request time range is invalid.

    The error message returned because the specified time range is invalid.
    """

    code = "InvalidTimeRange"


class LogStoreNotExistError(SlsError):
    """LogStoreNotExist (HTTP 404): logstore logstoreName does not exist.

    The error message returned because the specified Logstore does not exist.
    """

    code = "LogStoreNotExist"


class ParameterInvalidError(SlsError):
    """ParameterInvalid (HTTP 400): ErrorType:OLSQueryParseError.ErrorMessage:offset is not
    available for pagination in sql query, please use limit x,y syntax for pagination.

    If the query parameter contains an analytic statement (SQL statement), the line
    parameter and offset parameter must be set to 0, and the LIMIT clause is used to
    paginate the query results. If the SQL statement in the query parameter is invalid,
    check the SQL statement and modify it as needed, and then try again.
    """

    code = "ParameterInvalid"


class ProjectNotExistError(SlsError):
    """ProjectNotExist (HTTP 404): Project ProjectName does not exist.

    The error message returned because the specified project does not exist.
    """

    code = "ProjectNotExist"


ERRORS = ErrorTable(
    base=SlsError,
    codes={
        "IndexConfigNotExist": IndexConfigNotExistError,
        "InvalidLine": InvalidLineError,
        "InvalidOffset": InvalidOffsetError,
        "InvalidQueryString": InvalidQueryStringError,
        "InvalidReverse": InvalidReverseError,
        "InvalidTimeRange": InvalidTimeRangeError,
        "LogStoreNotExist": LogStoreNotExistError,
        "ParameterInvalid": ParameterInvalidError,
        "ProjectNotExist": ProjectNotExistError,
    },
    prefixes=(),
)
