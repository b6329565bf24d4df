"""Shared fixtures: one loopback fake cloud per test session, reset before each test."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.fakecloud import FakeCloud, running_fakecloud


@pytest.fixture(scope="session")
def _fakecloud_session() -> Iterator[FakeCloud]:
    with running_fakecloud() as cloud:
        yield cloud


@pytest.fixture
def cloud(_fakecloud_session: FakeCloud, monkeypatch: pytest.MonkeyPatch) -> FakeCloud:
    """The fake cloud, with no faults queued, no requests recorded and no proxy or
    credential variables from the environment leaking into the test."""
    for name in (
        "HTTP_PROXY",
        "HTTPS_PROXY",
        "http_proxy",
        "https_proxy",
        "ALL_PROXY",
        "ALIBABA_CLOUD_ACCESS_KEY_ID",
        "ALIBABA_CLOUD_ACCESS_KEY_SECRET",
        "ALIBABA_CLOUD_SECURITY_TOKEN",
        "HUAWEICLOUD_SDK_AK",
        "HUAWEICLOUD_SDK_SK",
        "HUAWEICLOUD_SDK_PROJECT_ID",
    ):
        monkeypatch.delenv(name, raising=False)
    _fakecloud_session.reset()
    return _fakecloud_session
