"""Documented constraints are checked before sending: a keyword of the wrong type is a
``TypeError``, a missing required one, a value out of range or outside a closed value list a
``ValueError``, each naming the keyword, and nothing reaches the server. ``validate=False``
sends what it is given.

The constraints come from the test's own spec tree (``tests/fixtures/validation_pages``),
generated into a temporary package, and from the seed specs (ENS ``PageSize``, a string
documented up to 100; EVS ``sort_dir``, a closed list; VPC ``PageSize``).
"""

from __future__ import annotations

import asyncio
import contextlib
import io
import sys
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from types import ModuleType
from typing import Any
from urllib.parse import parse_qsl, urlsplit

import pytest

from generated.alibabacloud.ens import EnsClient
from generated.alibabacloud.vpc import VpcClient
from generated.opentelekomcloud.evs import EvsClient
from generator.cli import main
from sdk_runtime.validation import Check, check_params
from tests.clients.hostile import Answer, HostileServer
from tests.clients.support import ALIBABA, HUAWEI

PROJECT = Path(__file__).resolve().parents[2]
SPECS = PROJECT / "tests" / "fixtures" / "validation_pages" / "specs"
PACKAGE = "validationpages"
OK = Answer(200, b'{"request_id": "r-1"}')
VALID: dict[str, Any] = {"name": "w", "config": {"color": "red"}}


@pytest.fixture(scope="module")
def widgets(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ModuleType]:
    """The fixture tree's client module, generated into package ``validationpages``."""
    # generating needs the generator's dependencies, which the floors run (.ci/floors) lacks
    pytest.importorskip("jsonschema", reason="the generator is not installed")
    root = tmp_path_factory.mktemp("validation_pages")
    args = ["generate", "--specs", str(SPECS), "--templates", str(PROJECT / "templates")]
    with contextlib.redirect_stdout(io.StringIO()):
        code = main([*args, "--out", str(root / PACKAGE), "--package", PACKAGE])
    assert code == 0
    sys.path.insert(0, str(root))
    try:
        import importlib

        yield importlib.import_module(f"{PACKAGE}.huaweicloud.widgets")
    finally:
        sys.path.remove(str(root))
        for module in [m for m in sys.modules if m == PACKAGE or m.startswith(f"{PACKAGE}.")]:
            del sys.modules[module]


# (keywords replacing VALID's, exception, message)
BAD_CALLS = [
    ({"name": None}, ValueError, "^name is required, got None$"),
    ({"name": 5}, TypeError, "^name: expected str, got int$"),
    ({"config": None}, ValueError, "^config is required, got None$"),
    ({"project_id": 7}, TypeError, "^project_id: expected str, got int$"),
    ({"size": True}, TypeError, "^size: expected int, got bool$"),
    ({"size": "5"}, TypeError, "^size: expected int, got str$"),
    ({"size": 1.0}, TypeError, "^size: expected int, got float$"),
    ({"size": 0}, ValueError, "^size: 0 is below the minimum 1$"),
    ({"size": 65}, ValueError, "^size: 65 is above the maximum 64$"),
    ({"ratio": 1.5}, ValueError, r"^ratio: 1\.5 is above the maximum 1$"),
    ({"ratio": -1}, ValueError, "^ratio: -1 is below the minimum 0$"),
    ({"ratio": float("nan")}, ValueError, "^ratio: nan is below the minimum 0$"),
    ({"ratio": False}, TypeError, r"^ratio: expected float \(or int\), got bool$"),
    ({"enabled": "true"}, TypeError, "^enabled: expected bool, got str$"),
    ({"enabled": 1}, TypeError, "^enabled: expected bool, got int$"),
    ({"since": "2024-01-01"}, TypeError, "^since: expected datetime, got str$"),
    ({"ids": 5}, TypeError, "^ids: expected a list of int, got int$"),
    ({"ids": [1, "2"]}, TypeError, r"^ids\[1\]: expected int, got str$"),
    ({"ids": [1, 0]}, ValueError, r"^ids\[1\]: 0 is below the minimum 1$"),
    ({"page_size": "101"}, ValueError, "^page_size: '101' is above the maximum 100$"),
    ({"page_size": "ten"}, ValueError, r"^page_size: expected a number \(as text\), got 'ten'$"),
    ({"page_size": "nan"}, ValueError, r"^page_size: expected a number \(as text\), got 'nan'$"),
    ({"page_size": 101}, ValueError, "^page_size: 101 is above the maximum 100$"),
    ({"page_size": True}, TypeError, "^page_size: expected str, got bool$"),
    ({"order": "up"}, ValueError, "^order: 'up' is not one of 'asc', 'desc'$"),
    ({"order": "ASC"}, ValueError, "^order: 'ASC' is not one of 'asc', 'desc'$"),
    ({"labels": ["env"]}, TypeError, "^labels: expected a dict of str, got list$"),
    ({"labels": {"env": 1}}, TypeError, r"^labels\['env'\]: expected str, got int$"),
    ({"labels": {1: "a"}}, TypeError, "^labels: keys must be str, got int$"),
    ({"config": {"color": 5}}, TypeError, r"^config\.color: expected str, got int$"),
    (
        {"tags": [{"key": "a"}, {"key": b"b"}]},
        TypeError,
        r"^tags\[1\]\.key: expected str, got bytes$",
    ),
    (
        {"tags": [{"weights": [1, True]}]},
        TypeError,
        r"^tags\[0\]\.weights\[1\]: expected int, got bool$",
    ),
    (
        {"tags": [{"weights": 3}]},
        TypeError,
        r"^tags\[0\]\.weights: expected a list of int, got int$",
    ),
]


