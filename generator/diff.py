"""Compare two spec sets on the intermediate model and classify every change.

The comparison never looks at YAML text: two spec trees that normalize to the same model
(keys reordered, reflowed text, comments) have no findings. Each change is one
:class:`Finding` naming the service, the operation, a dotted path inside it
(``ListBuckets.parameters.PageSize.maximum``), the old and new values, a stable rule id
(``kind``, see :data:`RULES`), a severity and a one-line reason.

Severity is judged from the side of a caller of the regenerated client, and is
direction-aware: what a caller sends (request parameters) may only widen, what a caller
reads (response fields) may only narrow. ``breaking`` means working caller code could stop
working; everything else is ``non-breaking``, and changes to documentation text only
(descriptions, summaries, examples, notes, permissions, page dates) are listed apart.

JSON report (``--format json``), schema version 1::

    {
      "schema_version": 1,
      "old": "<label of the old side>", "new": "<label of the new side>",
      "findings": [
        {"service": "alibabacloud/ens", "operation": "ListBuckets" | null,
         "path": "ListBuckets.parameters.PageSize.maximum",
         "kind": "parameter-maximum-narrowed",
         "severity": "breaking" | "non-breaking",
         "category": "api" | "documentation",
         "old": <JSON value or null>, "new": <JSON value or null>,
         "reason": "<one line>"}
      ],
      "summary": {"breaking": n, "non_breaking": n, "documentation": n, "total": n,
                  "services": n, "operations": n}
    }

Findings are sorted by service, operation (service-wide findings first), breaking before
non-breaking before documentation, then path and kind. ``non_breaking`` counts API changes
only, so ``breaking + non_breaking + documentation == total``; ``services`` and
``operations`` count what the findings touch. For an added or removed item (operation,
parameter, field, error code, ...) the missing side is null and the other side is a short
summary (``"string, query, optional"`` for a parameter, the type for a field, the HTTP
status for an error code). New keys may be added to this schema; existing keys keep their
meaning while ``schema_version`` is 1.

Snapshots: :func:`dump_snapshot` / :func:`load_snapshot` serialize a whole ``SpecSet`` to
deterministic JSON and back, so a model can be compared however it was obtained (spec tree,
git revision, or the snapshot ``generate`` keeps beside the changelog).
"""

from __future__ import annotations

import dataclasses
import io
import json
import shutil
import subprocess
import tarfile
import tempfile
import types
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any, Union, get_args, get_origin, get_type_hints

from generator.errors import SpecError
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
from generator.normalize import SERVICE_FILE, load_specs

SCHEMA_VERSION = 1
SNAPSHOT_VERSION = 1
BREAKING = "breaking"
NON_BREAKING = "non-breaking"
VARIES = "varies"

Json = Any  # a value json.dumps accepts: None, bool, int, float, str, list, dict


@dataclass(frozen=True)
class Rule:
    """One classification rule: its id, usual severity and why."""

    kind: str
    severity: str  # breaking | non-breaking | varies (the reason says which and why)
    summary: str
    documentation: bool = False


