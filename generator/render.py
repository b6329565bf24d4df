"""Intermediate model -> source files, through the Jinja2 templates in templates/."""

from __future__ import annotations

import hashlib
import re
import textwrap
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from jinja2 import BytecodeCache, Environment, FileSystemLoader, StrictUndefined
from jinja2.bccache import Bucket

from generator import outcache
from generator.errors import GeneratorBug
from generator.layout import black_layout
from generator.model import (
    ErrorCode,
    Field,
    FixedParameter,
    Operation,
    Parameter,
    Permission,
    Service,
    ServiceSummary,
    Shape,
    TypeRef,
)
from generator.naming import method_names, shape_constant, snake_case, unshadowed

if TYPE_CHECKING:
    import black


@cache
def black_mode() -> black.Mode:
    import black  # imported when first needed: a no-op generate never formats anything
    from black.mode import TargetVersion

    return black.Mode(line_length=100, target_versions={TargetVersion.PY311})


@cache
def _black_identity() -> str:
    """black's version and the mode of :func:`black_mode`: with the text, all that its
    output depends on (named, not built: a run whose every text is cached never imports
    black)."""
    from importlib.metadata import version

    return f"black {version('black')} line_length=100 target_versions=py311"


def format_python(source: str) -> str:
    """``source`` formatted by black (line length 100, Python 3.11); raises black.InvalidInput.
    Laid out first as black would write it, so that black needs one pass, not two; what black
    made of the same text before (any tree, any run) is taken from :mod:`generator.outcache`."""
    laid_out = black_layout(source)
    key = outcache.entry_key(_black_identity(), laid_out)
    cached = outcache.get("black", key)
    if cached is not None:
        try:
            return cached.decode("utf-8")
        except UnicodeDecodeError:
            pass
    import black

    formatted: str = black.format_str(laid_out, mode=black_mode())
    outcache.put("black", key, formatted.encode("utf-8"))
    return formatted


def python_literal(value: Any) -> str:
    """Deterministic Python source for a constant (black normalises the layout)."""
    if isinstance(value, dict):
        return (
            "{"
            + ", ".join(f"{python_literal(k)}: {python_literal(v)}" for k, v in value.items())
            + "}"
        )
    if isinstance(value, tuple):
        inner = ", ".join(python_literal(v) for v in value)
        return f"({inner},)" if len(value) == 1 else f"({inner})"
    if isinstance(value, list):
        return "[" + ", ".join(python_literal(v) for v in value) + "]"
    if isinstance(value, str):
        return '"' + "".join(_escaped(char, _LITERAL_ESCAPES) for char in value) + '"'
    return repr(value)


_LITERAL_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t"}
_DOCSTRING_ESCAPES = {"\\": "\\\\", "\n": "\n"}  # a docstring keeps its line breaks
_QUOTE_THAT_CLOSES = re.compile(r'"(?="|\Z)')


def _escaped(char: str, escapes: dict[str, str]) -> str:
    """``char`` as it is written inside a Python string literal: its escape, itself when
    printable, else by its code point (control characters, line and paragraph separators)."""
    if char in escapes:
        return escapes[char]
    if char.isprintable():
        return char
    code = ord(char)
    if code < 0x100:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"


def docstring(body: str) -> str:
    """The one way text becomes a docstring: ``body`` between triple quotes, escaped so that
    whatever a spec says stays text: backslashes doubled, a quote that would end the literal
    (one followed by another, or the last character) escaped, unprintable characters by
    their code point."""
    text = "".join(_escaped(char, _DOCSTRING_ESCAPES) for char in body)
    return '"""' + _QUOTE_THAT_CLOSES.sub('\\\\"', text) + '"""'


def wrap(text: str, width: int, indent: int, first: int = 0) -> str:
    """Wrap ``text`` to ``width`` columns for a docstring: the first line starts at column
    ``first`` (already written), the others are indented by ``indent`` spaces."""
    lines = textwrap.wrap(
        " ".join(text.split()),
        width=width,
        initial_indent=" " * first,
        subsequent_indent=" " * indent,
        break_on_hyphens=False,
        break_long_words=False,
    )
    return "\n".join(lines)[first:] if lines else ""


def md_cell(text: str) -> str:
    return " ".join(str(text).split()).replace("|", "\\|")


