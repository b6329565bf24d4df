"""Spec files -> intermediate model, with the checks a schema cannot express.

Dangling shape references, duplicate operations, pagination fields that name nothing,
path placeholders without a parameter: all are reported together, each at its own line.
"""

from __future__ import annotations

import errno
import keyword
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import replace
from functools import partial
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Any

from generator.errors import SpecError, SpecIssue, display_path
from generator.loader import JsonPath, SpecFile, load_spec_file
from generator.model import (
    Endpoint,
    ErrorCode,
    Example,
    Field,
    FixedParameter,
    ItemList,
    Operation,
    Pagination,
    Parameter,
    Permission,
    Service,
    Shape,
    Source,
    SpecSet,
    TypeRef,
    UrlEncoded,
)
from generator.naming import (
    attribute_names,
    error_class_name,
    method_names,
    shape_constant,
    snake_case,
    unshadowed,
)
from generator.tree import files_under
from generator.validate import schema_issues

if TYPE_CHECKING:
    from sdk_runtime.registry import Registry

SERVICE_FILE = "service.yaml"
# how the service dirs are loaded: ``map``, or a process pool's (see generator.pipeline)
MapEach = Callable[
    [Callable[[Path], "Service | SpecError"], list[Path]], Iterable["Service | SpecError"]
]
_PATH_PLACEHOLDER = re.compile(r"\{([^}]+)\}")
_PERMISSION_LABELS = {
    "access_level": "Access level",
    "resource_type": "Resource type",
    "condition_key": "Condition key",
    "alias": "Alias",
    "dependent_action": "Dependent action",
    "note": "Note",
}


def load_specs(root: Path, *, read_pages: bool = True) -> SpecSet:
    """Load, validate and normalize every spec under ``root``; raise SpecError with all issues.
    ``read_pages=False`` leaves the stored pages unread (their examples unchecked): for the
    diff, whose old side may predate them."""
    loaded = load_service_dirs(root, read_pages=read_pages)
    return SpecSet(tuple(s for _, s in loaded if s is not None))


def load_service_dirs(
    root: Path,
    kept: Mapping[Path, tuple[str, str]] | None = None,
    *,
    read_pages: bool = True,
    map_each: MapEach = map,
    listing: Sequence[str] | None = None,
) -> list[tuple[Path, Service | None]]:
    """Every service dir under ``root`` in order, with its service, as :func:`load_specs`.
    The dirs in ``kept`` (unchanged since they were last loaded, with their provider and
    service) are not loaded again (None), only checked against the others. ``map_each``
    loads the others (default: one after the other here; a process pool's ``map``: side by
    side), each dir on its own. ``listing``: every file under ``root`` (posix, relative), if
    the caller listed them already."""
    kept = kept or {}
    if listing is not None:
        spec_files = [root / name for name in listing if name.endswith(".yaml")]
    else:
        spec_files = files_under(root, (".yaml",)) if root.is_dir() else []
    if not spec_files:
        # an empty tree would regenerate generated/ as empty: a mistyped --specs must not do that
        problem = "no spec files here" if root.is_dir() else "no such directory"
        raise SpecError([SpecIssue(str(root), 1, "", problem)])
    issues: list[SpecIssue] = []
    loaded: list[tuple[Path, Service | None]] = []
    service_dirs = sorted(path.parent for path in spec_files if path.name == SERVICE_FILE)
    known = set(service_dirs)
    for path in spec_files:
        if path.parent not in known:
            display = path.relative_to(root.parent).as_posix()
            issues.append(
                SpecIssue(display, 1, "", f"no {SERVICE_FILE} beside this operation file")
            )
    packages: dict[tuple[str, str], str] = {}  # -> the service file defining it
    todo = [directory for directory in service_dirs if directory not in kept]
    loads = map_each(partial(_service_or_error, root, read_pages), todo)
    results = dict(zip(todo, loads, strict=True))
    for directory in service_dirs:
        service: Service | None = None
        if directory in kept:
            package, spec_file = kept[directory], display_path(directory / SERVICE_FILE, root)
        else:
            result = results[directory]
            if isinstance(result, SpecError):
                issues.extend(result.issues)
                continue
            service = result
            package, spec_file = (service.provider, service.service), service.spec_file
        other = packages.setdefault(package, spec_file)
        if other != spec_file:  # both would be written to generated/<provider>/<service>/
            issues.append(
                load_spec_file(directory / SERVICE_FILE, root).issue(
                    ("service",),
                    f"service {package[0]}/{package[1]} is already defined by {other}",
                )
            )
        loaded.append((directory, service))
    if issues:
        raise SpecError(issues)
    return loaded


def _service_or_error(root: Path, read_pages: bool, directory: Path) -> Service | SpecError:
    """One service dir loaded, or its issues (returned, not raised: all are reported)."""
    try:
        return _load_service_dir(directory, root, read_pages)
    except SpecError as error:
        return error


def _load_service_dir(directory: Path, root: Path, read_pages: bool = True) -> Service:
    issues: list[SpecIssue] = []
    files: list[SpecFile] = []
    operation_paths = sorted(p for p in directory.glob("*.yaml") if p.name != SERVICE_FILE)
    for path in [directory / SERVICE_FILE, *operation_paths]:
        try:
            spec = load_spec_file(path, root)
        except SpecError as error:
            issues.extend(error.issues)
            continue
        kind = "service" if path.name == SERVICE_FILE else "operation"
        found = schema_issues(spec, kind)
        if kind == "service" and isinstance(spec.data, dict):
            found += _registry_issues(spec)
        issues.extend(found)
        if not found:
            files.append(spec)
    if issues:
        raise SpecError(issues)
    service_spec, operation_specs = files[0], files[1:]
    raw = service_spec.data
    builder = _OperationBuilder(raw["protocol"], read_pages)
    operations = []
    seen: dict[str, SpecFile] = {}
    for spec in operation_specs:
        name = spec.data["operation"]
        if name in seen:
            issues.append(
                spec.issue(
                    ("operation",), f"duplicate operation {name!r} (also in {seen[name].display})"
                )
            )
            continue
        seen[name] = spec
        operations.append(builder.build(spec))
    issues.extend(builder.issues)
    issues.extend(_shape_conflicts(operations, operation_specs))
    issues.extend(_client_name_clashes(operations, operation_specs, raw["name"]))
    issues.extend(_time_field_issues(operations, operation_specs))
    if issues:
        raise SpecError(issues)
    endpoint = raw["endpoint"]
    signing = raw["signing"]
    service = Service(
        provider=raw["provider"],
        service=raw["service"],
        name=raw["name"],
        title=raw["title"],
        vendor=raw["vendor"],
        api_version=raw["api_version"],
        protocol=raw["protocol"],
        error_format=raw["error_format"],
        endpoint=Endpoint(
            url=endpoint["url"],
            default_region=endpoint["default_region"],
            regions=tuple(sorted(endpoint.get("regions", {}).items())),
            ip_address_style=endpoint.get("ip_address_style", "virtual"),
        ),
        signing_default=signing["default"],
        signing_schemes=tuple(signing["schemes"]),
        credentials=raw["credentials"],
        throttling_codes=tuple(raw.get("throttling_codes", ())),
        operations=tuple(sorted(operations, key=lambda op: op.name)),
        spec_file=service_spec.display,
    )
    return service


