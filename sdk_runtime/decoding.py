"""Response bodies (JSON or XML) -> the operation's pydantic model.

XML is parsed with defusedxml. Which elements repeat (lists) and which nest (objects) is read
from the model's own fields, so a single ``<ResourcePool>`` still decodes as a list of one.
Unknown elements and fields are ignored.
"""

from __future__ import annotations

import types
import typing
from functools import cache
from typing import Any, TypeVar, Union

from defusedxml import ElementTree
from pydantic import BaseModel

from sdk_runtime.http import HttpResponse

ModelT = TypeVar("ModelT", bound=BaseModel)


def decode(response: HttpResponse, model: type[ModelT]) -> ModelT:
    body = response.body.lstrip()
    if not body:
        return model()
    if body.startswith(b"<"):
        root = ElementTree.fromstring(body)
        return model.model_validate(_element_to_dict(root, model))
    return model.model_validate_json(body)


@cache
def _xml_plan(model: type[BaseModel]) -> dict[str, tuple[str, bool, type[BaseModel] | None]]:
    """Wire name -> (attribute, is a list, nested model) for each field of ``model``."""
    plan = {}
    for attribute, info in model.model_fields.items():
        is_list, nested = _unwrap(info.annotation)
        plan[info.alias or attribute] = (attribute, is_list, nested)
    return plan


def _unwrap(annotation: Any) -> tuple[bool, type[BaseModel] | None]:
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


def _element_to_dict(element: Any, model: type[BaseModel]) -> dict[str, Any]:
    plan = _xml_plan(model)
    data: dict[str, Any] = {}
    for child in element:
        entry = plan.get(child.tag)
        if entry is None:
            continue  # undocumented element: tolerated
        attribute, is_list, nested = entry
        value = _element_to_dict(child, nested) if nested else (child.text or "").strip()
        if is_list:
            data.setdefault(attribute, []).append(value)
        else:
            data[attribute] = value
    return data
