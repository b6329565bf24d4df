"""The OpenAPI documents in generated/ are valid OpenAPI 3.1 and say what the specs say.

The specs are read here as plain YAML, not through the generator, so the check is independent
of the code that wrote the documents.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import yaml
from openapi_spec_validator import validate

from generator.openapi import _security_scheme
from sdk_runtime.protocols import ERROR_FORMATS, ErrorBody, ErrorFormat
from sdk_runtime.signing import SIGNERS

PROJECT = Path(__file__).resolve().parents[2]
DOCUMENTS = sorted((PROJECT / "generated").glob("*/*/openapi.json"))
SCALARS: dict[str, dict[str, str]] = {
    "string": {"type": "string"},
    "integer": {"type": "integer", "format": "int32"},
    "long": {"type": "integer", "format": "int64"},
    "number": {"type": "number"},
    "boolean": {"type": "boolean"},
    "datetime": {"type": "string", "format": "date-time"},
}


def _yaml(path: Path) -> Any:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def _specs(document: Path) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    folder = PROJECT / "specs" / document.parent.relative_to(PROJECT / "generated")
    operations = [_yaml(p) for p in sorted(folder.glob("*.yaml")) if p.name != "service.yaml"]
    return _yaml(folder / "service.yaml"), operations


def _schema(raw: dict[str, Any]) -> dict[str, Any]:
    """The JSON Schema a spec type should become."""
    kind = raw.get("type", "object" if "shape" in raw else "string")
    if kind == "object":
        return {"$ref": f"#/components/schemas/{raw['shape']}"}
    if kind == "array":
        return {"type": "array", "items": _schema(raw["items"])}
    if kind == "map":
        return {"type": "object", "additionalProperties": _schema(raw["values"])}
    return dict(SCALARS[kind])


def _operation(document: dict[str, Any], name: str) -> tuple[str, str, dict[str, Any]]:
    found = [
        (path, method, op)
        for path, item in document["paths"].items()
        for method, op in item.items()
        if op["operationId"] == name
    ]
    assert len(found) == 1, f"{name}: {len(found)} operations"
    return found[0]


def test_there_is_one_document_per_service() -> None:
    """One per service folder of specs/ (a folder with a service.yaml), the seeds among them."""
    services = sorted(
        path.parent.relative_to(PROJECT / "specs").as_posix()
        for path in (PROJECT / "specs").rglob("service.yaml")
    )
    documents = [d.parent.relative_to(PROJECT / "generated").as_posix() for d in DOCUMENTS]
    assert sorted(documents) == services
    assert {
        "alibabacloud/cloudsso",
        "alibabacloud/ens",
        "alibabacloud/oss",
        "huaweicloud/ga",
    } <= set(documents)


@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda p: p.parent.name)
def test_document_is_valid_openapi(path: Path) -> None:
    document = json.loads(path.read_text(encoding="utf-8"))
    assert document["openapi"].startswith("3.1")
    validate(document)


@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda p: p.parent.name)
def test_document_matches_the_specs(path: Path) -> None:
    document = json.loads(path.read_text(encoding="utf-8"))
    service, operations = _specs(path)
    assert document["info"]["version"] == (service["api_version"] or "unversioned")
    assert document["servers"][0]["url"] == service["endpoint"]["url"]
    assert set(document["components"]["securitySchemes"]) == set(service["signing"]["schemes"])
    schemas = document["components"]["schemas"]
    operation_count = sum(len(item) for item in document["paths"].values())
    assert operation_count == len(operations)
    for spec in operations:
        name = spec["operation"]
        path_key, method, op = _operation(document, name)
        request = spec["request"]
        if service["protocol"] == "rpc":
            assert (path_key, method) == (f"/?Action={request.get('action', name)}", "post")
        else:
            flags = [f["name"] for f in spec.get("fixed_parameters", []) if f["value"] == ""]
            assert path_key == request["path"] + ("?" + "&".join(flags) if flags else "")
            assert method == request["method"].lower()
        assert op["summary"] == spec["summary"].strip()

        # parameters: every documented one but the credentials the signer sends and the
        # labels of the host name (variables of the operation's own server)
        wanted = [p for p in spec["parameters"] if not p.get("credential") and p["in"] != "host"]
        got = op["parameters"]
        host = [p["name"] for p in spec["parameters"] if p["in"] == "host"]
        if "host_prefix" in request:
            (server,) = op["servers"]
            scheme, rest = service["endpoint"]["url"].split("://")
            assert server["url"] == f"{scheme}://{request['host_prefix']}{rest}"
            assert list(server["variables"])[: len(host)] == host
        else:
            assert "servers" not in op and host == []
        assert [(p["name"], p["in"]) for p in got] == [(p["name"], p["in"]) for p in wanted]
        for mine, theirs in zip(got, wanted, strict=True):
            assert mine["required"] == (theirs["required"] or theirs["in"] == "path")
            expected = _schema(theirs)
            for key in ("default", "minimum", "maximum"):
                if key in theirs:
                    expected[key] = theirs[key]
            if "enum" in theirs:  # a JSON Schema enum only where the page closes the list
                expected["enum" if theirs.get("enum_closed") else "x-documented-values"] = theirs[
                    "enum"
                ]
            assert mine["schema"] == expected, (name, theirs["name"])

        # response and shapes, field by field, in the documented order
        response = spec["response"]
        status = str(response.get("status", 200))
        ref = op["responses"][status]["content"]
        (media,) = ref
        assert media == (
            "application/xml" if service["protocol"] == "rest-xml" else "application/json"
        )
        payload = response.get("payload")
        if payload is None:
            assert ref[media]["schema"] == {"$ref": f"#/components/schemas/{name}Response"}
        else:  # the body is that field as a whole; the model schema names it
            (field,) = [f for f in response["fields"] if f["name"] == payload]
            body_schema = dict(ref[media]["schema"])
            body_schema.pop("description", None)
            assert body_schema == _schema(field)
            assert schemas[f"{name}Response"]["x-payload"] == payload
        in_headers = [f for f in response["fields"] if f.get("location") == "header"]
        headers = op["responses"][status].get("headers", {})
        assert list(headers) == [f["name"] for f in in_headers]
        for field in in_headers:
            header_schema = dict(headers[field["name"]]["schema"])
            assert header_schema.pop("x-documented-values", None) == field.get("enum")
            assert header_schema == _schema(field)
        for schema_name, fields in [
            (f"{name}Response", [f for f in response["fields"] if f not in in_headers]),
            *((s, v["fields"]) for s, v in spec.get("shapes", {}).items()),
        ]:
            properties = schemas[schema_name]["properties"]
            assert list(properties) == [f["name"] for f in fields], schema_name
            for field in fields:
                prop = dict(properties[field["name"]])
                for extra in ("description", "examples", "x-documented-values"):
                    prop.pop(extra, None)
                assert prop == _schema(field), (schema_name, field["name"])
        if "xml_root" in response:
            assert schemas[f"{name}Response"]["xml"] == {"name": response["xml_root"]}

        # errors: one response per documented status
        statuses = {str(e["status"]) for e in spec["errors"]}
        assert set(op["responses"]) == {status} | statuses
        for error in spec["errors"]:
            assert error["code"] in op["responses"][str(error["status"])]["description"]

        # pagination and provenance
        paging = spec.get("pagination")
        if paging is None:
            assert "x-pagination" not in op
        else:
            schemes = paging if isinstance(paging, list) else [paging]
            documented = op["x-pagination"]
            assert (documented if isinstance(paging, list) else [documented]) == [
                {
                    "style": scheme["style"],
                    "inputToken": scheme.get("input_token"),
                    "outputToken": scheme.get("output_token"),
                    "moreResults": scheme.get("more_results"),
                    "totalCount": scheme.get("total_count"),
                    "items": scheme["items"],
                    "pageSize": scheme.get("page_size"),
                    **({"extraItems": scheme["extra_items"]} if "extra_items" in scheme else {}),
                    **(
                        {"lastItemToken": scheme["last_item_token"]}
                        if "last_item_token" in scheme
                        else {}
                    ),
                    **({"linkRel": scheme["link_rel"]} if "link_rel" in scheme else {}),
                    **(
                        {
                            "repeatWhile": scheme["repeat_while"],
                            "repeatValue": scheme["repeat_value"],
                        }
                        if "repeat_while" in scheme
                        else {}
                    ),
                }
                for scheme in schemes
            ]
        updated = spec["source"]["last_updated"]
        assert op["x-source"]["lastUpdated"] == (None if updated is None else str(updated))


# a format the runtime registers beside its own: the generator asks its entry for the body
DEMO_FORMAT = ErrorFormat(
    lambda response: ("", "", None), ErrorBody("application/problem+json", ("type", "title"))
)


def test_a_new_error_format_describes_its_own_error_body(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A new error format is its runtime entry: the generated document's ErrorBody schema
    and every error response's media type come from the entry's ``body``."""
    import dataclasses

    from generator.normalize import load_specs
    from generator.openapi import build_openapi, validate_openapi
    from sdk_runtime.registry import Registry

    specs = load_specs(PROJECT / "tests" / "generator" / "fixtures" / "valid" / "specs")
    service = dataclasses.replace(specs.services[0], error_format="demo-problem")
    formats: Registry[ErrorFormat] = Registry(
        "error format", {"demo-problem": f"{__name__}:DEMO_FORMAT"}
    )
    monkeypatch.setattr("sdk_runtime.protocols.ERROR_FORMATS", formats)
    document = build_openapi(service)
    validate_openapi(document, service.service)
    assert document["components"]["schemas"]["ErrorBody"] == {
        "type": "object",
        "properties": {"type": {"type": "string"}, "title": {"type": "string"}},
    }
    errors = [
        response
        for item in document["paths"].values()
        for op in item.values()
        for status, response in op["responses"].items()
        if status.startswith(("4", "5"))
    ]
    assert errors and all(list(r["content"]) == ["application/problem+json"] for r in errors)