def _registry_issues(spec: SpecFile) -> list[SpecIssue]:
    """The service's provider, protocol, error format, credentials and signing schemes must
    be ones the runtime has (its registries), and each scheme must sign with the service's
    credentials."""
    from sdk_runtime.credentials import FAMILIES
    from sdk_runtime.protocols import ERROR_FORMATS, PROTOCOLS
    from sdk_runtime.providers import PROVIDERS
    from sdk_runtime.signing import SIGNERS

    raw = spec.data
    signing = raw.get("signing")
    signing = signing if isinstance(signing, dict) else {}
    schemes = signing.get("schemes")
    schemes = schemes if isinstance(schemes, list) else []
    named: list[tuple[JsonPath, object, Registry[Any]]] = [
        (("provider",), raw.get("provider"), PROVIDERS),
        (("protocol",), raw.get("protocol"), PROTOCOLS),
        (("error_format",), raw.get("error_format"), ERROR_FORMATS),
        (("credentials",), raw.get("credentials"), FAMILIES),
        (("signing", "default"), signing.get("default"), SIGNERS),
        *((("signing", "schemes", i), scheme, SIGNERS) for i, scheme in enumerate(schemes)),
    ]
    issues = []
    for where, value, registry in named:
        if isinstance(value, str) and value and value not in registry:
            options = ", ".join(repr(name) for name in registry.names())
            issues.append(spec.issue(where, f"expected one of {options}, got {value!r}"))
    service = raw.get("service")
    if isinstance(service, str) and keyword.iskeyword(service):
        issues.append(
            spec.issue(
                ("service",),
                f"{service!r} is a Python keyword: the package generated.<provider>.{service} "
                "could not be imported",
            )
        )
    if "default" in signing and signing["default"] not in schemes:
        issues.append(spec.issue(("signing", "default"), "default must be one of schemes"))
    credentials = raw.get("credentials")
    if isinstance(credentials, str) and credentials in FAMILIES:
        for index, scheme in enumerate(schemes):
            known = isinstance(scheme, str) and scheme in SIGNERS
            if known and SIGNERS[scheme].family != credentials:
                issues.append(
                    spec.issue(
                        ("signing", "schemes", index),
                        f"{scheme!r} signs with {SIGNERS[scheme].family} credentials, "
                        f"not {credentials}",
                    )
                )
    return issues


def _shape_conflicts(operations: list[Operation], specs: list[SpecFile]) -> list[SpecIssue]:
    """Shapes are classes of one module per service: one name, one definition."""
    issues = []
    owners: dict[str, tuple[Shape, str]] = {}
    by_name = {spec.data["operation"]: spec for spec in specs}
    # response classes of every operation, and the OpenAPI error schema, share the module
    generated = {op.response_class for op in operations} | {"ErrorBody"}
    # a shape a request takes also has a TypedDict, <Shape>Dict
    names = {shape.name for operation in operations for shape in operation.shapes}
    for operation in operations:
        spec = by_name[operation.name]
        for shape in operation.shapes:
            typed_dict = shape.name.endswith("Dict") and shape.name.removesuffix("Dict") in names
            if shape.name in generated or shape.name.endswith("Error") or typed_dict:
                message = f"shape name {shape.name!r} clashes with a generated class"
                issues.append(spec.issue(("shapes", shape.name), message))
            other = owners.setdefault(shape.name, (shape, operation.name))
            if other[0] != shape:
                issues.append(
                    spec.issue(
                        ("shapes", shape.name),
                        f"shape {shape.name!r} is defined differently in {other[1]}",
                    )
                )
    return issues


# An ISO 8601 date and time, as pages show them: 2019-04-29T02:00Z, 2024-11-29T08:42:32.000Z,
# 2016-05-25T02:42:10.856332 (the zone, Z or an offset, is the last group)
ISO_TIME = re.compile(r"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?")


def iso_time(example: object) -> re.Match[str] | None:
    """The match of ``example`` as an ISO 8601 date and time (group 1: its zone, if any)."""
    return ISO_TIME.fullmatch(example) if isinstance(example, str) else None


def _time_field_issues(operations: list[Operation], specs: list[SpecFile]) -> list[SpecIssue]:
    """The time fields of a service's responses have one type, decided once per service:
    ``datetime`` (decoded as aware datetimes) or ``string`` (the text as sent). A service with
    a ``datetime`` field may not have a ``string`` one whose example is an ISO 8601 time, and
    a ``datetime`` field's example carries a zone (``Z`` or an offset): without one it would
    decode as a naive datetime."""
    by_name = {spec.data["operation"]: spec for spec in specs}
    found: dict[tuple[str, ...], tuple[SpecFile, JsonPath, Field]] = {}
    for operation in operations:
        spec = by_name[operation.name]
        for i, member in enumerate(operation.response_fields):
            found.setdefault(
                (operation.name, member.wire_name), (spec, ("response", "fields", i), member)
            )
        for shape in operation.response_shapes:
            for i, member in enumerate(shape.fields):
                found.setdefault(
                    (shape.name, member.wire_name),
                    (spec, ("shapes", shape.name, "fields", i), member),
                )
    datetimes = [key for key, (_, _, member) in found.items() if member.type.kind == "datetime"]
    issues = []
    for (_, name), (spec, where, member) in found.items():
        match = iso_time(member.example)
        if member.type.kind == "datetime" and match and not match.group(1):
            issues.append(
                spec.issue(
                    (*where, "example"),
                    f"a datetime field's example needs a zone (Z or an offset): "
                    f"{member.example!r} would decode as a naive datetime; make the field a string",
                )
            )
        elif member.type.kind == "string" and match and datetimes:
            other_owner, other = datetimes[0]
            issues.append(
                spec.issue(
                    (*where, "type"),
                    f"{name!r} shows an ISO 8601 time ({member.example!r}) but is a string, and "
                    f"{other_owner}.{other} a datetime: a service's time fields have one type",
                )
            )
    return issues


