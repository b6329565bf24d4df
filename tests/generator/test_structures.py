"""Request parameters that are structures, by spec alone: a shape (or a list or map of one)
becomes one typed keyword taking the model or its generated TypedDict; the runtime sends
it flattened (``Tag.1.Key``), as JSON in one value, or nested in the JSON body, with the
wire names; OpenAPI and the docs describe it, deprecated spellings included."""

from __future__ import annotations

import importlib
import json
import shutil
import subprocess
import sys
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from generator.cli import main
from generator.errors import SpecError
from generator.normalize import load_specs

PROJECT = Path(__file__).resolve().parents[2]
VALID = Path(__file__).resolve().parent / "fixtures" / "valid" / "specs"
CREATE_WIDGET = """\
operation: CreateWidget
summary: Creates a widget.
source:
  title: Creating a Widget
  vendor: Huawei Cloud
  url: null
  last_updated: null
request:
  method: POST
  path: /v1/{project_id}/widgets
parameters:
  - name: project_id
    in: path
    type: string
    documented_type: String
    required: true
    description: The project ID.
  - name: Tag
    in: query
    type: array
    items: {shape: Tag}
    style: repeat-list
    documented_type: RepeatList
    required: false
    description: Tags, sent as Tag.N.Key and Tag.N.Value.
  - name: TagFilter
    in: query
    type: array
    items: {shape: TagFilter}
    style: repeat-list
    documented_type: RepeatList
    required: false
    description: Tag filters, sent as TagFilter.N.TagKey and TagFilter.N.TagValues.N.
  - name: Selector
    in: query
    type: object
    shape: Settings
    style: json
    documented_type: String (JSON)
    required: false
    description: A selector, as JSON in one value.
  - name: name
    in: body
    type: string
    documented_type: String
    required: true
    description: The widget name.
  - name: settings
    in: body
    type: object
    shape: Settings
    documented_type: Settings object
    required: true
    description: The widget settings.
  - name: tags
    in: body
    type: array
    items: {shape: Tag}
    documented_type: Array of Tag objects
    required: false
    description: The widget tags.
  - name: metadata
    in: body
    type: map
    values: {type: string}
    documented_type: Map<String,String>
    required: false
    description: Free-form metadata.
response:
  fields:
    - name: id
      type: string
      documented_type: String
      description: The ID of the new widget.
shapes:
  Tag:
    fields:
      - name: Key
        deprecated_names: [key]
        type: string
        documented_type: String
        description: The tag key.
      - name: Value
        deprecated_names: [value]
        type: string
        documented_type: String
        description: The tag value.
  TagFilter:
    fields:
      - name: TagKey
        type: string
        documented_type: String
        description: The tag key.
      - name: TagValues
        type: array
        items: {type: string}
        documented_type: Array of strings
        description: The tag values.
  Settings:
    fields:
      - name: color
        type: string
        required: true
        documented_type: String
        description: The colour.
      - name: labels
        type: array
        items: {shape: Tag}
        documented_type: Array of Tag objects
        description: Labels.
      - name: limits
        type: map
        values: {type: integer}
        documented_type: Map<String,Integer>
        description: Limits by name.
      - name: created
        type: datetime
        documented_type: String
        description: When the settings were made.
errors: []
"""


def _tree(tmp_path: Path, extra: str = CREATE_WIDGET) -> Path:
    specs = tmp_path / "specs"
    shutil.copytree(VALID, specs)
    (specs / "huaweicloud" / "demo" / "CreateWidget.yaml").write_text(extra, encoding="utf-8")
    return specs


