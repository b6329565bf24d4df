"""The sides of a comparison: spec trees, single operation files, snapshots, git revisions."""

from __future__ import annotations

import dataclasses
import io
import shutil
import subprocess
import tarfile
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from generator.diff.engine import diff_specs
from generator.diff.findings import Finding
from generator.diff.locations import locate
from generator.errors import DiffInputError, SpecError
from generator.loader import SpecFile, load_spec_file
from generator.model import SpecSet
from generator.normalize import SERVICE_FILE, load_specs
from generator.snapshot import read_snapshot
from generator.tree import files_under


@dataclass(frozen=True)
class Side:
    """One side of a comparison: a label for reports, the model, and the parsed spec files
    it came from by the names the model gives them (none for a snapshot), for line numbers."""

    label: str
    specs: SpecSet
    files: Mapping[str, SpecFile] = field(default_factory=dict)


def _load_tree(root: Path, label: str) -> Side:
    try:
        specs = load_specs(root, read_pages=False)
        files = [load_spec_file(path, root) for path in files_under(root, (".yaml",))]
    except SpecError as error:
        issues = "\n".join(f"  {issue}" for issue in error.issues)
        raise DiffInputError(f"{label}: {len(error.issues)} spec error(s)\n{issues}") from error
    return Side(label, specs, {spec.display: spec for spec in files})


def _git(cwd: Path, *args: str) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(["git", "-C", str(cwd), *args], capture_output=True, check=False)


def is_revision(spec_dir: Path, revision: str) -> bool:
    """Whether ``revision`` names a commit in the repository holding ``spec_dir``."""
    anchor = spec_dir if spec_dir.is_dir() else spec_dir.parent
    return (
        _git(anchor, "rev-parse", "--verify", "--quiet", f"{revision}^{{commit}}").returncode == 0
    )


def _existing(path: Path) -> Path:
    """``path`` or its nearest existing ancestor (a spec tree may be gone from the work tree)."""
    path = path.resolve()
    while not path.is_dir() and path != path.parent:
        path = path.parent
    return path


def from_git(revision: str, spec_dir: Path) -> Side:
    """The spec tree ``spec_dir`` as of ``revision`` (extracted with git archive)."""
    spec_dir = spec_dir.resolve()
    found = _git(_existing(spec_dir), "rev-parse", "--show-toplevel")
    if found.returncode != 0:
        raise DiffInputError(
            f"{spec_dir} is not in a git repository: {found.stderr.decode().strip()}"
        )
    top = Path(found.stdout.decode().strip()).resolve()
    relative = spec_dir.relative_to(top).as_posix()
    label = f"{revision}:{relative}"
    if not is_revision(top, revision):
        raise DiffInputError(f"unknown git revision {revision!r}")
    if _git(top, "cat-file", "-e", f"{revision}:{relative}").returncode != 0:
        return Side(label, SpecSet())  # no specs yet at that revision: everything is new
    archive = _git(top, "archive", "--format=tar", revision, "--", relative)
    if archive.returncode != 0:
        raise DiffInputError(f"git archive {revision} failed: {archive.stderr.decode().strip()}")
    with tempfile.TemporaryDirectory(prefix="spec-diff-") as tmp:
        with tarfile.open(fileobj=io.BytesIO(archive.stdout)) as tar:
            tar.extractall(tmp, filter="data")
        return _load_tree(Path(tmp) / relative, label)


def from_path(path: Path) -> Side:
    """A spec tree, a single operation file (with the service file beside it), or a snapshot."""
    label = str(path)
    if path.is_dir():
        return _load_tree(path, label)
    if not path.is_file():
        raise DiffInputError(f"no such file or directory: {path}")
    if path.suffix == ".json":
        try:
            return Side(label, read_snapshot(path))
        except DiffInputError as error:
            raise DiffInputError(f"{label}: {error}") from error
    if path.name == SERVICE_FILE:
        return _load_tree(path.parent, label)
    service_file = path.parent / SERVICE_FILE
    if not service_file.is_file():
        raise DiffInputError(f"{label}: no {SERVICE_FILE} beside this operation file")
    with tempfile.TemporaryDirectory(prefix="spec-diff-") as tmp:
        target = Path(tmp, "specs", path.parent.parent.name or "provider", path.parent.name)
        target.mkdir(parents=True)
        shutil.copyfile(service_file, target / SERVICE_FILE)
        shutil.copyfile(path, target / path.name)
        return _load_tree(target.parent.parent, label)


def resolve(argument: str, spec_dir: Path) -> Side:
    """A path if one exists by that name, else a git revision of ``spec_dir``."""
    path = Path(argument)
    if path.exists():
        return from_path(path)
    if is_revision(spec_dir, argument):
        return from_git(argument, spec_dir)
    raise DiffInputError(f"{argument!r} is neither a path nor a git revision")


def compare(old: Side, new: Side) -> list[Finding]:
    """The findings from ``old`` to ``new``, each with its spec file and line on both sides."""
    return [
        dataclasses.replace(
            f,
            old_location=locate(f.service, f.operation, f.path, old.specs, old.files),
            new_location=locate(f.service, f.operation, f.path, new.specs, new.files),
        )
        for f in diff_specs(old.specs, new.specs)
    ]