def md_value(value: Any) -> str:
    return "" if value is None else f"`{value}`"


def md_range(parameter: Parameter) -> str:
    parts = [_bounds(parameter)] if _bounds(parameter) else []
    if parameter.enum:
        parts.append(f"{_enum_label(parameter)} {', '.join(f'`{v}`' for v in parameter.enum)}")
    return "; ".join(parts)


def _bounds(parameter: Parameter) -> str:
    parts = []
    if parameter.minimum is not None:
        parts.append(f"≥ {parameter.minimum:g}")
    if parameter.maximum is not None:
        parts.append(f"≤ {parameter.maximum:g}")
    return "; ".join(parts)


def _enum_label(parameter: Parameter) -> str:
    """A closed list is checked by the client; documented values are informative."""
    return "one of" if parameter.enum_closed else "documented values:"


def names(text: str, value: Any) -> bool:
    """Whether ``text`` names ``value`` as a word of its own: ``IPV4`` in "Value range: IPV4
    and IPV6", ``public-read`` in "public-read-write, public-read", ``100`` in "Maximum value:
    100." (a boolean as YAML and the pages write it: ``true``)."""
    if isinstance(value, bool):
        token = str(value).lower()
    elif isinstance(value, float):
        token = f"{value:g}"
    else:
        token = str(value)
    return re.search(rf"(?<![\w-]){re.escape(token)}(?![\w-])", text) is not None


_SENTENCE_END = re.compile(r"(?<=[.;])\s+")


def states_default(text: str, value: Any) -> bool:
    """Whether a sentence of ``text`` says that ``value`` is the default ("Default value:
    100.", "If it is not specified, the default value is 500.")."""
    return any(
        "default" in sentence.lower() and names(sentence, value)
        for sentence in _SENTENCE_END.split(text)
    )


def states_all(text: str, values: Any) -> bool:
    """Whether ``text`` already names every one of ``values`` (a page's "Valid values: A: ...
    B: ..." before the spec's enum of A and B)."""
    return all(names(text, value) for value in values)


def field_values(field: Field) -> str:
    """What a field's description is followed by in a table: its documented values unless the
    description names them all already, and its example."""
    notes = []
    if field.enum and not states_all(field.description, field.enum):
        notes.append("Values: " + ", ".join(f"`{v}`" for v in field.enum) + ".")
    if field.example is not None:
        notes.append(f"Example: `{field.example}`.")
    return " ".join(notes)


def permission_labels(permissions: tuple[Permission, ...]) -> list[str]:
    """The columns of a permissions table: every label some entry documents, in page order."""
    return list(dict.fromkeys(label for p in permissions for label, _ in p.details))


def param_doc(parameter: Parameter) -> str:
    """A keyword's docstring text: the page's description, then what it does not say already
    of the default and the allowed values (never "Default value: 10. Default: 10.")."""
    text = parameter.description
    extras = []
    if parameter.default is not None and not states_default(text, parameter.default):
        extras.append(f"Default: {parameter.default}.")
    bounds = [b for b in (parameter.minimum, parameter.maximum) if b is not None]
    if bounds and not states_all(text, bounds):
        extras.append(f"Allowed: {_bounds(parameter)}.")
    if parameter.enum and not states_all(text, parameter.enum):
        label = _enum_label(parameter)
        extras.append(f"{label[0].upper()}{label[1:]} {', '.join(map(str, parameter.enum))}.")
    elif parameter.enum_closed:  # the page names them; that no other value is sent is ours
        extras.append("The client refuses any other value.")
    if parameter.deprecated:
        extras.append("Deprecated.")
    return " ".join([text, *extras])


def locations(parameters: tuple[Parameter, ...]) -> dict[str, str]:
    return {p.wire_name: p.location for p in parameters if not p.credential}


def styles(parameters: tuple[Parameter, ...]) -> dict[str, str]:
    """Wire name -> style of the query (and RPC form body) parameters not sent plain."""
    return {
        p.wire_name: p.style
        for p in parameters
        if p.style != "plain" and p.location in ("query", "body") and not p.credential
    }


