"""Loopback fake of the four documented cloud operations, for tests.

from tests.fakecloud import running_fakecloud, ALIBABA_ACCESS_KEY_ID, ...

with running_fakecloud() as cloud:   # cloud.url == "http://127.0.0.1:<port>"
    ...
"""

from .credentials import (
    ALIBABA_ACCESS_KEY_ID,
    ALIBABA_ACCESS_KEY_SECRET,
    ALIBABA_STS_ACCESS_KEY_ID,
    ALIBABA_STS_ACCESS_KEY_SECRET,
    ALIBABA_STS_SECURITY_TOKEN,
    HUAWEI_AK,
    HUAWEI_PROJECT_ID,
    HUAWEI_SECURITY_TOKEN,
    HUAWEI_SK,
    HUAWEI_TEMP_AK,
    HUAWEI_TEMP_SK,
    HUAWEI_TOKEN,
)
from .data import CLOUDSSO_DIRECTORIES, ENS_BUCKETS, GA_BYOIP_POOLS, OSS_RESOURCE_POOLS
from .server import OPERATIONS, FakeCloud, RecordedRequest, running_fakecloud

__all__ = [
    "ALIBABA_ACCESS_KEY_ID",
    "ALIBABA_ACCESS_KEY_SECRET",
    "ALIBABA_STS_ACCESS_KEY_ID",
    "ALIBABA_STS_ACCESS_KEY_SECRET",
    "ALIBABA_STS_SECURITY_TOKEN",
    "CLOUDSSO_DIRECTORIES",
    "ENS_BUCKETS",
    "GA_BYOIP_POOLS",
    "HUAWEI_AK",
    "HUAWEI_PROJECT_ID",
    "HUAWEI_SECURITY_TOKEN",
    "HUAWEI_SK",
    "HUAWEI_TEMP_AK",
    "HUAWEI_TEMP_SK",
    "HUAWEI_TOKEN",
    "OPERATIONS",
    "OSS_RESOURCE_POOLS",
    "FakeCloud",
    "RecordedRequest",
    "running_fakecloud",
]
