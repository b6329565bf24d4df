"""The fixed data sets the fake cloud serves (deterministic, so tests can compare)."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta
from typing import Final

_EPOCH = datetime(2024, 11, 29, 8, 42, 32, tzinfo=UTC)

# --- OSS ListResourcePools: 25 pools --------------------------------------------------------

OSS_OWNER: Final = "1031234567890123"
OSS_DEFAULT_MAX_KEYS: Final = 10
OSS_MAX_MAX_KEYS: Final = 1000

_POOL_TOPICS = ("ai", "video", "datalake", "backup", "logs")
OSS_RESOURCE_POOLS: Final[list[dict[str, str]]] = [
    {
        "Name": f"resource-pool-for-{_POOL_TOPICS[i % 5]}-{i + 1:02d}",
        "CreateTime": (_EPOCH + timedelta(hours=i)).strftime("%Y-%m-%dT%H:%M:%S.000Z"),
    }
    for i in range(25)
]

# --- ENS ListBuckets: 23 buckets ------------------------------------------------------------

ENS_DEFAULT_PAGE_SIZE: Final = 10
ENS_MAX_PAGE_SIZE: Final = 100

_ACLS = ("private", "public-read", "public-read-write")
_ENS_REGIONS = ("cn-dalian-unicom", "cn-hangzhou-telecom", "cn-beijing-cmcc")


def _bucket(i: int, name: str, comment: str) -> dict[str, str]:
    created = _EPOCH - timedelta(days=400) + timedelta(days=7 * i)
    return {
        "BucketAcl": _ACLS[i % 3],
        "BucketName": name,
        "Comment": comment,
        "CreateTime": created.strftime("%Y-%m-%dT%H:%M:%SZ"),
        "LogicalBucketType": "sink",
        "ModifyTime": (created + timedelta(hours=1)).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "EnsRegionId": _ENS_REGIONS[i % 3],
    }


_ENS_NAMES = (
    [f"image-{n:02d}" for n in range(1, 9)]  # 8 with prefix "image"
    + [f"video-{n:02d}" for n in range(1, 8)]  # 7 with prefix "video"
    + [f"log-{n:02d}" for n in range(1, 9)]  # 8 with prefix "log"
)
ENS_BUCKETS: Final[list[dict[str, str]]] = [
    # bucket 5 carries characters that must be escaped in XML and non-ASCII text
    _bucket(i, name, '日志 & <backup> "q"' if i == 4 else f"numb {i + 1}")
    for i, name in enumerate(_ENS_NAMES)
]
assert len(ENS_BUCKETS) == 23

# --- CloudSSO ListDirectories: 2 directories ------------------------------------------------

CLOUDSSO_DIRECTORIES: Final[list[dict[str, str]]] = [
    {
        "DirectoryId": "d-00fc2p61abcd",
        "CreateTime": "2021-06-30T08:35:26Z",
        "UpdateTime": "2021-10-25T09:13:24Z",
        "Region": "cn-shanghai",
        "DirectoryName": "new-example",
    },
    {
        "DirectoryId": "d-01ab3q72efgh",
        "CreateTime": "2022-03-14T01:02:03Z",
        "UpdateTime": "2023-01-09T17:45:00Z",
        "Region": "ap-southeast-1",
        "DirectoryName": "second-directory",
    },
]

# --- GA ListByoipPools: 12 pools -------------------------------------------------------------

GA_DEFAULT_LIMIT: Final = 500
GA_MAX_LIMIT: Final = 500
GA_DOMAIN_ID: Final = "99a3fff0d03c428eac3678da6a7d0f24"


def _byoip(i: int) -> dict[str, str]:
    created = _EPOCH + timedelta(days=3 * i)
    v6 = i % 4 == 3
    return {
        "id": str(uuid.uuid5(uuid.NAMESPACE_URL, f"fakecloud/ga/byoip-pool/{i}")),
        "cidr": f"2407:c080:{i:x}::/48" if v6 else f"208.188.{100 + i}.0/24",
        "ip_type": "IPV6" if v6 else "IPV4",
        "created_at": created.strftime("%Y-%m-%dT%H:%M:%SZ"),
        "updated_at": (created + timedelta(minutes=5)).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "area": "CM" if i % 2 else "OUTOFCM",
        "domain_id": GA_DOMAIN_ID,
    }


GA_BYOIP_POOLS: Final[list[dict[str, str]]] = [_byoip(i) for i in range(12)]
