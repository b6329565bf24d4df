"""The model snapshot: a whole ``SpecSet`` as deterministic JSON and back.

``generate`` keeps the model of the last generation beside the changelog, one file per
service (:func:`snapshot_files`): ``generated/.spec-snapshot.json`` lists the services in
order (``snapshot_version`` 2) and ``generated/.spec-snapshot/<provider>/<service>.json``
holds each one's model, so that a generation that changes one service rewrites only its
file. :func:`dump_snapshot` writes the whole model as one file (``snapshot_version`` 1), for
a ``diff`` side of its own. ``diff`` reads either (:func:`read_snapshot`). This module needs
only the model, so ``generate`` reads and writes snapshots without importing the diff
engine.
"""

from __future__ import annotations

import dataclasses
import json
import types
from collections.abc import Sequence
from functools import cache
from pathlib import Path
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

SNAPSHOT_VERSION = 1  # one file, every service in it
SPLIT_VERSION = 2  # an index, one file per service beside it
SNAPSHOT = ".spec-snapshot.json"
ENTRIES = ".spec-snapshot"  # the folder of the per-service files, beside the index
Json = Any  # a value json.dumps accepts

_SNAPSHOT_HEAD = b'{"snapshot_version": %d, "services": [\n' % SNAPSHOT_VERSION
_SNAPSHOT_TAIL = b"\n]}\n"


def dump_snapshot(specs: SpecSet) -> bytes:
    """The model as deterministic JSON (sorted keys, no timestamps), newline-terminated:
    ``{"snapshot_version": 1, "services": [`` then one line per service, then ``]}``."""
    entries = [snapshot_entry(service) for service in specs.services]
    return _SNAPSHOT_HEAD + b",\n".join(entries) + _SNAPSHOT_TAIL


def snapshot_entry(service: Service) -> bytes:
    """One service's line of the snapshot (JSON text without newlines)."""
    return json.dumps(_encode(service), sort_keys=True, ensure_ascii=False).encode()


def entry_name(provider: str, service: str) -> str:
    """Where a service's model is kept, relative to the index's folder."""
    return f"{ENTRIES}/{provider}/{service}.json"


def entry_service(name: str) -> str | None:
    """The ``<provider>/<service>/`` whose model :func:`entry_name` keeps at ``name``."""
    parts = name.split("/")
    if len(parts) == 3 and parts[0] == ENTRIES and parts[2].endswith(".json"):
        return f"{parts[1]}/{parts[2][: -len('.json')]}/"
    return None


def snapshot_index(services: Sequence[tuple[str, str]]) -> bytes:
    """The index of a split snapshot: the (provider, service) pairs, in the model's order."""
    names = [f"{provider}/{service}" for provider, service in services]
    return (json.dumps({"snapshot_version": SPLIT_VERSION, "services": names}) + "\n").encode()


def snapshot_files(
    specs: SpecSet, order: Sequence[tuple[str, str]] | None = None
) -> dict[str, bytes]:
    """The split snapshot of the model: index and per-service files (see the module
    docstring), relative to the index's folder. ``order``: the (provider, service) pairs
    the index lists, when ``specs`` holds only some of them (the files of the others are
    left as they are)."""
    if order is None:
        order = [(s.provider, s.service) for s in specs.services]
    files = {SNAPSHOT: snapshot_index(order)}
    for service in specs.services:
        files[entry_name(service.provider, service.service)] = snapshot_entry(service) + b"\n"
    return files


def index_services(data: bytes) -> list[str] | None:
    """The ``<provider>/<service>`` names of a split snapshot's index, or None if it is not
    one."""
    try:
        document = json.loads(data)
    except ValueError:
        return None
    if not isinstance(document, dict) or document.get("snapshot_version") != SPLIT_VERSION:
        return None
    names = document.get("services")
    if not isinstance(names, list) or not all(_service_name(n) for n in names):
        return None
    return names


def _service_name(name: object) -> bool:
    if not isinstance(name, str):
        return False
    parts = name.split("/")
    return len(parts) == 2 and all(p and p not in (".", "..") for p in parts)


def read_snapshot(path: Path) -> SpecSet:
    """The model of a snapshot file, split (its per-service files beside it) or whole;
    raise DiffInputError if it cannot be read."""
    try:
        data = path.read_bytes()
    except OSError as error:
        raise DiffInputError(f"unreadable snapshot: {error.strerror}") from error
    names = index_services(data)
    if names is None:
        return load_snapshot(data)
    services = []
    for name in names:
        provider, service = name.split("/")
        try:
            entry = (path.parent / entry_name(provider, service)).read_bytes()
        except OSError as error:
            raise DiffInputError(f"unreadable snapshot of {name}: {error.strerror}") from error
        services.append(load_snapshot_entry(entry))
    return SpecSet(tuple(services))


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
