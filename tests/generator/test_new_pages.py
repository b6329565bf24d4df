"""Adding pages as a user would: specs/ plus the fixture pages of tests/fixtures/extra_pages
(more operations for seed services, a new Alibaba Cloud RPC service, a new Huawei Cloud
REST-JSON service) generates, the new clients import and decode their pages' examples, and
what the seed pages generated stays as committed.

A seed service's files are byte-identical to the committed generated/, but for the tree-wide
files (README.md, CHANGELOG.md, the snapshot, .manifest.json) and the files that a
seed service shares with an operation added to it (its client.py, models.py, errors.py,
__init__.py, openapi.json, docs/README.md): those cannot stay byte-identical, since the new
operation is written into them. In those, every committed class, method, constant, import,
OpenAPI path and schema, and docs heading and table row must still be there unchanged, with
only additions beside them (a constant may gain entries: error codes, ``__all__`` names).
Module docstrings, which name the operations, are not compared.
"""

from __future__ import annotations

import ast
import contextlib
import io
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from generator.cli import main
from generator.naming import snake_case

PROJECT = Path(__file__).resolve().parents[2]
SPECS = PROJECT / "specs"
OVERLAY = PROJECT / "tests" / "fixtures" / "extra_pages" / "specs"
COMMITTED = PROJECT / "generated"
TREE_WIDE = {
    "README.md",
    "CHANGELOG.md",
    ".spec-snapshot.json",
    ".manifest.json",
    "docs/configuration.md",  # lists every client
}
SNAPSHOT_ENTRIES = ".spec-snapshot/"  # the model of each service: as tree-wide as the index


def _tree_wide(name: str) -> bool:
    return name in TREE_WIDE or name.startswith(SNAPSHOT_ENTRIES)


SEED_SERVICES = {"alibabacloud/cloudsso", "alibabacloud/ens", "alibabacloud/oss", "huaweicloud/ga"}


def _yaml(path: Path) -> Any:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def _copied(relative: Path) -> bool:
    """Whether specs/``relative`` is the overlay's file, copied there (by hand, to run the
    whole suite with the extra pages): then it is not one of specs/' own."""
    ours, theirs = SPECS / relative, OVERLAY / relative
    return theirs.is_file() and ours.is_file() and ours.read_bytes() == theirs.read_bytes()


def _operation_specs(specs: Path) -> dict[str, dict[str, Any]]:
    """``provider/service`` -> operation name -> its spec, for every operation file of the
    tree (a folder of the overlay may hold operation files only: its service.yaml is in
    specs/)."""
    found: dict[str, dict[str, Any]] = {}
    for path in sorted(specs.glob("*/*/*.yaml")):
        if specs == SPECS and _copied(path.relative_to(SPECS)):
            continue
        if path.name != "service.yaml":
            data = _yaml(path)
            service = path.parent.relative_to(specs).as_posix()
            found.setdefault(service, {})[data["operation"]] = data
    return found


def _service_specs(specs: Path) -> dict[str, Any]:
    return {
        p.parent.relative_to(specs).as_posix(): _yaml(p)
        for p in specs.glob("*/*/service.yaml")
        if not (specs == SPECS and _copied(p.relative_to(SPECS)))
    }


SEED_OPERATIONS = _operation_specs(SPECS)
ADDED = _operation_specs(OVERLAY)
SERVICES = {**_service_specs(SPECS), **_service_specs(OVERLAY)}
NEW_SERVICES = sorted(_service_specs(OVERLAY))
EXTENDED = sorted(set(ADDED) & set(SEED_OPERATIONS))  # services in specs/ given more pages
OVERLAY_COPIED = any(_copied(p.relative_to(OVERLAY)) for p in OVERLAY.rglob("*.yaml"))


def _files(root: Path) -> dict[str, bytes]:
    return {
        p.relative_to(root).as_posix(): p.read_bytes()
        for p in sorted(root.rglob("*"))
        if p.is_file() and "__pycache__" not in p.parts
    }