def _client_name_clashes(
    operations: list[Operation], specs: list[SpecFile], service_name: str
) -> list[SpecIssue]:
    """The names each operation adds to the client modules must be its own: its methods
    (``list_widgets``, and ``list_widgets_pages``, ``iter_list_widgets`` when paginated), its
    constant (``LIST_WIDGETS``) beside the request shapes' (``TAG_SHAPE``), and the error
    classes of its codes beside each other's and the service's base (``<name>Error``)."""
    by_name = {spec.data["operation"]: spec for spec in specs}
    owners = {f"{service_name}Error": "the service's error base", "ApiError": "the runtime's"}
    for operation in operations:
        for shape in operation.shapes:
            owners.setdefault(shape_constant(shape.name), f"shape {shape.name}")
    issues = []
    for operation in operations:
        spec = by_name[operation.name]
        method, mine = operation.python_name, f"operation {operation.name}"
        names: list[tuple[JsonPath, str, str]] = [
            (("operation",), method, mine),
            (("operation",), method.upper(), mine),
        ]
        if operation.pagination is not None:
            names += [(("pagination",), f"{method}_pages", mine)]
            names += [(("pagination",), f"iter_{method}", mine)]
        names += [
            (("errors", index, "code"), error.class_name, f"error code {error.code!r}")
            for index, error in enumerate(operation.errors)
        ]
        for where, name, owner in names:
            other = owners.setdefault(name, owner)
            if other != owner:
                message = f"{owner} would be named {name!r} in Python, as {other} is"
                issues.append(spec.issue(where, message))
    return issues


# a parameter's type -> what its default may be (the type, and how a message names it)
_DEFAULT_TYPES: dict[str, tuple[type | tuple[type, ...], str]] = {
    "string": (str, "a string (quoted in YAML)"),
    "integer": (int, "an integer"),
    "long": (int, "an integer"),
    "number": ((int, float), "a number"),
    "boolean": (bool, "true or false"),
    "datetime": (str, "an ISO 8601 time (quoted in YAML)"),
}


