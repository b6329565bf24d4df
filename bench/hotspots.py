"""Profiles of the hot spots behind bench/run.py's failing targets; writes bench/profiles/.

    python bench/hotspots.py            # all four
    python bench/hotspots.py calls      # or: check, generate, import

* ``calls``  - our per-call path of every operation bench/calls.py times, sync and async,
               2,000 calls each against the lean server: cProfile, by own time
               (``python bench/hotspots.py calls config`` for the operations whose name
               holds ``config``).
* ``check``  - ``python -m generator generate --check`` on the seed specs, in process:
               pyinstrument if installed (``pip install pyinstrument``), else cProfile.
* ``generate`` - a fresh build of synthetic services (bench/synth.py; ``python bench/hotspots.py
               generate 300`` for 300 operations, 200 by default) in this one process, the
               generator cache off: CPU per operation in each stage (black, openapi-spec-validator,
               datamodel-code-generator, Jinja, the rest), and the build's CPU per service in
               windows of the services built one after another (does a long-lived build
               process slow down?).
* ``import`` - ``python -X importtime -c 'import generated.alibabacloud.oss'`` (median of 5
               runs), self time summed per top-level package and the slowest modules.
"""

from __future__ import annotations

import collections
import contextlib
import cProfile
import io
import pstats
import statistics
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.run import ENV, PY, LeanServer  # noqa: E402

OUT = ROOT / "bench" / "profiles"


def _stats(profile: cProfile.Profile, sort: str, limit: int, *filters: str) -> str:
    buf = io.StringIO()
    pstats.Stats(profile, stream=buf).strip_dirs().sort_stats(sort).print_stats(*filters, limit)
    return buf.getvalue()


async def _async_calls(client: Any, ours: Any, profile: cProfile.Profile) -> None:
    """200 warm-up calls, then 2,000 under ``profile``."""
    async with client:
        call = getattr(client, ours.method)
        for _ in range(200):
            await call(**ours.kwargs)
        profile.enable()
        for _ in range(2000):
            await call(**ours.kwargs)
        profile.disable()


def profile_calls(only: str = "") -> str:
    """Every operation of bench/calls.py, ours, sync then async (c1): 2,000 calls each."""
    import asyncio

    from bench.calls import OPERATIONS, _ours_clients

    parts = []
    with LeanServer() as server:
        url = f"http://127.0.0.1:{server.port}"
        for name, (ours, _) in OPERATIONS.items():
            if only and only not in name:
                continue
            sync_cls, async_cls, kwargs = _ours_clients(url, ours)
            with sync_cls(**kwargs) as client:
                call = getattr(client, ours.method)
                for _ in range(200):
                    call(**ours.kwargs)
                profile = cProfile.Profile()
                profile.enable()
                for _ in range(2000):
                    call(**ours.kwargs)
                profile.disable()
            parts.append(f"==== {name}, sync: 2,000 calls, by own time\n")
            parts.append(_stats(profile, "tottime", 25))

            profile = cProfile.Profile()
            asyncio.run(_async_calls(async_cls(**kwargs), ours, profile))
            parts.append(f"==== {name}, async c1: 2,000 calls, by own time\n")
            parts.append(_stats(profile, "tottime", 25))
    return "".join(parts)


def profile_check() -> str:
    from generator.cli import main

    argv = [
        "generate",
        "--check",
        "--specs",
        str(ROOT / "specs"),
        "--templates",
        str(ROOT / "templates"),
        "--out",
        str(ROOT / "generated"),
    ]
    try:
        from pyinstrument import Profiler
    except ImportError:
        profile = cProfile.Profile()
        profile.enable()
        main(argv)
        profile.disable()
        return _stats(profile, "cumtime", 60)
    profiler = Profiler(interval=0.0005)
    profiler.start()
    main(argv)
    profiler.stop()
    return profiler.output_text(unicode=False, color=False, show_all=False)


_STAGES = (
    ("black (format_str)", "black", "format_str"),
    ("openapi-spec-validator", "generator.pipeline", "validate_openapi"),
    ("datamodel-code-generator", "generator.pipeline", "generate_models"),
    ("OpenAPI document (build)", "generator.pipeline", "build_openapi"),
    ("Jinja (render)", "generator.render", "Renderer.text"),
)


@contextlib.contextmanager
def _stage_clocks() -> Iterator[dict[str, float]]:
    """CPU seconds spent in each of :data:`_STAGES`, by wrapping them while the block runs
    (cProfile would undercount black, which is compiled)."""
    import importlib

    spent = dict.fromkeys((label for label, _, _ in _STAGES), 0.0)
    restore = []
    for label, module_name, attribute in _STAGES:
        owner: Any = importlib.import_module(module_name)
        *path, name = attribute.split(".")
        for part in path:
            owner = getattr(owner, part)
        original = getattr(owner, name)

        def clocked(*args: Any, _label: str = label, _f: Any = original, **kwargs: Any) -> Any:
            start = time.process_time()
            try:
                return _f(*args, **kwargs)
            finally:
                spent[_label] += time.process_time() - start

        setattr(owner, name, clocked)
        restore.append((owner, name, original))
    try:
        yield spent
    finally:
        for owner, name, original in restore:
            setattr(owner, name, original)


