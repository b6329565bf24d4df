"""Protocol behaviour, once for every service: building requests and reading error bodies.

Each protocol is registered in :data:`PROTOCOLS` by the name a service spec gives it:
``rpc`` (Alibaba Cloud RPC: ``POST /`` with Action, Version and the parameters in the
query, body parameters as a form flattened as the query is), ``rest-xml`` and ``rest-json``
(method and path from the spec, parameters where the spec puts them: query, path, header,
host; body parameters as a JSON object). A parameter that is a structure is first turned
into wire-named data (:mod:`sdk_runtime.structures`), then sent like any other value in its
style. Each error body format is registered in
:data:`ERROR_FORMATS`, with how the OpenAPI document describes its body. A protocol may
take options, which generated clients accept as constructor keywords (RPC's
``response_format``).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Mapping, Sequence
from typing import Any, NamedTuple
from urllib.parse import urlencode

from sdk_runtime.endpoints import place_host_labels
from sdk_runtime.errors import ApiError
from sdk_runtime.http import FORM, HttpRequest, HttpResponse, encode_path_value
from sdk_runtime.params import query_pairs, wire_value
from sdk_runtime.redaction import redact_bytes, redact_text
from sdk_runtime.registry import Registry
from sdk_runtime.retry import retry_after_seconds
from sdk_runtime.service import OperationSpec, ServiceSpec
from sdk_runtime.structures import to_wire

Options = Mapping[str, str | None]  # protocol option -> value given to the client
_PLACEHOLDER = re.compile(r"\{([^}/+]+)\+?\}")  # {name}, or {name+}: greedy


class ProtocolOption(NamedTuple):
    """A setting of a protocol, a constructor keyword of every client that speaks it."""

    keyword: str
    doc: str  # one clause for the constructor's docstring


class RestProtocol:
    """``rest-xml`` / ``rest-json``: the operation's method and path, parameters where the
    spec puts them, body parameters as one JSON object."""

    options: tuple[ProtocolOption, ...] = ()
    # whether every request carries the service's API version (``prepare``): the generator's
    # diff judges an API version change by it
    sends_api_version = False

    def __init__(self, name: str, body_format: str | None) -> None:
        self.name = name
        # "json" or "xml": what every response body is; None: either, judged by the body
        self.body_format = body_format

    def build_request(
        self,
        service: ServiceSpec,
        operation: OperationSpec[Any],
        params: Mapping[str, object],
        scheme: str,
        host: str,
        signing: str,
        options: Options,
    ) -> HttpRequest:
        """The unsigned request for ``operation`` with ``params`` (wire names; None = not
        sent)."""
        request = HttpRequest(
            method=operation.method, scheme=scheme, host=host, path=operation.path
        )
        request.headers["host"] = host
        for fixed_name, fixed_location, fixed_value in operation.fixed:
            _place(request, fixed_location, fixed_name, fixed_value)
        self.prepare(request, service, operation, signing, options)
        body: dict[str, object] = {}
        styles, structures = operation.styles, operation.structures
        for name, value in params.items():
            if value is None:
                continue
            if name in structures:  # a model or dict -> plain data in wire names
                value = to_wire(value, structures[name])
            location = operation.locations.get(name, "query")
            if location == "body":
                body[name] = value
            elif location == "path":
                _fill_path(request, name, self.text(value))
            elif location == "query" and name in styles:
                request.query.extend(query_pairs(name, value, styles[name], self.text))
            elif location != "host":  # host labels: placed below, once the path is known
                _place(request, location, name, self.text(value))
        if "{" in request.path:
            missing = ", ".join(sorted(set(_PLACEHOLDER.findall(request.path))))
            raise ValueError(f"{operation.name} needs the path parameter(s) {missing}")
        if operation.host_labels:
            place_host_labels(request, service, operation, params)
        if body:
            self.encode_body(request, body, styles)
        return request

    def encode_body(
        self, request: HttpRequest, body: Mapping[str, object], styles: Mapping[str, str]
    ) -> None:
        """The body parameters (wire names, structures as plain data) as the request body:
        one JSON object whose members they are."""
        request.body = json.dumps(body, default=wire_value, separators=(",", ":")).encode()
        request.headers["content-type"] = "application/json"

    def prepare(
        self,
        request: HttpRequest,
        service: ServiceSpec,
        operation: OperationSpec[Any],
        signing: str,
        options: Options,
    ) -> None:
        """What the protocol adds to every request before the parameters."""

    def text(self, value: object) -> str:
        """How one value travels as text in the query, path or a header."""
        return wire_value(value)


class RpcProtocol(RestProtocol):
    """Alibaba Cloud RPC: Action and Version in ``x-acs-*`` headers, as the official SDK
    sends them with ACS3 signing; the older V1 signature needs them in the query too."""

    sends_api_version = True
    options = (
        ProtocolOption(
            "response_format", '``response_format="XML"`` asks for XML bodies instead of JSON'
        ),
    )

    def prepare(
        self,
        request: HttpRequest,
        service: ServiceSpec,
        operation: OperationSpec[Any],
        signing: str,
        options: Options,
    ) -> None:
        action = operation.action or operation.name
        if signing == "rpc-v1-hmac-sha1":
            request.query[:0] = [("Action", action), ("Version", service.api_version or "")]
        response_format = options.get("response_format")
        if response_format:
            request.query.append(("Format", response_format))
        request.headers["x-acs-action"] = action
        request.headers["x-acs-version"] = service.api_version or ""

    def encode_body(
        self, request: HttpRequest, body: Mapping[str, object], styles: Mapping[str, str]
    ) -> None:
        """A form, as tea-openapi sends an RPC body (``Utils.to_form``): each parameter
        flattened in its style exactly as in the query (``Tag.1.Key=k``,
        ``SystemDisk.Category=v``), the keys sorted, ``application/x-www-form-urlencoded``
        (``urlencode``: a space is ``+``). The signature covers the body's bytes (ACS3's
        ``x-acs-content-sha256``, V1's string to sign)."""
        pairs: list[tuple[str, str]] = []
        for name, value in body.items():
            pairs.extend(query_pairs(name, value, styles.get(name, "plain"), self.text))
        request.body = urlencode(sorted(pairs)).encode()
        request.headers["content-type"] = FORM

    def text(self, value: object) -> str:
        """As the official SDKs write a scalar (tea-openapi's ``Utils.query``: ``str()``), so
        a boolean is ``True``/``False``; the rest as every protocol writes it."""
        return str(value) if isinstance(value, bool) else wire_value(value)


