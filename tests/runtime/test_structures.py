"""Structured request parameters, judged by Alibaba Cloud's own serializers: tea-openapi's
``Utils.query`` flattens ``Tag.N.Key`` and nested ``TagFilter.N.TagValues.N``, and
``array_to_string_with_specified_style(..., "json")`` JSON-encodes a structure, both fed the
official ECS SDK's request models (``to_map()``: wire names)."""

from __future__ import annotations

import json
import re
from collections import Counter
from typing import Any

import pytest
from alibabacloud_ecs20140526 import models as ecs
from alibabacloud_tea_openapi.utils import Utils as AlibabaUtils
from pydantic import Field

from sdk_runtime.model import ResponseModel
from sdk_runtime.params import query_pairs
from sdk_runtime.protocols import PROTOCOLS
from sdk_runtime.service import OperationSpec
from sdk_runtime.structures import RequestShape, Structure, to_wire
from tests.runtime.specs import service_spec

TAG = RequestShape("Tag", {"key": "Key", "value": "Value"})
TAG_FILTER = RequestShape("TagFilter", {"tag_key": "TagKey", "tag_values": "TagValues"})
INNER = RequestShape("Inner", {"name": "Name", "sizes": "Sizes"})
OUTER = RequestShape(
    "Outer",
    {"id": "Id", "inners": "Inners", "labels": "Labels", "by_zone": "ByZone"},
    nested={
        "inners": Structure("inners", INNER, "array"),
        "by_zone": Structure("by_zone", INNER, "map"),
    },
)


class Tag(ResponseModel):
    """What the generator writes for the shape (a model with wire aliases)."""

    key: str | None = Field(None, alias="Key")
    value: str | None = Field(None, alias="Value")


def _flattened(name: str, wire: object) -> Counter[tuple[str, str]]:
    return Counter(query_pairs(name, wire, "repeat-list"))


TAG_CASES: list[list[dict[str, Any]]] = [
    [{"key": "env", "value": "prod"}, {"key": "team", "value": "a b&c=池"}],
    [{"key": "only-key"}],
    [{"value": "no key"}, {"key": "k"}],
    [],
]


@pytest.mark.parametrize("tags", TAG_CASES, ids=["two", "key-only", "partial", "none"])
def test_a_list_of_structures_flattens_as_tea_query(tags: list[dict[str, Any]]) -> None:
    official = AlibabaUtils.query(
        {"Tag": [ecs.ListTagResourcesRequestTag(**tag).to_map() for tag in tags]}
    )
    wire = to_wire(tags, Structure("tag", TAG, "array"))
    assert _flattened("Tag", wire) == Counter(official.items())


def test_nested_indexes_flatten_as_tea_query() -> None:
    """``TagFilter.N.TagValues.N``: a list inside each structure of a list."""
    filters: list[dict[str, Any]] = [
        {"tag_key": "env", "tag_values": ["prod", "staging"]},
        {"tag_key": "team"},
        {"tag_key": "owner", "tag_values": ["x"]},
    ]
    official = AlibabaUtils.query(
        {"TagFilter": [ecs.ListTagResourcesRequestTagFilter(**f).to_map() for f in filters]}
    )
    wire = to_wire(filters, Structure("tag_filter", TAG_FILTER, "array"))
    assert _flattened("TagFilter", wire) == Counter(official.items())
    assert ("TagFilter.1.TagValues.2", "staging") in query_pairs("TagFilter", wire, "repeat-list")


def test_structures_within_structures_flatten_as_tea_query() -> None:
    outer = [
        {
            "id": "o-1",
            "inners": [{"name": "a", "sizes": [1, 2]}, {"name": "b"}],
            "labels": ["x", "y"],
            "by_zone": {"zone-a": {"name": "z", "sizes": [3]}},
        }
    ]
    wire = to_wire(outer, Structure("outer", OUTER, "array"))
    expected = {
        "Outer": [
            {
                "Id": "o-1",
                "Inners": [{"Name": "a", "Sizes": [1, 2]}, {"Name": "b"}],
                "Labels": ["x", "y"],
                "ByZone": {"zone-a": {"Name": "z", "Sizes": [3]}},
            }
        ]
    }
    assert wire == expected["Outer"]
    assert _flattened("Outer", wire) == Counter(AlibabaUtils.query(expected).items())


