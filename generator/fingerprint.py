"""The build cache: a fast answer to "is generated/ up to date?" without running the pipeline.

``generated/.manifest.json`` records a fingerprint of every input of the generation (specs,
templates, the generator's own code and schemas, the runtime whose registries and
constants it renders, the versions of the tools it runs) and the
SHA-256 of every file it wrote. When the inputs hash the same and every file on disk still
has its recorded hash, a full run would produce the same bytes, so it can be skipped.

It also records, per service dir of the specs, a digest of its files (and of the tooling)
with what the tree-wide files show of the service, in the order of the services in the
model snapshot: a dir whose digest did not change need not be loaded again (see
generator.pipeline).

It is a cache, never part of the output: it is not committed (each machine keeps its own),
``--check`` never reports it, and a missing or mismatching one only means the slow path:
run the pipeline and compare the bytes it would write. So another version of a tool whose
output is the same still passes ``--check``.

It carries a seal (generator.outcache): a MAC of the record under a key only this machine's
cache holds. ``--check`` believes only a sealed record (a hand edit of generated/ that
also rewrote the hashes here breaks the seal; a tree from another machine or a fresh
checkout has no seal it can verify) and then needs no pipeline for an unchanged tree, and
only the changed services' for a stale one. ``generate`` believes an unsealed one too: the
worst it can do there is skip work.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path
from typing import Any

import sdk_runtime
from generator import outcache
from generator.errors import display_path
from generator.hashes import FileHashes
from generator.model import OperationName, ServiceSummary
from generator.snapshot import entry_service
from generator.tree import relative_files

MANIFEST = ".manifest.json"
_TOOLS = ("black", "datamodel-code-generator", "jinja2", "pyyaml", "openapi-spec-validator")
_GENERATOR = Path(__file__).resolve().parent
# the runtime's registries and constants are rendered too (keywords, docs/configuration.md)
_RUNTIME = Path(sdk_runtime.__file__).resolve().parent


def _hash_tree(digest: hashlib._Hash, root: Path, suffixes: tuple[str, ...]) -> int:
    files = relative_files(root, suffixes)
    for name in files:
        digest.update(name.encode() + b"\0")
        digest.update(hashlib.sha256((root / name).read_bytes()).digest())
    return len(files)


def tooling_fingerprint(templates: Path, package: str) -> str:
    """Fingerprint of everything but the specs: templates, output package name, generator
    code, runtime code, tool versions."""
    digest = hashlib.sha256(f"package={package}\0".encode())
    _hash_tree(digest, templates, ("",))
    digest.update(b"generator\0")
    _hash_tree(digest, _GENERATOR, (".py", ".json"))
    digest.update(b"sdk_runtime\0")
    _hash_tree(digest, _RUNTIME, (".py",))
    for tool in _TOOLS:
        try:
            digest.update(f"{tool}={metadata.version(tool)}\0".encode())
        except metadata.PackageNotFoundError:
            digest.update(f"{tool}=missing\0".encode())
    return digest.hexdigest()


@dataclass(frozen=True)
class SpecInputs:
    """The inputs of a generation, hashed once."""

    tooling: str  # see tooling_fingerprint
    fingerprint: str  # of every input
    files: int  # spec files
    digests: dict[str, str]  # spec dir (posix, relative to the tree) -> its files + tooling
    names: tuple[str, ...] = ()  # every file of the spec tree (posix, relative to it)


def spec_inputs(
    specs: Path, templates: Path, package: str, hashes: FileHashes | None = None
) -> SpecInputs:
    """Fingerprint of every input and a digest per spec dir, each spec file read once (or
    not at all, where ``hashes`` knows it unchanged)."""
    tooling = tooling_fingerprint(templates, package)
    digest = hashlib.sha256(tooling.encode())
    folders: dict[str, hashlib._Hash] = {}
    files = relative_files(specs)  # page snapshots too: the examples are checked against them
    known = hashes or FileHashes(specs)
    for relative in files:
        content = bytes.fromhex(known.sha256(relative))
        digest.update(relative.encode() + b"\0")
        digest.update(content)
        folder, _, name = relative.rpartition("/")
        if folder not in folders:
            # the model names files as messages do (specs/...): that name is an input too
            shown = display_path(specs / folder, specs)
            folders[folder] = hashlib.sha256(f"{tooling}\0{shown}\0".encode())
        folders[folder].update(name.encode() + b"\0" + content)
    digests = {folder: d.hexdigest() for folder, d in folders.items()}
    yaml_files = sum(name.endswith(".yaml") for name in files)
    return SpecInputs(tooling, digest.hexdigest(), yaml_files, digests, tuple(files))


def service_key(tooling: str, service: object) -> str:
    """Fingerprint of one service's generated files: its model (not its YAML text) + tooling."""
    return hashlib.sha256(f"{tooling}\0{service!r}".encode()).hexdigest()


