"""Update mode: a newer copy of a page already imported, applied to its spec as a delta.

Both copies of the page are drafted; only what differs between the two drafts is written
into the existing spec, in place (ruamel.yaml round trip), so that everything a person
decided (shape names, type overrides, comments, entries the page does not list) stays.
Entries are matched by wire name, through the spec's own shape names.
"""

from __future__ import annotations

import copy
import io
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.scalarstring import FoldedScalarString

from generator.import_doc import read
from generator.import_doc.draft import MARK, draft, dump, folded, yaml

_NESTED = ("shape", "items", "values")
_TOP = ("summary", "description")
_SOURCE = ("title", "last_updated")
_CONSTRAINTS = ("default", "minimum", "maximum")


@dataclass
class Update:
    """What an update did: the delta applied, what it could not apply, and the lints."""

    applied: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    lints: list[str] = field(default_factory=list)
    api_changes: int = 0


def _shape_of(entry: Any) -> str | None:
    for key in _NESTED:
        value = entry.get(key)
        if key == "shape" and isinstance(value, str):
            return value
        if isinstance(value, dict) and isinstance(value.get("shape"), str):
            return str(value["shape"])
    return None


def _fields(spec: Any, shape: str | None) -> Any:
    shapes = spec.get("shapes") or {}
    if shape is None or shape not in shapes:
        return None
    return shapes[shape].get("fields")


class _Applier:
    def __init__(self, spec: CommentedMap, old: CommentedMap, new: CommentedMap) -> None:
        self.spec, self.old, self.new = spec, old, new
        self.result = Update()

    def entries(self, where: str, mine: Any, old: Any, new: Any, api: bool = True) -> None:
        """Apply the old→new difference of one list of named entries to ``mine``."""
        old_by = {str(e["name"]): e for e in old or []}
        new_by = {str(e["name"]): e for e in new or []}
        if mine is None:
            if old_by.keys() != new_by.keys():
                self.result.skipped.append(f"{where}: the spec has no such list")
            return
        mine_by = {str(e["name"]): e for e in mine}
        for name in old_by.keys() - new_by.keys():
            if name in mine_by:
                mine.remove(mine_by[name])
                self.note(f"{where}.{name}: removed", api)
        names = [str(e["name"]) for e in new or []]
        for position, name in enumerate(names):
            if name in old_by:
                continue
            if name in mine_by:
                self.result.skipped.append(f"{where}.{name}: already in the spec")
                continue
            entry = copy.deepcopy(new_by[name])
            before = [n for n in names[:position] if n in mine_by]
            at = mine.index(mine_by[before[-1]]) + 1 if before else 0
            mine.insert(at, entry)
            mine_by[name] = entry
            self.copy_shapes(entry)
            self.note(f"{where}.{name}: added", api)
        for name in old_by.keys() & new_by.keys():
            if name not in mine_by:
                if dump_entry(old_by[name]) != dump_entry(new_by[name]):
                    self.result.skipped.append(
                        f"{where}.{name}: changed on the page, but the spec has no such entry"
                    )
                continue
            self.entry(f"{where}.{name}", mine_by[name], old_by[name], new_by[name], api)

    def entry(self, where: str, mine: Any, old: Any, new: Any, api: bool) -> None:
        for key in list(dict.fromkeys([*old.keys(), *new.keys()])):
            if key in _NESTED or key == "name":
                continue
            before, after = old.get(key), new.get(key)
            if before == after:
                continue
            if key in new:
                mine[key] = _styled(mine.get(key), copy.deepcopy(after), where.count(".") * 6 + 6)
            elif key in mine:
                del mine[key]
            if key == "description":
                self.note(f"{where}.description: changed", False)
            else:
                self.note(f"{where}.{key}: {before!r} -> {after!r}", api)
        self.entries(
            where,
            _fields(self.spec, _shape_of(mine)),
            _fields(self.old, _shape_of(old)),
            _fields(self.new, _shape_of(new)),
            api,
        )

    def copy_shapes(self, entry: Any) -> None:
        """A new entry's shapes (the draft's, marked) go into the spec when it lacks them."""
        shape = _shape_of(entry)
        new_shapes = self.new.get("shapes") or {}
        if shape is None or shape not in new_shapes:
            return
        shapes = self.spec.setdefault("shapes", CommentedMap())
        if shape not in shapes:
            shapes[shape] = copy.deepcopy(new_shapes[shape])
            for child in shapes[shape].get("fields") or []:
                self.copy_shapes(child)

    def note(self, text: str, api: bool) -> None:
        self.result.applied.append(text)
        self.result.api_changes += api

    def errors(self) -> None:
        def by_code(spec: Any) -> dict[str, Any]:
            return {str(e["code"]): e for e in spec.get("errors") or []}

        old, new = by_code(self.old), by_code(self.new)
        mine_list = self.spec.setdefault("errors", CommentedSeq())
        mine = by_code(self.spec)
        for code in old.keys() - new.keys():
            if code in mine:
                mine_list.remove(mine[code])
                self.note(f"errors.{code}: removed", True)
        codes = [str(e["code"]) for e in self.new.get("errors") or []]
        for position, code in enumerate(codes):
            if code in old or code in mine:
                continue
            before = [c for c in codes[:position] if c in mine]
            at = mine_list.index(mine[before[-1]]) + 1 if before else 0
            entry = copy.deepcopy(new[code])
            mine_list.insert(at, entry)
            mine[code] = entry
            self.note(f"errors.{code}: added", True)
        for code in old.keys() & new.keys() & mine.keys():
            for key in ("status", "message", "description"):
                if old[code].get(key) != new[code].get(key):
                    if key in new[code]:
                        mine[code][key] = new[code][key]
                    else:
                        mine[code].pop(key, None)
                    self.note(f"errors.{code}.{key}: changed", key == "status")

    def scalars(self) -> None:
        for key in _TOP:
            if self.old.get(key) != self.new.get(key) and key in self.new:
                self.spec[key] = self.new[key]
                self.note(f"{key}: changed", False)
        source, old, new = self.spec["source"], self.old["source"], self.new["source"]
        for key in _SOURCE:
            if old.get(key) != new.get(key):
                source[key] = new.get(key)
                self.note(f"source.{key}: {old.get(key)} -> {new.get(key)}", False)

    def examples(self) -> None:
        old = self.old.get("examples") or []
        new = self.new.get("examples") or []
        mine = self.spec.get("examples") or []
        if len(old) != len(new):
            if [str(e["text"]) for e in old] != [str(e["text"]) for e in new]:
                self.result.skipped.append("examples: added or removed on the page")
            return
        for index, (before, after) in enumerate(zip(old, new, strict=True)):
            if str(before["text"]) == str(after["text"]):
                continue
            match = [e for e in mine if str(e["text"]).strip() == str(before["text"]).strip()]
            if match:
                match[0]["text"] = after["text"]
                self.note(f"examples[{index}].text: changed", False)
            else:
                self.result.skipped.append(f"examples[{index}]: the spec's copy differs")


