"""A finding (one change between two spec sets) and the totals of a list of them."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from generator.diff.locations import Location
from generator.diff.rules import BREAKING, LEVELS, NON_BREAKING, RULES, WARNING

Json = Any  # a value json.dumps accepts: None, bool, int, float, str, list, dict

_SEVERITY_RANK = {level: rank for rank, level in enumerate(LEVELS)}


@dataclass(frozen=True)
class Finding:
    """One change between two spec sets."""

    service: str  # provider/service, e.g. alibabacloud/ens
    operation: str | None  # None for a service-wide change
    path: str
    kind: str
    severity: str
    old: Json
    new: Json
    reason: str
    old_location: Location | None = None  # where the old side's spec file says it
    new_location: Location | None = None
    accepted: str | None = None  # why, when a committed acceptance file accepts it

    @property
    def fingerprint(self) -> str:
        """16 hex digits naming this change: the same for the same change on any machine
        and run, whatever else changed beside it (and whatever the lines)."""
        key = [self.service, self.operation, self.path, self.kind, self.old, self.new]
        return hashlib.sha256(_dumps(key).encode()).hexdigest()[:16]

    @property
    def location(self) -> Location | None:
        """Where to point a reader: the new side's spec, else the old one's (a removal)."""
        return self.new_location or self.old_location

    @property
    def documentation(self) -> bool:
        return RULES[self.kind].documentation

    @property
    def breaking(self) -> bool:
        return self.severity == BREAKING

    @property
    def warning(self) -> bool:
        return self.severity == WARNING

    @property
    def non_breaking(self) -> bool:
        return self.severity == NON_BREAKING

    @property
    def category(self) -> str:
        return "documentation" if self.documentation else "api"

    def sort_key(self) -> tuple[str, str, int, int, str, str, str, str]:
        return (
            self.service,
            self.operation or "",
            _SEVERITY_RANK[self.severity],
            int(self.documentation),
            self.path,
            self.kind,
            _dumps(self.old),
            _dumps(self.new),
        )

    def to_json(self) -> dict[str, Json]:
        return {
            "service": self.service,
            "operation": self.operation,
            "path": self.path,
            "kind": self.kind,
            "severity": self.severity,
            "category": self.category,
            "old": self.old,
            "new": self.new,
            "reason": self.reason,
            "fingerprint": self.fingerprint,
            "old_location": self.old_location.to_json() if self.old_location else None,
            "new_location": self.new_location.to_json() if self.new_location else None,
            "accepted": self.accepted,
        }


def _dumps(value: Json) -> str:
    return json.dumps(value, sort_keys=True, ensure_ascii=False)


@dataclass(frozen=True)
class Totals:
    """How many findings of each level (documentation apart), and what they touch."""

    breaking: int
    non_breaking: int  # API changes of level non-breaking (warnings are counted apart)
    documentation: int
    services: int
    operations: int
    warning: int = 0
    accepted: int = 0  # of all the above, how many an acceptance file accepts

    @property
    def total(self) -> int:
        return self.breaking + self.warning + self.non_breaking + self.documentation

    def counts(self) -> str:
        """``1 breaking, 2 warning, 3 non-breaking, 4 documentation`` (no warning count when
        there is none, as before warnings existed)."""
        warning = f"{self.warning} warning, " if self.warning else ""
        return (
            f"{self.breaking} breaking, {warning}{self.non_breaking} non-breaking, "
            f"{self.documentation} documentation"
        )

    def line(self) -> str:
        accepted = f", {self.accepted} accepted" if self.accepted else ""
        return (
            f"{self.counts()} ({self.total} finding"
            f"{'' if self.total == 1 else 's'} in {self.services} service(s), "
            f"{self.operations} operation(s){accepted})"
        )


def totals(findings: Sequence[Finding]) -> Totals:
    """The totals of ``findings``."""
    api = [f for f in findings if not f.documentation]
    return Totals(
        breaking=sum(f.severity == BREAKING for f in api),
        warning=sum(f.severity == WARNING for f in api),
        non_breaking=sum(f.severity == NON_BREAKING for f in api),
        documentation=len(findings) - len(api),
        services=len({f.service for f in findings}),
        operations=len({(f.service, f.operation) for f in findings if f.operation}),
        accepted=sum(f.accepted is not None for f in findings),
    )
