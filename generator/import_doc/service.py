"""A service file drafted from what one page shows, when the service has none yet.

Host, API version, protocol, error format and signature come from the page's hints (the
request syntax, the OpenAPI Explorer link, the Authorization header, the token header);
every one of them is a guess and carries an ``# import-doc:`` mark. Endpoint rules, signing
and credentials are for a person to confirm.
"""

from __future__ import annotations

import re

from ruamel.yaml.comments import CommentedMap, CommentedSeq

from generator.import_doc.draft import dump
from generator.import_doc.pages import Page

_VENDORS = {
    "alibabacloud": "Alibaba Cloud",
    "huaweicloud": "Huawei Cloud",
    "opentelekomcloud": "Open Telekom Cloud",
}
_REGION = re.compile(r"\b((?:cn|ap|eu|us|me|la|af|ru)-[a-z]+(?:-\d+)?)\b")


def _mark(node: CommentedMap, key: str, text: str) -> None:
    node.yaml_add_eol_comment(f"import-doc: {text}", key)


def _provider(page: Page, source: str) -> str:
    if page.format == "rst" or "opentelekomcloud" in source[:300].lower():
        return "opentelekomcloud"
    if re.search(r"X-Auth-Token|myhuaweicloud|huaweicloud|IAM API", source):
        return "huaweicloud"
    return "alibabacloud"


def draft_service(page: Page, source: str, folder: str) -> str:
    """The YAML text of a draft ``service.yaml`` for the service folder ``folder``."""
    provider = _provider(page, source)
    alibaba = provider == "alibabacloud"
    # an Alibaba Cloud page without a request line is an RPC page (Action, Version)
    rpc = page.method is None and (alibaba or any(row.name == "Action" for row in page.parameters))
    xml = any(e.kind == "response" and e.format == "xml" for e in page.examples)
    sls = bool(re.search(r"Authorization: LOG |x-log-", source))
    spec = CommentedMap()
    spec["provider"] = provider
    _mark(spec, "provider", "read from the page's vendor hints")
    spec["service"] = folder
    stem = "".join(part[:1].upper() + part[1:] for part in re.split(r"[^A-Za-z0-9]+", folder))
    spec["name"] = stem or "Service"
    _mark(spec, "name", "the class stem: <name>Client")
    prefix = page.title.split(":")[0].strip() if ":" in page.title else folder.upper()
    spec["title"] = prefix
    _mark(spec, "title", "the service's full name, as the vendor writes it")
    spec["vendor"] = _VENDORS[provider]
    version = re.search(r"version=(\d{4}-\d{2}-\d{2})", source) or re.search(
        r"x-log-apiversion: ([\d.]+)", source
    )
    path_version = re.match(r"^/(v\d+)/", page.path or "")
    if version:
        spec["api_version"] = version.group(1)
        _mark(spec, "api_version", "from the page's request hints")
    elif path_version:
        spec["api_version"] = path_version.group(1)
        _mark(spec, "api_version", "carried in the path")
    else:
        spec["api_version"] = None
        _mark(spec, "api_version", "the page shows no API version")
    protocol = "rpc" if rpc else ("rest-xml" if xml and alibaba else "rest-json")
    spec["protocol"] = protocol
    _mark(spec, "protocol", "RPC when the page lists Action and no request line")
    if not alibaba:
        error_format = "huawei-json"
    elif sls:
        error_format = "sls-json"
    else:
        error_format = "alibaba-rpc" if rpc else ("oss-xml" if xml else "alibaba-rpc")
    spec["error_format"] = error_format
    _mark(spec, "error_format", "guessed from the protocol and the vendor")
    endpoint = CommentedMap()
    product = re.search(r"[#&?]product=(\w+)", source)
    region = _REGION.search(page.host or "") or _REGION.search(source)
    default_region = region.group(1) if region else ("cn-hangzhou" if alibaba else "eu-de")
    if page.host and region and region.group(1) in page.host:
        url = "https://" + page.host.replace(region.group(1), "{region}")
    elif alibaba:
        name = product.group(1).lower() if product else folder
        url = f"https://{name}.{{region}}.aliyuncs.com"
    elif provider == "huaweicloud":
        url = f"https://{folder}.{{region}}.myhuaweicloud.com"
    else:
        url = f"https://{folder}.{{region}}.otc.t-systems.com"
    endpoint["url"] = url
    _mark(endpoint, "url", "a guess from the page's host: confirm the vendor's endpoint rules")
    endpoint["default_region"] = default_region
    _mark(endpoint, "default_region", "the first region the page names")
    spec["endpoint"] = endpoint
    signing = CommentedMap()
    if not alibaba:
        schemes = ["huawei-sdk-hmac-sha256", "huawei-token"]
    elif sls:
        schemes = ["sls-v1-hmac-sha1", "sls4-hmac-sha256"]
    elif "OSS4-HMAC-SHA256" in source or (xml and not rpc):
        schemes = ["oss4-hmac-sha256"]
    else:
        schemes = ["acs3-hmac-sha256", "rpc-v1-hmac-sha1"]
    signing["default"] = schemes[0]
    _mark(signing, "default", "from the Authorization or token header the page shows: confirm")
    flow = CommentedSeq(schemes)
    flow.fa.set_flow_style()
    signing["schemes"] = flow
    spec["signing"] = signing
    spec["credentials"] = "alibabacloud" if alibaba else "huaweicloud"
    _mark(spec, "credentials", "the vendor's credential family: confirm")
    return dump(spec)