def manifest(
    fingerprint: str,
    services: dict[str, str],
    files: Mapping[str, str],
    models: dict[str, str] | None = None,
    sources: Mapping[str, tuple[str, ServiceSummary]] | None = None,
    openapi: dict[str, str] | None = None,
) -> bytes:
    """The manifest's bytes for a generated tree (itself excluded). ``files``: name ->
    SHA-256 of every file; ``models``: output prefix -> key of the input its ``models.py``
    was generated from (see generator.models); ``sources``: spec dir -> (digest, summary),
    in the order of the snapshot's services; ``openapi``: output prefix -> validity key of
    its ``openapi.json`` (see generator.openapi)."""
    data = {
        "inputs": fingerprint,
        "sources": {
            folder: {"digest": digest, **_summary_json(summary)}
            for folder, (digest, summary) in (sources or {}).items()
        },
        "services": dict(sorted(services.items())),
        "models": dict(sorted((models or {}).items())),
        "openapi": dict(sorted((openapi or {}).items())),
        "files": dict(sorted(files.items())),
    }
    data["seal"] = outcache.seal(_sealed_part(data))
    return (json.dumps(data, separators=(",", ":")) + "\n").encode()


def _sealed_part(data: dict[str, Any]) -> bytes:
    """What the seal covers: the whole record but the seal."""
    return json.dumps({k: v for k, v in data.items() if k != "seal"}).encode()


def _summary_json(summary: ServiceSummary) -> dict[str, Any]:
    return {
        "provider": summary.provider,
        "service": summary.service,
        "vendor": summary.vendor,
        "title": summary.title,
        "name": summary.name,
        "credentials": summary.credentials,
        "operations": [[op.name, op.python_name] for op in summary.operations],
    }


_SUMMARY_TEXTS = ("provider", "service", "vendor", "title", "name", "credentials")


def _summary(record: dict[str, Any]) -> ServiceSummary:
    texts = [record[key] for key in _SUMMARY_TEXTS]
    pairs = record["operations"]
    if not all(isinstance(pair, list) and len(pair) == 2 for pair in pairs):
        raise TypeError(record)
    if not all(isinstance(t, str) for t in [*texts, *(name for pair in pairs for name in pair)]):
        raise TypeError(record)
    return ServiceSummary(
        **{key: record[key] for key in _SUMMARY_TEXTS},
        operations=tuple(OperationName(name, python_name) for name, python_name in pairs),
    )


def _text_map(value: object) -> dict[str, str] | None:
    """A manifest entry that maps text to text ({} when missing), else None."""
    if value is None:
        return {}
    if isinstance(value, dict) and all(
        isinstance(k, str) and isinstance(v, str) for k, v in value.items()
    ):
        return value
    return None


