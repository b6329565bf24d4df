"""Response forms by spec alone: a body that is one JSON array as a whole (``response.payload``,
SLS GetLogs), lists of lists, maps of lists, and field names with ``:`` (EVS): typed models,
a valid OpenAPI 3.1 document that describes the body as it is, and a client that decodes it
(and refuses a body of another kind)."""

from __future__ import annotations

import importlib
import json
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from generator.cli import main
from generator.errors import SpecError
from generator.normalize import load_specs
from sdk_runtime.errors import DecodeError
from tests.wire.capture import CaptureServer, capture_server, json_reply

VALID = Path(__file__).resolve().parent / "fixtures" / "valid" / "specs"
EVENTS = """\
operation: ListWidgetEvents
summary: Lists the events of the widgets.
source:
  title: Querying Widget Events
  vendor: Huawei Cloud
  url: null
  last_updated: null
request:
  method: GET
  path: /v1/{project_id}/events
parameters:
  - name: project_id
    in: path
    type: string
    documented_type: String
    required: true
    description: The project ID.
response:
  payload: events  # the body is this array as a whole
  fields:
    - name: events
      type: array
      items: {shape: WidgetEvent}
      documented_type: Array of WidgetEvent objects
      description: The events, the body itself.
shapes:
  WidgetEvent:
    fields:
      - name: __time__
        type: integer
        documented_type: Integer
        description: When it happened.
      - name: os-vol-host-attr:host
        type: string
        documented_type: String
        description: The host.
      - name: matrix
        type: array
        items: {type: array, items: {type: integer}}
        documented_type: Array of arrays of integers
        description: Rows of numbers.
      - name: labels
        type: map
        values: {type: array, items: {type: string}}
        documented_type: Map<String,Array of String>
        description: Label values by key.
      - name: owners
        type: map
        values: {type: array, items: {shape: Owner}}
        documented_type: Map<String,Array of Owner>
        description: Owners by role.
  Owner:
    fields:
      - name: id
        type: string
        documented_type: String
        description: The owner ID.
errors: []
pagination: null
"""
EVENT = {
    "__time__": 1409529660,
    "os-vol-host-attr:host": "pod01.xxx#SSD",
    "matrix": [[1, 2], [3]],
    "labels": {"env": ["prod", "eu"]},
    "owners": {"admin": [{"id": "u-1"}]},
    "Key1": "error",
}


