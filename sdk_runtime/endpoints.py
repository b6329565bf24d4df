"""Where to send requests: the ``endpoint=`` override, else the service's rule for the region."""

from __future__ import annotations

from urllib.parse import urlsplit

from sdk_runtime.service import ServiceSpec


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
