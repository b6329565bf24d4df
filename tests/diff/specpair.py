"""Old/new spec trees for diff tests: copies of the seed specs, edited as YAML data.

Edits go through ``yaml.safe_load``/``safe_dump``, which rewrites every file it touches
(key order, quoting, line breaks): a diff that looked at YAML text would see noise there.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import yaml

from generator.diff import Finding, diff_specs
from generator.model import SpecSet
from generator.normalize import load_specs

PROJECT = Path(__file__).resolve().parents[2]
SPECS = PROJECT / "specs"

Mutation = Callable[[Any], None]  # changes one parsed YAML document in place
Edit = Callable[[Path], None]  # changes one side's spec tree (its specs/ folder)
Key = str | int


def _child(node: Any, key: Key) -> Any:
    """A dict by key; a list by index, or by the item whose name/code/action is ``key``."""
    if isinstance(node, list):
        if isinstance(key, int):
            return node[key]
        for item in node:
            names = (item.get("name"), item.get("code"), item.get("action"))
            if isinstance(item, dict) and key in names:
                return item
        raise KeyError(key)
    return node[key]


def setp(path: Sequence[Key], value: Any) -> Mutation:
    """Set the value at ``path`` (creating the last key)."""

    def apply(data: Any) -> None:
        *parents, last = path
        node = data
        for key in parents:
            node = _child(node, key)
        if isinstance(node, list):
            node[node.index(_child(node, last))] = value
        else:
            node[last] = value

    return apply


def delp(path: Sequence[Key]) -> Mutation:
    """Delete the key or list item at ``path``."""

    def apply(data: Any) -> None:
        *parents, last = path
        node = data
        for key in parents:
            node = _child(node, key)
        if isinstance(node, list):
            node.remove(_child(node, last))
        else:
            del node[last]

    return apply


def append(path: Sequence[Key], value: Any) -> Mutation:
    """Append ``value`` to the list at ``path``."""

    def apply(data: Any) -> None:
        node = data
        for key in path:
            node = _child(node, key)
        node.append(value)

    return apply


_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_Dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


def rewrite(path: Path, *mutations: Mutation) -> None:
    data = yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader)  # noqa: S506 - safe loader
    for mutate in mutations:
        mutate(data)
    text = yaml.dump(data, Dumper=_Dumper, sort_keys=False, allow_unicode=True)
    path.write_text(text, encoding="utf-8")


_LOADED: dict[tuple[tuple[str, bytes], ...], SpecSet] = {}


def load_cached(root: Path) -> SpecSet:
    """``load_specs``, memoized on the tree's exact content (many cases share a side)."""
    files = root.rglob("*.yaml")
    key = tuple(sorted((p.relative_to(root).as_posix(), p.read_bytes()) for p in files))
    if key not in _LOADED:
        _LOADED[key] = load_specs(root)
    return _LOADED[key]


def doc(file: str, *mutations: Mutation) -> Edit:
    """Edit ``file`` (``alibabacloud/ens/ListBuckets.yaml``) of one side."""
    return lambda root: rewrite(root / file, *mutations)


def copy(source: str, target: str, *mutations: Mutation) -> Edit:
    """A new spec file made from another, then edited."""

    def apply(root: Path) -> None:
        shutil.copyfile(root / source, root / target)
        rewrite(root / target, *mutations)

    return apply


SEED_OPERATIONS = {
    "alibabacloud/cloudsso": "ListDirectories",
    "alibabacloud/ens": "ListBuckets",
    "alibabacloud/oss": "ListResourcePools",
    "huaweicloud/ga": "ListByoipPools",
}
"""The seed service folders and the one operation of each that the diff tests edit."""


def copy_seed(service: str, specs: Path) -> None:
    """Copy seed ``service`` (``alibabacloud/ens``) from specs/ into the spec tree ``specs``:
    its service file, its seed operation and that operation's stored page, and nothing else
    the folder may hold (other pages of the service are not the tests' business)."""
    source, target = SPECS / service, specs / service
    operation = f"{SEED_OPERATIONS[service]}.yaml"
    target.mkdir(parents=True)
    for name in ("service.yaml", operation):
        shutil.copyfile(source / name, target / name)
    data = yaml.load((source / operation).read_text(encoding="utf-8"), Loader=_Loader)  # noqa: S506
    document = data["source"].get("document")
    if document:
        (target / document).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source / document, target / document)


class SpecPair:
    """``old/specs`` and ``new/specs`` under ``root``, each a copy of some seed services
    (:func:`copy_seed`: the seed operation of each, whatever else specs/ holds)."""

    def __init__(self, root: Path, services: Sequence[str]) -> None:
        self.old = root / "old" / "specs"
        self.new = root / "new" / "specs"
        for side in (self.old, self.new):
            for service in services:
                copy_seed(service, side)

    def edit(self, *edits: Edit, side: str = "new") -> SpecPair:
        for apply in edits:
            apply(self.old if side == "old" else self.new)
        return self

    def findings(self) -> list[Finding]:
        return diff_specs(load_cached(self.old), load_cached(self.new))


def service_of(file: str) -> str:
    """``alibabacloud/ens/ListBuckets.yaml`` -> ``alibabacloud/ens``."""
    return "/".join(file.split("/")[:2])


# -- the realistic edit: the ENS ListBuckets page was updated ------------------------------

ENS_FILE = "alibabacloud/ens/ListBuckets.yaml"
OLD_PAGE_SIZE_TEXT = "The maximum number of returned buckets. The value cannot be greater than 100."
NEW_PAGE_SIZE_TEXT = "The maximum number of returned buckets. The value cannot be greater than 50."

ENS_BEFORE = doc(
    ENS_FILE,
    setp(("source", "last_updated"), "2026-03-27"),
    setp(("parameters", "PageSize", "maximum"), 100),
    setp(("parameters", "PageSize", "description"), OLD_PAGE_SIZE_TEXT),
)
"""Pins the values the page update changes, whatever the seed spec says today."""

ENS_PAGE_UPDATE = doc(
    ENS_FILE,
    setp(("source", "last_updated"), "2026-06-04"),
    setp(("parameters", "PageSize", "maximum"), 50),
    setp(("parameters", "PageSize", "description"), NEW_PAGE_SIZE_TEXT),
    append(
        ("parameters",),
        {
            "name": "EnsRegionId",
            "in": "query",
            "type": "string",
            "documented_type": "string",
            "required": False,
            "example": "cn-dalian-unicom",
            "description": "The ID of the edge region whose buckets are listed.",
        },
    ),
    append(
        ("errors",),
        {"status": 400, "code": "InvalidPageSize", "message": "The specified PageSize is invalid."},
    ),
    append(
        ("response", "fields"),
        {
            "name": "PageSize",
            "type": "integer",
            "documented_type": "integer",
            "example": 10,
            "description": "The number of entries per page.",
        },
    ),
)
"""PageSize maximum 100 -> 50 (and its text), a new optional parameter, a new error code, a
new response field, and the page's "last updated" date bumped."""
