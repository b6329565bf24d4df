"""When to retry and how long to wait: exponential backoff with full jitter.

Retried: throttling (the service's throttling codes, any ``Throttling*`` code, HTTP 429),
5xx answers and transport failures. A ``Retry-After`` (seconds or HTTP date) or
``x-acs-retry-after`` (milliseconds) header sets the wait instead of the backoff.
"""

from __future__ import annotations

import random
from collections.abc import Container
from datetime import UTC, datetime
from typing import NamedTuple

from sdk_runtime.errors import ApiError, ClientError, TransportError

DEFAULT_MAX_RETRIES = 3


class RetryPolicy(NamedTuple):
    max_retries: int = DEFAULT_MAX_RETRIES
    base_delay: float = 0.1  # seconds; attempt n waits up to base_delay * 2**n
    max_delay: float = 20.0

    def delay(
        self, attempt: int, error: ClientError, throttling_codes: Container[str]
    ) -> float | None:
        """Seconds to wait before retrying after ``error`` on ``attempt`` (0-based), or None."""
        if attempt >= self.max_retries or not is_retryable(error, throttling_codes):
            return None
        hinted = error.retry_after if isinstance(error, ApiError) else None
        if hinted is not None:
            return min(hinted, self.max_delay)
        return random.uniform(0.0, min(self.max_delay, self.base_delay * 2**attempt))


def is_retryable(error: ClientError, throttling_codes: Container[str]) -> bool:
    if isinstance(error, TransportError):
        return True
    if not isinstance(error, ApiError):
        return False
    return (
        error.status_code == 429
        or error.status_code >= 500
        or error.code in throttling_codes
        or error.code.startswith("Throttling")
    )


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
