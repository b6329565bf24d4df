"""Decoding: XML safe against entity tricks, and the same result on either parser path;
unknown fields and elements kept; one-element lists shown as an object; and every body that
does not decode raising DecodeError, with a short redacted excerpt and no secret anywhere.

``parse_xml`` sends a document without ``<!`` to the C ``xml.etree.ElementTree`` parser and
every other one to defusedxml; both must build the same tree and the same model.
"""

from __future__ import annotations

import pickle
import subprocess
import sys
import traceback
import xml.etree.ElementTree as ET
from datetime import UTC, datetime
from pathlib import Path

import pytest
import yaml
from defusedxml import DefusedXmlException
from defusedxml import ElementTree as DefusedET
from pydantic import BaseModel, ConfigDict, Field

from sdk_runtime.decoding import _element_to_dict, decode, parse_xml
from sdk_runtime.errors import ClientError, DecodeError
from sdk_runtime.http import HttpResponse
from sdk_runtime.model import ResponseModel
from sdk_runtime.redaction import secret_forms

PROJECT = Path(__file__).resolve().parents[2]


class Pool(ResponseModel):
    name: str | None = Field(None, alias="Name")
    create_time: datetime | None = Field(None, alias="CreateTime")
    tags: list[str] | None = Field(None, alias="Tag")


class Pools(ResponseModel):
    region: str | None = Field(None, alias="Region")
    is_truncated: bool | None = Field(None, alias="IsTruncated")
    resource_pool: list[Pool] | None = Field(None, alias="ResourcePool")


class RootedPools(Pools):
    """With its XML root documented, as the generator writes a spec's ``xml_root``."""

    model_config = ConfigDict(json_schema_extra={"xml": {"name": "ListResourcePoolsResult"}})


class Required(ResponseModel):
    request_id: str = Field(alias="RequestId")


class PlainPools(BaseModel):
    """A model not derived from ResponseModel: pydantic's own errors repeat the input."""

    is_truncated: bool | None = Field(None, alias="IsTruncated")


def _decode(body: bytes) -> Pools:
    return decode(HttpResponse(200, {}, body), Pools)


def _decode_error(
    body: bytes,
    model: type[BaseModel] = Pools,
    secrets: tuple[str, ...] = (),
    headers: dict[str, str] | None = None,
    body_format: str | None = None,
) -> DecodeError:
    response = HttpResponse(200, headers or {}, body)
    with pytest.raises(DecodeError) as caught:
        decode(response, model, secrets, "ListResourcePools", body_format)
    return caught.value


def _xml_examples() -> list[bytes]:
    """Every XML response example in the specs (OSS and CloudSSO pages)."""
    bodies = []
    for path in sorted((PROJECT / "specs").rglob("*.yaml")):
        spec = yaml.safe_load(path.read_text(encoding="utf-8"))
        for example in (spec or {}).get("examples") or []:
            if example.get("kind") == "response" and example.get("format") == "xml":
                bodies.append(example["text"].encode())
    return bodies


XML_EXAMPLES = _xml_examples()
BENCH_LIKE = (
    b'<?xml version="1.0" encoding="UTF-8"?>\n<ListResourcePoolsResult>\n'
    b"  <Region>oss-cn-hangzhou</Region>\n  <IsTruncated>true</IsTruncated>\n"
    + b"".join(
        b"  <ResourcePool>\n    <Name>pool-&lt;%d&gt;&#65;</Name>\n"
        b"    <CreateTime>2024-11-29T08:42:32.000Z</CreateTime>\n  </ResourcePool>\n" % i
        for i in range(3)
    )
    + "  <Owner>桶 é</Owner>\n</ListResourcePoolsResult>\n".encode()
)


# --------------------------------------------------------------------------- safety

BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
]>
<ListResourcePoolsResult><Region>&lol4;</Region></ListResourcePoolsResult>"""


def test_billion_laughs_is_rejected() -> None:
    error = _decode_error(BILLION_LAUGHS)
    assert "unsafe XML refused (EntitiesForbidden)" in str(error)


def test_external_entity_is_rejected(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("do-not-read")
    body = (
        f'<!DOCTYPE r [<!ENTITY ext SYSTEM "{secret.as_uri()}">]>'
        "<ListResourcePoolsResult><Region>&ext;</Region></ListResourcePoolsResult>"
    ).encode()
    error = _decode_error(body)
    assert "unsafe XML refused" in str(error)
    assert "do-not-read" not in str(error)


def test_doctype_declaring_entities_is_rejected() -> None:
    body = b'<!DOCTYPE r [<!ENTITY e "x">]><ListResourcePoolsResult/>'  # declared, unused
    assert "unsafe XML refused" in str(_decode_error(body))


def test_entities_in_utf16_are_rejected() -> None:
    body = '<!DOCTYPE r [<!ENTITY e "x">]><r>&e;</r>'.encode("utf-16-le")  # "<\0!\0"
    with pytest.raises(DefusedXmlException):
        parse_xml(body)


def test_external_dtd_is_never_loaded(tmp_path: Path) -> None:
    dtd = tmp_path / "x.dtd"
    dtd.write_text('<!ENTITY ext "from-the-dtd">')
    body = (
        f'<!DOCTYPE ListResourcePoolsResult SYSTEM "{dtd.as_uri()}">'
        "<ListResourcePoolsResult><Region>&ext;</Region></ListResourcePoolsResult>"
    ).encode()
    try:
        result = _decode(body)
    except DecodeError:
        return
    assert result.region != "from-the-dtd"


def test_undeclared_entity_without_doctype_is_a_parse_error() -> None:
    body = b"<ListResourcePoolsResult><Region>&ext;</Region></ListResourcePoolsResult>"
    with pytest.raises(ET.ParseError):
        parse_xml(body)
    assert "malformed XML: undefined entity" in str(_decode_error(body))


def test_plain_documents_do_not_import_defusedxml() -> None:
    code = (
        "import sys\n"
        "from sdk_runtime.decoding import parse_xml\n"
        "assert parse_xml(b'<?xml version=\"1.0\"?><a><b>&lt;x</b></a>').find('b').text == '<x'\n"
        "assert 'defusedxml' not in sys.modules\n"
        "parse_xml(b'<a><![CDATA[x]]></a>')\n"
        "assert 'defusedxml' in sys.modules\n"
    )
    subprocess.run([sys.executable, "-c", code], cwd=PROJECT, check=True)


# --------------------------------------------------------------------------- same result


def test_cdata_and_comments_are_decoded() -> None:
    body = (
        b"<ListResourcePoolsResult><!-- note --><Region><![CDATA[a<b&c]]></Region>"
        b"<ResourcePool><Name><![CDATA[ pool ]]></Name></ResourcePool>"
        b"</ListResourcePoolsResult>"
    )
    result = _decode(body)
    assert result.region == "a<b&c"
    assert result.resource_pool == [Pool(name="pool")]


def test_default_namespace_is_decoded_by_local_name() -> None:
    for prefix in (b"", b"<!-- via defusedxml -->"):
        body = prefix + (
            b'<ListResourcePoolsResult xmlns="http://doc.oss-cn-hangzhou.aliyuncs.com">'
            b"<Region>oss-cn-hangzhou</Region><IsTruncated>false</IsTruncated>"
            b"<ResourcePool><Name>p</Name><CreateTime>2024-11-29T08:42:32Z</CreateTime>"
            b"</ResourcePool></ListResourcePoolsResult>"
        )
        assert _decode(body) == Pools(
            region="oss-cn-hangzhou",
            is_truncated=False,
            resource_pool=[
                Pool(name="p", create_time=datetime(2024, 11, 29, 8, 42, 32, tzinfo=UTC))
            ],
        )


def test_single_item_is_a_list_of_one_and_unknown_elements_are_kept() -> None:
    body = b"<R><Region>r</Region><Other>x</Other><ResourcePool><Name>a</Name></ResourcePool></R>"
    result = _decode(body)
    assert (result.region, result.resource_pool) == ("r", [Pool(name="a")])
    assert result.model_extra == {"Other": "x"}


@pytest.mark.parametrize("body", [*XML_EXAMPLES, BENCH_LIKE], ids=lambda b: b[60:100].decode())
def test_both_parsers_build_identical_trees(body: bytes) -> None:
    assert b"<!" not in body  # the fast path
    fast, defused = parse_xml(body), DefusedET.fromstring(body)
    assert ET.tostring(fast) == ET.tostring(defused)
    assert _element_to_dict(fast, Pools) == _element_to_dict(defused, Pools)


@pytest.mark.parametrize("body", [*XML_EXAMPLES, BENCH_LIKE], ids=lambda b: b[60:100].decode())
def test_both_paths_decode_identically(body: bytes) -> None:
    via_defusedxml = body.replace(b"?>", b"?><!-- force defusedxml -->", 1)
    if via_defusedxml == body:
        via_defusedxml = b"<!-- force defusedxml -->" + body
    fast, defused = _decode(body), _decode(via_defusedxml)
    assert fast.model_dump_json() == defused.model_dump_json()
    assert fast.model_fields_set == defused.model_fields_set


def test_oss_examples_are_present() -> None:
    assert any(b"<ListResourcePoolsResult>" in body for body in XML_EXAMPLES)
    assert _decode(BENCH_LIKE).resource_pool == [
        Pool(name=f"pool-<{i}>A", create_time=datetime(2024, 11, 29, 8, 42, 32, tzinfo=UTC))
        for i in range(3)
    ]


# --------------------------------------------------------------------------- unknown fields


def test_unknown_json_fields_are_kept_in_model_extra() -> None:
    body = (
        b'{"Region": "r", "Undocumented": {"a": [1, 2]}, "Flag": true,'
        b' "ResourcePool": [{"Name": "p", "Since": "2024"}]}'
    )
    result = _decode(body)
    assert result.region == "r"
    assert result.model_extra == {"Undocumented": {"a": [1, 2]}, "Flag": True}
    assert result.resource_pool is not None
    assert result.resource_pool[0].model_extra == {"Since": "2024"}
    assert result.model_dump(by_alias=True, exclude_unset=True)["Undocumented"] == {"a": [1, 2]}


def test_unknown_xml_elements_are_kept_in_model_extra() -> None:
    body = (
        b'<ListResourcePoolsResult xmlns="http://doc.oss-cn-hangzhou.aliyuncs.com">'
        b"<Region>r</Region>"
        b"<Leaf> text </Leaf><Empty/>"
        b"<Box><Size>3</Size><Item>a</Item><Item>b</Item><Deep><Er>x</Er></Deep></Box>"
        b"<Again>1</Again><Again>2</Again><Again>3</Again>"
        b"<ResourcePool><Name>p</Name><Quota>5</Quota></ResourcePool>"
        b"</ListResourcePoolsResult>"
    )
    for variant in (body, b"<!-- via defusedxml -->" + body):
        result = _decode(variant)
        assert result.region == "r"
        assert result.model_extra == {
            "Leaf": "text",
            "Empty": "",
            "Box": {"Size": "3", "Item": ["a", "b"], "Deep": {"Er": "x"}},
            "Again": ["1", "2", "3"],
        }
        assert result.resource_pool is not None
        assert result.resource_pool[0].model_extra == {"Quota": "5"}


def test_an_unknown_name_like_an_attribute_stays_extra() -> None:
    """Keys are wire names, as in JSON: ``<region>`` beside ``<Region>`` is not the field."""
    result = _decode(b"<R><Region>a</Region><region>b</region></R>")
    assert result.region == "a"
    assert result.model_extra == {"region": "b"}
    assert _decode(b'{"Region": "a", "region": "b"}') == result


# --------------------------------------------------------------------------- one-element lists


def test_a_json_list_given_as_one_object_is_a_list_of_one() -> None:
    body = b'{"Region": "r", "ResourcePool": {"Name": "p", "Tag": "only"}}'
    result = _decode(body)
    assert result.resource_pool == [Pool(name="p", tags=["only"])]
    # nested inside a list that is given properly, too
    body = b'{"ResourcePool": [{"Name": "a", "Tag": "x"}, {"Name": "b", "Tag": ["y", "z"]}]}'
    assert _decode(body).resource_pool == [
        Pool(name="a", tags=["x"]),
        Pool(name="b", tags=["y", "z"]),
    ]


def test_a_list_of_one_that_still_does_not_match_is_a_decode_error() -> None:
    error = _decode_error(b'{"ResourcePool": {"Name": "p", "CreateTime": "not a time"}}')
    assert "ResourcePool.0.CreateTime" in error.message
    error = _decode_error(b'{"ResourcePool": {"Name": "p"}, "IsTruncated": "perhaps"}')
    assert "IsTruncated" in error.message


# --------------------------------------------------------------------------- DecodeError


@pytest.mark.parametrize(
    ("body", "problem"),
    [
        (b"not json at all", "Invalid JSON"),
        (b'{"Region": "r",', "Invalid JSON"),
        (b"\xff\xfe\x00garbage", "Invalid JSON"),
        (b'{"IsTruncated": "perhaps"}', "IsTruncated: Input should be a valid boolean"),
        (b'{"ResourcePool": [{"CreateTime": "yesterday"}]}', "ResourcePool.0.CreateTime"),
        (b'{"ResourcePool": "none"}', "ResourcePool.0"),
        (b"[1, 2]", "the body is a JSON array, not an object"),
        (b'"text"', "the body is a JSON string, not an object"),
        (b"null", "the body is a JSON null, not an object"),
        (b"42", "the body is a JSON number, not an object"),
        (b"<R><IsTruncated>perhaps</IsTruncated></R>", "IsTruncated: Input should be a valid"),
        (b"<R><Region>r</R>", "malformed XML: mismatched tag"),
        (b"<html><body><p>Bad gateway</body></html>", "malformed XML"),
        (b'<?xml version="1.0" encoding="x-unknown"?><R/>', "malformed XML"),
        (b"<R>" + b"<a>" * 5000 + b"</a>" * 5000 + b"</R>", "nested too deeply"),
    ],
    ids=lambda value: value[:24].decode("utf-8", "replace") if isinstance(value, bytes) else "",
)
def test_a_body_that_does_not_decode_raises_decode_error(body: bytes, problem: str) -> None:
    error = _decode_error(body, headers={"x-oss-request-id": "5C3D9175B6FC201293AD"})
    assert isinstance(error, ClientError)
    assert problem in error.message
    assert error.message.startswith("ListResourcePools: the response does not decode into Pools")
    assert str(error) == error.message and error.args == (error.message,)
    assert (error.operation, error.model, error.status_code) == ("ListResourcePools", "Pools", 200)
    assert error.request_id == "5C3D9175B6FC201293AD" and error.request_id in error.message
    assert error.__cause__ is None and error.__context__ is None
    assert error.body == body.decode("utf-8", "replace")[:200].encode()


def test_another_xml_root_than_the_documented_one_is_a_decode_error() -> None:
    ok = b"<ListResourcePoolsResult><Region>r</Region></ListResourcePoolsResult>"
    assert decode(HttpResponse(200, {}, ok), RootedPools).region == "r"
    namespaced = (
        b'<ListResourcePoolsResult xmlns="urn:x"><Region>r</Region></ListResourcePoolsResult>'
    )
    assert decode(HttpResponse(200, {}, namespaced), RootedPools).region == "r"
    error = _decode_error(b"<Error><Code>AccessDenied</Code></Error>", RootedPools)
    assert "the XML root element is <Error>, not <ListResourcePoolsResult>" in error.message


def test_an_empty_body_gives_the_defaults_unless_a_field_is_required() -> None:
    assert _decode(b"") == Pools()
    assert _decode(b" \r\n") == Pools()
    error = _decode_error(b"", Required)
    assert "the body is empty: RequestId: Field required" in error.message
    assert error.body == b""


SECRET = "STS.secret/token+with=chars"
SECRETS = secret_forms([SECRET])


def _everything_raised(error: BaseException) -> list[str]:
    """Every text a program, a log handler or a pickle could get out of ``error``."""
    texts = [str(error), repr(error), "".join(traceback.format_exception(error))]
    texts += [repr(arg) for arg in error.args] + [repr(v) for v in vars(error).values()]
    texts.append(pickle.dumps(error).decode("latin-1"))
    chained: BaseException | None = error
    while chained is not None:
        texts += [str(chained), repr(chained)]
        chained = chained.__cause__ or chained.__context__
    return texts


def _assert_no_secret(error: BaseException) -> None:
    for text in _everything_raised(error):
        for form in SECRETS:
            assert form not in text, f"{form!r} leaked in {text[:300]!r}"


@pytest.mark.parametrize(
    "body",
    [
        f'{{"IsTruncated": "{SECRET}"}}'.encode(),  # pydantic's own text would repeat it
        f'{{"IsTruncated": "{SECRET}",'.encode(),
        f"<R><IsTruncated>{SECRET}</IsTruncated></R>".encode(),
        f"<R><Region>{SECRET}</R>".encode(),
        f'[{{"Region": "{SECRET}"}}]'.encode(),
    ],
    ids=["json-type", "json-syntax", "xml-type", "xml-syntax", "json-array"],
)
@pytest.mark.parametrize("model", [Pools, PlainPools])
def test_no_secret_in_anything_raised(body: bytes, model: type[BaseModel]) -> None:
    error = _decode_error(body, model, SECRETS, {"x-acs-request-id": f"id-{SECRET}"})
    assert error.__cause__ is None and error.__context__ is None
    assert "****" in error.message and b"****" in error.body
    _assert_no_secret(error)
    copy = pickle.loads(pickle.dumps(error))
    assert (type(copy), copy.message, copy.body) == (DecodeError, error.message, error.body)
    assert (copy.status_code, copy.request_id) == (200, "id-****")


def test_the_excerpt_is_at_most_200_characters_redacted() -> None:
    # the secret straddles the 200th character: masked before the body is cut
    body = ("é" * 190 + SECRET + "x" * 500).encode()
    error = _decode_error(body, secrets=SECRETS)
    excerpt = error.body.decode()
    assert excerpt == "é" * 190 + "****" + "x" * 6
    assert len(excerpt) == 200
    assert f"body starts: {excerpt!r}" in error.message
    assert len(error.message) < 200 + 200  # the excerpt and a short account of the problem
    _assert_no_secret(error)
    # the percent-encoded form, as a service echoing a query would write it
    encoded = "%2F".join(SECRET.split("/")).replace("+", "%2B").replace("=", "%3D")
    _assert_no_secret(_decode_error(f"oops {encoded}".encode(), secrets=SECRETS))


def test_a_short_body_is_quoted_whole() -> None:
    error = _decode_error(b"Service Unavailable")
    assert error.message.endswith("; body: 'Service Unavailable'")


def test_a_protocol_with_one_body_format_reads_only_that_one() -> None:
    """A REST-JSON service's error page in HTML is no XML answer (it would decode as an
    empty model with extras); a REST-XML answer in JSON is no JSON answer."""
    html = b"<html><body><p>Bad gateway</p></body></html>"
    assert _decode(html).model_extra == {"body": {"p": "Bad gateway"}}  # sniffed: XML
    error = _decode_error(html, body_format="json")
    assert "Invalid JSON" in error.message
    error = _decode_error(b'{"Region": "r"}', body_format="xml")
    assert "malformed XML: not well-formed" in error.message
    response = HttpResponse(200, {}, b'{"Region": "r"}')
    assert decode(response, Pools, body_format="json").region == "r"
    response = HttpResponse(200, {}, b"<R><Region>r</Region></R>")
    assert decode(response, Pools, body_format="xml").region == "r"


# --------------------------------------------------------------------------- a body as a whole


class Log(ResponseModel):
    """One SLS log, as GetLogs answers it: its own keys beside the documented ones."""

    time: int | None = Field(None, alias="__time__")
    source: str | None = Field(None, alias="__source__")


class Logs(ResponseModel):
    """A response whose body is a bare JSON array (``response.payload: logs``)."""

    model_config = ConfigDict(json_schema_extra={"x-payload": "logs"})
    logs: list[Log] | None = None


class PoolsByRegion(ResponseModel):
    """A response whose body is a JSON object of dynamic keys (a map payload)."""

    model_config = ConfigDict(json_schema_extra={"x-payload": "regions"})
    regions: dict[str, list[Pool]] | None = None


GETLOGS_BODY = (
    b'[{"__time__": 1409529660, "__source__": "192.168.1.100", "Key1": "error", "Key2": "V2"},'
    b' {"__time__": 1409529680, "__source__": "192.168.1.100", "Key3": "error"}]'
)


def test_a_json_array_body_decodes_into_its_payload_field() -> None:
    result = decode(HttpResponse(200, {}, GETLOGS_BODY), Logs, (), "GetLogs", "json")
    assert result.logs is not None
    assert [(log.time, log.source) for log in result.logs] == [
        (1409529660, "192.168.1.100"),
        (1409529680, "192.168.1.100"),
    ]
    # the log's own keys are kept, as every undocumented field is
    assert result.logs[0].model_extra == {"Key1": "error", "Key2": "V2"}
    assert result.logs[1].Key3 == "error"  # type: ignore[attr-defined]
    assert result.model_dump(by_alias=True)["logs"][1] == {
        "__time__": 1409529680,
        "__source__": "192.168.1.100",
        "Key3": "error",
    }
    assert decode(HttpResponse(200, {}, b"[]"), Logs).logs == []
    assert decode(HttpResponse(200, {}, b""), Logs).logs is None


def test_a_json_object_body_decodes_into_its_map_payload() -> None:
    body = b'{"cn-hangzhou": [{"Name": "a", "Tag": ["x"]}], "cn-beijing": []}'
    result = decode(HttpResponse(200, {}, body), PoolsByRegion)
    assert result.regions == {"cn-hangzhou": [Pool(name="a", tags=["x"])], "cn-beijing": []}


def test_a_single_item_inside_an_array_payload_is_a_list_of_one() -> None:
    class Listed(ResponseModel):
        model_config = ConfigDict(json_schema_extra={"x-payload": "pools"})
        pools: list[Pool] | None = None

    result = decode(HttpResponse(200, {}, b'[{"Name": "a", "Tag": "only"}]'), Listed)
    assert result.pools == [Pool(name="a", tags=["only"])]


@pytest.mark.parametrize(
    ("body", "model", "problem"),
    [
        (b'{"logs": []}', Logs, "the body is a JSON object, not an array"),
        (b'"text"', Logs, "the body is a JSON string, not an array"),
        (b"null", Logs, "the body is a JSON null, not an array"),
        (b"7", Logs, "the body is a JSON number, not an array"),
        (b"[1, 2]", PoolsByRegion, "the body is a JSON array, not an object"),
        (b'[{"__time__": "soon"}]', Logs, "logs.0.__time__: Input should be a valid integer"),
        (b"[1]", Logs, "logs.0: Input should be a valid dictionary"),
        (b'[{"__time__": 1},', Logs, "Invalid JSON: Expecting value at line 1 column 18"),
        (b"\xff\xfe\x00[", Logs, "Invalid JSON"),
    ],
    ids=lambda value: value[:24].decode("utf-8", "replace") if isinstance(value, bytes) else "",
)
def test_a_payload_body_of_another_kind_raises_decode_error(
    body: bytes, model: type[BaseModel], problem: str
) -> None:
    headers = {"x-log-requestid": "60AC5164947E71A31F55D8D0"}
    with pytest.raises(DecodeError) as caught:
        decode(HttpResponse(200, headers, body), model, (), "GetLogs", "json")
    error = caught.value
    assert problem in error.message, error.message
    assert error.message.startswith(f"GetLogs: the response does not decode into {model.__name__}")
    assert error.request_id == "60AC5164947E71A31F55D8D0"
    assert error.__cause__ is None and error.__context__ is None


# --------------------------------------------------------------------------- collections


class Volume(ResponseModel):
    """Lists of lists, maps of lists (of scalars and of shapes), and a name with ``:``."""

    host: str | None = Field(None, alias="os-vol-host-attr:host")
    grid: list[list[int]] | None = None
    labels: dict[str, list[str]] | None = None
    pools: dict[str, list[Pool]] | None = None
    tags: dict[str, str] | None = None


def test_nested_collections_and_names_with_a_colon_decode_from_json() -> None:
    body = (
        b'{"os-vol-host-attr:host": "pod01.xxx#SSD", "grid": [[1, 2], [], [3]],'
        b' "labels": {"env": ["prod", "eu"], "none": []},'
        b' "pools": {"a": [{"Name": "p", "Since": "2024"}]}, "tags": {"k": "v"},'
        b' "os-vol-tenant-attr:tenant_id": "dd14"}'
    )
    result = decode(HttpResponse(200, {}, body), Volume, body_format="json")
    assert result.host == "pod01.xxx#SSD"
    assert result.grid == [[1, 2], [], [3]]
    assert result.labels == {"env": ["prod", "eu"], "none": []}
    assert result.pools is not None and result.pools["a"][0].name == "p"
    assert result.pools["a"][0].model_extra == {"Since": "2024"}
    assert result.tags == {"k": "v"}
    assert result.model_extra == {"os-vol-tenant-attr:tenant_id": "dd14"}
    dumped = result.model_dump(by_alias=True, exclude_none=True)
    assert dumped["os-vol-host-attr:host"] == "pod01.xxx#SSD"
    assert Volume.model_validate(dumped) == result


@pytest.mark.parametrize(
    ("body", "problem"),
    [
        (b'{"grid": [1, 2]}', "grid.0: Input should be a valid array"),
        (b'{"grid": [["x"]]}', "grid.0.0: Input should be a valid integer"),
        (b'{"labels": {"env": "prod"}}', "labels.env: Input should be a valid array"),
        (b'{"os-vol-host-attr:host": ["a"]}', "os-vol-host-attr:host: Input should be a valid"),
    ],
)
def test_a_nested_collection_of_the_wrong_kind_is_a_decode_error(body: bytes, problem: str) -> None:
    with pytest.raises(DecodeError) as caught:
        decode(HttpResponse(200, {}, body), Volume, (), "ListVolumes", "json")
    assert problem in caught.value.message


class Labelled(ResponseModel):
    """Maps as XML carries them: an element whose children's names are the keys."""

    labels: dict[str, list[str]] | None = Field(None, alias="Labels")
    tags: dict[str, str] | None = Field(None, alias="Tags")
    pools: dict[str, Pool] | None = Field(None, alias="Pools")
    tag_sets: list[dict[str, str]] | None = Field(None, alias="TagSet")


