"""The whole generation: specs -> model -> OpenAPI -> models -> templates -> file contents.

Everything is produced in memory first; nothing is written unless every stage succeeded.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

import black

from generator.changelog import ChangelogUpdate, update_changelog
from generator.fingerprint import PreviousTree, service_key, tooling_fingerprint
from generator.model import SpecSet
from generator.models import generate_models
from generator.normalize import load_specs
from generator.openapi import build_openapi
from generator.render import BLACK_MODE, Renderer

_PROVIDER_TITLES = {"alibabacloud": "Alibaba Cloud", "huaweicloud": "Huawei Cloud"}


@dataclass(frozen=True)
class GeneratedTree:
    specs: SpecSet
    spec_files: int
    files: dict[str, bytes]  # path relative to generated/ -> exact bytes
    changelog: ChangelogUpdate | None = None
    service_keys: dict[str, str] = field(default_factory=dict)  # output prefix -> fingerprint


def build_tree(
    specs_root: Path, templates_root: Path, history: Path | None = None
) -> GeneratedTree:
    """Every generated file in memory. With ``history`` (the current generated/), also
    CHANGELOG.md and the model snapshot, continued from the ones found there, and the files
    of services whose model did not change are taken from there instead of regenerated."""
    specs = load_specs(specs_root)
    tooling = tooling_fingerprint(templates_root)
    previous = PreviousTree(history) if history is not None else None
    service_keys: dict[str, str] = {}
    reused: dict[str, bytes] = {}
    renderer = Renderer(templates_root)
    files: dict[str, str] = {
        "__init__.py": renderer.python(
            "namespace_init.py.j2",
            doc="Generated API clients, one package per vendor and service.",
            example="generated.alibabacloud.oss",
        ),
        "py.typed": "",
        "README.md": renderer.text("index.md.j2", services=specs.services),
    }
    for provider in sorted({s.provider for s in specs.services}):
        example = next(s.module for s in specs.services if s.provider == provider)
        files[f"{provider}/__init__.py"] = renderer.python(
            "namespace_init.py.j2", doc=f"{_PROVIDER_TITLES[provider]} clients.", example=example
        )
    for service in specs.services:
        prefix = f"{service.provider}/{service.service}/"
        service_keys[prefix] = key = service_key(tooling, service)
        unchanged = previous.service_files(prefix, key) if previous else None
        if unchanged is not None:
            reused.update(unchanged)
            continue
        document = build_openapi(service)
        files[prefix + "openapi.json"] = json.dumps(document, indent=2, ensure_ascii=False) + "\n"
        files[prefix + "models.py"] = black.format_str(
            generate_models(service, document), mode=BLACK_MODE
        )
        for name, text in renderer.service_files(service).items():
            files[prefix + name] = text
    spec_files = sum(1 + len(s.operations) for s in specs.services)
    encoded = {k: v.encode("utf-8") for k, v in files.items()} | reused
    changelog = update_changelog(history, specs) if history is not None else None
    if changelog is not None:
        encoded.update(changelog.files)
    return GeneratedTree(specs, spec_files, dict(sorted(encoded.items())), changelog, service_keys)
