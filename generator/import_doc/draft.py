"""The page model to a draft operation spec, written with ruamel.yaml.

Whatever the page does not settle is written down anyway and marked with an
``# import-doc: ...`` comment on its line: shape names the page does not give, wire types
(datetime or string, numbers documented as strings), nesting taken from the examples.
"""

from __future__ import annotations

import io
import json
import re
import textwrap
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from defusedxml import ElementTree
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.scalarstring import FoldedScalarString, LiteralScalarString

from generator.import_doc.pages import Page, Row

MARK = "import-doc:"
_SCALARS = {
    "string": "string",
    "str": "string",
    "integer": "integer",
    "int": "integer",
    "long": "long",
    "boolean": "boolean",
    "bool": "boolean",
    "float": "number",
    "double": "number",
    "number": "number",
    "date": "string",
    "timestamp": "long",
}
_ISO = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?Z?$")
_OPTIONAL_PROSE = re.compile(
    r"\b(if (this parameter|it) is (not specified|not set|left empty)|is optional|"
    r"can leave this parameter empty|if you do not specify)",
    re.IGNORECASE,
)
_REQUIRED_PROSE = re.compile(
    r"\b(this parameter is required|must be specified|you must (specify|set) this)", re.IGNORECASE
)
_DEPRECATED_PROSE = re.compile(
    r"\b(scheduled to be removed|is deprecated|no longer supported)", re.IGNORECASE
)
_COMMA_PROSE = re.compile(r"separate (multiple )?[\w ]+ with commas", re.IGNORECASE)
_INDEXED = re.compile(r"^(?P<base>[A-Za-z]\w*)\.(?P<n>\d+|N)\.(?P<field>\w+)$")


@dataclass
class Node:
    """A response element with its children, as the draft nests it."""

    row: Row
    children: list[Node] = field(default_factory=list)
    note: str = ""  # why the nesting is so, when the page does not say it
    repeated: bool = False  # the example shows it as a list
    shown: list[str] = field(default_factory=list)  # children only the examples show


def _vendor(page: Page) -> str:
    words = " ".join([page.title, page.errors_note or "", *(e.text for e in page.examples)])
    if page.format == "rst":
        return "Open Telekom Cloud"
    if re.search(r"huawei|myhuaweicloud|IAM API|X-Auth-Token", words, re.IGNORECASE) or any(
        row.name == "X-Auth-Token" for row in page.parameters
    ):
        return "Huawei Cloud"
    return "Alibaba Cloud"


def _reads(page: Page) -> bool:
    levels = {entry.get("access_level", "").lower() for entry in page.permissions}
    verbs = ("List", "Describe", "Get", "Query")
    return bool(levels & {"list", "get", "read"}) or page.title.split(":")[-1].startswith(verbs)


def _flow(values: list[str]) -> CommentedSeq:
    seq = CommentedSeq(values)
    seq.fa.set_flow_style()
    return seq


def _mark(node: CommentedMap, key: str, text: str, *, replace: bool = False) -> None:
    """An ``# import-doc:`` comment at the line of ``key`` (added to one already there)."""
    item = node.ca.items.get(key)
    token = item[2] if item and len(item) > 2 else None
    old = str(getattr(token, "value", "") or "").strip()
    if old.startswith(f"# {MARK}"):
        if not replace:
            text = f"{old[len(MARK) + 3 :]}; {text}"
        del node.ca.items[key]
    node.yaml_add_eol_comment(f"{MARK} {text}", key)


def _operation(page: Page) -> tuple[str, str | None]:
    tail = page.title.split(":")[-1].strip()
    if re.fullmatch(r"[A-Z][A-Za-z0-9]*", tail):
        return tail, None
    for entry in page.permissions:
        action = entry.get("action", "").split(":")[-1]
        if re.fullmatch(r"[a-z][A-Za-z0-9]*", action):
            return action[0].upper() + action[1:], "named after the permission's action"
    words = re.findall(r"[A-Za-z0-9]+", page.title)
    name = "".join(word[0].upper() + word[1:] for word in words) or "Operation"
    return name, "the page names no operation: named after its title"


def _clean(text: str) -> str:
    text = re.sub(r"\*\*(.+?)\*\*", r"\1", text)
    text = re.sub(r"\[([^\]]+)\]\([^)]*\)", r"\1", text)  # a link the parser left as text
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    joined = " ".join(line[2:] if line.startswith("- ") else line for line in lines)
    return " ".join(joined.split())