def profile_generate(operations: int = 200) -> str:
    """Each synthetic service built as the build pool builds it, one after another here."""
    import os
    import tempfile

    from bench.synth import PER_SERVICE, make_specs

    os.environ["CLOUD_SDK_GENERATOR_NO_CACHE"] = "1"
    from generator.fingerprint import tooling_fingerprint
    from generator.normalize import load_specs
    from generator.pipeline import _build_service, _Job

    templates = ROOT / "templates"
    with tempfile.TemporaryDirectory() as tmp:
        make_specs(Path(tmp) / "specs", operations)
        start = time.process_time()
        services = load_specs(Path(tmp) / "specs").services
        load = time.process_time() - start
    tooling = tooling_fingerprint(templates, "generated")
    per_service: list[float] = []
    with _stage_clocks() as spent:
        for service in services:
            start = time.process_time()
            _build_service(_Job(service, templates, "generated", tooling, None, None))
            per_service.append(time.process_time() - start)
    built = sum(per_service)
    ops = sum(len(s.operations) for s in services)
    lines = [
        f"fresh build of {ops} synthetic operations ({len(services)} services of "
        f"{PER_SERVICE}), generator cache off, one process: CPU ms per operation",
        "",
        f"  {'load + validate the specs':36} {load / ops * 1000:7.1f}",
    ]
    for label, seconds in spent.items():
        lines.append(f"  {label:36} {seconds / ops * 1000:7.1f}  ({seconds / built:4.0%} of build)")
    rest = built - sum(spent.values())
    lines.append(f"  {'the rest of the build':36} {rest / ops * 1000:7.1f}  ({rest / built:4.0%})")
    lines.append(f"  {'build, all stages':36} {built / ops * 1000:7.1f}")
    lines += ["", "build CPU ms per service, in windows of services built one after another:"]
    window = max(1, len(per_service) // 6)
    for first in range(0, len(per_service), window):
        chunk = per_service[first : first + window]
        lines.append(
            f"  services {first + 1:4}-{first + len(chunk):<4} "
            f"mean {statistics.mean(chunk) * 1000:6.0f}  min {min(chunk) * 1000:6.0f}"
        )
    return "\n".join(lines) + "\n"


def _importtime(module: str) -> tuple[int, dict[str, int], list[tuple[int, str]]]:
    err = subprocess.run(
        [PY, "-X", "importtime", "-c", f"import {module}"],
        cwd=ROOT,
        env=ENV,
        capture_output=True,
        text=True,
        check=True,
    ).stderr
    total, groups, modules = 0, collections.Counter(), []
    for line in err.splitlines():
        if not line.startswith("import time:") or "self [us]" in line:
            continue
        self_us, cumulative, name = (x.strip() for x in line[len("import time:") :].split("|"))
        groups[name.split(".")[0]] += int(self_us)
        modules.append((int(self_us), name))
        if name == module:
            total = int(cumulative)
    return total, groups, sorted(modules, reverse=True)


def profile_import(module: str = "generated.alibabacloud.oss") -> str:
    runs = sorted((_importtime(module) for _ in range(5)), key=lambda r: r[0])
    total, groups, modules = runs[len(runs) // 2]
    lines = [
        f"python -X importtime -c 'import {module}': median of 5 runs, "
        f"cumulative {total / 1000:.1f} ms "
        f"(all runs: {', '.join(f'{r[0] / 1000:.0f}' for r in runs)} ms)",
        "",
        "self time per top-level package (ms):",
    ]
    lines += [f"  {name:36} {us / 1000:7.1f}" for name, us in groups.most_common(25)]
    lines += ["", "slowest modules by self time (ms):"]
    lines += [f"  {name:56} {us / 1000:7.1f}" for us, name in modules[:30]]
    lines += ["", f"median of the 5 totals: {statistics.median(r[0] for r in runs) / 1000:.1f} ms"]
    return "\n".join(lines) + "\n"


def main() -> None:
    wanted = set(sys.argv[1:2]) or {"calls", "check", "generate", "import"}
    only = sys.argv[2] if len(sys.argv) > 2 else ""
    OUT.mkdir(exist_ok=True)
    for name, fn in (
        ("calls", lambda: profile_calls(only)),
        ("check", profile_check),
        ("generate", lambda: profile_generate(int(only or 200))),
        ("import", profile_import),
    ):
        if name in wanted:
            text = fn()
            path = OUT / f"{name}.txt"
            path.write_text(text, encoding="utf-8")
            print(f"wrote {path.relative_to(ROOT)}", file=sys.stderr)


if __name__ == "__main__":
    main()