class _OperationBuilder:
    """Builds one Operation per spec file, collecting issues instead of stopping."""

    def __init__(self, protocol: str, read_pages: bool = True) -> None:
        self.protocol = protocol
        self.read_pages = read_pages
        self.issues: list[SpecIssue] = []

    def build(self, spec: SpecFile) -> Operation:
        raw = spec.data
        name = raw["operation"]
        shapes = self._shapes(spec)
        method, path, action = self._request(spec)
        parameters = tuple(
            self._parameter(spec, i, p, shapes) for i, p in enumerate(raw["parameters"])
        )
        self._check_names(spec, ("parameters",), parameters, "parameter")
        self._check_aliases(spec, parameters)
        self._check_request_shapes(spec, parameters, shapes)
        self._check_path_placeholders(spec, path, parameters)
        host_prefix = raw["request"].get("host_prefix")
        self._check_host_placeholders(spec, host_prefix, parameters)
        response = raw["response"]
        fields = tuple(
            self._field(spec, ("response", "fields", i), f, shapes, top_level=True)
            for i, f in enumerate(response["fields"])
        )
        self._check_names(spec, ("response", "fields"), fields, "response field")
        payload = self._payload(spec, fields)
        errors = tuple(self._error(e) for e in raw["errors"])
        codes = [(("errors", i, "code"), error.code) for i, error in enumerate(errors)]
        self._check_unique(spec, codes, "error code")
        source = raw["source"]
        return Operation(
            name=name,
            python_name=unshadowed(snake_case(name), method_names()),
            summary=raw["summary"].strip(),
            description=raw.get("description", "").strip(),
            method=method,
            path=path,
            action=action,
            parameters=parameters,
            fixed_parameters=self._fixed_parameters(spec, action),
            response_class=f"{name}Response",
            response_status=response.get("status", 200),
            response_description=response.get("description", ""),
            response_fields=fields,
            xml_root=response.get("xml_root"),
            shapes=tuple(shape for _, shape in sorted(shapes.items()) if shape is not None),
            errors=errors,
            errors_note=raw.get("errors_note", ""),
            pagination=self._pagination(spec, parameters, fields, shapes),
            examples=tuple(
                Example(
                    title=e["title"],
                    kind=e["kind"],
                    format=e["format"],
                    text=e["text"],
                    status=e.get("status"),
                    headers=e.get("headers"),
                )
                for e in raw.get("examples", [])
            ),
            permissions=tuple(
                Permission(
                    action=p["action"],
                    details=tuple(
                        (label, p[key]) for key, label in _PERMISSION_LABELS.items() if key in p
                    ),
                )
                for p in raw.get("permissions", [])
            ),
            limits=tuple(raw.get("limits", [])),
            notes=tuple(raw.get("notes", [])),
            request_headers_note=raw["request"].get("headers_note", ""),
            response_headers_note=response.get("headers_note", ""),
            source=Source(
                title=source["title"],
                vendor=source["vendor"],
                url=source["url"],
                document=self._page(spec),
                last_updated=source["last_updated"],
            ),
            spec_file=spec.display,
            deprecated=raw.get("deprecated", False),
            payload=payload,
            host_prefix=host_prefix,
            url_encoded=self._url_encoded(spec, fields, shapes),
            idempotent=self._idempotent(spec, method, parameters),
            idempotency_token=raw["request"].get("idempotency_token"),
        )

    # -- request ---------------------------------------------------------------------------

    def _idempotent(self, spec: SpecFile, method: str, parameters: tuple[Parameter, ...]) -> bool:
        """``request.idempotent`` (default: GET and HEAD are), true with an idempotency
        token, which must name an optional string parameter in the query, a header or the
        body: the client fills it in when the caller gives none."""
        request = spec.data["request"]
        token = request.get("idempotency_token")
        if token is None:
            return bool(request.get("idempotent", method in ("GET", "HEAD")))
        parameter = next((p for p in parameters if p.wire_name == token), None)
        where = ("request", "idempotency_token")
        if parameter is None:
            names = ", ".join(p.wire_name for p in parameters) or "none"
            self._issue(spec, where, f"{token!r} names no parameter (parameters: {names})")
        elif parameter.type.kind != "string" or parameter.location in ("path", "host"):
            self._issue(
                spec,
                where,
                f"an idempotency token is a string parameter in the query, a header or the "
                f"body, not {parameter.type.kind} in {parameter.location}",
            )
        elif parameter.required:
            self._issue(spec, where, f"{token!r} is required: the client could never fill it")
        if request.get("idempotent") is False:
            self._issue(
                spec,
                ("request", "idempotent"),
                "an operation with an idempotency token is safe to repeat: omit idempotent",
            )
        return True

    def _request(self, spec: SpecFile) -> tuple[str, str, str | None]:
        request = spec.data["request"]
        if self.protocol == "rpc":
            for key in ("method", "path"):
                if key in request:
                    self._issue(
                        spec, ("request", key), "RPC operations are sent as POST / (omit it)"
                    )
            return "POST", "/", request.get("action", spec.data["operation"])
        if "action" in request:
            self._issue(
                spec,
                ("request", "action"),
                f"only RPC operations have an action, not {self.protocol}",
            )
        for key in ("method", "path"):
            if key not in request:
                self._issue(
                    spec,
                    ("request",),
                    f"missing required key {key!r} for a {self.protocol} operation",
                )
        return request.get("method", "GET"), request.get("path", "/"), None

    def _fixed_parameters(self, spec: SpecFile, action: str | None) -> tuple[FixedParameter, ...]:
        fixed = []
        for i, raw in enumerate(spec.data.get("fixed_parameters", [])):
            if action is not None and raw["name"] == "Action":
                if raw["value"] != action:
                    self._issue(
                        spec, ("fixed_parameters", i, "value"), f"expected the action {action!r}"
                    )
                continue  # the RPC protocol sends Action itself
            fixed.append(
                FixedParameter(
                    wire_name=raw["name"],
                    location=raw["in"],
                    value=raw["value"],
                    documented_type=raw.get("documented_type", ""),
                    description=raw.get("description", ""),
                )
            )
        return tuple(fixed)

    def _parameter(
        self, spec: SpecFile, index: int, raw: dict[str, Any], shapes: dict[str, Shape | None]
    ) -> Parameter:
        where = ("parameters", index)
        if self.protocol == "rpc" and raw["in"] not in ("query", "body"):
            self._issue(spec, (*where, "in"), "RPC parameters are sent in the query or body")
        if raw.get("credential") and raw["in"] in ("path", "host"):
            # credentials are added by the signer; nothing would fill the placeholder
            self._issue(
                spec, (*where, "credential"), f"a {raw['in']} parameter cannot be a credential yet"
            )
        if raw["in"] == "host" and raw["type"] != "string":
            self._issue(spec, (*where, "type"), "a host parameter is one DNS label: type string")
        self._check_wire_form(spec, where, raw)
        if raw.get("enum_closed") and "enum" not in raw:
            self._issue(spec, (*where, "enum_closed"), "a closed value list needs 'enum'")
        if "default" in raw:
            self._check_default(spec, where, raw)
        return Parameter(
            wire_name=raw["name"],
            python_name=snake_case(raw["name"]),
            location=raw["in"],
            type=self._type(spec, where, raw, shapes, request=True),
            documented_type=raw["documented_type"],
            required=raw["required"],
            description=raw["description"].strip(),
            credential=raw.get("credential", False),
            deprecated=raw.get("deprecated", False),
            style=raw.get("style", "plain"),
            default=raw.get("default"),
            minimum=raw.get("minimum"),
            maximum=raw.get("maximum"),
            enum=tuple(raw.get("enum", ())),
            enum_closed=raw.get("enum_closed", False),
            example=raw.get("example"),
            previous_names=tuple(raw.get("previous_names", ())),
            aliases=tuple(snake_case(name) for name in raw.get("previous_names", ())),
        )

    def _check_default(self, spec: SpecFile, where: JsonPath, raw: dict[str, Any]) -> None:
        """A default the parameter itself would refuse: of another type than the parameter's,
        outside its range, or not in its closed value list."""
        default, kind = raw["default"], raw["type"]
        expected = _DEFAULT_TYPES.get(kind)
        if (
            expected is None
            or not isinstance(default, expected[0])
            or (isinstance(default, bool) and kind != "boolean")
        ):
            wanted = expected[1] if expected else f"no default for a {kind} parameter"
            self._issue(
                spec, (*where, "default"), f"expected {wanted}, got {type(default).__name__}"
            )
            return
        number = default if kind in ("integer", "long", "number") else None
        if number is not None and raw.get("minimum") is not None and number < raw["minimum"]:
            self._issue(spec, (*where, "default"), f"{default!r} is below minimum {raw['minimum']}")
        if number is not None and raw.get("maximum") is not None and number > raw["maximum"]:
            self._issue(spec, (*where, "default"), f"{default!r} is above maximum {raw['maximum']}")
        if raw.get("enum_closed") and default not in raw.get("enum", ()):
            self._issue(spec, (*where, "default"), f"{default!r} is not in the closed 'enum'")

    def _check_wire_form(self, spec: SpecFile, where: JsonPath, raw: dict[str, Any]) -> None:
        """The capability check: a form the runtime would not send as the page says is an
        error, never silently sent another way. An RPC body is a form flattened as the query
        is (tea-openapi), so its parameters are checked as query parameters."""
        style = raw.get("style", "plain")
        kind, location = raw["type"], self._form_location(raw["in"])
        if location == "body":
            self._check_body_parameter(spec, where, raw)
        elif kind in ("object", "map") or "shape" in (raw.get("items") or {}):
            self._check_structure(spec, where, raw)
        elif kind == "array":
            if style == "plain":
                self._issue(
                    spec,
                    where,
                    "a list parameter needs its style: comma (a,b), repeat (Name=a&Name=b), "
                    "repeat-list (Name.1=a&Name.2=b) or json, as the page sends it",
                )
            elif style == "flat":
                self._issue(
                    spec,
                    (*where, "style"),
                    "style 'flat' is for objects and maps: a list is repeat-list",
                )
            elif style != "comma" and location != "query":
                self._issue(
                    spec,
                    (*where, "style"),
                    f"not supported yet: style {style!r} in the {location} (the runtime "
                    "sends it in the query only; a list elsewhere goes comma-joined)",
                )
        elif style != "plain":
            kinds = "objects and maps" if style == "flat" else "list parameters"
            self._issue(spec, (*where, "style"), f"style {style!r} is for {kinds} only")

    def _form_location(self, location: str) -> str:
        """Where a parameter's wire form is judged: an RPC body is a form, flattened exactly
        as the query (tea-openapi's ``Utils.query``), so it counts as the query."""
        return "query" if location == "body" and self.protocol == "rpc" else location

    def _check_body_parameter(self, spec: SpecFile, where: JsonPath, raw: dict[str, Any]) -> None:
        """A body parameter is one member of the JSON body: lists, maps and structures nest."""
        if self.protocol == "rest-xml":
            self._issue(
                spec,
                (*where, "in"),
                "not supported yet: body parameters of a rest-xml operation (the runtime "
                "encodes request bodies as JSON)",
            )
        elif "style" in raw:
            self._issue(
                spec,
                (*where, "style"),
                "a body parameter travels as JSON in the body: style is for the query",
            )

    def _check_structure(self, spec: SpecFile, where: JsonPath, raw: dict[str, Any]) -> None:
        """A structure (a shape, a list of shapes, a map) outside a JSON body: in the query
        (or an RPC form body) as numbered keys (lists of shapes), dotted keys (objects and
        maps) or JSON in one value; nowhere else yet."""
        kind, style = raw["type"], raw.get("style", "plain")
        location = self._form_location(raw["in"])
        place = "query" if raw["in"] == "query" else "form body"  # an RPC body
        if location != "query":
            self._issue(
                spec,
                (*where, "in"),
                f"not supported yet: a structure in the {location} (the runtime sends "
                "structures in the query, as repeat-list, flat or json, and in bodies)",
            )
        elif kind == "array" and style not in ("repeat-list", "json"):
            self._issue(
                spec,
                where,
                f"a list of structures in the {place} needs its style: repeat-list "
                "(Name.1.Field=v) or json, as the page sends it",
            )
        elif kind != "array" and style not in ("flat", "json"):
            self._issue(
                spec,
                where,
                f"a structure ({kind}) in the {place} needs its style: flat "
                "(Name.Field=v) or json, as the page sends it",
            )

    def _check_request_shapes(
        self, spec: SpecFile, parameters: tuple[Parameter, ...], shapes: dict[str, Shape | None]
    ) -> None:
        """A shape a request sends must not contain itself: the runtime (and the TypedDicts)
        define each request shape after those it contains."""
        reported: set[str] = set()

        def visit(name: str, path: tuple[str, ...]) -> None:
            shape = shapes.get(name)
            if shape is None or name in reported:
                return
            if name in path:
                cycle = " > ".join((*path[path.index(name) :], name))
                message = f"not supported yet: a request shape that contains itself ({cycle})"
                self._issue(spec, ("shapes", name), message)
                reported.add(name)
                return
            for field in shape.fields:
                if field.type.structure:
                    visit(field.type.structure, (*path, name))

        for parameter in parameters:
            if parameter.type.structure:
                visit(parameter.type.structure, ())

    def _check_path_placeholders(
        self, spec: SpecFile, path: str, parameters: tuple[Parameter, ...]
    ) -> None:
        """Every ``{name}`` (or greedy ``{name+}``) of the path names an ``in: path``
        parameter, and every such parameter has its placeholder. A greedy placeholder keeps
        the value's ``/`` as separators (an OSS object key), so it fills whole segments: it
        follows a ``/`` and ends the path or precedes one; there is at most one, of a string."""
        found = _PATH_PLACEHOLDER.findall(path)
        placeholders = {name.removesuffix("+") for name in found}
        greedy = [name.removesuffix("+") for name in found if name.endswith("+")]
        path_params = {p.wire_name for p in parameters if p.location == "path"}
        for name in sorted(placeholders - path_params):
            self._issue(
                spec, ("request", "path"), f"placeholder {{{name}}} names no path parameter"
            )
        if len(greedy) > 1:
            self._issue(
                spec,
                ("request", "path"),
                f"only one greedy placeholder per path, got {', '.join(greedy)}",
            )
        for name in greedy:
            if not re.search(r"/\{" + re.escape(name) + r"\+\}(/|$)", path):
                self._issue(
                    spec,
                    ("request", "path"),
                    f"greedy placeholder {{{name}+}} must fill whole segments "
                    f"(/{{{name}+}} at the end of the path or before a /)",
                )
        for i, parameter in enumerate(parameters):
            if parameter.location != "path":
                continue
            if parameter.wire_name not in placeholders:
                self._issue(
                    spec,
                    ("parameters", i, "in"),
                    f"path parameter {parameter.wire_name!r} is not in the path",
                )
            elif parameter.wire_name in greedy and parameter.type.kind != "string":
                self._issue(
                    spec,
                    ("parameters", i, "type"),
                    "a greedy path parameter keeps its / as separators: type string",
                )

    def _check_host_placeholders(
        self, spec: SpecFile, host_prefix: str | None, parameters: tuple[Parameter, ...]
    ) -> None:
        """Every ``{label}`` of ``request.host_prefix`` names an ``in: host`` parameter, and
        every such parameter has its label there."""
        placeholders = _PATH_PLACEHOLDER.findall(host_prefix or "")
        host_params = {p.wire_name for p in parameters if p.location == "host"}
        for name in sorted(set(placeholders) - host_params):
            self._issue(
                spec,
                ("request", "host_prefix"),
                f"placeholder {{{name}}} names no host parameter",
            )
        for i, parameter in enumerate(parameters):
            if parameter.location == "host" and parameter.wire_name not in placeholders:
                self._issue(
                    spec,
                    ("parameters", i, "in"),
                    f"host parameter {parameter.wire_name!r} is not in request.host_prefix",
                )

    # -- response --------------------------------------------------------------------------

    def _payload(self, spec: SpecFile, fields: tuple[Field, ...]) -> str | None:
        """``response.payload``, checked: the field that is the whole JSON body (SLS GetLogs
        answers a bare array), an array or a map, with no other body field beside it."""
        name: str | None = spec.data["response"].get("payload")
        if name is None:
            return None
        where: JsonPath = ("response", "payload")
        if self.protocol != "rest-json":
            self._issue(
                spec,
                where,
                f"not supported yet: a payload in a {self.protocol} body (the runtime reads a "
                "whole body as one field from rest-json only)",
            )
        field = next((f for f in fields if f.wire_name == name), None)
        if field is None:
            known = ", ".join(repr(f.wire_name) for f in fields) or "none"
            self._issue(spec, where, f"{name!r} names no response field (fields: {known})")
            return name
        if field.type.kind not in ("array", "map"):
            self._issue(
                spec,
                where,
                f"{name!r} is of type {field.type.kind}: a payload, the body as a whole, is "
                "an array or a map",
            )
        for index, other in enumerate(fields):
            if other is not field and other.location == "body":
                self._issue(
                    spec,
                    ("response", "fields", index, "name"),
                    f"{other.wire_name!r} cannot be in the body: the body is the payload "
                    f"{name!r} as a whole",
                )
        return name

    def _shapes(self, spec: SpecFile) -> dict[str, Shape | None]:
        raw_shapes = spec.data.get("shapes", {})
        shapes: dict[str, Shape | None] = dict.fromkeys(
            raw_shapes
        )  # names first: refs may be forward
        for name, raw in raw_shapes.items():
            fields = tuple(
                self._field(spec, ("shapes", name, "fields", i), f, shapes)
                for i, f in enumerate(raw["fields"])
            )
            self._check_names(spec, ("shapes", name, "fields"), fields, "field")
            shapes[name] = Shape(
                name=name, description=raw.get("description", "").strip(), fields=fields
            )
        return shapes

    def _field(
        self,
        spec: SpecFile,
        where: JsonPath,
        raw: dict[str, Any],
        shapes: dict[str, Shape | None],
        *,
        top_level: bool = False,
    ) -> Field:
        if raw.get("location") == "header":
            if not top_level:
                self._issue(
                    spec,
                    (*where, "location"),
                    "only response fields can be carried in headers, not the fields of a shape",
                )
            elif raw["type"] in ("object", "array", "map"):
                self._issue(
                    spec,
                    (*where, "type"),
                    f"a header field is one value: a scalar type, not {raw['type']}",
                )
        type_ = self._type(spec, where, raw, shapes)
        if self.protocol == "rest-xml" and _json_only(type_):
            self._issue(
                spec,
                (*where, "type"),
                "not supported yet: lists of lists in XML bodies (XML has no element names "
                "for their rows; they decode from JSON only)",
            )
        return Field(
            wire_name=raw["name"],
            python_name=unshadowed(snake_case(raw["name"]), attribute_names()),
            type=type_,
            documented_type=raw["documented_type"],
            description=raw["description"].strip(),
            required=raw.get("required", False),
            location=raw.get("location", "body"),
            enum=tuple(raw.get("enum", ())),
            example=raw.get("example"),
            deprecated_names=tuple(raw.get("deprecated_names", ())),
        )

    def _type(
        self,
        spec: SpecFile,
        where: JsonPath,
        raw: dict[str, Any],
        shapes: dict[str, Shape | None],
        *,
        request: bool = False,
    ) -> TypeRef:
        """The type of a parameter (``request``) or a response field."""
        kind = raw["type"]
        if kind == "object":
            return TypeRef(
                "object", shape=self._shape_ref(spec, (*where, "shape"), raw.get("shape"), shapes)
            )
        if kind in ("array", "map"):
            key = "items" if kind == "array" else "values"
            inner = raw.get(key)
            if inner is None:
                self._issue(spec, where, f"a {kind} needs {key!r}")
                return TypeRef(kind, items=TypeRef("string"))
            inner_type = self._inner_type(spec, (*where, key), inner, shapes, request)
            return TypeRef(kind, items=inner_type)
        for key in ("shape", "items", "values"):
            if key in raw:
                self._issue(
                    spec, (*where, key), f"{key!r} applies only to object/array/map, not {kind}"
                )
        return TypeRef(kind)

    def _inner_type(
        self,
        spec: SpecFile,
        where: JsonPath,
        inner: dict[str, Any],
        shapes: dict[str, Shape | None],
        request: bool,
    ) -> TypeRef:
        """An array's items or a map's values: a shape, a scalar, or in a response another
        array or map (``items: {type: array, items: {type: string}}``: lists of lists, maps
        of lists)."""
        if "shape" in inner:
            shape = self._shape_ref(spec, (*where, "shape"), inner["shape"], shapes)
            return TypeRef("object", shape=shape)
        inner_kind = inner.get("type", "string")
        if inner_kind == "object":
            self._issue(spec, where, "nested object needs a named shape")
            return TypeRef("object", shape="Unknown")
        if inner_kind in ("array", "map") and request:
            self._issue(
                spec, where, f"not supported yet: request parameters of nested {inner_kind}s"
            )
            return TypeRef(inner_kind, items=TypeRef("string"))
        return self._type(spec, where, {**inner, "type": inner_kind}, shapes, request=request)

    def _shape_ref(
        self,
        spec: SpecFile,
        where: JsonPath,
        name: str | None,
        shapes: dict[str, Shape | None],
    ) -> str:
        if name is None:
            self._issue(spec, where[:-1], "an object needs 'shape' naming an entry of 'shapes'")
        elif name not in shapes:
            known = ", ".join(sorted(shapes)) or "none defined"
            self._issue(spec, where, f"unknown shape {name!r} (shapes: {known})")
        return name or "Unknown"

    # -- errors and pagination -------------------------------------------------------------

    @staticmethod
    def _error(raw: dict[str, Any]) -> ErrorCode:
        code = raw["code"]
        prefix = re.split(r"%[sd]", code, maxsplit=1)[0] if re.search(r"%[sd]", code) else None
        return ErrorCode(
            code=code,
            status=raw["status"],
            message=raw["message"],
            description=raw.get("description", ""),
            class_name=error_class_name(code),
            prefix=prefix,
        )

    def _pagination(
        self,
        spec: SpecFile,
        parameters: tuple[Parameter, ...],
        fields: tuple[Field, ...],
        shapes: dict[str, Shape | None],
    ) -> Pagination | None:
        """One scheme (a mapping) or several (a list, ECS's two), checked against the runtime's
        pagination styles: each style says which keys it needs and honours."""
        raw = spec.data.get("pagination")
        if raw is None:
            return None
        for i, parameter in enumerate(spec.data.get("parameters", [])):
            if snake_case(parameter.get("name", "")) == "max_items":
                self._issue(
                    spec,
                    ("parameters", i, "name"),
                    "'max_items' is the keyword that stops iter_<operation>(): a paginated "
                    "operation cannot have a parameter of that name yet",
                )
        if isinstance(raw, list):
            schemes = [
                self._paging_scheme(spec, ("pagination", i), entry, parameters, fields, shapes)
                for i, entry in enumerate(raw)
            ]
            found = [s for s in schemes if s is not None]
            if len(found) != len(schemes):
                return None
            first = found[0]
            for i, other in enumerate(found[1:], 1):
                if other.items != first.items or other.extra_items != first.extra_items:
                    self._issue(
                        spec,
                        ("pagination", i, "items"),
                        "every scheme of an operation lists the same items",
                    )
            return replace(first, schemes=tuple(found[1:]))
        return self._paging_scheme(spec, ("pagination",), raw, parameters, fields, shapes)

    def _paging_scheme(
        self,
        spec: SpecFile,
        where: JsonPath,
        raw: Mapping[str, Any],
        parameters: tuple[Parameter, ...],
        fields: tuple[Field, ...],
        shapes: dict[str, Shape | None],
    ) -> Pagination | None:
        from sdk_runtime.pagination import STYLES

        style_name = raw["style"]
        if style_name not in STYLES:
            options = ", ".join(repr(name) for name in STYLES.names())
            self._issue(
                spec,
                (*where, "style"),
                f"unknown pagination style {style_name!r} (known: {options})",
            )
            return None
        style = STYLES[style_name]
        general = {"style", "items", "extra_items", "page_size", "repeat_while", "repeat_value"}
        for key in raw:
            if key not in general and key not in style.needs and key not in style.honours:
                self._issue(spec, (*where, key), f"{style_name} pagination does not use {key!r}")
        for key in style.needs:
            if key not in raw:
                self._issue(spec, where, f"{style_name} pagination needs {key}")
        if style.needs_one_of and not any(key in raw for key in style.needs_one_of):
            self._issue(
                spec, where, f"{style_name} pagination needs {' or '.join(style.needs_one_of)}"
            )
        if ("repeat_while" in raw) != ("repeat_value" in raw):
            self._issue(spec, where, "repeat_while and repeat_value go together")
        wire_params = {p.wire_name for p in parameters}
        for key in ("input_token", "page_size"):
            if key in raw and raw[key] not in wire_params:
                self._issue(spec, (*where, key), f"{raw[key]!r} names no request parameter")

        def resolve(key: str) -> tuple[tuple[str, ...], tuple[str, ...], Field] | None:
            if key not in raw:
                return None
            found = _resolve_field_path(raw[key], fields, shapes)
            if found is None:
                self._issue(spec, (*where, key), f"{raw[key]!r} names no response element")
            return found

        def item_list(
            path: JsonPath, dotted: str
        ) -> tuple[tuple[str, ...], tuple[str, ...], Field] | None:
            found = _resolve_field_path(dotted, fields, shapes)
            if found is None:
                self._issue(spec, path, f"{dotted!r} names no response element")
            elif not found[2].type.is_list or found[2].type.items is None:
                self._issue(spec, path, f"{dotted!r} is not an array")
                return None
            return found

        items = item_list((*where, "items"), raw["items"])
        extra: list[ItemList] = []
        for i, dotted in enumerate(raw.get("extra_items", [])):
            found = item_list((*where, "extra_items", i), dotted)
            if found is not None and found[2].type.items is not None:
                extra.append(
                    ItemList(
                        name=found[1][-1],
                        path=found[0],
                        attr=found[1],
                        item_type=found[2].type.items,
                    )
                )
        token, more, total, repeat = (
            resolve("output_token"),
            resolve("more_results"),
            resolve("total_count"),
            resolve("repeat_while"),
        )
        last_attr: str | None = None
        if "last_item_token" in raw and items is not None and items[2].type.items is not None:
            item_shape = shapes.get(items[2].type.items.shape or "")
            last = next(
                (
                    f
                    for f in (item_shape.fields if item_shape else ())
                    if f.wire_name == raw["last_item_token"]
                ),
                None,
            )
            if last is None:
                self._issue(
                    spec,
                    (*where, "last_item_token"),
                    f"{raw['last_item_token']!r} names no field of the items",
                )
            else:
                last_attr = last.python_name
        if items is None or items[2].type.items is None:
            return None
        return Pagination(
            style=style_name,
            input_token=raw.get("input_token"),
            items=items[0],
            items_attr=items[1],
            item_type=items[2].type.items,
            output_token=token[0] if token else None,
            output_token_attr=token[1] if token else None,
            more_results=more[0] if more else None,
            more_results_attr=more[1] if more else None,
            total_count=total[0] if total else None,
            total_count_attr=total[1] if total else None,
            page_size=raw.get("page_size"),
            last_item_token=raw.get("last_item_token"),
            last_item_token_attr=last_attr,
            link_rel=raw.get("link_rel"),
            repeat_while=repeat[0] if repeat else None,
            repeat_while_attr=repeat[1] if repeat else None,
            repeat_value=raw.get("repeat_value"),
            extra_items=tuple(extra),
        )

    def _url_encoded(
        self, spec: SpecFile, fields: tuple[Field, ...], shapes: dict[str, Shape | None]
    ) -> UrlEncoded | None:
        raw = spec.data["response"].get("url_encoded")
        if raw is None:
            return None
        where: JsonPath = ("response", "url_encoded")
        when = _resolve_field_path(raw["when"], fields, shapes)
        if when is None:
            self._issue(spec, (*where, "when"), f"{raw['when']!r} names no response element")
        paths: list[tuple[tuple[str, ...], tuple[str, ...]]] = []
        for i, dotted in enumerate(raw["fields"]):
            found = _resolve_field_path(dotted, fields, shapes, through_lists=True)
            if found is None:
                self._issue(spec, (*where, "fields", i), f"{dotted!r} names no response element")
                continue
            kind = found[2].type.items.kind if found[2].type.items else found[2].type.kind
            if kind != "string":
                self._issue(spec, (*where, "fields", i), f"{dotted!r} is not a string")
                continue
            paths.append((found[0], found[1]))
        if when is None:
            return None
        return UrlEncoded(
            when=when[0],
            when_attr=when[1],
            fields=tuple(p[0] for p in paths),
            fields_attr=tuple(p[1] for p in paths),
        )

    def _check_names(
        self,
        spec: SpecFile,
        where: JsonPath,
        entries: Sequence[Parameter | Field],
        what: str,
    ) -> None:
        """Wire names unique; distinct wire names must not share a Python name either."""
        paths: list[tuple[JsonPath, Parameter | Field]] = [
            ((*where, i, "name"), entry) for i, entry in enumerate(entries)
        ]
        self._check_unique(spec, [(path, entry.wire_name) for path, entry in paths], what)
        wire_names: set[str] = set()
        python_names: dict[str, tuple[JsonPath, str]] = {}
        for path, entry in paths:
            if entry.wire_name in wire_names:
                continue  # reported above
            wire_names.add(entry.wire_name)
            if entry.python_name not in python_names:
                python_names[entry.python_name] = (path, entry.wire_name)
                continue
            other_path, other = python_names[entry.python_name]
            self._issue(
                spec,
                path,
                f"{entry.wire_name!r} and {other!r} (line {spec.line_of(other_path)}) "
                f"are both {entry.python_name!r} in Python",
            )

    def _check_aliases(self, spec: SpecFile, parameters: Sequence[Parameter]) -> None:
        """A previous name is a keyword of its own: it must not be a keyword already."""
        keywords = {p.python_name: p.wire_name for p in parameters}
        for i, p in enumerate(parameters):
            for j, alias in enumerate(p.aliases):
                where: JsonPath = ("parameters", i, "previous_names", j)
                if p.credential:
                    self._issue(spec, where, "a credential parameter has no keyword to keep")
                elif alias in keywords:
                    self._issue(
                        spec,
                        where,
                        f"{p.previous_names[j]!r} is {alias!r} in Python, the keyword of "
                        f"{keywords[alias]!r}: keep it out of previous_names",
                    )
                else:
                    keywords[alias] = p.wire_name

    def _check_unique(
        self, spec: SpecFile, entries: Sequence[tuple[JsonPath, str]], what: str
    ) -> None:
        seen: dict[str, JsonPath] = {}
        for where, name in entries:
            if name in seen:
                first = spec.line_of(seen[name])
                self._issue(spec, where, f"duplicate {what} {name!r} (first at line {first})")
            else:
                seen[name] = where

    def _page(self, spec: SpecFile) -> str | None:
        """``source.document``, checked: the stored copy of the page, a file under the spec's
        folder, holding every example of the spec verbatim. Named as the model names files
        (``specs/<provider>/<service>/<page>``)."""
        raw = spec.data
        document: str | None = raw["source"].get("document")
        examples = raw.get("examples", [])
        if document is None:
            if examples:
                self._issue(
                    spec,
                    ("examples",),
                    "examples are copied from the page: name its stored copy in source.document",
                )
            return None
        where: JsonPath = ("source", "document")
        relative = PurePosixPath(document)
        if relative.is_absolute() or ".." in relative.parts or "\\" in document:
            self._issue(
                spec,
                where,
                f"{document!r}: expected a path inside this spec's folder (relative, no '..')",
            )
            return None
        shown = (PurePosixPath(spec.display).parent / relative).as_posix()
        if not self.read_pages:
            return shown
        page = spec.path.parent / relative
        try:
            if page.exists() and not page.is_file():  # a folder, a FIFO: never wait on one
                raise IsADirectoryError(errno.EISDIR, "not a regular file")
            text = page.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as error:
            reason = "no such file" if isinstance(error, FileNotFoundError) else str(error)
            if isinstance(error, OSError) and error.strerror:
                reason = "no such file" if error.errno == errno.ENOENT else error.strerror
            self._issue(spec, where, f"{document!r}: cannot read the stored page ({reason})")
            return None
        lines = _content_lines(text)
        for index, example in enumerate(examples):
            if not _contains(lines, _content_lines(example["text"])):
                self._issue(
                    spec,
                    ("examples", index, "text"),
                    f"example {example['title']!r} is not on the page {document!r} verbatim "
                    "(line for line, indentation aside)",
                )
        return shown

    def _issue(self, spec: SpecFile, where: JsonPath, message: str) -> None:
        self.issues.append(spec.issue(where, message))


