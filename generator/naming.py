"""Python names derived from documented names, in one place."""

from __future__ import annotations

import builtins
import keyword
import re
from functools import cache

_WORD_BOUNDARY = re.compile(r"(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])")
_NON_ALNUM = re.compile(r"[^0-9A-Za-z]+")


def snake_case(name: str) -> str:
    """``ListResourcePools`` -> ``list_resource_pools``; ``max-keys`` -> ``max_keys``;
    ``X-Auth-Token`` -> ``x_auth_token``; ``os-vol-host-attr:host`` -> ``os_vol_host_attr_host``."""
    words = _NON_ALNUM.sub("_", _WORD_BOUNDARY.sub("_", name)).strip("_").lower()
    words = re.sub(r"_+", "_", words)
    if not words or words[0].isdigit():
        words = f"n_{words}"
    if keyword.iskeyword(words) or words in {"self", "cls"}:
        words += "_"
    return words


def class_name(name: str) -> str:
    """``Throttling.User`` -> ``ThrottlingUser``; ``byoip_pool`` -> ``ByoipPool``."""
    parts = [part for part in _NON_ALNUM.split(name) if part]
    text = "".join(part[0].upper() + part[1:] for part in parts)
    return text if text and not text[0].isdigit() else f"N{text}"


def error_class_name(code: str) -> str:
    """``InvalidParameter.%s`` -> ``InvalidParameterError``;
    ``AccessDenied`` -> ``AccessDeniedError``."""
    return class_name(code.replace("%s", " ").replace("%d", " ")) + "Error"


def shape_constant(shape: str) -> str:
    """The client module's name for a request shape's data: ``Tag`` -> ``TAG_SHAPE``."""
    return f"{snake_case(shape).upper()}_SHAPE"


def unshadowed(name: str, reserved: frozenset[str]) -> str:
    """The one rule for a Python name that would shadow a name the generated code needs: a
    trailing underscore, as PEP 8 has for keywords (``close`` -> ``close_``, ``json`` ->
    ``json_``)."""
    while name in reserved:
        name += "_"
    return name


@cache
def method_names() -> frozenset[str]:
    """What an operation's method must not shadow: the public names of the runtime's base
    clients (``close``) and those an SDK client is expected to grow (``with_options``,
    ``with_raw_response``), the builtins (the class body's annotations use ``str``, ``int``,
    ...), and the client module's constants (an operation's is its method name upper-cased:
    ``SERVICE``, ``ERRORS``, ``TYPE_CHECKING``, ``DEFAULT_MAX_RETRIES``)."""
    from sdk_runtime.client import AsyncBaseClient, BaseClient

    clients = {n for cls in (BaseClient, AsyncBaseClient) for n in dir(cls)}
    expected = {"with_options", "with_raw_response", "copy"}
    constants = {"service", "errors", "type_checking", "default_max_retries"}
    return frozenset(_public(clients | expected | constants | set(dir(builtins))))


@cache
def attribute_names() -> frozenset[str]:
    """What a model attribute (and a request shape's TypedDict key) must not shadow: the
    public names of pydantic's BaseModel and of the runtime's ResponseModel
    (``model_config``, ``model_dump``, ``json``, ``copy``, ``dict``, ``schema``, ...), and
    the names the class bodies' annotations use (``str``, ``int``, ``datetime``, ...)."""
    from sdk_runtime.model import ResponseModel

    annotations = {"str", "int", "float", "bool", "bytes", "list", "dict", "datetime", "object"}
    return frozenset(_public(set(dir(ResponseModel)) | annotations))


def _public(names: set[str]) -> set[str]:
    return {name for name in names if not name.startswith("_")}
