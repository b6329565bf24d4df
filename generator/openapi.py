"""Intermediate model -> OpenAPI 3.1 document per service, validated with openapi-spec-validator."""

from __future__ import annotations

import hashlib
import json
from functools import cache
from typing import TYPE_CHECKING, Any

from generator.errors import GeneratorBug
from generator.model import Field, Operation, Pagination, Parameter, Service, TypeRef
from sdk_runtime.http import FORM

if TYPE_CHECKING:
    from openapi_spec_validator.validation import OpenAPIV31SpecValidator

    from sdk_runtime.protocols import ErrorBody

_SCALARS: dict[str, dict[str, str]] = {
    "string": {"type": "string"},
    "integer": {"type": "integer", "format": "int32"},
    "long": {"type": "integer", "format": "int64"},
    "number": {"type": "number"},
    "boolean": {"type": "boolean"},
    "datetime": {"type": "string", "format": "date-time"},
}


def build_openapi(service: Service) -> dict[str, Any]:
    """The OpenAPI 3.1 document describing ``service``, not yet validated: see
    :func:`validate_openapi` and :func:`validity_key`."""
    media = "application/xml" if service.protocol == "rest-xml" else "application/json"
    document: dict[str, Any] = {
        "openapi": "3.1.0",
        "info": {
            "title": f"{service.vendor} {service.title}",
            "version": service.api_version or "unversioned",
            "description": f"Generated from the specs in {service.spec_file} and its operations.",
        },
        "servers": [_server(service)],
        "paths": {},
        "components": {
            "schemas": {},
            "securitySchemes": {
                scheme: _security_scheme(scheme) for scheme in service.signing_schemes
            },
        },
        "security": [{scheme: []} for scheme in service.signing_schemes],
    }
    schemas = document["components"]["schemas"]
    for shape in service.shapes:
        schemas[shape.name] = _object_schema(shape.fields, shape.description)
    schemas["ErrorBody"] = _error_body_schema(service)
    for operation in service.operations:
        schemas[operation.response_class] = model_schema(operation, with_headers=False)
        document["paths"].setdefault(_path_key(service, operation), {})[
            operation.method.lower()
        ] = _operation(service, operation, media)
    return document


_PROSE = frozenset({"description", "summary"})