_RULE_LIST = [
    # services
    Rule("service-added", NON_BREAKING, "a new client package; nothing existing changes"),
    Rule("service-removed", BREAKING, "the client package disappears; its imports fail"),
    Rule("service-client-renamed", BREAKING, "client and error classes are renamed; imports fail"),
    Rule(
        "service-api-version-changed",
        BREAKING,
        "every request carries the new version, whose semantics apply to all operations",
    ),
    Rule(
        "service-protocol-changed",
        BREAKING,
        "wire format, error decoding and response shapes of every operation change",
    ),
    Rule("service-error-format-changed", NON_BREAKING, "the runtime decodes errors differently"),
    Rule(
        "service-endpoint-changed",
        VARIES,
        "endpoint URL or regional endpoints: non-breaking (endpoint= overrides); default region: "
        "breaking (callers without region= reach another region)",
    ),
    Rule(
        "service-signing-changed",
        NON_BREAKING,
        "default signing scheme changed; callers passing no signing= are signed differently",
    ),
    Rule("service-signing-scheme-added", NON_BREAKING, "one more value accepted for signing="),
    Rule(
        "service-signing-scheme-removed",
        BREAKING,
        "callers passing that signing= value are rejected",
    ),
    Rule("service-credentials-changed", BREAKING, "constructor credential keywords change"),
    Rule("service-retry-changed", NON_BREAKING, "throttling codes retried by the runtime changed"),
    # operations
    Rule("operation-added", NON_BREAKING, "a new client method"),
    Rule("operation-removed", BREAKING, "the client method disappears; calls fail"),
    Rule(
        "operation-request-changed",
        NON_BREAKING,
        "HTTP method, path, host prefix or RPC action changed; the client sends it, calls are "
        "unchanged",
    ),
    Rule("operation-deprecated", NON_BREAKING, "deprecation flag changed; calls still work"),
    Rule(
        "operation-retries-changed",
        NON_BREAKING,
        "whether the operation is safe to repeat (idempotent, idempotency token) changed: the "
        "client retries it after other failures; calls are unchanged",
    ),
    Rule("fixed-parameter-changed", NON_BREAKING, "a constant the client sends itself changed"),
    Rule("response-status-changed", NON_BREAKING, "the success status the client expects changed"),
    Rule("response-xml-root-changed", NON_BREAKING, "the XML root the client decodes changed"),
    Rule(
        "response-payload-changed",
        BREAKING,
        "which field holds the body as a whole (response.payload) changed: the body decodes "
        "another way",
    ),
    # request parameters
    Rule(
        "parameter-added-optional", NON_BREAKING, "a new optional keyword; existing calls unchanged"
    ),
    Rule("parameter-added-required", BREAKING, "existing calls lack the new required keyword"),
    Rule("parameter-removed", BREAKING, "calls passing the keyword fail"),
    Rule(
        "parameter-renamed",
        VARIES,
        "removed + added with the same location and type: breaking when the keyword changes, "
        "non-breaking when only the wire name does",
    ),
    Rule(
        "parameter-type-changed",
        VARIES,
        "breaking unless the Python type is the same or widens (int -> float)",
    ),
    Rule("parameter-made-required", BREAKING, "calls that omit it are now incomplete"),
    Rule("parameter-made-optional", NON_BREAKING, "calls may now omit it"),
    Rule(
        "parameter-default-changed",
        NON_BREAKING,
        "calls that omit it get the new default; calls still work",
    ),
    Rule(
        "parameter-minimum-narrowed",
        BREAKING,
        "values callers send below the new minimum are rejected",
    ),
    Rule(
        "parameter-minimum-widened", NON_BREAKING, "every value accepted before is still accepted"
    ),
    Rule(
        "parameter-maximum-narrowed",
        BREAKING,
        "values callers send above the new maximum are rejected",
    ),
    Rule(
        "parameter-maximum-widened", NON_BREAKING, "every value accepted before is still accepted"
    ),
    Rule("parameter-enum-value-added", NON_BREAKING, "one more value callers may send"),
    Rule("parameter-enum-value-removed", BREAKING, "callers sending that value are rejected"),
    Rule(
        "parameter-enum-added",
        BREAKING,
        "a free value is restricted to a list; other values are rejected",
    ),
    Rule("parameter-enum-removed", NON_BREAKING, "the value list is lifted; any value is accepted"),
    Rule(
        "parameter-enum-closed-changed",
        VARIES,
        "closing a value list (enum_closed) is breaking: the client refuses other values; "
        "opening it is not",
    ),
    Rule(
        "parameter-location-changed",
        NON_BREAKING,
        "the client moves it (query/header/body); keyword unchanged",
    ),
    Rule(
        "parameter-style-changed",
        NON_BREAKING,
        "the client serializes it differently; keyword unchanged",
    ),
    Rule(
        "parameter-credential-changed",
        VARIES,
        "filled from credentials instead of a keyword (breaking), or back (breaking if required)",
    ),
    Rule("parameter-deprecated", NON_BREAKING, "deprecation flag changed; calls still work"),
    # response fields and shapes
    Rule("response-field-added", NON_BREAKING, "readers ignore what they do not read"),
    Rule("response-field-removed", BREAKING, "readers of the attribute break"),
    Rule("response-field-type-changed", VARIES, "breaking unless the Python type is the same"),
    Rule("response-field-made-optional", BREAKING, "readers may now get None"),
    Rule("response-field-made-required", NON_BREAKING, "readers always get a value"),
    Rule(
        "response-field-enum-value-added",
        NON_BREAKING,
        "response values stay typed str (documented values are informative), so a new value "
        "still parses; exhaustive matches should keep a default branch",
    ),
    Rule("response-field-enum-value-removed", NON_BREAKING, "readers see fewer distinct values"),
    Rule(
        "response-field-location-changed",
        NON_BREAKING,
        "the client reads it from elsewhere (body/header)",
    ),
    # fields of shapes that only requests take (a structured parameter's keys)
    Rule("request-field-added", VARIES, "a new key; breaking only if it is required"),
    Rule("request-field-removed", BREAKING, "callers passing the key get an error before sending"),
    Rule(
        "request-field-changed",
        VARIES,
        "a key's type or requiredness changed; breaking unless it is only relaxed",
    ),
    Rule(
        "deprecated-names-changed",
        NON_BREAKING,
        "older spellings the page lists; the client sends the wire name",
        documentation=True,
    ),
    Rule(
        "shape-renamed",
        BREAKING,
        "the generated model class is renamed; imports and annotations fail",
    ),
    Rule("shape-added", NON_BREAKING, "a new model class"),
    Rule("shape-removed", BREAKING, "the model class disappears; imports fail"),
    # errors
    Rule("error-code-added", NON_BREAKING, "a new exception class under the service's base error"),
    Rule(
        "error-code-removed",
        VARIES,
        "breaking when the exception class disappears from the service; non-breaking while "
        "another operation still documents the code",
    ),
    Rule(
        "error-status-changed",
        NON_BREAKING,
        "the same exception class is raised (matched by code); only its status_code differs",
    ),
    # pagination
    Rule("pagination-added", NON_BREAKING, "new iter_/_pages methods"),
    Rule("pagination-removed", BREAKING, "iter_/_pages methods disappear"),
    Rule(
        "pagination-style-changed", BREAKING, "paging works differently; manual paging code breaks"
    ),
    Rule("pagination-token-changed", BREAKING, "the token callers pass or read is another field"),
    Rule("pagination-items-changed", BREAKING, "iter_ yields another list's items"),
    Rule(
        "pagination-changed",
        NON_BREAKING,
        "page size, total count or more-results field changed; iteration is unchanged for callers",
    ),
    Rule("pagination-list-added", NON_BREAKING, "a new iter_<op>_<list>() method"),
    Rule("pagination-list-removed", BREAKING, "an iter_<op>_<list>() method disappears"),
    Rule("pagination-scheme-added", NON_BREAKING, "another documented way to page"),
    Rule("pagination-scheme-removed", BREAKING, "the keywords of a paging scheme stop paging"),
    # documentation only
    Rule("description-changed", NON_BREAKING, "text only", documentation=True),
    Rule("summary-changed", NON_BREAKING, "text only", documentation=True),
    Rule("title-changed", NON_BREAKING, "text only", documentation=True),
    Rule("example-changed", NON_BREAKING, "text only", documentation=True),
    Rule(
        "notes-changed",
        NON_BREAKING,
        "notes, limits, error and header notes; text only",
        documentation=True,
    ),
    Rule(
        "permissions-changed",
        NON_BREAKING,
        "documented RAM/IAM permissions; text only",
        documentation=True,
    ),
    Rule(
        "documented-type-changed",
        NON_BREAKING,
        "the type as the page writes it; same model type",
        documentation=True,
    ),
    Rule(
        "last-updated-changed", NON_BREAKING, 'the page\'s "last updated" date', documentation=True
    ),
    Rule(
        "source-changed",
        NON_BREAKING,
        "where the page lives (title, URL, stored copy)",
        documentation=True,
    ),
    # safety net
    Rule("model-changed", NON_BREAKING, "a model attribute without a specific rule changed"),
]
RULES: dict[str, Rule] = {rule.kind: rule for rule in _RULE_LIST}

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


# -- comparison ------------------------------------------------------------------------------


def diff_specs(old: SpecSet, new: SpecSet) -> list[Finding]:
    """Every change from ``old`` to ``new``, sorted deterministically."""
    differ = _Differ()
    differ.spec_sets(old, new)
    return sorted(differ.findings, key=Finding.sort_key)


def type_text(ref: TypeRef) -> str:
    """``string``, ``array<BucketInfo>``, ``map<integer>``: a type as findings show it."""
    if ref.kind == "object":
        return ref.shape or "object"
    if ref.items is not None:
        return f"{ref.kind}<{type_text(ref.items)}>"
    return ref.kind


def _structure(ref: TypeRef) -> str:
    """The type with shape names erased: equal structures differ at most by a shape rename."""
    if ref.kind == "object":
        return "object"
    if ref.items is not None:
        return f"{ref.kind}<{_structure(ref.items)}>"
    return ref.kind


def _param_summary(p: Parameter) -> str:
    parts = [type_text(p.type), p.location, "required" if p.required else "optional"]
    if p.credential:
        parts.append("credential")
    return ", ".join(parts)


def _field_summary(f: Field) -> str:
    parts = [type_text(f.type)]
    if f.required:
        parts.append("required")
    if f.location != "body":
        parts.append(f.location)
    return ", ".join(parts)


def _value(value: Any) -> Json:
    """A model value as JSON: tuples become lists, TypeRefs their text, dataclasses dicts."""
    if isinstance(value, TypeRef):
        return type_text(value)
    if isinstance(value, tuple | list):
        return [_value(v) for v in value]
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _value(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, dict):
        return {str(k): _value(v) for k, v in value.items()}
    return value


def _fmt(value: Json) -> str:
    return "none" if value is None else str(value)


@dataclass(frozen=True)
class _Where:
    service: str
    operation: str | None


