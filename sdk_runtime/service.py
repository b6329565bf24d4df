"""Descriptions of services and operations, written as data by the generated clients.

The runtime interprets these once for every service: how to build the request, sign it,
decode the response, map errors to classes and walk pages. They are named tuples, not
dataclasses: importing ``dataclasses`` (and with it ``inspect``) costs a client ~12 ms. And
their annotations are evaluated, not strings (no ``from __future__ import annotations``):
``typing.NamedTuple`` compiles each string annotation into a ``ForwardRef`` when the class
is made, which cost every client's import about 0.5 ms for these five classes.
"""

from collections.abc import Mapping
from types import MappingProxyType
from typing import TYPE_CHECKING, Generic, NamedTuple, TypeVar

from sdk_runtime.errors import ApiError
from sdk_runtime.structures import Structure
from sdk_runtime.validation import Check

if TYPE_CHECKING:  # pydantic loads with the first decoded response, not at import
    from pydantic import BaseModel

ResponseT = TypeVar("ResponseT", bound="BaseModel")


class ErrorTable(NamedTuple):
    """Documented error codes of one service -> exception classes."""

    base: type[ApiError]
    codes: Mapping[str, type[ApiError]] = MappingProxyType({})
    prefixes: tuple[tuple[str, type[ApiError]], ...] = ()  # for codes such as InvalidParameter.%s

    def class_for(self, code: str) -> type[ApiError]:
        exact = self.codes.get(code)
        if exact is not None:
            return exact
        for prefix, cls in self.prefixes:
            if code.startswith(prefix):
                return cls
        return self.base


class ServiceSpec(NamedTuple):
    provider: str
    service: str
    api_version: str | None
    protocol: str  # rest-xml | rpc | rest-json
    error_format: str  # a name in sdk_runtime.protocols.ERROR_FORMATS
    endpoint: str  # URL template, may contain {region}
    default_region: str
    signing: str  # default signing scheme
    signing_schemes: tuple[str, ...]
    errors: ErrorTable
    models: str  # module of the response models, imported on the first decoded response
    regional_endpoints: Mapping[str, str] = MappingProxyType({})
    throttling_codes: tuple[str, ...] = ()
    # where host labels go when endpoint= is an IP address: "virtual" (in the Host header,
    # the connection to the IP) or "path" (the first path segments; OSS path style)
    ip_address_style: str = "virtual"


class Pagination(NamedTuple):
    """How one operation pages (see ``sdk_runtime.pagination``).

    Request parameters are wire names; response paths are attribute names in the model.
    """

    style: str  # a name in sdk_runtime.pagination.STYLES
    input_token: str | None  # the request parameter carrying the token/marker/page/offset
    items: tuple[str, ...]  # the primary items, yielded by iter_<operation>
    output_token: tuple[str, ...] | None = None
    more_results: tuple[str, ...] | None = None  # a boolean: false ends, true continues
    total_count: tuple[str, ...] | None = None
    page_size: str | None = None  # the page-size parameter (the limit key)
    last_item_token: str | None = None  # marker: this field of the last item, if none is named
    link_rel: str = "next"  # next-link: the rel of the link to follow
    repeat_while: tuple[str, ...] | None = None  # ask again while this field ...
    repeat_value: str | None = None  # ... has this value
    extra_items: tuple[tuple[str, tuple[str, ...]], ...] = ()  # (name, path): iter_<op>_<name>
    schemes: "tuple[Pagination, ...]" = ()  # further documented schemes; the caller's keywords pick


class UrlEncoding(NamedTuple):
    """Response fields that arrive percent-encoded when ``flag`` is ``"url"`` (OSS
    ``encoding-type=url``): each path (attribute names; lists are walked) is decoded once."""

    flag: tuple[str, ...]
    fields: tuple[tuple[str, ...], ...]


class OperationSpec(NamedTuple, Generic[ResponseT]):
    """One operation; ``ResponseT`` is the class named by ``response`` in the service's models."""

    name: str
    method: str
    path: str  # may contain {placeholders} filled from path parameters
    response: str  # class name in ServiceSpec.models
    locations: Mapping[str, str]  # wire name -> query | path | header | body
    # wire name -> how a list travels in the query (see sdk_runtime.params), where not plain
    styles: Mapping[str, str] = MappingProxyType({})
    # wire name -> the shape of a parameter that is a structure (see sdk_runtime.structures)
    structures: Mapping[str, Structure] = MappingProxyType({})
    fixed: tuple[tuple[str, str, str], ...] = ()  # (wire name, location, value)
    action: str | None = None  # RPC action
    pagination: Pagination | None = None
    # (wire name, keyword) of the `in: host` parameters, outermost label first: their values
    # are prepended to the endpoint's host (the OSS bucket, the SLS project)
    host_labels: tuple[tuple[str, str], ...] = ()
    # wire names of the response fields read from the response headers
    response_headers: tuple[str, ...] = ()
    url_encoded: UrlEncoding | None = None
    # safe to repeat after the service may have acted on it (a read, an idempotent write);
    # None: GET and HEAD are, other methods are not
    idempotent: bool | None = None
    # wire name of the parameter the client fills with a fresh token (uuid4) when the caller
    # gives none, the same for every attempt of a call (Alibaba Cloud's ClientToken)
    idempotency_token: str | None = None
    # wire name -> the documented constraints of its keyword, checked before sending unless
    # the client was built with validate=False (see sdk_runtime.validation)
    checks: Mapping[str, Check] = MappingProxyType({})

    @property
    def safe_to_repeat(self) -> bool:
        """Whether a retry may follow a failure the service may have acted on."""
        if self.idempotency_token is not None:
            return True
        if self.idempotent is not None:
            return self.idempotent
        return self.method in ("GET", "HEAD")
