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
from generator.diff.rules import BREAKING, NON_BREAKING, RULES, WARNING

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


def where_text(finding: Finding) -> str | None:
    """Where the finding is in the spec files of both sides, for the text report:
    ``at a/b/X.yaml:12`` (the same on both sides), ``at a/b/X.yaml: old line 12, new line 14``,
    ``at old a/b/X.yaml:12, new a/b/Y.yaml:3``, ``at new a/b/X.yaml:40 (not in the old
    side)`` or the old side only (a removal); None when neither side has a location."""
    old, new = finding.old_location, finding.new_location
    if old is None and new is None:
        return None
    if old is None or new is None:
        side, there, missing = ("new", new, "old") if old is None else ("old", old, "new")
        return f"at {side} {there} (not in the {missing} side)"
    if old == new:
        return f"at {new}"
    if old.file == new.file and old.line is not None and new.line is not None:
        return f"at {new.file}: old line {old.line}, new line {new.line}"
    return f"at old {old}, new {new}"


_LABEL = {BREAKING: "BREAKING", WARNING: "WARNING"}


def report_text(findings: Sequence[Finding], old_label: str, new_label: str) -> str:
    """Readable report: by service and operation, breaking first, documentation apart; under
    each finding its spec file and line on both sides (:func:`where_text`), then its reason."""
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
            where = where_text(f)
            if where is not None:
                lines.append(f"        {where}")
            if not f.documentation:
                lines.append(f"        {f.reason}")
            if f.accepted is not None:
                lines.append(f"        accepted [{f.fingerprint}]: {f.accepted}")
    lines += ["", f"Totals: {totals(ordered).line()}"]
    return "\n".join(lines) + "\n"


# -- reports for CI --------------------------------------------------------------------------

_HEADINGS = ((BREAKING, "Breaking"), (WARNING, "Warnings"), (NON_BREAKING, "Non-breaking"))


def _md_cell(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|")


def report_markdown(findings: Sequence[Finding], old_label: str, new_label: str) -> str:
    """A PR comment: the totals, then one table per level (documentation last)."""
    ordered = sorted(findings, key=Finding.sort_key)
    lines = [f"### Spec diff: `{old_label}` → `{new_label}`", ""]
    if not ordered:
        return "\n".join([*lines, "No changes: both describe the same API.", ""])
    lines += [f"**{totals(ordered).line()}**", ""]
    groups = [
        (title, [f for f in ordered if f.severity == level and not f.documentation])
        for level, title in _HEADINGS
    ]
    groups.append(("Documentation", [f for f in ordered if f.documentation]))
    for title, group in groups:
        if not group:
            continue
        lines += [f"#### {title} ({len(group)})", ""]
        lines += ["| Where | Path | Change | Why | Rule |", "|---|---|---|---|---|"]
        for f in group:
            where = f"`{f.location}`" if f.location else f.service
            why = f.reason + (f" **Accepted:** {f.accepted}" if f.accepted is not None else "")
            lines.append(
                f"| {where} | `{f.path}` | {_md_cell(change_text(f, code=True))} | "
                f"{_md_cell(why)} | `{f.kind}` |"
            )
        lines.append("")
    return "\n".join(lines)


_GITHUB_COMMAND = {BREAKING: "error", WARNING: "warning", NON_BREAKING: "notice"}


def _github_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _github_property(text: str) -> str:
    return _github_data(text).replace(":", "%3A").replace(",", "%2C")


def report_github(findings: Sequence[Finding], old_label: str, new_label: str) -> str:
    """GitHub Actions workflow commands: ``::error file=…,line=…,title=…::reason`` per
    breaking finding, ``::warning`` per warning, ``::notice`` per other API change
    (documentation is left out), then the totals."""
    lines = []
    for f in sorted(findings, key=Finding.sort_key):
        if f.documentation:
            continue
        properties = []
        if f.location is not None:
            properties.append(f"file={_github_property(f.location.file)}")
            if f.location.line is not None:
                properties.append(f"line={f.location.line}")
        properties.append(f"title={_github_property(f'{f.kind}: {f.path}')}")
        message = f"{change_text(f)}: {f.reason} [{f.fingerprint}]"
        command = _GITHUB_COMMAND[f.severity]
        if f.accepted is not None:  # reviewed: shown, but no longer an error or warning
            command, message = "notice", f"{message} (accepted: {f.accepted})"
        lines.append(f"::{command} {','.join(properties)}::{_github_data(message)}")
    lines.append(f"spec diff {old_label} → {new_label}: {totals(findings).line()}")
    return "\n".join(lines) + "\n"


SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
_SARIF_LEVEL = {BREAKING: "error", WARNING: "warning", NON_BREAKING: "note"}


def report_sarif(findings: Sequence[Finding], old_label: str, new_label: str) -> str:
    """SARIF 2.1.0: one run of the diff, a rule per rule id used, a result per finding with
    its spec file and line and its fingerprint (``partialFingerprints``)."""
    ordered = sorted(findings, key=Finding.sort_key)
    kinds = sorted({f.kind for f in ordered})
    rules = [
        {
            "id": kind,
            "shortDescription": {"text": RULES[kind].summary},
            "defaultConfiguration": {"level": _SARIF_LEVEL.get(RULES[kind].severity, "warning")},
            "properties": {"level": RULES[kind].severity},
        }
        for kind in kinds
    ]
    results = []
    for f in ordered:
        result: dict[str, Json] = {
            "ruleId": f.kind,
            "ruleIndex": kinds.index(f.kind),
            "level": _SARIF_LEVEL[f.severity],
            "message": {"text": f"{f.path}: {change_text(f)}: {f.reason}"},
            "partialFingerprints": {"specDiffFinding/v1": f.fingerprint},
            "properties": {"severity": f.severity, "category": f.category, "service": f.service},
        }
        if f.location is not None:
            region = {"startLine": f.location.line} if f.location.line else None
            physical: dict[str, Json] = {"artifactLocation": {"uri": f.location.file}}
            if region:
                physical["region"] = region
            result["locations"] = [{"physicalLocation": physical}]
        if f.accepted is not None:
            result["suppressions"] = [{"kind": "external", "justification": f.accepted}]
        results.append(result)
    document = {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "cloud-sdk-generator diff",
                        "rules": rules,
                    }
                },
                "automationDetails": {"id": f"spec-diff/{old_label}..{new_label}"},
                "results": results,
            }
        ],
    }
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


REPORTS = {
    "text": report_text,
    "json": report_json,
    "markdown": report_markdown,
    "github": report_github,
    "sarif": report_sarif,
}


def report_error(fmt: str, message: str) -> str:
    """What a report of format ``fmt`` prints when a side cannot be read (exit 2): a JSON
    error object (``{"schema_version": 1, "error": {"exit_code": 2, "message": …}}``) for
    json and sarif, a workflow ``::error`` for github, nothing else (stderr has it)."""
    if fmt in ("json", "sarif"):
        error = {"exit_code": 2, "message": message}
        return json.dumps({"schema_version": SCHEMA_VERSION, "error": error}, indent=2) + "\n"
    if fmt == "github":
        return f"::error title=spec diff::{_github_data(message)}\n"
    return ""