@pytest.fixture(scope="module")
def generation(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, int, str]:
    """(output tree, exit code, stdout) of ``generate`` on specs/ + the overlay."""
    root = tmp_path_factory.mktemp("new_pages")
    shutil.copytree(SPECS, root / "specs")
    shutil.copytree(OVERLAY, root / "specs", dirs_exist_ok=True)
    out = root / "generated"
    stdout = io.StringIO()
    with contextlib.redirect_stdout(stdout):
        code = main(
            [
                "generate",
                *("--specs", str(root / "specs")),
                *("--templates", str(PROJECT / "templates")),
                *("--out", str(out)),
            ]
        )
    return out, code, stdout.getvalue()


def test_the_overlay_only_adds_pages() -> None:
    """The fixture is what the other tests here take it for: new files only (no page of
    specs/ replaced), a new service of each kind, and a page that sorts before a seed page."""
    overlay_files = [p.relative_to(OVERLAY) for p in OVERLAY.rglob("*") if p.is_file()]
    assert overlay_files
    assert [f for f in overlay_files if (SPECS / f).exists() and not _copied(f)] == []
    kinds = {(SERVICES[s]["provider"], SERVICES[s]["protocol"]) for s in NEW_SERVICES}
    assert {("alibabacloud", "rpc"), ("huaweicloud", "rest-json")} <= kinds
    assert {"alibabacloud/oss", "alibabacloud/ens"} <= set(EXTENDED)
    assert min(ADDED["alibabacloud/oss"]) < min(SEED_OPERATIONS["alibabacloud/oss"])


def test_generate_succeeds(generation: tuple[Path, int, str]) -> None:
    _, code, stdout = generation
    assert code == 0, stdout
    operations = {
        (service, name)
        for tree in (SEED_OPERATIONS, ADDED)
        for service in tree
        for name in tree[service]
    }
    assert f"({len(SERVICES)} services, {len(operations)} operations)" in stdout


@pytest.mark.parametrize(
    ("service", "operation"),
    [(service, name) for service, ops in ADDED.items() for name in ops],
    ids=str,
)
def test_each_added_operation_has_its_method_model_and_docs(
    generation: tuple[Path, int, str], service: str, operation: str
) -> None:
    out = generation[0] / service
    method = snake_case(operation)
    client = (out / "client.py").read_text(encoding="utf-8")
    assert f"    def {method}(" in client and f"    async def {method}(" in client
    assert f"\nclass {operation}Response(" in (out / "models.py").read_text(encoding="utf-8")
    page = (out / "docs" / f"{operation}.md").read_text(encoding="utf-8")
    assert operation in page and method in page
    assert f"[{operation}]({operation}.md)" in (out / "docs/README.md").read_text(encoding="utf-8")
    document = json.loads((out / "openapi.json").read_text(encoding="utf-8"))
    ids = [op["operationId"] for item in document["paths"].values() for op in item.values()]
    assert ids.count(operation) == 1


def test_each_new_service_has_its_package(generation: tuple[Path, int, str]) -> None:
    for service in NEW_SERVICES:
        out = generation[0] / service
        for name in ("__init__.py", "client.py", "errors.py", "models.py", "openapi.json"):
            assert (out / name).is_file(), f"{service}/{name}"
        assert (out / "docs" / "README.md").is_file()


PROBE = """
import importlib, json, sys
from pathlib import Path
from sdk_runtime.decoding import decode
from sdk_runtime.http import HttpResponse

out, runtime = Path(sys.argv[1]), Path(sys.argv[2])
problems = []
import generated, sdk_runtime
if Path(generated.__file__).resolve().parent != out.resolve():
    problems.append(f"generated imported from {generated.__file__}")
if Path(sdk_runtime.__file__).resolve().parent != runtime.resolve():
    problems.append(f"sdk_runtime imported from {sdk_runtime.__file__}")
for entry in json.loads(sys.stdin.read()):
    package = importlib.import_module(entry["module"])
    for cls_name in (entry["client"], "Async" + entry["client"]):
        cls = getattr(package, cls_name, None)
        if not isinstance(cls, type):
            problems.append(f"{entry['module']}.{cls_name}: not a class")
            continue
        for method in entry["methods"]:
            if not callable(getattr(cls, method, None)):
                problems.append(f"{entry['module']}.{cls_name}.{method}: missing")
    models = importlib.import_module(entry["module"] + ".models")
    for response, text in entry["examples"]:
        try:
            decode(HttpResponse(200, {}, text.encode()), getattr(models, response))
        except Exception as error:
            problems.append(f"{entry['module']}.{response}: {error!r}")
print(json.dumps(problems))
"""


