"""Response bodies (JSON or XML) -> the operation's pydantic model.

A body is JSON or XML as its protocol answers (the protocol's ``body_format``); for Alibaba
Cloud RPC, which answers either, it is XML if it starts with ``<``.

XML is parsed safely (see :func:`parse_xml`). Which elements repeat (lists), which nest
(objects) and which are maps (their children's names are the keys) is read from the model's
own fields, so a single ``<ResourcePool>`` still decodes as a list of one; an element in a
namespace is matched by its local name. Elements the model
does not know are kept under their local name (a leaf as its text, an element with children
as a dict of them, repeated siblings as a list), so that they land in ``model_extra`` as
unknown JSON fields do.

A response whose body is one field as a whole (SLS GetLogs answers a bare JSON array of
logs) names that field in its model's JSON schema extra (``x-payload``, which the generator
writes from the spec's ``response.payload``): the body decodes into it, and a body of
another JSON kind (an object where the page documents an array) raises ``DecodeError``.

Alibaba Cloud RPC JSON shows a one-element list as the element itself now and then
(``"EipAddress": {...}`` for a list of one). When a JSON body fails validation, its list
fields are given such single values wrapped in a list, and it is validated once more.

A body that cannot be decoded or does not match the model (malformed or unsafe XML, invalid
JSON, a JSON value that is not an object, a value of the wrong type, an XML document with
another root element than the model's, a content type that is not the operation's: an HTML
page, JSON where XML is due or XML where JSON is) raises :class:`~sdk_runtime.errors.DecodeError`:
never a pydantic, json or XML exception, and never a model left empty by a body that could
not be read (an empty body gives the model's defaults: answers without a body exist). Its
message names the operation, the model and the problem, and quotes the start of the body
with the client's secrets masked. It is raised outside of any ``except`` block, so neither
``__cause__`` nor ``__context__`` holds the original error, whose text may echo the body.

Fields the spec documents as response headers (``location: header``, the operation's
``response_headers``) are read from the headers into the same data before validation, for
any body or none; an operation without them decodes as before. The vendor's request id
header becomes the model's ``_request_id``.

The happy path pays for none of this: errors are caught, never looked for beforehand.
"""

from __future__ import annotations

import types
import typing
from collections.abc import Mapping, Sequence
from functools import cache
from typing import TYPE_CHECKING, Any, NamedTuple, TypeVar, Union

from sdk_runtime.errors import DecodeError
from sdk_runtime.http import HttpResponse
from sdk_runtime.redaction import redact_text

if TYPE_CHECKING:  # pydantic is imported with the first model's plan, not by parse_xml
    from xml.etree.ElementTree import Element, XMLParser

    from pydantic import BaseModel

    # how each field of a model is read, by its wire name
    _Plan = dict[str, "_Form"]

ModelT = TypeVar("ModelT", bound="BaseModel")

EXCERPT_CHARS = 200  # of the body, quoted in a DecodeError (secrets masked first)
# Where the vendors put the request id of a response: OSS, Alibaba Cloud RPC, Huawei Cloud,
# Simple Log Service.
REQUEST_ID_HEADERS = ("x-oss-request-id", "x-acs-request-id", "x-request-id", "x-log-requestid")

# The body format of each protocol that answers in one format only. Alibaba Cloud RPC is
# not here: it answers in JSON or XML, as the request's Format asks.

# What a body that does not decode raises on the way: pydantic's ValidationError, json's
# JSONDecodeError, UnicodeDecodeError and defusedxml's refusals are ValueErrors; expat's
# ParseError is a SyntaxError; an unknown XML encoding is a LookupError.
_UNDECODABLE = (ValueError, SyntaxError, LookupError, RecursionError)


