"""Fixtures of the client tests (the ``cloud`` fixture lives in tests/conftest.py)."""

from __future__ import annotations

import time
from collections.abc import Iterator

import pytest

from tests.fakecloud import FakeCloud


@pytest.fixture
def slow_cloud(cloud: FakeCloud) -> Iterator[FakeCloud]:
    """The fake cloud; afterwards, waits for answers still held by ``delay_next`` (the
    client gave up on them), so a late request cannot take a fault meant for a later test."""
    yield cloud
    deadline = time.monotonic() + 5
    while any(r.status is None for r in cloud.requests) and time.monotonic() < deadline:
        time.sleep(0.02)