# Model attributes each rule set looks at; ``model-changed`` covers the rest, and a test
# checks these lists against the model so a new attribute is never silently ignored.
_IGNORED = {
    "Service": {"provider", "service", "spec_file", "operations"},
    "Operation": {
        "name",
        "python_name",
        "response_class",
        "spec_file",
        "parameters",
        "response_fields",
        "shapes",
        "errors",
        "pagination",
        "source",
    },
    "Parameter": {"wire_name", "python_name"},
    "Field": {"wire_name", "python_name"},
    "ErrorCode": {"code", "class_name", "prefix"},
    "Pagination": {
        "items_attr",
        "output_token_attr",
        "more_results_attr",
        "total_count_attr",
        "last_item_token_attr",
        "repeat_while_attr",
        "item_type",
    },
}


class _Differ:
    """Walks two models side by side, collecting findings."""

    def __init__(self) -> None:
        self.findings: list[Finding] = []

    def add(
        self,
        where: _Where,
        path: str,
        kind: str,
        old: Any,
        new: Any,
        reason: str,
        severity: str | None = None,
    ) -> None:
        rule = RULES[kind]
        if severity is None:
            assert rule.severity != VARIES, f"rule {kind} needs an explicit severity"
            severity = rule.severity
        self.findings.append(
            Finding(
                where.service,
                where.operation,
                path,
                kind,
                severity,
                _value(old),
                _value(new),
                reason,
            )
        )

    def checked(self, where: _Where, path: str, old: Any, new: Any, handled: Iterable[str]) -> None:
        """``model-changed`` for every attribute of ``old``/``new`` no specific rule handles."""
        done = set(handled) | _IGNORED.get(type(old).__name__, set())
        for f in dataclasses.fields(old):
            if f.name in done:
                continue
            a, b = getattr(old, f.name), getattr(new, f.name)
            if a != b:
                self.add(
                    where,
                    f"{path}.{f.name}",
                    "model-changed",
                    a,
                    b,
                    f"{type(old).__name__}.{f.name} changed (no specific rule; review by hand)",
                )

    def docs(self, where: _Where, path: str, kind: str, old: Any, new: Any, what: str) -> None:
        if old != new:
            self.add(where, path, kind, old, new, f"{what} changed; documentation only")

    # -- services ----------------------------------------------------------------------------

    def spec_sets(self, old: SpecSet, new: SpecSet) -> None:
        olds = {f"{s.provider}/{s.service}": s for s in old.services}
        news = {f"{s.provider}/{s.service}": s for s in new.services}
        for key in sorted(olds.keys() | news.keys()):
            where = _Where(key, None)
            a, b = olds.get(key), news.get(key)
            if b is None:
                assert a is not None
                self.add(
                    where,
                    "service",
                    "service-removed",
                    f"{a.name}Client",
                    None,
                    f"the {a.subpackage} package and {a.name}Client disappear; imports of it fail",
                )
            elif a is None:
                self.add(
                    where,
                    "service",
                    "service-added",
                    None,
                    f"{b.name}Client",
                    f"new client package {b.subpackage}; nothing existing changes",
                )
            else:
                self.service(where, a, b)

    def service(self, where: _Where, old: Service, new: Service) -> None:
        if old.name != new.name:
            self.add(
                where,
                "service.name",
                "service-client-renamed",
                old.name,
                new.name,
                f"{old.name}Client/{old.name}Error become {new.name}Client/{new.name}Error; "
                "imports of the old names fail",
            )
        self.docs(where, "service.title", "title-changed", old.title, new.title, "service title")
        self.docs(where, "service.vendor", "title-changed", old.vendor, new.vendor, "vendor name")
        if old.api_version != new.api_version:
            self.add(
                where,
                "service.api_version",
                "service-api-version-changed",
                old.api_version,
                new.api_version,
                "every request now targets API version "
                f"{_fmt(new.api_version)}, whose behaviour applies to all operations",
            )
        if old.protocol != new.protocol:
            self.add(
                where,
                "service.protocol",
                "service-protocol-changed",
                old.protocol,
                new.protocol,
                "wire format, error decoding and response shapes of every operation change",
            )
        if old.error_format != new.error_format:
            self.add(
                where,
                "service.error_format",
                "service-error-format-changed",
                old.error_format,
                new.error_format,
                "the runtime decodes error bodies in the new format; "
                "exception classes are unchanged",
            )
        self.endpoint(where, old.endpoint, new.endpoint)
        if old.signing_default != new.signing_default:
            self.add(
                where,
                "service.signing.default",
                "service-signing-changed",
                old.signing_default,
                new.signing_default,
                "clients built without signing= now sign with "
                f"{new.signing_default}; the same credentials apply",
            )
        for scheme in sorted(set(old.signing_schemes) - set(new.signing_schemes)):
            self.add(
                where,
                "service.signing.schemes",
                "service-signing-scheme-removed",
                scheme,
                None,
                f"clients built with signing={scheme!r} are rejected",
            )
        for scheme in sorted(set(new.signing_schemes) - set(old.signing_schemes)):
            self.add(
                where,
                "service.signing.schemes",
                "service-signing-scheme-added",
                None,
                scheme,
                f"signing={scheme!r} is newly accepted; defaults unchanged",
            )
        if old.credentials != new.credentials:
            self.add(
                where,
                "service.credentials",
                "service-credentials-changed",
                old.credentials,
                new.credentials,
                "the client's credential keywords and environment variables "
                "change; existing constructors fail",
            )
        for code in sorted(set(old.throttling_codes) ^ set(new.throttling_codes)):
            gone = code in old.throttling_codes
            self.add(
                where,
                "service.throttling_codes",
                "service-retry-changed",
                code if gone else None,
                None if gone else code,
                f"the runtime {'no longer retries' if gone else 'now retries'} {code} with backoff",
            )
        self.checked(
            where,
            "service",
            old,
            new,
            {
                "name",
                "title",
                "vendor",
                "api_version",
                "protocol",
                "error_format",
                "endpoint",
                "signing_default",
                "signing_schemes",
                "credentials",
                "throttling_codes",
            },
        )
        olds = {op.name: op for op in old.operations}
        news = {op.name: op for op in new.operations}
        new_codes = {e.code for op in new.operations for e in op.errors}
        for name in sorted(olds.keys() | news.keys()):
            op_where = _Where(where.service, name)
            a, b = olds.get(name), news.get(name)
            if b is None:
                assert a is not None
                self.add(
                    op_where,
                    name,
                    "operation-removed",
                    a.python_name,
                    None,
                    f"{a.python_name}() disappears from the client; calls to it fail",
                )
            elif a is None:
                self.add(
                    op_where,
                    name,
                    "operation-added",
                    None,
                    b.python_name,
                    f"new client method {b.python_name}(); nothing existing changes",
                )
            else:
                _OperationDiffer(self, op_where, a, b, new_codes).run()

    def endpoint(self, where: _Where, old: Endpoint, new: Endpoint) -> None:
        if old.url != new.url:
            self.add(
                where,
                "service.endpoint.url",
                "service-endpoint-changed",
                old.url,
                new.url,
                "clients reach the new default endpoint; an explicit endpoint= is unaffected",
                NON_BREAKING,
            )
        if old.default_region != new.default_region:
            self.add(
                where,
                "service.endpoint.default_region",
                "service-endpoint-changed",
                old.default_region,
                new.default_region,
                "clients built without region= now reach another region, where callers' "
                "resources may not be",
                BREAKING,
            )
        a, b = dict(old.regions), dict(new.regions)
        for region in sorted(a.keys() | b.keys()):
            if a.get(region) != b.get(region):
                self.add(
                    where,
                    f"service.endpoint.regions.{region}",
                    "service-endpoint-changed",
                    a.get(region),
                    b.get(region),
                    f"region {region} is reached at another endpoint; endpoint= overrides it",
                    NON_BREAKING,
                )
        if old.ip_address_style != new.ip_address_style:
            self.add(
                where,
                "service.endpoint.ip_address_style",
                "service-endpoint-changed",
                old.ip_address_style,
                new.ip_address_style,
                "host labels (bucket, project) travel another way to an IP endpoint=; calls "
                "are unchanged",
                NON_BREAKING,
            )
        handled = {"url", "default_region", "regions", "ip_address_style"}
        self.checked(where, "service.endpoint", old, new, handled)