def decode(
    response: HttpResponse,
    model: type[ModelT],
    secrets: Sequence[str] = (),
    operation: str | None = None,
    body_format: str | None = None,
    header_fields: tuple[str, ...] = (),
) -> ModelT:
    """The body as ``model``; an empty body gives the model's defaults.

    ``body_format`` is ``"json"`` or ``"xml"`` for a protocol whose bodies are always one
    (its ``body_format``, see :mod:`sdk_runtime.protocols`); with None (Alibaba Cloud RPC
    answers either, as asked), a body starting with ``<`` is XML and any other JSON.
    ``header_fields`` are the wire names of the model's fields that the response carries in
    its headers (names matched case-insensitively; values typed as body fields are, an HTTP
    date read for a ``datetime``).

    The model's ``_request_id`` is the vendor's request id header of the response
    (:func:`request_id_of`), None if it sent none.

    Raises :class:`~sdk_runtime.errors.DecodeError` for a body that does not decode into
    ``model``; ``secrets`` (see :func:`~sdk_runtime.redaction.secret_forms`) are masked in
    everything it carries, and ``operation`` names the call in its message.
    """
    body = response.body.lstrip()
    xml = body.startswith(b"<") if body_format is None else body_format == "xml"
    content_type = response.headers.get("content-type")
    if content_type and body and _foreign(content_type, xml):
        problem = (
            f"the answer is {content_type.split(';')[0].strip()}, not {'XML' if xml else 'JSON'}"
        )
        raise _decode_error(response, model, problem, secrets, operation)
    data: dict[str, Any] | None = None
    try:
        if header_fields:
            data = _body_data(body, xml, model)
            data.update(_header_data(response.headers, header_fields, model))
            decoded = model.model_validate(data)
        elif not body:
            decoded = model()
        elif xml:
            decoded = model.model_validate(_xml_data(body, model))
        elif (payload := _payload(model)) is not None:
            decoded = model.model_validate({payload: _payload_value(body, model, payload)})
        else:
            decoded = model.model_validate_json(body)
        return _with_request_id(decoded, response.headers)
    except _UNDECODABLE as error:
        problem = _problem(error)
    if not body and not header_fields:
        problem = f"the body is empty: {problem}"  # and the model has a required field
    if body and not xml:
        found, problem = _decode_json_leniently(body, model, problem, data)
        if found is not None:
            return _with_request_id(found, response.headers)
    raise _decode_error(response, model, problem, secrets, operation)  # outside `except`


def _foreign(content_type: str, xml: bool) -> bool:
    """Whether ``content_type`` says the body is something else than the operation answers:
    an HTML page (a proxy's or a login page), or JSON for XML and the other way round."""
    lowered = content_type.lower()
    return "html" in lowered or ("json" in lowered if xml else "xml" in lowered)


def _with_request_id(decoded: ModelT, headers: Mapping[str, str]) -> ModelT:
    """``decoded`` with the request id of ``headers`` among its pydantic private attributes,
    where ResponseModel's ``_request_id`` reads it (other models are left as they are)."""
    request_id = request_id_of(headers)
    if request_id is not None and hasattr(type(decoded), "_request_id"):
        private = decoded.__pydantic_private__
        if private is None:
            object.__setattr__(decoded, "__pydantic_private__", {"_request_id": request_id})
        else:
            private["_request_id"] = request_id
    return decoded


def request_id_of(headers: Mapping[str, str]) -> str | None:
    """The request id a response carries in its headers (lower-cased names), by the first
    of :data:`REQUEST_ID_HEADERS` it has; None if none."""
    for name in REQUEST_ID_HEADERS:
        value = headers.get(name)
        if value is not None:
            return value
    return None


def parse_xml(body: bytes) -> Element:
    """The root element of an XML document, parsed safely.

    Entity expansion (billion laughs, quadratic blow-up) and external entities or DTDs
    all need a markup declaration (``<!DOCTYPE ...>`` with ``<!ENTITY ...>``), and every
    markup declaration starts with ``<!``. So a document without the bytes ``<!`` cannot
    declare an entity or name anything external: expat then knows only the five predefined
    entities and character references, and it rejects any other entity reference as
    undefined. Such a document goes to the C-accelerated ``xml.etree.ElementTree``
    parser. Every other document (DOCTYPE, comments, CDATA) goes to defusedxml as before,
    which rejects entity declarations and external references.

    The byte test is exact for every encoding expat reads without NUL bytes: UTF-8, ASCII,
    Latin-1, and single-byte encodings, which expat accepts only if they map ``<`` and
    ``!`` to those same bytes. UTF-16 (where ``<!`` is spelled with NUL bytes) goes to
    defusedxml.
    """
    if b"<!" in body or b"\x00" in body:
        from defusedxml.ElementTree import fromstring  # rare: imported on first use

        root: Element = fromstring(body)
        return root
    parser = _xml_parser_class()()
    parser.feed(body)
    root = parser.close()
    return root


