"""A finding (one change between two spec sets) and the totals of a list of them."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from generator.diff.rules import BREAKING, NON_BREAKING, RULES

Json = Any  # a value json.dumps accepts: None, bool, int, float, str, list, dict

_SEVERITY_RANK = {BREAKING: 0, NON_BREAKING: 1}


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

    @property
    def documentation(self) -> bool:
        return RULES[self.kind].documentation

    @property
    def breaking(self) -> bool:
        return self.severity == BREAKING

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
        }


def _dumps(value: Json) -> str:
    return json.dumps(value, sort_keys=True, ensure_ascii=False)


@dataclass(frozen=True)
class Totals:
    breaking: int
    non_breaking: int
    documentation: int
    services: int
    operations: int

    @property
    def total(self) -> int:
        return self.breaking + self.non_breaking + self.documentation

    def line(self) -> str:
        return (
            f"{self.breaking} breaking, {self.non_breaking} non-breaking, "
            f"{self.documentation} documentation ({self.total} finding"
            f"{'' if self.total == 1 else 's'} in {self.services} service(s), "
            f"{self.operations} operation(s))"
        )


def totals(findings: Sequence[Finding]) -> Totals:
    return Totals(
        breaking=sum(f.breaking for f in findings),
        non_breaking=sum(not f.breaking and not f.documentation for f in findings),
        documentation=sum(f.documentation for f in findings),
        services=len({f.service for f in findings}),
        operations=len({(f.service, f.operation) for f in findings if f.operation}),
    )
