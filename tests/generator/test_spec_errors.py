"""A broken spec fails with exact ``file:line: path: message`` lines, exit code 1, no traceback,
and leaves the output tree exactly as it was."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from generator.cli import main
from generator.errors import SpecError, SpecIssue
from generator.normalize import load_specs

PROJECT = Path(__file__).resolve().parents[2]
FIXTURES = Path(__file__).resolve().parent / "fixtures"
OP = "specs/huaweicloud/demo/ListWidgets.yaml"
SERVICE = "specs/huaweicloud/demo/service.yaml"
XML_OP = "specs/huaweicloud/demoxml/ListGadgets.yaml"
TYPES = "'string', 'integer', 'long', 'number', 'boolean', 'datetime', 'object', 'array', 'map'"
PARAMETER_KEYS = (
    "credential, default, deprecated, description, documented_type, enum, enum_closed, example, "
    "in, items, maximum, minimum, name, previous_names, required, shape, style, type, values"
)
METHODS = "'GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'HEAD'"
DANGLING = "unknown shape 'Widgets' (shapes: PageInfo, Widget)"
PLACEHOLDER = "placeholder {widget_id} names no path parameter"

EXPECTED: dict[str, list[str]] = {
    "invalid_yaml": [f"{OP}:3: invalid YAML: expected ',' or ']', but got ':'"],
    "enum_violation": [f"{OP}:26: parameters[2].type: expected one of {TYPES}, got 'strng'"],
    "missing_required_key": [f"{OP}:18: parameters[1]: missing required key 'documented_type'"],
    "unknown_key": [
        f"{OP}:24: parameters[1].maxLength: unknown key 'maxLength' (allowed: {PARAMETER_KEYS})",
    ],
    "wrong_type": [f"{OP}:22: parameters[1].required: expected true or false, got 'no'"],
    "duplicate_key": [f"{OP}:10: request.method: duplicate key"],
    "dangling_shape": [
        f"{OP}:34: response.fields[0].items.shape: {DANGLING}",
    ],
    "duplicate_service": [
        "specs/huaweicloud/demo-copy/service.yaml:3: service: service huaweicloud/demo is "
        "already defined by specs/huaweicloud/demo/service.yaml",
    ],
    "duplicate_operation": [
        "specs/huaweicloud/demo/ListWidgetsV2.yaml:1: operation: duplicate operation "
        f"'ListWidgets' (also in {OP})",
    ],
    "duplicate_parameter": [
        f"{OP}:30: parameters[3].name: duplicate parameter 'limit' (first at line 18)",
    ],
    "duplicate_python_name": [
        f"{OP}:55: shapes.PageInfo.fields[1].name: 'nextMarker' and 'next_marker' (line 51) "
        "are both 'next_marker' in Python",
    ],
    "pagination_no_parameter": [
        f"{OP}:59: pagination.input_token: 'next_marker' names no request parameter",
    ],
    "pagination_no_element": [
        f"{OP}:60: pagination.output_token: 'page_info.marker' names no response element",
    ],
    "pagination_items_not_array": [f"{OP}:61: pagination.items: 'page_info' is not an array"],
    # pagination checked against the runtime's styles (sdk_runtime.pagination.STYLES): the
    # keys each style needs and honours; one broken scheme per entry of a scheme list
    "pagination_styles": [
        f"{OP}:31: parameters[3].name: 'max_items' is the keyword that stops iter_<operation>(): "
        "a paginated operation cannot have a parameter of that name yet",
        f"{OP}:68: pagination[0].total_count: marker pagination does not use 'total_count'",
        f"{OP}:70: pagination[1].style: unknown pagination style 'cursor' (known: 'token', "
        "'marker', 'page-number', 'offset', 'next-link', 'repeat')",
        f"{OP}:72: pagination[2]: next-link pagination needs output_token",
        f"{OP}:72: pagination[2]: repeat_while and repeat_value go together",
        f"{OP}:78: pagination[3].last_item_token: 'name' names no field of the items",
        f"{OP}:80: pagination[3].extra_items[0]: 'page_info' is not an array",
    ],
    # response.url_encoded: the flag and the fields it decodes must be string elements
    "url_encoded_fields": [
        f"{OP}:33: response.url_encoded.when: 'encoding' names no response element",
        f"{OP}:34: response.url_encoded.fields[1]: 'widgets.name' names no response element",
        f"{OP}:34: response.url_encoded.fields[2]: 'page_info' is not a string",
    ],
    "path_placeholder": [f"{OP}:10: request.path: {PLACEHOLDER}"],
    # greedy {name+}: whole segments, one per path, a string
    "greedy_path": [
        f"{OP}:10: request.path: greedy placeholder {{project_id+}} must fill whole segments "
        "(/{project_id+} at the end of the path or before a /)",
        f"{OP}:10: request.path: only one greedy placeholder per path, got project_id, widget_path",
        f"{OP}:20: parameters[1].type: a greedy path parameter keeps its / as separators: "
        "type string",
    ],
    "credential_in_path": [
        f"{OP}:17: parameters[0].credential: a path parameter cannot be a credential yet",
    ],
    # values in the host name: request.host_prefix placeholders and `in: host` parameters
    "host_labels": [
        f"{OP}:12: request.host_prefix: placeholder {{bucket}} names no host parameter",
        f"{OP}:16: parameters[0].type: a host parameter is one DNS label: type string",
        f"{OP}:21: parameters[1].in: host parameter 'tenant' is not in request.host_prefix",
        f"{OP}:25: parameters[1].credential: a host parameter cannot be a credential yet",
    ],
    # response fields read from headers: scalars, and top-level only
    # retries after the service may have acted: request.idempotent, request.idempotency_token
    "idempotency": [
        f"{OP}:12: request.idempotent: an operation with an idempotency token is safe to "
        "repeat: omit idempotent",
        f"{OP}:13: request.idempotency_token: an idempotency token is a string parameter in "
        "the query, a header or the body, not integer in query",
    ],
    "default_violation": [
        f"{OP}:24: parameters[1].default: expected an integer, got str",
        f"{OP}:32: parameters[2].default: 500 is above maximum 100",
        f"{OP}:41: parameters[3].default: 'up' is not in the closed 'enum'",
    ],
    "enum_closed_without_enum": [
        f"{OP}:24: parameters[1].enum_closed: a closed value list needs 'enum'",
    ],
    "header_fields": [
        f"{OP}:45: response.fields[2].type: a header field is one value: a scalar type, not array",
        f"{OP}:68: shapes.PageInfo.fields[1].location: only response fields can be carried in "
        "headers, not the fields of a shape",
    ],
    # one type for a service's time fields, and no datetime without a zone
    "time_fields": [
        f"{OP}:56: shapes.Widget.fields[2].type: 'updated_at' shows an ISO 8601 time "
        "('2024-05-21T10:00:00Z') but is a string, and Widget.created_at a datetime: a "
        "service's time fields have one type",
        f"{OP}:63: shapes.Widget.fields[3].example: a datetime field's example needs a zone (Z "
        "or an offset): '2024-05-22T11:00:00' would decode as a naive datetime; make the field "
        "a string",
    ],
    "no_service_file": [
        "specs/huaweicloud/orphan/ListGadgets.yaml:1: no service.yaml beside this operation file",
    ],
    "shape_conflict": [
        f"{OP}:43: shapes.Widget: shape 'Widget' is defined differently in ListGadgets",
    ],
    "shape_name_clash": [
        f"{OP}:49: shapes.ErrorBody: shape name 'ErrorBody' clashes with a generated class",
    ],
    "page_missing": [
        f"{OP}:7: source.document: 'ListWidgets.page.txt': cannot read the stored page "
        "(no such file)",
    ],
    "page_outside_spec_folder": [
        f"{OP}:7: source.document: '../demo/ListWidgets.page.txt': expected a path inside "
        "this spec's folder (relative, no '..')",
    ],
    "example_not_on_page": [
        f"{OP}:69: examples[0].text: example 'Example response' is not on the page "
        "'ListWidgets.page.txt' verbatim (line for line, indentation aside)",
    ],
    "examples_without_page": [
        f"{OP}:63: examples: examples are copied from the page: name its stored copy in "
        "source.document",
    ],
    # names the runtime's registries do not have, and a scheme of another credential family
    "runtime_registries": [
        f"{SERVICE}:2: provider: expected one of 'alibabacloud', 'huaweicloud', "
        "'opentelekomcloud', got 'tencentcloud'",
        f"{SERVICE}:15: signing.schemes[1]: 'oss4-hmac-sha256' signs with alibabacloud "
        "credentials, not huaweicloud",
        f"{SERVICE}:15: signing.schemes[2]: expected one of 'acs3-hmac-sha256', "
        "'rpc-v1-hmac-sha1', 'oss4-hmac-sha256', 'huawei-sdk-hmac-sha256', 'huawei-token', "
        "'sls-v1-hmac-sha1', 'sls4-hmac-sha256', got 'hmac-md5'",
    ],
    # the capability check: forms the runtime would not send as the page says
    "unsupported_wire_form": [
        f"{OP}:35: parameters[3].style: not supported yet: style 'repeat-list' in the header "
        "(the runtime sends it in the query only; a list elsewhere goes comma-joined)",
        f"{OP}:39: parameters[4]: a list parameter needs its style: comma (a,b), repeat "
        "(Name=a&Name=b), repeat-list (Name.1=a&Name.2=b) or json, as the page sends it",
        f"{OP}:49: parameters[5].style: style 'comma' is for list parameters only",
    ],
    # response forms the runtime would not read as the page says: a payload (the body as a
    # whole) beside other body fields, of a scalar type, naming nothing or in XML; lists of
    # lists in XML; nested collections in parameters; an unnamed nested object
    "unsupported_response_forms": [
        "specs/huaweicloud/demo/CountWidgets.yaml:13: response.payload: 'count' is of type "
        "integer: a payload, the body as a whole, is an array or a map",
        f"{OP}:34: parameters[3].items: not supported yet: request parameters of nested arrays",
        f"{OP}:47: response.fields[1].name: 'page_info' cannot be in the body: the body is the "
        "payload 'widgets' as a whole",
        f"{OP}:61: shapes.Widget.fields[1].items: nested object needs a named shape",
        "specs/huaweicloud/demo/ShowWidget.yaml:13: response.payload: 'widget' names no "
        "response field (fields: 'count')",
        f"{XML_OP}:13: response.payload: not supported yet: a payload in a rest-xml body (the "
        "runtime reads a whole body as one field from rest-json only)",
        f"{XML_OP}:20: response.fields[1].name: 'labels' cannot be in the body: the body is "
        "the payload 'gadgets' as a whole",
        f"{XML_OP}:21: response.fields[1].type: not supported yet: lists of lists in XML "
        "bodies (XML has no element names for their rows; they decode from JSON only)",
    ],
    # structures (shapes, lists and maps of them) where the runtime would not send them
    "unsupported_structure": [
        f"{OP}:32: parameters[3].in: not supported yet: a structure in the header (the runtime "
        "sends structures in the query, as repeat-list, flat or json, and in bodies)",
        f"{OP}:38: parameters[4]: a list of structures in the query needs its style: "
        "repeat-list (Name.1.Field=v) or json, as the page sends it",
        f"{OP}:45: parameters[5]: a structure (object) in the query needs its style: flat "
        "(Name.Field=v) or json, as the page sends it",
        f"{OP}:57: parameters[6].style: a body parameter travels as JSON in the body: style is "
        "for the query",
        f"{OP}:88: shapes.Node: not supported yet: a request shape that contains itself "
        "(Node > Node)",
    ],
    # an RPC body is a form, flattened as the query: a structure there needs its style
    "rpc_form_body": [
        "specs/alibabacloud/demo/TagWidgets.yaml:11: parameters[0]: a list of structures in "
        "the form body needs its style: repeat-list (Name.1.Field=v) or json, as the page "
        "sends it",
        "specs/alibabacloud/demo/TagWidgets.yaml:22: parameters[1].style: style 'flat' is for "
        "objects and maps: a list is repeat-list",
        "specs/alibabacloud/demo/TagWidgets.yaml:29: parameters[2].style: style 'flat' is for "
        "objects and maps only",
    ],
    # files the loader refuses to read, or to read further, before YAML sees them
    "not_utf8": [f"{OP}:2: not UTF-8: byte 0xe9 (invalid continuation byte)"],
    "disallowed_character": [f"{OP}:2: invalid YAML: character U+0000 is not allowed"],
    "not_a_regular_file": ["specs/huaweicloud/demo/Extra.yaml:1: not a regular file"],
    "dangling_symlink": [
        "specs/huaweicloud/demo/Extra.yaml:1: cannot read: no such file (a dangling symlink?)",
    ],
    # YAML that would hang, overflow the stack or build what no spec means
    "yaml_aliases": [f"{OP}:3: x-l2[0][0][8]: more than 100 uses of YAML aliases"],
    "too_deep": [f"{OP}:1: invalid YAML: nested deeper than 64 levels"],
    "recursive_alias": [f"{OP}:3: notes[0]: a YAML alias inside the node it names"],
    "key_not_text": [f"{OP}:3: a key must be text, not a list or mapping"],
    "yaml_tag": [
        f"{OP}:2: summary: YAML tag 'tag:yaml.org,2002:binary' is not allowed in a spec",
    ],
    "bad_tagged_value": [f"{OP}:23: parameters[1].required: 'maybe' is no bool"],
    "non_finite_number": [f"{OP}:24: parameters[1].default: '.nan': expected a finite number"],
    "nul_in_text": [f"{OP}:2: summary: text holds a NUL or a lone surrogate"],
    # names Python cannot take: a keyword as the package, a name the generated code has
    "keyword_service": [
        f"{SERVICE}:3: service: 'class' is a Python keyword: the package "
        "generated.<provider>.class could not be imported",
    ],
    "client_name_clash": [
        f"{OP}:57: errors[0].code: error code 'Demo' would be named 'DemoError' in Python, as "
        "the service's error base is",
    ],
    # `$` ends the text, as in JSON Schema, not also before a final newline as in Python
    "pattern_newline": [
        f"{OP}:1: operation: 'ListWidgets\\n' does not match the pattern ^[A-Z][A-Za-z0-9]*$",
    ],
    # several errors in one file, all reported at once, in line order
    "several_errors": [
        f"{OP}:1: missing required key 'summary'",
        f"{OP}:8: request.method: expected one of {METHODS}, got 'FETCH'",
        f"{OP}:17: parameters[1]: missing required key 'description'",
        f"{OP}:21: parameters[1].required: expected true or false, got 'no'",
        f"{OP}:22: parameters[1].descripton: unknown key 'descripton' (allowed: {PARAMETER_KEYS})",
        f"{OP}:25: parameters[2].type: expected one of {TYPES}, got 'strng'",
    ],
    "several_checks": [
        f"{OP}:10: request.path: {PLACEHOLDER}",
        f"{OP}:34: response.fields[0].items.shape: {DANGLING}",
        f"{OP}:59: pagination.input_token: 'next_marker' names no request parameter",
        f"{OP}:60: pagination.output_token: 'page_info.marker' names no response element",
    ],
    # a broken service file is reported once, with the broken operation file beside it
    "broken_service": [
        f"{OP}:9: request.method: expected one of {METHODS}, got 'FETCH'",
        f"{SERVICE}:2: missing required key 'credentials'",
        f"{SERVICE}:8: protocol: expected one of 'rest-xml', 'rpc', 'rest-json', got 'rest-yaml'",
    ],
}


def _snapshot(root: Path) -> dict[str, bytes]:
    return {
        path.relative_to(root).as_posix(): path.read_bytes()
        for path in sorted(root.rglob("*"))
        if path.is_file() and "__pycache__" not in path.parts
    }


def test_every_fixture_has_its_expectation() -> None:
    folders = {p.name for p in FIXTURES.iterdir() if p.is_dir()}
    assert folders == set(EXPECTED) | {"valid"}


def test_the_valid_fixture_generates(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """So each broken fixture fails for its one mistake, not for the rest of the tree."""
    code = main(["generate", "--specs", str(FIXTURES / "valid" / "specs"), "--out", str(tmp_path)])
    assert code == 0, capsys.readouterr().err
    assert (tmp_path / "huaweicloud" / "demo" / "client.py").is_file()


@pytest.mark.parametrize("case", sorted(EXPECTED))
def test_broken_spec_is_reported_exactly(
    case: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "generated"
    code = main(["generate", "--specs", str(FIXTURES / case / "specs"), "--out", str(out)])
    captured = capsys.readouterr()
    assert code == 1
    assert captured.out == ""
    assert "Traceback" not in captured.err
    *lines, summary = captured.err.splitlines()
    assert lines == EXPECTED[case]
    assert summary.startswith(f"generate: {len(lines)} spec error(s)")
    assert not out.exists()


@pytest.mark.parametrize("case", ["several_errors", "broken_service"])
def test_load_specs_raises_every_issue(case: str) -> None:
    with pytest.raises(SpecError) as caught:
        load_specs(FIXTURES / case / "specs")
    issues = caught.value.issues
    assert all(isinstance(issue, SpecIssue) for issue in issues)
    assert [str(issue) for issue in issues] == EXPECTED[case]
    assert str(caught.value) == "\n".join(EXPECTED[case])


def test_failed_run_leaves_out_byte_identical(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "generated"
    shutil.copytree(PROJECT / "generated", out, ignore=shutil.ignore_patterns("__pycache__"))
    before = _snapshot(out)
    for case in ("several_errors", "no_service_file", "invalid_yaml"):
        code = main(["generate", "--specs", str(FIXTURES / case / "specs"), "--out", str(out)])
        assert code == 1
    assert _snapshot(out) == before
    assert "Traceback" not in capsys.readouterr().err


def test_generator_bug_leaves_out_byte_identical(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A template that renders invalid Python is a generator bug (exit 3), caught before writing."""
    templates = tmp_path / "templates"
    shutil.copytree(PROJECT / "templates", templates)
    errors = templates / "errors.py.j2"
    errors.write_text(errors.read_text(encoding="utf-8") + "\ndef broken(:\n", encoding="utf-8")
    out = tmp_path / "generated"
    shutil.copytree(PROJECT / "generated", out, ignore=shutil.ignore_patterns("__pycache__"))
    before = _snapshot(out)
    code = main(["generate", "--templates", str(templates), "--out", str(out)])
    err = capsys.readouterr().err
    assert code == 3
    assert "errors.py.j2 rendered invalid Python" in err
    assert "Traceback" not in err
    assert _snapshot(out) == before