class _OperationDiffer:
    """All findings inside one operation present on both sides."""

    def __init__(
        self,
        differ: _Differ,
        where: _Where,
        old: Operation,
        new: Operation,
        service_codes: set[str],
    ) -> None:
        self.d = differ
        self.where = where
        self.old = old
        self.new = new
        self.service_codes = service_codes
        self.old_shapes = {s.name: s for s in old.shapes}
        self.new_shapes = {s.name: s for s in new.shapes}

    def add(
        self, path: str, kind: str, old: Any, new: Any, reason: str, severity: str | None = None
    ) -> None:
        self.d.add(self.where, path, kind, old, new, reason, severity)

    def docs(self, path: str, kind: str, old: Any, new: Any, what: str) -> None:
        self.d.docs(self.where, path, kind, old, new, what)

    def run(self) -> None:
        old, new, name = self.old, self.new, self.old.name
        self.docs(f"{name}.summary", "summary-changed", old.summary, new.summary, "summary")
        self.docs(
            f"{name}.description",
            "description-changed",
            old.description,
            new.description,
            "operation description",
        )
        for attr in ("method", "path", "action", "host_prefix"):
            a, b = getattr(old, attr), getattr(new, attr)
            if a != b:
                self.add(
                    f"{name}.request.{attr}",
                    "operation-request-changed",
                    a,
                    b,
                    f"the client now sends {attr} {_fmt(b)}; calls to {new.python_name}() "
                    "are unchanged",
                )
        for attr in ("idempotent", "idempotency_token"):
            a, b = getattr(old, attr), getattr(new, attr)
            if a != b:
                self.add(
                    f"{name}.request.{attr}",
                    "operation-retries-changed",
                    a,
                    b,
                    f"{attr} is now {_fmt(b)}: the client retries {new.python_name}() "
                    + ("after 5xx, timeouts and resets too" if new.idempotent else "less"),
                )
        if old.deprecated != new.deprecated:
            self.add(
                f"{name}.deprecated",
                "operation-deprecated",
                old.deprecated,
                new.deprecated,
                "now deprecated; calls still work but should move on"
                if new.deprecated
                else "no longer deprecated",
            )
        self.fixed_parameters()
        self.parameters()
        if old.response_status != new.response_status:
            self.add(
                f"{name}.response.status",
                "response-status-changed",
                old.response_status,
                new.response_status,
                "the client accepts the new success status; results are unchanged for callers",
            )
        if old.xml_root != new.xml_root:
            self.add(
                f"{name}.response.xml_root",
                "response-xml-root-changed",
                old.xml_root,
                new.xml_root,
                "the client decodes the new XML root; results are unchanged",
            )
        if old.payload != new.payload:
            self.add(
                f"{name}.response.payload",
                "response-payload-changed",
                old.payload,
                new.payload,
                "the body now decodes "
                + (f"into {new.payload} as a whole" if new.payload else "as an object")
                + "; code reading the response may break",
            )
        self.docs(
            f"{name}.response.description",
            "description-changed",
            old.response_description,
            new.response_description,
            "response description",
        )
        self.fields(f"{name}.response", old.response_fields, new.response_fields, ())
        self.shapes()
        self.errors()
        self.pagination(old.pagination, new.pagination)
        self.examples()
        self.permissions()
        for attr, what in (
            ("notes", "notes"),
            ("limits", "rate limits"),
            ("errors_note", "error note"),
            ("request_headers_note", "request header note"),
            ("response_headers_note", "response header note"),
        ):
            path = {
                "request_headers_note": f"{name}.request.headers_note",
                "response_headers_note": f"{name}.response.headers_note",
            }.get(attr, f"{name}.{attr}")
            self.docs(path, "notes-changed", getattr(old, attr), getattr(new, attr), what)
        self.source(old.source, new.source)
        self.d.checked(
            self.where,
            name,
            old,
            new,
            {
                "summary",
                "description",
                "method",
                "path",
                "action",
                "host_prefix",
                "idempotent",
                "idempotency_token",
                "deprecated",
                "fixed_parameters",
                "response_status",
                "xml_root",
                "payload",
                "response_description",
                "examples",
                "permissions",
                "notes",
                "limits",
                "errors_note",
                "request_headers_note",
                "response_headers_note",
            },
        )

    # -- request -------------------------------------------------------------------------------

    def fixed_parameters(self) -> None:
        base = f"{self.old.name}.fixed_parameters"
        a: dict[str, FixedParameter] = {p.wire_name: p for p in self.old.fixed_parameters}
        b: dict[str, FixedParameter] = {p.wire_name: p for p in self.new.fixed_parameters}
        for key in sorted(a.keys() | b.keys()):
            old, new = a.get(key), b.get(key)
            path = f"{base}.{key}"
            if old is None or new is None:
                self.add(
                    path,
                    "fixed-parameter-changed",
                    old.value if old else None,
                    new.value if new else None,
                    f"the client {'stops sending' if new is None else 'now sends'} {key} "
                    "itself; calls are unchanged",
                )
                continue
            for attr in ("value", "location"):
                if getattr(old, attr) != getattr(new, attr):
                    self.add(
                        f"{path}.{attr}",
                        "fixed-parameter-changed",
                        getattr(old, attr),
                        getattr(new, attr),
                        f"the client sends {key} differently itself; calls are unchanged",
                    )
            self.docs(
                f"{path}.description",
                "description-changed",
                old.description,
                new.description,
                "description",
            )
            self.docs(
                f"{path}.documented_type",
                "documented-type-changed",
                old.documented_type,
                new.documented_type,
                "documented type",
            )
            handled = {"wire_name", "value", "location", "description", "documented_type"}
            self.d.checked(self.where, path, old, new, handled)

    def parameters(self) -> None:
        base = f"{self.old.name}.parameters"
        a = {p.wire_name: p for p in self.old.parameters}
        b = {p.wire_name: p for p in self.new.parameters}
        removed = [p for p in self.old.parameters if p.wire_name not in b]
        added = [p for p in self.new.parameters if p.wire_name not in a]
        for old in removed:
            match = next(
                (
                    p
                    for p in added
                    if p.location == old.location
                    and p.type == old.type
                    and p.credential == old.credential
                ),
                None,
            )
            if match is None:
                self.add(
                    f"{base}.{old.wire_name}",
                    "parameter-removed",
                    _param_summary(old),
                    None,
                    f"calls passing {old.python_name}= fail"
                    if not old.credential
                    else "the client no longer sends this credential parameter",
                    NON_BREAKING if old.credential else BREAKING,
                )
                continue
            added.remove(match)
            same_keyword = old.python_name == match.python_name or old.credential
            self.add(
                f"{base}.{old.wire_name}",
                "parameter-renamed",
                old.wire_name,
                match.wire_name,
                f"same keyword {match.python_name}=; only the wire name changes"
                if same_keyword
                else f"keyword {old.python_name}= becomes {match.python_name}=; calls using "
                "the old name fail",
                NON_BREAKING if same_keyword else BREAKING,
            )
            self.parameter(f"{base}.{match.wire_name}", old, match)
        for new in added:
            if new.required and not new.credential:
                self.add(
                    f"{base}.{new.wire_name}",
                    "parameter-added-required",
                    None,
                    _param_summary(new),
                    f"existing calls lack the required {new.python_name}=",
                )
            else:
                self.add(
                    f"{base}.{new.wire_name}",
                    "parameter-added-optional",
                    None,
                    _param_summary(new),
                    f"new optional {new.python_name}=; existing calls are unchanged"
                    if not new.credential
                    else "a credential parameter the client fills itself",
                )
        for key in a.keys() & b.keys():
            self.parameter(f"{base}.{key}", a[key], b[key])

    def documentation(self, path: str, old: Parameter | Field, new: Parameter | Field) -> None:
        """The page's own words about a parameter or field: description, example, type text."""
        self.docs(
            f"{path}.description",
            "description-changed",
            old.description,
            new.description,
            "description",
        )
        self.docs(f"{path}.example", "example-changed", old.example, new.example, "example")
        self.docs(
            f"{path}.documented_type",
            "documented-type-changed",
            old.documented_type,
            new.documented_type,
            "documented type",
        )
        if isinstance(old, Field) and isinstance(new, Field):
            self.docs(
                f"{path}.deprecated_names",
                "deprecated-names-changed",
                old.deprecated_names,
                new.deprecated_names,
                "deprecated spellings",
            )

    def parameter(self, path: str, old: Parameter, new: Parameter) -> None:
        kw = f"{new.python_name}="
        if old.type != new.type:
            same = old.type.python() == new.type.python()
            widened = old.type.kind in ("integer", "long") and new.type.kind == "number"
            self.add(
                f"{path}.type",
                "parameter-type-changed",
                old.type,
                new.type,
                f"same Python type {new.type.python()}; callers' values still fit"
                if same
                else f"{kw} widens from int to float; ints are still accepted"
                if widened
                else f"{kw} changes type: values of type {old.type.python()} that callers "
                "pass no longer fit",
                NON_BREAKING if same or widened else BREAKING,
            )
        if old.required != new.required and not new.credential:
            if new.required:
                self.add(
                    f"{path}.required",
                    "parameter-made-required",
                    False,
                    True,
                    f"calls that omit {kw} are now incomplete",
                )
            else:
                self.add(
                    f"{path}.required",
                    "parameter-made-optional",
                    True,
                    False,
                    f"calls may now omit {kw}",
                )
        if old.default != new.default:
            self.add(
                f"{path}.default",
                "parameter-default-changed",
                old.default,
                new.default,
                f"calls that omit {kw} now get {_fmt(new.default)} instead of "
                f"{_fmt(old.default)}; they still work",
            )
        self.bound(path, "minimum", old.minimum, new.minimum, kw)
        self.bound(path, "maximum", old.maximum, new.maximum, kw)
        self.parameter_enum(path, old.enum, new.enum, kw)
        if old.enum_closed != new.enum_closed:
            self.add(
                f"{path}.enum_closed",
                "parameter-enum-closed-changed",
                old.enum_closed,
                new.enum_closed,
                f"the client now refuses {kw.rstrip('=')} values outside the list"
                if new.enum_closed
                else f"the client now sends any {kw.rstrip('=')} value, not only the listed ones",
                BREAKING if new.enum_closed else NON_BREAKING,
            )
        if old.location != new.location:
            self.add(
                f"{path}.location",
                "parameter-location-changed",
                old.location,
                new.location,
                f"the client now sends it in the {new.location}; {kw} is unchanged",
            )
        if old.style != new.style:
            self.add(
                f"{path}.style",
                "parameter-style-changed",
                old.style,
                new.style,
                f"the client serializes it as {new.style}; {kw} is unchanged",
            )
        if old.credential != new.credential:
            if new.credential:
                self.add(
                    f"{path}.credential",
                    "parameter-credential-changed",
                    False,
                    True,
                    f"filled from the client's credentials; calls passing {kw} fail",
                    BREAKING,
                )
            else:
                self.add(
                    f"{path}.credential",
                    "parameter-credential-changed",
                    True,
                    False,
                    f"now the keyword {kw}"
                    + ("; existing calls lack it" if new.required else "; optional"),
                    BREAKING if new.required else NON_BREAKING,
                )
        if old.deprecated != new.deprecated:
            self.add(
                f"{path}.deprecated",
                "parameter-deprecated",
                old.deprecated,
                new.deprecated,
                f"{kw} is now deprecated; calls still work"
                if new.deprecated
                else f"{kw} is no longer deprecated",
            )
        self.documentation(path, old, new)
        self.d.checked(
            self.where,
            path,
            old,
            new,
            {
                "type",
                "required",
                "default",
                "minimum",
                "maximum",
                "enum",
                "enum_closed",
                "location",
                "style",
                "credential",
                "deprecated",
                "description",
                "example",
                "documented_type",
            },
        )

    def bound(self, path: str, attr: str, old: float | None, new: float | None, kw: str) -> None:
        if old == new:
            return
        lower = attr == "minimum"
        if old is None:
            narrowed = True
        elif new is None:
            narrowed = False
        else:
            narrowed = new > old if lower else new < old
        kind = f"parameter-{attr}-{'narrowed' if narrowed else 'widened'}"
        side = "below" if lower else "above"
        name = kw.rstrip("=")
        if narrowed:
            reason = (
                f"request range narrowed: callers sending {name} {side} {_fmt(new)} "
                "are now rejected"
            )
        else:
            reason = f"request range widened: every {name} value accepted before is still accepted"
        self.add(f"{path}.{attr}", kind, old, new, reason)

    def parameter_enum(
        self, path: str, old: tuple[Any, ...], new: tuple[Any, ...], kw: str
    ) -> None:
        if old == new:
            return
        if not old:
            self.add(
                f"{path}.enum",
                "parameter-enum-added",
                None,
                new,
                f"{kw} is restricted to {len(new)} values; other values callers send are rejected",
            )
            return
        if not new:
            self.add(
                f"{path}.enum",
                "parameter-enum-removed",
                old,
                None,
                f"{kw} is no longer restricted to a list of values",
            )
            return
        for value in _missing(old, new):
            self.add(
                f"{path}.enum",
                "parameter-enum-value-removed",
                value,
                None,
                f"callers sending {kw}{value!r} are rejected",
            )
        for value in _missing(new, old):
            self.add(
                f"{path}.enum",
                "parameter-enum-value-added",
                None,
                value,
                f"{kw}{value!r} is newly accepted; existing values unchanged",
            )

    # -- response ------------------------------------------------------------------------------

    def fields(
        self,
        path: str,
        old: Sequence[Field],
        new: Sequence[Field],
        stack: tuple[tuple[str, str], ...],
    ) -> None:
        a = {f.wire_name: f for f in old}
        b = {f.wire_name: f for f in new}
        for key in sorted(a.keys() | b.keys()):
            fa, fb = a.get(key), b.get(key)
            where = f"{path}.{key}"
            if fb is None:
                assert fa is not None
                self.add(
                    where,
                    "response-field-removed",
                    _field_summary(fa),
                    None,
                    f"response field removed: readers of .{fa.python_name} break",
                )
            elif fa is None:
                self.add(
                    where,
                    "response-field-added",
                    None,
                    _field_summary(fb),
                    f"new response field .{fb.python_name}; existing readers are unaffected",
                )
            else:
                self.field(where, fa, fb, stack)

    def field(self, path: str, old: Field, new: Field, stack: tuple[tuple[str, str], ...]) -> None:
        attr = f".{new.python_name}"
        if _structure(old.type) != _structure(new.type):
            same = old.type.python() == new.type.python()
            self.add(
                f"{path}.type",
                "response-field-type-changed",
                old.type,
                new.type,
                f"same Python type {new.type.python()}; readers are unaffected"
                if same
                else f"readers of {attr} get {new.type.python()} instead of {old.type.python()}",
                NON_BREAKING if same else BREAKING,
            )
        else:
            if old.type != new.type:
                self.add(
                    f"{path}.type",
                    "shape-renamed",
                    old.type,
                    new.type,
                    f"the model class of {attr} is renamed ({old.type.python()} → "
                    f"{new.type.python()}); code importing or annotating with it fails",
                )
            self.nested(path, old.type, new.type, stack)
        if old.required != new.required:
            if new.required:
                self.add(
                    f"{path}.required",
                    "response-field-made-required",
                    False,
                    True,
                    f"{attr} is now always present; readers are unaffected",
                )
            else:
                self.add(
                    f"{path}.required",
                    "response-field-made-optional",
                    True,
                    False,
                    f"readers of {attr} may now get None",
                )
        if old.location != new.location:
            self.add(
                f"{path}.location",
                "response-field-location-changed",
                old.location,
                new.location,
                f"the client now reads {attr} from the {new.location}; readers are unaffected",
            )
        if old.enum != new.enum:
            for value in _missing(old.enum, new.enum):
                self.add(
                    f"{path}.enum",
                    "response-field-enum-value-removed",
                    value,
                    None,
                    f"{attr} no longer documents {value!r}; readers see fewer values",
                )
            for value in _missing(new.enum, old.enum):
                self.add(
                    f"{path}.enum",
                    "response-field-enum-value-added",
                    None,
                    value,
                    f"{attr} may now be {value!r}; it stays typed "
                    f"{new.type.python()} so it parses, but exhaustive matches need a "
                    "default branch",
                )
        self.documentation(path, old, new)
        self.d.checked(
            self.where,
            path,
            old,
            new,
            {
                "type",
                "required",
                "location",
                "enum",
                "description",
                "example",
                "documented_type",
                "deprecated_names",
            },
        )

    def nested(
        self, path: str, old: TypeRef, new: TypeRef, stack: tuple[tuple[str, str], ...]
    ) -> None:
        """Same structure: follow into the shapes (arrays as ``name[]``, maps as ``name{}``)."""
        if old.kind == "object":
            a, b = old.shape or "", new.shape or ""
            sa, sb = self.old_shapes.get(a), self.new_shapes.get(b)
            if (a, b) not in stack and sa is not None and sb is not None:
                self.fields(path, sa.fields, sb.fields, (*stack, (a, b)))
        elif old.items is not None and new.items is not None:
            suffix = "[]" if old.kind == "array" else "{}"
            self.nested(path + suffix, old.items, new.items, stack)

    def shapes(self) -> None:
        """Shape descriptions by name; shapes no response field reaches, compared by name."""
        base = f"{self.old.name}.shapes"
        reach_old = _reachable(self.old.response_fields, self.old_shapes)
        reach_new = _reachable(self.new.response_fields, self.new_shapes)
        request_old = {s.name for s in self.old.request_shapes}
        request_new = {s.name for s in self.new.request_shapes}
        for name in sorted(self.old_shapes.keys() | self.new_shapes.keys()):
            sa, sb = self.old_shapes.get(name), self.new_shapes.get(name)
            if sa is not None and sb is not None:
                self.docs(
                    f"{base}.{name}.description",
                    "description-changed",
                    sa.description,
                    sb.description,
                    f"description of {name}",
                )
                if name not in reach_old and name not in reach_new:
                    if name in request_old and name in request_new:
                        self.request_fields(f"{base}.{name}", sa.fields, sb.fields)
                    else:
                        self.fields(f"{base}.{name}", sa.fields, sb.fields, ((name, name),))
                handled = {"name", "description", "fields"}
                self.d.checked(self.where, f"{base}.{name}", sa, sb, handled)
            elif sb is None and name not in reach_old:
                self.add(
                    f"{base}.{name}",
                    "shape-removed",
                    name,
                    None,
                    f"model class {name} is no longer generated; imports of it fail",
                )
            elif sa is None and name not in reach_new:
                self.add(f"{base}.{name}", "shape-added", None, name, f"new model class {name}")

    def request_fields(self, path: str, old: Sequence[Field], new: Sequence[Field]) -> None:
        """The keys of a shape only requests take: what callers pass, not what they read."""
        a = {f.wire_name: f for f in old}
        b = {f.wire_name: f for f in new}
        for key in sorted(a.keys() | b.keys()):
            fa, fb = a.get(key), b.get(key)
            where = f"{path}.{key}"
            if fb is None:
                assert fa is not None
                self.add(
                    where,
                    "request-field-removed",
                    _field_summary(fa),
                    None,
                    f"key {fa.python_name!r} removed: calls passing it raise before sending",
                )
            elif fa is None:
                self.add(
                    where,
                    "request-field-added",
                    None,
                    _field_summary(fb),
                    f"new {'required' if fb.required else 'optional'} key {fb.python_name!r}",
                    BREAKING if fb.required else NON_BREAKING,
                )
            else:
                if fa.type != fb.type or fa.required != fb.required:
                    relaxed = fa.type == fb.type and fa.required and not fb.required
                    self.add(
                        where,
                        "request-field-changed",
                        _field_summary(fa),
                        _field_summary(fb),
                        f"key {fb.python_name!r} is now {fb.type.python_input()}"
                        + (" (required)" if fb.required else " (optional)"),
                        NON_BREAKING if relaxed else BREAKING,
                    )
                self.documentation(where, fa, fb)
                handled = {"type", "required", "description", "example", "documented_type"}
                self.d.checked(self.where, where, fa, fb, handled | {"deprecated_names"})

    # -- errors, pagination --------------------------------------------------------------------

    def errors(self) -> None:
        base = f"{self.old.name}.errors"
        a: dict[str, ErrorCode] = {e.code: e for e in self.old.errors}
        b: dict[str, ErrorCode] = {e.code: e for e in self.new.errors}
        for code in sorted(a.keys() | b.keys()):
            ea, eb = a.get(code), b.get(code)
            path = f"{base}.{code}"
            if eb is None:
                assert ea is not None
                if code in self.service_codes:
                    self.add(
                        path,
                        "error-code-removed",
                        ea.status,
                        None,
                        f"no longer documented here; {ea.class_name} remains (other operations "
                        "document it)",
                        NON_BREAKING,
                    )
                else:
                    self.add(
                        path,
                        "error-code-removed",
                        ea.status,
                        None,
                        f"{ea.class_name} is no longer generated; code importing or catching "
                        "it fails",
                        BREAKING,
                    )
            elif ea is None:
                self.add(
                    path,
                    "error-code-added",
                    None,
                    eb.status,
                    f"new exception {eb.class_name} under the service's base error; "
                    "handlers of the base still catch it",
                )
            else:
                if ea.status != eb.status:
                    self.add(
                        f"{path}.status",
                        "error-status-changed",
                        ea.status,
                        eb.status,
                        f"{eb.class_name} is still raised (matched by code); only its "
                        "status_code differs",
                    )
                self.docs(
                    f"{path}.message",
                    "description-changed",
                    ea.message,
                    eb.message,
                    "error message",
                )
                self.docs(
                    f"{path}.description",
                    "description-changed",
                    ea.description,
                    eb.description,
                    "error description",
                )
                self.d.checked(self.where, path, ea, eb, {"status", "message", "description"})

    def pagination(self, old: Pagination | None, new: Pagination | None) -> None:
        path = f"{self.old.name}.pagination"
        name = self.new.python_name
        if old is None and new is None:
            return
        if new is None:
            assert old is not None
            self.add(
                path,
                "pagination-removed",
                old.style,
                None,
                f"iter_{name}() and {name}_pages() disappear; callers using them fail",
            )
            return
        if old is None:
            self.add(
                path,
                "pagination-added",
                None,
                new.style,
                f"new iter_{name}() and {name}_pages(); {name}() is unchanged",
            )
            return
        if old.style != new.style:
            self.add(
                f"{path}.style",
                "pagination-style-changed",
                old.style,
                new.style,
                "paging works differently; code paging by hand breaks",
            )
        for attr in ("input_token", "output_token"):
            a, b = _dotted(getattr(old, attr)), _dotted(getattr(new, attr))
            if a != b:
                self.add(
                    f"{path}.{attr}",
                    "pagination-token-changed",
                    a,
                    b,
                    "the paging token callers pass or read is another field",
                )
        if old.items != new.items:
            self.add(
                f"{path}.items",
                "pagination-items-changed",
                _dotted(old.items),
                _dotted(new.items),
                f"iter_{name}() yields the items of another list",
            )
        paging_attrs = (
            "page_size",
            "total_count",
            "more_results",
            "last_item_token",
            "link_rel",
            "repeat_while",
            "repeat_value",
        )
        for attr in paging_attrs:
            a, b = _dotted(getattr(old, attr)), _dotted(getattr(new, attr))
            if a != b:
                self.add(
                    f"{path}.{attr}",
                    "pagination-changed",
                    a,
                    b,
                    f"the paginator's {attr.replace('_', ' ')} field changed; iteration "
                    "is unchanged for callers",
                )
        old_lists = {e.name: e for e in old.extra_items}
        new_lists = {e.name: e for e in new.extra_items}
        for list_name in sorted(old_lists.keys() | new_lists.keys()):
            a_list, b_list = old_lists.get(list_name), new_lists.get(list_name)
            if a_list is None:
                self.add(
                    f"{path}.extra_items.{list_name}",
                    "pagination-list-added",
                    None,
                    _dotted(new_lists[list_name].path),
                    f"new iter_{name}_{list_name}()",
                )
            elif b_list is None:
                self.add(
                    f"{path}.extra_items.{list_name}",
                    "pagination-list-removed",
                    _dotted(a_list.path),
                    None,
                    f"iter_{name}_{list_name}() disappears; callers using it fail",
                )
            elif a_list != b_list:
                self.add(
                    f"{path}.extra_items.{list_name}",
                    "pagination-items-changed",
                    _dotted(a_list.path),
                    _dotted(b_list.path),
                    f"iter_{name}_{list_name}() yields the items of another list",
                )
        old_schemes = {s.style: s for s in old.schemes}
        new_schemes = {s.style: s for s in new.schemes}
        for style in sorted(old_schemes.keys() | new_schemes.keys()):
            a_scheme, b_scheme = old_schemes.get(style), new_schemes.get(style)
            if a_scheme is None:
                self.add(
                    f"{path}.schemes.{style}",
                    "pagination-scheme-added",
                    None,
                    style,
                    f"{name}() also pages by {style} (its keywords pick it)",
                )
            elif b_scheme is None:
                self.add(
                    f"{path}.schemes.{style}",
                    "pagination-scheme-removed",
                    style,
                    None,
                    f"{name}() no longer pages by {style}; its keywords fetch one page",
                )
            elif a_scheme != b_scheme:
                self.pagination_scheme(f"{path}.schemes.{style}", a_scheme, b_scheme)
        self.d.checked(
            self.where,
            path,
            old,
            new,
            {
                "style",
                "input_token",
                "output_token",
                "items",
                "page_size",
                "total_count",
                "more_results",
                "last_item_token",
                "link_rel",
                "repeat_while",
                "repeat_value",
                "extra_items",
                "schemes",
            },
        )

    def pagination_scheme(self, path: str, old: Pagination, new: Pagination) -> None:
        """A further scheme of the same style changed: each differing attribute, reviewed."""
        self.d.checked(self.where, path, old, new, set())

    # -- documentation -------------------------------------------------------------------------

    def examples(self) -> None:
        base = f"{self.old.name}.examples"
        a, b = _keyed_examples(self.old.examples), _keyed_examples(self.new.examples)
        for key in sorted(a.keys() | b.keys()):
            ea, eb = a.get(key), b.get(key)
            self.docs(
                f"{base}.{key}",
                "example-changed",
                ea.text if ea else None,
                eb.text if eb else None,
                f"example {key!r}",
            )
            if ea is not None and eb is not None and ea.text == eb.text and ea != eb:
                self.docs(f"{base}.{key}", "example-changed", ea, eb, f"example {key!r}")

    def permissions(self) -> None:
        base = f"{self.old.name}.permissions"
        a: dict[str, Permission] = {p.action: p for p in self.old.permissions}
        b: dict[str, Permission] = {p.action: p for p in self.new.permissions}
        for key in sorted(a.keys() | b.keys()):
            pa, pb = a.get(key), b.get(key)
            self.docs(
                f"{base}.{key}",
                "permissions-changed",
                None if pa is None else dict(pa.details),
                None if pb is None else dict(pb.details),
                f"permission {key}",
            )

    def source(self, old: Source, new: Source) -> None:
        path = f"{self.old.name}.source"
        if old.last_updated != new.last_updated:
            self.add(
                f"{path}.last_updated",
                "last-updated-changed",
                old.last_updated,
                new.last_updated,
                f"the page was updated on {_fmt(new.last_updated)}; documentation only",
            )
        for attr in ("title", "vendor", "url", "document"):
            self.docs(
                f"{path}.{attr}",
                "source-changed",
                getattr(old, attr),
                getattr(new, attr),
                f"source {attr}",
            )
        handled = {"title", "vendor", "url", "document", "last_updated"}
        self.d.checked(self.where, path, old, new, handled)


