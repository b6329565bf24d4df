"""List parameters on the wire, in each style a page can document, judged by the official
SDKs' own serializers: Alibaba Cloud's (alibabacloud-tea-openapi: ``Utils.query`` flattens
``Name.N``, ``array_to_string_with_specified_style`` joins and JSON-encodes) and Huawei
Cloud's (huaweicloudsdkcore: ``parameters_to_tuples`` repeats a key per value)."""

from __future__ import annotations

from collections import Counter
from typing import Any

import pytest
from alibabacloud_tea_openapi.utils import Utils as AlibabaUtils
from huaweicloudsdkcore.utils.http_utils import parameters_to_tuples

from sdk_runtime.params import STYLES, query_pairs
from sdk_runtime.protocols import PROTOCOLS
from sdk_runtime.service import OperationSpec
from tests.runtime.specs import service_spec

VALUES: list[list[Any]] = [
    ["i-1", "i-2"],
    ["one"],
    [],
    ["a b", "池", "x,y", "~*'()", "a&b=c"],
    [1, 20, 300],
]
IDS = ["two", "one", "none", "awkward", "numbers"]


@pytest.mark.parametrize("values", VALUES, ids=IDS)
def test_repeat_list_is_alibaba_query_flattening(values: list[Any]) -> None:
    official = AlibabaUtils.query({"InstanceId": values})
    assert query_pairs("InstanceId", values, "repeat-list") == sorted(
        official.items(), key=lambda kv: int(kv[0].rsplit(".", 1)[1])
    )


@pytest.mark.parametrize("values", VALUES, ids=IDS)
def test_json_is_alibaba_json_style(values: list[Any]) -> None:
    official = AlibabaUtils.array_to_string_with_specified_style(values, "InstanceIds", "json")
    assert query_pairs("InstanceIds", values, "json") == [("InstanceIds", official)]


@pytest.mark.parametrize("values", VALUES, ids=IDS)
def test_comma_is_alibaba_simple_style(values: list[Any]) -> None:
    official = AlibabaUtils.array_to_string_with_specified_style(values, "EipAddress", "simple")
    assert query_pairs("EipAddress", values, "comma") == [("EipAddress", official)]


@pytest.mark.parametrize("values", VALUES, ids=IDS)
def test_repeat_is_huawei_multi_collection_format(values: list[Any]) -> None:
    official = parameters_to_tuples({"id": values}, {"id": "multi"})
    assert query_pairs("id", values, "repeat") == [(k, str(v)) for k, v in official]


def test_every_style_has_an_encoder_and_one_value_is_a_list_of_one() -> None:
    assert set(STYLES) == {"plain", "comma", "repeat", "repeat-list", "json"}
    assert query_pairs("Id", "i-1", "repeat-list") == [("Id.1", "i-1")]
    assert query_pairs("Id", "i-1", "repeat") == [("Id", "i-1")]
    assert query_pairs("Flag", True) == [("Flag", "true")]


def test_an_rpc_request_carries_each_style_as_the_official_sdk_does() -> None:
    """What an ECS-style SDK sends for one call: JSON-string lists shrunk by
    array_to_string_with_specified_style, the rest flattened by Utils.query."""
    operation: OperationSpec[Any] = OperationSpec(
        name="DescribeInstances",
        method="POST",
        path="/",
        response="unused",
        locations={"InstanceIds": "query", "ResourceId": "query", "RegionId": "query"},
        styles={"InstanceIds": "json", "ResourceId": "repeat-list"},
        action="DescribeInstances",
    )
    params = {"RegionId": "cn-hangzhou", "InstanceIds": ["i-1", "i-2"], "ResourceId": ["r-1"]}
    request = PROTOCOLS["rpc"].build_request(
        service_spec("rpc"), operation, params, "https", "ecs.example", "acs3-hmac-sha256", {}
    )
    shrunk = {
        "RegionId": "cn-hangzhou",
        "InstanceIds": AlibabaUtils.array_to_string_with_specified_style(
            params["InstanceIds"], "InstanceIds", "json"
        ),
        "ResourceId": params["ResourceId"],
    }
    assert Counter(request.query) == Counter(AlibabaUtils.query(shrunk).items())


def test_a_rest_request_repeats_keys_as_the_huawei_sdk_does() -> None:
    operation: OperationSpec[Any] = OperationSpec(
        name="ListVolumes",
        method="GET",
        path="/v2/volumes",
        response="unused",
        locations={"id": "query", "status": "query", "limit": "query"},
        styles={"id": "repeat", "status": "comma"},
    )
    params = {"id": ["v-1", "v-2"], "status": ["in-use", "available"], "limit": 10}
    request = PROTOCOLS["rest-json"].build_request(
        service_spec("rest-json", "huawei-json", "huawei-token"),
        operation,
        params,
        "https",
        "evs.example",
        "huawei-token",
        {},
    )
    official = parameters_to_tuples({"id": params["id"], "limit": 10}, {"id": "multi"}) + [
        ("status", "in-use,available")
    ]
    assert Counter(request.query) == Counter((k, str(v)) for k, v in official)