def _enum(description: str) -> list[str]:
    """The documented values: bullets ``- value: ...``, or ``value: ...`` lines after
    "Valid values:"; a bullet run on in its cell's first line counts as a line."""
    text = re.sub(r"\s{3,}-\s+", "\n- ", description)
    values = re.findall(r"^-\s+\**([\w.-]+)\**\s*(?::|\(default\)|$)", text, re.MULTILINE)
    after = re.split(r"Valid values?:", text, maxsplit=1)
    if not values and len(after) == 2:
        values = [
            value
            for value in re.findall(r"^\**([\w.-]+)\**:\s", after[1], re.MULTILINE)
            if value not in ("Note", "Notes")
        ]
    match = re.search(r"Value range: (\w+) and (\w+)", text)
    if match and not values:
        values = [match.group(1), match.group(2)]
    return list(dict.fromkeys(values))


def _bullet_default(description: str) -> str | None:
    """The value whose bullet says "This is the default value"."""
    text = re.sub(r"\s{3,}-\s+", "\n- ", description)
    match = re.search(r"^-\s+\**([\w.-]+)\**:[^\n]*This is the default value", text, re.MULTILINE)
    return match.group(1) if match else None


def _typed(values: list[str], wire: str) -> list[Any]:
    return [_example(value, wire) for value in values]


def _constraints(description: str) -> dict[str, int]:
    text = _clean(description)
    found: dict[str, int] = {}
    patterns = {
        "default": r"[Dd]efault value(?: is|:)\s*(\d+)",
        "minimum": r"(?:[Mm]inimum value:\s*|Valid values: )(\d+)(?! to \D)",
        "maximum": r"(?:[Mm]aximum value:\s*|cannot be greater than |Valid values: \d+ to )(\d+)",
    }
    for key, pattern in patterns.items():
        match = re.search(pattern, text)
        if match:
            found[key] = int(match.group(1))
    if "minimum" in found and not re.search(r"[Mm]inimum value|Valid values: \d+ to", text):
        del found["minimum"]
    return found


def _scalar(row: Row, entry: CommentedMap) -> None:
    """type (and its mark) of a scalar row."""
    documented = row.type.strip().lower()
    wire = _SCALARS.get(documented, "string")
    entry["type"] = wire
    example = row.example or ""
    if wire == "string" and (_ISO.match(example) or "ISO 8601" in row.description):
        _mark(entry, "type", "datetime? the page gives String; the example or text is ISO 8601")
    elif wire == "string" and re.fullmatch(r"-?\d+", example) and documented == "string":
        _mark(entry, "type", "documented as string although the example is a number")
    elif documented not in _SCALARS:
        _mark(entry, "type", f"type {row.type!r} read as string")


def _example(value: str, wire: str) -> Any:
    if wire in ("integer", "long") and re.fullmatch(r"-?\d+", value):
        return int(value)
    if wire == "boolean" and value.lower() in ("true", "false"):
        return value.lower() == "true"
    return value


def _parameter(page: Page, row: Row, rpc: bool) -> CommentedMap:
    entry = CommentedMap()
    entry["name"] = row.name
    entry["in"] = _param_location(page, row, rpc)
    _scalar(row, entry)
    entry["documented_type"] = row.type or "String"
    if not row.type:
        _mark(entry, "documented_type", "the page's table gives no type")
    entry["required"] = bool(row.required)
    if row.required is None:
        _mark(entry, "required", "the page's table has no Required column")
    elif row.required and _OPTIONAL_PROSE.search(row.description):
        _mark(entry, "required", "Required says Yes, but the text says it may be left out")
    elif not row.required and _REQUIRED_PROSE.search(row.description):
        _mark(entry, "required", "Required says No, but the text says it must be given")
    if _DEPRECATED_PROSE.search(row.description):
        entry["deprecated"] = True
        _mark(entry, "deprecated", "deprecated in the text only")
    if entry["type"] == "string" and _COMMA_PROSE.search(row.description):
        entry["type"] = "array"
        entry["items"] = CommentedMap(type="string")
        entry["items"].fa.set_flow_style()
        entry["style"] = "comma"
        _mark(entry, "style", "the page types it String and asks for values separated by commas")
    if row.name.lower() in ("x-auth-token", "authorization") and entry["in"] == "header":
        entry["credential"] = True
        _mark(entry, "credential", "filled by the client's signer")
    for key, value in _constraints(row.description).items():
        entry[key] = str(value) if key == "default" and entry["type"] == "string" else value
    values = _enum(row.description)
    default = _bullet_default(row.description)
    if default is not None and "default" not in entry:
        entry["default"] = _example(default, entry["type"])
    if values and entry["type"] != "boolean":
        entry["enum"] = _flow(_typed(values, entry["type"]))
    if row.example:
        entry["example"] = _example(row.example, entry["type"])
    entry["description"] = _clean(row.description) or row.name
    return entry


