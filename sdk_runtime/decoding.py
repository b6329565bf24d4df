"""Response bodies (JSON or XML) -> the operation's pydantic model.

XML is parsed safely (see :func:`parse_xml`). Which elements repeat (lists) and which nest
(objects) is read from the model's own fields, so a single ``<ResourcePool>`` still decodes
as a list of one. Unknown elements and fields are ignored; an element in a namespace is
matched by its local name.
"""

from __future__ import annotations

import types
import typing
from functools import cache
from typing import TYPE_CHECKING, Any, TypeVar, Union

from sdk_runtime.http import HttpResponse

if TYPE_CHECKING:  # pydantic is imported with the first model's plan, not by parse_xml
    from xml.etree.ElementTree import Element, XMLParser

    from pydantic import BaseModel

    # (attribute, is a list, nested model) for one field.
    _Entry = tuple[str, bool, type[BaseModel] | None]

ModelT = TypeVar("ModelT", bound="BaseModel")


def decode(response: HttpResponse, model: type[ModelT]) -> ModelT:
    """The body as ``model``: XML if it starts with ``<``, JSON otherwise; empty -> defaults."""
    body = response.body.lstrip()
    if not body:
        return model()
    if body.startswith(b"<"):
        return model.model_validate(_element_to_dict(parse_xml(body), model))
    return model.model_validate_json(body)


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


@cache
def _xml_plan(model: type[BaseModel]) -> dict[str, _Entry]:
    """Wire name -> (attribute, is a list, nested model) for each field of ``model``."""
    plan = {}
    for attribute, info in model.model_fields.items():
        is_list, nested = _unwrap(info.annotation)
        plan[info.alias or attribute] = (attribute, is_list, nested)
    return plan


def _unwrap(annotation: Any) -> tuple[bool, type[BaseModel] | None]:
    """(is a list, the model it holds or is) for a field's annotation."""
    from pydantic import BaseModel

    origin = typing.get_origin(annotation)
    if origin in (Union, types.UnionType):
        for arg in typing.get_args(annotation):
            if arg is not type(None):
                return _unwrap(arg)
    if origin is list:
        (item,) = typing.get_args(annotation)
        return True, _unwrap(item)[1]
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return False, annotation
    return False, None


def _element_to_dict(element: Element, model: type[BaseModel]) -> dict[str, Any]:
    """The children of ``element`` that ``model`` has fields for, keyed by attribute name."""
    plan = _xml_plan(model)
    data: dict[str, Any] = {}
    for child in element:
        entry = plan.get(child.tag)
        if entry is None:
            entry = _namespaced_entry(plan, child.tag)
            if entry is None:
                continue  # undocumented element: tolerated
        attribute, is_list, nested = entry
        if nested is not None:
            value: Any = _element_to_dict(child, nested)
        else:
            text = child.text
            value = text.strip() if text else ""
        if not is_list:
            data[attribute] = value
        elif attribute in data:
            data[attribute].append(value)
        else:
            data[attribute] = [value]
    return data


def _namespaced_entry(plan: dict[str, _Entry], tag: str) -> _Entry | None:
    """The entry for ``{namespace}Name`` by its local name ``Name``."""
    return plan.get(tag.rpartition("}")[2]) if tag[:1] == "{" else None