def _reachable(fields: Sequence[Field], shapes: dict[str, Shape]) -> set[str]:
    """Names of the shapes reachable from ``fields``."""
    seen: set[str] = set()
    todo = list(fields)
    while todo:
        ref: TypeRef | None = todo.pop().type
        while ref is not None and ref.kind != "object":
            ref = ref.items
        if ref is not None and ref.shape and ref.shape not in seen:
            seen.add(ref.shape)
            shape = shapes.get(ref.shape)
            todo.extend(shape.fields if shape else ())
    return seen


def _missing(values: Sequence[Any], other: Sequence[Any]) -> list[Any]:
    return [v for v in values if v not in other]


def _dotted(value: str | tuple[str, ...] | None) -> str | None:
    return ".".join(value) if isinstance(value, tuple) else value


def _keyed_examples(examples: Sequence[Example]) -> dict[str, Example]:
    keyed: dict[str, Example] = {}
    for example in examples:
        key, n = example.title, 1
        while key in keyed:
            n += 1
            key = f"{example.title} #{n}"
        keyed[key] = example
    return keyed


# -- reports ---------------------------------------------------------------------------------


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


_MARK = {BREAKING: "!", NON_BREAKING: "+"}


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
            label = (
                "" if f.documentation else f"{f.severity.upper() if f.breaking else f.severity}: "
            )
            lines.append(f"    {mark} {label}{f.path}: {change_text(f)}  [{f.kind}]")
            if not f.documentation:
                lines.append(f"        {f.reason}")
    lines += ["", f"Totals: {totals(ordered).line()}"]
    return "\n".join(lines) + "\n"


