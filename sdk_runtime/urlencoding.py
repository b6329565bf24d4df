"""Response fields that the service percent-encodes on request (OSS ``encoding-type=url``).

Under ``encoding-type=url`` OSS percent-encodes object names and the markers derived from
them (``Key``, ``Prefix``, ``NextMarker``, ...) so that any byte survives XML, and says so
in the response (``<EncodingType>url</EncodingType>``). The runtime decodes each field the
spec lists once, right after the response decodes, so callers see the real names and a
marker goes back as the key it names (the query then percent-encodes it once, as any value).
``unquote``, not ``unquote_plus``: OSS writes a space as ``%20`` and leaves no literal ``+``.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import unquote

from sdk_runtime.service import UrlEncoding

__all__ = ["url_decode"]


def url_decode(model: Any, encoding: UrlEncoding) -> None:
    """Decode ``encoding.fields`` of ``model`` in place when its flag says ``url``."""
    flag = model
    for name in encoding.flag:
        flag = getattr(flag, name, None)
    if not isinstance(flag, str) or flag.lower() != "url":
        return
    for path in encoding.fields:
        _decode(model, path)


def _decode(value: Any, path: tuple[str, ...]) -> None:
    if isinstance(value, list):
        for item in value:
            _decode(item, path)
        return
    if value is None or not path:
        return
    name, rest = path[0], path[1:]
    inner = getattr(value, name, None)
    if rest:
        _decode(inner, rest)
    elif isinstance(inner, str):
        object.__setattr__(value, name, unquote(inner))
    elif isinstance(inner, list):
        object.__setattr__(value, name, [unquote(v) if isinstance(v, str) else v for v in inner])
