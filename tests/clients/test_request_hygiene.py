"""Careless input never reaches the wire: a CR/LF in a header value or a credential is a
``ValueError`` before anything is sent (never a retried TransportError), and a path value
that would move the request (empty, ``.``, ``..``) is refused."""

from __future__ import annotations

import pytest

from generated.alibabacloud.oss import OssClient
from generated.alibabacloud.sls import SlsClient
from generated.huaweicloud.ga import GaClient
from generated.opentelekomcloud.evs import EvsClient
from sdk_runtime.service import OperationSpec
from tests.clients.hostile import Answer, HostileServer
from tests.clients.support import ALIBABA, HUAWEI

INJECTIONS = ["v\r\nX-Evil: 1", "v\nX-Evil: 1", "v\rX", "v\x00"]
TRACED = OperationSpec(
    name="ListByoipPools",
    method="GET",
    path="/v1/byoip-pools",
    response="ListByoipPoolsResponse",
    locations={"X-Trace-Id": "header"},
)
OBJECT = OperationSpec(
    name="HeadObject",
    method="HEAD",
    path="/{key+}",
    response="ListResourcePoolsResponse",
    locations={"key": "path"},
)


@pytest.mark.parametrize("value", INJECTIONS)
def test_a_header_value_with_a_line_break_is_refused_before_sending(
    hostile: HostileServer, value: str
) -> None:
    hostile.script(Answer(200, b'{"byoip_pools": []}'))
    with GaClient(endpoint=hostile.url, **HUAWEI) as client:
        with pytest.raises(ValueError, match="X-Trace-Id.*CR, LF or NUL"):
            client._call(TRACED, {"X-Trace-Id": value})
        client._call(TRACED, {"X-Trace-Id": "trace-1"})
    assert len(hostile.received) == 1  # only the good one
    assert hostile.received[0].headers["x-trace-id"] == "trace-1"


@pytest.mark.parametrize("value", INJECTIONS)
def test_a_credential_with_a_line_break_is_refused_at_construction(value: str) -> None:
    with pytest.raises(ValueError, match="auth_token must not contain"):
        GaClient(endpoint="http://127.0.0.1:9", auth_token=value)
    with pytest.raises(ValueError, match="security_token must not contain"):
        OssClient(endpoint="http://127.0.0.1:9", security_token=value, **ALIBABA)


@pytest.mark.parametrize("value", ["", ".", ".."])
def test_a_path_value_cannot_leave_its_segment(hostile: HostileServer, value: str) -> None:
    with (
        EvsClient(endpoint=hostile.url, **HUAWEI) as evs,
        pytest.raises(ValueError, match="project_id"),
    ):
        evs.list_volumes(project_id=value)
    with (
        SlsClient(endpoint=hostile.url, **ALIBABA) as sls,
        pytest.raises(ValueError, match="logstoreName"),
    ):
        sls.get_logs(project_name="p", logstore_name=value, from_=1, to=2)
    assert hostile.received == []


@pytest.mark.parametrize("key", ["../secret", "a/../../b", "a/./b", "..", ""])
def test_a_greedy_path_value_has_no_dot_segment(hostile: HostileServer, key: str) -> None:
    with (
        OssClient(endpoint=hostile.url, **ALIBABA) as client,
        pytest.raises(ValueError, match="'key'"),
    ):
        client._call(OBJECT, {"key": key})
    assert hostile.received == []


def test_a_greedy_path_value_keeps_its_slashes(hostile: HostileServer) -> None:
    hostile.script(Answer(200, b"", (("Content-Type", "application/xml"),)))
    with OssClient(endpoint=hostile.url, **ALIBABA) as client:
        client._call(OBJECT, {"key": "dir/a b..txt"})
    assert hostile.received[0].target == "/dir/a%20b..txt"
