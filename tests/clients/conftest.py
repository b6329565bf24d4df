"""Fixtures of the client tests (the ``cloud`` fixture lives in tests/conftest.py).

Every ``ClientError`` made during a client test is collected and, when the test ends,
scanned for the test credentials' secrets (``no_secret_in_raised_errors``): its str, repr,
args, ``vars()``, pickle and formatted traceback, and the same for each exception of its
``__cause__``/``__context__`` chain.
"""

from __future__ import annotations

import time
from collections.abc import Iterator

import pytest

from sdk_runtime.errors import ClientError
from tests.clients.hostile import Answer, HostileServer
from tests.clients.support import error_texts
from tests.fakecloud import (
    ALIBABA_ACCESS_KEY_SECRET,
    ALIBABA_STS_ACCESS_KEY_SECRET,
    ALIBABA_STS_SECURITY_TOKEN,
    HUAWEI_SK,
    HUAWEI_TOKEN,
    FakeCloud,
)

# the secrets of the test credentials, and the wrong secrets some tests sign with
SECRETS = (
    ALIBABA_ACCESS_KEY_SECRET,
    ALIBABA_STS_ACCESS_KEY_SECRET,
    ALIBABA_STS_SECURITY_TOKEN,
    HUAWEI_SK,
    HUAWEI_TOKEN,
    "wrong-secret-never-shown",
)
SCANNED: list[int] = [0]  # errors scanned in this session (reported at the end)


@pytest.fixture(autouse=True)
def no_secret_in_raised_errors(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[ClientError]]:
    """Records each ClientError made during the test; afterwards, none holds a secret."""
    made: list[ClientError] = []
    original = ClientError.__init__

    def recording_init(self: ClientError, *args: object) -> None:
        made.append(self)
        original(self, *args)

    monkeypatch.setattr(ClientError, "__init__", recording_init)
    yield made
    monkeypatch.undo()
    for error in made:
        for text in error_texts(error):
            for secret in SECRETS:
                assert secret not in text, f"{secret!r} leaked by {error!r}: {text[:300]!r}"
    SCANNED[0] += len(made)


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if SCANNED[0]:
        terminalreporter.write_line(
            f"tests/clients: {SCANNED[0]} raised client errors scanned, no secret found"
        )


@pytest.fixture
def slow_cloud(cloud: FakeCloud) -> Iterator[FakeCloud]:
    """The fake cloud; afterwards, waits for answers still held by ``delay_next`` (the
    client gave up on them), so a late request cannot take a fault meant for a later test."""
    yield cloud
    deadline = time.monotonic() + 5
    while any(r.status is None for r in cloud.requests) and time.monotonic() < deadline:
        time.sleep(0.02)


@pytest.fixture(scope="session")
def _hostile_session() -> Iterator[HostileServer]:
    with HostileServer() as server:
        yield server


@pytest.fixture
def hostile(_hostile_session: HostileServer) -> HostileServer:
    """A loopback server answering as each test scripts it (see tests/clients/hostile.py)."""
    _hostile_session.script(Answer())
    return _hostile_session