@pytest.mark.parametrize(
    ("folder", "problem"), [("missing", "no such directory"), ("empty", "no spec files here")]
)
def test_no_specs_never_empties_out(
    folder: str, problem: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A mistyped --specs must not regenerate generated/ as an empty tree."""
    (tmp_path / "empty").mkdir()
    out = tmp_path / "generated"
    shutil.copytree(PROJECT / "generated", out, ignore=shutil.ignore_patterns("__pycache__"))
    before = _snapshot(out)
    assert main(["generate", "--specs", str(tmp_path / folder), "--out", str(out)]) == 1
    assert capsys.readouterr().err.splitlines()[0] == f"{tmp_path / folder}:1: {problem}"
    assert _snapshot(out) == before


@pytest.mark.parametrize("kind", ["fifo", "oversized"])
def test_files_made_at_run_time_are_refused_without_waiting(
    kind: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """What git cannot hold: a FIFO named like a spec (reading it would wait forever) and a
    file over the size limit (reading it would take the memory)."""
    from generator.loader import MAX_BYTES

    specs = tmp_path / "specs"
    shutil.copytree(FIXTURES / "valid" / "specs", specs)
    extra = specs / "huaweicloud" / "demo" / "Extra.yaml"
    if kind == "fifo":
        os.mkfifo(extra)
        expected = "not a regular file"
    else:
        extra.write_bytes(b"#" * (MAX_BYTES + 1))
        expected = f"{MAX_BYTES + 1} bytes: a spec file is at most {MAX_BYTES}"
    out = tmp_path / "generated"
    assert main(["generate", "--specs", str(specs), "--out", str(out)]) == 1
    lines = capsys.readouterr().err.splitlines()
    assert lines[0] == f"specs/huaweicloud/demo/Extra.yaml:1: {expected}"
    assert not out.exists()
