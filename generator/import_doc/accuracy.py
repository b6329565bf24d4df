"""How far a draft reproduces a hand-written spec: the round-trip measure of import-doc.

Both specs are flattened into entries keyed by their wire-name path (parameters, and
response fields through their shapes: shape names are human names and not part of the key).
Names, locations, required flags and nesting must match, except where the draft marked the
entry (or the list holding it) with ``# import-doc:``; types, constraints, errors and
examples are counted.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from typing import Any

from ruamel.yaml.comments import CommentedMap

from generator.import_doc.draft import MARK, yaml


@dataclass
class Entry:
    kind: str  # param | field
    path: tuple[str, ...]
    location: str
    required: str
    type: str
    constraints: tuple[tuple[str, str], ...]
    marks: frozenset[str] = frozenset()  # keys of the entry whose line the draft marked
    container_marked: bool = False

    @property
    def marked(self) -> bool:
        """Its name, location, required flag or wire form is marked as not settled."""
        return bool(self.marks & _SETTLES)

    @property
    def nesting_marked(self) -> bool:
        """What it holds (shape, items, type) is marked as not settled."""
        return bool(self.marks & _NESTS)


_SETTLES = frozenset({"name", "in", "required", "value", "style", "location"})
_NESTS = frozenset({"name", "shape", "items", "values", "type", "style"})


@dataclass
class Score:
    """The per-page counts of the round-trip test."""

    strict_total: int = 0
    strict_ok: int = 0
    marked: int = 0
    types_ok: int = 0
    types_total: int = 0
    constraints_ok: int = 0
    constraints_total: int = 0
    errors_ok: int = 0
    errors_total: int = 0
    examples_ok: int = 0
    examples_total: int = 0
    off_page: int = 0  # hand entries whose name the page never mentions
    failures: list[str] = field(default_factory=list)
    kinds: dict[str, list[int]] = field(default_factory=dict)  # kind: [matched, marked, all]

    def count(self, kind: str, column: int) -> None:
        self.kinds.setdefault(kind, [0, 0, 0])[column] += 1


def _has_mark(node: Any, key: Any) -> bool:
    if not isinstance(node, CommentedMap):
        return False
    item = node.ca.items.get(key)
    return bool(item) and any(
        token is not None and MARK in getattr(token, "value", "")
        for token in (item if isinstance(item, list) else [item])
        if not isinstance(token, list)
    )


def _marks(entry: Any) -> frozenset[str]:
    if not isinstance(entry, CommentedMap):
        return frozenset()
    return frozenset(str(key) for key in entry if _has_mark(entry, key))


def flatten(spec: Any) -> dict[tuple[str, str], Entry]:
    """Every parameter and response field of a spec, by kind and wire-name path."""
    shapes = spec.get("shapes") or {}
    out: dict[tuple[str, str], Entry] = {}

    def constraints(entry: Any) -> tuple[tuple[str, str], ...]:
        keys = ("default", "minimum", "maximum", "enum")
        return tuple(
            (key, str(sorted(map(str, entry[key])) if key == "enum" else entry[key]))
            for key in keys
            if key in entry
        )

    def walk(
        kind: str, entries: Any, prefix: tuple[str, ...], holder_marked: bool, seen: tuple[str, ...]
    ) -> None:
        for entry in entries or []:
            path = (*prefix, str(entry["name"]))
            location = str(entry.get("in", entry.get("location", "body")))
            required = "fixed" if "value" in entry else str(bool(entry.get("required", False)))
            out[(kind, ".".join(path))] = Entry(
                kind,
                path,
                location,
                required,
                str(entry.get("type", "fixed")),
                constraints(entry),
                _marks(entry),
                holder_marked,
            )
            shape = (
                entry.get("shape")
                or (entry.get("items") or {}).get("shape")
                or (entry.get("values") or {}).get("shape")
            )
            if shape and shape in shapes and shape not in seen:
                fields = shapes[shape]
                holder = _has_mark(fields, "fields") or bool(_marks(entry) & _NESTS)
                walk(kind, fields.get("fields"), path, holder, (*seen, shape))

    walk("param", spec.get("fixed_parameters"), (), False, ())
    walk("param", spec.get("parameters"), (), False, ())
    response = spec.get("response") or {}
    walk("field", response.get("fields"), (), _has_mark(response, "fields"), ())
    return out


def compare(hand_text: str, draft_text: str, page_text: str) -> Score:
    """Score a draft (YAML text with its marks) against the hand-written spec."""
    hand = yaml().load(io.StringIO(hand_text))
    drafted = yaml().load(io.StringIO(draft_text))
    mine = flatten(hand)
    theirs = flatten(drafted)
    by_leaf: dict[tuple[str, str], list[Entry]] = {}
    for entry in theirs.values():
        by_leaf.setdefault((entry.kind, entry.path[-1]), []).append(entry)
    score = Score()
    for key, want in mine.items():
        got = theirs.get(key)
        if got is None and want.path[-1] not in page_text:
            score.off_page += 1
            continue
        score.strict_total += 1
        score.count(want.kind, 2)
        if got is not None and (got.location, got.required) == (want.location, want.required):
            score.strict_ok += 1
            score.count(want.kind, 0)
        elif (
            got is not None
            and got.marked
            or got is None
            and (
                any(
                    e.marked or e.container_marked
                    for e in by_leaf.get((want.kind, want.path[-1]), [])
                )
                or any(
                    theirs.get((want.kind, ".".join(want.path[:n])), None) is not None
                    and theirs[(want.kind, ".".join(want.path[:n]))].nesting_marked
                    for n in range(1, len(want.path))
                )
                or _list_marked(drafted, want)
            )
        ):
            score.marked += 1
            score.count(want.kind, 1)
        else:
            detail = "missing" if got is None else f"{got.location}/{got.required}"
            score.failures.append(
                f"{key[0]} {key[1]}: want {want.location}/{want.required}, got {detail}"
            )
        if got is not None:
            score.types_total += 1
            score.types_ok += got.type == want.type
            if want.constraints:
                score.constraints_total += 1
                score.constraints_ok += got.constraints == want.constraints
    for key, got in theirs.items():
        if key not in mine and not (got.marked or got.container_marked):
            score.strict_total += 1
            score.count(got.kind, 2)
            score.failures.append(f"{key[0]} {key[1]}: not in the hand-written spec")
    hand_errors = {(e.get("status"), e["code"]) for e in hand.get("errors") or []}
    draft_errors = {(e.get("status"), e["code"]) for e in drafted.get("errors") or []}
    score.errors_total = len(hand_errors)
    score.errors_ok = len(hand_errors & draft_errors)
    hand_examples = {str(e["text"]).strip() for e in hand.get("examples") or []}
    draft_examples = {str(e["text"]).strip() for e in drafted.get("examples") or []}
    score.examples_total = len(hand_examples)
    score.examples_ok = len(hand_examples & draft_examples)
    return score


def row(name: str, score: Score) -> str:
    """One line of the accuracy table (a Markdown row)."""
    params = score.kinds.get("param", [0, 0, 0])
    fields = score.kinds.get("field", [0, 0, 0])
    return (
        f"| {name} | {params[0]}+{params[1]}m/{params[2]} | {fields[0]}+{fields[1]}m/{fields[2]}"
        f" | {score.types_ok}/{score.types_total} | {score.constraints_ok}/"
        f"{score.constraints_total} | {score.errors_ok}/{score.errors_total} | "
        f"{score.examples_ok}/{score.examples_total} |"
    )


HEADER = (
    "| page | parameters (matched+marked/all) | fields, nested | types | constraints | errors "
    "| examples |\n|---|---|---|---|---|---|---|"
)


def _list_marked(drafted: Any, want: Entry) -> bool:
    """The draft marked the response's list of fields as not settled."""
    response = drafted.get("response") or {}
    return want.kind == "field" and _has_mark(response, "fields")
