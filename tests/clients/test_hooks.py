"""Event hooks: called per attempt with read-only, redacted views, sync and async."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from generated.alibabacloud.ens import AsyncEnsClient, EnsClient
from generated.alibabacloud.oss import AsyncOssClient, OssClient
from generated.huaweicloud.ga import GaClient
from sdk_runtime.errors import ApiError, TransportError
from sdk_runtime.hooks import EventHooks, RequestView, ResponseView
from tests.fakecloud import (
    ALIBABA_STS_ACCESS_KEY_ID,
    ALIBABA_STS_ACCESS_KEY_SECRET,
    ALIBABA_STS_SECURITY_TOKEN,
    HUAWEI_TOKEN,
    FakeCloud,
)
from tests.generator.test_mypy import PROJECT, _mypy

STS = {
    "access_key_id": ALIBABA_STS_ACCESS_KEY_ID,
    "access_key_secret": ALIBABA_STS_ACCESS_KEY_SECRET,
    "security_token": ALIBABA_STS_SECURITY_TOKEN,
}


class Recorder:
    """Hooks that note each event as (hook name, attempt, status or None), and the views."""

    def __init__(self) -> None:
        self.events: list[tuple[str, int, int | None]] = []
        self.views: list[RequestView | ResponseView] = []

    def request(self, name: str) -> Any:
        def hook(view: RequestView) -> None:
            self.events.append((name, view.attempt, None))
            self.views.append(view)

        return hook

    def response(self, name: str) -> Any:
        def hook(view: ResponseView) -> None:
            self.events.append((name, view.attempt, view.status_code))
            self.views.append(view)

        return hook

    def hooks(self) -> EventHooks:
        return {
            "request": [self.request("first"), self.request("second")],
            "response": [self.response("answer")],
        }


RETRIED = [
    ("first", 1, None),
    ("second", 1, None),
    ("answer", 1, 400),
    ("first", 2, None),
    ("second", 2, None),
    ("answer", 2, 200),
]


def test_hooks_run_in_order_once_per_attempt(cloud: FakeCloud) -> None:
    cloud.fail_next("ListBuckets", 400, "Throttling.User")
    recorder = Recorder()
    with EnsClient(endpoint=cloud.url, event_hooks=recorder.hooks(), **STS) as client:
        result = client.list_buckets(page_size="5")
    assert recorder.events == RETRIED
    assert cloud.rejected == []
    answer = recorder.views[-1]
    assert isinstance(answer, ResponseView)
    assert answer.operation == "ListBuckets" and answer.request.method == "POST"
    assert answer.request is recorder.views[-2]  # the view the request hooks saw
    assert answer.request_id == result._request_id
    assert 0 < answer.elapsed < 5
    assert answer.headers["Content-Type"].startswith("application/json")  # any case


async def test_async_hooks_may_be_coroutine_functions(cloud: FakeCloud) -> None:
    cloud.fail_next("ListResourcePools", 503, "SlowDown")
    recorder = Recorder()
    awaited: list[int] = []

    async def later(view: RequestView) -> None:
        awaited.append(view.attempt)

    hooks: EventHooks = {
        "request": [recorder.request("first"), later, recorder.request("second")],
        "response": [recorder.response("answer")],
    }
    async with AsyncOssClient(endpoint=cloud.url, event_hooks=hooks, **STS) as client:
        await client.list_resource_pools()
    assert recorder.events == [
        ("first", 1, None),
        ("second", 1, None),
        ("answer", 1, 503),
        ("first", 2, None),
        ("second", 2, None),
        ("answer", 2, 200),
    ]
    assert awaited == [1, 2]
    assert cloud.rejected == []


def test_views_are_redacted(cloud: FakeCloud) -> None:
    recorder = Recorder()
    with EnsClient(
        endpoint=cloud.url, signing="rpc-v1-hmac-sha1", event_hooks=recorder.hooks(), **STS
    ) as ens:
        ens.list_buckets()
    with OssClient(endpoint=cloud.url, event_hooks=recorder.hooks(), **STS) as oss:
        oss.list_resource_pools()
    with GaClient(endpoint=cloud.url, auth_token=HUAWEI_TOKEN, event_hooks=recorder.hooks()) as ga:
        ga.list_byoip_pools()
    rpc, _, _, oss_view, _, _, ga_view, _, _ = recorder.views
    assert isinstance(rpc, RequestView) and "Action=ListBuckets" in rpc.url
    assert "Signature=****" in rpc.url and "SecurityToken=****" in rpc.url
    assert isinstance(oss_view, RequestView)
    assert oss_view.headers["Authorization"] == "****"
    assert oss_view.headers["x-oss-security-token"] == "****"
    assert oss_view.headers["User-Agent"].startswith("cloud-sdk-generator/")
    assert isinstance(ga_view, RequestView) and ga_view.headers["X-Auth-Token"] == "****"
    for view in recorder.views:
        text = repr(view) + repr(dict(view.headers))
        for secret in (ALIBABA_STS_ACCESS_KEY_SECRET, ALIBABA_STS_SECURITY_TOKEN, HUAWEI_TOKEN):
            assert secret not in text
    # what went on the wire is untouched by the redaction
    assert cloud.requests[0].params["SecurityToken"] == ALIBABA_STS_SECURITY_TOKEN
    assert cloud.requests[2].header("X-Auth-Token") == HUAWEI_TOKEN
    assert cloud.rejected == []


def test_a_hook_cannot_change_what_is_signed(cloud: FakeCloud) -> None:
    tried: list[str] = []

    def meddle(view: RequestView) -> None:
        for attempt in (
            lambda: view.headers.__setitem__("x-acs-extra", "1"),  # type: ignore[attr-defined]
            lambda: setattr(view, "url", "http://127.0.0.1:9/"),
            lambda: view.headers._lower.clear(),  # type: ignore[attr-defined]
        ):
            try:
                attempt()
            except (TypeError, AttributeError) as error:
                tried.append(type(error).__name__)
        view._replace(method="DELETE")  # a new tuple, not the request

    with EnsClient(endpoint=cloud.url, event_hooks={"request": [meddle]}, **STS) as client:
        client.list_buckets()
    assert tried == ["AttributeError", "AttributeError"]  # the third cleared a copy
    (sent,) = cloud.requests
    assert sent.verified and sent.method == "POST" and sent.header("x-acs-extra") is None
    assert sent.header("x-acs-security-token") == ALIBABA_STS_SECURITY_TOKEN


class Stop(Exception):
    pass


@pytest.mark.parametrize("event", ["request", "response"])
def test_a_hook_exception_propagates_unchanged_and_is_not_retried(
    cloud: FakeCloud, event: str
) -> None:
    raised = Stop("no")
    error = TransportError("a hook's own")

    def stop(view: object) -> None:
        raise raised

    def transport_error(view: object) -> None:
        raise error

    for hook, expected in ((stop, raised), (transport_error, error)):
        cloud.reset()
        hooks: EventHooks = {event: [hook]}  # type: ignore[misc]
        with (
            EnsClient(endpoint=cloud.url, event_hooks=hooks, **STS) as client,
            pytest.raises(type(expected)) as caught,
        ):
            client.list_buckets()
        assert caught.value is expected
        assert len(cloud.requests) == (0 if event == "request" else 1)


def test_response_hooks_see_error_statuses_before_error_mapping(cloud: FakeCloud) -> None:
    cloud.fail_next("ListBuckets", 404, "NoSuchBucket")
    recorder = Recorder()
    with (
        EnsClient(endpoint=cloud.url, event_hooks=recorder.hooks(), **STS) as client,
        pytest.raises(ApiError),
    ):
        client.list_buckets()
    assert recorder.events[-1] == ("answer", 1, 404)


def test_with_options_twins_share_the_hooks(cloud: FakeCloud) -> None:
    recorder = Recorder()
    with EnsClient(endpoint=cloud.url, event_hooks=recorder.hooks(), **STS) as client:
        client.with_options(max_retries=0).list_buckets()
        client.with_raw_response.list_buckets()
    assert [name for name, _, _ in recorder.events] == ["first", "second", "answer"] * 2


async def test_async_twins_share_the_hooks(cloud: FakeCloud) -> None:
    recorder = Recorder()
    async with AsyncEnsClient(endpoint=cloud.url, event_hooks=recorder.hooks(), **STS) as client:
        await client.with_options(timeout=10).list_buckets()
    assert len(recorder.events) == 3


def test_event_hooks_are_checked() -> None:
    async def coroutine_hook(view: RequestView) -> None:
        pass

    class AsyncCallable:
        async def __call__(self, view: RequestView) -> None:
            pass

    with pytest.raises(TypeError, match="coroutine function"):
        EnsClient(endpoint="http://127.0.0.1:9", event_hooks={"request": [coroutine_hook]}, **STS)
    with pytest.raises(ValueError, match="unknown event 'before'"):
        EnsClient(endpoint="http://127.0.0.1:9", event_hooks={"before": []}, **STS)  # type: ignore[typeddict-unknown-key]
    with pytest.raises(TypeError, match="is not callable"):
        EnsClient(endpoint="http://127.0.0.1:9", event_hooks={"request": ["print"]}, **STS)  # type: ignore[list-item]
    with pytest.raises(TypeError, match="a list of callables"):
        EnsClient(endpoint="http://127.0.0.1:9", event_hooks={"request": print}, **STS)  # type: ignore[typeddict-item]
    AsyncEnsClient(endpoint="http://127.0.0.1:9", event_hooks={"request": [coroutine_hook]}, **STS)
    client = EnsClient(
        endpoint="http://127.0.0.1:9", event_hooks={"request": [AsyncCallable()]}, **STS
    )
    with pytest.raises(TypeError, match="returned an awaitable"):
        client.list_buckets()  # caught before sending: nothing listens there


HOOK_USAGE = """\
from generated.alibabacloud.ens import AsyncEnsClient, EnsClient
from sdk_runtime.hooks import RequestView, ResponseView


def sent(request: RequestView) -> None:
    print(request.operation, request.attempt, request.url, request.headers["Authorization"])


async def answered(response: ResponseView) -> None:
    print(response.status_code, response.request_id, response.elapsed, response.request.method)


EnsClient(event_hooks={"request": [sent]})
AsyncEnsClient(event_hooks={"request": [sent], "response": [answered]})
EnsClient(event_hooks={"response": [sent]})
"""


def test_event_hooks_are_typed(tmp_path: Path) -> None:
    """mypy --strict takes hooks of the right view (coroutine functions too) and refuses a
    request hook given as a response hook."""
    pytest.importorskip("mypy", reason="mypy is not installed (the floors run)")
    usage = tmp_path / "usage_hooks.py"
    usage.write_text(HOOK_USAGE, encoding="utf-8")
    result = _mypy(PROJECT, "generator-tests", str(usage))
    errors = [line for line in result.stdout.splitlines() if ": error:" in line]
    assert len(errors) == 1, result.stdout
    wrong = HOOK_USAGE.splitlines().index('EnsClient(event_hooks={"response": [sent]})') + 1
    assert f"usage_hooks.py:{wrong}:" in errors[0] and '"event_hooks"' in errors[0]