def test_the_model_and_the_dict_send_the_same() -> None:
    structure = Structure("tag", TAG, "array")
    as_models = to_wire([Tag(key="k", value="v"), Tag(Key="k2")], structure)
    as_dicts = to_wire([{"key": "k", "value": "v"}, {"key": "k2"}], structure)
    assert as_models == as_dicts == [{"Key": "k", "Value": "v"}, {"Key": "k2"}]


def test_wire_keys_follow_the_documented_order_not_the_callers() -> None:
    wire = to_wire({"value": "v", "key": "k"}, Structure("tag", TAG))
    assert json.dumps(wire) == '{"Key": "k", "Value": "v"}'


def test_a_structure_as_json_is_tea_json_style() -> None:
    """``style: json`` on a structure: one value, JSON with the wire names."""
    tags = [{"key": "env", "value": "prod"}, {"key": "池"}]
    official = AlibabaUtils.array_to_string_with_specified_style(
        [ecs.ListTagResourcesRequestTag(**tag) for tag in tags], "Tag", "json"
    )
    wire = to_wire(tags, Structure("tag", TAG, "array"))
    ((name, text),) = query_pairs("Tag", wire, "json")
    assert name == "Tag" and json.loads(text) == json.loads(official)


@pytest.mark.parametrize(
    ("value", "error", "message"),
    [
        (
            [{"key": "k", "kye": "v"}],
            ValueError,
            "tag[0]: unknown key 'kye' for Tag (keys: key, value)",
        ),
        ([{"Key": "k"}], ValueError, "tag[0]: unknown key 'Key' for Tag"),
        ({"key": "k"}, TypeError, "tag: expected a list of Tag, got dict"),
        (["k=v"], TypeError, "tag[0]: expected Tag or a dict, got str"),
        ([Tag(key="k", colour="red")], ValueError, "tag[0]: Tag has undocumented field(s) colour"),
    ],
    ids=["unknown-key", "wire-name", "not-a-list", "not-a-structure", "model-extra"],
)
def test_a_wrong_value_names_the_keyword(
    value: object, error: type[Exception], message: str
) -> None:
    with pytest.raises(error, match=re.escape(message)):
        to_wire(value, Structure("tag", TAG, "array"))


def test_nested_errors_name_the_path() -> None:
    with pytest.raises(ValueError, match=r"outer\[0\]\.inners\[1\]: unknown key 'nme'"):
        to_wire([{"inners": [{"name": "a"}, {"nme": "b"}]}], Structure("outer", OUTER, "array"))
    with pytest.raises(TypeError, match=r"outer\[0\]\.by_zone: expected a dict of Inner"):
        to_wire([{"by_zone": [{"name": "a"}]}], Structure("outer", OUTER, "array"))


def test_a_bad_structure_fails_before_a_request_is_built() -> None:
    operation = _list_tag_resources()
    with pytest.raises(ValueError, match="tag"):
        PROTOCOLS["rpc"].build_request(
            service_spec("rpc"),
            operation,
            {"Tag": [{"kee": "k"}]},
            "https",
            "ecs.example",
            "acs3-hmac-sha256",
            {},
        )