RPC = RpcProtocol("rpc", None)  # JSON, or XML with response_format="XML"
REST_XML = RestProtocol("rest-xml", "xml")
REST_JSON = RestProtocol("rest-json", "json")

PROTOCOLS: Registry[RestProtocol] = Registry(
    "protocol",
    {
        "rest-xml": "sdk_runtime.protocols:REST_XML",
        "rpc": "sdk_runtime.protocols:RPC",
        "rest-json": "sdk_runtime.protocols:REST_JSON",
    },
)


_DOT_SEGMENTS = ("", ".", "..")
_HEADER_BREAKS = ("\r", "\n", "\x00")


def _fill_path(request: HttpRequest, name: str, value: str) -> None:
    """Put ``value`` in the path's ``{name}`` (``/`` encoded) or ``{name+}`` (greedy: ``/``
    kept), percent-encoded once.

    Raises ``ValueError`` for a value that would move the request to another path: empty,
    ``.`` or ``..`` (dots are unreserved, so they are sent as they are, and servers and
    HTTP libraries resolve them), or, greedy, a ``.`` or ``..`` segment."""
    greedy = "{" + name + "+}"
    if greedy in request.path:
        if not value or any(segment in (".", "..") for segment in value.split("/")):
            raise ValueError(
                f"path parameter {name!r} must not be empty or have a '.' or '..' segment, "
                f"got {_shown(value)}"
            )
        request.path = request.path.replace(greedy, encode_path_value(value, greedy=True))
    else:
        if value in _DOT_SEGMENTS:
            raise ValueError(
                f"path parameter {name!r} must not be empty, '.' or '..', got {value!r}"
            )
        request.path = request.path.replace("{" + name + "}", encode_path_value(value))


def _place(request: HttpRequest, location: str, name: str, value: str) -> None:
    if location == "header":
        if any(character in value for character in _HEADER_BREAKS):
            # a CR/LF would end the header and start another (header injection)
            raise ValueError(
                f"header parameter {name!r} must not contain CR, LF or NUL, got {_shown(value)}"
            )
        request.headers[name] = value
    else:
        request.query.append((name, value))


def _shown(value: str) -> str:
    text = repr(value)
    return text if len(text) <= 80 else text[:77] + "..."


def parse_error(
    service: ServiceSpec, response: HttpResponse, secrets: Sequence[str] = ()
) -> ApiError:
    """The exception for an error response, in the class of its documented code.

    ``secrets`` (see :func:`~sdk_runtime.redaction.secret_forms`) are masked in the code,
    message, request id and body: services echo requests back in some errors (e.g. a
    string-to-sign).
    """
    code, message, request_id = ERROR_FORMATS[service.error_format].read(response)
    code = redact_text(code, secrets)  # a server may echo anything, in any field
    error_class = service.errors.class_for(code) if code else service.errors.base
    return error_class(
        redact_text(message, secrets) or f"HTTP {response.status} with no error message",
        code=code or f"HTTP{response.status}",
        request_id=redact_text(request_id, secrets) if request_id else request_id,
        status_code=response.status,
        body=redact_bytes(response.body, secrets),
        retry_after=retry_after_seconds(response.headers),
    )


