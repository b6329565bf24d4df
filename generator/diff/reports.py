"""Reports of a list of findings: text and JSON.

JSON report (``--format json``), schema version 1::

    {
      "schema_version": 1,
      "old": "<label of the old side>", "new": "<label of the new side>",
      "findings": [
        {"service": "alibabacloud/ens", "operation": "ListBuckets" | null,
         "path": "ListBuckets.parameters.PageSize.maximum",
         "kind": "parameter-maximum-narrowed",
         "severity": "breaking" | "warning" | "non-breaking",
         "category": "api" | "documentation",
         "old": <JSON value or null>, "new": <JSON value or null>,
         "reason": "<one line>"}
      ],
      "summary": {"breaking": n, "warning": n, "non_breaking": n, "documentation": n,
                  "total": n, "services": n, "operations": n}
    }

Findings are sorted by service, operation (service-wide findings first), breaking before
warning before non-breaking before documentation, then path and kind. ``warning`` and
``non_breaking`` count API changes only, so ``breaking + warning + non_breaking +
documentation == total`` (documentation findings are all non-breaking); ``services`` and
``operations`` count what the findings touch. For an added or removed item (operation,
parameter, field, error code, ...) the missing side is null and the other side is a short
summary (``"string, query, optional"`` for a parameter, the type for a field, the HTTP
status for an error code). New keys may be added to this schema; existing keys keep their
meaning while ``schema_version`` is 1.
"""

from __future__ import annotations

import json
from collections.abc import Sequence

from generator.diff.findings import Finding, Json, totals
from generator.diff.rules import BREAKING, NON_BREAKING, WARNING

SCHEMA_VERSION = 1


def report_json(findings: Sequence[Finding], old_label: str, new_label: str) -> str:
    """The JSON report (schema in this module's docstring), newline-terminated."""
    t = totals(findings)
    document = {
        "schema_version": SCHEMA_VERSION,
        "old": old_label,
        "new": new_label,
        "findings": [f.to_json() for f in sorted(findings, key=Finding.sort_key)],
        "summary": {
            "breaking": t.breaking,
            "warning": t.warning,
            "non_breaking": t.non_breaking,
            "documentation": t.documentation,
            "total": t.total,
            "services": t.services,
            "operations": t.operations,
        },
    }
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


def short(value: Json, width: int = 60, *, code: bool = False) -> str:
    """A value on one line, JSON-quoted, cut to ``width`` characters; in backticks if ``code``."""
    text = " ".join(json.dumps(value, ensure_ascii=False).split())
    text = text if len(text) <= width else text[: width - 1] + "…"
    if not code:
        return text
    fence = "``" if "`" in text else "`"
    pad = " " if fence == "``" else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def change_text(finding: Finding, width: int = 60, *, code: bool = False) -> str:
    """``100 → 50``, ``added "string, query, optional"``, ``removed (was 400)``.

    Two long texts are shown from a little before where they first differ.
    """
    a, b = finding.old, finding.new
    if isinstance(a, str) and isinstance(b, str) and max(len(a), len(b)) + 2 > width:
        first = (i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y)
        start = next(first, min(len(a), len(b)))
        start = max(0, min(start, len(a), len(b)) - 20)
        start = a.rfind(" ", 0, start) + 1 if start else 0  # from the start of a word
        if start:
            a, b = "…" + a[start:], "…" + b[start:]
    old, new = short(a, width, code=code), short(b, width, code=code)
    if finding.old is None and finding.new is not None:
        return f"added {new}"
    if finding.new is None and finding.old is not None:
        return f"removed (was {old})"
    return f"{old} → {new}"


_MARK = {BREAKING: "!", WARNING: "?", NON_BREAKING: "+"}
_LABEL = {BREAKING: "BREAKING", WARNING: "WARNING"}


def report_text(findings: Sequence[Finding], old_label: str, new_label: str) -> str:
    """Readable report: by service and operation, breaking first, documentation apart."""
    ordered = sorted(findings, key=Finding.sort_key)
    lines = [f"spec diff: {old_label} → {new_label}"]
    api = [f for f in ordered if not f.documentation]
    docs = [f for f in ordered if f.documentation]
    if not ordered:
        lines.append("no changes: both describe the same API")
    for title, group in (("API changes", api), ("Documentation changes", docs)):
        if not group:
            continue
        lines += ["", f"{title}:"]
        current: tuple[str, str | None] | None = None
        for f in group:
            if (f.service, f.operation) != current:
                current = (f.service, f.operation)
                lines.append(f"  {f.service} {f.operation or '(service)'}")
            mark = "~" if f.documentation else _MARK[f.severity]
            label = "" if f.documentation else f"{_LABEL.get(f.severity, f.severity)}: "
            lines.append(f"    {mark} {label}{f.path}: {change_text(f)}  [{f.kind}]")
            if not f.documentation:
                lines.append(f"        {f.reason}")
    lines += ["", f"Totals: {totals(ordered).line()}"]
    return "\n".join(lines) + "\n"