@pytest.mark.parametrize("name", ERROR_FORMATS.names())
def test_each_error_format_describes_its_body(name: str) -> None:
    body = ERROR_FORMATS[name].body
    assert body.fields and body.media_type in ("application/xml", "application/json")
    assert (body.xml_root is not None) == (body.media_type == "application/xml")


def test_credential_parameters_become_security_schemes() -> None:
    """GA documents X-Auth-Token as a header parameter: it is the huawei-token scheme."""
    document = json.loads((PROJECT / "generated/huaweicloud/ga/openapi.json").read_text())
    _, _, op = _operation(document, "ListByoipPools")
    assert "X-Auth-Token" not in [p["name"] for p in op["parameters"]]
    token = document["components"]["securitySchemes"]["huawei-token"]
    assert (token["type"], token["in"], token["name"]) == ("apiKey", "header", "X-Auth-Token")


@pytest.mark.parametrize("scheme", SIGNERS.names())
def test_each_signing_scheme_describes_its_own_security_scheme(scheme: str) -> None:
    """A new scheme is its runtime module and registry entry: the generator asks the
    entry how the OpenAPI document shows it."""
    security = SIGNERS[scheme].security
    assert security.location in ("header", "query") and security.name and security.description
    assert _security_scheme(scheme) == {
        "type": "apiKey",
        "in": security.location,
        "name": security.name,
        "description": security.description,
    }


