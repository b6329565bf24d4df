"""Intermediate model -> source files, through the Jinja2 templates in templates/."""

from __future__ import annotations

import re
import textwrap
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from generator.errors import GeneratorBug
from generator.layout import black_layout
from generator.model import (
    FixedParameter,
    Operation,
    Parameter,
    Service,
    ServiceSummary,
    Shape,
    TypeRef,
)
from generator.naming import shape_constant

if TYPE_CHECKING:
    import black


@cache
def black_mode() -> black.Mode:
    import black  # imported when first needed: a no-op generate never formats anything
    from black.mode import TargetVersion

    return black.Mode(line_length=100, target_versions={TargetVersion.PY311})


def format_python(source: str) -> str:
    """``source`` formatted by black (line length 100, Python 3.11); raises black.InvalidInput.
    Laid out first as black would write it, so that black needs one pass, not two."""
    import black

    return black.format_str(black_layout(source), mode=black_mode())


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


def param_doc(parameter: Parameter) -> str:
    extras = []
    if parameter.default is not None:
        extras.append(f"Default: {parameter.default}.")
    if _bounds(parameter):
        extras.append(f"Allowed: {_bounds(parameter)}.")
    if parameter.enum:
        label = _enum_label(parameter)
        extras.append(f"{label[0].upper()}{label[1:]} {', '.join(map(str, parameter.enum))}.")
    if parameter.deprecated:
        extras.append("Deprecated.")
    return " ".join([parameter.description, *extras])


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
    )


def _check_source(
    keyword: str,
    ref: TypeRef,
    required: bool = False,
    minimum: float | None = None,
    maximum: float | None = None,
    enum: tuple[Any, ...] = (),
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


_SCALARS = ("string", "integer", "long", "number", "boolean", "datetime")


def keyword_type(parameter: Parameter) -> str:
    """The annotation of a parameter's keyword (``Sequence[Tag | TagDict]`` for a list of
    structures)."""
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


DEFAULT_PACKAGE = "generated"


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
        )
        from sdk_runtime.endpoints import REGION_ENV

        self.env.globals.update(structure=structure, region_env=REGION_ENV)
        self.env.filters.update(
            py=python_literal,
            docstring=docstring,
            wrap=wrap,
            md_cell=md_cell,
            md_value=md_value,
            md_range=md_range,
            param_doc=param_doc,
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
            dict=dict,
            tuple=tuple,
        )

    def module(self, service: Service | ServiceSummary) -> str:
        """Import path of a service's package: ``generated.alibabacloud.oss``."""
        return f"{self.package}.{service.subpackage}"

    def text(self, template: str, **context: Any) -> str:
        return self.env.get_template(template).render(**context).rstrip("\n") + "\n"

    def python(self, template: str, **context: Any) -> str:
        from black.parsing import InvalidInput

        source = self.text(template, **context)
        try:
            return format_python(source)
        except InvalidInput as error:
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

    def operation_doc(self, service: Service, op: Operation) -> str:
        return self.text("operation.md.j2", service=service, op=op)