def _param_location(page: Page, row: Row, rpc: bool) -> str:
    if rpc:
        return "query"
    path = page.path or ""
    if "{" + row.name + "}" in path or row.name in path.strip("/").split("/"):
        return "path"
    label = (page.host or "").split(".")[0]
    if label and label.lower() == row.name.lower() and label != row.name.lower():
        return "host"
    return row.location if row.location in ("query", "header", "path", "body") else "query"


def _fixed_value(row: Row) -> str | None:
    match = re.search(r"(?:must be set to|Set the value to)\s+\**(\w+)\**", row.description)
    if match and row.required and (row.example in (None, match.group(1))):
        return match.group(1)
    return None


def _examples_tree(
    page: Page,
) -> tuple[dict[str, list[tuple[str, ...]]], dict[tuple[str, ...], bool]]:
    """Every element path the page's response examples show, and whether it repeats."""
    paths: dict[str, list[tuple[str, ...]]] = {}
    lists: dict[tuple[str, ...], bool] = {}

    def add(path: tuple[str, ...], repeated: bool) -> None:
        if path not in lists:
            paths.setdefault(path[-1], []).append(path)
        lists[path] = lists.get(path, False) or repeated

    def walk_json(value: Any, path: tuple[str, ...]) -> None:
        if isinstance(value, dict):
            for key, item in value.items():
                add((*path, key), isinstance(item, list))
                walk_json(item, (*path, key))
        elif isinstance(value, list):
            for item in value[:1]:
                walk_json(item, path)

    def walk_xml(element: Any, path: tuple[str, ...]) -> None:
        names = [child.tag for child in element]
        for child in element:
            add((*path, child.tag), names.count(child.tag) > 1)
            walk_xml(child, (*path, child.tag))

    for example in page.examples:
        if example.kind != "response":
            continue
        try:
            if example.format == "json":
                walk_json(json.loads(example.text), ())
            elif example.format == "xml":
                root = ElementTree.fromstring(example.text.strip().encode())
                walk_xml(root, ())
        except (ValueError, ElementTree.ParseError):
            continue
    return paths, lists


def _nest(page: Page) -> tuple[list[Node], str | None, str]:
    """(top-level nodes, xml root, a note on how the nesting was read)."""
    rows = page.response
    by_anchor = {sub.anchor: sub for sub in page.subtables if sub.anchor}
    by_title = {sub.title: sub for sub in page.subtables}
    if any(row.parent is not None for row in rows):  # OSS: "Parent nodes"
        nodes = {row.name: Node(row) for row in rows}
        top: list[Node] = []
        root = None
        for row in rows:
            if row.parent == "":
                root = row.name
            elif row.parent == root or row.parent not in nodes:
                top.append(nodes[row.name])
            else:
                nodes[row.parent].children.append(nodes[row.name])
        _, lists = _examples_tree(page)
        for node in nodes.values():
            node.repeated = any(lists.get(p, False) and p[-1] == node.row.name for p in lists)
        return top, root, ""
    if page.subtables:  # GA sub-tables by type name, EVS sub-tables by anchor

        def children(row: Row, seen: tuple[str, ...]) -> list[Node]:
            sub = None
            for ref in row.refs:
                sub = by_anchor.get(ref) or sub
            match = re.match(r"^(?:Array of )?(\w+)(?: objects?)?$", row.type)
            if sub is None and match:
                sub = by_title.get(match.group(1))
            if sub is None or sub.title in seen:
                return []
            out: list[Node] = []
            names: set[str] = set()
            for child in sub.rows:
                if child.name in names:
                    continue
                names.add(child.name)
                out.append(Node(child, children(child, (*seen, sub.title))))
            return out

        return [Node(row, children(row, ())) for row in rows], None, ""
    # a flat table: the examples say where each element goes
    paths, lists = _examples_tree(page)
    top = []
    placed: dict[tuple[str, ...], Node] = {}
    previous: tuple[str, ...] = ()
    previous_container = False
    note = ""
    for row in rows:
        candidates = paths.get(row.name) or [
            p for name, ps in paths.items() if name.lower() == row.name.lower() for p in ps
        ]
        context = previous if previous_container else previous[:-1]
        node = Node(row)
        if not candidates:
            path = (*context, row.name)
            node.note = "the examples do not show it: placed beside the row before it"
        else:
            path = max(candidates, key=lambda candidate: _closeness(candidate, context))
            if path[-1] != row.name:
                node.note = f"the examples spell it {path[-1]}"
            node.repeated = lists.get(path, False)
        parent = placed.get(path[:-1])
        (parent.children if parent else top).append(node)
        placed[path] = node
        previous = path
        previous_container = row.marker or _container(row.type) is not None
        if not paths:
            note = "the examples cannot be read: the nesting is the table's, not settled"
    for path, node in placed.items():
        if not node.children:
            node.shown = [p[-1] for p in lists if p[:-1] == path]
    return top, None, note