# -- inputs ----------------------------------------------------------------------------------


class DiffInputError(Exception):
    """A side of the comparison cannot be read (bad revision, bad path, invalid specs)."""


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


@dataclass(frozen=True)
class Side:
    """One side of a comparison: a label for reports and the model."""

    label: str
    specs: SpecSet


def _load_tree(root: Path, label: str) -> SpecSet:
    try:
        return load_specs(root, read_pages=False)
    except SpecError as error:
        issues = "\n".join(f"  {issue}" for issue in error.issues)
        raise DiffInputError(f"{label}: {len(error.issues)} spec error(s)\n{issues}") from error


def _git(cwd: Path, *args: str) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(["git", "-C", str(cwd), *args], capture_output=True, check=False)


def is_revision(spec_dir: Path, revision: str) -> bool:
    """Whether ``revision`` names a commit in the repository holding ``spec_dir``."""
    anchor = spec_dir if spec_dir.is_dir() else spec_dir.parent
    return (
        _git(anchor, "rev-parse", "--verify", "--quiet", f"{revision}^{{commit}}").returncode == 0
    )


def _existing(path: Path) -> Path:
    """``path`` or its nearest existing ancestor (a spec tree may be gone from the work tree)."""
    path = path.resolve()
    while not path.is_dir() and path != path.parent:
        path = path.parent
    return path