@cache
def _xml_parser_class() -> type[XMLParser]:
    """``xml.etree.ElementTree.XMLParser``, imported on the first XML body."""
    from xml.etree.ElementTree import XMLParser

    return XMLParser


# --------------------------------------------------------------------------- plans


class _Form(NamedTuple):
    """How one field's value is read: whether it is a list (an XML element that repeats), the
    model it or each of its items is, and for a map the form of each value (an XML map is an
    element whose children's names are its keys)."""

    is_list: bool
    nested: type[BaseModel] | None
    values: _Form | None = None


@cache
def _plan(model: type[BaseModel]) -> _Plan:
    """Wire name -> how that field of ``model`` is read."""
    plan = {}
    for attribute, info in model.model_fields.items():
        plan[info.alias or attribute] = _unwrap(info.annotation)
    return plan


def _unwrap(annotation: Any) -> _Form:
    """The form of a field's annotation (``list[Pool] | None``, ``dict[str, list[str]]``)."""
    from pydantic import BaseModel

    origin = typing.get_origin(annotation)
    if origin in (Union, types.UnionType):
        for arg in typing.get_args(annotation):
            if arg is not type(None):
                return _unwrap(arg)
    if origin is list:
        (item,) = typing.get_args(annotation)
        inner = _unwrap(item)
        return _Form(True, inner.nested, inner.values)
    if origin is dict:
        _, value = typing.get_args(annotation)
        return _Form(False, None, _unwrap(value))
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return _Form(False, annotation)
    return _Form(False, None)


def _schema_extra(model: type[BaseModel], key: str) -> object:
    """``key`` of the model's JSON schema extra (what the generator documents it with)."""
    extra = model.model_config.get("json_schema_extra")
    return extra.get(key) if isinstance(extra, dict) else None


@cache
def _xml_root(model: type[BaseModel]) -> str | None:
    """The root element ``model`` is documented with (``xml.name`` of its JSON schema extra,
    which the generator writes from the spec's ``xml_root``), if any."""
    xml = _schema_extra(model, "xml")
    name = xml.get("name") if isinstance(xml, dict) else None
    return name if isinstance(name, str) else None


@cache
def _payload(model: type[BaseModel]) -> str | None:
    """The wire name of the field that is the whole body (``x-payload`` of the model's JSON
    schema extra, which the generator writes from the spec's ``response.payload``), if any."""
    name = _schema_extra(model, "x-payload")
    return name if isinstance(name, str) and name in _plan(model) else None


# --------------------------------------------------------------------------- XML


class _Mismatch(ValueError):
    """A body that does not decode into its model, found by the runtime itself (not by a
    parser or pydantic): its message says what is wrong without quoting the body."""


class _WrongRoot(_Mismatch):
    """An XML document whose root element is not the one the model is documented with."""


def _xml_data(body: bytes, model: type[BaseModel]) -> dict[str, Any]:
    root = parse_xml(body)
    expected = _xml_root(model)
    if expected is not None and _local_name(root.tag) != expected:
        raise _WrongRoot(f"the XML root element is <{_local_name(root.tag)}>, not <{expected}>")
    return _element_to_dict(root, model)


def _element_to_dict(element: Element, model: type[BaseModel]) -> dict[str, Any]:
    """The children of ``element`` keyed by wire name: the ones ``model`` has fields for as
    its fields need them, the others as :func:`_unknown_value` gives them."""
    plan = _plan(model)
    data: dict[str, Any] = {}
    for child in element:
        tag = child.tag
        entry = plan.get(tag)
        if entry is None and tag[:1] == "{":
            tag = _local_name(tag)
            entry = plan.get(tag)
        if entry is None:  # undocumented element: kept
            _keep(data, tag, _unknown_value(child))
            continue
        if entry.nested is None and entry.values is None:  # a leaf, most elements: inline
            text = child.text
            value = text.strip() if text else ""
        else:
            value = _element_value(child, entry)
        if not entry.is_list:
            data[tag] = value
        elif tag in data:
            data[tag].append(value)
        else:
            data[tag] = [value]
    return data


