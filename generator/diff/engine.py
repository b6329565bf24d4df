"""The comparison: two models walked side by side, every change one finding.

The comparison never looks at YAML text: two spec trees that normalize to the same model
(keys reordered, reflowed text, comments) have no findings. Each change is one
:class:`Finding` naming the service, the operation, a dotted path inside it
(``ListBuckets.parameters.PageSize.maximum``), the old and new values, a stable rule id
(``kind``, see :data:`generator.diff.rules.RULES`), a level and a one-line reason.

Severity is judged from the side of a caller of the regenerated client, and is
direction-aware: what a caller sends (request parameters) may only widen, what a caller
reads (response fields) may only narrow.
"""

from __future__ import annotations

import dataclasses
import json
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

from generator.diff.findings import Finding, Json
from generator.diff.rules import (
    BREAKING,
    CHECKS,
    DERIVED,
    NON_BREAKING,
    RULES,
    VARIES,
    WARNING,
)
from generator.diff.runtime import (
    accepted_credentials,
    protocol_sends_api_version,
    signer_keeps_region,
)
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


def _reached(endpoint: Endpoint, region: str) -> str:
    """The URL a client built with ``region`` (and no ``endpoint=``) sends to."""
    return dict(endpoint.regions).get(region) or endpoint.url.replace("{region}", region)


def _fmt(value: Json) -> str:
    return "none" if value is None else str(value)


def _distinct(old: Json, new: Json) -> tuple[str, str]:
    """Two different values as text that shows they differ: JSON (``"10"`` and ``10``) where
    their plain text is the same."""
    a, b = _fmt(old), _fmt(new)
    if a == b:
        return json.dumps(old, ensure_ascii=False), json.dumps(new, ensure_ascii=False)
    return a, b


