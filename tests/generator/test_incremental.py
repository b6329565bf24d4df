"""Speed-ups that must not change a byte: the process pool, reused models, the validator,
unchanged spec dirs not loaded again."""

from __future__ import annotations

import json
import re
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from openapi_spec_validator import validate

import generator.normalize
import generator.pipeline
from generator.cli import main
from generator.diff import dump_snapshot, load_snapshot, load_snapshot_entry, snapshot_entry
from generator.errors import GeneratorBug, SpecError
from generator.normalize import load_service_dirs, load_specs
from generator.openapi import validate_openapi, validity_key
from generator.snapshot import SNAPSHOT, index_services, read_snapshot, snapshot_files

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
    assert main([*args, "--out", str(out), "--package", "generated"]) == 0


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
    shutil.rmtree(fresh, ignore_errors=True)
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
    monkeypatch.setattr(generator.pipeline, "_cpus", lambda: 2)
    _generate(specs, tmp_path / "pool")
    monkeypatch.setattr(generator.pipeline, "_cpus", lambda: 1)
    _generate(specs, tmp_path / "serial")
    assert _snapshot(tmp_path / "pool") == _snapshot(tmp_path / "serial")


def test_pool_reports_spec_errors_as_one_process(
    specs: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Dirs loaded by the pool's processes give the same file:line messages, in order."""
    for broken in ("huaweicloud/ga/ListByoipPools.yaml", "alibabacloud/ens/ListBuckets.yaml"):
        path = specs / broken
        path.write_text(path.read_text(encoding="utf-8") + "\nparameters: []\n")
    args = ["generate", "--specs", str(specs), "--templates", str(PROJECT / "templates")]
    reports = []
    for cpus in (2, 1):
        monkeypatch.setattr(generator.pipeline, "_cpus", lambda cpus=cpus: cpus)
        capsys.readouterr()
        assert main([*args, "--out", str(tmp_path / "out")]) == 1
        reports.append(capsys.readouterr().err)
    assert reports[0] == reports[1]
    assert "ListByoipPools.yaml:" in reports[0] and "ListBuckets.yaml:" in reports[0]


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


# -- unchanged spec dirs are not loaded again ---------------------------------------------------


def _service_dirs(specs: Path) -> list[str]:
    """Every service dir of the tree (a dir with a service.yaml), in the order they load."""
    dirs = sorted(path.parent for path in specs.rglob("service.yaml"))
    return [d.relative_to(specs).as_posix() for d in dirs]


def _loaded_dirs(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The service dirs normalize loads from now on (relative to the spec tree)."""
    loaded: list[str] = []
    real = generator.normalize._load_service_dir

    def spy(directory: Path, root: Path, *args: bool) -> object:
        loaded.append(directory.relative_to(root).as_posix())
        return real(directory, root, *args)

    monkeypatch.setattr(generator.normalize, "_load_service_dir", spy)
    monkeypatch.setattr(generator.pipeline, "_cpus", lambda: 1)  # loaded here, seen by the spy
    return loaded


def _as_without_reuse(specs: Path, out: Path, before: Path) -> None:
    """``out`` (regenerated with reuse) is byte for byte what ``before`` (a copy of ``out``
    as it was before the edit) becomes when regenerated without reuse: same files, same
    changelog entry, same snapshot and manifest."""
    manifest = json.loads((before / ".manifest.json").read_bytes())
    manifest.pop("sources")
    (before / ".manifest.json").write_text(json.dumps(manifest, indent=1) + "\n")
    _generate(specs, before)
    assert _snapshot(out) == _snapshot(before)


@pytest.fixture
def generated(specs: Path, tmp_path: Path) -> Path:
    out = tmp_path / "out"
    _generate(specs, out)
    shutil.copytree(out, tmp_path / "before")
    return out


def test_an_operation_edit_loads_only_its_dir(
    specs: Path, generated: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _edit(specs, PARAMETER_ONLY, PARAMETER_ONLY + " Edited.")
    loaded = _loaded_dirs(monkeypatch)
    _generate(specs, generated)
    assert loaded == ["alibabacloud/ens"]
    monkeypatch.undo()
    assert "Edited." in (generated / "alibabacloud/ens/openapi.json").read_text(encoding="utf-8")
    assert "Edited." in (generated / "CHANGELOG.md").read_text(encoding="utf-8")
    _same_as_fresh(specs, generated, tmp_path)
    _as_without_reuse(specs, generated, tmp_path / "before")


def test_a_service_file_edit_is_picked_up(
    specs: Path, generated: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    service = specs / "huaweicloud" / "ga" / "service.yaml"
    text = service.read_text(encoding="utf-8")
    title = re.search(r"(?m)^title: (.*)$", text)
    assert title
    service.write_text(text.replace(title.group(0), "title: Global Accelerator (edited)"))
    loaded = _loaded_dirs(monkeypatch)
    _generate(specs, generated)
    assert loaded == ["huaweicloud/ga"]
    monkeypatch.undo()
    assert "Global Accelerator (edited)" in (generated / "README.md").read_text(encoding="utf-8")
    _same_as_fresh(specs, generated, tmp_path)
    _as_without_reuse(specs, generated, tmp_path / "before")


def test_added_and_removed_specs_are_picked_up(
    specs: Path, generated: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ens = specs / "alibabacloud" / "ens"
    text = (ens / "ListBuckets.yaml").read_text(encoding="utf-8")
    (ens / "ListBucketsAgain.yaml").write_text(
        text.replace("ListBuckets", "ListBucketsAgain").replace("BucketInfo", "BucketInfoAgain"),
        encoding="utf-8",
    )
    page = (ens / "ListBuckets.page.txt").read_text(encoding="utf-8")
    (ens / "ListBucketsAgain.page.txt").write_text(
        page.replace("BucketInfo", "BucketInfoAgain"), encoding="utf-8"
    )
    shutil.rmtree(specs / "alibabacloud" / "oss")
    loaded = _loaded_dirs(monkeypatch)
    _generate(specs, generated)
    assert loaded == ["alibabacloud/ens"]
    monkeypatch.undo()
    assert (generated / "alibabacloud/ens/docs/ListBucketsAgain.md").is_file()
    assert not (generated / "alibabacloud/oss").exists()
    changelog = (generated / "CHANGELOG.md").read_text(encoding="utf-8")
    assert "operation-added" in changelog and "service-removed" in changelog
    _same_as_fresh(specs, generated, tmp_path)
    _as_without_reuse(specs, generated, tmp_path / "before")

    # ... and back: the service reappears, the operation goes
    shutil.copytree(PROJECT / "specs/alibabacloud/oss", specs / "alibabacloud" / "oss")
    (ens / "ListBucketsAgain.yaml").unlink()
    _generate(specs, generated)
    changelog = (generated / "CHANGELOG.md").read_text(encoding="utf-8")
    assert "operation-removed" in changelog.split("\n## ")[1]
    assert "service-added" in changelog.split("\n## ")[1]
    _same_as_fresh(specs, generated, tmp_path)


def test_a_changed_generated_file_is_rebuilt(specs: Path, generated: Path, tmp_path: Path) -> None:
    client = generated / "alibabacloud/oss/client.py"
    client.write_text("# edited by hand\n", encoding="utf-8")
    _edit(specs, PARAMETER_ONLY, PARAMETER_ONLY + " Edited.")
    _generate(specs, generated)
    assert client.read_bytes() == (tmp_path / "before/alibabacloud/oss/client.py").read_bytes()
    _same_as_fresh(specs, generated, tmp_path)


def test_a_tooling_change_loads_every_dir(
    specs: Path, generated: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    manifest = json.loads((generated / ".manifest.json").read_bytes())
    manifest["inputs"] = "0" * 64
    for record in manifest["sources"].values():
        record["digest"] = "0" * 64  # as if the generator or a template had changed
    (generated / ".manifest.json").write_text(json.dumps(manifest, indent=1) + "\n")
    loaded = _loaded_dirs(monkeypatch)
    _generate(specs, generated)
    assert loaded == _service_dirs(specs)
    seeds = {"alibabacloud/cloudsso", "alibabacloud/ens", "alibabacloud/oss", "huaweicloud/ga"}
    assert seeds <= set(loaded)


@pytest.mark.parametrize("name", ["aaa", "zzz"])  # the new dir sorts before / after ens
def test_errors_next_to_unchanged_dirs_are_reported_as_by_a_full_load(
    specs: Path, generated: Path, name: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """A new service dir clashing with an unchanged one, and a broken file: the same
    file:line messages as when every dir is loaded."""
    shutil.copytree(specs / "alibabacloud/ens", specs / "alibabacloud" / name)
    broken = specs / "huaweicloud/ga/ListByoipPools.yaml"
    broken.write_text(broken.read_text(encoding="utf-8") + "\nparameters: []\n")
    with pytest.raises(SpecError) as full:
        load_specs(specs)
    capsys.readouterr()
    args = ["generate", "--specs", str(specs), "--templates", str(PROJECT / "templates")]
    assert main([*args, "--out", str(generated)]) == 1
    err = capsys.readouterr().err.splitlines()
    assert err[:-1] == [str(issue) for issue in full.value.issues]
    assert any("is already defined by" in line for line in err)
    kept = {
        specs / "alibabacloud/ens": ("alibabacloud", "ens"),
        specs / "alibabacloud/oss": ("alibabacloud", "oss"),
    }
    with pytest.raises(SpecError) as partial:
        load_service_dirs(specs, kept)
    assert partial.value.issues == full.value.issues


# -- the model snapshot ---------------------------------------------------------------------


def test_snapshot_entries_restore_the_model_exactly(specs: Path, tmp_path: Path) -> None:
    """What the changelog compares with is what normalize builds: decoding a service's
    snapshot file gives it back, equal and with the same repr (tuples, ints, floats, text),
    from the split snapshot and from the whole-model one alike."""
    ens = specs / "alibabacloud" / "ens" / "ListBuckets.yaml"
    text = ens.read_text(encoding="utf-8")
    text = text.replace("    maximum: 100\n", "    minimum: -0.5\n    maximum: 100\n")
    text = text.replace(
        "description: The page number. Pages start from page 1.",
        'description: "Seite\\u2028eins,\\nü \\"quoted\\" \\\\ {x}"',
    )
    ens.write_text(text, encoding="utf-8")
    model = load_specs(specs)
    files = snapshot_files(model)
    assert len(files) == 1 + len(model.services)
    for name, content in files.items():
        (tmp_path / "out" / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / "out" / name).write_bytes(content)
    restored = read_snapshot(tmp_path / "out" / SNAPSHOT)
    assert restored == model
    for again, service in zip(restored.services, model.services, strict=True):
        assert repr(again) == repr(service)
        assert load_snapshot_entry(snapshot_entry(service)) == service
    (tmp_path / "whole.json").write_bytes(dump_snapshot(model))
    assert read_snapshot(tmp_path / "whole.json") == load_snapshot(dump_snapshot(model)) == model


@pytest.mark.parametrize(
    "index",
    [
        b'{"snapshot_version": 1, "services": []}',
        b'{"snapshot_version": 2, "services": ["../../etc"]}',
        b'{"snapshot_version": 2, "services": ["alibabacloud"]}',
        b'{"snapshot_version": 2, "services": [7]}',
        b"[]",
        b"not json",
    ],
)
def test_an_index_that_is_not_one_is_not_followed(index: bytes) -> None:
    assert index_services(index) is None


def test_one_edit_rewrites_only_its_services_snapshot_file(specs: Path, generated: Path) -> None:
    entries = generated / ".spec-snapshot"
    before = {p.relative_to(entries).as_posix(): p.stat().st_ino for p in entries.rglob("*.json")}
    assert "alibabacloud/ens.json" in before and len(before) > 2
    _edit(specs, PARAMETER_ONLY, PARAMETER_ONLY + " Edited.")
    _generate(specs, generated)
    after = {p.relative_to(entries).as_posix(): p.stat().st_ino for p in entries.rglob("*.json")}
    assert after.keys() == before.keys()
    assert [name for name in before if after[name] != before[name]] == ["alibabacloud/ens.json"]
    assert "Edited." in (entries / "alibabacloud" / "ens.json").read_text(encoding="utf-8")


def test_a_whole_model_snapshot_of_an_older_generation_is_continued(
    specs: Path, generated: Path, tmp_path: Path
) -> None:
    """A tree written before the snapshot was split: its one-file snapshot is read, the
    changelog goes on without a spurious entry, and the snapshot is split."""
    changelog = (generated / "CHANGELOG.md").read_bytes()
    model = read_snapshot(generated / SNAPSHOT)
    shutil.rmtree(generated / ".spec-snapshot")
    (generated / SNAPSHOT).write_bytes(dump_snapshot(model))
    (generated / ".manifest.json").unlink()
    _generate(specs, generated)
    assert (generated / "CHANGELOG.md").read_bytes() == changelog
    assert index_services((generated / SNAPSHOT).read_bytes()) is not None
    _same_as_fresh(specs, generated, tmp_path)


# -- OpenAPI validation ---------------------------------------------------------------------


def test_a_prose_edit_is_not_validated_again(
    specs: Path, generated: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _edit(specs, PARAMETER_ONLY, PARAMETER_ONLY + " Edited.")

    def not_called(*args: object) -> None:
        raise AssertionError("validated although only descriptions changed")

    monkeypatch.setattr(generator.pipeline, "validate_openapi", not_called)
    _generate(specs, generated)
    monkeypatch.undo()
    assert "Edited." in (generated / "alibabacloud/ens/openapi.json").read_text(encoding="utf-8")
    _same_as_fresh(specs, generated, tmp_path)


def test_a_structural_edit_is_validated(
    specs: Path, generated: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _edit(specs, "    maximum: 100\n", "    maximum: 50\n")
    validated: list[str] = []
    monkeypatch.setattr(generator.pipeline, "_cpus", lambda: 1)  # built here, seen by the spy
    monkeypatch.setattr(
        generator.pipeline, "validate_openapi", lambda document, name: validated.append(name)
    )
    _generate(specs, generated)
    assert validated == ["alibabacloud.ens"]


def test_the_validity_key_ignores_only_prose() -> None:
    document = json.loads((PROJECT / "generated/alibabacloud/ens/openapi.json").read_bytes())
    key = validity_key(document, "tooling")
    assert validity_key(document, "other tooling") != key

    def edited(change: Callable[[dict[str, Any]], None]) -> str:
        copy = json.loads(json.dumps(document))
        change(copy)
        return validity_key(copy, "tooling")

    def schema(d: dict[str, Any]) -> Any:
        return next(iter(d["components"]["schemas"].values()))

    def operation(d: dict[str, Any]) -> Any:
        return next(iter(next(iter(d["paths"].values())).values()))

    assert edited(lambda d: d["info"].update(description="new")) == key
    assert edited(lambda d: operation(d).update(summary="new")) == key
    assert edited(lambda d: schema(d).update(description="new")) == key
    assert edited(lambda d: d["info"].update(description=None)) != key  # no longer text
    assert edited(lambda d: d["info"].update(title="new")) != key
    assert edited(lambda d: operation(d).update(operationId="new")) != key
    # a property named "description" is structure, not prose
    assert edited(lambda d: schema(d)["properties"].update(description={"type": "x"})) != key