def test_an_rpc_request_carries_structures_as_the_official_sdk_does() -> None:
    operation = _list_tag_resources()
    params: dict[str, object] = {
        "RegionId": "cn-hangzhou",
        "ResourceType": "instance",
        "Tag": [Tag(key="env", value="prod"), {"key": "team", "value": "x"}],
        "TagFilter": [{"tag_key": "owner", "tag_values": ["a", "b"]}],
    }
    request = PROTOCOLS["rpc"].build_request(
        service_spec("rpc"), operation, params, "https", "ecs.example", "acs3-hmac-sha256", {}
    )
    official = ecs.ListTagResourcesRequest(
        region_id="cn-hangzhou",
        resource_type="instance",
        tag=[
            ecs.ListTagResourcesRequestTag(key="env", value="prod"),
            ecs.ListTagResourcesRequestTag(key="team", value="x"),
        ],
        tag_filter=[ecs.ListTagResourcesRequestTagFilter(tag_key="owner", tag_values=["a", "b"])],
    )
    query = {
        "RegionId": official.region_id,
        "ResourceType": official.resource_type,
        "Tag": official.tag,
        "TagFilter": official.tag_filter,
    }
    assert Counter(request.query) == Counter(AlibabaUtils.query(query).items())


def test_a_json_body_nests_structures_with_wire_names() -> None:
    operation: OperationSpec[Any] = OperationSpec(
        name="CreateWidget",
        method="POST",
        path="/v1/widgets",
        response="unused",
        locations={"widget": "body", "tags": "body", "metadata": "body"},
        structures={
            "widget": Structure("widget", OUTER),
            "tags": Structure("tags", TAG, "array"),
        },
    )
    params = {
        "widget": {"id": "w-1", "inners": [{"name": "a"}], "by_zone": {"z": {"sizes": [1]}}},
        "tags": [Tag(key="k", value="v")],
        "metadata": {"free": "form"},
    }
    request = PROTOCOLS["rest-json"].build_request(
        service_spec("rest-json", "huawei-json", "huawei-token"),
        operation,
        params,
        "https",
        "demo.example",
        "huawei-token",
        {},
    )
    assert json.loads(request.body) == {
        "widget": {"Id": "w-1", "Inners": [{"Name": "a"}], "ByZone": {"z": {"Sizes": [1]}}},
        "tags": [{"Key": "k", "Value": "v"}],
        "metadata": {"free": "form"},
    }
    assert request.headers["content-type"] == "application/json"


def _list_tag_resources() -> OperationSpec[Any]:
    return OperationSpec(
        name="ListTagResources",
        method="POST",
        path="/",
        response="unused",
        locations={n: "query" for n in ("RegionId", "ResourceType", "Tag", "TagFilter")},
        styles={"Tag": "repeat-list", "TagFilter": "repeat-list"},
        structures={
            "Tag": Structure("tag", TAG, "array"),
            "TagFilter": Structure("tag_filter", TAG_FILTER, "array"),
        },
        action="ListTagResources",
    )


def test_rpc_writes_booleans_as_the_official_sdk_does() -> None:
    """tea-openapi's ``Utils.query`` writes a scalar with ``str()``: ``True``/``False``, in
    plain parameters and inside structures; JSON keeps ``true``."""
    flags = RequestShape("Flags", {"name": "Name", "enabled": "Enabled"})
    operation: OperationSpec[Any] = OperationSpec(
        name="SetFlags",
        method="POST",
        path="/",
        response="unused",
        locations={"DryRun": "query", "Flag": "query", "Json": "query"},
        styles={"Flag": "repeat-list", "Json": "json"},
        structures={
            "Flag": Structure("flag", flags, "array"),
            "Json": Structure("json", flags, "array"),
        },
    )
    flag = [{"name": "a", "enabled": True}, {"name": "b", "enabled": False}]
    request = PROTOCOLS["rpc"].build_request(
        service_spec("rpc"),
        operation,
        {"DryRun": True, "Flag": flag, "Json": flag},
        "https",
        "ecs.example",
        "acs3-hmac-sha256",
        {},
    )
    wire = [{"Name": "a", "Enabled": True}, {"Name": "b", "Enabled": False}]
    official = AlibabaUtils.query(
        {
            "DryRun": True,
            "Flag": wire,
            "Json": AlibabaUtils.array_to_string_with_specified_style(wire, "Json", "json"),
        }
    )
    assert Counter(request.query) == Counter(official.items())
    assert ("Flag.2.Enabled", "False") in request.query