@dataclass(frozen=True)
class _Where:
    service: str
    operation: str | None


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
        assert severity in rule.produces, f"rule {kind} does not produce {severity}"
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

    def walk(
        self,
        where: _Where,
        path: str,
        old: Any,
        new: Any,
        handled: Iterable[str] = (),
        **names: str,
    ) -> None:
        """The table's checks (:data:`~generator.diff.rules.CHECKS`) of ``old``'s model type,
        then ``model-changed`` for every attribute that they, ``handled`` (judged by the
        caller's own code) and :data:`~generator.diff.rules.DERIVED` leave out: a new model
        attribute is never silently ignored."""
        model = type(old).__name__
        checks = CHECKS.get(model, ())
        for check in checks:
            a, b = getattr(old, check.attr), getattr(new, check.attr)
            if a == b:
                continue
            if check.dotted:
                a, b = _dotted(a), _dotted(b)
            template = check.reason if b or check.reason_off is None else check.reason_off
            reason = template.format(old=_fmt(a), new=_fmt(b), attr=check.attr, **names)
            self.add(
                where, f"{path}.{check.path or check.attr}", check.kind, a, b, reason, check.level
            )
        done = set(handled) | {c.attr for c in checks} | DERIVED.get(model, frozenset())
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
                    f"{model}.{f.name} changed (no specific rule; review by hand)",
                )

    def docs(self, where: _Where, path: str, kind: str, old: Any, new: Any, what: str) -> None:
        if old != new:
            self.add(where, path, kind, old, new, f"{what} changed; documentation only")

    def order(
        self, where: _Where, path: str, old: Sequence[Any], new: Sequence[Any], what: str
    ) -> None:
        """The same items (or their keys) in another order or repeated: a finding of its own,
        as comparing the items by key sees no difference."""
        if list(old) != list(new) and set(old) == set(new):
            self.add(
                where,
                path,
                "list-order-changed",
                list(old),
                list(new),
                f"the same {what} in another order or repeated; the generated code and docs "
                "follow it, callers are unaffected",
            )

    # -- services ----------------------------------------------------------------------------

    def spec_sets(self, old: SpecSet, new: SpecSet) -> None:
        olds = {f"{s.provider}/{s.service}": s for s in old.services}
        news = {f"{s.provider}/{s.service}": s for s in new.services}
        for key, a, b in _by_key(olds, news):
            where = _Where(key, None)
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
        if old.api_version != new.api_version:
            sent = protocol_sends_api_version(new.protocol)
            self.add(
                where,
                "service.api_version",
                "service-api-version-changed",
                old.api_version,
                new.api_version,
                f"every {new.protocol} request now asks for API version "
                f"{_fmt(new.api_version)}, whose behaviour applies to all operations"
                if sent
                else f"{new.protocol} requests carry no API version (the path does): only the "
                "documentation changes",
                WARNING if sent else NON_BREAKING,
            )
        self.endpoint(where, old, new)
        if old.signing_default != new.signing_default:
            self.signing_default(where, old.signing_default, new.signing_default)
        self.order(
            where,
            "service.signing.schemes",
            old.signing_schemes,
            new.signing_schemes,
            "signing schemes",
        )
        self.order(
            where,
            "service.throttling_codes",
            old.throttling_codes,
            new.throttling_codes,
            "throttling codes",
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
        self.walk(
            where,
            "service",
            old,
            new,
            {"api_version", "endpoint", "signing_default", "signing_schemes", "throttling_codes"},
        )
        olds = {op.name: op for op in old.operations}
        news = {op.name: op for op in new.operations}
        new_codes = {e.code for op in new.operations for e in op.errors}
        for name, a, b in _by_key(olds, news):
            op_where = _Where(where.service, name)
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

    def signing_default(self, where: _Where, old: str, new: str) -> None:
        """Breaking when the new default scheme rejects credentials the old one accepted."""
        lost = sorted(accepted_credentials(old) - accepted_credentials(new))
        self.add(
            where,
            "service.signing.default",
            "service-signing-changed",
            old,
            new,
            f"clients built without signing= now sign with {new}, which rejects "
            f"{' and '.join(lost)}: such constructors raise CredentialsError"
            if lost
            else f"clients built without signing= now sign with {new}; every credential the "
            f"old default took still works",
            BREAKING if lost else NON_BREAKING,
        )

    def endpoint(self, where: _Where, old_service: Service, new_service: Service) -> None:
        old, new = old_service.endpoint, new_service.endpoint
        if old.default_region != new.default_region:
            self.default_region(where, old.default_region, new_service)
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
        self.walk(where, "service.endpoint", old, new, {"default_region", "regions"})

    def default_region(self, where: _Where, old: str, service: Service) -> None:
        """Breaking only where the region reaches the URL, the region map or the signer."""
        new = service.endpoint.default_region
        hosts = (_reached(service.endpoint, old), _reached(service.endpoint, new))
        signers = sorted(s for s in service.signing_schemes if signer_keeps_region(s))
        if hosts[0] != hosts[1]:
            reason = (
                f"clients built without region= now reach {hosts[1]} instead of {hosts[0]}, "
                "where callers' resources may not be"
            )
        elif signers:
            reason = (
                f"clients built without region= now sign for region {new} ({', '.join(signers)} "
                "scope the signature by region)"
            )
        else:
            reason = (
                f"the endpoint ({hosts[1]}) and the signature take no region: clients built "
                "without region= send the same requests"
            )
        self.add(
            where,
            "service.endpoint.default_region",
            "service-endpoint-changed",
            old,
            new,
            reason,
            BREAKING if hosts[0] != hosts[1] or signers else NON_BREAKING,
        )


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

    def order(self, path: str, old: Sequence[Any], new: Sequence[Any], what: str) -> None:
        self.d.order(self.where, path, old, new, what)

    def run(self) -> None:
        old, new, name = self.old, self.new, self.old.name
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
        self.fixed_parameters()
        self.parameters()
        self.fields(f"{name}.response", old.response_fields, new.response_fields, ())
        self.shapes()
        self.errors()
        self.pagination(old.pagination, new.pagination)
        self.examples()
        self.permissions()
        self.limits()
        self.source(old.source, new.source)
        retried = {"idempotent", "idempotency_token", "limits"}
        self.d.walk(self.where, name, old, new, retried, method=new.python_name)

    # -- request -------------------------------------------------------------------------------

    def fixed_parameters(self) -> None:
        base = f"{self.old.name}.fixed_parameters"
        a: dict[str, FixedParameter] = {p.wire_name: p for p in self.old.fixed_parameters}
        b: dict[str, FixedParameter] = {p.wire_name: p for p in self.new.fixed_parameters}
        self.order(
            base,
            [p.wire_name for p in self.old.fixed_parameters],
            [p.wire_name for p in self.new.fixed_parameters],
            "constants the client sends",
        )
        for key, old, new in _by_key(a, b):
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
            self.d.walk(self.where, path, old, new, name=key)

    def parameters(self) -> None:
        base = f"{self.old.name}.parameters"
        a = {p.wire_name: p for p in self.old.parameters}
        b = {p.wire_name: p for p in self.new.parameters}
        wire_names = (
            [p.wire_name for p in self.old.parameters],
            [p.wire_name for p in self.new.parameters],
        )
        self.order(base, *wire_names, "parameters")
        removed = [p for p in self.old.parameters if p.wire_name not in b]
        added = [p for p in self.new.parameters if p.wire_name not in a]
        # The keyword is what callers see: the same keyword under another wire name is the same
        # parameter, and so is one whose spec names the old one in previous_names (a declared
        # rename). Anything else is a removal plus an addition, never a guessed rename.
        by_keyword = {p.python_name: p for p in added}
        by_previous = {name: p for p in added for name in p.previous_names}
        for old in removed:
            match = by_keyword.get(old.python_name) or by_previous.get(old.wire_name)
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
            self.add(
                f"{base}.{old.wire_name}",
                "parameter-renamed",
                old.wire_name,
                match.wire_name,
                f"same keyword {match.python_name}=; the client sends the new wire name"
                if old.python_name == match.python_name
                else f"keyword {old.python_name}= becomes {match.python_name}= (declared in "
                f"previous_names): {old.python_name}= stays as a deprecated alias for one "
                "release, then goes",
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
        if old.required != new.required and old.credential and new.credential:
            self.add(
                f"{path}.required",
                "parameter-credential-required-changed",
                old.required,
                new.required,
                f"the page now marks it {'required' if new.required else 'optional'}; the "
                "client fills it from its credentials either way",
            )
        elif old.required != new.required and not new.credential:
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
            was, now = _distinct(old.default, new.default)
            self.add(
                f"{path}.default",
                "parameter-default-changed",
                old.default,
                new.default,
                f"calls that omit {kw} now get {now} instead of {was}: they still work, but the "
                "server may do something else for them",
            )
        self.bound(path, "minimum", old.minimum, new.minimum, kw)
        self.bound(path, "maximum", old.maximum, new.maximum, kw)
        self.parameter_enum(path, old.enum, new.enum, kw, new.enum_closed)
        closed = (old.enum_closed, new.enum_closed)
        if closed[0] != closed[1]:
            self.add(
                f"{path}.enum_closed",
                "parameter-enum-closed",
                closed[0],
                closed[1],
                f"{kw} now accepts only its documented values; others callers send are rejected"
                if closed[1]
                else f"{kw} accepts values beyond its documented ones",
                BREAKING if closed[1] else NON_BREAKING,
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
        old_aliases, new_aliases = _aliases(old), _aliases(new)
        gone = [a for name, a in old_aliases.items() if name not in new_aliases]
        fresh = [a for name, a in new_aliases.items() if name not in old_aliases]
        for alias in [a for a in fresh if a != old.python_name]:
            self.add(
                f"{path}.previous_names",
                "parameter-alias-changed",
                None,
                alias,
                f"{alias}= is newly accepted as a deprecated alias of {kw}",
                NON_BREAKING,
            )
        for alias in gone:
            self.add(
                f"{path}.previous_names",
                "parameter-alias-changed",
                alias,
                None,
                f"the deprecated alias {alias}= of {kw} is gone: calls still passing it fail",
                BREAKING,
            )
        judged = {"type", "required", "default", "minimum", "maximum", "enum", "enum_closed"}
        judged |= {"previous_names", "credential"}
        self.d.walk(self.where, path, old, new, judged, kw=kw)

    def bound(self, path: str, attr: str, old: float | None, new: float | None, kw: str) -> None:
        if old == new:
            return
        lower = attr == "minimum"
        name = kw.rstrip("=")
        side = "below" if lower else "above"
        if old is None:
            self.add(
                f"{path}.{attr}",
                "parameter-range-set",
                old,
                new,
                f"{name} now documents a {attr} of {_fmt(new)}: the client rejects values {side} "
                "it before sending, which the server presumably rejected already",
            )
            return
        narrowed = new is not None and (new > old if lower else new < old)
        kind = f"parameter-{attr}-{'narrowed' if narrowed else 'widened'}"
        if narrowed:
            reason = (
                f"request range narrowed: callers sending {name} {side} {_fmt(new)} "
                "are now rejected"
            )
        else:
            reason = f"request range widened: every {name} value accepted before is still accepted"
        self.add(f"{path}.{attr}", kind, old, new, reason)

    def parameter_enum(
        self, path: str, old: tuple[Any, ...], new: tuple[Any, ...], kw: str, closed: bool
    ) -> None:
        if old == new:
            return
        if not old:
            if closed:
                reason = f"the client now refuses any value of {kw} but these {len(new)}"
            else:
                reason = f"{kw} is documented with {len(new)} values; the client still sends others"
            self.add(
                f"{path}.enum",
                "parameter-enum-added",
                None,
                new,
                reason,
                BREAKING if closed else WARNING,
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
        self.order(f"{path}.enum", old, new, f"values of {kw}")
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
        self.order(path, [f.wire_name for f in old], [f.wire_name for f in new], "fields")
        for key, fa, fb in _paired(old, new):
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
                self.wire_name(where, fa, fb)
                self.field(where, fa, fb, stack)

    def wire_name(self, path: str, old: Field, new: Field) -> None:
        if old.wire_name != new.wire_name:
            self.add(
                path,
                "wire-name-changed",
                old.wire_name,
                new.wire_name,
                f"same attribute {new.python_name!r}; the client uses the new wire name",
            )

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
                f"the client now reads {attr} from the {new.location}"
                + (
                    ", as text parsed into its type; None where the server sends no such header"
                    if new.location == "header"
                    else "; None where the server leaves it out of the body"
                ),
            )
        if old.enum != new.enum:
            self.order(f"{path}.enum", old.enum, new.enum, f"values of {attr}")
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
        self.d.walk(self.where, path, old, new, {"type", "required", "location", "enum"})

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
        for name, sa, sb in _by_key(self.old_shapes, self.new_shapes):
            if sa is not None and sb is not None:
                if name not in reach_old and name not in reach_new:
                    if name in request_old and name in request_new:
                        self.request_fields(f"{base}.{name}", sa.fields, sb.fields)
                    else:
                        self.fields(f"{base}.{name}", sa.fields, sb.fields, ((name, name),))
                self.d.walk(self.where, f"{base}.{name}", sa, sb, name=name)
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
        self.order(path, [f.wire_name for f in old], [f.wire_name for f in new], "keys")
        for key, fa, fb in _paired(old, new):
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
                self.wire_name(where, fa, fb)
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
                self.d.walk(self.where, where, fa, fb, {"type", "required"})

    # -- errors, pagination --------------------------------------------------------------------

    def errors(self) -> None:
        base = f"{self.old.name}.errors"
        a: dict[str, ErrorCode] = {e.code: e for e in self.old.errors}
        b: dict[str, ErrorCode] = {e.code: e for e in self.new.errors}
        self.order(
            base, [e.code for e in self.old.errors], [e.code for e in self.new.errors], "errors"
        )
        for code, ea, eb in _by_key(a, b):
            path = f"{base}.{code}"
            if eb is None:
                assert ea is not None
                if code in self.service_codes:
                    self.add(
                        path,
                        "error-code-removed",
                        ea.status,
                        None,
                        f"no longer documented here, but the server may still send it; "
                        f"{ea.class_name} remains (other operations document it)",
                        WARNING,
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
                self.d.walk(self.where, path, ea, eb, name=eb.class_name)

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
        self.paging_tokens(path, old, new)
        if old.items != new.items:
            self.add(
                f"{path}.items",
                "pagination-items-changed",
                _dotted(old.items),
                _dotted(new.items),
                f"iter_{name}() yields the items of another list",
            )
        lists = _by_key({e.name: e for e in old.extra_items}, {e.name: e for e in new.extra_items})
        for list_name, a_list, b_list in lists:
            if a_list is None:
                assert b_list is not None
                self.add(
                    f"{path}.extra_items.{list_name}",
                    "pagination-list-added",
                    None,
                    _dotted(b_list.path),
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
        schemes = _by_key({s.style: s for s in old.schemes}, {s.style: s for s in new.schemes})
        for style, a_scheme, b_scheme in schemes:
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
        judged = {"style", "input_token", "output_token", "items", "extra_items", "schemes"}
        self.d.walk(self.where, path, old, new, judged)

    def paging_tokens(self, path: str, old: Pagination, new: Pagination) -> None:
        """Judged by the keyword callers pass and the attribute they read, not wire names."""
        keywords = (_keyword(self.old, old.input_token), _keyword(self.new, new.input_token))
        attrs = (_dotted(old.output_token_attr), _dotted(new.output_token_attr))
        for attr, (seen_old, seen_new), what in (
            ("input_token", keywords, "keyword"),
            ("output_token", attrs, "attribute"),
        ):
            a, b = _dotted(getattr(old, attr)), _dotted(getattr(new, attr))
            if a == b:
                continue
            same = seen_old == seen_new
            self.add(
                f"{path}.{attr}",
                "pagination-token-changed",
                a,
                b,
                f"only the wire name changes: callers pass and read the same {what} "
                f"{_fmt(seen_new)}"
                if same
                else f"the paging token callers pass or read is another {what} "
                f"({_fmt(seen_old)} → {_fmt(seen_new)})",
                NON_BREAKING if same else BREAKING,
            )

    def pagination_scheme(self, path: str, old: Pagination, new: Pagination) -> None:
        """A further scheme of the same style changed: each differing attribute, reviewed."""
        self.d.walk(self.where, path, old, new)

    # -- documentation -------------------------------------------------------------------------

    def examples(self) -> None:
        base = f"{self.old.name}.examples"
        a, b = _keyed_examples(self.old.examples), _keyed_examples(self.new.examples)
        self.order(base, list(a), list(b), "examples")
        for key, ea, eb in _by_key(a, b):
            self.docs(
                f"{base}.{key}",
                "example-changed",
                ea.text if ea else None,
                eb.text if eb else None,
                f"example {key!r}",
            )
            if ea is not None and eb is not None and ea.text == eb.text and ea != eb:
                self.docs(f"{base}.{key}", "example-changed", ea, eb, f"example {key!r}")

    def limits(self) -> None:
        """A lower stated rate is a warning; other changes to the limits are text."""
        path, old, new = f"{self.old.name}.limits", self.old.limits, self.new.limits
        if old == new:
            return
        a, b = _rates(old), _rates(new)
        lowered = bool(a and b) and (
            min(b) < min(a) or any(y < x for x, y in zip(a, b, strict=False))
        )
        if lowered:
            self.add(
                path,
                "rate-limit-lowered",
                old,
                new,
                f"a stated rate is lower ({_rate_text(a)} → {_rate_text(b)} per second): "
                "callers at the old rate are throttled (the client retries with backoff)",
            )
            return
        self.docs(path, "notes-changed", old, new, "rate limits")

    def permissions(self) -> None:
        base = f"{self.old.name}.permissions"
        a: dict[str, Permission] = {p.action: p for p in self.old.permissions}
        b: dict[str, Permission] = {p.action: p for p in self.new.permissions}
        self.order(
            base,
            [p.action for p in self.old.permissions],
            [p.action for p in self.new.permissions],
            "permissions",
        )
        for key, pa, pb in _by_key(a, b):
            self.docs(
                f"{base}.{key}",
                "permissions-changed",
                None if pa is None else dict(pa.details),
                None if pb is None else dict(pb.details),
                f"permission {key}",
            )

    def source(self, old: Source, new: Source) -> None:
        self.d.walk(self.where, f"{self.old.name}.source", old, new)


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


_Entry = TypeVar("_Entry")


def _by_key(
    old: Mapping[str, _Entry], new: Mapping[str, _Entry]
) -> list[tuple[str, _Entry | None, _Entry | None]]:
    """(key, old entry, new entry) for every key on either side, sorted; None where absent."""
    return [(key, old.get(key), new.get(key)) for key in sorted(old.keys() | new.keys())]


def _missing(values: Sequence[Any], other: Sequence[Any]) -> list[Any]:
    return [v for v in values if v not in other]


def _paired(
    old: Sequence[Field], new: Sequence[Field]
) -> list[tuple[str, Field | None, Field | None]]:
    """(path key, old, new) for the fields of two lists, by wire name, then by Python name
    (the same attribute under another wire name is the same field); sorted by key."""
    a = {f.wire_name: f for f in old}
    b = {f.wire_name: f for f in new}
    added = {f.python_name: f for f in new if f.wire_name not in a}
    pairs: list[tuple[str, Field | None, Field | None]] = []
    for f in old:
        match = b.get(f.wire_name) or added.pop(f.python_name, None)
        pairs.append((f.wire_name, f, match))
    matched = {id(fb) for _, _, fb in pairs if fb is not None}
    pairs += [(f.wire_name, None, f) for f in new if id(f) not in matched]
    return sorted(pairs, key=lambda pair: pair[0])


def _aliases(parameter: Parameter) -> dict[str, str]:
    """Each previous name of ``parameter`` with its keyword (the deprecated alias)."""
    keywords = dict(zip(parameter.previous_names, parameter.aliases, strict=False))
    return {name: keywords.get(name, name) for name in parameter.previous_names}


def _keyword(operation: Operation, wire_name: str | None) -> str | None:
    """The keyword of the request parameter ``wire_name`` (None if there is none)."""
    found = (p.python_name for p in operation.parameters if p.wire_name == wire_name)
    return next(found, None)


_RATE = re.compile(
    r"(\d[\d,]*)\s+(?:times|calls|requests|queries)\s+(?:per|a|each)\s+"
    r"(second|minute|hour|day)",
    re.IGNORECASE,
)
_SECONDS = {"second": 1, "minute": 60, "hour": 3600, "day": 86400}


def _rates(limits: Sequence[str]) -> list[float]:
    """The rates the limits state, per second, in order (``100 times per second`` -> 100)."""
    return [
        int(count.replace(",", "")) / _SECONDS[unit.lower()]
        for text in limits
        for count, unit in _RATE.findall(text)
    ]


def _rate_text(rates: Sequence[float]) -> str:
    return ", ".join(f"{r:g}" for r in rates)


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
