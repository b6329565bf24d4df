"""Constants and helpers shared by the client tests."""

from __future__ import annotations

import pickle
import socket
import traceback
from collections.abc import Iterator

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


def error_texts(error: BaseException) -> Iterator[str]:
    """Everything a program, a log handler or a pickle could get out of ``error`` and the
    exceptions chained to it."""
    yield "".join(traceback.format_exception(error))
    seen: set[int] = set()
    pending: list[BaseException] = [error]
    while pending:
        current = pending.pop()
        if id(current) in seen:
            continue
        seen.add(id(current))
        yield str(current)
        yield repr(current)
        yield repr(current.args)
        yield repr(vars(current))
        yield pickle.dumps(current).decode("latin-1")
        pending += [e for e in (current.__cause__, current.__context__) if e is not None]
