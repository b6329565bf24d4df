"""The whole generation: specs -> model -> OpenAPI -> models -> templates -> file contents.

Everything is produced in memory first; nothing is written unless every stage succeeded.
Services are independent: when several must be (re)built, a pool of processes builds them,
one service per task; a single service is built in this process (no pool start-up).
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from generator.changelog import ChangelogUpdate, update_changelog
from generator.fingerprint import PreviousTree, service_key, tooling_fingerprint
from generator.model import Service, SpecSet
from generator.models import generate_models, models_input
from generator.normalize import load_specs
from generator.openapi import build_openapi
from generator.render import Renderer, format_python

_PROVIDER_TITLES = {"alibabacloud": "Alibaba Cloud", "huaweicloud": "Huawei Cloud"}


@dataclass(frozen=True)
class GeneratedTree:
    specs: SpecSet
    spec_files: int
    files: dict[str, bytes]  # path relative to generated/ -> exact bytes
    changelog: ChangelogUpdate | None = None
    service_keys: dict[str, str] = field(default_factory=dict)  # output prefix -> fingerprint
    models_keys: dict[str, str] = field(default_factory=dict)  # output prefix -> models input


@dataclass(frozen=True)
class _Job:
    """One service to build, with what can be reused of its last generation."""

    service: Service
    templates_root: Path
    tooling: str
    previous_models: tuple[str, bytes] | None  # (input key, content) of its last models.py


@dataclass(frozen=True)
class _Built:
    files: dict[str, bytes]
    models_key: str


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
    models_keys: dict[str, str] = {}
    files: dict[str, bytes] = {}
    jobs: list[_Job] = []
    for service in specs.services:
        prefix = _prefix(service)
        service_keys[prefix] = key = service_key(tooling, service)
        unchanged = previous.service_files(prefix, key) if previous else None
        if unchanged is None:
            models = previous.models_file(prefix) if previous else None
            jobs.append(_Job(service, templates_root, tooling, models))
        else:
            files.update(unchanged)
            if previous is not None and prefix in previous.models:
                models_keys[prefix] = previous.models[prefix]
    with _built_services(jobs) as built:
        # While a pool builds the services, this process does the rest.
        files.update(_top_level_files(specs, templates_root))
        changelog = update_changelog(history, specs) if history is not None else None
        if changelog is not None:
            files.update(changelog.files)
        for job, result in zip(jobs, built, strict=True):
            files.update(result.files)
            models_keys[_prefix(job.service)] = result.models_key
    spec_files = sum(1 + len(s.operations) for s in specs.services)
    return GeneratedTree(
        specs, spec_files, dict(sorted(files.items())), changelog, service_keys, models_keys
    )


def _prefix(service: Service) -> str:
    return f"{service.provider}/{service.service}/"


@cache
def _renderer(templates_root: Path) -> Renderer:
    return Renderer(templates_root)


def _top_level_files(specs: SpecSet, templates_root: Path) -> dict[str, bytes]:
    renderer = _renderer(templates_root)
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
    return {name: text.encode("utf-8") for name, text in files.items()}


def _build_service(job: _Job) -> _Built:
    """Every file of one service: OpenAPI document, models, client, errors, package, docs.
    ``models.py`` is taken from the last generation when its input did not change."""
    service = job.service
    prefix = _prefix(service)
    document = build_openapi(service)
    models = models_input(service, document)
    models_key = models.key(job.tooling)
    reusable = job.previous_models
    if reusable is not None and reusable[0] == models_key:
        models_py = reusable[1]
    else:
        models_py = format_python(generate_models(models)).encode("utf-8")
    files = {prefix + "openapi.json": json.dumps(document, indent=2, ensure_ascii=False) + "\n"}
    for name, text in _renderer(job.templates_root).service_files(service).items():
        files[prefix + name] = text
    encoded = {name: text.encode("utf-8") for name, text in files.items()}
    encoded[prefix + "models.py"] = models_py
    return _Built(encoded, models_key)


def _workers(tasks: int) -> int:
    try:
        cpus = len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        cpus = os.cpu_count() or 1
    return min(tasks, cpus)


@contextmanager
def _built_services(jobs: list[_Job]) -> Iterator[Iterable[_Built]]:
    """The result of each job, in order. Several jobs on several CPUs: a process pool starts
    on them at once; otherwise each is built here when it is asked for. The first failure
    (in job order) is raised, as when built one after the other."""
    workers = _workers(len(jobs))
    if workers <= 1:
        yield (_build_service(job) for job in jobs)
        return
    pool = ProcessPoolExecutor(max_workers=workers)
    try:
        futures = [pool.submit(_build_service, job) for job in jobs]
        yield (future.result() for future in futures)
    finally:
        pool.shutdown(cancel_futures=True)
