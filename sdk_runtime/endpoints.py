"""Where to send requests: the ``endpoint=`` override, else the service's rule for the region;
and the values an operation carries in the host name (the OSS bucket, the SLS project).

Host labels are prepended to the endpoint's host, virtual-hosted style, as the official SDKs
do it (alibabacloud-oss-v2 ``<bucket>.<endpoint>``, aliyun-log-python-sdk
``<project>.<endpoint>``), whether the endpoint comes from the region or from ``endpoint=``.
An IP address cannot have labels in front of it; what then happens is the service's
``ip_address_style``:

``virtual``  the connection goes to the IP and the labels travel in the Host header
             (``Host: <project>.10.0.0.1``), as aliyun-log-python-sdk sends it to an IP;
``path``     the labels become the first path segments (``http://10.0.0.1/<bucket>/``), as
             alibabacloud-oss-v2 falls back to path style for an IP endpoint.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from sdk_runtime.service import ServiceSpec

if TYPE_CHECKING:
    from sdk_runtime.http import HttpRequest
    from sdk_runtime.service import OperationSpec

# One DNS label (RFC 1035/1123): letters, digits and "-", not first or last, 1 to 63 long.
_DNS_LABEL = re.compile(r"[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?").fullmatch


def validate_region(region: object) -> str:
    """``region`` if it is one host label, as botocore's ``validate_region_name`` requires;
    else ``ValueError``. The region goes into the host name and into signatures' scopes: a
    value such as ``evil.example#`` must never move a signed request to another host."""
    if not isinstance(region, str) or not _DNS_LABEL(region):
        shown = repr(region) if len(repr(region)) <= 80 else repr(region)[:77] + "..."
        raise ValueError(
            "region must be one host label (letters, digits and '-', not first or last, at "
            f"most 63 characters), such as cn-hangzhou; got {shown}"
        )
    return region


# The environment variable each vendor's official SDK reads the region from, when the caller
# gives no region= (tea-openapi / the Alibaba Cloud CLI; huaweicloudsdkcore's region providers).
REGION_ENV = {
    "alibabacloud": "ALIBABA_CLOUD_REGION_ID",
    "huaweicloud": "HUAWEICLOUD_SDK_REGION",
}


def region_from_environment(provider: str) -> str | None:
    """The region the vendor's environment variable names (None if unset or empty)."""
    name = REGION_ENV.get(provider)
    if name is None:
        return None
    import os  # already loaded by the interpreter; here to keep this module's top light

    return os.environ.get(name) or None


def resolve_endpoint(service: ServiceSpec, region: str, endpoint: str | None) -> tuple[str, str]:
    """(scheme, host[:port]) for ``region``, as the vendor's SDK resolves it.

    A region listed in the service's regional endpoints uses that URL (ENS central regions
    share ``ens.aliyuncs.com``); otherwise the template's ``{region}`` is filled in.
    """
    url = (
        endpoint or service.regional_endpoints.get(region) or service.endpoint.format(region=region)
    )
    if "://" not in url:
        url = f"https://{url}"
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise ValueError(
            f"endpoint must be an http(s) URL such as https://host[:port], got {url!r}"
        )
    return parts.scheme, parts.netloc


def is_ip_host(host: str) -> bool:
    """Whether ``host[:port]`` names an IP address: ``[::1]:8080``, ``127.0.0.1:8080``.

    Dotted digits are IPv4 in every form ``inet_aton`` reads, which is how
    alibabacloud-oss-v2 tells an IP endpoint from a host name."""
    if host.startswith("["):
        return True
    name = host.rpartition(":")[0] if ":" in host else host
    return name.replace(".", "").isdigit()


def place_host_labels(
    request: HttpRequest,
    service: ServiceSpec,
    operation: OperationSpec[Any],
    params: Mapping[str, object],
) -> None:
    """Put the values of ``operation``'s ``in: host`` parameters in front of the request's
    host (see the module docstring), checking each is one DNS label.

    Raises ``ValueError`` naming the keyword for a missing value or one that is not a DNS
    label: a value such as ``evil.example#`` must never move the request to another host.
    """
    labels = []
    for wire_name, keyword in operation.host_labels:
        value = params.get(wire_name)
        if value is None:
            raise ValueError(f"{operation.name} needs {keyword}, which the host name carries")
        if not isinstance(value, str) or not _DNS_LABEL(value):
            shown = repr(value) if len(repr(value)) <= 80 else repr(value)[:77] + "..."
            raise ValueError(
                f"{keyword} must be one DNS label (letters, digits and '-', not first or "
                f"last, at most 63 characters), got {shown}"
            )
        labels.append(value)
    ip = is_ip_host(request.host)
    if ip and service.ip_address_style == "path":
        request.path = "/" + "/".join(labels) + request.path
        return
    virtual = ".".join(labels) + "." + request.host
    request.headers["host"] = virtual
    if not ip:
        request.host = virtual  # else: connect to the IP, the Host header names the labels
    request.host_labels = tuple(labels)
