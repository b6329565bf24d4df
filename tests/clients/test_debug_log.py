"""The runtime's DEBUG log (one line per attempt), off by default and free when off; and no
secret, signature or Authorization value in any log record or hook view, for every signing
scheme the runtime registers."""

from __future__ import annotations

import importlib
import logging
import os
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlsplit

import pytest

from generated.alibabacloud.ens import AsyncEnsClient, EnsClient
from generated.alibabacloud.ens.client import LIST_BUCKETS
from sdk_runtime import client as client_module
from sdk_runtime.client import AsyncBaseClient, BaseClient
from sdk_runtime.credentials import FAMILIES, AlibabaCloudCredentials, HuaweiCloudCredentials
from sdk_runtime.errors import ClientError, TransportError
from sdk_runtime.hooks import LOGGER_NAME, EventHooks, RequestView, ResponseView
from sdk_runtime.service import OperationSpec, ServiceSpec
from sdk_runtime.signing import SIGNERS
from tests.clients.hostile import Answer, HostileServer
from tests.clients.support import refused_url
from tests.fakecloud import (
    ALIBABA_STS_ACCESS_KEY_ID,
    ALIBABA_STS_ACCESS_KEY_SECRET,
    ALIBABA_STS_SECURITY_TOKEN,
    FakeCloud,
)

ROOT = Path(__file__).resolve().parents[2]
STS = {
    "access_key_id": ALIBABA_STS_ACCESS_KEY_ID,
    "access_key_secret": ALIBABA_STS_ACCESS_KEY_SECRET,
    "security_token": ALIBABA_STS_SECURITY_TOKEN,
}
LINE = re.compile(
    r"^(?P<operation>\w+) (?P<method>[A-Z]+) (?P<url>\S+) -> (?P<outcome>.+), "
    r"attempt (?P<attempt>\d+), (?P<ms>\d+\.\d) ms$"
)


@pytest.fixture
def debug(caplog: pytest.LogCaptureFixture) -> pytest.LogCaptureFixture:
    caplog.set_level(logging.DEBUG, logger=LOGGER_NAME)
    return caplog


def runtime_lines(caplog: pytest.LogCaptureFixture, level: int = logging.DEBUG) -> list[str]:
    return [r.getMessage() for r in caplog.records if r.name == LOGGER_NAME and r.levelno == level]


def test_one_debug_line_per_attempt(cloud: FakeCloud, debug: pytest.LogCaptureFixture) -> None:
    cloud.fail_next("ListBuckets", 400, "Throttling.User")
    with EnsClient(endpoint=cloud.url, signing="rpc-v1-hmac-sha1", **STS) as client:
        result = client.list_buckets(page_size="5")
    first, second = (LINE.match(line) for line in runtime_lines(debug))
    assert first is not None and second is not None
    assert first["operation"] == "ListBuckets" and first["method"] == "POST"
    assert first["url"].startswith(f"{cloud.url}/?")
    assert "Signature=****" in first["url"] and "SecurityToken=****" in first["url"]
    assert first["outcome"].startswith("HTTP 400") and first["attempt"] == "1"
    assert second["outcome"] == f"HTTP 200 request id {result._request_id}"
    assert second["attempt"] == "2" and float(second["ms"]) > 0
    (retry,) = runtime_lines(debug, logging.INFO)  # the retry, with its delay
    assert re.fullmatch(
        r"ListBuckets attempt 1 failed with Throttling.User \(HTTP 400\); retrying in \d+\.\d\d s",
        retry,
    )
    order = [r.levelno for r in debug.records if r.name == LOGGER_NAME]
    assert order == [logging.DEBUG, logging.INFO, logging.DEBUG]


async def test_transport_errors_are_logged_by_class(debug: pytest.LogCaptureFixture) -> None:
    async with AsyncEnsClient(endpoint=refused_url(), max_retries=1, **STS) as client:
        with pytest.raises(TransportError) as caught:
            await client.list_buckets()
    lines = [LINE.match(line) for line in runtime_lines(debug)]
    assert [(m["outcome"], m["attempt"]) for m in lines if m] == [
        (type(caught.value).__name__, "1"),
        (type(caught.value).__name__, "2"),
    ]