def from_git(revision: str, spec_dir: Path) -> Side:
    """The spec tree ``spec_dir`` as of ``revision`` (extracted with git archive)."""
    spec_dir = spec_dir.resolve()
    found = _git(_existing(spec_dir), "rev-parse", "--show-toplevel")
    if found.returncode != 0:
        raise DiffInputError(
            f"{spec_dir} is not in a git repository: {found.stderr.decode().strip()}"
        )
    top = Path(found.stdout.decode().strip()).resolve()
    relative = spec_dir.relative_to(top).as_posix()
    label = f"{revision}:{relative}"
    if not is_revision(top, revision):
        raise DiffInputError(f"unknown git revision {revision!r}")
    if _git(top, "cat-file", "-e", f"{revision}:{relative}").returncode != 0:
        return Side(label, SpecSet())  # no specs yet at that revision: everything is new
    archive = _git(top, "archive", "--format=tar", revision, "--", relative)
    if archive.returncode != 0:
        raise DiffInputError(f"git archive {revision} failed: {archive.stderr.decode().strip()}")
    with tempfile.TemporaryDirectory(prefix="spec-diff-") as tmp:
        with tarfile.open(fileobj=io.BytesIO(archive.stdout)) as tar:
            tar.extractall(tmp, filter="data")
        return Side(label, _load_tree(Path(tmp) / relative, label))


