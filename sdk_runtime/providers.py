"""The cloud vendors a service spec can name (``provider:``), registered by that name.

A provider is where a service's package sits (``generated.<provider>.<service>``) and how
docs name its vendor; how it signs and which credentials it takes are the service's own
(``signing:``, ``credentials:``). Open Telekom Cloud runs Huawei Cloud's software: its
services sign like Huawei Cloud's and take the same credentials, at endpoints of their own.
"""

from __future__ import annotations

from typing import NamedTuple

from sdk_runtime.registry import Registry


class Provider(NamedTuple):
    name: str  # as a service spec names it: the package under the output package
    title: str  # the vendor, as docs name it


ALIBABA_CLOUD = Provider("alibabacloud", "Alibaba Cloud")
HUAWEI_CLOUD = Provider("huaweicloud", "Huawei Cloud")
OPEN_TELEKOM_CLOUD = Provider("opentelekomcloud", "Open Telekom Cloud")

PROVIDERS: Registry[Provider] = Registry(
    "provider",
    {
        "alibabacloud": "sdk_runtime.providers:ALIBABA_CLOUD",
        "huaweicloud": "sdk_runtime.providers:HUAWEI_CLOUD",
        "opentelekomcloud": "sdk_runtime.providers:OPEN_TELEKOM_CLOUD",
    },
)
