"""Shared fixtures: one loopback fake cloud per test session, reset before each test."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.fakecloud import FakeCloud, running_fakecloud


@pytest.fixture(scope="session")
def _fakecloud_session() -> Iterator[FakeCloud]:
    with running_fakecloud() as cloud:
        yield cloud


# The generator's per-user output cache (generator.outcache) stays off in the tests, so that
# every test sees the stages it asks for run, and no test writes to the user's cache dir;
# tests/generator/test_outcache.py switches it on, in a temporary dir.
os.environ["CLOUD_SDK_GENERATOR_NO_CACHE"] = "1"

REFUSED = "http://127.0.0.1:9"  # nothing listens on the discard port


@pytest.fixture
def no_ambient_credentials(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty HOME (returned), no vendor variable, and metadata/STS endpoints that refuse:
    the default credential chains find nothing of the machine running the tests."""
    for name in list(os.environ):
        if name.startswith(("ALIBABA_CLOUD_", "HUAWEICLOUD_")):
            monkeypatch.delenv(name)
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("ALIBABA_CLOUD_ECS_METADATA_ENDPOINT", REFUSED)
    monkeypatch.setenv("ALIBABA_CLOUD_STS_ENDPOINT", REFUSED)
    monkeypatch.setenv("HUAWEICLOUD_SDK_METADATA_ENDPOINT", REFUSED)
    return home


@pytest.fixture
def cloud(
    _fakecloud_session: FakeCloud, monkeypatch: pytest.MonkeyPatch, no_ambient_credentials: Path
) -> FakeCloud:
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