def test_the_new_packages_import_and_decode_their_examples(
    generation: tuple[Path, int, str],
) -> None:
    """In a fresh interpreter that imports ``generated`` from the new tree: the client
    classes of every service given pages (sync and async) with a method per operation, old
    and new, and every response example of the added pages decodes into its model."""
    out = generation[0]
    entries = []
    for service in sorted({*NEW_SERVICES, *EXTENDED}):
        operations = {**SEED_OPERATIONS.get(service, {}), **ADDED[service]}
        entries.append(
            {
                "module": "generated." + service.replace("/", "."),
                "client": SERVICES[service]["name"] + "Client",
                "methods": [snake_case(name) for name in sorted(operations)],
                "examples": [
                    (f"{name}Response", example["text"])
                    for name, spec in ADDED[service].items()
                    for example in spec.get("examples", [])
                    if example["kind"] == "response"
                ],
            }
        )
    assert sum(len(e["examples"]) for e in entries) >= len(ADDED)
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(out.parent), str(PROJECT)])}
    result = subprocess.run(
        [sys.executable, "-c", PROBE, str(out), str(PROJECT / "sdk_runtime")],
        input=json.dumps(entries),
        cwd=out.parent,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout.strip().splitlines()[-1]) == []


# -- what the seed pages generated stays as committed -----------------------------------------


def _imports(tree: ast.Module) -> set[str]:
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            names |= {f"{node.module}.{alias.name}" for alias in node.names}
        elif isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
    return names


