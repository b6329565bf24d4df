"""Compare two spec sets on the intermediate model and classify every change.

One concern per module: :mod:`~generator.diff.rules` (the rule table and the levels),
:mod:`~generator.diff.findings` (a finding, totals), :mod:`~generator.diff.engine` (the
comparison), :mod:`~generator.diff.reports` (text and JSON, the JSON schema) and
:mod:`~generator.diff.inputs` (spec trees, files, snapshots, git revisions). The model
snapshot codec is :mod:`generator.snapshot`, outside this package.

The names below are imported on first use, so ``from generator.diff import Finding`` does
not load the engine: ``generate`` compares models only when they differ.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from generator.diff.engine import (
        diff_specs as diff_specs,
    )
    from generator.diff.engine import (
        type_text as type_text,
    )
    from generator.diff.findings import (
        Finding as Finding,
    )
    from generator.diff.findings import (
        Json as Json,
    )
    from generator.diff.findings import (
        Totals as Totals,
    )
    from generator.diff.findings import (
        totals as totals,
    )
    from generator.diff.inputs import (
        Side as Side,
    )
    from generator.diff.inputs import (
        compare as compare,
    )
    from generator.diff.inputs import (
        from_git as from_git,
    )
    from generator.diff.inputs import (
        from_path as from_path,
    )
    from generator.diff.inputs import (
        is_revision as is_revision,
    )
    from generator.diff.inputs import (
        resolve as resolve,
    )
    from generator.diff.reports import (
        SCHEMA_VERSION as SCHEMA_VERSION,
    )
    from generator.diff.reports import (
        change_text as change_text,
    )
    from generator.diff.reports import (
        report_json as report_json,
    )
    from generator.diff.reports import (
        report_text as report_text,
    )
    from generator.diff.reports import (
        short as short,
    )
    from generator.diff.rules import (
        BREAKING as BREAKING,
    )
    from generator.diff.rules import (
        LEVELS as LEVELS,
    )
    from generator.diff.rules import (
        NON_BREAKING as NON_BREAKING,
    )
    from generator.diff.rules import (
        RULES as RULES,
    )
    from generator.diff.rules import (
        VARIES as VARIES,
    )
    from generator.diff.rules import (
        WARNING as WARNING,
    )
    from generator.diff.rules import (
        Rule as Rule,
    )
    from generator.errors import (
        DiffInputError as DiffInputError,
    )
    from generator.snapshot import (
        dump_snapshot as dump_snapshot,
    )
    from generator.snapshot import (
        load_snapshot as load_snapshot,
    )
    from generator.snapshot import (
        load_snapshot_entry as load_snapshot_entry,
    )
    from generator.snapshot import (
        read_snapshot as read_snapshot,
    )
    from generator.snapshot import (
        snapshot_entry as snapshot_entry,
    )

_HOMES = {
    "generator.diff.engine": ("diff_specs", "type_text"),
    "generator.diff.findings": ("Finding", "Json", "Totals", "totals"),
    "generator.diff.inputs": ("Side", "compare", "from_git", "from_path", "is_revision", "resolve"),
    "generator.diff.reports": (
        "SCHEMA_VERSION",
        "change_text",
        "report_json",
        "report_text",
        "short",
    ),
    "generator.diff.rules": (
        "BREAKING",
        "LEVELS",
        "NON_BREAKING",
        "RULES",
        "VARIES",
        "WARNING",
        "Rule",
    ),
    "generator.errors": ("DiffInputError",),
    "generator.snapshot": (
        "dump_snapshot",
        "load_snapshot",
        "load_snapshot_entry",
        "read_snapshot",
        "snapshot_entry",
    ),
}
_HOME = {name: module for module, names in _HOMES.items() for name in names}


def __getattr__(name: str) -> object:
    """The public name ``name`` from the module that defines it (imported on first use)."""
    module = _HOME.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(module), name)


__all__ = sorted(_HOME)