def test_host_labels_and_header_fields_in_openapi() -> None:
    """The host-page fixture tree: an operation's bucket is a variable of its own server,
    and response headers are response headers, not body properties (the model has both)."""
    from generator.models import models_input
    from generator.normalize import load_specs
    from generator.openapi import build_openapi, validate_openapi

    specs = load_specs(PROJECT / "tests" / "fixtures" / "host_pages" / "specs")
    oss = next(s for s in specs.services if s.service == "oss")
    document = build_openapi(oss)
    validate_openapi(document, "oss")
    path, _, op = _operation(document, "GetObjectMeta")
    # a greedy {key+} is an OpenAPI {key} whose "/" are kept (x-greedy)
    assert path == "/{key}?objectMeta"
    assert op["parameters"][0]["x-greedy"] is True
    assert op["servers"] == [
        {
            "url": "https://{bucket}.oss-{region}.aliyuncs.com",
            "variables": {
                "bucket": {"default": "bucket", "description": "The name of the bucket."},
                "region": {"default": "cn-hangzhou"},
            },
        }
    ]
    assert [p["name"] for p in op["parameters"]] == ["key"]
    headers = op["responses"]["200"]["headers"]
    assert headers["Content-Length"]["schema"] == {"type": "integer", "format": "int64"}
    assert headers["Last-Modified"]["schema"] == {"type": "string", "format": "date-time"}
    schemas = document["components"]["schemas"]
    assert schemas["GetObjectMetaResponse"]["properties"] == {}
    assert list(schemas["GetBucketInfoResponse"]["properties"]) == ["Bucket"]
    model_schemas = models_input(oss, document).document["components"]["schemas"]
    assert list(model_schemas["GetObjectMetaResponse"]["properties"]) == [
        "ETag",
        "Content-Length",
        "Last-Modified",
        "x-oss-request-id",
    ]


def test_rpc_form_bodies_and_flattened_objects_in_openapi() -> None:
    """The form-page fixture tree: an RPC body is a form whose members keep their wire
    style; an object flattened in the query is a ``$ref`` with ``x-wire-style: flat``."""
    from generator.normalize import load_specs
    from generator.openapi import build_openapi, validate_openapi

    specs = load_specs(PROJECT / "tests" / "fixtures" / "form_pages" / "specs")
    documents = {s.service: build_openapi(s) for s in specs.services}
    for name, document in documents.items():
        validate_openapi(document, name)
    _, _, op = _operation(documents["vpc"], "CreateVpnAttachment")
    form = op["requestBody"]["content"]["application/x-www-form-urlencoded"]["schema"]
    tunnels = form["properties"]["TunnelOptionsSpecification"]
    assert tunnels["x-wire-style"] == "repeat-list"
    assert tunnels["items"] == {"$ref": "#/components/schemas/TunnelOptionsSpecification"}
    _, _, op = _operation(documents["ecs"], "RunInstances")
    disk = next(p for p in op["parameters"] if p["name"] == "SystemDisk")
    assert (disk["schema"], disk["x-wire-style"]) == (
        {"$ref": "#/components/schemas/SystemDisk"},
        "flat",
    )