def _definitions(body: list[ast.stmt]) -> dict[str, ast.stmt]:
    """Classes, functions and assignments of a module or class body, by name."""
    found: dict[str, ast.stmt] = {}
    for node in body:
        if isinstance(node, ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
            found[node.name] = node
        elif isinstance(node, ast.Assign) and len(node.targets) == 1:
            if isinstance(node.targets[0], ast.Name):
                found[node.targets[0].id] = node
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            found[node.target.id] = node
    return found


def _dumps(nodes: list[Any]) -> list[str]:
    return [ast.dump(node) if node is not None else "" for node in nodes]


def _extends(old: ast.AST, new: ast.AST) -> bool:
    """``new`` is ``old``, or ``old`` with entries added (lists, tuples, sets, dicts, the
    same call with extended arguments)."""
    if ast.dump(old) == ast.dump(new):
        return True
    if isinstance(old, ast.List | ast.Tuple | ast.Set) and type(new) is type(old):
        return set(_dumps(old.elts)) <= set(_dumps(new.elts))  # type: ignore[attr-defined]
    if isinstance(old, ast.Dict) and isinstance(new, ast.Dict):
        pairs = set(zip(_dumps(new.keys), _dumps(new.values), strict=True))
        return set(zip(_dumps(old.keys), _dumps(old.values), strict=True)) <= pairs
    if isinstance(old, ast.Call) and isinstance(new, ast.Call):
        keywords = {k.arg: k.value for k in new.keywords}
        return (
            ast.dump(old.func) == ast.dump(new.func)
            and len(old.args) == len(new.args)
            and all(_extends(a, b) for a, b in zip(old.args, new.args, strict=True))
            and all(k.arg in keywords and _extends(k.value, keywords[k.arg]) for k in old.keywords)
        )
    return False


def _annotation(node: ast.stmt) -> str:
    return ast.dump(node.annotation) if isinstance(node, ast.AnnAssign) else ""


def _kept_definition(where: str, old: ast.stmt, new: ast.stmt) -> list[str]:
    if ast.dump(old) == ast.dump(new):
        return []
    if isinstance(old, ast.ClassDef) and isinstance(new, ast.ClassDef):
        heads = [_dumps([*cls.bases, *cls.keywords, *cls.decorator_list]) for cls in (old, new)]
        if heads[0] != heads[1] or ast.get_docstring(old) != ast.get_docstring(new):
            return [f"{where}: bases, decorators or docstring changed"]
        return _kept_body(where + ".", old.body, new.body)
    if (
        isinstance(old, ast.Assign | ast.AnnAssign)
        and type(new) is type(old)
        and _annotation(old) == _annotation(new)
        and old.value is not None
        and new.value is not None
        and _extends(old.value, new.value)
    ):
        return []
    return [f"{where}: changed"]


def _kept_body(prefix: str, old: list[ast.stmt], new: list[ast.stmt]) -> list[str]:
    problems = []
    theirs = _definitions(new)
    for name, node in _definitions(old).items():
        if name not in theirs:
            problems.append(f"{prefix}{name}: gone")
        else:
            problems += _kept_definition(prefix + name, node, theirs[name])
    return problems


def _kept_python(old: bytes, new: bytes) -> list[str]:
    old_tree, new_tree = ast.parse(old), ast.parse(new)
    problems = [f"import {name}: gone" for name in sorted(_imports(old_tree) - _imports(new_tree))]
    problems += _kept_body("", old_tree.body, new_tree.body)
    return problems


def _kept_json(old: Any, new: Any, where: str = "") -> list[str]:
    if old == new:
        return []
    if isinstance(old, dict) and isinstance(new, dict):
        return [
            problem
            for key, value in old.items()
            for problem in (
                _kept_json(value, new[key], f"{where}/{key}")
                if key in new
                else [f"{where}/{key}: gone"]
            )
        ]
    if isinstance(old, list) and isinstance(new, list) and all(item in new for item in old):
        return []
    return [f"{where}: {old!r} -> {new!r}"]


def _kept_markdown(old: bytes, new: bytes) -> list[str]:
    """Headings and table rows (one per operation, error code, ...) stay; prose may change
    (e.g. "No operation documents its own error codes." once one does)."""
    lines = set(new.decode().splitlines())
    return [
        f"line gone: {line}"
        for line in old.decode().splitlines()
        if line.startswith(("#", "|")) and line not in lines
    ]


def _kept(name: str, old: bytes, new: bytes) -> list[str]:
    if name.endswith(".py"):
        return _kept_python(old, new)
    if name.endswith(".json"):
        return _kept_json(json.loads(old), json.loads(new))
    if name.endswith(".md"):
        return _kept_markdown(old, new)
    return ["not a file the test knows how to compare"] if old != new else []


def _shared_with_added_pages(name: str) -> bool:
    """Whether generated/``name`` is a file of a seed service that an added page writes to
    as well: any file of the service but the per-operation docs pages."""
    parts = name.split("/")
    service = "/".join(parts[:2])
    if service not in EXTENDED:
        return False
    own_pages = {f"docs/{operation}.md" for operation in SEED_OPERATIONS[service]}
    return "/".join(parts[2:]) not in own_pages


def test_what_the_seed_pages_generated_is_unchanged(generation: tuple[Path, int, str]) -> None:
    committed, generated = _files(COMMITTED), _files(generation[0])
    assert {"/".join(name.split("/")[:2]) for name in committed if name.count("/") >= 2} >= (
        SEED_SERVICES
    )
    changed, identical = [], 0
    for name, old in committed.items():
        if _tree_wide(name):
            continue
        new = generated.get(name)
        if new is None:
            changed.append(f"{name}: no longer generated")
        elif _shared_with_added_pages(name):
            changed += [f"{name}: {problem}" for problem in _kept(name, old, new)]
        elif new != old:
            changed.append(f"{name}: differs from the committed file")
        else:
            identical += 1
    assert changed == []
    # the untouched seed services (GA) and every seed operation's docs page are byte for byte
    untouched = [n for n in committed if not _tree_wide(n) and not _shared_with_added_pages(n)]
    assert identical == len(untouched)
    assert any(name.startswith("huaweicloud/ga/") for name in untouched)


def test_the_error_body_model_does_not_depend_on_other_pages(
    generation: tuple[Path, int, str],
) -> None:
    """A page with a response field named ``Code`` (ENS DescribeEnsRegions) leaves the
    attribute names of the service's other models, ``ErrorBody`` among them, as they were
    (the aliases given to datamodel-code-generator are scoped by class)."""
    if OVERLAY_COPIED:
        pytest.skip("the overlay is copied into specs/: generated/ already holds its output")
    changed = []
    for service in EXTENDED:
        name = f"{service}/models.py"
        old, new = (COMMITTED / name).read_bytes(), (generation[0] / name).read_bytes()
        changed += [f"{name}: {p}" for p in _kept_python(old, new) if p.startswith("ErrorBody")]
    assert changed == []