def from_path(path: Path) -> Side:
    """A spec tree, a single operation file (with the service file beside it), or a snapshot."""
    label = str(path)
    if path.is_dir():
        return Side(label, _load_tree(path, label))
    if not path.is_file():
        raise DiffInputError(f"no such file or directory: {path}")
    if path.suffix == ".json":
        try:
            return Side(label, load_snapshot(path.read_bytes()))
        except DiffInputError as error:
            raise DiffInputError(f"{label}: {error}") from error
    if path.name == SERVICE_FILE:
        return Side(label, _load_tree(path.parent, label))
    service_file = path.parent / SERVICE_FILE
    if not service_file.is_file():
        raise DiffInputError(f"{label}: no {SERVICE_FILE} beside this operation file")
    with tempfile.TemporaryDirectory(prefix="spec-diff-") as tmp:
        target = Path(tmp, "specs", path.parent.parent.name or "provider", path.parent.name)
        target.mkdir(parents=True)
        shutil.copyfile(service_file, target / SERVICE_FILE)
        shutil.copyfile(path, target / path.name)
        return Side(label, _load_tree(target.parent.parent, label))


def resolve(argument: str, spec_dir: Path) -> Side:
    """A path if one exists by that name, else a git revision of ``spec_dir``."""
    path = Path(argument)
    if path.exists():
        return from_path(path)
    if is_revision(spec_dir, argument):
        return from_git(argument, spec_dir)
    raise DiffInputError(f"{argument!r} is neither a path nor a git revision")


def compare(old: Side, new: Side) -> list[Finding]:
    return diff_specs(old.specs, new.specs)


__all__ = [
    "BREAKING",
    "NON_BREAKING",
    "RULES",
    "SCHEMA_VERSION",
    "DiffInputError",
    "Finding",
    "Rule",
    "Side",
    "Totals",
    "change_text",
    "compare",
    "diff_specs",
    "dump_snapshot",
    "from_git",
    "join_snapshot",
    "from_path",
    "is_revision",
    "load_snapshot",
    "load_snapshot_entry",
    "report_json",
    "report_text",
    "resolve",
    "snapshot_entries",
    "snapshot_entry",
    "totals",
    "type_text",
]
