"""Whatever text a spec holds, the generated code is that text as data: every string field the
format accepts free text in is set to text that breaks naive quoting, and every generated
module must compile, import, and carry the text unchanged. Names that would shadow what the
generated code needs are renamed by the one rule of generator.naming (a trailing underscore)."""

from __future__ import annotations

import ast
import copy
import importlib
import inspect
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from generator.cli import main
from generator.errors import SpecError
from generator.loader import JsonPath, format_path
from generator.normalize import load_specs
from generator.tree import relative_files
from tests.generator.test_docs import python_blocks

FIXTURES = Path(__file__).resolve().parent / "fixtures"
PROJECT = FIXTURES.parents[2]
# triple quotes of both kinds, backslashes (a Windows path, a \N{...} escape, one at the end),
# Jinja syntax, an unprintable control character, Unicode line and paragraph separators, and
# a closing quote last
HOSTILE = (
    'x """ + __import__("os")._exit(9) + """ \' \'\'\' C:\\Users\\x \\N{BULLET} {{ 1 }} {% if %}'
    " \x01\x7f \u2028 \u2029 \\"
    ' "'
)


def _strings(data: Any, where: JsonPath = ()) -> Iterator[JsonPath]:
    if isinstance(data, dict):
        for key, value in data.items():
            yield from _strings(value, (*where, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from _strings(value, (*where, index))
    elif isinstance(data, str):
        yield where


def _set(data: Any, where: JsonPath, value: Any) -> None:
    for part in where[:-1]:
        data = data[part]
    data[where[-1]] = value


def _get(data: Any, where: JsonPath) -> Any:
    for part in where:
        data = data[part]
    return data


def _hostile_tree(source: Path, target: Path) -> int:
    """``source`` copied to ``target`` with every string value that the format accepts any
    text in replaced by HOSTILE: all are replaced, then those an issue names are put back,
    until the tree loads. Returns how many fields hold HOSTILE."""
    shutil.copytree(source, target)
    files = {path: yaml.safe_load(path.read_text("utf-8")) for path in target.rglob("*.yaml")}
    for data in files.values():
        if "Widget" in data.get("shapes", {}):  # wire names, enum values, defaults, examples
            extra = {"name": HOSTILE, "in": "query", "type": "string", "required": False}
            extra |= {"documented_type": "String", "description": HOSTILE, "example": HOSTILE}
            extra |= {"enum": [HOSTILE, "plain"], "default": HOSTILE}
            data["parameters"].append(extra)
            data["shapes"]["Widget"]["fields"][0].update(name=HOSTILE, example=HOSTILE)
    originals = copy.deepcopy(files)
    replaced = {path: set(_strings(data)) for path, data in files.items()}
    for path, data in files.items():
        for where in replaced[path]:
            _set(data, where, HOSTILE)
    last = ""
    for _ in range(50):
        for path, data in files.items():
            path.write_text(yaml.safe_dump(data, allow_unicode=False), "utf-8")
        try:
            load_specs(target)
        except SpecError as error:
            last = str(error)
            before = {path: set(fields) for path, fields in replaced.items()}
            for issue in error.issues:
                path = target.parent / issue.file
                fields = before.get(path, set())
                named = {
                    w for w in fields if format_path(w).startswith(issue.where) or not issue.where
                }
                # a name another key refers to (a parameter, a shape): put back the names too,
                # and, failing that, the whole file
                named = named or {w for w in fields if w[-1] == "name"} or set(fields)
                for where in named & replaced.get(path, set()):
                    _set(files[path], where, _get(originals[path], where))
                    replaced[path].discard(where)
            if replaced == before:  # an issue of one file caused by another: start over
                files, replaced = copy.deepcopy(originals), {path: set() for path in files}
            continue
        return sum(len(fields) for fields in replaced.values())
    raise AssertionError(f"the hostile tree never loaded: {last}")


def test_hostile_text_stays_text(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    specs = tmp_path / "specs"
    fields = _hostile_tree(FIXTURES / "valid" / "specs", specs)
    assert fields >= 30  # summaries, descriptions, titles, messages, wire names, enums ...
    out = tmp_path / "hostile_clients"
    code = main(["generate", "--specs", str(specs), "--out", str(out)])
    assert code == 0, capsys.readouterr().err
    modules = [name for name in relative_files(out) if name.endswith(".py")]
    assert "huaweicloud/demo/client.py" in modules
    for name in modules:
        compile((out / name).read_bytes(), name, "exec")  # a SyntaxError fails the test
    assert _compile_doc_examples(out) >= 1
    monkeypatch.syspath_prepend(str(tmp_path))
    try:
        for name in modules:
            module = importlib.import_module(
                "hostile_clients." + name.removesuffix(".py").replace("/", ".")
            )
            importlib.import_module(module.__name__)
        client = importlib.import_module("hostile_clients.huaweicloud.demo.client")
    finally:
        for loaded in [m for m in sys.modules if m.startswith("hostile_clients")]:
            del sys.modules[loaded]
    # the text arrives as written, whitespace runs folded as in any docstring
    folded = " ".join(HOSTILE.split())
    assert folded in " ".join((client.__doc__ or "").split())
    assert folded in " ".join((client.DemoClient.list_widgets.__doc__ or "").split())
    assert client.LIST_WIDGETS.locations[HOSTILE] == "query"  # a wire name, as a literal
    # datamodel-code-generator writes the descriptions as attribute docstrings, escaped too
    models = ast.parse((out / "huaweicloud/demo/models.py").read_bytes())
    texts = [n.value for n in ast.walk(models) if isinstance(n, ast.Constant)]
    assert any(isinstance(t, str) and 'x """ + __import__("os")' in t for t in texts)
    assert HOSTILE in texts  # the alias of the field whose wire name it is


def _compile_doc_examples(out: Path) -> int:
    """Compile every Python example of the docs of the package ``out`` (their values are spec
    text, written as literals); how many."""
    blocks = [
        block
        for page in sorted(out.rglob("*.md"))
        for block in python_blocks(page.read_text(encoding="utf-8"))
    ]
    for block in blocks:
        compile(block, "<doc example>", "exec")  # a SyntaxError fails the test
    return len(blocks)


def _modules(out: Path, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Compile and import every module of the package ``out``; their names."""
    modules = [name for name in relative_files(out) if name.endswith(".py")]
    for name in modules:
        compile((out / name).read_bytes(), name, "exec")  # a SyntaxError fails the test
    monkeypatch.syspath_prepend(str(out.parent))
    try:
        for name in modules:
            importlib.import_module(f"{out.name}." + name.removesuffix(".py").replace("/", "."))
    finally:
        for loaded in [m for m in sys.modules if m.startswith(out.name)]:
            del sys.modules[loaded]
    return modules


def test_hostile_text_in_the_project_specs(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every protocol, signing family and wire form of the project's specs (RPC actions,
    XML, host labels, structures), with hostile text wherever a spec takes free text."""
    specs = tmp_path / "specs"
    fields = _hostile_tree(PROJECT / "specs", specs)
    assert fields >= 50
    out = tmp_path / "hostile_project"
    code = main(["generate", "--specs", str(specs), "--out", str(out)])
    assert code == 0, capsys.readouterr().err
    clients = [name for name in _modules(out, monkeypatch) if name.endswith("/client.py")]
    assert len(clients) == len(list(specs.rglob("service.yaml")))
    assert _compile_doc_examples(out) >= len(list(specs.rglob("*.yaml"))) - len(clients)


def test_names_that_would_shadow_take_a_trailing_underscore(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """``Close`` would replace ``client.close()``, ``model_config`` and ``json`` the model's
    own: they become ``close_``, ``model_config_`` and ``json_`` (generator.naming)."""
    specs = tmp_path / "specs"
    shutil.copytree(FIXTURES / "valid" / "specs", specs)
    spec = specs / "huaweicloud" / "demo" / "ListWidgets.yaml"
    data = yaml.safe_load(spec.read_text("utf-8"))
    data["operation"] = "Close"
    fields = data["shapes"]["Widget"]["fields"]
    fields += [dict(fields[0], name=name) for name in ("model_config", "json", "str", "self")]
    data["parameters"] += [
        dict(data["parameters"][1], name=name, type="string") for name in ("class", "self", "str")
    ]
    spec.write_text(yaml.safe_dump(data), "utf-8")
    out = tmp_path / "shadow_clients"
    assert main(["generate", "--specs", str(specs), "--out", str(out)]) == 0, (
        capsys.readouterr().err
    )
    monkeypatch.syspath_prepend(str(tmp_path))
    try:
        demo = importlib.import_module("shadow_clients.huaweicloud.demo")
        models = importlib.import_module("shadow_clients.huaweicloud.demo.models")
    finally:
        for loaded in [m for m in sys.modules if m.startswith("shadow_clients")]:
            del sys.modules[loaded]
    from sdk_runtime.client import AsyncBaseClient, BaseClient

    assert demo.DemoClient.close is BaseClient.close
    assert demo.AsyncDemoClient.close is AsyncBaseClient.close
    assert callable(demo.DemoClient.close_) and callable(demo.DemoClient.iter_close_)
    wire = {"id": "w", "model_config": "a", "json": "b", "str": "c", "self": "d"}
    widget = models.Widget.model_validate(wire)
    assert (widget.model_config_, widget.json_, widget.str_, widget.self_) == ("a", "b", "c", "d")
    assert widget.model_dump(by_alias=True) == wire
    # keywords take the underscore too; a builtin is a fine keyword argument as it is
    keywords = inspect.signature(demo.DemoClient.close_).parameters
    assert {"class_", "self_", "str"} <= set(keywords)
