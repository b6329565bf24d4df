"""Structured and list parameters on the wire, judged by the official SDKs: each test makes
one call with the official client and the same call with ours against a loopback server,
and compares the two requests (method, Host, path, query multiset, body, ACS3 headers)."""

from __future__ import annotations

import json

from alibabacloud_config20190108 import models as config_models
from alibabacloud_config20190108.client import Client as OfficialConfig
from alibabacloud_tea_openapi.models import Config
from alibabacloud_vpc20160428 import models as vpc_models
from alibabacloud_vpc20160428.client import Client as OfficialVpc

from generated.alibabacloud.config import ConfigClient
from generated.alibabacloud.vpc import Filter, VpcClient
from tests.wire.capture import Captured, Reply, assert_same_request, capture_server, json_reply

KEY_ID, SECRET = "LTAI-wire-test", "wire-test-secret"
ACS3_HEADERS = ("x-acs-action", "x-acs-version", "x-acs-content-sha256")
EIP_REPLY = {"RequestId": "r-1", "TotalCount": 0, "PageNumber": 2, "PageSize": 20}


def _config(host: str) -> Config:
    return Config(
        access_key_id=KEY_ID,
        access_key_secret=SECRET,
        endpoint=host,
        protocol="http",
        region_id="cn-hangzhou",
    )


def test_describe_eip_addresses_matches_the_official_client() -> None:
    """Filter.N.Key / Filter.N.Value from two structures (a model and a dict), comma lists,
    the page number, booleans (``True``/``False``, as the official client writes them)."""
    with capture_server(json_reply(EIP_REPLY)) as server:
        OfficialVpc(_config(server.host)).describe_eip_addresses(
            vpc_models.DescribeEipAddressesRequest(
                region_id="cn-hangzhou",
                filter=[
                    vpc_models.DescribeEipAddressesRequestFilter(
                        key="CreationStartTime", value="2018-01-22T09:12Z"
                    ),
                    vpc_models.DescribeEipAddressesRequestFilter(
                        key="CreationEndTime", value="2018-01-22T09:15Z"
                    ),
                ],
                eip_address="116.0.0.28,116.0.0.29",
                allocation_id="eip-1,eip-2,eip-3",
                page_number=2,
                page_size=20,
                status="Available",
                include_reservation_data=True,
                dry_run=False,
            )
        )
        with VpcClient(endpoint=server.url, access_key_id=KEY_ID, access_key_secret=SECRET) as ours:
            ours.describe_eip_addresses(
                region_id="cn-hangzhou",
                filter=[
                    Filter(key="CreationStartTime", value="2018-01-22T09:12Z"),
                    {"key": "CreationEndTime", "value": "2018-01-22T09:15Z"},
                ],
                eip_address=["116.0.0.28", "116.0.0.29"],
                allocation_id=["eip-1", "eip-2", "eip-3"],
                page_number=2,
                page_size=20,
                status="Available",
                include_reservation_data=True,
                dry_run=False,
            )
    theirs, mine = server.requests
    assert ("Filter.2.Key", "CreationEndTime") in mine.query
    assert_same_request(mine, theirs, ACS3_HEADERS)


def test_get_resource_configuration_timeline_matches_the_official_client() -> None:
    """Token paging's parameters (NextToken, Limit) and longs, as the Config SDK sends them."""
    reply = json_reply({"RequestId": "r-1", "ResourceConfigurationTimeline": {}})
    with capture_server(reply) as server:
        OfficialConfig(_config(server.host)).get_resource_configuration_timeline(
            config_models.GetResourceConfigurationTimelineRequest(
                resource_id="i-1",
                resource_type="ACS::ECS::Instance",
                region="cn-hangzhou",
                start_time=1605489195000,
                end_time=1605489235000,
                limit=50,
                next_token="caeba0bbb2be03f84eb48b699f0a****",
                multi_account=True,
            )
        )
        with ConfigClient(
            endpoint=server.url, access_key_id=KEY_ID, access_key_secret=SECRET
        ) as ours:
            ours.get_resource_configuration_timeline(
                resource_id="i-1",
                resource_type="ACS::ECS::Instance",
                region="cn-hangzhou",
                start_time=1605489195000,
                end_time=1605489235000,
                limit=50,
                next_token="caeba0bbb2be03f84eb48b699f0a****",
                multi_account=True,
            )
    theirs, mine = server.requests
    assert_same_request(mine, theirs, ACS3_HEADERS)


def test_the_config_client_pages_on_the_nested_next_token() -> None:
    """``ResourceConfigurationTimeline.NextToken`` feeds the next request's NextToken."""
    pages = iter(
        [
            {
                "RequestId": "r-1",
                "ResourceConfigurationTimeline": {
                    "ConfigurationList": [{"ResourceId": "i-1", "CaptureTime": "1"}],
                    "NextToken": "t-2",
                    "Limit": 1,
                },
            },
            {
                "RequestId": "r-2",
                "ResourceConfigurationTimeline": {
                    "ConfigurationList": [{"ResourceId": "i-1", "CaptureTime": "2"}],
                    "Limit": 1,
                },
            },
        ]
    )

    def reply(_request: Captured) -> Reply:
        return 200, {"Content-Type": "application/json"}, json.dumps(next(pages)).encode()

    with (
        capture_server(reply) as server,
        ConfigClient(endpoint=server.url, access_key_id=KEY_ID, access_key_secret=SECRET) as ours,
    ):
        items = list(
            ours.iter_get_resource_configuration_timeline(
                resource_id="i-1", resource_type="ACS::ECS::Instance", region="cn-hangzhou"
            )
        )
    assert [item.capture_time for item in items] == ["1", "2"]
    first, second = server.requests
    assert ("NextToken", "t-2") not in first.query and second.query[("NextToken", "t-2")] == 1