def test_maps_decode_from_xml_as_from_json() -> None:
    xml = (
        b"<R><Labels><env>prod</env><env>eu</env><tier>web</tier></Labels>"
        b'<Tags xmlns="urn:tags"><k>v</k><empty/></Tags>'
        b"<Pools><a><Name>p</Name><Tag>x</Tag><Since>2024</Since></a></Pools>"
        b"<TagSet><a>1</a></TagSet><TagSet><b>2</b></TagSet></R>"
    )
    expected = Labelled(
        labels={"env": ["prod", "eu"], "tier": ["web"]},
        tags={"k": "v", "empty": ""},
        pools={"a": Pool(name="p", tags=["x"], Since="2024")},
        tag_sets=[{"a": "1"}, {"b": "2"}],
    )
    for body in (xml, b"<!-- via defusedxml -->" + xml):
        assert decode(HttpResponse(200, {}, body), Labelled, body_format="xml") == expected
    json_body = (
        b'{"Labels": {"env": ["prod", "eu"], "tier": ["web"]}, "Tags": {"k": "v", "empty": ""},'
        b' "Pools": {"a": {"Name": "p", "Tag": ["x"], "Since": "2024"}},'
        b' "TagSet": [{"a": "1"}, {"b": "2"}]}'
    )
    assert decode(HttpResponse(200, {}, json_body), Labelled) == expected


def test_a_list_of_lists_in_xml_keeps_its_rows_as_unknown_elements() -> None:
    """XML has no element names for the rows of a list of lists: the spec check refuses such
    fields on rest-xml operations; a row the model cannot place is kept, never dropped, and
    never mistaken for the field."""
    body = b"<R><Region>r</Region><Rows><Row>1</Row><Row>2</Row></Rows></R>"
    result = _decode(body)
    assert result.region == "r" and result.model_extra == {"Rows": {"Row": ["1", "2"]}}