def test_no_log_and_no_trace_unless_enabled(
    cloud: FakeCloud, caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    caplog.set_level(logging.WARNING, logger=LOGGER_NAME)

    def no_trace(*args: object) -> None:
        raise AssertionError("a trace was made with neither hooks nor DEBUG")

    monkeypatch.setattr(client_module, "Trace", no_trace)
    with EnsClient(endpoint=cloud.url, **STS) as client:
        assert client._pipeline.trace(LIST_BUCKETS) is None
        client.list_buckets()
    assert runtime_lines(caplog) == []
    caplog.set_level(logging.DEBUG, logger=LOGGER_NAME)
    monkeypatch.undo()
    with EnsClient(endpoint=cloud.url, **STS) as client:
        assert client._pipeline.trace(LIST_BUCKETS) is not None


PROBE = """
from generated.alibabacloud.ens import EnsClient
from sdk_runtime.errors import TransportError
client = EnsClient(endpoint={url!r}, access_key_id="LTAI-probe", access_key_secret="s3cr3t-probe",
                   max_retries=0)
try:
    client.list_buckets()
except TransportError:
    pass
"""


@pytest.mark.parametrize("value", ["debug", "DEBUG", "", "warning"])
def test_sdk_runtime_log_variable(value: str) -> None:
    url = refused_url()
    env = {k: v for k, v in os.environ.items() if k != "SDK_RUNTIME_LOG"}
    result = subprocess.run(
        [sys.executable, "-c", PROBE.format(url=url)],
        cwd=ROOT,
        env={**env, "SDK_RUNTIME_LOG": value},
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    if value.lower() == "debug":
        assert re.search(
            rf" sdk_runtime DEBUG ListBuckets POST {re.escape(url)}/ -> TransportError, "
            r"attempt 1, \d+\.\d ms\n",
            result.stderr,
        ), result.stderr
        assert "s3cr3t-probe" not in result.stderr
    else:
        assert result.stderr == ""


# --------------------------------------------------------------------------- every scheme

SECRET_KEY = "scan-secret-key-Zq81xv"
SECURITY_TOKEN = "scan-security-token-Mk42pw"
AUTH_TOKEN = "scan-iam-token-Hr77ty"
SCAN_SECRETS = (SECRET_KEY, SECURITY_TOKEN, AUTH_TOKEN)
# one credentials object per family, every secret field set to a known value
SCAN_CREDENTIALS: dict[str, AlibabaCloudCredentials | HuaweiCloudCredentials] = {
    "alibabacloud": AlibabaCloudCredentials("LTAI-scan", SECRET_KEY, SECURITY_TOKEN),
    "huaweicloud": HuaweiCloudCredentials(
        "scan-ak", SECRET_KEY, "0123456789abcdef", SECURITY_TOKEN, auth_token=AUTH_TOKEN
    ),
}
SIGNATURE = re.compile(r"(?:Signature=|:)([A-Za-z0-9+/=]{16,})")
# what carries a credential or a signature on the wire (not SignatureMethod, SignatureNonce)
SENSITIVE = re.compile(r"(?i)authorization|x-auth-token|security-?token|signature")


def generated_clients() -> Iterator[tuple[ServiceSpec, type[Any], OperationSpec[Any]]]:
    """(service, client class, its first operation) of every generated client."""
    for path in sorted((ROOT / "generated").glob("*/*/client.py")):
        module = importlib.import_module(".".join(path.relative_to(ROOT).with_suffix("").parts))
        operation = next(v for v in vars(module).values() if isinstance(v, OperationSpec))
        for value in vars(module).values():
            if (
                isinstance(value, type)
                and issubclass(value, BaseClient | AsyncBaseClient)
                and value.__module__ == module.__name__
            ):
                yield module.SERVICE, value, operation


def test_the_scan_covers_every_family() -> None:
    assert set(SCAN_CREDENTIALS) == set(FAMILIES)
    for credentials in SCAN_CREDENTIALS.values():
        assert set(credentials.secret_values()) <= set(SCAN_SECRETS)


def sent_secrets(hostile: HostileServer) -> set[str]:
    """The signature, token and Authorization values the server received."""
    found: set[str] = set()
    for received in hostile.received:
        pairs = [*received.headers.items(), *parse_qsl(urlsplit(received.target).query)]
        for name, value in pairs:
            if SENSITIVE.fullmatch(name) or name.lower().endswith("-security-token"):
                found.add(value)
                found.update(SIGNATURE.findall(value))
    return found


async def call_and_close(
    client: BaseClient | AsyncBaseClient, operation: OperationSpec[Any], params: dict[str, str]
) -> None:
    """One call of ``operation`` (a failed one is fine: the scan is about what it showed)."""
    try:
        if isinstance(client, AsyncBaseClient):
            try:
                await client._call(operation, params)
            finally:
                await client.close()
        else:
            with client:
                client._call(operation, params)
    except ClientError:
        pass


@pytest.mark.parametrize("scheme", SIGNERS.names())
async def test_no_secret_in_logs_or_hook_views(
    scheme: str, hostile: HostileServer, debug: pytest.LogCaptureFixture
) -> None:
    debug.set_level(logging.DEBUG)  # the HTTP libraries' own loggers too
    clients = [
        (cls, op) for service, cls, op in generated_clients() if scheme in service.signing_schemes
    ]
    assert clients, f"no generated client accepts {scheme}: the scan cannot cover it"
    views: list[RequestView | ResponseView] = []
    hooks: EventHooks = {"request": [views.append], "response": [views.append]}
    echo = (
        ("Content-Type", "text/plain"),
        ("Set-Cookie", f"s={SECURITY_TOKEN}"),
        ("X-Echo", SECRET_KEY),
    )
    for client_class, operation in clients:
        hostile.script(Answer(503, b"busy", echo), Answer(200, b"{}"))
        client = client_class(
            endpoint=hostile.url,
            credentials=SCAN_CREDENTIALS[SIGNERS[scheme].family],
            signing=scheme,
            max_retries=1,
            event_hooks=hooks,
            validate=False,  # placeholder values for the required keywords are enough here
        )
        params = {
            name: "demo" for name, where in operation.locations.items() if where in ("path", "host")
        }
        await call_and_close(client, operation, params)
        assert hostile.received, f"{client_class.__name__} sent nothing"
        signed = sent_secrets(hostile)
        assert signed, f"{scheme}: no signature or token found in what was sent"
        texts = [debug.text]
        for record in debug.records:
            texts += [record.getMessage(), repr(vars(record))]
        for view in views:
            texts += [repr(view), repr(dict(view.headers))]
            if isinstance(view, ResponseView):
                texts += [repr(dict(view.request.headers))]
        for text in texts:
            for value in (*SCAN_SECRETS, *signed):
                assert value not in text, f"{scheme}: {value!r} in {text[:300]!r}"
        assert any(isinstance(v, ResponseView) and v.status_code == 503 for v in views)
        assert runtime_lines(debug)
        views.clear()
        debug.clear()