def check(parameter: Parameter, required: bool) -> str | None:
    """Source of the runtime's ``Check`` for a keyword parameter, or None when there is nothing
    to check (an optional structure: ``sdk_runtime.structures`` checks it when sending)."""
    return _check_source(
        parameter.python_name,
        parameter.type,
        required,
        parameter.minimum,
        parameter.maximum,
        parameter.enum if parameter.enum_closed else (),
        number_text=_number_text(parameter),
    )


_NUMBER_TEXT = re.compile(r"[-+]?\d+(?:\.\d+)?")


def _number_text(parameter: Parameter) -> bool:
    """Whether a string parameter carries a number (ENS ``PageSize``: String on the page,
    with a range, or with an example or default that is number text): its keyword then also
    takes an int, sent as its text."""
    if parameter.type.kind != "string":
        return False
    if parameter.minimum is not None or parameter.maximum is not None:
        return True
    return any(
        isinstance(value, str) and _NUMBER_TEXT.fullmatch(value) is not None
        for value in (parameter.example, parameter.default)
    )


def _check_source(
    keyword: str,
    ref: TypeRef,
    required: bool = False,
    minimum: float | None = None,
    maximum: float | None = None,
    enum: tuple[Any, ...] = (),
    number_text: bool = False,
) -> str | None:
    container = "scalar"
    if ref.kind in ("array", "map") and ref.items is not None and ref.items.kind in _SCALARS:
        ref, container = ref.items, "list" if ref.kind == "array" else "map"
    kind = ref.python() if ref.kind in _SCALARS else "any"
    if kind == "any" and not required:
        return None
    args = [python_literal(keyword), python_literal(kind)]
    if required:
        args.append("required=True")
    if kind != "any":
        if minimum is not None:
            args.append(f"minimum={python_literal(minimum)}")
        if maximum is not None:
            args.append(f"maximum={python_literal(maximum)}")
        if enum:
            values = tuple(str(v) if kind == "str" else v for v in enum)
            args.append(f"enum={python_literal(values)}")
        if number_text and kind == "str":
            args.append("number_text=True")
    if container != "scalar":
        args.append(f"container={python_literal(container)}")
    return f"Check({', '.join(args)})"


def field_checks(shape: Shape) -> dict[str, str]:
    """Attribute -> ``Check`` source of a request shape's scalar fields (and lists of them):
    their type, checked in a dict the caller passes (a model is pydantic's)."""
    found = {f.python_name: _check_source(f.python_name, f.type) for f in shape.fields}
    return {name: source for name, source in found.items() if source is not None}


def checks(operation: Operation, client_values: tuple[str, ...] = ()) -> list[tuple[str, str]]:
    """(wire name, ``Check`` source) of the keyword parameters that have something to check.

    A path parameter the client knows (``client_values``: ``{project_id}``) is optional, as its
    keyword is: the client fills it, or says it needs it."""
    found = [
        (p.wire_name, check(p, p.required and not _from_client(p, client_values)))
        for p in operation.keyword_parameters
    ]
    return [(name, source) for name, source in found if source is not None]


def _from_client(parameter: Parameter, client_values: tuple[str, ...]) -> bool:
    return parameter.location == "path" and parameter.wire_name in client_values


_SCALARS = frozenset(("string", "integer", "long", "number", "boolean", "datetime"))


def keyword_type(parameter: Parameter) -> str:
    """The annotation of a parameter's keyword (``Sequence[Tag | TagDict]`` for a list of
    structures); ``str | int`` for a string that carries a number."""
    if _number_text(parameter):
        return "str | int"
    return parameter.type.python_input()


def structure(keyword: str, ref: TypeRef) -> str:
    """Source of the runtime's ``Structure`` for a keyword (or attribute) of type ``ref``."""
    assert ref.structure is not None
    container = "" if ref.container == "object" else f", {python_literal(ref.container)}"
    return f"Structure({python_literal(keyword)}, {shape_constant(ref.structure)}{container})"


def fixed(parameters: tuple[FixedParameter, ...]) -> tuple[tuple[str, str, str], ...]:
    return tuple((p.wire_name, p.location, p.value) for p in parameters)


def host_labels(operation: Operation) -> tuple[tuple[str, str], ...]:
    """(wire name, keyword) of the host parameters, outermost label first."""
    return tuple((p.wire_name, p.python_name) for p in operation.host_parameters)


def response_headers(operation: Operation) -> tuple[str, ...]:
    """Wire names of the response fields read from the headers."""
    return tuple(f.wire_name for f in operation.header_fields)


