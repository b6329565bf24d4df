"""Speed-ups that must not change a byte: the process pool, reused models, the validator."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from openapi_spec_validator import validate

import generator.pipeline
from generator.cli import main
from generator.errors import GeneratorBug
from generator.openapi import validate_openapi

PROJECT = Path(__file__).resolve().parents[2]
PARAMETER_ONLY = "description: The page number. Pages start from page 1."  # ens ListBuckets
RESPONSE_FIELD = "description: The name of the bucket."  # ens ListBuckets, BucketInfo.Name


def _snapshot(root: Path) -> dict[str, bytes]:
    return {
        path.relative_to(root).as_posix(): path.read_bytes()
        for path in sorted(root.rglob("*"))
        if path.is_file() and "__pycache__" not in path.parts
    }


def _generate(specs: Path, out: Path) -> None:
    args = ["generate", "--specs", str(specs), "--templates", str(PROJECT / "templates")]
    assert main([*args, "--out", str(out)]) == 0


def _edit(specs: Path, old: str, new: str) -> None:
    path = specs / "alibabacloud" / "ens" / "ListBuckets.yaml"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.fixture
def specs(tmp_path: Path) -> Path:
    shutil.copytree(PROJECT / "specs", tmp_path / "specs")
    return tmp_path / "specs"


def _same_as_fresh(specs: Path, out: Path, tmp_path: Path) -> None:
    """``out``, regenerated in place, holds what a generation from scratch holds (but for the
    changelog, which continues the history of ``out``)."""
    fresh = tmp_path / "fresh"
    _generate(specs, fresh)
    history = {"CHANGELOG.md", ".spec-snapshot.json", ".manifest.json"}
    ours, theirs = _snapshot(out), _snapshot(fresh)
    assert {k: v for k, v in ours.items() if k not in history} == {
        k: v for k, v in theirs.items() if k not in history
    }
    assert ours[".spec-snapshot.json"] == theirs[".spec-snapshot.json"]
    recorded = json.loads(ours[".manifest.json"])
    expected = json.loads(theirs[".manifest.json"])
    for key in ("inputs", "services", "models"):
        assert recorded[key] == expected[key]


def test_pool_builds_what_one_process_builds(
    specs: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(generator.pipeline, "_workers", lambda tasks: min(tasks, 2))
    _generate(specs, tmp_path / "pool")
    monkeypatch.setattr(generator.pipeline, "_workers", lambda tasks: 1)
    _generate(specs, tmp_path / "serial")
    assert _snapshot(tmp_path / "pool") == _snapshot(tmp_path / "serial")


def test_models_are_reused_when_only_an_operation_changed(
    specs: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out"
    _generate(specs, out)
    _edit(specs, PARAMETER_ONLY, PARAMETER_ONLY + " Edited.")

    def not_called(*args: object) -> str:
        raise AssertionError("models.py regenerated although its input did not change")

    monkeypatch.setattr(generator.pipeline, "generate_models", not_called)
    _generate(specs, out)
    monkeypatch.undo()
    assert "Edited." in (out / "alibabacloud/ens/openapi.json").read_text(encoding="utf-8")
    _same_as_fresh(specs, out, tmp_path)


def test_models_are_regenerated_when_a_response_changed(specs: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    _generate(specs, out)
    _edit(specs, RESPONSE_FIELD, "description: The bucket's name (edited).")
    _generate(specs, out)
    assert "(edited)" in (out / "alibabacloud/ens/models.py").read_text(encoding="utf-8")
    _same_as_fresh(specs, out, tmp_path)


def test_the_prepared_validator_agrees_with_the_stock_one() -> None:
    document = json.loads((PROJECT / "generated/alibabacloud/ens/openapi.json").read_bytes())
    validate_openapi(document, "ens")
    validate(document)
    broken = json.loads(json.dumps(document))
    schema = next(iter(broken["components"]["schemas"].values()))
    schema["type"] = "objekt"
    with pytest.raises(GeneratorBug, match="invalid OpenAPI for ens"):
        validate_openapi(broken, "ens")
    with pytest.raises(Exception, match="objekt"):
        validate(broken)
