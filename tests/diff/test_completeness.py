"""Completeness (issue 16 item 3): any spec edit that changes a byte of the generated code or
docs (outside the changelog and the snapshot) yields at least one finding.

Hypothesis picks a service of the seed specs (a copy of ``specs/`` made by the test: whatever
services it holds today) or of the generator's valid fixture, one of its spec files, one node
in it and one edit of that node: another value of the same kind, a value of another type,
deleting a mapping key (an optional key, or the spec becomes invalid and the edit is skipped),
deleting, duplicating or swapping list items. CI runs a fixed, derandomized handful of examples (a
few seconds); ``COMPLETENESS_EXAMPLES=2000`` runs more locally.
"""

from __future__ import annotations

import copy
import os
import shutil
import tempfile
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.diff import diff_specs
from generator.errors import SpecError
from generator.normalize import load_specs
from generator.pipeline import build_tree
from tests.diff.specpair import PROJECT

TEMPLATES = PROJECT / "templates"
SOURCES = {
    "seed": PROJECT / "specs",
    "fixture": PROJECT / "tests/generator/fixtures/valid/specs",
}
EXAMPLES = int(os.environ.get("COMPLETENESS_EXAMPLES", "16"))
EDITS = ("change", "retype", "delete", "duplicate", "swap")
Path_ = tuple[Any, ...]


def _nodes(node: Any, path: Path_ = ()) -> Iterator[Path_]:
    """The path of every node below the document's root."""
    if isinstance(node, dict | list):
        for key, value in node.items() if isinstance(node, dict) else enumerate(node):
            yield (*path, key)
            yield from _nodes(value, (*path, key))


def _changed(value: Any) -> Any:
    """Another value of the same kind."""
    if isinstance(value, bool):
        return not value
    if isinstance(value, int | float):
        return value + 1
    if isinstance(value, str):
        return value + "x" if value else "x"
    if isinstance(value, list):
        return [*value, copy.deepcopy(value[-1])] if value else ["x"]
    if isinstance(value, dict):
        return {**value, "x": "x"}
    return "x"  # None


def _retyped(value: Any) -> Any:
    """A value of another type (what a careless edit of the YAML could write)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return str(value)
    if isinstance(value, str):
        return int(value) if value.isdigit() else [value]
    if isinstance(value, list | dict):
        return "x"
    return 0  # None


def _edit(data: Any, path: Path_, how: str) -> bool:
    """Apply edit ``how`` at ``path`` in place; False where it does not apply to the node."""
    parent = data
    for key in path[:-1]:
        parent = parent[key]
    last = path[-1]
    if how == "change":
        parent[last] = _changed(parent[last])
    elif how == "retype":
        parent[last] = _retyped(parent[last])
    elif how == "delete":
        del parent[last]
    elif not isinstance(parent, list):  # duplicate and swap are for list items
        return False
    elif how == "duplicate":
        parent.insert(last, copy.deepcopy(parent[last]))
    elif last + 1 < len(parent) and parent[last] != parent[last + 1]:  # swap with the next
        parent[last], parent[last + 1] = parent[last + 1], parent[last]
    else:
        return False
    return True


def _applicable(data: Any, path: Path_) -> list[str]:
    """The edits that change the node at ``path``."""
    return [how for how in EDITS if _edit(copy.deepcopy(data), path, how)]


def _services(root: Path) -> list[Path]:
    return sorted(p.parent for p in root.rglob("service.yaml"))


@pytest.fixture(scope="module")
def trees(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The test's own copies of the seed specs and of the fixture specs."""
    copies = {}
    for name, source in SOURCES.items():
        target = tmp_path_factory.mktemp(name) / "specs"
        shutil.copytree(source, target)
        copies[name] = target
    assert _services(copies["seed"]), "specs/ holds no service"
    return copies


@cache
def _built(service_dir: Path) -> tuple[Any, dict[str, bytes]]:
    """The model and the generated files of one service alone."""
    with tempfile.TemporaryDirectory() as tmp:
        specs = _alone(service_dir, Path(tmp))
        return load_specs(specs, read_pages=False), _generated(specs)


def _alone(service_dir: Path, tmp: Path) -> Path:
    """A spec tree holding only ``service_dir`` (``<tree>/<provider>/<service>``)."""
    specs = tmp / "specs"
    shutil.copytree(service_dir, specs / service_dir.parent.name / service_dir.name)
    return specs


def _generated(specs: Path) -> dict[str, bytes]:
    files = build_tree(specs, TEMPLATES).files
    return {k: v for k, v in files.items() if "CHANGELOG" not in k and "snapshot" not in k}


@settings(
    derandomize=True,
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[
        HealthCheck.filter_too_much,
        HealthCheck.too_slow,
        HealthCheck.function_scoped_fixture,
    ],
)
@given(st.data())
def test_a_change_to_the_generated_files_is_a_finding(
    trees: dict[str, Path], data: st.DataObject
) -> None:
    tree = data.draw(st.sampled_from(sorted(trees)), label="tree")
    service_dir = data.draw(st.sampled_from(_services(trees[tree])), label="service")
    name = data.draw(st.sampled_from(sorted(p.name for p in service_dir.glob("*.yaml"))))
    document = yaml.safe_load((service_dir / name).read_text(encoding="utf-8"))
    path = data.draw(st.sampled_from(list(_nodes(document))), label="node")
    how = data.draw(st.sampled_from(_applicable(document, path)), label="edit")
    _edit(document, path, how)
    old_model, old_files = _built(service_dir)
    with tempfile.TemporaryDirectory() as tmp:
        specs = _alone(service_dir, Path(tmp))
        spec = specs / service_dir.parent.name / service_dir.name / name
        spec.write_text(yaml.safe_dump(document, sort_keys=False), encoding="utf-8")
        try:
            new_files = _generated(specs)
            new_model = load_specs(specs, read_pages=False)
        except SpecError:
            return  # the edit made the spec invalid: nothing is generated
    if new_files != old_files:
        changed = sorted(
            k for k in old_files.keys() | new_files.keys() if old_files.get(k) != new_files.get(k)
        )
        assert diff_specs(old_model, new_model), (
            f"{tree} {service_dir.name}/{name} {how} {path}: {changed} changed, no finding"
        )


def test_the_edits_apply() -> None:
    """Each edit changes the document where it applies; duplicate applies to list items."""
    for how in EDITS:
        document = {"a": [1, {"b": "c"}], "d": None, "e": True}
        for path in list(_nodes(document)):
            edited = copy.deepcopy(document)
            applied = _edit(edited, path, how)
            in_list = isinstance(path[-1], int)
            expected = in_list if how == "duplicate" else how != "swap" or path == ("a", 0)
            assert applied == expected, (how, path)
            assert not applied or edited != document, (how, path)
