"""Every example response on each doc page decodes into the generated response model.

The examples are the ``examples`` of kind ``response`` of every spec under specs/: the seed
pages (OSS XML, ENS JSON, CloudSSO XML and JSON, GA JSON) and whatever pages are added. Each
one must parse through the runtime decoder with every field the example shows populated,
nested items included, and with the values the page shows. A documented field that the
example leaves out may stay None: a page's example is transcribed as it is (specs/README.md).
The seed pages' examples show every documented field, and a test below holds them to that.
"""

from __future__ import annotations

import importlib
import json
from collections import Counter
from dataclasses import dataclass, field
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
SEED_RESPONSE_FORMATS = {
    ("alibabacloud/oss", "ListResourcePools"): {"xml"},
    ("alibabacloud/ens", "ListBuckets"): {"json"},
    ("alibabacloud/cloudsso", "ListDirectories"): {"xml", "json"},
    ("huaweicloud/ga", "ListByoipPools"): {"json"},
}


# A response example in another format (text, http) is one the page prints in no form a client
# reads, such as GetLogs' sample that is not valid JSON: shown in the docs, not decoded.
DECODED_FORMATS = ("json", "xml")


def _key(service: Service) -> str:
    return f"{service.provider}/{service.service}"


EXAMPLES = [
    pytest.param(service, operation, example, id=f"{operation.name}-{example.format}-{i}")
    for service in SPECS.services
    for operation in service.operations
    for i, example in enumerate(operation.examples)
    if example.kind == "response" and example.format in DECODED_FORMATS
]
SEED_EXAMPLES = [
    pytest.param(service, operation, example, id=f"{operation.name}-{example.format}-{i}")
    for service in SPECS.services
    for operation in service.operations
    if (_key(service), operation.name) in SEED_RESPONSE_FORMATS
    for i, example in enumerate(operation.examples)
    if example.kind == "response"
]


def _operation(service_key: str, name: str) -> tuple[Service, Operation]:
    """Service ``service_key`` (``alibabacloud/oss``) and its operation ``name``."""
    service = next(s for s in SPECS.services if _key(s) == service_key)
    return service, next(op for op in service.operations if op.name == name)


def _model(service: Service, name: str) -> type[BaseModel]:
    model = getattr(importlib.import_module(f"generated.{service.subpackage}.models"), name)
    assert isinstance(model, type) and issubclass(model, BaseModel)
    return model


def _decode(service: Service, operation: Operation, text: str) -> BaseModel:
    model = _model(service, operation.response_class)
    return decode(HttpResponse(200, {}, text.encode("utf-8")), model)


def _xml_tree(element: Any) -> Any:
    """An XML element as plain data: its text if it is a leaf, else local child name -> the
    list of those children (one per repetition)."""
    if len(element) == 0:
        return element.text or ""
    tree: dict[str, list[Any]] = {}
    for child in element:
        tree.setdefault(child.tag.rpartition("}")[2], []).append(_xml_tree(child))
    return tree


def _shown(example: Any) -> Any:
    """What the example shows, as plain data (JSON as parsed, XML as :func:`_xml_tree`)."""
    if example.format == "json":
        return json.loads(example.text)
    return _xml_tree(ElementTree.fromstring(example.text.encode()))


@dataclass
class _Report:
    empty: list[str] = field(default_factory=list)  # shown by the example, not populated
    unshown: list[str] = field(default_factory=list)  # documented, absent from the example


def _walk(value: Any, shown: Any, where: str, xml: bool, report: _Report) -> None:
    """Compares the decoded ``value`` with what the example shows at the same place."""
    if isinstance(value, BaseModel):
        for name, info in type(value).model_fields.items():
            path, wire = f"{where}.{name}", info.alias or name
            node = shown.get(wire) if isinstance(shown, dict) else None
            if node is None:
                report.unshown.append(path)  # the example leaves it out: it may be None
                continue
            child = getattr(value, name)
            if xml and not isinstance(child, list):
                node = node[-1]  # a single element (the decoder keeps the last repetition)
            if child is None:
                report.empty.append(path)
            else:
                _walk(child, node, path, xml, report)
    elif isinstance(value, list):
        # a JSON object where the page documents a list is a list of one (specs/README.md)
        items = shown if isinstance(shown, list) else [] if shown is None else [shown]
        if len(value) != len(items):
            report.empty.append(f"{where} ({len(value)} items, the example shows {len(items)})")
        for i, (item, node) in enumerate(zip(value, items, strict=False)):
            _walk(item, node, f"{where}[{i}]", xml, report)
    elif isinstance(value, dict):
        nodes = shown if isinstance(shown, dict) else {}
        for key, item in value.items():
            _walk(item, nodes.get(key), f"{where}[{key!r}]", xml, report)


def _report(service: Service, operation: Operation, example: Any) -> _Report:
    response = _decode(service, operation, example.text)
    report = _Report()
    _walk(response, _shown(example), operation.response_class, example.format == "xml", report)
    return report


def test_every_seed_operation_has_a_response_example() -> None:
    ops = {
        (_key(s), op.name): {e.format for e in op.examples if e.kind == "response"}
        for s in SPECS.services
        for op in s.operations
    }
    assert {key: ops.get(key) for key in SEED_RESPONSE_FORMATS} == SEED_RESPONSE_FORMATS


