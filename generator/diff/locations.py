"""Where a finding is in the spec files of each side: ``specs/.../ListBuckets.yaml:42``.

A finding's path (``ListBuckets.parameters.PageSize.maximum``) names model items; this module
walks the same names through the parsed YAML of the operation's (or service's) spec file, list
items by their name, response and shape fields through their shapes, and reports the line of
the deepest key it reaches: for an added item, the old side's line is that of its list.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from generator.loader import JsonPath, SpecFile
from generator.model import SpecSet

_KEYS = ("name", "code", "action", "title")  # how list items are named in spec files


@dataclass(frozen=True, order=True)
class Location:
    """A spec file (as the model names it) and a line in it (None when it was not read)."""

    file: str
    line: int | None = None

    def __str__(self) -> str:
        return self.file if self.line is None else f"{self.file}:{self.line}"

    def to_json(self) -> dict[str, Any]:
        return {"file": self.file, "line": self.line}


def locate(
    service: str,
    operation: str | None,
    path: str,
    specs: SpecSet,
    files: Mapping[str, SpecFile],
) -> Location | None:
    """The location of a finding's path on one side; None where the side lacks its service
    or operation (added or removed)."""
    found = next((s for s in specs.services if f"{s.provider}/{s.service}" == service), None)
    if found is None:
        return None
    if operation is None:
        spec_file, names = found.spec_file, path.split(".")[1:]
    else:
        op = next((o for o in found.operations if o.name == operation), None)
        if op is None:
            return None
        spec_file, names = op.spec_file, path.split(".")[1:]
    loaded = files.get(spec_file)
    if loaded is None:
        return Location(spec_file)
    return Location(spec_file, loaded.line_of(json_path(loaded.data, names)))


def json_path(data: Any, names: Sequence[str]) -> JsonPath:
    """The deepest path into ``data`` that the finding's ``names`` reach."""
    where: JsonPath = ()
    node = data
    for raw_name in names:
        name = raw_name.removesuffix("[]").removesuffix("{}")
        step = _step(data, node, name)
        if step is None:
            break
        where, node = (*where, *step[0]) if step[1] else step[0], step[2]
    return where


def _step(data: Any, node: Any, name: str) -> tuple[JsonPath, bool, Any] | None:
    """(path, relative?, child) for ``name`` under ``node``; None if it is not there."""
    if isinstance(node, dict):
        if name in node:
            return (name,), True, node[name]
        if isinstance(node.get("fields"), list):  # a response or a shape: its fields
            found = _item(node["fields"], name)
            if found is not None:
                return ("fields", found[0]), True, found[1]
        shape = _shape_of(node)
        shapes = data.get("shapes") if isinstance(data, dict) else None
        if shape and isinstance(shapes, dict) and isinstance(shapes.get(shape), dict):
            fields = shapes[shape].get("fields")
            found = _item(fields, name) if isinstance(fields, list) else None
            if found is not None:  # a field of the shape a field holds: absolute
                return ("shapes", shape, "fields", found[0]), False, found[1]
        return None
    if isinstance(node, list):
        found = _item(node, name)
        if found is not None:
            return (found[0],), True, found[1]
    return None


def _item(items: list[Any], name: str) -> tuple[int, Any] | None:
    for index, item in enumerate(items):
        if isinstance(item, dict) and any(item.get(key) == name for key in _KEYS):
            return index, item
    return None


def _shape_of(field: dict[str, Any]) -> str | None:
    """The shape a field (or its items, or its values) is of."""
    for holder in (field, field.get("items"), field.get("values")):
        if isinstance(holder, dict) and isinstance(holder.get("shape"), str):
            return str(holder["shape"])
        if isinstance(holder, dict) and holder is not field and _shape_of(holder):
            return _shape_of(holder)
    return None
