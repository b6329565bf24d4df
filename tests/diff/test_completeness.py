"""Completeness (issue 16 item 3): any spec edit that changes a byte of the generated code or
docs yields at least one finding. Hypothesis edits one value of a seed or fixture spec at a
time (derandomized, a dozen examples: a few seconds)."""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.diff import diff_specs
from generator.errors import SpecError
from generator.normalize import load_specs
from generator.pipeline import build_tree
from tests.diff.specpair import PROJECT

TEMPLATES = PROJECT / "templates"
TREES = {
    "fixture": (PROJECT / "tests/generator/fixtures/valid/specs", "huaweicloud/demo"),
    "seed": (PROJECT / "specs", "alibabacloud/ens"),
}
Leaf = tuple[str, str, tuple[Any, ...], Any]  # tree, file, path in it, value


def _leaves(node: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[tuple[Any, ...], Any]]:
    if isinstance(node, dict):
        for key, value in node.items():
            yield from _leaves(value, (*path, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _leaves(value, (*path, index))
    else:
        yield path, node


@cache
def _all_leaves() -> tuple[Leaf, ...]:
    found: list[Leaf] = []
    for tree, (root, service) in TREES.items():
        for spec in sorted((root / service).glob("*.yaml")):
            data = yaml.safe_load(spec.read_text(encoding="utf-8"))
            found += [(tree, spec.name, path, value) for path, value in _leaves(data)]
    return tuple(found)


def _changed(value: Any) -> Any:
    """Another value of the same kind."""
    if isinstance(value, bool):
        return not value
    if isinstance(value, int | float):
        return value + 1
    if isinstance(value, str):
        return value + "x" if value else "x"
    return "x"


@cache
def _built(tree: str) -> tuple[Any, dict[str, bytes]]:
    root, service = TREES[tree]
    with tempfile.TemporaryDirectory() as tmp:
        specs = Path(tmp, "specs")
        shutil.copytree(root / service, specs / service)
        return load_specs(specs, read_pages=False), build_tree(specs, TEMPLATES).files


@settings(
    derandomize=True,
    max_examples=12,
    deadline=None,
    suppress_health_check=[HealthCheck.filter_too_much, HealthCheck.too_slow],
)
@given(st.sampled_from(_all_leaves()))
def test_a_change_to_the_generated_files_is_a_finding(leaf: Leaf) -> None:
    tree, name, path, value = leaf
    root, service = TREES[tree]
    old_model, old_files = _built(tree)
    with tempfile.TemporaryDirectory() as tmp:
        specs = Path(tmp, "specs")
        shutil.copytree(root / service, specs / service)
        spec = specs / service / name
        data = yaml.safe_load(spec.read_text(encoding="utf-8"))
        node = data
        for key in path[:-1]:
            node = node[key]
        node[path[-1]] = _changed(value)
        spec.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
        try:
            new_files = build_tree(specs, TEMPLATES).files
            new_model = load_specs(specs, read_pages=False)
        except SpecError:
            return  # the edit made the spec invalid: nothing is generated
    if new_files != old_files:
        changed = sorted(
            k for k in old_files.keys() | new_files.keys() if old_files.get(k) != new_files.get(k)
        )
        assert diff_specs(old_model, new_model), f"{name} {path}: {changed} changed, no finding"
