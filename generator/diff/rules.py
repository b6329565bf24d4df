"""The classification rules: one row per rule id, its level and why.

Levels, judged from a caller of the regenerated client: ``breaking`` (working caller code
could stop working), ``warning`` (calls still work, but what they do or get may differ:
review before release), ``non-breaking``. ``varies`` marks a rule whose finding picks its
level from the change (the reason says which and why).
"""

from __future__ import annotations

from dataclasses import dataclass

BREAKING = "breaking"
WARNING = "warning"
NON_BREAKING = "non-breaking"
VARIES = "varies"
LEVELS = (BREAKING, WARNING, NON_BREAKING)


@dataclass(frozen=True)
class Rule:
    """One classification rule: its id, usual severity and why."""

    kind: str
    severity: str  # breaking | warning | non-breaking | varies (the reason says which and why)
    summary: str
    documentation: bool = False
    levels: tuple[str, ...] = ()  # for a rule of level varies: the levels its findings take

    @property
    def produces(self) -> tuple[str, ...]:
        """The levels this rule's findings can take (one unless it varies)."""
        return self.levels if self.severity == VARIES else (self.severity,)


_RULE_LIST = [
    # services
    Rule("service-added", NON_BREAKING, "a new client package; nothing existing changes"),
    Rule("service-removed", BREAKING, "the client package disappears; its imports fail"),
    Rule("service-client-renamed", BREAKING, "client and error classes are renamed; imports fail"),
    Rule(
        "service-api-version-changed",
        VARIES,
        "warning where the protocol sends the version (RPC: every request now asks for the new "
        "version's behaviour); non-breaking where it sends none (REST: the path carries it)",
        levels=(WARNING, NON_BREAKING),
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
        "breaking where the region reaches the URL, the region map or the signer (callers "
        "without region= reach another region), else non-breaking",
        levels=(BREAKING, NON_BREAKING),
    ),
    Rule(
        "service-signing-changed",
        VARIES,
        "default signing scheme changed: breaking when it needs other credentials (callers "
        "passing what the old one took fail with CredentialsError), else non-breaking",
        levels=(BREAKING, NON_BREAKING),
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
    Rule(
        "parameter-removed",
        VARIES,
        "calls passing the keyword fail (breaking); a credential parameter the client filled "
        "itself is only no longer sent (non-breaking)",
        levels=(BREAKING, NON_BREAKING),
    ),
    Rule(
        "parameter-renamed",
        NON_BREAKING,
        "the same keyword under another wire name (the client sends the new one), or a rename "
        "the spec declares in previous_names (the old keyword stays as a deprecated alias for "
        "one release). Renames are never guessed: another keyword is a removal plus an addition",
    ),
    Rule(
        "parameter-type-changed",
        VARIES,
        "breaking unless the Python type is the same or widens (int -> float)",
        levels=(BREAKING, NON_BREAKING),
    ),
    Rule("parameter-made-required", BREAKING, "calls that omit it are now incomplete"),
    Rule("parameter-made-optional", NON_BREAKING, "calls may now omit it"),
    Rule(
        "parameter-default-changed",
        WARNING,
        "calls that omit it still work, but the server now does something else for them",
    ),
    Rule(
        "parameter-range-set",
        WARNING,
        "a bound is documented where there was none: the client now rejects, before sending, "
        "values the server presumably rejected already",
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
        VARIES,
        "a closed list (enum_closed) makes the client reject other values (breaking); an open "
        "one documents values the service presumably checked already (warning)",
        levels=(BREAKING, WARNING),
    ),
    Rule("parameter-enum-removed", NON_BREAKING, "the value list is lifted; any value is accepted"),
    Rule(
        "parameter-enum-closed",
        VARIES,
        "closing a value list (enum_closed) makes the client reject other values (breaking); "
        "opening it accepts them (non-breaking)",
        levels=(BREAKING, NON_BREAKING),
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
        levels=(BREAKING, NON_BREAKING),
    ),
    Rule("parameter-deprecated", NON_BREAKING, "deprecation flag changed; calls still work"),
    Rule(
        "parameter-alias-changed",
        VARIES,
        "a deprecated alias (previous_names) added (non-breaking) or dropped (breaking: calls "
        "still passing the old keyword fail)",
        levels=(BREAKING, NON_BREAKING),
    ),
    Rule(
        "parameter-credential-required-changed",
        NON_BREAKING,
        "whether the page marks a credential parameter required; the client fills it from "
        "its credentials either way",
        documentation=True,
    ),
    # response fields and shapes
    Rule("response-field-added", NON_BREAKING, "readers ignore what they do not read"),
    Rule("response-field-removed", BREAKING, "readers of the attribute break"),
    Rule(
        "response-field-type-changed",
        VARIES,
        "breaking unless the Python type is the same",
        levels=(BREAKING, NON_BREAKING),
    ),
    Rule("response-field-made-optional", BREAKING, "readers may now get None"),
    Rule("response-field-made-required", NON_BREAKING, "readers always get a value"),
    Rule(
        "response-field-enum-value-added",
        WARNING,
        "response values stay typed str (documented values are informative), so a new value "
        "still parses; exhaustive matches should keep a default branch",
    ),
    Rule("response-field-enum-value-removed", NON_BREAKING, "readers see fewer distinct values"),
    Rule(
        "response-field-location-changed",
        WARNING,
        "the client reads it from elsewhere (body/header): still decoded, but from header text "
        "or body data, and None where the server does not send it there",
    ),
    # fields of shapes that only requests take (a structured parameter's keys)
    Rule(
        "request-field-added",
        VARIES,
        "a new key; breaking only if it is required",
        levels=(BREAKING, NON_BREAKING),
    ),
    Rule("request-field-removed", BREAKING, "callers passing the key get an error before sending"),
    Rule(
        "request-field-changed",
        VARIES,
        "a key's type or requiredness changed; breaking unless it is only relaxed",
        levels=(BREAKING, NON_BREAKING),
    ),
    Rule(
        "wire-name-changed",
        NON_BREAKING,
        "a response field or request key under another wire name, its attribute or key "
        "unchanged: the client reads or sends the new name",
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
        "breaking when the exception class disappears from the service; a warning while "
        "another operation still documents the code (the server may still send it)",
        levels=(BREAKING, WARNING),
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
    Rule(
        "pagination-token-changed",
        VARIES,
        "breaking when the keyword or attribute callers pass or read changes; non-breaking when "
        "only its wire name does",
        levels=(BREAKING, NON_BREAKING),
    ),
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
        "rate-limit-lowered",
        WARNING,
        "a rate the limits state (N times per second/minute/...) is lower: callers at the old "
        "rate are throttled (the runtime retries with backoff)",
    ),
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
    Rule(
        "list-order-changed",
        NON_BREAKING,
        "the same items in another order or repeated (enum values, constants the client sends, "
        "permissions): what callers pass and read is unchanged",
    ),
    # safety net
    Rule("model-changed", NON_BREAKING, "a model attribute without a specific rule changed"),
]
RULES: dict[str, Rule] = {rule.kind: rule for rule in _RULE_LIST}


# -- the attribute table ---------------------------------------------------------------------


@dataclass(frozen=True)
class Check:
    """One attribute of one model type that a rule compares as a whole: when old and new
    differ, a finding of ``kind`` at ``<path of the item>.<path or attr>``.

    ``reason`` is a template: ``{old}``, ``{new}``, ``{attr}`` and what the item's walk
    names (``{kw}`` a parameter's keyword, ``{method}`` the operation's method, ``{name}``).
    ``level`` is for a rule of level ``varies``; ``dotted`` shows tuples of names as
    ``a.b``; ``reason_off``, where given, is the reason when the new value is false or
    empty (a flag turned off, a value taken away)."""

    attr: str
    kind: str
    reason: str
    path: str | None = None
    level: str | None = None
    dotted: bool = False
    reason_off: str | None = None


def _docs(
    attr: str, what: str, kind: str = "description-changed", path: str | None = None
) -> Check:
    return Check(attr, kind, f"{what} changed; documentation only", path)


def _request(attr: str) -> Check:
    return Check(
        attr,
        "operation-request-changed",
        "the client now sends {attr} {new}; calls to {method}() are unchanged",
        f"request.{attr}",
    )


def _paging(attr: str) -> Check:
    words = attr.replace("_", " ")
    return Check(
        attr,
        "pagination-changed",
        f"the paginator's {words} field changed; iteration is unchanged for callers",
        dotted=True,
    )


# Per model type: the attributes compared as a whole by a rule of this table. The engine's
# own code judges the others it names at each walk (types, ranges, lists, nested items);
# DERIVED ones follow from others; anything else that changes is ``model-changed``.
CHECKS: dict[str, tuple[Check, ...]] = {
    "Service": (
        Check(
            "name",
            "service-client-renamed",
            "{old}Client/{old}Error become {new}Client/{new}Error; imports of the old names fail",
        ),
        _docs("title", "service title", "title-changed"),
        _docs("vendor", "vendor name", "title-changed"),
        Check(
            "protocol",
            "service-protocol-changed",
            "wire format, error decoding and response shapes of every operation change",
        ),
        Check(
            "error_format",
            "service-error-format-changed",
            "the runtime decodes error bodies in the new format; exception classes are unchanged",
        ),
        Check(
            "credentials",
            "service-credentials-changed",
            "the client's credential keywords and environment variables change; existing "
            "constructors fail",
        ),
    ),
    "Endpoint": (
        Check(
            "url",
            "service-endpoint-changed",
            "clients reach the new default endpoint; an explicit endpoint= is unaffected",
            level=NON_BREAKING,
        ),
        Check(
            "ip_address_style",
            "service-endpoint-changed",
            "host labels (bucket, project) travel another way to an IP endpoint=; calls are "
            "unchanged",
            level=NON_BREAKING,
        ),
    ),
    "Operation": (
        _docs("summary", "summary", "summary-changed"),
        _docs("description", "operation description"),
        Check(
            "deprecated",
            "operation-deprecated",
            "now deprecated; calls still work but should move on",
            reason_off="no longer deprecated",
        ),
        Check(
            "payload",
            "response-payload-changed",
            "the body now decodes into {new} as a whole; code reading the response may break",
            "response.payload",
            reason_off="the body now decodes as an object; code reading the response may break",
        ),
        _request("method"),
        _request("path"),
        _request("action"),
        _request("host_prefix"),
        Check(
            "response_status",
            "response-status-changed",
            "the client accepts the new success status; results are unchanged for callers",
            "response.status",
        ),
        Check(
            "xml_root",
            "response-xml-root-changed",
            "the client decodes the new XML root; results are unchanged",
            "response.xml_root",
        ),
        _docs("response_description", "response description", path="response.description"),
        _docs("notes", "notes", "notes-changed"),
        _docs("errors_note", "error note", "notes-changed"),
        _docs(
            "request_headers_note", "request header note", "notes-changed", "request.headers_note"
        ),
        _docs(
            "response_headers_note",
            "response header note",
            "notes-changed",
            "response.headers_note",
        ),
    ),
    "Parameter": (
        Check(
            "location",
            "parameter-location-changed",
            "the client now sends it in the {new}; {kw} is unchanged",
        ),
        Check(
            "style",
            "parameter-style-changed",
            "the client serializes it as {new}; {kw} is unchanged",
        ),
        Check(
            "deprecated",
            "parameter-deprecated",
            "{kw} is now deprecated; calls still work",
            reason_off="{kw} is no longer deprecated",
        ),
        _docs("description", "description"),
        _docs("example", "example", "example-changed"),
        _docs("documented_type", "documented type", "documented-type-changed"),
    ),
    "Field": (
        _docs("description", "description"),
        _docs("example", "example", "example-changed"),
        _docs("documented_type", "documented type", "documented-type-changed"),
        _docs("deprecated_names", "deprecated spellings", "deprecated-names-changed"),
    ),
    "FixedParameter": (
        Check(
            "value",
            "fixed-parameter-changed",
            "the client sends {name} differently itself; calls are unchanged",
        ),
        Check(
            "location",
            "fixed-parameter-changed",
            "the client sends {name} differently itself; calls are unchanged",
        ),
        _docs("description", "description"),
        _docs("documented_type", "documented type", "documented-type-changed"),
    ),
    "ErrorCode": (
        Check(
            "status",
            "error-status-changed",
            "{name} is still raised (matched by code); only its status_code differs",
        ),
        _docs("message", "error message"),
        _docs("description", "error description"),
    ),
    "Shape": (_docs("description", "description of {name}"),),
    "Source": (
        _docs("title", "source title", "source-changed"),
        _docs("vendor", "source vendor", "source-changed"),
        _docs("url", "source url", "source-changed"),
        _docs("document", "source document", "source-changed"),
        Check(
            "last_updated",
            "last-updated-changed",
            "the page was updated on {new}; documentation only",
        ),
    ),
    "Pagination": tuple(
        _paging(attr)
        for attr in (
            "page_size",
            "total_count",
            "more_results",
            "last_item_token",
            "link_rel",
            "repeat_while",
            "repeat_value",
        )
    ),
}

# Attributes that follow from others (Python names, class names, where a spec lives) or are
# walked item by item (operations, parameters, fields, shapes, ...) by the engine.
DERIVED: dict[str, frozenset[str]] = {
    "Service": frozenset({"provider", "service", "spec_file", "operations"}),
    "Operation": frozenset(
        {
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
            "fixed_parameters",
            "examples",
            "permissions",
        }
    ),
    "Parameter": frozenset({"wire_name", "python_name", "aliases"}),
    "Field": frozenset({"wire_name", "python_name"}),
    "FixedParameter": frozenset({"wire_name"}),
    "ErrorCode": frozenset({"code", "class_name", "prefix"}),
    "Shape": frozenset({"name", "fields"}),
    "Pagination": frozenset(
        {
            "items_attr",
            "output_token_attr",
            "more_results_attr",
            "total_count_attr",
            "last_item_token_attr",
            "repeat_while_attr",
            "item_type",
        }
    ),
}
