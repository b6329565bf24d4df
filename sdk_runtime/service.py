"""Descriptions of services and operations, written as data by the generated clients.

The runtime interprets these once for every service: how to build the request, sign it,
decode the response, map errors to classes and walk pages.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Generic, TypeVar

from pydantic import BaseModel

from sdk_runtime.errors import ApiError

ResponseT = TypeVar("ResponseT", bound=BaseModel)


@dataclass(frozen=True, slots=True)
class ErrorTable:
    """Documented error codes of one service -> exception classes."""

    base: type[ApiError]
    codes: Mapping[str, type[ApiError]] = field(default_factory=dict)
    prefixes: tuple[tuple[str, type[ApiError]], ...] = ()  # for codes such as InvalidParameter.%s

    def class_for(self, code: str) -> type[ApiError]:
        exact = self.codes.get(code)
        if exact is not None:
            return exact
        for prefix, cls in self.prefixes:
            if code.startswith(prefix):
                return cls
        return self.base


@dataclass(frozen=True, slots=True)
class ServiceSpec:
    provider: str
    service: str
    api_version: str | None
    protocol: str  # rest-xml | rpc | rest-json
    error_format: str  # oss-xml | alibaba-rpc | huawei-json
    endpoint: str  # URL template, may contain {region}
    default_region: str
    signing: str  # default signing scheme
    signing_schemes: tuple[str, ...]
    errors: ErrorTable
    regional_endpoints: Mapping[str, str] = field(default_factory=dict)
    throttling_codes: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class Pagination:
    """How one operation pages; paths are attribute names in the response model."""

    style: str  # token | page-number | marker
    input_token: str  # wire name of the request parameter carrying the token/page
    items: tuple[str, ...]
    output_token: tuple[str, ...] | None = None
    more_results: tuple[str, ...] | None = None
    total_count: tuple[str, ...] | None = None
    page_size: str | None = None  # wire name of the page-size parameter


@dataclass(frozen=True, slots=True)
class OperationSpec(Generic[ResponseT]):
    name: str
    method: str
    path: str  # may contain {placeholders} filled from path parameters
    response: type[ResponseT]
    locations: Mapping[str, str]  # wire name -> query | path | header | body
    fixed: tuple[tuple[str, str, str], ...] = ()  # (wire name, location, value)
    action: str | None = None  # RPC action
    pagination: Pagination | None = None