@pytest.mark.parametrize(("change", "error", "message"), BAD_CALLS)
def test_a_bad_keyword_is_refused_before_sending(
    widgets: ModuleType,
    hostile: HostileServer,
    change: dict[str, Any],
    error: type[Exception],
    message: str,
) -> None:
    hostile.script(OK)
    with widgets.WidgetsClient(endpoint=hostile.url, **HUAWEI) as client:
        with pytest.raises(error, match=message):
            client.create_widget(**{**VALID, **change})
        with pytest.raises(error, match=message):
            client.with_raw_response.create_widget(**{**VALID, **change})
    assert hostile.received == []


@pytest.mark.parametrize(("change", "error", "message"), BAD_CALLS)
def test_the_async_client_refuses_the_same(
    widgets: ModuleType,
    hostile: HostileServer,
    change: dict[str, Any],
    error: type[Exception],
    message: str,
) -> None:
    hostile.script(OK)

    async def call() -> None:
        async with widgets.AsyncWidgetsClient(endpoint=hostile.url, **HUAWEI) as client:
            await client.create_widget(**{**VALID, **change})

    with pytest.raises(error, match=message):
        asyncio.run(call())
    assert hostile.received == []


def _query(target: str) -> list[tuple[str, str]]:
    return parse_qsl(urlsplit(target).query, keep_blank_values=True)


def test_valid_values_are_sent(widgets: ModuleType, hostile: HostileServer) -> None:
    hostile.script(OK)
    with widgets.WidgetsClient(endpoint=hostile.url, **HUAWEI) as client:
        result = client.create_widget(
            name="w",
            config=widgets.WidgetConfig(color="red", depth=2),
            size=64,
            ratio=1,  # an int is fine for a float
            enabled=False,
            since=datetime(2024, 1, 2, 3, 4, 5, tzinfo=UTC),
            ids=(1, 1000),
            page_size="100",
            order="asc",
            zone="zone-z",  # an open list: documented values are informative
            labels={"env": "prod"},
            tags=[{"key": "a", "weights": [1, 2]}, widgets.WidgetTag(key="b")],
        )
    assert result.request_id == "r-1"
    (received,) = hostile.received
    assert _query(received.target) == [
        ("name", "w"),
        ("size", "64"),
        ("ratio", "1"),
        ("enabled", "false"),
        ("since", "2024-01-02T03:04:05Z"),
        ("ids", "1"),
        ("ids", "1000"),
        ("page_size", "100"),
        ("order", "asc"),
        ("zone", "zone-z"),
    ]
    assert received.body == (
        b'{"config":{"color":"red","depth":2},"labels":{"env":"prod"},'
        b'"tags":[{"key":"a","weights":[1,2]},{"key":"b"}]}'
    )