def _decodes(text: str, fmt: str) -> bool:
    try:
        if fmt == "json":
            json.loads(text)
        elif fmt == "xml":
            ElementTree.fromstring(text.strip().encode())
    except (ValueError, ElementTree.ParseError):
        return False
    return True


def _closeness(path: tuple[str, ...], context: tuple[str, ...]) -> tuple[int, int]:
    """How well an example path fits where the table is: the shared prefix, then shallow."""
    common = 0
    for a, b in zip(path[:-1], context, strict=False):
        if a != b:
            break
        common += 1
    return common, -len(path)


def _container(documented: str) -> str | None:
    lowered = documented.strip().lower()
    if lowered.startswith(("array", "list")) or lowered.endswith("objects"):
        return "array"
    if lowered.startswith("map<"):
        return "map"
    if lowered in ("object", "container") or lowered.endswith(" object"):
        return "object"
    return None


def _shape_name(node: Node) -> tuple[str, str | None]:
    match = re.match(r"^(?:Array of |array<)?(?::ref:)?\s*(\w+)", node.row.type)
    named = match.group(1) if match else ""
    if named and named[0].isupper() and named.lower() not in ("object", "objects", "list"):
        return named, None
    base = node.row.name
    stem = "".join(part[0].upper() + part[1:] for part in re.split(r"[^A-Za-z0-9]+", base) if part)
    if _container(node.row.type) == "array" and stem.endswith("s"):
        stem = stem[:-1]
    if stem.endswith(("Error", "ErrorBody")):
        stem += "Detail"
    return stem or "Item", "the page does not name this object: the name is the draft's"


def _json_kinds(page: Page) -> dict[str, set[str]]:
    """The JSON kinds (string, number, boolean) each element name has in the examples."""
    kinds: dict[str, set[str]] = {}

    def walk(value: Any) -> None:
        if isinstance(value, dict):
            for key, item in value.items():
                if isinstance(item, bool):
                    kinds.setdefault(key, set()).add("boolean")
                elif isinstance(item, (int, float)):
                    kinds.setdefault(key, set()).add("number")
                elif isinstance(item, str):
                    kinds.setdefault(key, set()).add("string")
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)

    for example in page.examples:
        if example.kind == "response" and example.format == "json":
            try:
                walk(json.loads(example.text))
            except ValueError:
                continue
    return kinds


_KINDS = {
    "string": "string",
    "integer": "number",
    "long": "number",
    "number": "number",
    "boolean": "boolean",
    "datetime": "string",
}


