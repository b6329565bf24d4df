"""Intermediate model: the seam between reading specs and rendering code.

Everything a template or a later stage needs is here, with Python names derived once.
Templates never see raw YAML.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class TypeRef:
    """A documented type: a scalar kind, a named shape, or an array/map of one."""

    kind: str  # string | integer | long | number | boolean | datetime | object | array | map
    shape: str | None = None  # class name, for kind == "object"
    items: TypeRef | None = None  # for array and map (the values)

    @property
    def is_list(self) -> bool:
        return self.kind == "array"

    @property
    def structure(self) -> str | None:
        """The shape this type is built of (a shape, or a list or map of one), if any."""
        if self.kind == "object":
            return self.shape
        return self.items.shape if self.items is not None else None

    @property
    def container(self) -> str:
        """How a structured type holds its shape: ``object``, ``array`` or ``map``."""
        return self.kind

    def python(self) -> str:
        """The Python annotation used in generated signatures."""
        if self.kind == "array":
            assert self.items is not None
            return f"list[{self.items.python()}]"
        if self.kind == "map":
            assert self.items is not None
            return f"dict[str, {self.items.python()}]"
        if self.kind == "object":
            assert self.shape is not None
            return self.shape
        return _PYTHON_SCALARS[self.kind]

    def python_input(self) -> str:
        """The annotation of a keyword (or request dict key) taking this type: a shape is its
        model or its TypedDict (``Tag | TagDict``), lists and maps of them read-only
        (``Sequence[...]``, ``Mapping[str, ...]``) so that a ``list[Tag]`` is accepted too."""
        if self.kind == "object":
            assert self.shape is not None
            return f"{self.shape} | {self.shape}Dict"
        if self.items is not None and self.items.kind == "object":
            outer = "Sequence[{}]" if self.kind == "array" else "Mapping[str, {}]"
            return outer.format(self.items.python_input())
        return self.python()


_PYTHON_SCALARS = {
    "string": "str",
    "integer": "int",
    "long": "int",
    "number": "float",
    "boolean": "bool",
    "datetime": "datetime",
}


@dataclass(frozen=True)
class Parameter:
    wire_name: str
    python_name: str
    location: str  # query | path | header | body | host
    type: TypeRef
    documented_type: str
    required: bool
    description: str
    credential: bool = False  # filled by the client from its credentials, not a keyword
    deprecated: bool = False
    style: str = "plain"
    default: Any = None
    minimum: float | None = None
    maximum: float | None = None
    enum: tuple[Any, ...] = ()
    # the page says the values are the only ones: the client refuses others (default: the
    # documented values are informative, as services add values)
    enum_closed: bool = False
    example: Any = None
    # names the page used before a rename (``previous_names:``), and their keywords: the
    # client keeps each as a deprecated alias of ``python_name`` for one release
    previous_names: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class FixedParameter:
    wire_name: str
    location: str
    value: str
    documented_type: str
    description: str


@dataclass(frozen=True)
class Field:
    wire_name: str
    python_name: str
    type: TypeRef
    documented_type: str
    description: str
    required: bool = False
    location: str = "body"  # body | header (top-level response fields only)
    enum: tuple[Any, ...] = ()
    example: Any = None
    deprecated_names: tuple[str, ...] = ()  # older documented spellings (ECS Tag.N.key)


@dataclass(frozen=True)
class Shape:
    name: str  # Python class name
    description: str
    fields: tuple[Field, ...]


@dataclass(frozen=True)
class ErrorCode:
    code: str  # as documented, possibly a pattern such as InvalidParameter.%s
    status: int
    message: str
    description: str
    class_name: str
    prefix: str | None = None  # for a pattern code: the fixed text before the first %s

    @property
    def is_pattern(self) -> bool:
        return self.prefix is not None


@dataclass(frozen=True)
class ItemList:
    """A further list of items on each page (OSS ``CommonPrefixes``): ``iter_<op>_<name>``."""

    name: str  # snake_case: the iterator's suffix and the runtime's key
    path: tuple[str, ...]  # wire names
    attr: tuple[str, ...]  # attribute names
    item_type: TypeRef


@dataclass(frozen=True)
class Pagination:
    """Where the paging token goes in, where the next one comes out, and what ends it.

    Paths are tuples of wire names (``("page_info", "next_marker")``); ``*_attr`` are the
    same paths in Python attribute names. ``style`` names a class in the runtime's
    ``sdk_runtime.pagination.STYLES``; ``schemes`` are further documented schemes of the same
    operation (the caller's keywords pick one).
    """

    style: str
    input_token: str | None  # request parameter (wire name)
    items: tuple[str, ...]
    items_attr: tuple[str, ...]
    item_type: TypeRef
    output_token: tuple[str, ...] | None = None
    output_token_attr: tuple[str, ...] | None = None
    more_results: tuple[str, ...] | None = None
    more_results_attr: tuple[str, ...] | None = None
    total_count: tuple[str, ...] | None = None
    total_count_attr: tuple[str, ...] | None = None
    page_size: str | None = None  # request parameter (wire name)
    last_item_token: str | None = None  # wire name of a field of the items
    last_item_token_attr: str | None = None
    link_rel: str | None = None
    repeat_while: tuple[str, ...] | None = None
    repeat_while_attr: tuple[str, ...] | None = None
    repeat_value: str | None = None
    extra_items: tuple[ItemList, ...] = ()
    schemes: tuple[Pagination, ...] = ()

    @property
    def all_schemes(self) -> tuple[Pagination, ...]:
        return (self, *self.schemes)


@dataclass(frozen=True)
class UrlEncoded:
    """Response fields percent-encoded when the ``when`` field says ``url``."""

    when: tuple[str, ...]
    when_attr: tuple[str, ...]
    fields: tuple[tuple[str, ...], ...]
    fields_attr: tuple[tuple[str, ...], ...]


@dataclass(frozen=True)
class Example:
    title: str
    kind: str
    format: str
    text: str
    status: int | None = None
    headers: str | None = None


@dataclass(frozen=True)
class Permission:
    action: str
    details: tuple[tuple[str, str], ...] = ()  # (label, value) pairs as documented


@dataclass(frozen=True)
class Source:
    title: str
    vendor: str
    url: str | None
    document: str | None
    last_updated: str | None


@dataclass(frozen=True)
class Operation:
    name: str
    python_name: str
    summary: str
    description: str
    method: str
    path: str
    action: str | None  # RPC action
    parameters: tuple[Parameter, ...]
    fixed_parameters: tuple[FixedParameter, ...]
    response_class: str
    response_status: int
    response_description: str
    response_fields: tuple[Field, ...]
    xml_root: str | None
    shapes: tuple[Shape, ...]
    errors: tuple[ErrorCode, ...]
    errors_note: str
    pagination: Pagination | None
    examples: tuple[Example, ...]
    permissions: tuple[Permission, ...]
    limits: tuple[str, ...]
    notes: tuple[str, ...]
    request_headers_note: str
    response_headers_note: str
    source: Source
    spec_file: str
    deprecated: bool = False
    # wire name of the response field that is the whole body (a JSON array or map), if any
    payload: str | None = None
    # "{bucket}.": labels filled from the `in: host` parameters, prepended to the endpoint host
    host_prefix: str | None = None
    url_encoded: UrlEncoded | None = None
    # safe to repeat after the service may have acted on it: request.idempotent, else GET/HEAD
    idempotent: bool = False
    # wire name of the parameter the client fills once per call (request.idempotency_token)
    idempotency_token: str | None = None

    @property
    def idempotent_by_method(self) -> bool:
        """Whether the runtime takes the operation as safe to repeat from its method alone."""
        return self.method in ("GET", "HEAD")

    @property
    def host_parameters(self) -> tuple[Parameter, ...]:
        """The `in: host` parameters in the order their labels appear in ``host_prefix``."""
        if not self.host_prefix:
            return ()
        by_name = {p.wire_name: p for p in self.parameters if p.location == "host"}
        names = [label[1:-1] for label in self.host_prefix.rstrip(".").split(".")]
        return tuple(by_name[name] for name in names if name in by_name)

    @property
    def header_fields(self) -> tuple[Field, ...]:
        """The response fields read from the response headers."""
        return tuple(f for f in self.response_fields if f.location == "header")

    @property
    def body_fields(self) -> tuple[Field, ...]:
        return tuple(f for f in self.response_fields if f.location != "header")

    @property
    def keyword_parameters(self) -> tuple[Parameter, ...]:
        """Parameters a caller passes: required ones first, credentials excluded."""
        params = [p for p in self.parameters if not p.credential]
        return tuple(sorted(params, key=lambda p: not p.required))

    @property
    def structured_parameters(self) -> tuple[Parameter, ...]:
        """Keyword parameters that are structures (a shape, or a list or map of one)."""
        return tuple(p for p in self.keyword_parameters if p.type.structure)

    @property
    def response_shapes(self) -> tuple[Shape, ...]:
        """Its shapes that the response is built of (all of them but request-only ones)."""
        by_name = {s.name: s for s in self.shapes}
        reached = {s.name for s in shapes_reached([f.type for f in self.response_fields], by_name)}
        return tuple(s for s in self.shapes if s.name in reached)

    @property
    def request_shapes(self) -> tuple[Shape, ...]:
        """The shapes its parameters are built of, each after the shapes it contains."""
        return shapes_reached(
            [p.type for p in self.structured_parameters], {s.name: s for s in self.shapes}
        )


@dataclass(frozen=True)
class Endpoint:
    url: str  # may contain {region}
    default_region: str
    regions: tuple[tuple[str, str], ...] = ()
    ip_address_style: str = "virtual"  # host labels for an IP endpoint=: virtual | path


@dataclass(frozen=True)
class Service:
    provider: str
    service: str
    name: str  # class-name stem: Oss -> OssClient, AsyncOssClient, OssError
    title: str
    vendor: str
    api_version: str | None
    protocol: str
    error_format: str
    endpoint: Endpoint
    signing_default: str
    signing_schemes: tuple[str, ...]
    credentials: str
    throttling_codes: tuple[str, ...]
    operations: tuple[Operation, ...]
    spec_file: str

    @property
    def subpackage(self) -> str:
        """``alibabacloud.oss``: where the service sits in the output package."""
        return f"{self.provider}.{self.service}"

    @property
    def error_base(self) -> str:
        return f"{self.name}Error"

    @property
    def errors(self) -> tuple[ErrorCode, ...]:
        """Every documented error code of the service, once each, sorted by code."""
        seen: dict[str, ErrorCode] = {}
        for operation in self.operations:
            for error in operation.errors:
                seen.setdefault(error.code, error)
        return tuple(sorted(seen.values(), key=lambda e: e.code))

    @property
    def shapes(self) -> tuple[Shape, ...]:
        seen: dict[str, Shape] = {}
        for operation in self.operations:
            for shape in operation.shapes:
                seen.setdefault(shape.name, shape)
        return tuple(seen[name] for name in sorted(seen))

    @property
    def request_shapes(self) -> tuple[Shape, ...]:
        """The shapes some operation's parameters are built of, each after those it contains."""
        types = [p.type for op in self.operations for p in op.structured_parameters]
        return shapes_reached(types, {s.name: s for s in self.shapes})


def shapes_reached(types: list[TypeRef], shapes: dict[str, Shape]) -> tuple[Shape, ...]:
    """The shapes ``types`` are built of, transitively, each after the shapes it contains
    (the order in which they can be defined); shapes of one level sorted by name."""
    ordered: dict[str, Shape] = {}

    def visit(name: str, seen: tuple[str, ...]) -> None:
        shape = shapes.get(name)
        if shape is None or name in ordered or name in seen:
            return
        for member in shape.fields:
            inner = member.type.structure
            if inner:
                visit(inner, (*seen, name))
        ordered[name] = shape

    for name in sorted({t.structure for t in types if t.structure}):
        visit(name, ())
    return tuple(ordered.values())


@dataclass(frozen=True)
class SpecSet:
    services: tuple[Service, ...] = field(default_factory=tuple)


@dataclass(frozen=True)
class OperationName:
    name: str
    python_name: str  # its method: list_buckets


@dataclass(frozen=True)
class ServiceSummary:
    """What the tree-wide files (README.md, provider packages) show of a service. The manifest
    keeps it, so a service whose specs did not change need not be loaded again for them."""

    provider: str
    service: str
    vendor: str
    title: str
    name: str  # class-name stem, as Service.name
    credentials: str  # credential family, as Service.credentials
    operations: tuple[OperationName, ...]  # like Service.operations, as far as names go

    @property
    def subpackage(self) -> str:
        return f"{self.provider}.{self.service}"

    @classmethod
    def of(cls, service: Service) -> ServiceSummary:
        return cls(
            provider=service.provider,
            service=service.service,
            vendor=service.vendor,
            title=service.title,
            name=service.name,
            credentials=service.credentials,
            operations=tuple(OperationName(op.name, op.python_name) for op in service.operations),
        )
