"""The generated models.py: every model derives from the runtime's ``ResponseModel``, which
carries the configuration they share, and the module reads as if written by hand."""

from __future__ import annotations

import ast
import importlib
import sys
from pathlib import Path

import pytest

from generator.naming import snake_case
from sdk_runtime.model import ResponseModel

PROJECT = Path(__file__).resolve().parents[2]
MODELS = sorted((PROJECT / "generated").glob("*/*/models.py"))


def _module(path: Path) -> str:
    return ".".join(path.relative_to(PROJECT).with_suffix("").parts)


def _classes(tree: ast.Module) -> list[ast.ClassDef]:
    return [node for node in tree.body if isinstance(node, ast.ClassDef)]


def test_there_are_models() -> None:
    assert len(MODELS) >= 4


@pytest.mark.parametrize("path", MODELS, ids=_module)
def test_every_model_derives_from_the_runtime_base(path: Path) -> None:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    assert _classes(tree)
    for cls in _classes(tree):
        assert [ast.unparse(base) for base in cls.bases] == ["ResponseModel"], cls.name
    module = importlib.import_module(_module(path))
    for cls in _classes(tree):
        assert issubclass(getattr(module, cls.name), ResponseModel)


@pytest.mark.parametrize("path", MODELS, ids=_module)
def test_no_model_repeats_the_shared_configuration(path: Path) -> None:
    """A class's own ``model_config`` holds only what is its own (its XML root name)."""
    shared = set(ResponseModel.model_config)
    for cls in _classes(ast.parse(path.read_text(encoding="utf-8"))):
        for node in cls.body:
            if isinstance(node, ast.Assign) and ast.unparse(node.targets[0]) == "model_config":
                assert isinstance(node.value, ast.Call)
                keys = {keyword.arg for keyword in node.value.keywords}
                assert keys and not keys & shared, f"{cls.name}: {keys}"


def _import_kind(line: str) -> int:
    top = line.split()[1].split(".")[0]
    if top == "__future__":
        return 0
    if top in sys.stdlib_module_names:
        return 1
    return 3 if top == "sdk_runtime" else 2


@pytest.mark.parametrize("path", MODELS, ids=_module)
def test_imports_are_grouped_and_sorted(path: Path) -> None:
    """``__future__``, standard library, third party, the runtime: one blank line between
    the groups, each sorted."""
    text = path.read_text(encoding="utf-8")
    head = text[text.index("from __future__") : text.index("\nclass ")].strip()
    groups = [group.splitlines() for group in head.split("\n\n")]
    kinds = [{_import_kind(line) for line in group} for group in groups]
    assert all(len(kind) == 1 for kind in kinds), groups
    assert [min(kind) for kind in kinds] == sorted({min(kind) for kind in kinds}), groups
    assert groups[-1] == ["from sdk_runtime.model import ResponseModel"]
    for group in groups:
        assert group == sorted(group, key=lambda line: line.split()[1])


def test_the_base_keeps_unknown_fields_and_takes_both_names() -> None:
    from generated.alibabacloud.ens.models import BucketInfo

    info = BucketInfo.model_validate({"BucketName": "b", "Undocumented": {"a": [1]}})
    assert info.bucket_name == "b"
    assert info.model_extra == {"Undocumented": {"a": [1]}}
    assert BucketInfo(bucket_name="b").bucket_name == "b"
    dumped = info.model_dump(by_alias=True, exclude_unset=True)
    assert dumped == {"BucketName": "b", "Undocumented": {"a": [1]}}


@pytest.mark.parametrize("path", MODELS, ids=_module)
def test_error_body_attributes_are_snake_case_with_wire_aliases(path: Path) -> None:
    error_body = importlib.import_module(_module(path)).ErrorBody
    assert error_body.model_fields
    for name, info in error_body.model_fields.items():
        wire = info.alias or name
        assert name == snake_case(wire), (name, wire)
    names = set(error_body.model_fields)
    # code/message, error_code/error_msg (Huawei), error_code/error_message (SLS)
    assert any(name.endswith("code") for name in names)
    assert any(name.endswith(("message", "msg")) for name in names)