class _Shapes:
    def __init__(self, kinds: dict[str, set[str]] | None = None) -> None:
        self.shapes = CommentedMap()
        self.kinds = kinds or {}

    def contradiction(self, row: Row, entry: CommentedMap) -> None:
        """Mark a table type that the JSON example contradicts."""
        shown = self.kinds.get(row.name, set())
        want = _KINDS.get(str(entry["type"]))
        if want and shown and want not in shown:
            _mark(
                entry,
                "type",
                f"the table says {row.type}, the JSON example shows a {'/'.join(sorted(shown))}",
                replace=True,
            )

    def field(self, node: Node, top: bool) -> CommentedMap:
        row = node.row
        entry = CommentedMap()
        entry["name"] = row.name
        kind = _container(row.type)
        if row.marker:
            kind = "object"
        if node.children and kind is None:
            kind = "object"
        if node.repeated and kind in (None, "object") and node.children:
            kind = "array"
        wrapper = (
            kind == "array"
            and len(node.children) == 1
            and node.children[0].row.marker
            and node.children[0].children
        )
        if kind == "map":
            entry["type"] = "map"
            values = re.match(r"map<\s*string\s*,\s*(\w+)\s*>", row.type.lower())
            entry["values"] = CommentedMap(
                type=_SCALARS.get(values.group(1) if values else "", "string")
            )
            if values and values.group(1) not in _SCALARS:
                _mark(entry, "values", f"{row.type}: values read as string")
        elif kind is None:
            _scalar(row, entry)
            self.contradiction(row, entry)
        elif node.children or wrapper:
            name, why = _shape_name(node)
            if wrapper:  # "Array of X" whose example wraps the list: <List><X>...</X></List>
                entry["type"] = "object"
                entry["shape"] = row.name[0].upper() + row.name[1:]
                _mark(entry, "shape", "the examples wrap the list in this element")
                inner = node.children[0]
                inner.row.type = row.type
                inner.repeated = True
                self.add(entry["shape"], [inner], row)
            elif kind == "array":
                entry["type"] = "array"
                entry["items"] = CommentedMap(shape=name)
                entry["items"].fa.set_flow_style()
                if why:
                    _mark(entry, "items", why)
                self.add(name, node.children, row)
            else:
                entry["type"] = "object"
                entry["shape"] = name
                if why:
                    _mark(entry, "shape", why)
                self.add(name, node.children, row)
        elif kind == "array" and len(node.shown) == 1:
            # "List" that the examples wrap: <AvailableRegions><AvailableRegion>cn-…
            entry["type"] = "object"
            entry["shape"] = row.name[0].upper() + row.name[1:]
            _mark(entry, "shape", f"the examples wrap the list in {node.shown[0]}")
            element = CommentedMap()
            element["name"] = node.shown[0]
            element["type"] = "array"
            element["items"] = CommentedMap(type="string")
            element["items"].fa.set_flow_style()
            _mark(element, "items", "only the examples show this element: strings?")
            element["documented_type"] = row.type
            element["description"] = _clean(row.description) or row.name
            shape = CommentedMap()
            shape["description"] = element["description"]
            shape["fields"] = CommentedSeq([element])
            self.shapes[entry["shape"]] = shape
        elif kind == "array":
            entry["type"] = "array"
            entry["items"] = CommentedMap(type="string")
            entry["items"].fa.set_flow_style()
            _mark(entry, "items", f"{row.type}: the page does not say what the items are")
        else:
            entry["type"] = "map"
            entry["values"] = CommentedMap(type="string")
            _mark(entry, "type", f"{row.type} without fields: read as a map of strings")
        entry["documented_type"] = row.type or "(none)"
        if not row.type:
            _mark(entry, "documented_type", "a row that only names a structure")
        if row.location == "header":
            entry["location"] = "header"
        documented_values = _enum(row.description)
        if documented_values and entry["type"] != "boolean":
            entry["enum"] = _flow(_typed(documented_values, str(entry["type"])))
        if row.example and entry["type"] not in ("array", "object", "map"):
            entry["example"] = _example(row.example, entry["type"])
        entry["description"] = _clean(row.description) or row.name
        if node.note:
            _mark(entry, "name", node.note)
        return entry

    def add(self, name: str, children: list[Node], owner: Row) -> None:
        shape = CommentedMap()
        shape["description"] = _clean(owner.description) or owner.name
        seq = CommentedSeq()
        seen: set[str] = set()
        for child in children:
            if child.row.name in seen:
                continue
            seen.add(child.row.name)
            seq.append(self.field(child, False))
        shape["fields"] = seq
        self.shapes[name] = shape


