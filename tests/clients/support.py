"""Constants and helpers shared by the client tests."""

from __future__ import annotations

import socket

from tests.fakecloud import (
    ALIBABA_ACCESS_KEY_ID,
    ALIBABA_ACCESS_KEY_SECRET,
    HUAWEI_AK,
    HUAWEI_PROJECT_ID,
    HUAWEI_SK,
)

ALIBABA = {"access_key_id": ALIBABA_ACCESS_KEY_ID, "access_key_secret": ALIBABA_ACCESS_KEY_SECRET}
HUAWEI = {"ak": HUAWEI_AK, "sk": HUAWEI_SK, "project_id": HUAWEI_PROJECT_ID}
DELAY = 0.6  # seconds the fake holds an answer
TIMEOUT = 0.15  # the client's timeout, well below it


def refused_url() -> str:
    """A loopback URL nobody listens on."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    return f"http://127.0.0.1:{port}"