def _styled(before: Any, after: Any, indent: int) -> Any:
    """A new text in the style of the one it replaces: a folded ``>-`` block stays one."""
    if isinstance(before, FoldedScalarString) and isinstance(after, str):
        return folded(" ".join(after.split()), indent)
    return after


def dump_entry(entry: Any) -> str:
    stream = io.StringIO()
    yaml().dump(entry, stream)
    return stream.getvalue()


def update(spec_path: Path, page_path: Path, protocol: str | None, vendor: str | None) -> Update:
    """Apply what changed between the stored snapshot and ``page_path`` to ``spec_path``.

    Writes the spec (only if something changed) and the new snapshot; PageError names a
    section of either page that cannot be read.
    """
    spec = yaml().load(spec_path.read_text(encoding="utf-8"))
    document = str((spec.get("source") or {}).get("document") or f"{spec_path.stem}.page.txt")
    snapshot = spec_path.parent / document
    old_page = read(snapshot.read_text(encoding="utf-8"))
    new_text = page_path.read_text(encoding="utf-8")
    new_page = read(new_text)
    _, old = draft(old_page, document, protocol, vendor)
    _, new = draft(new_page, document, protocol, vendor)
    applier = _Applier(spec, old, new)
    applier.scalars()
    applier.entries(
        "fixed_parameters",
        spec.get("fixed_parameters"),
        old.get("fixed_parameters"),
        new.get("fixed_parameters"),
    )
    applier.entries(
        "parameters", spec.get("parameters"), old.get("parameters"), new.get("parameters")
    )
    applier.entries(
        "response.fields",
        (spec.get("response") or {}).get("fields"),
        old["response"]["fields"],
        new["response"]["fields"],
    )
    applier.errors()
    applier.examples()
    result = applier.result
    if result.api_changes and old_page.last_updated == new_page.last_updated:
        shown = new_page.last_updated or "none"
        result.lints.append(
            f"the page's API changed ({result.api_changes} finding(s)) but its last-updated "
            f"date did not ({shown})"
        )
    result.lints.extend(_number_lints(spec, new))
    if result.applied:
        spec_path.write_text(dump(spec), encoding="utf-8")
    if snapshot.read_text(encoding="utf-8") != new_text:
        snapshot.write_text(new_text, encoding="utf-8")
    return result


def _number_lints(spec: Any, new: Any) -> list[str]:
    """Numbers the page's prose states that disagree with the spec's constraints."""
    lints: list[str] = []
    mine = {str(e["name"]): e for e in spec.get("parameters") or []}
    for entry in new.get("parameters") or []:
        have = mine.get(str(entry["name"]))
        if have is None:
            continue
        for key in _CONSTRAINTS:
            if key in entry and key in have and str(have[key]) != str(entry[key]):
                lints.append(
                    f"parameters.{entry['name']}.{key}: the page's text says {entry[key]}, "
                    f"the spec has {have.get(key)}"
                )
    return lints


__all__ = ["MARK", "Update", "update"]