def validity_key(document: dict[str, Any], tooling: str) -> str:
    """Key of all that the validity of ``document`` depends on: the document but the text of
    its descriptions and summaries (the OpenAPI schema only asks them to be strings, and the
    validator's own checks never read them), and the tooling (validator version included).
    A document with the key of one found valid is valid: a page edit that changes only prose
    needs no validation."""
    text = json.dumps(_without_prose(document), sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(f"{tooling}\0{text}".encode()).hexdigest()


def _without_prose(value: Any) -> Any:
    if isinstance(value, dict):
        return {
            k: "" if k in _PROSE and isinstance(v, str) else _without_prose(v)
            for k, v in value.items()
        }
    if isinstance(value, list):
        return [_without_prose(v) for v in value]
    return value


def validate_openapi(document: dict[str, Any], name: str) -> None:
    """Validate ``document`` with openapi-spec-validator; raise GeneratorBug if it is invalid."""
    from openapi_spec_validator import validate
    from openapi_spec_validator.validation.exceptions import OpenAPIValidationError

    try:
        validate(document, cls=_spec_validator())
    except OpenAPIValidationError as error:
        raise GeneratorBug(f"generator bug: invalid OpenAPI for {name}: {error}") from error


@cache
def _spec_validator() -> type[OpenAPIV31SpecValidator]:
    """openapi-spec-validator's OpenAPI 3.1 validator, its meta-schema registry crawled once.

    The stock validator resolves references in the OpenAPI 3.1 JSON Schema through a registry
    in which that schema is still uncrawled. Every ``$dynamicRef: "#meta"`` (one per schema
    object of the document) then misses the anchor table, and ``Registry.anchor`` crawls the
    whole meta-schema (about 370 subresources) to find it; the crawled registry is only kept
    by that one lookup, so the next one crawls again: about 90 crawls per 10-operation
    document, two thirds of the validation time. Crawled up front, every anchor is a
    dictionary hit. The checks are the same: same JSON Schema, validator class and keywords.
    """
    from jsonschema.validators import validator_for
    from openapi_spec_validator.schemas import schema_v31
    from openapi_spec_validator.validation import OpenAPIV31SpecValidator
    from referencing import Registry
    from referencing.jsonschema import specification_with

    schema = dict(schema_v31)
    resource = specification_with(schema["$schema"]).create_resource(schema)
    registry: Registry[Any] = Registry().with_resource(resource.id() or "", resource).crawl()
    crawled = validator_for(schema)(schema, registry=registry)

    class CrawledOpenAPIV31SpecValidator(OpenAPIV31SpecValidator):
        schema_validator = crawled

    return CrawledOpenAPIV31SpecValidator


def _security_scheme(scheme: str) -> dict[str, Any]:
    """The OpenAPI security scheme of a signing scheme, as its runtime entry describes it."""
    from sdk_runtime.signing import SIGNERS

    security = SIGNERS[scheme].security
    return {
        "type": "apiKey",
        "in": security.location,
        "name": security.name,
        "description": security.description,
    }


def _server(service: Service) -> dict[str, Any]:
    server: dict[str, Any] = {"url": service.endpoint.url}
    if "{region}" in service.endpoint.url:
        server["variables"] = {"region": {"default": service.endpoint.default_region}}
    return server


def _host_server(service: Service, operation: Operation) -> dict[str, Any]:
    """The operation's own server: the service's URL with the host labels in front
    (``https://{bucket}.oss-{region}.aliyuncs.com``), each label a server variable."""
    server = _server(service)
    scheme, _, rest = server["url"].partition("://")
    server["url"] = f"{scheme}://{operation.host_prefix}{rest}"
    labels: dict[str, Any] = {}
    for parameter in operation.host_parameters:
        variable: dict[str, Any] = {
            "default": str(parameter.example or parameter.wire_name),
            "description": parameter.description,
        }
        labels[parameter.wire_name] = variable
    server["variables"] = {**labels, **server.get("variables", {})}
    return server


def _header(field: Field) -> dict[str, Any]:
    """A response field carried in a header, as an OpenAPI response header."""
    header: dict[str, Any] = {"schema": type_schema(field.type)}
    if field.description:
        header["description"] = field.description
    if field.required:
        header["required"] = True
    if field.enum:
        header["schema"]["x-documented-values"] = list(field.enum)
    if field.example is not None:
        header["example"] = field.example
    return header


def model_schema(operation: Operation, *, with_headers: bool = True) -> dict[str, Any]:
    """The schema of the operation's response model: its body fields, and its header fields
    unless the document shows them as response headers (``with_headers=False``)."""
    fields = operation.response_fields if with_headers else operation.body_fields
    schema = _object_schema(fields, operation.response_description, operation.xml_root)
    if operation.payload is not None:
        # the model holds the body in this property; the body itself is its value
        schema["x-payload"] = operation.payload
    return schema


def _path_key(service: Service, operation: Operation) -> str:
    """RPC actions and sub-resource flags share a path; the query keeps the keys distinct."""
    if service.protocol == "rpc":
        return f"/?Action={operation.action}"
    flags = [
        p.wire_name for p in operation.fixed_parameters if p.location == "query" and p.value == ""
    ]
    path = operation.path.replace("+}", "}")  # {key+} (greedy) is an OpenAPI {key}
    return path + ("?" + "&".join(flags) if flags else "")


def _operation(service: Service, operation: Operation, media: str) -> dict[str, Any]:
    body_schema: dict[str, Any] = {"$ref": f"#/components/schemas/{operation.response_class}"}
    if operation.payload is not None:
        body_schema = _payload_schema(operation)
    result: dict[str, Any] = {
        "operationId": operation.name,
        "summary": operation.summary,
        "parameters": [
            _parameter(p, operation)
            for p in operation.parameters
            if not p.credential and p.location not in ("host", "body")
        ],
        "responses": {
            str(operation.response_status): {
                "description": operation.response_description or "Success",
                "content": {media: {"schema": body_schema}},
            }
        },
        "x-source": {
            "title": operation.source.title,
            "vendor": operation.source.vendor,
            "document": operation.source.document,
            "lastUpdated": operation.source.last_updated,
        },
    }
    body = [p for p in operation.parameters if p.location == "body" and not p.credential]
    if body:
        result["requestBody"] = _request_body(body, form=service.protocol == "rpc")
    if operation.header_fields:
        result["responses"][str(operation.response_status)]["headers"] = {
            f.wire_name: _header(f) for f in operation.header_fields
        }
    if operation.host_prefix:
        result["servers"] = [_host_server(service, operation)]
    if operation.source.url:
        result["externalDocs"] = {
            "description": operation.source.title,
            "url": operation.source.url,
        }
    if operation.description:
        result["description"] = operation.description
    if operation.deprecated:
        result["deprecated"] = True
    error_media = _error_body(service).media_type
    for status in sorted({error.status for error in operation.errors}):
        codes = ", ".join(e.code for e in operation.errors if e.status == status)
        result["responses"][str(status)] = {
            "description": f"Error codes: {codes}",
            "content": {error_media: {"schema": {"$ref": "#/components/schemas/ErrorBody"}}},
        }
    if operation.pagination:
        schemes = [_paging(p) for p in operation.pagination.all_schemes]
        result["x-pagination"] = schemes[0] if len(schemes) == 1 else schemes
    if operation.permissions:
        result["x-permissions"] = [p.action for p in operation.permissions]
    return result


def _paging(paging: Pagination) -> dict[str, Any]:
    """One pagination scheme as the ``x-pagination`` extension (wire names, dotted paths)."""
    found: dict[str, Any] = {
        "style": paging.style,
        "inputToken": paging.input_token,
        "outputToken": ".".join(paging.output_token) if paging.output_token else None,
        "moreResults": ".".join(paging.more_results) if paging.more_results else None,
        "totalCount": ".".join(paging.total_count) if paging.total_count else None,
        "items": ".".join(paging.items),
        "pageSize": paging.page_size,
    }
    if paging.extra_items:
        found["extraItems"] = [".".join(e.path) for e in paging.extra_items]
    if paging.last_item_token:
        found["lastItemToken"] = paging.last_item_token
    if paging.link_rel:
        found["linkRel"] = paging.link_rel
    if paging.repeat_while:
        found["repeatWhile"] = ".".join(paging.repeat_while)
        found["repeatValue"] = paging.repeat_value
    return found


def _error_body(service: Service) -> ErrorBody:
    """The service's error body, as its error format describes it (the runtime's entry)."""
    from sdk_runtime.protocols import ERROR_FORMATS

    return ERROR_FORMATS[service.error_format].body


def _error_body_schema(service: Service) -> dict[str, Any]:
    body = _error_body(service)
    schema: dict[str, Any] = {"type": "object"}
    if body.xml_root:
        schema["xml"] = {"name": body.xml_root}
    schema["properties"] = {name: {"type": "string"} for name in body.fields}
    return schema


def _payload_schema(operation: Operation) -> dict[str, Any]:
    """The body of an operation whose body is one field as a whole: that field's schema."""
    field = next(f for f in operation.response_fields if f.wire_name == operation.payload)
    schema = type_schema(field.type)
    if field.description:
        schema["description"] = field.description
    return schema


def _parameter(parameter: Parameter, operation: Operation) -> dict[str, Any]:
    schema = type_schema(parameter.type)
    for key in ("default", "minimum", "maximum"):
        value = getattr(parameter, key)
        if value is not None:
            schema[key] = value
    if parameter.enum:
        # only a closed list is a JSON Schema enum; documented values are informative, as a
        # response field's are (services add values the spec does not know yet)
        schema["enum" if parameter.enum_closed else "x-documented-values"] = list(parameter.enum)
    result: dict[str, Any] = {
        "name": parameter.wire_name,
        "in": parameter.location,
        "required": parameter.required or parameter.location == "path",
        "description": parameter.description,
        "schema": schema,
    }
    if parameter.example is not None:
        result["example"] = parameter.example
    if parameter.style != "plain":
        # comma and repeat are OpenAPI's form style; repeat-list and json are not OpenAPI's
        form = {"comma": False, "repeat": True}.get(parameter.style)
        if form is not None and parameter.location == "query":
            result.update(style="form", explode=form)
        result["x-wire-style"] = parameter.style
    if parameter.location == "path" and "{" + parameter.wire_name + "+}" in operation.path:
        result["x-greedy"] = True  # its "/" stay separators: dir/a%20b.txt (an object key)
    if parameter.deprecated:
        result["deprecated"] = True
    return result


def _request_body(parameters: list[Parameter], form: bool = False) -> dict[str, Any]:
    """Body parameters are the members of one JSON object; structures nest as ``$ref``s. An
    RPC body is a form of the same members, each flattened in its ``x-wire-style``."""
    properties = {}
    for parameter in parameters:
        schema = type_schema(parameter.type)
        if parameter.description:
            schema["description"] = parameter.description
        if parameter.deprecated:
            schema["deprecated"] = True
        if parameter.style != "plain":
            schema["x-wire-style"] = parameter.style
        properties[parameter.wire_name] = schema
    body: dict[str, Any] = {"type": "object", "properties": properties}
    required = [p.wire_name for p in parameters if p.required]
    if required:
        body["required"] = required
    return {
        "required": bool(required),
        "content": {(FORM if form else "application/json"): {"schema": body}},
    }


def _object_schema(
    fields: tuple[Field, ...], description: str, xml_root: str | None = None
) -> dict[str, Any]:
    schema: dict[str, Any] = {"type": "object", "properties": {}}
    if description:
        schema["description"] = description
    if xml_root:
        schema["xml"] = {"name": xml_root}
    for field in fields:
        prop = type_schema(field.type)
        if field.description:
            prop["description"] = field.description
        if field.enum:
            # Documented values stay informative: a new value from the service must still parse.
            prop["x-documented-values"] = list(field.enum)
        if field.example is not None:
            prop["examples"] = [field.example]
        if field.deprecated_names:
            # older spellings the page still lists; the client sends the wire name
            prop["x-deprecated-names"] = list(field.deprecated_names)
        schema["properties"][field.wire_name] = prop
    required = [f.wire_name for f in fields if f.required]
    if required:
        schema["required"] = required
    return schema


def type_schema(ref: TypeRef) -> dict[str, Any]:
    if ref.kind == "object":
        return {"$ref": f"#/components/schemas/{ref.shape}"}
    if ref.kind == "array":
        assert ref.items is not None
        return {"type": "array", "items": type_schema(ref.items)}
    if ref.kind == "map":
        assert ref.items is not None
        return {"type": "object", "additionalProperties": type_schema(ref.items)}
    return dict(_SCALARS[ref.kind])