@dataclass(frozen=True)
class _Recorded:
    """The manifest as read: empty when missing, and when corrupt (not JSON, wrong types),
    so that a hand-edited or broken cache is rebuilt, never trusted or crashed on."""

    inputs: str = ""
    services: dict[str, str] = field(default_factory=dict)
    models: dict[str, str] = field(default_factory=dict)
    openapi: dict[str, str] = field(default_factory=dict)
    files: dict[str, str] = field(default_factory=dict)
    sources: dict[str, tuple[str, ServiceSummary]] = field(default_factory=dict)
    sealed: bool = False  # written by the generator on this machine (generator.outcache)


def _recorded(out: Path) -> _Recorded:
    try:
        data = json.loads((out / MANIFEST).read_bytes())
    except (OSError, ValueError):
        return _Recorded()
    if not isinstance(data, dict) or not isinstance(data.get("inputs", ""), str):
        return _Recorded()
    maps = [_text_map(data.get(key)) for key in ("services", "models", "openapi", "files")]
    sources: dict[str, tuple[str, ServiceSummary]] = {}
    try:
        for folder, record in data.get("sources", {}).items():
            if not isinstance(record["digest"], str):
                raise TypeError(record["digest"])
            sources[folder] = (record["digest"], _summary(record))
    except (AttributeError, KeyError, TypeError):
        return _Recorded()
    services, models, openapi, files = maps
    if services is None or models is None or openapi is None or files is None:
        return _Recorded()
    mac = data.get("seal")
    sealed = isinstance(mac, str) and outcache.sealed(_sealed_part(data), mac)
    return _Recorded(data.get("inputs", ""), services, models, openapi, files, sources, sealed)


class PreviousTree:
    """The last generation as its manifest records it: is the tree still what it was, and
    which files of it are reusable for services whose model did not change."""

    def __init__(self, out: Path, hashes: FileHashes | None = None) -> None:
        self.out = out
        self.hashes = hashes or FileHashes(out)
        recorded = _recorded(out)
        self.inputs = recorded.inputs
        self.services = recorded.services
        self.models = recorded.models
        self.openapi = recorded.openapi
        self.files = recorded.files
        self.sources = recorded.sources
        self.sealed = recorded.sealed
        by_service: dict[str, list[str]] = {}
        for name in self.files:
            if name.startswith("/") or ".." in name.split("/"):
                continue  # no name of a corrupt manifest leads out of the tree
            parts = name.split("/", 2)
            owner = entry_service(name)  # its model, in the snapshot
            if owner is None and len(parts) == 3:  # <provider>/<service>/...
                owner = f"{parts[0]}/{parts[1]}/"
            if owner is not None:
                by_service.setdefault(owner, []).append(name)
        self._by_service = by_service

    def read(self, name: str) -> bytes | None:
        """The file as recorded, or None if it is missing or changed since."""
        try:
            content, sha = self.hashes.read(name)
        except OSError:
            return None
        return content if sha == self.files.get(name) else None

    def service_files(self, prefix: str, key: str) -> dict[str, str] | None:
        """Files under ``prefix`` exactly as generated for ``key`` (name -> recorded
        SHA-256, each still so on disk), or None."""
        if self.services.get(prefix) != key:
            return None
        names = self._by_service.get(prefix, ())
        if not names or not all(self.hashes.matches(name, self.files[name]) for name in names):
            return None
        return {name: self.files[name] for name in names}

    def models_file(self, prefix: str) -> tuple[str, bytes] | None:
        """(key of its input, content) of the service's last ``models.py``, if still intact."""
        key = self.models.get(prefix)
        content = self.read(prefix + "models.py") if key else None
        return (key, content) if key and content is not None else None

    def up_to_date(self, fingerprint: str, *, sealed: bool = False) -> int | None:
        """Number of files when the tree is exactly what these inputs generate; else None.
        ``sealed``: only on the word of a manifest this machine's generator wrote."""
        if self.inputs != fingerprint or (sealed and not self.sealed):
            return None
        if set(relative_files(self.out)) != set(self.files) | {MANIFEST}:
            return None
        if not all(self.hashes.matches(name, sha) for name, sha in self.files.items()):
            return None
        return len(self.files)
