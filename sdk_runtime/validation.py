"""Client-side checks of the documented parameter constraints, before anything is sent.

A generated operation carries one :class:`Check` per keyword that has something to check
(``OperationSpec.checks``, wire name -> check): its type as the keyword's annotation says,
whether it is required, a documented range and, where the page says the list is closed, its
values. :func:`check_params` applies them in ``_Pipeline.prepare`` unless the client was built
with ``validate=False`` (for callers who track a newer API than the spec).

A value of the wrong type is a ``TypeError``; a missing required value, a value out of range
or outside a closed list is a ``ValueError``. Each message names the Python keyword (and the
place in a list or map: ``instance_id[2]``), the expected thing and the value's type or, for a
value error, the value quoted to at most 60 characters. A structured keyword's keys and
containers are checked by :mod:`sdk_runtime.structures` when it is converted; here its
presence, and the scalar fields of its dicts (``RequestShape.checks``: ``tag[1].key``).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import datetime
from types import MappingProxyType
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from sdk_runtime.structures import Structure

__all__ = ["Check", "check_params"]

# kind -> the Python types a value may have; bool is not an int, an int is fine for a float
_TYPES: dict[str, tuple[type, ...]] = {
    "str": (str,),
    "int": (int,),
    "float": (int, float),
    "bool": (bool,),
    "datetime": (datetime,),
}
_NUMBER = re.compile(r"[-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?")
_SHOWN = 60  # characters of a value quoted in a message


class Check(NamedTuple):
    """What one keyword must satisfy.

    ``kind`` is the scalar type (``str``, ``int``, ``float``, ``bool``, ``datetime``) of the
    value, of each list item (``container="list"``) or of each map value (``"map"``);
    ``"any"`` checks presence only (a structure). ``minimum``/``maximum`` bound a number, or
    the number a ``str`` keyword carries as text (ENS ``PageSize``); ``enum`` is the closed
    list of values, empty when the page's list is open (informative only); ``number_text``
    lets a ``str`` keyword that carries a number take an int as well.
    """

    keyword: str
    kind: str
    required: bool = False
    minimum: float | None = None
    maximum: float | None = None
    enum: tuple[object, ...] = ()
    container: str = "scalar"  # scalar | list | map
    # a str keyword that carries a number (ENS PageSize): an int is taken too, sent as text
    number_text: bool = False


def check_params(
    checks: Mapping[str, Check],
    params: Mapping[str, object],
    structures: Mapping[str, Structure] = MappingProxyType({}),
) -> None:
    """Raise ``TypeError``/``ValueError`` for the first value in ``params`` (wire names ->
    values, None for not given) that breaks its check, then for the first field of a
    structure given as a dict (``structures``) whose scalar type is wrong."""
    for name, check in checks.items():
        value = params.get(name)
        if value is None:
            if check.required:
                raise ValueError(f"{check.keyword} is required, got None")
        else:
            _value(value, check, check.keyword)
    for name, structure in structures.items():
        value = params.get(name)
        if value is not None:
            _structure(value, structure, structure.keyword)


def _value(value: object, check: Check, where: str) -> None:
    if check.container == "list":
        if not isinstance(value, (list, tuple)):
            raise TypeError(f"{where}: expected a list of {check.kind}, got {type(value).__name__}")
        for index, item in enumerate(value):
            _scalar(item, check, f"{where}[{index}]")
    elif check.container == "map":
        if not isinstance(value, Mapping):
            raise TypeError(f"{where}: expected a dict of {check.kind}, got {type(value).__name__}")
        for key, item in value.items():
            if not isinstance(key, str):
                raise TypeError(f"{where}: keys must be str, got {type(key).__name__}")
            _scalar(item, check, f"{where}[{_shown(key)}]")
    elif check.kind != "any":
        _scalar(value, check, where)


def _structure(value: object, structure: Structure, where: str) -> None:
    """The scalar fields of each dict in ``value`` (a model's fields were checked by pydantic
    when it was built; a container of the wrong kind is left to ``structures.to_wire``)."""
    places: list[tuple[str, object]]
    if structure.container == "array" and isinstance(value, (list, tuple)):
        places = [(f"{where}[{index}]", item) for index, item in enumerate(value)]
    elif structure.container == "map" and isinstance(value, Mapping):
        places = [(f"{where}[{_shown(key)}]", item) for key, item in value.items()]
    else:
        places = [(where, value)]
    shape = structure.shape
    for place, item in places:
        if not isinstance(item, Mapping):
            continue
        for attribute, check in shape.checks.items():
            field = item.get(attribute)
            if field is not None:
                _value(field, check, f"{place}.{attribute}")
        for attribute, nested in shape.nested.items():
            field = item.get(attribute)
            if field is not None:
                _structure(field, nested, f"{place}.{attribute}")


def _scalar(value: object, check: Check, where: str) -> None:
    kind = check.kind
    types = (str, int) if check.number_text else _TYPES[kind]
    if not isinstance(value, types) or (isinstance(value, bool) and kind != "bool"):
        expected = "float (or int)" if kind == "float" else kind
        raise TypeError(f"{where}: expected {expected}, got {type(value).__name__}")
    if check.enum and value not in check.enum:
        values = ", ".join(map(_shown, check.enum))
        raise ValueError(f"{where}: {_shown(value)} is not one of {values}")
    if check.minimum is None and check.maximum is None:
        return
    number: object = value
    if isinstance(value, str):  # a number documented as text: checked when it is one
        if not _NUMBER.fullmatch(value):
            raise ValueError(f"{where}: expected a number (as text), got {_shown(value)}")
        number = float(value)
    if not isinstance(number, (int, float)):
        return  # a range on a bool or datetime: nothing to compare
    if check.minimum is not None and not number >= check.minimum:  # NaN fails both
        raise ValueError(f"{where}: {_shown(value)} is below the minimum {check.minimum:g}")
    if check.maximum is not None and not number <= check.maximum:
        raise ValueError(f"{where}: {_shown(value)} is above the maximum {check.maximum:g}")


def _shown(value: object) -> str:
    """``value``'s repr, cut to at most 60 characters."""
    text = repr(value)
    return text if len(text) <= _SHOWN else f"{text[: _SHOWN - 3]}..."
