"""A list parameter, by spec alone: a typed ``list[...]`` keyword whose values go on the wire
in the style the page documents (comma, repeated keys, numbered keys, JSON)."""

from __future__ import annotations

import importlib
import json
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from generator.cli import main

VALID = Path(__file__).resolve().parent / "fixtures" / "valid" / "specs"
LISTS = """\
  - name: id
    in: query
    type: array
    items: {type: string}
    style: repeat
    documented_type: Array of strings
    required: false
    description: Widget IDs, sent as id=a&id=b.
  - name: status
    in: query
    type: array
    items: {type: string}
    style: comma
    documented_type: String
    required: false
    description: Statuses, comma-separated.
  - name: Tag
    in: query
    type: array
    items: {type: string}
    style: repeat-list
    documented_type: RepeatList
    required: false
    description: Tags, sent as Tag.1=a&Tag.2=b.
  - name: Sizes
    in: query
    type: array
    items: {type: integer}
    style: json
    documented_type: String (a JSON array)
    required: false
    description: Sizes, as a JSON array in one value.
"""


@pytest.fixture
def styled(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    specs = tmp_path / "specs"
    shutil.copytree(VALID, specs)
    operation = specs / "huaweicloud" / "demo" / "ListWidgets.yaml"
    text = operation.read_text(encoding="utf-8")
    marker = "    description: The ID of the last widget on the previous page.\n"
    operation.write_text(text.replace(marker, marker + LISTS, 1), encoding="utf-8")
    assert main(["generate", f"--specs={specs}", f"--out={tmp_path / 'styled'}"]) == 0
    monkeypatch.syspath_prepend(str(tmp_path))
    yield tmp_path / "styled"
    for name in [m for m in sys.modules if m.split(".")[0] == "styled"]:
        del sys.modules[name]


def test_list_parameters_are_typed_keywords(styled: Path) -> None:
    source = (styled / "huaweicloud" / "demo" / "client.py").read_text(encoding="utf-8")
    for keyword in ("id: list[str] | None", "status: list[str] | None", "tag: list[str] | None"):
        assert keyword in source
    assert "sizes: list[int] | None" in source


def test_each_style_goes_on_the_wire_as_documented(styled: Path) -> None:
    demo = importlib.import_module("styled.huaweicloud.demo.client")
    client = demo.DemoClient(auth_token="token", project_id="p-1")
    request = client._pipeline.prepare(
        demo.LIST_WIDGETS,
        {
            "project_id": "p-1",
            "id": ["w-1", "w-2"],
            "status": ["on", "off"],
            "Tag": ["red", "blue"],
            "Sizes": [1, 2],
        },
    )
    assert request.query == [
        ("id", "w-1"),
        ("id", "w-2"),
        ("status", "on,off"),
        ("Tag.1", "red"),
        ("Tag.2", "blue"),
        ("Sizes", "[1,2]"),
    ]
    client.close()


def test_the_openapi_document_states_each_style(styled: Path) -> None:
    document = json.loads((styled / "huaweicloud" / "demo" / "openapi.json").read_text())
    (operation,) = document["paths"]["/v1/{project_id}/widgets"].values()
    by_name = {p["name"]: p for p in operation["parameters"]}
    assert (by_name["id"]["style"], by_name["id"]["explode"]) == ("form", True)
    assert (by_name["status"]["style"], by_name["status"]["explode"]) == ("form", False)
    assert by_name["Tag"]["x-wire-style"] == "repeat-list" and "style" not in by_name["Tag"]
    assert by_name["Sizes"]["x-wire-style"] == "json"