def draft(
    page: Page, document: str, protocol: str | None = None, vendor: str | None = None
) -> tuple[str, CommentedMap]:
    """The draft spec's YAML text (and its tree) for a page stored as ``document``.

    ``protocol`` is the service file's (rpc, rest-xml, rest-json) when there is one; without
    it, a page with an ``Action`` parameter and no request line is taken for RPC.
    """
    spec = CommentedMap()
    name, why = _operation(page)
    spec["operation"] = name
    if why:
        _mark(spec, "operation", why)
    spec["summary"] = page.summary or page.title
    source = CommentedMap()
    source["title"] = page.title
    source["vendor"] = vendor or _vendor(page)
    if vendor is None:
        _mark(source, "vendor", "guessed from the page; the service file says it")
    source["url"] = None
    source["document"] = document
    source["last_updated"] = date.fromisoformat(page.last_updated) if page.last_updated else None
    if page.last_updated is None:
        _mark(source, "last_updated", "the page shows no last-updated date")
    spec["source"] = source
    permissions = CommentedSeq(CommentedMap(entry) for entry in page.permissions)
    if not permissions:  # "RAM users ... require the oss:ListResourcePools permission"
        for note in page.notes:
            named = re.search(r"require[sd]? the ([a-z][\w-]*:[A-Za-z]\w*) permission", note)
            if named:
                entry = CommentedMap(action=named.group(1), note=note)
                _mark(entry, "action", "named in the page's text, not in a permission table")
                permissions.append(entry)
    spec["permissions"] = permissions
    spec["limits"] = CommentedSeq(page.limits)
    if page.notes:
        spec["notes"] = CommentedSeq(page.notes)
    if protocol is None:
        rpc = page.method is None and (
            any(row.name == "Action" for row in page.parameters) or _vendor(page) == "Alibaba Cloud"
        )
    else:
        rpc = protocol == "rpc"
    request = CommentedMap()
    fixed = CommentedSeq()
    params = CommentedSeq()
    shapes = _Shapes(_json_kinds(page))
    if rpc:
        request["action"] = name
        request["idempotent"] = page.method is None and _reads(page)
        _mark(request, "idempotent", "safe to repeat? judged from the permission's access level")
    else:
        request["method"] = page.method or "GET"
        path = page.path or "/"
        for row in page.parameters:
            segments = path.split("/")
            if row.name in segments:
                path = "/".join("{" + row.name + "}" if s == row.name else s for s in segments)
        request["path"] = path
        if page.method is None:
            _mark(request, "method", "the page shows no request line")
        label = (page.host or "").split(".")[0]
        for row in page.parameters:
            if label and label.lower() == row.name.lower() and label != row.name.lower():
                request["host_prefix"] = "{" + row.name + "}."
                _mark(request, "host_prefix", f"Host: {page.host}")
    for flag in page.query_flags:
        if not any(row.name == flag for row in page.parameters):
            fixed.append(CommentedMap(name=flag, **{"in": "query"}, value=""))
    indexed: dict[str, list[Row]] = {}
    for row in page.parameters:
        match = _INDEXED.match(row.name)
        value = _fixed_value(row)
        if row.name == "Action" and rpc:
            fixed.append(
                CommentedMap(
                    name="Action",
                    **{"in": "query"},
                    value=name,
                    documented_type=row.type,
                    description=_clean(row.description),
                )
            )
        elif value is not None:
            entry = CommentedMap(
                name=row.name,
                **{"in": _param_location(page, row, rpc)},
                value=value,
                documented_type=row.type,
                description=_clean(row.description),
            )
            _mark(entry, "value", f"the page says it must be {value}: a fixed value")
            fixed.append(entry)
        elif match:
            base = match.group("base")
            if base not in indexed:
                indexed[base] = []
                entry = CommentedMap()
                entry["name"] = base
                entry["in"] = "query"
                entry["type"] = "array"
                entry["items"] = CommentedMap(shape=base)
                entry["items"].fa.set_flow_style()
                entry["style"] = "repeat-list"
                _mark(entry, "style", f"the page lists {row.name}, ...: one list of {base}")
                entry["documented_type"] = row.type
                entry["required"] = bool(row.required)
                entry["description"] = f"{base}.N: " + _clean(row.description)
                params.append(entry)
            indexed[base].append(row)
        else:
            params.append(_parameter(page, row, rpc))
    for base, rows in indexed.items():
        fields: dict[str, Row] = {}
        for row in rows:
            match = _INDEXED.match(row.name)
            assert match is not None
            key = match.group("field")
            fields.setdefault(key, Row(key, row.type, row.description, example=row.example))
            set_to = re.search(r"Set the value to \**(\w+)\**", row.description)
            if set_to and f"- {set_to.group(1)}:" not in fields[key].description:
                fields[key].description += f"\n- {set_to.group(1)}: (Set the value to)"
        shapes.add(base, [Node(row) for row in fields.values()], Row(base, "", base))
    spec["request"] = request
    if fixed:
        spec["fixed_parameters"] = fixed
    spec["parameters"] = params
    response = CommentedMap()
    if page.status:
        response["status"] = page.status
    top, root, note = _nest(page)
    if root:
        response["xml_root"] = root
    else:
        xml = [e for e in page.examples if e.kind == "response" and e.format == "xml"]
        if xml:
            match = re.search(r"<([A-Za-z]\w*)[ >]", re.sub(r"<\?.*?\?>", "", xml[0].text))
            if match:
                response["xml_root"] = match.group(1)
    fields_seq = CommentedSeq()
    for row in page.response_headers:
        fields_seq.append(shapes.field(Node(row), True))
    for node in top:
        fields_seq.append(shapes.field(node, True))
    response["fields"] = fields_seq
    if note:
        _mark(response, "fields", note)
    spec["response"] = response
    if shapes.shapes:
        spec["shapes"] = shapes.shapes
    errors = CommentedSeq()
    for error in page.errors:
        entry = CommentedMap()
        if error.status is not None:
            entry["status"] = error.status
        entry["code"] = error.code
        entry["message"] = _clean(error.message)
        if error.description:
            entry["description"] = _clean(error.description)
        errors.append(entry)
    spec["errors"] = errors
    if page.errors_note:
        spec["errors_note"] = (
            re.sub(r"\]\([^)]*\)", "]", page.errors_note).replace("[", "").replace("]", "")
        )
    spec["pagination"] = None
    _mark(spec, "pagination", "paging is for a person to settle from the parameters")
    examples = CommentedSeq()
    for example in page.examples:
        entry = CommentedMap()
        entry["title"] = example.title
        entry["kind"] = example.kind
        entry["format"] = example.format
        readable = _decodes(example.text, example.format)
        if example.status:
            entry["status"] = example.status
        if not readable:  # shown and checked against the page, never decoded
            entry["format"] = "text"
            _mark(entry, "format", f"the page's {example.format} does not parse: kept as text")
            entry["text"] = LiteralScalarString((example.headers or "") + example.text)
        else:
            if example.headers:
                entry["headers"] = LiteralScalarString(example.headers)
            entry["text"] = LiteralScalarString(example.text)
        examples.append(entry)
    spec["examples"] = examples
    return dump(spec, fold=True), spec