def item_iterators(operation: Operation) -> list[tuple[str, TypeRef, str | None]]:
    """(method suffix, item type, runtime list name) of each ``iter_`` method: the primary
    items (``iter_<op>``), then each extra list (``iter_<op>_<list>``)."""
    paging = operation.pagination
    assert paging is not None
    found: list[tuple[str, TypeRef, str | None]] = [(operation.python_name, paging.item_type, None)]
    for extra in paging.extra_items:
        found.append((f"{operation.python_name}_{extra.name}", extra.item_type, extra.name))
    return found


def resume_keywords(operation: Operation) -> str:
    """The keywords a resume token goes back to: ``continuation_token`` (or several)."""
    assert operation.pagination is not None
    by_wire = {p.wire_name: p.python_name for p in operation.parameters}
    names = [
        f"``{by_wire[s.input_token]}``"
        for s in operation.pagination.all_schemes
        if s.input_token and s.input_token in by_wire
    ]
    return " or ".join(dict.fromkeys(names)) or "token"


@dataclass(frozen=True)
class Usage:
    """What a doc page's example shows: the call's keywords (with Python literals of the
    page's example values), what it prints of the result or of each item, and the documented
    error class it catches before the service's base (the first on the page, if any)."""

    arguments: tuple[tuple[str, str], ...]
    uses_datetime: bool
    item: str | None  # the loop variable, for a paginated operation
    printed: tuple[str, ...]  # attribute names of the result (or item) to print
    error: ErrorCode | None


_OPTIONAL_SHOWN = 2  # optional keywords with an example shown beside the required ones


def usage(service: Service, operation: Operation) -> Usage:
    """The example call of ``operation``: every keyword a caller must pass, then up to two
    optional ones the page gives an example of (the page size first); for a paginated
    operation, the keywords the iterator fills itself (tokens, page numbers) left out."""
    from sdk_runtime.credentials import FAMILIES

    from_client = set(FAMILIES[service.credentials].client_values)
    shapes = {shape.name: shape for shape in operation.shapes}
    paging = operation.pagination
    filled = {s.input_token for s in paging.all_schemes} if paging else set()
    sizes = {s.page_size for s in paging.all_schemes} if paging else set()
    candidates = [
        p
        for p in operation.keyword_parameters
        if p.wire_name not in filled and not (p.location == "path" and p.wire_name in from_client)
    ]
    required = [p for p in candidates if p.required]
    optional = sorted(
        (p for p in candidates if not p.required and p.example is not None),
        key=lambda p: p.wire_name not in sizes,
    )[:_OPTIONAL_SHOWN]
    shown = [*required, *optional]
    arguments = tuple(
        (p.python_name, example_literal(p.type, p.example, p.enum, shapes)) for p in shown
    )
    item: str | None = None
    fields: tuple[Field, ...] = operation.response_fields
    if paging is not None:
        item_shape = shapes.get(paging.item_type.shape or "")
        reserved = frozenset({"client", "e", *method_names()})
        item = unshadowed(snake_case(item_shape.name), reserved) if item_shape else "item"
        fields = item_shape.fields if item_shape else ()
    scalars = [f for f in fields if f.type.kind in _SCALARS]
    identifying = [f for f in scalars if f.python_name.endswith(("id", "name"))][:1]
    named = identifying + [f for f in scalars if f not in identifying]
    return Usage(
        arguments=arguments,
        uses_datetime=any(uses_datetime(p.type, shapes) for p in shown),
        item=item,
        printed=tuple(f.python_name for f in named[:2]),
        error=operation.errors[0] if operation.errors else None,
    )