@pytest.mark.parametrize(("service", "operation", "example"), EXAMPLES)
def test_example_populates_every_field_it_shows(
    service: Service, operation: Operation, example: Any
) -> None:
    assert _report(service, operation, example).empty == []


@pytest.mark.parametrize(("service", "operation", "example"), SEED_EXAMPLES)
def test_seed_example_populates_every_documented_field(
    service: Service, operation: Operation, example: Any
) -> None:
    """The seed pages' examples show every documented field, nested items included, and
    each comes back populated."""
    report = _report(service, operation, example)
    assert (report.empty, report.unshown) == ([], [])


@pytest.mark.parametrize("service", SPECS.services, ids=lambda s: s.service)
def test_models_have_exactly_the_documented_fields(service: Service) -> None:
    """So that "no field is None" above means "every documented field was read"."""
    for operation in service.operations:
        model = _model(service, operation.response_class)
        aliases = [info.alias or name for name, info in model.model_fields.items()]
        assert aliases == [f.wire_name for f in operation.response_fields]
    for shape in service.shapes:
        model = _model(service, shape.name)
        assert {n: i.alias or n for n, i in model.model_fields.items()} == {
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


def _as_decoded(shown: Any, dumped: Any) -> Any:
    """``shown`` with the decoder's documented readings applied where ``dumped`` has them: an
    object where a list is documented is a list of one, a number (or a numeric string) where
    the other type is documented is that value as the decoder typed it, a time the page writes
    in another ISO 8601 form (``02:00Z``) the same instant as the decoder writes it
    (``02:00:00Z``). Values still count."""
    if isinstance(dumped, list) and not isinstance(shown, list):
        shown = [shown]
    if isinstance(dumped, list) and isinstance(shown, list) and len(dumped) == len(shown):
        return [_as_decoded(s, d) for s, d in zip(shown, dumped, strict=True)]
    if isinstance(dumped, dict) and isinstance(shown, dict):
        return {k: _as_decoded(v, dumped[k]) if k in dumped else v for k, v in shown.items()}
    scalars = (str, int, float)
    if isinstance(shown, scalars) and isinstance(dumped, scalars):
        return dumped if _normal(shown) == _normal(dumped) else shown
    return shown


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
    # the fields the example sets: one it leaves out is None, and not the page's value
    dumped = response.model_dump(mode="json", by_alias=True, exclude_unset=True)
    if example.format == "json":
        assert dumped == _as_decoded(json.loads(example.text), dumped)
    else:
        root = ElementTree.fromstring(example.text.encode())
        texts = [element.text for element in root.iter() if len(element) == 0]
        assert Counter(map(_normal, texts)) == Counter(map(_normal, _leaves(dumped)))


def test_xml_and_json_examples_of_one_operation_agree() -> None:
    service, operation = _operation("alibabacloud/cloudsso", "ListDirectories")
    by_format = {
        e.format: _decode(service, operation, e.text)
        for e in operation.examples
        if e.kind == "response"
    }
    assert by_format["xml"] == by_format["json"]
    assert len(by_format["xml"].directories) == 1  # type: ignore[attr-defined]


def test_a_single_repeated_xml_element_is_still_a_list() -> None:
    service, operation = _operation("alibabacloud/oss", "ListResourcePools")
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


def test_spec_set_holds_the_seed_services() -> None:
    assert isinstance(SPECS, SpecSet)
    modules = [f"generated.{s.subpackage}" for s in SPECS.services]
    assert len(modules) == len(set(modules))
    assert {
        "generated.alibabacloud.cloudsso",
        "generated.alibabacloud.ens",
        "generated.alibabacloud.oss",
        "generated.huaweicloud.ga",
    } <= set(modules)


def _datetimes(value: Any) -> list[datetime]:
    if isinstance(value, BaseModel):
        value = [getattr(value, name) for name in type(value).model_fields]
    if isinstance(value, dict):
        value = list(value.values())
    if isinstance(value, list):
        return [found for item in value for found in _datetimes(item)]
    return [value] if isinstance(value, datetime) else []


@pytest.mark.parametrize(("service", "operation", "example"), EXAMPLES)
def test_page_times_decode_as_aware_datetimes(
    service: Service, operation: Operation, example: Any
) -> None:
    """Every time a page's example shows in a ``datetime`` field (``2019-04-29T02:00Z``,
    ``2024-11-29T08:42:32.000Z``, ``2019-01-08T01:21:37Z``) decodes, with its zone."""
    response = _decode(service, operation, example.text)
    for value in _datetimes(response):
        assert value.utcoffset() is not None, (operation.name, value)


def test_services_with_iso_times_in_their_examples_decode_them() -> None:
    """The pages' ISO 8601 times with a zone are datetimes in every service that shows them:
    GA, CloudSSO, VPC, OSS and ENS; EVS's have no zone and stay text."""
    decoded = {
        _key(service): _datetimes(_decode(service, operation, example.text))
        for service in SPECS.services
        for operation in service.operations
        for example in operation.examples
        if example.kind == "response" and example.format == "json"
    }
    for key in ("huaweicloud/ga", "alibabacloud/cloudsso", "alibabacloud/vpc"):
        assert decoded[key], key
    assert decoded["opentelekomcloud/evs"] == []