def yaml() -> YAML:
    """The ruamel.yaml instance import-doc reads and writes specs with."""
    handler = YAML()
    handler.indent(mapping=2, sequence=4, offset=2)
    handler.width = 100
    handler.preserve_quotes = True
    handler.representer.add_representer(type(None), _null)
    return handler


def _null(representer: Any, _: None) -> Any:
    """``null`` written out, as the hand-written specs write it (ruamel leaves it empty)."""
    return representer.represent_scalar("tag:yaml.org,2002:null", "null")


def folded(text: str, indent: int) -> FoldedScalarString:
    """``text`` as a ``>-`` block wrapped to fit 100 columns at ``indent``."""
    lines = textwrap.wrap(text, width=max(40, 100 - indent), break_on_hyphens=False)
    block: FoldedScalarString = FoldedScalarString(" ".join(lines))
    positions, at = [], 0
    for line in lines[:-1]:  # ruamel folds at these positions (spaces in the text)
        at += len(line)
        positions.append(at)
        at += 1
    block.fold_pos = positions  # type: ignore[attr-defined]  # ruamel sets it at runtime
    return block


def _fold_long(node: Any, indent: int) -> None:
    """Long one-line prose of a fresh draft as ``>-`` blocks, as the hand-written specs."""
    if isinstance(node, CommentedMap):
        for key, value in node.items():
            width = indent + len(str(key)) + 2
            if (
                type(value) is str
                and width + len(value) > 100
                and "\n" not in value
                and "  " not in value
                and value == value.strip()
            ):
                node[key] = folded(value, indent + 2)
            else:
                _fold_long(value, indent + 2)
    elif isinstance(node, CommentedSeq):
        for index, value in enumerate(node):
            if type(value) is str and indent + 4 + len(value) > 100 and "\n" not in value:
                node[index] = folded(value, indent + 4)
            else:
                _fold_long(value, indent + 4)


def dump(spec: CommentedMap, *, fold: bool = False) -> str:
    """The YAML text of a spec; ``fold``: long prose as ``>-`` blocks (fresh drafts only)."""
    if fold:
        _fold_long(spec, 0)
    stream = io.StringIO()
    yaml().dump(spec, stream)
    return stream.getvalue()