def example_literal(
    ref: TypeRef, example: Any, enum: tuple[Any, ...], shapes: dict[str, Shape]
) -> str:
    """Python source of a value of type ``ref`` for an example call: the page's example,
    as a literal of that type (``"5"`` for a string the page shows as 5), else the first
    documented value, else a placeholder; a structure is a dict of its fields'
    examples, a list one item."""
    if ref.kind == "array":
        assert ref.items is not None
        items = example if isinstance(example, list) else [example]
        return "[" + ", ".join(example_literal(ref.items, v, enum, shapes) for v in items) + "]"
    if ref.kind == "map":
        assert ref.items is not None
        return "{" + f'"key": {example_literal(ref.items, None, (), shapes)}' + "}"
    if ref.kind == "object":
        shape = shapes.get(ref.shape or "")
        fields = [f for f in shape.fields if f.required or f.example is not None] if shape else []
        members = (
            f"{python_literal(f.python_name)}: {example_literal(f.type, f.example, f.enum, shapes)}"
            for f in fields
        )
        return "{" + ", ".join(members) + "}"
    if example is None:
        example = enum[0] if enum else None
    if ref.kind == "datetime":
        text = str(example) if example is not None else "2024-01-01T00:00:00Z"
        return f"datetime.fromisoformat({python_literal(text)})"
    return python_literal(_scalar(ref.kind, example))


def uses_datetime(
    ref: TypeRef, shapes: dict[str, Shape], seen: frozenset[str] = frozenset()
) -> bool:
    """Whether a value of type ``ref`` holds a ``datetime`` (the example imports it then)."""
    if ref.kind == "datetime":
        return True
    if ref.items is not None:
        return uses_datetime(ref.items, shapes, seen)
    shape = shapes.get(ref.shape or "")
    if shape is None or shape.name in seen:
        return False
    return any(uses_datetime(f.type, shapes, seen | {shape.name}) for f in shape.fields)


def _scalar(kind: str, value: Any) -> Any:
    """``value`` (a page's example, None when it has none) as a value of ``kind``."""
    if kind in ("integer", "long"):
        try:
            return int(value)
        except (TypeError, ValueError):
            return 1
    if kind == "number":
        try:
            return float(value)
        except (TypeError, ValueError):
            return 1.0
    if kind == "boolean":
        return value if isinstance(value, bool) else str(value).lower() == "true"
    if value is None:
        return "..."
    return str(value).lower() if isinstance(value, bool) else str(value)


def time_fields(service: Service) -> str:
    """What a service's README says of its time fields, as its specs decide them (one type
    per service, see ``normalize._time_field_issues``): ``datetime`` fields, else ``str``
    fields whose examples are ISO 8601 times; empty when it has neither. The fields are not
    listed: each operation's page types them, and a page added leaves this line as it is."""
    from generator.normalize import iso_time

    found: dict[str, Field] = {}
    for op in service.operations:
        for member in op.response_fields:
            found.setdefault(f"{op.response_class}.{member.python_name}", member)
        for shape in op.response_shapes:
            for member in shape.fields:
                found.setdefault(f"{shape.name}.{member.python_name}", member)
    datetimes = {name: f for name, f in found.items() if f.type.kind == "datetime"}
    texts = {n: f for n, f in found.items() if f.type.kind == "string" and iso_time(f.example)}
    chosen = datetimes or texts
    if not chosen:
        return ""
    matches = [m for m in (iso_time(chosen[name].example) for name in sorted(chosen)) if m]
    sample = f" (`{md_cell(matches[0].group(0))}`)" if matches else ""
    if datetimes:
        return f"`datetime`, timezone-aware, decoded from the ISO 8601 text{sample}"
    if all(m.group(1) for m in matches):
        return f"`str`, the ISO 8601 text as the service sends it{sample}"
    return (
        f"`str`, the text as the service sends it: ISO 8601 without a zone{sample}, kept as "
        "text rather than a naive datetime"
    )


def byte_size(count: int) -> str:
    """``67108864`` -> ``64 MiB``: a size in the largest binary unit that divides it."""
    for unit, factor in (("GiB", 1 << 30), ("MiB", 1 << 20), ("KiB", 1 << 10)):
        if count >= factor and count % factor == 0:
            return f"{count // factor} {unit}"
    return f"{count} bytes"


DEFAULT_PACKAGE = "generated"


_THIS_MODULE = hashlib.sha256(Path(__file__).read_bytes()).hexdigest()


class _CompiledTemplates(BytecodeCache):
    """Jinja's compiled templates, kept in the per-user cache (generator.outcache): a run
    that renders a few files does not compile every template again. Jinja checks each
    entry against the template's source (and its own and Python's version) before use; the
    key also covers this module, where the environment's options are set."""

    def get_cache_key(self, name: str, filename: str | None = None) -> str:
        return outcache.entry_key("jinja", _THIS_MODULE, name, filename or "")

    def load_bytecode(self, bucket: Bucket) -> None:
        data = outcache.get("jinja", bucket.key)
        if data is not None:
            bucket.bytecode_from_string(data)

    def dump_bytecode(self, bucket: Bucket) -> None:
        outcache.put("jinja", bucket.key, bucket.bytecode_to_string())


