"""The model snapshot: a whole ``SpecSet`` as deterministic JSON and back.

``generate`` keeps the model of the last generation in ``generated/.spec-snapshot.json``
beside the changelog; ``diff`` reads a snapshot as one side of a comparison. This module
needs only the model, so ``generate`` reads and writes snapshots without importing the diff
engine.
"""

from __future__ import annotations

import dataclasses
import json
import types
from collections.abc import Sequence
from functools import cache
from typing import Any, Union, get_args, get_origin, get_type_hints

from generator.errors import DiffInputError
from generator.model import (
    Endpoint,
    ErrorCode,
    Example,
    Field,
    FixedParameter,
    Operation,
    Pagination,
    Parameter,
    Permission,
    Service,
    Shape,
    Source,
    SpecSet,
    TypeRef,
)

SNAPSHOT_VERSION = 1
Json = Any  # a value json.dumps accepts

_SNAPSHOT_HEAD = b'{"snapshot_version": %d, "services": [\n' % SNAPSHOT_VERSION
_SNAPSHOT_TAIL = b"\n]}\n"


def dump_snapshot(specs: SpecSet) -> bytes:
    """The model as deterministic JSON (sorted keys, no timestamps), newline-terminated:
    ``{"snapshot_version": 1, "services": [`` then one line per service, then ``]}``."""
    return join_snapshot([snapshot_entry(service) for service in specs.services])


def snapshot_entry(service: Service) -> bytes:
    """One service's line of the snapshot (JSON text without newlines)."""
    return json.dumps(_encode(service), sort_keys=True, ensure_ascii=False).encode()


def join_snapshot(entries: Sequence[bytes]) -> bytes:
    """The snapshot of the services whose entries (see :func:`snapshot_entry`) are given."""
    return _SNAPSHOT_HEAD + b",\n".join(entries) + _SNAPSHOT_TAIL


def snapshot_entries(data: bytes) -> list[bytes] | None:
    """The service entries of a snapshot laid out by :func:`dump_snapshot`, in order; None for
    any other layout (an older snapshot: still readable by :func:`load_snapshot`)."""
    if not data.startswith(_SNAPSHOT_HEAD) or not data.endswith(_SNAPSHOT_TAIL):
        return None
    body = data[len(_SNAPSHOT_HEAD) : len(data) - len(_SNAPSHOT_TAIL)]
    if not body:
        return []
    *entries, last = body.split(b"\n")  # JSON text escapes every newline inside strings
    if not all(entry.endswith(b",") for entry in entries):
        return None
    return [entry[:-1] for entry in entries] + [last]


def load_snapshot_entry(entry: bytes) -> Service:
    """The service of one snapshot entry; raise DiffInputError if it cannot be read."""
    try:
        service: Service = _decode(Service, json.loads(entry))
    except (ValueError, KeyError, TypeError, AttributeError) as error:
        raise DiffInputError(f"unreadable snapshot: {error}") from error
    return service


def _encode(value: Any) -> Json:
    if isinstance(value, tuple | list):
        return [_encode(v) for v in value]
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _encode(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, dict):
        return {str(k): _encode(v) for k, v in value.items()}
    return value


def load_snapshot(data: bytes) -> SpecSet:
    """Inverse of :func:`dump_snapshot`; raise DiffInputError if it cannot be read.

    Lenient with model evolution: unknown keys are ignored, missing ones take the
    attribute's default (or an empty value), so a newer model still reads an older snapshot.
    """
    try:
        document = json.loads(data)
        if document.get("snapshot_version") != SNAPSHOT_VERSION:
            raise DiffInputError(
                f"unsupported snapshot version {document.get('snapshot_version')!r}"
            )
        services = tuple(_decode(Service, raw) for raw in document["services"])
    except DiffInputError:
        raise
    except (ValueError, KeyError, TypeError, AttributeError) as error:
        raise DiffInputError(f"unreadable snapshot: {error}") from error
    return SpecSet(services)


_TYPES: dict[str, type] = {
    c.__name__: c
    for c in (
        Endpoint,
        ErrorCode,
        Example,
        Field,
        FixedParameter,
        Operation,
        Pagination,
        Parameter,
        Permission,
        Service,
        Shape,
        Source,
        TypeRef,
    )
}


@cache
def _hints(cls: type) -> dict[str, Any]:
    return get_type_hints(cls, localns=_TYPES)


def _decode(tp: Any, value: Any) -> Any:
    if tp is Any:
        return value
    origin = get_origin(tp)
    if origin in (Union, types.UnionType):
        args = [a for a in get_args(tp) if a is not type(None)]
        if value is None:
            return None
        return _decode(args[0], value)
    if origin is tuple:
        items = get_args(tp)
        if len(items) == 2 and items[1] is Ellipsis:
            return tuple(_decode(items[0], v) for v in value)
        return tuple(_decode(a, v) for a, v in zip(items, value, strict=True))
    if isinstance(tp, type) and dataclasses.is_dataclass(tp):
        if not isinstance(value, dict):
            raise TypeError(f"expected an object for {tp.__name__}")
        hints = _hints(tp)
        kwargs: dict[str, Any] = {}
        for f in dataclasses.fields(tp):
            if f.name in value:
                kwargs[f.name] = _decode(hints[f.name], value[f.name])
            elif f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING:
                kwargs[f.name] = _empty(hints[f.name])
        return tp(**kwargs)
    return value


def _empty(tp: Any) -> Any:
    origin = get_origin(tp)
    if origin in (Union, types.UnionType) or tp is Any:
        return None
    if origin is tuple:
        return ()
    if tp in (str, int, float, bool):
        return tp()
    raise TypeError(f"snapshot lacks a required {tp}")