def _json_only(ref: TypeRef) -> bool:
    """A list of lists, anywhere in ``ref``: an XML body has no element names for its rows."""
    if ref.items is None:
        return False
    return (ref.kind == "array" and ref.items.kind == "array") or _json_only(ref.items)


def _content_lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


def _contains(lines: list[str], wanted: list[str]) -> bool:
    """Whether ``wanted`` appears in ``lines`` as one contiguous run."""
    size = len(wanted)
    return any(lines[i : i + size] == wanted for i in range(len(lines) - size + 1))


def _resolve_field_path(
    dotted: str,
    fields: tuple[Field, ...],
    shapes: dict[str, Shape | None],
    *,
    through_lists: bool = False,
) -> tuple[tuple[str, ...], tuple[str, ...], Field] | None:
    """``page_info.next_marker`` -> wire path, attribute path and the field it ends on;
    ``through_lists``: a list of objects is walked into (``Contents.Key``)."""
    wire: list[str] = []
    attrs: list[str] = []
    current = fields
    found: Field | None = None
    for part in dotted.split("."):
        found = next((f for f in current if f.wire_name == part), None)
        if found is None:
            return None
        wire.append(found.wire_name)
        attrs.append(found.python_name)
        ref = found.type
        if through_lists and ref.kind == "array" and ref.items is not None:
            ref = ref.items
        shape = shapes.get(ref.shape or "") if ref.kind == "object" else None
        current = shape.fields if shape else ()
    assert found is not None
    return tuple(wire), tuple(attrs), found
