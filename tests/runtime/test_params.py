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


STRUCTURES: list[dict[str, Any]] = [
    {"Category": "cloud_ssd", "Size": 40},  # ECS SystemDisk: an object
    {"env": "prod", "a b": "池 ~*'()", "x.y": "1"},  # a map: its keys as the caller gives them
    {"Options": {"Mode": "auto", "Tags": [{"Key": "k"}, {"Key": "l", "Value": "v"}]}},
    {},
]


@pytest.mark.parametrize("value", STRUCTURES, ids=["object", "map", "nested", "empty"])
def test_flat_is_alibaba_query_flattening_of_objects_and_maps(value: dict[str, Any]) -> None:
    official = AlibabaUtils.query({"SystemDisk": value})
    assert query_pairs("SystemDisk", value, "flat") == list(official.items())


def test_every_style_has_an_encoder_and_one_value_is_a_list_of_one() -> None:
    assert set(STYLES) == {"plain", "comma", "repeat", "repeat-list", "flat", "json"}
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


def test_an_rpc_body_is_tea_openapis_form() -> None:
    """Body parameters (scalars, a boolean, a numbered list, a flattened object, JSON in one
    value) are the form tea-openapi's ACS3 path sends: ``Utils.to_form`` over the body the
    SDK flattened with ``Utils.query``, byte for byte."""
    operation: OperationSpec[Any] = OperationSpec(
        name="ModifyWidget",
        method="POST",
        path="/",
        response="unused",
        locations={
            "RegionId": "query",
            "Name": "body",
            "DryRun": "body",
            "Ids": "body",
            "Disk": "body",
            "Options": "body",
        },
        styles={"Ids": "repeat-list", "Disk": "flat", "Options": "json"},
        action="ModifyWidget",
    )
    params = {
        "RegionId": "cn-hangzhou",
        "Name": "a b+c/d~é&=",
        "DryRun": True,
        "Ids": ["i-1", "i 2"],
        "Disk": {"Category": "cloud_ssd", "Size": 40},
        "Options": {"x": [1, "y"]},
    }
    request = PROTOCOLS["rpc"].build_request(
        service_spec("rpc"), operation, params, "https", "ecs.example", "acs3-hmac-sha256", {}
    )
    body = {name: value for name, value in params.items() if name != "RegionId"}
    body["Options"] = '{"x":[1,"y"]}'
    assert request.body == AlibabaUtils.to_form(AlibabaUtils.query(body)).encode()
    assert request.headers["content-type"] == "application/x-www-form-urlencoded"
    assert request.query == [("RegionId", "cn-hangzhou")]


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
