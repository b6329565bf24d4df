"""When to retry and how long to wait: exponential backoff with full jitter, a retry
budget per client, and only what is safe to repeat.

Retried whatever the operation: throttling (the service's throttling codes, any
``Throttling*`` code, HTTP 429) and failures before the request was sent (connection
refused, connect timeout): the service did not act on those. Retried only when the
operation is safe to repeat (``OperationSpec.safe_to_repeat``: a read, an operation the spec
marks ``idempotent``, or one whose idempotency token the client fills in once for all its
attempts): 5xx answers, read timeouts and connections reset after sending, which the
service may have acted on.

A ``Retry-After`` (seconds or HTTP date) or ``x-acs-retry-after`` (milliseconds) header sets
the wait instead of the backoff, but never below half the backoff's cap for that attempt:
``Retry-After: 0`` from a struggling server does not turn into a burst.

:class:`RetryQuota` is botocore's standard-mode budget: each client holds 500 tokens; a retry
takes 5 (10 after a timeout); a call that succeeds gives back what its retry took, or 1. An
empty bucket means the error is raised without retrying, so a service that is down gets
little more than one request per call.
"""

from __future__ import annotations

import random
from collections.abc import Container
from datetime import UTC, datetime
from typing import NamedTuple

from sdk_runtime.errors import ApiError, ClientError, RequestTimeoutError, TransportError

DEFAULT_MAX_RETRIES = 3
QUOTA_CAPACITY = 500
RETRY_COST = 5
TIMEOUT_RETRY_COST = 10
NO_RETRY_REFUND = 1


class RetryQuota:
    """The retry budget of one client (see the module docstring). Thread-safe enough: the
    level is only read and replaced, and a lost refund under a race costs one token."""

    __slots__ = ("capacity", "level")

    def __init__(self, capacity: int = QUOTA_CAPACITY) -> None:
        self.capacity = capacity
        self.level = capacity

    def acquire(self, error: ClientError) -> int:
        """Tokens taken for retrying after ``error``, or 0 when the budget cannot pay."""
        cost = TIMEOUT_RETRY_COST if isinstance(error, RequestTimeoutError) else RETRY_COST
        if self.level < cost:
            return 0
        self.level -= cost
        return cost

    def release(self, spent: int) -> None:
        """After a successful call: give back what its retry took (``spent``), or 1."""
        self.level = min(self.capacity, self.level + (spent or NO_RETRY_REFUND))


class RetryPolicy(NamedTuple):
    max_retries: int = DEFAULT_MAX_RETRIES
    base_delay: float = 0.1  # seconds; attempt n waits up to base_delay * 2**n
    max_delay: float = 20.0

    def delay(
        self,
        attempt: int,
        error: ClientError,
        throttling_codes: Container[str],
        safe_to_repeat: bool = True,
    ) -> float | None:
        """Seconds to wait before retrying after ``error`` on ``attempt`` (0-based), or None."""
        if attempt >= self.max_retries or not is_retryable(error, throttling_codes, safe_to_repeat):
            return None
        cap = min(self.max_delay, self.base_delay * 2.0**attempt)
        hinted = error.retry_after if isinstance(error, ApiError) else None
        if hinted is not None:
            return min(max(hinted, cap / 2), self.max_delay)
        return random.uniform(0.0, cap)


def is_retryable(
    error: ClientError, throttling_codes: Container[str], safe_to_repeat: bool = True
) -> bool:
    """Whether ``error`` is worth another attempt; after one the service may have acted on
    (5xx, a read timeout, a reset after sending) only if the operation is safe to repeat."""
    if isinstance(error, TransportError):
        return safe_to_repeat or not error.sent
    if not isinstance(error, ApiError):
        return False
    if (
        error.status_code == 429
        or error.code in throttling_codes
        or error.code.startswith("Throttling")
    ):
        return True
    return safe_to_repeat and error.status_code >= 500


def retry_after_seconds(headers: dict[str, str]) -> float | None:
    """The server's requested wait, from ``x-acs-retry-after`` (ms) or ``Retry-After``."""
    acs = headers.get("x-acs-retry-after")
    if acs:
        try:
            return max(0.0, int(acs) / 1000)
        except ValueError:
            pass
    value = headers.get("retry-after")
    if not value:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    from email.utils import parsedate_to_datetime  # rare: an HTTP date; keeps imports light

    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, (when - datetime.now(UTC)).total_seconds())
