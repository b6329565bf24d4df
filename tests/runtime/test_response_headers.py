"""Response fields carried in headers (``location: header``), and the request id of every
successful response (``_request_id``): decoded into the model with the body, whatever its
format, typed as body fields are."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from pydantic import Field

from sdk_runtime.decoding import REQUEST_ID_HEADERS, decode, request_id_of
from sdk_runtime.errors import DecodeError
from sdk_runtime.http import HttpResponse
from sdk_runtime.model import ResponseModel

HEADER_FIELDS = ("x-log-progress", "x-log-count", "X-Truncated", "Last-Modified")


class Logs(ResponseModel):
    """SLS GetLogs-like: a body field and header fields of each scalar type."""

    count: int | None = Field(None, alias="Count")
    items: list[str] | None = Field(None, alias="Item")
    x_log_progress: str | None = Field(None, alias="x-log-progress")
    x_log_count: int | None = Field(None, alias="x-log-count")
    x_truncated: bool | None = Field(None, alias="X-Truncated")
    last_modified: datetime | None = Field(None, alias="Last-Modified")


class RequiredHeader(ResponseModel):
    x_log_count: int = Field(alias="x-log-count")


HEADERS = {  # as the transports give them: names lower-cased
    "x-log-progress": "Complete",
    "x-log-count": "10000",
    "x-truncated": "false",
    "last-modified": "Fri, 24 Feb 2012 06:07:48 GMT",
    "x-log-requestid": "60AC5164947E71A31F55D8D0",
}
EXPECTED = {
    "x_log_progress": "Complete",
    "x_log_count": 10000,
    "x_truncated": False,
    "last_modified": datetime(2012, 2, 24, 6, 7, 48, tzinfo=UTC),
}


def _decode(body: bytes, body_format: str | None, headers: dict[str, str] = HEADERS) -> Logs:
    return decode(HttpResponse(200, headers, body), Logs, (), "GetLogs", body_format, HEADER_FIELDS)


@pytest.mark.parametrize(
    ("body", "body_format"),
    [
        (b'{"Count": 2, "Item": ["a", "b"]}', "json"),
        (b"<Result><Count>2</Count><Item>a</Item><Item>b</Item></Result>", "xml"),
        (b'{"Count": 2, "Item": ["a", "b"]}', None),  # RPC: judged by the body
        (b"<Result><Count>2</Count><Item>a</Item><Item>b</Item></Result>", None),
    ],
)
def test_header_fields_decode_beside_the_body(body: bytes, body_format: str | None) -> None:
    logs = _decode(body, body_format)
    assert (logs.count, logs.items) == (2, ["a", "b"])
    assert {name: getattr(logs, name) for name in EXPECTED} == EXPECTED
    assert logs._request_id == "60AC5164947E71A31F55D8D0"


@pytest.mark.parametrize("body_format", ["json", "xml"])
def test_an_empty_body_still_gives_the_header_fields(body_format: str) -> None:
    logs = _decode(b"", body_format)
    assert {name: getattr(logs, name) for name in EXPECTED} == EXPECTED
    assert logs.count is None


def test_header_fields_are_matched_case_insensitively() -> None:
    """The spec writes ``X-Truncated``; the transports lower-case every name."""
    assert _decode(b"", "json", {"x-truncated": "true"}).x_truncated is True


def test_a_header_field_is_read_from_the_header_not_the_body() -> None:
    logs = _decode(b'{"x-log-count": 1}', "json")
    assert logs.x_log_count == 10000


def test_an_iso_datetime_header_also_decodes() -> None:
    logs = _decode(b"", "json", {"last-modified": "2024-11-29T08:42:32.000Z"})
    assert logs.last_modified == datetime(2024, 11, 29, 8, 42, 32, tzinfo=UTC)


def test_absent_header_fields_are_none() -> None:
    logs = _decode(b'{"Count": 1}', "json", {})
    assert (logs.count, logs.x_log_progress, logs.x_log_count, logs._request_id) == (
        1,
        None,
        None,
        None,
    )


def test_a_header_of_the_wrong_type_is_a_decode_error() -> None:
    with pytest.raises(DecodeError, match=r"x-log-count: Input should be a valid integer"):
        _decode(b"{}", "json", {"x-log-count": "ten"})


def test_a_missing_required_header_is_a_decode_error() -> None:
    response = HttpResponse(200, {}, b"{}")
    with pytest.raises(DecodeError, match=r"x-log-count: Field required"):
        decode(response, RequiredHeader, (), "GetLogs", "json", ("x-log-count",))


@pytest.mark.parametrize(
    ("body", "problem"),
    [(b"{not json", "Invalid JSON"), (b"[1, 2]", "the body is a JSON array, not an object")],
)
def test_a_body_that_does_not_decode_still_raises_decode_error(body: bytes, problem: str) -> None:
    with pytest.raises(DecodeError, match=problem):
        _decode(body, "json")


def test_a_single_item_shown_as_an_object_still_decodes_with_header_fields() -> None:
    """RPC JSON's one-element list shown as the element itself (lenient path)."""

    class Wrapped(ResponseModel):
        items: list[dict[str, str]] | None = Field(None, alias="Item")
        x_log_count: int | None = Field(None, alias="x-log-count")

    response = HttpResponse(200, HEADERS, b'{"Item": {"a": "b"}}')
    decoded = decode(response, Wrapped, (), "GetLogs", "json", ("x-log-count",))
    assert (decoded.items, decoded.x_log_count) == ([{"a": "b"}], 10000)
    assert decoded._request_id == HEADERS["x-log-requestid"]


@pytest.mark.parametrize(
    "header", ["x-oss-request-id", "x-acs-request-id", "x-request-id", "x-log-requestid"]
)
def test_every_vendor_request_id_header_reaches_the_model(header: str) -> None:
    """OSS, Alibaba Cloud RPC, Huawei Cloud and SLS; without header fields too."""
    assert header in REQUEST_ID_HEADERS
    for body, body_format in ((b'{"Count": 1}', "json"), (b"<R><Count>1</Count></R>", "xml")):
        decoded = decode(HttpResponse(200, {header: "req-1"}, body), Logs, (), "Op", body_format)
        assert decoded._request_id == "req-1"
        assert "req-1" not in decoded.model_dump_json()  # not a field: out of the dump
    assert request_id_of({header: "req-2"}) == "req-2"
    assert request_id_of({}) is None


def test_a_model_made_by_hand_has_no_request_id() -> None:
    assert Logs()._request_id is None


def test_the_request_id_survives_copy_and_pickle_and_stays_out_of_the_dump() -> None:
    import copy
    import pickle

    logs = _decode(b'{"Count": 1}', "json")
    assert logs._request_id == HEADERS["x-log-requestid"]
    for again in (
        copy.copy(logs),
        copy.deepcopy(logs),
        logs.model_copy(),
        pickle.loads(pickle.dumps(logs)),
    ):
        assert again._request_id == HEADERS["x-log-requestid"]
    assert HEADERS["x-log-requestid"] not in logs.model_dump_json()
    assert "_request_id" not in logs.model_dump() and "_request_id" not in repr(logs)
    with pytest.raises(AttributeError):
        logs._request_id = "other"  # type: ignore[misc]  # the runtime's, read-only
