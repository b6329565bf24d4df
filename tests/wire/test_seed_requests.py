"""The capture harness on a seed operation: ENS ListBuckets as the official client sends it."""

from __future__ import annotations

from alibabacloud_ens20171110 import models as ens_models
from alibabacloud_ens20171110.client import Client as OfficialEns
from alibabacloud_tea_openapi.models import Config

from generated.alibabacloud.ens import EnsClient
from tests.wire.capture import assert_same_request, capture_server, json_reply

KEY_ID, SECRET = "LTAI-wire-test", "wire-test-secret"
ACS3_HEADERS = ("x-acs-action", "x-acs-version", "x-acs-content-sha256")


def test_ens_list_buckets_matches_the_official_client() -> None:
    reply = json_reply({"RequestId": "r-1", "BucketInfos": [], "TotalCount": 0})
    with capture_server(reply) as server:
        config = Config(
            access_key_id=KEY_ID,
            access_key_secret=SECRET,
            endpoint=server.host,
            protocol="http",
            region_id="cn-hangzhou",
        )
        OfficialEns(config).list_buckets(
            ens_models.ListBucketsRequest(prefix="logs/", page_number=2, page_size=50)
        )
        with EnsClient(endpoint=server.url, access_key_id=KEY_ID, access_key_secret=SECRET) as ours:
            # documented as String: the keywords are str (ints are a TypeError before sending)
            ours.list_buckets(prefix="logs/", page_number="2", page_size="50")
    theirs, mine = server.requests
    assert_same_request(mine, theirs, ACS3_HEADERS)
