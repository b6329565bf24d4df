"""Request parameters that are structures: from what the caller passes to the wire form.

A structured keyword (``tag: list[Tag | TagDict]``, ``config: Config | ConfigDict``) takes
the generated model of its shape or a plain dict with the model's snake_case attribute
names. :func:`to_wire` turns either into plain data keyed by the documented wire names
(``[{"Key": "k", "Value": "v"}]``), once, driven by the :class:`RequestShape` data the
generated client carries; the protocol then sends that data in the parameter's style:
flattened as ``Tag.1.Key=k`` (``repeat-list``, see :mod:`sdk_runtime.params`), JSON in one
value (``json``) or nested in a JSON body.

A key the shape does not document, or a value of the wrong kind, raises ``ValueError`` /
``TypeError`` naming the keyword and the place (``tag[1]: unknown key 'kye' ...``) before
anything is sent.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from sdk_runtime.validation import Check

__all__ = ["RequestShape", "Structure", "to_wire"]


class RequestShape(NamedTuple):
    """A shape as a request sends it: attribute name -> wire name, and which attributes are
    themselves structures."""

    name: str  # the model class (and, with ``Dict``, the TypedDict) of the shape
    fields: Mapping[str, str]  # attribute name -> wire name, in documented order
    nested: Mapping[str, Structure] = MappingProxyType({})  # attribute -> its structure
    # attribute -> the type of a scalar field (or of a list's items), checked in a dict before
    # sending unless the client says validate=False (see sdk_runtime.validation)
    checks: Mapping[str, Check] = MappingProxyType({})


class Structure(NamedTuple):
    """Where a shape is used: a parameter (``keyword`` is its Python name) or a field of
    another shape (``keyword`` is the attribute name)."""

    keyword: str
    shape: RequestShape
    container: str = "object"  # object | array | map: one value, a list or a dict of them


def to_wire(value: object, structure: Structure) -> object:
    """``value`` as plain data with wire names: dicts, lists and scalars (None left out)."""
    return _container(value, structure, structure.keyword)


def _container(value: object, structure: Structure, where: str) -> object:
    if structure.container == "array":
        if not isinstance(value, (list, tuple)):
            raise TypeError(
                f"{where}: expected a list of {structure.shape.name}, got {type(value).__name__}"
            )
        return [_shape(item, structure.shape, f"{where}[{i}]") for i, item in enumerate(value)]
    if structure.container == "map":
        if not isinstance(value, Mapping):
            raise TypeError(
                f"{where}: expected a dict of {structure.shape.name}, got {type(value).__name__}"
            )
        return {
            _key(key, where): _shape(item, structure.shape, f"{where}[{key!r}]")
            for key, item in value.items()
        }
    return _shape(value, structure.shape, where)


def _key(key: object, where: str) -> str:
    if not isinstance(key, str):
        raise TypeError(f"{where}: keys must be str, got {type(key).__name__}")
    return key


def _shape(value: object, shape: RequestShape, where: str) -> dict[str, object]:
    if isinstance(value, Mapping):
        items = [(_key(key, where), item) for key, item in value.items()]
    elif type(value).__name__ == shape.name and hasattr(value, "model_fields_set"):
        # the generated model: its documented attributes; None ones are left out below
        extra = getattr(value, "model_extra", None) or {}
        if extra:
            raise ValueError(
                f"{where}: {shape.name} has undocumented field(s) "
                f"{', '.join(sorted(map(str, extra)))}, which are not sent"
            )
        items = [(name, getattr(value, name)) for name in shape.fields]
    else:
        raise TypeError(f"{where}: expected {shape.name} or a dict, got {type(value).__name__}")
    given = dict(items)
    unknown = [name for name in given if name not in shape.fields]
    if unknown:
        known = ", ".join(shape.fields)
        raise ValueError(f"{where}: unknown key {unknown[0]!r} for {shape.name} (keys: {known})")
    wire: dict[str, object] = {}
    for name, wire_name in shape.fields.items():  # documented order, whatever the caller's
        item = given.get(name)
        if item is None:
            continue
        nested = shape.nested.get(name)
        wire[wire_name] = item if nested is None else _container(item, nested, f"{where}.{name}")
    return wire
