"""How one parameter value travels in a query string (or header): its style, as the page says.

``plain``        a scalar: ``Name=v``
``comma``        a list, comma-joined: ``Name=a,b``
``repeat``       a list as repeated keys (REST): ``Name=a&Name=b``
``repeat-list``  a list as numbered keys, 1-based (Alibaba Cloud RPC): ``Name.1=a&Name.2=b``;
                 a list of structures (already in wire names, see ``sdk_runtime.structures``)
                 flattened the same way, recursively: ``Tag.1.Key=k&TagFilter.1.TagValues.2=v``
``flat``         a structure (an object or a map, in wire names) flattened as Alibaba Cloud
                 RPC does: ``SystemDisk.Category=cloud_ssd&SystemDisk.Size=40``, its lists
                 numbered as in ``repeat-list``
``json``         a list (or any value) JSON-encoded into one value: ``Name=["a","b"]``

RPC form bodies use the same styles (see ``sdk_runtime.protocols``).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from datetime import datetime

STYLES = ("plain", "comma", "repeat", "repeat-list", "flat", "json")


def wire_value(value: object) -> str:
    """How one scalar travels as text; a list of scalars comma-joined."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, datetime):
        return value.isoformat().replace("+00:00", "Z")
    if isinstance(value, (list, tuple)):
        return ",".join(wire_value(v) for v in value)
    return str(value)


def _json_default(value: object) -> object:
    if isinstance(value, datetime):
        return wire_value(value)
    raise TypeError(f"{type(value).__name__} is not JSON serializable")


def _items(value: object) -> list[object] | tuple[object, ...]:
    if isinstance(value, (list, tuple)):
        return value
    return [value]  # one value where a list is documented: a list of one


Text = Callable[[object], str]  # how a protocol writes one scalar (default: wire_value)
Pairs = list[tuple[str, str]]


def _plain(name: str, value: object, text: Text) -> Pairs:
    return [(name, text(value))]


def _comma(name: str, value: object, text: Text) -> Pairs:
    return [(name, ",".join(text(v) for v in _items(value)))]


def _repeat(name: str, value: object, text: Text) -> Pairs:
    return [(name, text(v)) for v in _items(value)]


def _repeat_list(name: str, value: object, text: Text) -> Pairs:
    pairs: Pairs = []
    for i, item in enumerate(_items(value), 1):
        _flatten(f"{name}.{i}", item, pairs, text)
    return pairs


def _flat(name: str, value: object, text: Text) -> Pairs:
    pairs: Pairs = []
    _flatten(name, value, pairs, text)
    return pairs


def _flatten(key: str, value: object, out: Pairs, text: Text) -> None:
    """Alibaba Cloud's query flattening (tea-openapi ``Utils.query``): a dict adds ``.Field``,
    a list ``.N`` (1-based), down to the scalars; None is left out."""
    if value is None:
        return
    if isinstance(value, Mapping):
        for field, item in value.items():
            _flatten(f"{key}.{field}", item, out, text)
    elif isinstance(value, (list, tuple)):
        for i, item in enumerate(value, 1):
            _flatten(f"{key}.{i}", item, out, text)
    else:
        out.append((key, text(value)))


def _json(name: str, value: object, text: Text) -> Pairs:
    encoded = json.dumps(value, default=_json_default, separators=(",", ":"), ensure_ascii=False)
    return [(name, encoded)]


_ENCODERS: dict[str, Callable[[str, object, Text], Pairs]] = {
    "plain": _plain,
    "comma": _comma,
    "repeat": _repeat,
    "repeat-list": _repeat_list,
    "flat": _flat,
    "json": _json,
}


def query_pairs(name: str, value: object, style: str = "plain", text: Text = wire_value) -> Pairs:
    """The (key, text) pairs that carry ``value`` of the parameter ``name`` in ``style``;
    ``text`` writes each scalar (JSON keeps JSON's own ``true``/``false``)."""
    return _ENCODERS[style](name, value, text)
