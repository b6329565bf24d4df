"""Retries after the service may have acted on a request (5xx, read timeout, a reset after
sending) happen only for operations safe to repeat: reads, or operations whose idempotency
token the client fills in once and sends on every attempt. A retry budget per client
(botocore's standard mode) stops retry storms; ``Retry-After: 0`` is no zero-wait burst."""

from __future__ import annotations

import logging
import uuid
from typing import Any

import pytest

from generated.alibabacloud.ens import AsyncEnsClient, EnsClient, EnsError
from generated.alibabacloud.ens.client import SERVICE as ENS_SERVICE
from generated.huaweicloud.ga import GaClient, GaError
from sdk_runtime.errors import RequestTimeoutError, TransportError
from sdk_runtime.retry import (
    QUOTA_CAPACITY,
    RETRY_COST,
    TIMEOUT_RETRY_COST,
    RetryPolicy,
    RetryQuota,
)
from sdk_runtime.service import OperationSpec
from tests.clients.hostile import Answer, HostileServer
from tests.clients.support import ALIBABA, DELAY, HUAWEI, TIMEOUT, refused_url

OK = Answer(200, b'{"RequestId": "r-1", "TotalCount": 0}')
UNAVAILABLE = Answer(500, b'{"Code": "InternalError", "Message": "down", "RequestId": "r"}')
THROTTLED = Answer(400, b'{"Code": "Throttling.User", "Message": "slow", "RequestId": "r"}')
RESET = Answer(drop=True)

# Writes on the ENS service (its RPC wire; the fake answers decode as ListBucketsResponse).
CREATE = OperationSpec(
    name="CreateWidget",
    method="POST",
    path="/",
    response="ListBucketsResponse",
    locations={"Name": "query"},
    action="CreateWidget",
)
CREATE_WITH_TOKEN = OperationSpec(
    name="CreateWidget",
    method="POST",
    path="/",
    response="ListBucketsResponse",
    locations={"Name": "query", "ClientToken": "query"},
    action="CreateWidget",
    idempotency_token="ClientToken",
)


def quick(client: Any) -> Any:
    """The client with millisecond backoff, so budget tests take no time."""
    client._pipeline.retry = RetryPolicy(max_retries=3, base_delay=0.001)
    return client


def client_token(target: str) -> str:
    from urllib.parse import parse_qs, urlsplit

    return parse_qs(urlsplit(target).query)["ClientToken"][0]


# --------------------------------------------------------------------------- reads


@pytest.mark.parametrize("failure", [UNAVAILABLE, RESET], ids=["500", "reset"])
def test_a_read_is_retried_after_the_service_may_have_acted(
    hostile: HostileServer, failure: Answer
) -> None:
    assert ENS_SERVICE.protocol == "rpc"  # POST, but the spec marks ListBuckets idempotent
    hostile.script(failure, OK)
    with quick(EnsClient(endpoint=hostile.url, **ALIBABA)) as client:
        assert client.list_buckets().total_count == 0
    assert len(hostile.received) == 2


def test_a_read_is_retried_after_a_read_timeout(hostile: HostileServer) -> None:
    hostile.script(Answer(delay=DELAY), OK)
    with quick(EnsClient(endpoint=hostile.url, timeout=TIMEOUT, **ALIBABA)) as client:
        assert client.list_buckets().total_count == 0
    assert len(hostile.received) == 2


# --------------------------------------------------------------------------- writes


@pytest.mark.parametrize(
    ("failure", "error"),
    [(UNAVAILABLE, EnsError), (RESET, TransportError), (Answer(delay=DELAY), RequestTimeoutError)],
    ids=["500", "reset", "read-timeout"],
)
def test_a_write_is_sent_once_when_the_service_may_have_acted(
    hostile: HostileServer, failure: Answer, error: type[Exception]
) -> None:
    hostile.script(failure, OK)
    with (
        quick(EnsClient(endpoint=hostile.url, timeout=TIMEOUT, **ALIBABA)) as client,
        pytest.raises(error),
    ):
        client._call(CREATE, {"Name": "w"})
    assert len(hostile.received) == 1


async def test_an_async_write_is_sent_once_after_a_reset(hostile: HostileServer) -> None:
    hostile.script(RESET, OK)
    async with quick(AsyncEnsClient(endpoint=hostile.url, **ALIBABA)) as client:
        with pytest.raises(TransportError) as caught:
            await client._call(CREATE, {"Name": "w"})
    assert caught.value.sent
    assert len(hostile.received) == 1