@pytest.fixture
def structured(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    specs = _tree(tmp_path)
    assert main(["generate", f"--specs={specs}", f"--out={tmp_path / 'structured'}"]) == 0
    monkeypatch.syspath_prepend(str(tmp_path))
    yield tmp_path / "structured"
    for name in [m for m in sys.modules if m.split(".")[0] == "structured"]:
        del sys.modules[name]


def test_structures_are_typed_keywords_taking_the_model_or_its_typed_dict(
    structured: Path,
) -> None:
    source = (structured / "huaweicloud" / "demo" / "client.py").read_text(encoding="utf-8")
    for keyword in (
        "tag: Sequence[Tag | TagDict] | None = None",
        "tag_filter: Sequence[TagFilter | TagFilterDict] | None = None",
        "selector: Settings | SettingsDict | None = None",
        "settings: Settings | SettingsDict,",
        "tags: Sequence[Tag | TagDict] | None = None",
        "metadata: dict[str, str] | None = None",
    ):
        assert keyword in source
    assert "class SettingsDict(TypedDict, total=False):" in source
    assert "    color: Required[str]\n    labels: Sequence[Tag | TagDict]\n" in source
    assert "    limits: dict[str, int]\n    created: datetime\n" in source
    package = importlib.import_module("structured.huaweicloud.demo")
    assert {"TagDict", "TagFilterDict", "SettingsDict", "Tag"} <= set(package.__all__)


def test_each_structure_goes_on_the_wire_with_wire_names(structured: Path) -> None:
    demo = importlib.import_module("structured.huaweicloud.demo.client")
    models = importlib.import_module("structured.huaweicloud.demo.models")
    created = datetime(2025, 1, 2, 3, 4, 5, tzinfo=UTC)
    with demo.DemoClient(auth_token="token", project_id="p-1") as client:
        request = client._pipeline.prepare(
            demo.CREATE_WIDGET,
            {
                "Tag": [models.Tag(key="env", value="prod"), {"key": "team"}],
                "TagFilter": [{"tag_key": "owner", "tag_values": ["a", "b"]}],
                "Selector": {"color": "red"},
                "name": "w",
                "settings": {
                    "color": "blue",
                    "labels": [{"key": "k", "value": "v"}],
                    "limits": {"size": 3},
                    "created": created,
                },
                "tags": [models.Tag(key="t")],
                "metadata": {"a": "b"},
            },
        )
    assert request.path == "/v1/p-1/widgets"
    assert request.query == [
        ("Tag.1.Key", "env"),
        ("Tag.1.Value", "prod"),
        ("Tag.2.Key", "team"),
        ("TagFilter.1.TagKey", "owner"),
        ("TagFilter.1.TagValues.1", "a"),
        ("TagFilter.1.TagValues.2", "b"),
        ("Selector", '{"color":"red"}'),
    ]
    assert json.loads(request.body) == {
        "name": "w",
        "settings": {
            "color": "blue",
            "labels": [{"Key": "k", "Value": "v"}],
            "limits": {"size": 3},
            "created": "2025-01-02T03:04:05Z",
        },
        "tags": [{"Key": "t"}],
        "metadata": {"a": "b"},
    }


def test_an_unknown_key_is_refused_before_sending(structured: Path) -> None:
    demo = importlib.import_module("structured.huaweicloud.demo.client")
    with demo.DemoClient(auth_token="token", project_id="p-1") as client:
        with pytest.raises(ValueError, match=r"settings\.labels\[0\]: unknown key 'Key' for Tag"):
            client.create_widget(name="w", settings={"color": "c", "labels": [{"Key": "k"}]})
        with pytest.raises(TypeError, match=r"tag: expected a list of Tag, got dict"):
            client.create_widget(name="w", settings={"color": "c"}, tag={"key": "k"})


def test_openapi_describes_structured_parameters_and_the_json_body(structured: Path) -> None:
    document = json.loads((structured / "huaweicloud" / "demo" / "openapi.json").read_text())
    operation = document["paths"]["/v1/{project_id}/widgets"]["post"]
    by_name = {p["name"]: p for p in operation["parameters"]}
    assert set(by_name) == {"project_id", "Tag", "TagFilter", "Selector"}
    assert by_name["Tag"]["schema"] == {
        "type": "array",
        "items": {"$ref": "#/components/schemas/Tag"},
    }
    assert by_name["Tag"]["x-wire-style"] == "repeat-list"
    assert by_name["Selector"]["schema"] == {"$ref": "#/components/schemas/Settings"}
    assert by_name["Selector"]["x-wire-style"] == "json"
    body = operation["requestBody"]["content"]["application/json"]["schema"]
    assert body["required"] == ["name", "settings"]
    assert body["properties"]["settings"]["$ref"] == "#/components/schemas/Settings"
    assert body["properties"]["tags"]["items"] == {"$ref": "#/components/schemas/Tag"}
    assert body["properties"]["metadata"]["additionalProperties"] == {"type": "string"}
    tag = document["components"]["schemas"]["Tag"]["properties"]
    assert tag["Key"]["x-deprecated-names"] == ["key"]


def test_the_docs_show_the_dict_form_and_the_deprecated_spellings(structured: Path) -> None:
    doc = (structured / "huaweicloud" / "demo" / "docs" / "CreateWidget.md").read_text()
    assert "### `Tag` (request)" in doc and "`TagDict`" in doc
    assert "Also documented as `key` (deprecated; the client sends `Key`)." in doc
    assert "`Sequence[Tag \\| TagDict]`" in doc  # a table cell: the pipe escaped


def test_the_structured_client_passes_mypy_strict_and_refuses_unknown_keys(
    structured: Path,
) -> None:
    usage = structured.parent / "usage.py"
    usage.write_text(
        "from structured.huaweicloud.demo import DemoClient, Tag, TagDict\n\n\n"
        "def good(client: DemoClient, tags: list[Tag]) -> None:\n"
        "    client.create_widget(\n"
        '        name="w", settings={"color": "c", "labels": tags}, tag=[{"key": "k"}]\n'
        "    )\n"
        '    mixed: list[Tag | TagDict] = [Tag(key="k"), {"value": "v"}]\n'
        '    client.create_widget(name="w", settings={"color": "c"}, tags=mixed)\n\n\n'
        "def bad(client: DemoClient) -> None:\n"
        '    client.create_widget(name="w", settings={"colour": "c"})\n',
        encoding="utf-8",
    )
    command = [
        sys.executable,
        "-m",
        "mypy",
        "--strict",
        "--config-file",
        str(PROJECT / "pyproject.toml"),
        "--cache-dir",
        str(PROJECT / ".mypy_cache" / "structures-test"),
        "usage.py",
        "structured",
        str(PROJECT / "sdk_runtime"),
    ]
    result = subprocess.run(
        command, cwd=structured.parent, capture_output=True, text=True, timeout=300
    )
    errors = [line for line in result.stdout.splitlines() if ": error:" in line]
    # only bad(): a key SettingsDict does not have (and without its required "color")
    assert len(errors) == 1 and errors[0].startswith("usage.py:13:"), result.stdout
    assert 'Argument "settings"' in errors[0]


def _issues(tmp_path: Path, spec: str) -> list[str]:
    with pytest.raises(SpecError) as caught:
        load_specs(_tree(tmp_path, spec))
    return [issue.message for issue in caught.value.issues]


def test_a_shape_named_like_a_typed_dict_clashes(tmp_path: Path) -> None:
    spec = CREATE_WIDGET.replace("  TagFilter:\n", "  TagDict:\n").replace(
        "shape: TagFilter}", "shape: TagDict}"
    )
    assert _issues(tmp_path, spec) == ["shape name 'TagDict' clashes with a generated class"]


def test_a_model_dumped_from_a_response_round_trips(structured: Path) -> None:
    """A decoded item (aliases filled from wire names) is sent back as it came."""
    demo = importlib.import_module("structured.huaweicloud.demo.client")
    models = importlib.import_module("structured.huaweicloud.demo.models")
    decoded: Any = models.Tag.model_validate({"Key": "k", "Value": "v"})
    with demo.DemoClient(auth_token="token", project_id="p-1") as client:
        # the structure alone (checked=True: the other keywords' checks are not the point)
        request = client._pipeline.prepare(demo.CREATE_WIDGET, {"Tag": [decoded]}, True)
    assert request.query == [("Tag.1.Key", "k"), ("Tag.1.Value", "v")]
