"""The whole generation: specs -> model -> OpenAPI -> models -> templates -> file contents.

Everything is produced in memory first; nothing is written unless every stage succeeded.
Services are independent: when several must be (re)built, a pool of processes builds them,
one service per task; a single service is built in this process (no pool start-up).

With the last generation at hand (``history``), a service dir whose spec files and tooling
hash as they did then (the manifest's ``sources``) is not loaded at all: its files, keys,
summary and snapshot entry are taken from the last generation, and the changelog compares
only the services whose dirs changed (the others' models are equal on both sides).
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import TypeVar

from generator import outcache
from generator.changelog import (
    CHANGELOG,
    ChangelogUpdate,
    compare_models,
    continue_changelog,
    has_entries,
    update_changelog,
)
from generator.diff.acceptance import accept, default_acceptance, load_acceptance
from generator.errors import DiffInputError, SpecError, SpecIssue
from generator.fingerprint import PreviousTree, SpecInputs, service_key, spec_inputs
from generator.model import Service, ServiceSummary, SpecSet
from generator.models import generate_models, models_input
from generator.normalize import load_service_dirs
from generator.openapi import build_openapi, validate_openapi, validity_key
from generator.render import DEFAULT_PACKAGE, Renderer, format_python
from generator.snapshot import (
    SNAPSHOT,
    entry_name,
    index_services,
    load_snapshot_entry,
    snapshot_files,
)
from sdk_runtime.providers import PROVIDERS

_T = TypeVar("_T")
_R = TypeVar("_R")


@dataclass(frozen=True)
class GeneratedTree:
    services: tuple[ServiceSummary, ...]
    spec_files: int
    files: dict[str, bytes]  # path relative to generated/ -> exact bytes (but kept ones)
    changelog: ChangelogUpdate | None = None
    service_keys: dict[str, str] = field(default_factory=dict)  # output prefix -> fingerprint
    models_keys: dict[str, str] = field(default_factory=dict)  # output prefix -> models input
    openapi_keys: dict[str, str] = field(default_factory=dict)  # output prefix -> validity key
    # spec dir -> (digest, summary), in service order: for the manifest
    sources: dict[str, tuple[str, ServiceSummary]] = field(default_factory=dict)
    # files of history that are part of the tree as they are on disk (checked, not read):
    # name -> its recorded SHA-256
    kept: dict[str, str] = field(default_factory=dict)

    @property
    def operations(self) -> int:
        return sum(len(s.operations) for s in self.services)


@dataclass(frozen=True)
class _Job:
    """One service to build, with what can be reused of its last generation."""

    service: Service
    templates_root: Path
    package: str
    tooling: str
    previous_models: tuple[str, bytes] | None  # (input key, content) of its last models.py
    previous_openapi: str | None  # validity key of its last openapi.json


@dataclass(frozen=True)
class _Built:
    files: dict[str, bytes]
    models_key: str
    openapi_key: str


@dataclass(frozen=True)
class _Kept:
    """A service whose spec dir is byte for byte what the last generation read."""

    summary: ServiceSummary
    key: str
    files: dict[str, str]  # name -> recorded SHA-256, as on disk


@dataclass(frozen=True)
class _Reuse:
    """What unchanged spec dirs need not be loaded for: the last generation's manifest
    (sources), snapshot and changelog, all still as the manifest recorded them."""

    kept: dict[str, _Kept]  # spec dir -> the service it had, as generated
    changed: SpecSet  # the previous models of all other services, from the snapshot
    changelog: str  # CHANGELOG.md


def _reusable(previous: PreviousTree, inputs: SpecInputs) -> _Reuse | None:
    index, changelog = previous.read(SNAPSHOT), previous.read(CHANGELOG)
    if index is None or changelog is None or not previous.sources:
        return None
    text = changelog.decode("utf-8")
    order = [f"{s.provider}/{s.service}" for _, s in previous.sources.values()]
    if index_services(index) != order or not has_entries(text):
        return None
    kept: dict[str, _Kept] = {}
    changed: list[Service] = []
    for folder, (digest, summary) in previous.sources.items():
        prefix = f"{summary.provider}/{summary.service}/"
        key = previous.services.get(prefix, "")
        same = inputs.digests.get(folder) == digest
        files = previous.service_files(prefix, key) if same else None
        if files is not None:
            kept[folder] = _Kept(summary, key, files)
            continue
        entry = previous.read(entry_name(summary.provider, summary.service))
        try:
            if entry is None:
                return None
            changed.append(load_snapshot_entry(entry))
        except DiffInputError:
            return None
    return _Reuse(kept, SpecSet(tuple(changed)), text)


def build_tree(
    specs_root: Path,
    templates_root: Path,
    history: Path | None = None,
    inputs: SpecInputs | None = None,
    package: str = DEFAULT_PACKAGE,
    previous: PreviousTree | None = None,
) -> GeneratedTree:
    """Every generated file in memory. With ``history`` (the current generated/), also
    CHANGELOG.md and the model snapshot, continued from the ones found there, and the files
    of services whose model did not change are taken from there instead of regenerated.
    ``package``: the import name of the output (``generated``, ``mycorp_clouds``).
    ``previous``: the manifest of ``history`` as read, when its word can be taken for
    what is in it (else every service is built; CHANGELOG.md and the snapshot are still
    continued)."""
    if inputs is None:
        inputs = spec_inputs(specs_root, templates_root, package)
    accepted = _accepted(specs_root) if history is not None else {}
    tooling = inputs.tooling
    reuse = _reusable(previous, inputs) if previous is not None else None
    kept = reuse.kept if reuse is not None else {}
    with _Workers() as workers:
        loaded = load_service_dirs(
            specs_root,
            {specs_root / d: (k.summary.provider, k.summary.service) for d, k in kept.items()},
            map_each=workers.map,
            listing=inputs.names or None,
        )
        summaries: list[ServiceSummary] = []
        fresh: list[Service] = []
        sources: dict[str, tuple[str, ServiceSummary]] = {}
        service_keys: dict[str, str] = {}
        models_keys: dict[str, str] = {}
        openapi_keys: dict[str, str] = {}
        files: dict[str, bytes] = {}
        kept_files: dict[str, str] = {}
        jobs: list[_Job] = []
        for directory, service in loaded:
            folder = directory.relative_to(specs_root).as_posix()
            unchanged: dict[str, str] | None
            if service is None:
                k = kept[folder]
                prefix = f"{k.summary.provider}/{k.summary.service}/"
                summary, key, unchanged = k.summary, k.key, k.files
            else:
                fresh.append(service)
                prefix, summary = _prefix(service), ServiceSummary.of(service)
                key = service_key(tooling, service)
                unchanged = previous.service_files(prefix, key) if previous else None
            summaries.append(summary)
            sources[folder] = (inputs.digests[folder], summary)
            service_keys[prefix] = key
            if unchanged is None:
                assert service is not None
                models = previous.models_file(prefix) if previous else None
                validated = previous.openapi.get(prefix) if previous else None
                jobs.append(_Job(service, templates_root, package, tooling, models, validated))
            else:
                kept_files.update(unchanged)
                assert previous is not None
                if prefix in previous.models:
                    models_keys[prefix] = previous.models[prefix]
                if prefix in previous.openapi:
                    openapi_keys[prefix] = previous.openapi[prefix]
        with workers.each(_build_service, jobs) as built:
            # While a pool builds the services, this process does the rest.
            files.update(_top_level_files(summaries, templates_root, package))
            changelog = None
            if reuse is not None:
                # the kept services' models are the same on both sides: compare the others only
                changed = SpecSet(tuple(fresh))
                findings = tuple(accept(compare_models(reuse.changed, changed), accepted))
                order = [(summary.provider, summary.service) for summary in summaries]
                snapshot = snapshot_files(changed, order)
                changelog = continue_changelog(reuse.changelog, findings, changed, snapshot)
            elif history is not None:
                changelog = update_changelog(history, SpecSet(tuple(fresh)), accepted)
            if changelog is not None:
                files.update(changelog.files)
            for job, result in zip(jobs, built, strict=True):
                files.update(result.files)
                models_keys[_prefix(job.service)] = result.models_key
                openapi_keys[_prefix(job.service)] = result.openapi_key
        spec_files = sum(1 + len(s.operations) for s in summaries)
        return GeneratedTree(
            tuple(summaries),
            spec_files,
            dict(sorted(files.items())),
            changelog,
            service_keys,
            models_keys,
            openapi_keys,
            sources,
            kept_files,
        )


def _accepted(specs_root: Path) -> dict[str, str]:
    """The reviewed changes of the acceptance file beside the specs, for the changelog; an
    unreadable file is a spec error (generate changes nothing)."""
    path = default_acceptance(specs_root)
    try:
        return load_acceptance(path)
    except DiffInputError as error:
        raise SpecError([SpecIssue(str(path), 1, "", str(error))]) from error


def _prefix(service: Service) -> str:
    return f"{service.provider}/{service.service}/"


@cache
def _renderer(templates_root: Path, package: str) -> Renderer:
    return Renderer(templates_root, package)


def _top_level_files(
    services: list[ServiceSummary], templates_root: Path, package: str
) -> dict[str, bytes]:
    renderer = _renderer(templates_root, package)
    files: dict[str, str] = {
        "__init__.py": renderer.python(
            "namespace_init.py.j2",
            doc="Generated API clients, one package per vendor and service.",
            example=renderer.module(services[0]),
        ),
        "py.typed": "",
        "README.md": renderer.text("index.md.j2", services=services),
        "docs/configuration.md": renderer.configuration(services),
    }
    for provider in sorted({s.provider for s in services}):
        example = next(renderer.module(s) for s in services if s.provider == provider)
        files[f"{provider}/__init__.py"] = renderer.python(
            "namespace_init.py.j2", doc=f"{PROVIDERS[provider].title} clients.", example=example
        )
    return {name: text.encode("utf-8") for name, text in files.items()}


def _build_service(job: _Job) -> _Built:
    """Every file of one service: OpenAPI document, models, client, errors, package, docs.
    ``models.py`` is taken from the last generation (else from the user's cache) when its
    input did not change, and the OpenAPI document is not validated again when it differs
    from the last one (or one the cache saw validated) in prose only."""
    service = job.service
    prefix = _prefix(service)
    document = build_openapi(service)
    openapi_key = validity_key(document, job.tooling)
    if openapi_key != job.previous_openapi and outcache.get("openapi", openapi_key) is None:
        validate_openapi(document, service.subpackage)
        outcache.put("openapi", openapi_key, b"valid\n")
    models = models_input(service, document)
    models_key = models.key(job.tooling)
    reusable = job.previous_models
    if reusable is not None and reusable[0] == models_key:
        models_py = reusable[1]
    else:
        cached = outcache.get("models", models_key)
        if cached is None:
            cached = format_python(generate_models(models)).encode("utf-8")
            outcache.put("models", models_key, cached)
        models_py = cached
    files = {prefix + "openapi.json": json.dumps(document, indent=2, ensure_ascii=False) + "\n"}
    for name, text in _renderer(job.templates_root, job.package).service_files(service).items():
        files[prefix + name] = text
    encoded = {name: text.encode("utf-8") for name, text in files.items()}
    encoded[prefix + "models.py"] = models_py
    return _Built(encoded, models_key, openapi_key)


def _cpus() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


class _Workers:
    """A pool of processes, one per CPU (where there is more than one), started the first
    time it is given work that another process can do while this one goes on: two tasks or
    more for :meth:`map`, any task for :meth:`each`; else the tasks run here."""

    def __init__(self) -> None:
        self._pool: ProcessPoolExecutor | None = None

    def __enter__(self) -> _Workers:
        return self

    def __exit__(self, *exc: object) -> None:
        if self._pool is not None:
            self._pool.shutdown(cancel_futures=True)

    def _started(self, tasks: int, *, alone: int = 2) -> ProcessPoolExecutor | None:
        """The pool, for ``tasks`` tasks, if there are at least ``alone`` of them."""
        if tasks < alone or _cpus() < 2:
            return None
        if self._pool is None:
            self._pool = ProcessPoolExecutor(max_workers=min(max(tasks, 2), _cpus()))
        return self._pool

    def map(self, task: Callable[[_T], _R], items: list[_T]) -> list[_R]:
        """``task`` of each item, in order (spread over the pool in chunks)."""
        pool = self._started(len(items))
        if pool is None:
            return [task(item) for item in items]
        chunk = max(1, len(items) // (_cpus() * 8))
        return list(pool.map(task, items, chunksize=chunk))

    @contextmanager
    def each(self, task: Callable[[_T], _R], items: list[_T]) -> Iterator[Iterable[_R]]:
        """The result of each item, in order, as an iterable. With a pool (even for one
        task), every task starts at once and this process is free to do other work while
        they run; otherwise each is run here when its result is asked for. The first failure
        (in item order) is raised, as when run one after the other; leaving cancels what has
        not started."""
        pool = self._started(len(items), alone=1)
        if pool is None:
            yield (task(item) for item in items)
            return
        futures = [pool.submit(task, item) for item in items]
        try:
            yield (future.result() for future in futures)
        finally:
            for future in futures:
                future.cancel()
