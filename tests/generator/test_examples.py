"""Every example response on each doc page decodes into the generated response model.

The examples are the ``examples`` of kind ``response`` in each spec (OSS XML, ENS JSON,
CloudSSO XML and JSON, GA JSON). Each one must parse through the runtime decoder with every
documented field populated, nested items included, and with the values the page shows.
"""

from __future__ import annotations

import importlib
import json
from collections import Counter
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from defusedxml import ElementTree
from pydantic import BaseModel

from generator.model import Operation, Service, SpecSet
from generator.normalize import load_specs
from sdk_runtime.decoding import decode
from sdk_runtime.http import HttpResponse

PROJECT = Path(__file__).resolve().parents[2]
SPECS = load_specs(PROJECT / "specs")

EXAMPLES = [
    pytest.param(service, operation, example, id=f"{operation.name}-{example.format}-{i}")
    for service in SPECS.services
    for operation in service.operations
    for i, example in enumerate(operation.examples)
    if example.kind == "response"
]


def _model(service: Service, name: str) -> type[BaseModel]:
    model = getattr(importlib.import_module(f"generated.{service.subpackage}.models"), name)
    assert isinstance(model, type) and issubclass(model, BaseModel)
    return model


def _decode(service: Service, operation: Operation, text: str) -> BaseModel:
    model = _model(service, operation.response_class)
    return decode(HttpResponse(200, {}, text.encode("utf-8")), model)


def _empty_fields(value: Any, where: str) -> list[str]:
    """Paths of every field left None (or an empty list) anywhere inside ``value``."""
    if isinstance(value, BaseModel):
        empty = []
        for name in type(value).model_fields:
            child = getattr(value, name)
            path = f"{where}.{name}"
            empty += [path] if child is None else _empty_fields(child, path)
        return empty
    if isinstance(value, list):
        if not value:
            return [f"{where} (empty list)"]
        items = enumerate(value)
        return [path for i, item in items for path in _empty_fields(item, f"{where}[{i}]")]
    if isinstance(value, dict):
        entries = value.items()
        return [path for k, item in entries for path in _empty_fields(item, f"{where}[{k!r}]")]
    return []


def test_every_seed_operation_has_a_response_example() -> None:
    ops = {
        op.name: {e.format for e in op.examples if e.kind == "response"}
        for s in SPECS.services
        for op in s.operations
    }
    assert ops == {
        "ListResourcePools": {"xml"},
        "ListBuckets": {"json"},
        "ListDirectories": {"xml", "json"},
        "ListByoipPools": {"json"},
    }


@pytest.mark.parametrize(("service", "operation", "example"), EXAMPLES)
def test_example_populates_every_documented_field(
    service: Service, operation: Operation, example: Any
) -> None:
    response = _decode(service, operation, example.text)
    assert _empty_fields(response, operation.response_class) == []


@pytest.mark.parametrize("service", SPECS.services, ids=lambda s: s.service)
def test_models_have_exactly_the_documented_fields(service: Service) -> None:
    """So that "no field is None" above means "every documented field was read"."""
    for operation in service.operations:
        model = _model(service, operation.response_class)
        aliases = [info.alias or name for name, info in model.model_fields.items()]
        assert aliases == [f.wire_name for f in operation.response_fields]
    for shape in service.shapes:
        model = _model(service, shape.name)
        assert {n: i.alias for n, i in model.model_fields.items()} == {
            f.python_name: f.wire_name for f in shape.fields
        }


def _normal(value: Any) -> str:
    if isinstance(value, bool):
        return str(value).lower()
    text = str(value).strip()
    try:
        return datetime.fromisoformat(text).isoformat()
    except ValueError:
        return text


def _leaves(value: Any) -> list[Any]:
    if isinstance(value, dict):
        return [leaf for item in value.values() for leaf in _leaves(item)]
    if isinstance(value, list):
        return [leaf for item in value for leaf in _leaves(item)]
    return [value]


@pytest.mark.parametrize(("service", "operation", "example"), EXAMPLES)
def test_example_values_survive_decoding(
    service: Service, operation: Operation, example: Any
) -> None:
    response = _decode(service, operation, example.text)
    dumped = response.model_dump(mode="json", by_alias=True)
    if example.format == "json":
        assert dumped == json.loads(example.text)
    else:
        root = ElementTree.fromstring(example.text.encode())
        texts = [element.text for element in root.iter() if len(element) == 0]
        assert Counter(map(_normal, texts)) == Counter(map(_normal, _leaves(dumped)))


def test_xml_and_json_examples_of_one_operation_agree() -> None:
    service = next(s for s in SPECS.services if s.service == "cloudsso")
    operation = service.operations[0]
    by_format = {
        e.format: _decode(service, operation, e.text)
        for e in operation.examples
        if e.kind == "response"
    }
    assert by_format["xml"] == by_format["json"]
    assert len(by_format["xml"].directories) == 1  # type: ignore[attr-defined]


def test_a_single_repeated_xml_element_is_still_a_list() -> None:
    service = next(s for s in SPECS.services if s.service == "oss")
    operation = service.operations[0]
    text = next(e.text for e in operation.examples if e.kind == "response")
    full = _decode(service, operation, text)
    assert [p.name for p in full.resource_pool] == [  # type: ignore[attr-defined]
        "resource-pool-for-ai",
        "resource-pool-for-video",
        "resource-pool-for-datalake",
    ]
    assert full.is_truncated is True  # type: ignore[attr-defined]
    end = text.index("</ResourcePool>") + len("</ResourcePool>")
    one = text[:end] + "</ListResourcePoolsResult>"
    assert len(_decode(service, operation, one).resource_pool) == 1  # type: ignore[attr-defined]


def test_spec_set_is_the_four_seed_services() -> None:
    assert isinstance(SPECS, SpecSet)
    assert sorted(f"generated.{s.subpackage}" for s in SPECS.services) == [
        "generated.alibabacloud.cloudsso",
        "generated.alibabacloud.ens",
        "generated.alibabacloud.oss",
        "generated.huaweicloud.ga",
    ]