def test_a_write_is_retried_when_throttled(hostile: HostileServer) -> None:
    hostile.script(THROTTLED, OK)  # refused, not acted on
    with quick(EnsClient(endpoint=hostile.url, **ALIBABA)) as client:
        client._call(CREATE, {"Name": "w"})
    assert len(hostile.received) == 2


def test_a_write_is_retried_when_it_was_never_sent(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO, logger="sdk_runtime")
    with (
        quick(EnsClient(endpoint=refused_url(), **ALIBABA)) as client,
        pytest.raises(TransportError) as caught,
    ):
        client._call(CREATE, {"Name": "w"})
    assert not caught.value.sent
    assert len([r for r in caplog.records if "retrying" in r.getMessage()]) == 3


# --------------------------------------------------------------------------- idempotency token


@pytest.mark.parametrize("failure", [UNAVAILABLE, RESET], ids=["500", "reset"])
def test_the_idempotency_token_is_filled_once_and_sent_on_every_attempt(
    hostile: HostileServer, failure: Answer
) -> None:
    hostile.script(failure, failure, OK)
    with quick(EnsClient(endpoint=hostile.url, **ALIBABA)) as client:
        client._call(CREATE_WITH_TOKEN, {"Name": "w"})
        first = [client_token(r.target) for r in hostile.received]
        hostile.script(OK)
        client._call(CREATE_WITH_TOKEN, {"Name": "w"})
        second = client_token(hostile.received[0].target)
    assert len(first) == 3 and len(set(first)) == 1
    assert uuid.UUID(first[0]).version == 4
    assert second != first[0]  # a new call, a new token


def test_the_callers_idempotency_token_is_kept(hostile: HostileServer) -> None:
    hostile.script(UNAVAILABLE, OK)
    with quick(EnsClient(endpoint=hostile.url, **ALIBABA)) as client:
        client._call(CREATE_WITH_TOKEN, {"Name": "w", "ClientToken": "mine-1"})
    assert [client_token(r.target) for r in hostile.received] == ["mine-1", "mine-1"]


# --------------------------------------------------------------------------- budget


def test_the_retry_budget_stops_a_retry_storm(hostile: HostileServer) -> None:
    hostile.script(UNAVAILABLE)  # the service is down
    calls = 60
    with quick(EnsClient(endpoint=hostile.url, **ALIBABA)) as client:
        for _ in range(calls):
            with pytest.raises(EnsError):
                client.list_buckets()
        storm = len(hostile.received)
        # 500 tokens pay for 100 retries at 5 each; then one request per call
        assert storm == calls + QUOTA_CAPACITY // RETRY_COST == 160  # not 4 * 60 = 240
        assert client._pipeline.quota.level < RETRY_COST
        hostile.script(OK)  # the service is back: successes refill the bucket, 1 each
        for _ in range(RETRY_COST):
            client.list_buckets()
        hostile.script(UNAVAILABLE, OK)
        client.list_buckets()  # one retry paid again, and refunded by its success
    assert len(hostile.received) == 2


def test_the_retry_budget_unit_costs() -> None:
    quota = RetryQuota()
    assert quota.acquire(TransportError("reset")) == RETRY_COST
    assert quota.acquire(RequestTimeoutError("slow")) == TIMEOUT_RETRY_COST
    assert quota.level == QUOTA_CAPACITY - 15
    quota.release(TIMEOUT_RETRY_COST)  # the call succeeded after its timeout retry
    quota.release(0)  # a call that needed no retry
    assert quota.level == QUOTA_CAPACITY - 4
    quota.level = 7
    assert quota.acquire(RequestTimeoutError("slow")) == 0  # cannot pay: not retried
    assert quota.level == 7


def test_retry_after_zero_is_no_burst(hostile: HostileServer) -> None:
    busy = Answer(
        503,
        b'{"error_code": "GA.5030", "error_msg": "busy"}',
        (("Content-Type", "application/json"), ("Retry-After", "0")),
    )
    hostile.script(busy)
    with GaClient(endpoint=hostile.url, **HUAWEI) as client, pytest.raises(GaError):
        client.list_byoip_pools()
    times = [r.at for r in hostile.received]
    gaps = [later - earlier for earlier, later in zip(times, times[1:], strict=False)]
    assert len(times) == 4
    # at least half of the backoff's cap: 0.05, 0.1, 0.2 s (base 0.1 s, doubling)
    for attempt, gap in enumerate(gaps):
        assert gap >= 0.05 * 2**attempt * 0.9, gaps