def _element_value(element: Element, form: _Form) -> Any:
    """One element read as ``form`` says (one item of it, for a list)."""
    if form.values is not None:
        return _map_value(element, form.values)
    if form.nested is not None:
        return _element_to_dict(element, form.nested)
    text = element.text
    return text.strip() if text else ""


def _map_value(element: Element, values: _Form) -> dict[str, Any]:
    """A map: each child's local name is a key, its content the value; for a map of lists,
    the children of one name are that key's list."""
    data: dict[str, Any] = {}
    for child in element:
        key, value = _local_name(child.tag), _element_value(child, values)
        if values.is_list:
            data.setdefault(key, []).append(value)
        else:
            data[key] = value
    return data


def _unknown_value(element: Element) -> str | dict[str, Any]:
    """An element no model describes: its text if it is a leaf, else a dict of its children
    by local name (attributes are not kept)."""
    if len(element) == 0:
        text = element.text
        return text.strip() if text else ""
    data: dict[str, Any] = {}
    for child in element:
        _keep(data, _local_name(child.tag), _unknown_value(child))
    return data


def _keep(data: dict[str, Any], key: str, value: str | dict[str, Any]) -> None:
    """``data[key] = value``; a repeated ``key`` makes a list (values are never lists)."""
    if key not in data:
        data[key] = value
    elif isinstance(data[key], list):
        data[key].append(value)
    else:
        data[key] = [data[key], value]


def _local_name(tag: str) -> str:
    """``{namespace}Name`` -> ``Name``."""
    return tag.rpartition("}")[2] if tag[:1] == "{" else tag


# --------------------------------------------------------------------------- headers


def _body_data(body: bytes, xml: bool, model: type[BaseModel]) -> dict[str, Any]:
    """The body as the data to validate, for a model that also has header fields."""
    if not body:
        return {}
    if xml:
        return _xml_data(body, model)
    payload = _payload(model)
    if payload is not None:
        return {payload: _payload_value(body, model, payload)}
    import json

    try:
        data = json.loads(body)
    except ValueError as error:  # JSONDecodeError, UnicodeDecodeError
        raise _Mismatch(f"Invalid JSON: {error}") from None
    if not isinstance(data, dict):
        raise _Mismatch(f"the body is a JSON {_json_kind(data)}, not an object")
    return data


def _header_data(
    headers: Mapping[str, str], names: tuple[str, ...], model: type[BaseModel]
) -> dict[str, Any]:
    """The header fields present in ``headers`` (lower-cased names), by wire name; an HTTP
    date (``Fri, 27 Dec 2024 03:21:12 GMT``) for a ``datetime`` field as that datetime."""
    data: dict[str, Any] = {}
    for name in names:
        value: Any = headers.get(name.lower())
        if value is None:
            continue
        if name in _datetime_fields(model) and "," in value:
            from contextlib import suppress
            from email.utils import parsedate_to_datetime

            with suppress(TypeError, ValueError):  # not an HTTP date: validated as text
                value = parsedate_to_datetime(value)
        data[name] = value
    return data


@cache
def _datetime_fields(model: type[BaseModel]) -> frozenset[str]:
    """Wire names of ``model``'s ``datetime`` fields."""
    from datetime import datetime

    found = set()
    for attribute, info in model.model_fields.items():
        annotation = info.annotation
        args = typing.get_args(annotation) if typing.get_origin(annotation) else (annotation,)
        if datetime in args:
            found.add(info.alias or attribute)
    return frozenset(found)


# --------------------------------------------------------------------------- JSON


def _payload_value(body: bytes, model: type[BaseModel], payload: str) -> Any:
    """The JSON body of a model whose ``payload`` field is the body as a whole; _Mismatch
    if it is of another kind than that field (an array, or an object for a map)."""
    import json

    try:
        value = json.loads(body)
    except json.JSONDecodeError as error:  # its message names a position, never content
        position = f"line {error.lineno} column {error.colno}"
        raise _Mismatch(f"Invalid JSON: {error.msg} at {position}") from None
    except UnicodeDecodeError:
        raise _Mismatch("Invalid JSON: the body is not UTF-8 text") from None
    if not _is_payload_kind(value, model, payload):
        wanted = "an array" if _plan(model)[payload].is_list else "an object"
        raise _Mismatch(f"the body is a JSON {_json_kind(value)}, not {wanted}")
    return value


