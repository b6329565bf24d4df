"""XML decoding: safe against entity tricks, and the same result on either parser path.

``parse_xml`` sends a document without ``<!`` to the C ``xml.etree.ElementTree`` parser and
every other one to defusedxml; both must build the same tree and the same model.
"""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from datetime import UTC, datetime
from pathlib import Path

import pytest
import yaml
from defusedxml import DefusedXmlException
from defusedxml import ElementTree as DefusedET
from pydantic import BaseModel, ConfigDict, Field

from sdk_runtime.decoding import _element_to_dict, decode, parse_xml
from sdk_runtime.http import HttpResponse

PROJECT = Path(__file__).resolve().parents[2]


class Pool(BaseModel):
    model_config = ConfigDict(populate_by_name=True)
    name: str | None = Field(None, alias="Name")
    create_time: datetime | None = Field(None, alias="CreateTime")


class Pools(BaseModel):
    model_config = ConfigDict(populate_by_name=True)
    region: str | None = Field(None, alias="Region")
    is_truncated: bool | None = Field(None, alias="IsTruncated")
    resource_pool: list[Pool] | None = Field(None, alias="ResourcePool")


def _decode(body: bytes) -> Pools:
    return decode(HttpResponse(200, {}, body), Pools)


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
    with pytest.raises(DefusedXmlException):
        _decode(BILLION_LAUGHS)


def test_external_entity_is_rejected(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("do-not-read")
    body = (
        f'<!DOCTYPE r [<!ENTITY ext SYSTEM "{secret.as_uri()}">]>'
        "<ListResourcePoolsResult><Region>&ext;</Region></ListResourcePoolsResult>"
    ).encode()
    with pytest.raises(DefusedXmlException):
        _decode(body)


def test_doctype_declaring_entities_is_rejected() -> None:
    body = b'<!DOCTYPE r [<!ENTITY e "x">]><ListResourcePoolsResult/>'  # declared, unused
    with pytest.raises(DefusedXmlException):
        _decode(body)


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
    except (ET.ParseError, DefusedXmlException):
        return
    assert result.region != "from-the-dtd"


def test_undeclared_entity_without_doctype_is_a_parse_error() -> None:
    with pytest.raises(ET.ParseError):
        _decode(b"<ListResourcePoolsResult><Region>&ext;</Region></ListResourcePoolsResult>")


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


def test_single_item_is_a_list_of_one_and_unknown_elements_are_ignored() -> None:
    body = b"<R><Region>r</Region><Other>x</Other><ResourcePool><Name>a</Name></ResourcePool></R>"
    assert _decode(body) == Pools(region="r", resource_pool=[Pool(name="a")])


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
