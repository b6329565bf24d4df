"""A fast answer to "is generated/ up to date?" without running the pipeline.

``generated/.manifest.json`` records a fingerprint of every input of the generation (specs,
templates, the generator's own code and schemas, the versions of the tools it runs) and the
SHA-256 of every file it wrote. When the inputs hash the same and every file on disk still
has its recorded hash, a full run would produce the same bytes, so it can be skipped.
"""

from __future__ import annotations

import hashlib
import json
from importlib import metadata
from pathlib import Path

MANIFEST = ".manifest.json"
_TOOLS = ("black", "datamodel-code-generator", "jinja2", "pyyaml", "openapi-spec-validator")
_GENERATOR = Path(__file__).resolve().parent


def _hash_tree(digest: hashlib._Hash, root: Path, patterns: tuple[str, ...]) -> int:
    count = 0
    files = sorted({p for pattern in patterns for p in root.rglob(pattern) if p.is_file()})
    for path in files:
        if "__pycache__" in path.parts:
            continue
        digest.update(path.relative_to(root).as_posix().encode() + b"\0")
        digest.update(hashlib.sha256(path.read_bytes()).digest())
        count += 1
    return count


def tooling_fingerprint(templates: Path) -> str:
    """Fingerprint of everything but the specs: templates, generator code, tool versions."""
    digest = hashlib.sha256()
    _hash_tree(digest, templates, ("*",))
    digest.update(b"generator\0")
    _hash_tree(digest, _GENERATOR, ("*.py", "*.json"))
    for tool in _TOOLS:
        try:
            digest.update(f"{tool}={metadata.version(tool)}\0".encode())
        except metadata.PackageNotFoundError:
            digest.update(f"{tool}=missing\0".encode())
    return digest.hexdigest()


def input_fingerprint(specs: Path, templates: Path) -> tuple[str, int]:
    """(fingerprint of every input, number of spec files)."""
    digest = hashlib.sha256(tooling_fingerprint(templates).encode())
    spec_files = _hash_tree(digest, specs, ("*.yaml",))
    return digest.hexdigest(), spec_files


def service_key(tooling: str, service: object) -> str:
    """Fingerprint of one service's generated files: its model (not its YAML text) + tooling."""
    return hashlib.sha256(f"{tooling}\0{service!r}".encode()).hexdigest()


def manifest(
    fingerprint: str,
    services: dict[str, str],
    files: dict[str, bytes],
    models: dict[str, str] | None = None,
) -> bytes:
    """The manifest's bytes for a generated tree (itself excluded). ``models``: output prefix
    -> key of the input its ``models.py`` was generated from (see generator.models)."""
    hashes = {name: hashlib.sha256(content).hexdigest() for name, content in sorted(files.items())}
    data = {
        "inputs": fingerprint,
        "services": dict(sorted(services.items())),
        "models": dict(sorted((models or {}).items())),
        "files": hashes,
    }
    return (json.dumps(data, indent=1) + "\n").encode()


class PreviousTree:
    """The last generation's files, reusable for services whose model did not change."""

    def __init__(self, out: Path) -> None:
        self.out = out
        try:
            recorded = json.loads((out / MANIFEST).read_bytes())
        except (OSError, ValueError):
            recorded = {}
        self.services: dict[str, str] = recorded.get("services", {})
        self.models: dict[str, str] = recorded.get("models", {})
        self.files: dict[str, str] = recorded.get("files", {})

    def _read(self, name: str) -> bytes | None:
        """The file as recorded, or None if it is missing or changed since."""
        try:
            content = (self.out / name).read_bytes()
        except OSError:
            return None
        return content if hashlib.sha256(content).hexdigest() == self.files.get(name) else None

    def service_files(self, prefix: str, key: str) -> dict[str, bytes] | None:
        """Files under ``prefix`` exactly as generated for ``key``, or None."""
        if self.services.get(prefix) != key:
            return None
        found = {}
        for name in self.files:
            if name.startswith(prefix):
                content = self._read(name)
                if content is None:
                    return None
                found[name] = content
        return found or None

    def models_file(self, prefix: str) -> tuple[str, bytes] | None:
        """(key of its input, content) of the service's last ``models.py``, if still intact."""
        key = self.models.get(prefix)
        content = self._read(prefix + "models.py") if key else None
        return (key, content) if key and content is not None else None


def up_to_date(out: Path, fingerprint: str) -> int | None:
    """Number of files when ``out`` is exactly what these inputs generate; else None."""
    try:
        recorded = json.loads((out / MANIFEST).read_bytes())
    except (OSError, ValueError):
        return None
    if not isinstance(recorded, dict) or recorded.get("inputs") != fingerprint:
        return None
    expected: dict[str, str] = recorded.get("files", {})
    on_disk = {
        p.relative_to(out).as_posix()
        for p in out.rglob("*")
        if p.is_file() and "__pycache__" not in p.parts
    }
    if on_disk != set(expected) | {MANIFEST}:
        return None
    for name, sha in expected.items():
        if hashlib.sha256((out / name).read_bytes()).hexdigest() != sha:
            return None
    return len(on_disk)