class Renderer:
    """The templates, rendering for an output package named ``package`` (``generated``,
    ``mycorp_clouds``, ``mycorp.clouds``): every import the generated code makes of itself
    starts with it."""

    def __init__(self, templates: Path, package: str = DEFAULT_PACKAGE) -> None:
        self.package = package
        self.env = Environment(
            loader=FileSystemLoader(templates),
            undefined=StrictUndefined,
            keep_trailing_newline=True,
            autoescape=False,
            bytecode_cache=_CompiledTemplates(),
        )
        from sdk_runtime.endpoints import REGION_ENV
        from sdk_runtime.transport import DEFAULT_MAX_RESPONSE_BYTES, Timeout

        # the runtime's defaults that docstrings state, so that they cannot drift
        self.defaults: dict[str, Any] = {
            "timeout": Timeout(),
            "max_response_bytes": DEFAULT_MAX_RESPONSE_BYTES,
        }
        self.env.globals.update(structure=structure, region_env=REGION_ENV, defaults=self.defaults)
        self.env.filters.update(
            py=python_literal,
            docstring=docstring,
            wrap=wrap,
            md_cell=md_cell,
            md_value=md_value,
            md_range=md_range,
            param_doc=param_doc,
            field_values=field_values,
            permission_labels=permission_labels,
            locations=locations,
            styles=styles,
            fixed=fixed,
            host_labels=host_labels,
            response_headers=response_headers,
            item_iterators=item_iterators,
            resume_keywords=resume_keywords,
            keyword_type=keyword_type,
            checks=checks,
            field_checks=field_checks,
            wire_names=lambda fields: {f.python_name: f.wire_name for f in fields},
            shape_constant=shape_constant,
            module=self.module,
            g=lambda number: f"{number:g}",
            size=byte_size,
            time_fields=time_fields,
            dict=dict,
            tuple=tuple,
        )

    def module(self, service: Service | ServiceSummary) -> str:
        """Import path of a service's package: ``generated.alibabacloud.oss``."""
        return f"{self.package}.{service.subpackage}"

    def text(self, template: str, **context: Any) -> str:
        return self.env.get_template(template).render(**context).rstrip("\n") + "\n"

    def python(self, template: str, **context: Any) -> str:
        source = self.text(template, **context)
        try:
            return format_python(source)
        except Exception as error:
            from black.parsing import InvalidInput

            if not isinstance(error, InvalidInput):
                raise
            numbered = "\n".join(f"{i:4} {line}" for i, line in enumerate(source.splitlines(), 1))
            raise GeneratorBug(
                f"generator bug: {template} rendered invalid Python ({error}):\n{numbered}"
            ) from error

    def service_files(self, service: Service) -> dict[str, str]:
        """Client, errors, package __init__ and Markdown docs of one service."""
        responses = [op.response_class for op in service.operations]
        request_shapes = service.request_shapes
        client_models = sorted(
            set(responses)
            | {
                item_type.python()
                for op in service.operations
                if op.pagination
                for _, item_type, _ in item_iterators(op)
            }
            | {shape.name for shape in request_shapes}
        )
        typed_dicts = [f"{shape.name}Dict" for shape in request_shapes]
        exports = sorted(
            ["ERRORS", f"{service.name}Client", f"Async{service.name}Client", service.error_base]
            + [e.class_name for e in service.errors]
            + [s.name for s in service.shapes]
            + responses
            + typed_dicts
        )
        all_models = sorted({s.name for s in service.shapes} | set(responses))
        annotations = [p.type for op in service.operations for p in op.keyword_parameters]
        annotations += [f.type for shape in request_shapes for f in shape.fields]
        uses_datetime = any(
            ref.kind == "datetime" or (ref.items is not None and ref.items.kind == "datetime")
            for ref in annotations
        )
        inputs = " ".join(ref.python_input() for ref in annotations)
        paginated = any(op.pagination for op in service.operations)
        files = {
            "client.py": self.python(
                "client.py.j2",
                service=service,
                model_imports=client_models,
                uses_datetime=uses_datetime,
                paginated=paginated,
                url_encoded=any(op.url_encoded for op in service.operations),
                request_shapes=request_shapes,
                typing_imports=["TYPE_CHECKING"]
                + (
                    ["Required"]
                    if any(f.required for s in request_shapes for f in s.fields)
                    else []
                )
                + (["TypedDict"] if request_shapes else []),
                abc_imports=sorted(
                    {name for name in ("Mapping", "Sequence") if f"{name}[" in inputs}
                    | ({"AsyncIterator", "Iterator"} if paginated else set())
                ),
                **self.wire_context(service),
            ),
            "errors.py": self.python("errors.py.j2", service=service),
            "__init__.py": self.python(
                "package_init.py.j2",
                service=service,
                model_imports=all_models,
                exports=exports,
                typed_dicts=typed_dicts,
            ),
            "docs/README.md": self.text(
                "service.md.j2", service=service, **self.wire_context(service)
            ),
        }
        for op in service.operations:
            files[f"docs/{op.name}.md"] = self.operation_doc(service, op)
        return files

    @staticmethod
    def wire_context(service: Service) -> dict[str, Any]:
        """What the runtime's registries say of the service: its credential family
        (constructor keywords, environment variables) and protocol (options)."""
        from sdk_runtime.credentials import FAMILIES
        from sdk_runtime.protocols import PROTOCOLS

        family = FAMILIES[service.credentials]
        return {
            "family": family,
            "credentials_class": family.credentials.__name__,
            "protocol": PROTOCOLS[service.protocol],
        }

    def configuration(self, services: list[ServiceSummary]) -> str:
        """``docs/configuration.md``: the settings every client takes, each default from the
        runtime's own constants, and each credential family's chain in the runtime's order."""
        import importlib

        from sdk_runtime import DISTRIBUTION
        from sdk_runtime.credential_providers import METADATA_TIMEOUT, REFRESH_MARGIN
        from sdk_runtime.credentials import FAMILIES
        from sdk_runtime.endpoints import REGION_ENV
        from sdk_runtime.providers import PROVIDERS
        from sdk_runtime.retry import (
            DEFAULT_MAX_RETRIES,
            NO_RETRY_REFUND,
            QUOTA_CAPACITY,
            RETRY_COST,
            TIMEOUT_RETRY_COST,
            RetryPolicy,
        )

        def example(summary: ServiceSummary) -> dict[str, str]:
            return {
                "module": self.module(summary),
                "name": summary.name,
                "operation": summary.operations[0].python_name,
            }

        families = []
        for name in FAMILIES:
            users = [s for s in services if s.credentials == name]
            if not users:
                continue
            family = FAMILIES[name]
            chain = importlib.import_module(f"sdk_runtime.credential_providers.{name}")
            first_two = [keyword for keyword, _ in family.keywords][:2]
            families.append(
                {
                    "family": family,
                    "services": users,
                    "vendors": list(dict.fromkeys(PROVIDERS[s.provider].title for s in users)),
                    "chain": chain.default_chain().names,
                    "example": example(users[0]),
                    "example_credentials": ", ".join(f'{k}="..."' for k in first_two),
                }
            )
        return self.text(
            "configuration.md.j2",
            first=example(services[0]),
            families=families,
            region_env=[(PROVIDERS[p].title, v) for p, v in REGION_ENV.items()],
            timeout=self.defaults["timeout"],
            retry=RetryPolicy(),
            max_retries=DEFAULT_MAX_RETRIES,
            quota_capacity=QUOTA_CAPACITY,
            retry_cost=RETRY_COST,
            timeout_retry_cost=TIMEOUT_RETRY_COST,
            no_retry_refund=NO_RETRY_REFUND,
            max_response_bytes=self.defaults["max_response_bytes"],
            refresh_minutes=int(REFRESH_MARGIN.total_seconds() // 60),
            metadata_timeout=METADATA_TIMEOUT,
            distribution=DISTRIBUTION,
        )

    def operation_doc(self, service: Service, op: Operation) -> str:
        example = self.python(
            "usage.py.j2",
            service=service,
            op=op,
            example=usage(service, op),
            module=self.module(service),
        )
        return self.text("operation.md.j2", service=service, op=op, example=example)
