"""Python names derived from documented names, in one place."""

from __future__ import annotations

import keyword
import re

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