def test_validate_false_sends_the_values_as_given(
    widgets: ModuleType, hostile: HostileServer
) -> None:
    hostile.script(OK)
    unchecked: dict[str, Any] = {
        "size": 0,
        "ratio": 1.5,
        "page_size": "ten",
        "order": "up",
        "ids": [0],
        "config": {"color": 5},
        "tags": [{"key": 1}],
    }
    with widgets.WidgetsClient(endpoint=hostile.url, validate=False, **HUAWEI) as client:
        client.create_widget(**{**VALID, **unchecked})
    (received,) = hostile.received
    assert _query(received.target) == [
        ("name", "w"),
        ("size", "0"),
        ("ratio", "1.5"),
        ("ids", "0"),
        ("page_size", "ten"),
        ("order", "up"),
    ]
    assert received.body == b'{"config":{"color":5},"tags":[{"key":1}]}'


def test_validate_false_on_the_async_client(widgets: ModuleType, hostile: HostileServer) -> None:
    hostile.script(OK)

    async def call() -> None:
        async with widgets.AsyncWidgetsClient(
            endpoint=hostile.url, validate=False, **HUAWEI
        ) as client:
            await client.create_widget(**VALID, order="up")

    asyncio.run(call())
    (received,) = hostile.received
    assert ("order", "up") in _query(received.target)


def test_with_options_keeps_the_setting(widgets: ModuleType, hostile: HostileServer) -> None:
    hostile.script(OK)
    with (
        widgets.WidgetsClient(endpoint=hostile.url, **HUAWEI) as checking,
        widgets.WidgetsClient(endpoint=hostile.url, validate=False, **HUAWEI) as unchecked,
    ):
        with pytest.raises(ValueError, match="^order: "):
            checking.with_options(timeout=5).create_widget(**VALID, order="up")
        unchecked.with_options(max_retries=0).create_widget(**VALID, order="up")
    assert len(hostile.received) == 1


def test_a_long_value_is_quoted_short(widgets: ModuleType, hostile: HostileServer) -> None:
    value = "x" * 500
    with (
        widgets.WidgetsClient(endpoint=hostile.url, **HUAWEI) as client,
        pytest.raises(ValueError, match="^order: 'x+\\.\\.\\. is not one of") as caught,
    ):
        client.create_widget(**VALID, order=value)
    assert len(str(caught.value)) < 110
    assert hostile.received == []


def test_the_pipeline_checks_in_prepare(widgets: ModuleType) -> None:
    """The sans-IO step both clients share; a later page (``checked``) is not checked again."""
    import importlib

    operation = importlib.import_module(f"{widgets.__name__}.client").CREATE_WIDGET
    with widgets.WidgetsClient(endpoint="http://127.0.0.1:9", **HUAWEI) as client:
        params = {"name": "w", "config": {"color": "red"}, "size": 99}
        with pytest.raises(ValueError, match="^size: 99 is above the maximum 64$"):
            client._pipeline.prepare(operation, params)
        request = client._pipeline.prepare(operation, params, checked=True)
    assert ("size", "99") in request.query


def test_the_seed_specs_constraints(hostile: HostileServer) -> None:
    hostile.script(Answer(200, b"{}"))
    with EnsClient(endpoint=hostile.url, **ALIBABA) as ens:
        with pytest.raises(ValueError, match="^page_size: '101' is above the maximum 100$"):
            ens.list_buckets(page_size="101")
        with pytest.raises(ValueError, match="^page_size: 101 is above the maximum 100$"):
            ens.list_buckets(page_size=101)  # a number the page documents as String: int too
    with VpcClient(endpoint=hostile.url, **ALIBABA) as vpc:
        with pytest.raises(ValueError, match="^page_size: 101 is above the maximum 100$"):
            vpc.describe_eip_addresses(region_id="cn-hangzhou", page_size=101)
        with pytest.raises(ValueError, match="^region_id is required, got None$"):
            vpc.describe_eip_addresses(region_id=None)  # type: ignore[arg-type]
    with EvsClient(endpoint=hostile.url, **HUAWEI) as evs:
        with pytest.raises(ValueError, match="^sort_dir: 'up' is not one of 'asc', 'desc'$"):
            evs.list_volumes(sort_dir="up")
        assert hostile.received == []
        evs.list_volumes(sort_key="name")  # sort_key's documented values are an open list
    assert len(hostile.received) == 1


def test_check_params_directly() -> None:
    checks = {"N": Check("n", "int", required=True, minimum=1), "S": Check("s", "str")}
    check_params(checks, {"N": 1, "S": None, "Other": object()})
    with pytest.raises(ValueError, match="^n is required"):
        check_params(checks, {})
    with pytest.raises(TypeError, match="^s: expected str, got bytes$"):
        check_params(checks, {"N": 2, "S": b"x"})