Fields = tuple[str, str, str | None]


def _xml_fields(body: bytes, *names: str) -> dict[str, str]:
    from sdk_runtime.decoding import parse_xml  # defusedxml only for bodies declaring markup

    try:
        root = parse_xml(body)
    except Exception:  # noqa: BLE001 - any unreadable body is just "no details"
        return {}
    return {name: (root.findtext(name) or "") for name in names}


def _json_object(body: bytes) -> dict[str, Any]:
    try:
        data = json.loads(body)
    except ValueError:
        return {}
    return data if isinstance(data, dict) else {}


def _oss_error(response: HttpResponse) -> Fields:
    fields = _xml_fields(response.body, "Code", "Message", "RequestId")
    request_id = fields.get("RequestId") or response.headers.get("x-oss-request-id")
    return fields.get("Code", ""), fields.get("Message", ""), request_id


def _alibaba_rpc_error(response: HttpResponse) -> Fields:
    if response.body.lstrip().startswith(b"<"):
        data: dict[str, Any] = _xml_fields(response.body, "Code", "Message", "RequestId")
    else:
        data = _json_object(response.body)
    request_id = data.get("RequestId") or response.headers.get("x-acs-request-id")
    return str(data.get("Code") or ""), str(data.get("Message") or ""), request_id


def _huawei_error(response: HttpResponse) -> Fields:
    """Huawei Cloud's error bodies, in each form its services document: ``error_code`` /
    ``error_msg``, ``code`` / ``message``, or either wrapped in ``{"error": {...}}``."""
    data = _json_object(response.body)
    nested = data.get("error")
    if isinstance(nested, dict):
        data = nested
    code = data.get("error_code") or data.get("code")
    message = data.get("error_msg") or data.get("message")
    request_id = response.headers.get("x-request-id") or data.get("request_id")
    return str(code or ""), str(message or ""), request_id


def _sls_error(response: HttpResponse) -> Fields:
    """Simple Log Service: ``{"errorCode": ..., "errorMessage": ...}``, the request id in the
    ``x-log-requestid`` header (as aliyun-log-python-sdk's ``LogException`` reads them)."""
    data = _json_object(response.body)
    code, message = data.get("errorCode"), data.get("errorMessage")
    return str(code or ""), str(message or ""), response.headers.get("x-log-requestid")


ErrorReader = Callable[[HttpResponse], Fields]


class ErrorBody(NamedTuple):
    """An error body as the generated OpenAPI document describes it (its ``ErrorBody``
    schema, the content of every error response): string members, in order."""

    media_type: str  # application/xml | application/json
    fields: tuple[str, ...]
    xml_root: str | None = None  # the root element of an XML body


class ErrorFormat(NamedTuple):
    """What an error format registers: how the runtime reads an error response, and how the
    generator describes its body (as a signing scheme describes itself in ``security``)."""

    read: ErrorReader  # (code, message, request id) of an error response
    body: ErrorBody
    # top-level members that, all present in a successful answer's body and unknown to the
    # operation's model, make it an error document (some gateways answer errors with 200)
    marker: tuple[str, ...] = ()


OSS_XML = ErrorFormat(
    _oss_error,
    ErrorBody("application/xml", ("Code", "Message", "RequestId", "HostId", "EC"), "Error"),
)
ALIBABA_RPC = ErrorFormat(
    _alibaba_rpc_error,
    ErrorBody("application/json", ("RequestId", "HostId", "Code", "Message", "Recommend")),
    ("Code", "Message"),
)
HUAWEI_JSON = ErrorFormat(
    _huawei_error,
    ErrorBody("application/json", ("error_code", "error_msg", "request_id")),
    ("error_code", "error_msg"),
)
SLS_JSON = ErrorFormat(
    _sls_error,
    ErrorBody("application/json", ("errorCode", "errorMessage")),
    ("errorCode", "errorMessage"),
)

# Every error format a service spec's ``error_format`` can name. A new one is a reader, its
# ErrorFormat (with the body the OpenAPI document shows) and one entry here.
ERROR_FORMATS: Registry[ErrorFormat] = Registry(
    "error format",
    {
        "oss-xml": "sdk_runtime.protocols:OSS_XML",
        "alibaba-rpc": "sdk_runtime.protocols:ALIBABA_RPC",
        "huawei-json": "sdk_runtime.protocols:HUAWEI_JSON",
        "sls-json": "sdk_runtime.protocols:SLS_JSON",
    },
)
