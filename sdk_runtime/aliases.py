"""Deprecated keyword aliases: a parameter the page renamed keeps its old keyword for a release.

A spec lists the names a parameter had before (``previous_names:``); the generated method takes
each as a keyword of its own and passes them here, with the current one.
"""

from __future__ import annotations

import warnings
from collections.abc import Mapping
from typing import TypeVar

T = TypeVar("T")


def renamed(
    keyword: str, value: T | None, previous: Mapping[str, T | None], *, required: bool = False
) -> T | None:
    """``value``, or the value passed under one of its previous keywords (with a
    ``DeprecationWarning`` naming the new keyword); ``TypeError`` if several were passed, or
    none for a ``required`` parameter."""
    given = {name: v for name, v in previous.items() if v is not None}
    if not given:
        if value is None and required:
            raise TypeError(f"missing the required keyword {keyword}=")
        return value
    if value is not None or len(given) > 1:
        names = ", ".join(
            f"{name}=" for name in ([keyword] if value is not None else []) + [*given]
        )
        raise TypeError(f"{names} name the same parameter: pass {keyword}= only")
    ((old, old_value),) = given.items()
    warnings.warn(
        f"{old}= is deprecated (the parameter is now {keyword}=) and goes in the next release",
        DeprecationWarning,
        stacklevel=3,
    )
    return old_value