def _is_payload_kind(value: object, model: type[BaseModel], payload: str) -> bool:
    return isinstance(value, list if _plan(model)[payload].is_list else dict)


def _decode_json_leniently(
    body: bytes, model: type[ModelT], problem: str, data: dict[str, Any] | None = None
) -> tuple[ModelT | None, str]:
    """(the model, "") when ``body``, which failed validation with ``problem``, validates
    once its list fields given a single value have it wrapped in a list; else (None, what is
    wrong with it). ``data`` is the body already read (with the header fields), if it was."""
    import json

    if data is None:
        try:
            data = json.loads(body)
        except _UNDECODABLE:
            return None, problem  # not JSON: pydantic said so already
        payload = _payload(model)
        if payload is not None:
            if not _is_payload_kind(data, model, payload):
                return None, problem  # said so already
            data = {payload: data}
    if not isinstance(data, dict):
        return None, f"the body is a JSON {_json_kind(data)}, not an object"
    if not _wrap_single_items(data, model):
        return None, problem
    try:
        return model.model_validate(data), ""
    except _UNDECODABLE as error:
        return None, _problem(error)


def _wrap_single_items(data: dict[str, Any], model: type[BaseModel]) -> bool:
    """Wrap in a list every value of ``data`` (nested objects included) that the model
    wants a list of and got a single one of; whether any was."""
    wrapped = False
    for key, (is_list, nested, _) in _plan(model).items():
        value = data.get(key)
        if value is None:
            continue
        if is_list and not isinstance(value, list):
            value = data[key] = [value]
            wrapped = True
        if nested is not None:
            for item in value if isinstance(value, list) else (value,):
                if isinstance(item, dict) and _wrap_single_items(item, nested):
                    wrapped = True
    return wrapped


def _json_kind(value: object) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, str):
        return "string"
    if isinstance(value, list):
        return "array"
    if isinstance(value, dict):
        return "object"
    return "number"


# --------------------------------------------------------------------------- errors


def _problem(error: BaseException) -> str:
    """What is wrong with a body, briefly, from the exception decoding it raised, without
    the input values a pydantic message may repeat. (Called only once decoding failed, so
    the imports cost the happy path nothing; pydantic is loaded since the model is.)"""
    from pydantic import ValidationError

    if isinstance(error, ValidationError):
        found = error.errors(include_url=False, include_context=False, include_input=False)
        if not found:
            return "it does not validate"
        first = found[0]
        where = ".".join(str(part) for part in first["loc"])
        text = f"{where}: {first['msg']}" if where else first["msg"]
        return text + (f" (and {len(found) - 1} more errors)" if len(found) > 1 else "")
    if isinstance(error, _Mismatch):
        return str(error)

    if isinstance(error, RecursionError):
        return "the body is nested too deeply"
    if isinstance(error, SyntaxError | LookupError):  # expat's ParseError, unknown encoding
        return f"malformed XML: {error}"
    from defusedxml import DefusedXmlException

    if isinstance(error, DefusedXmlException):  # its text names the entity: not repeated
        return f"unsafe XML refused ({type(error).__name__})"
    return f"malformed XML: {error}"  # expat's ValueErrors (multi-byte encodings)


def _decode_error(
    response: HttpResponse,
    model: type[BaseModel],
    problem: str,
    secrets: Sequence[str],
    operation: str | None,
) -> DecodeError:
    text = redact_text(response.body.decode("utf-8", "replace"), secrets)
    excerpt = text[:EXCERPT_CHARS]
    request_id = request_id_of(response.headers)
    if request_id is not None:
        request_id = redact_text(request_id, secrets)
    where = f"{operation}: " if operation else ""
    details = f"HTTP {response.status}" + (f", request id {request_id}" if request_id else "")
    quoted = (
        f"; body{' starts' if len(text) > EXCERPT_CHARS else ''}: {excerpt!r}" if excerpt else ""
    )
    message = (
        f"{where}the response does not decode into {model.__name__}: {problem} ({details}){quoted}"
    )
    return DecodeError(
        redact_text(message, secrets),
        operation=operation,
        model=model.__name__,
        status_code=response.status,
        request_id=request_id,
        body=excerpt.encode(),
    )
