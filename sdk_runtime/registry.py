"""Named implementations, registered once and loaded on first use.

Protocols, signing schemes, error formats, credential families and providers are each a
:class:`Registry`: a spec names one (``protocol: rpc``), the generated client passes that name
to the runtime, and the generator validates specs against the same names. An entry is
``"module:attribute"``, imported when a client first asks for it, so a client pays only
for what it uses. A new one is a module of its own plus one ``register`` line.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterator, Mapping
from typing import Generic, TypeVar, cast

T = TypeVar("T")


class Registry(Generic[T]):
    """``kind`` names the registry in messages (``signing scheme``, ``protocol``)."""

    __slots__ = ("_entries", "_loaded", "kind")

    def __init__(self, kind: str, entries: Mapping[str, str]) -> None:
        self.kind = kind
        self._entries = dict(entries)  # name -> "module:attribute", in documentation order
        self._loaded: dict[str, T] = {}

    def register(self, name: str, target: str) -> None:
        """Add ``name`` (or point it elsewhere), given as ``"module:attribute"``."""
        self._entries[name] = target
        self._loaded.pop(name, None)

    def names(self) -> tuple[str, ...]:
        return tuple(self._entries)

    def __contains__(self, name: object) -> bool:
        return name in self._entries

    def __iter__(self) -> Iterator[str]:
        return iter(self._entries)

    def __getitem__(self, name: str) -> T:
        """The implementation registered as ``name``; ValueError naming the known ones."""
        found = self._loaded.get(name)
        if found is not None:
            return found
        target = self._entries.get(name)
        if target is None:
            known = ", ".join(repr(n) for n in self._entries)
            raise ValueError(f"unknown {self.kind} {name!r}; expected one of: {known}")
        module, _, attribute = target.partition(":")
        found = cast(T, getattr(importlib.import_module(module), attribute))
        self._loaded[name] = found
        return found