@pytest.fixture(scope="module")
def forms(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    root = tmp_path_factory.mktemp("forms")
    specs = root / "specs"
    shutil.copytree(VALID, specs)
    (specs / "huaweicloud" / "demo" / "ListWidgetEvents.yaml").write_text(EVENTS, encoding="utf-8")
    assert main(["generate", f"--specs={specs}", f"--out={root / 'forms'}"]) == 0
    sys.path.insert(0, str(root))
    yield root / "forms"
    sys.path.remove(str(root))
    for name in [m for m in sys.modules if m.split(".")[0] == "forms"]:
        del sys.modules[name]


def _client(server: CaptureServer) -> Any:
    demo = importlib.import_module("forms.huaweicloud.demo")
    return demo.DemoClient(endpoint=server.url, auth_token="iam-token-for-tests", project_id="p-1")


def _document(forms: Path) -> dict[str, Any]:
    return json.loads((forms / "huaweicloud" / "demo" / "openapi.json").read_text())


def test_the_models_are_typed(forms: Path) -> None:
    source = (forms / "huaweicloud" / "demo" / "models.py").read_text(encoding="utf-8")
    for line in (
        "events: list[WidgetEvent] | None",
        "matrix: list[list[int]] | None",
        "labels: dict[str, list[str]] | None",
        "owners: dict[str, list[Owner]] | None",
        'os_vol_host_attr_host: str | None = Field(None, alias="os-vol-host-attr:host"',
        'time: int | None = Field(None, alias="__time__"',
        """json_schema_extra={"x-payload": "events"}""",
    ):
        assert line in source


def test_the_openapi_body_is_the_array_itself(forms: Path) -> None:
    """The generator validated the document (openapi-spec-validator); the 200 body is an
    array of WidgetEvent, and the model's schema names the property that holds it."""
    document = _document(forms)
    operation = document["paths"]["/v1/{project_id}/events"]["get"]
    body = operation["responses"]["200"]["content"]["application/json"]["schema"]
    assert body == {
        "type": "array",
        "items": {"$ref": "#/components/schemas/WidgetEvent"},
        "description": "The events, the body itself.",
    }
    schemas = document["components"]["schemas"]
    assert schemas["ListWidgetEventsResponse"]["x-payload"] == "events"
    assert schemas["WidgetEvent"]["properties"]["matrix"] == {
        "type": "array",
        "items": {"type": "array", "items": {"type": "integer", "format": "int32"}},
        "description": "Rows of numbers.",
    }
    assert schemas["WidgetEvent"]["properties"]["owners"]["additionalProperties"] == {
        "type": "array",
        "items": {"$ref": "#/components/schemas/Owner"},
    }
    # the other operation keeps its model as its body
    (listed,) = document["paths"]["/v1/{project_id}/widgets"].values()
    assert listed["responses"]["200"]["content"]["application/json"]["schema"] == {
        "$ref": "#/components/schemas/ListWidgetsResponse"
    }


def test_the_client_decodes_an_array_body(forms: Path) -> None:
    with capture_server(json_reply([EVENT, {"__time__": 2}])) as server, _client(server) as client:
        result = client.list_widget_events()
    assert server.last().path == "/v1/p-1/events"
    assert result.events is not None and len(result.events) == 2
    event = result.events[0]
    assert event.time == 1409529660 and event.os_vol_host_attr_host == "pod01.xxx#SSD"
    assert event.matrix == [[1, 2], [3]] and event.labels == {"env": ["prod", "eu"]}
    assert event.owners is not None and event.owners["admin"][0].id == "u-1"
    assert event.model_extra == {"Key1": "error"}
    assert result.model_dump(by_alias=True, exclude_none=True)["events"][0] == EVENT


def test_the_client_refuses_a_body_of_another_kind(forms: Path) -> None:
    with (
        capture_server(json_reply({"events": [EVENT]})) as server,
        _client(server) as client,
        pytest.raises(DecodeError, match="the body is a JSON object, not an array"),
    ):
        client.list_widget_events()


def test_the_docs_say_the_body_is_the_payload(forms: Path) -> None:
    page = (forms / "huaweicloud" / "demo" / "docs" / "ListWidgetEvents.md").read_text("utf-8")
    assert (
        "| Response | `ListWidgetEventsResponse` (HTTP 200; the body is `events` as a whole) |"
        in page
    )


def test_maps_are_fine_in_xml_bodies_lists_of_lists_are_not(tmp_path: Path) -> None:
    """XML carries a map as an element whose children's names are the keys (decoded by
    sdk_runtime.decoding); it has no names for a list's rows."""
    specs = tmp_path / "specs"
    shutil.copytree(VALID, specs)
    service = specs / "huaweicloud" / "demo" / "service.yaml"
    service.write_text(service.read_text().replace("rest-json", "rest-xml"), encoding="utf-8")
    operation = specs / "huaweicloud" / "demo" / "ListWidgets.yaml"
    maps = """\
      - name: labels
        type: map
        values: {type: array, items: {type: string}}
        documented_type: Map<String,Array of String>
        description: Label values by key.
"""
    marker = "        description: The widget ID.\n"
    operation.write_text(operation.read_text().replace(marker, marker + maps), encoding="utf-8")
    (shape,) = [s for s in load_specs(specs).services[0].shapes if s.name == "Widget"]
    assert [f.type.python() for f in shape.fields] == ["str", "dict[str, list[str]]"]

    text = operation.read_text().replace(
        "{type: array, items: {type: string}}",
        "{type: array, items: {type: array, items: {type: string}}}",
    )
    operation.write_text(text, encoding="utf-8")
    with pytest.raises(SpecError, match="not supported yet: lists of lists in XML bodies"):
        load_specs(specs)
