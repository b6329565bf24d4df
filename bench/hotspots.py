"""Profiles of the hot spots behind bench/run.py's failing targets; writes bench/profiles/.

    python bench/hotspots.py          # all three
    python bench/hotspots.py calls    # or: check, import

* ``calls``  - our sync per-call path (OSS XML and ENS JSON), 2,000 calls each against the
               lean server: cProfile (own-time and cumulative views).
* ``check``  - ``python -m generator generate --check`` on the seed specs, in process:
               pyinstrument if installed (``pip install pyinstrument``), else cProfile.
* ``import`` - ``python -X importtime -c 'import generated.alibabacloud.oss'`` (median of 5
               runs), self time summed per top-level package and the slowest modules.
"""

from __future__ import annotations

import collections
import cProfile
import io
import pstats
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.run import ENV, PY, LeanServer  # noqa: E402

OUT = ROOT / "bench" / "profiles"


def _stats(profile: cProfile.Profile, sort: str, limit: int, *filters: str) -> str:
    buf = io.StringIO()
    pstats.Stats(profile, stream=buf).strip_dirs().sort_stats(sort).print_stats(*filters, limit)
    return buf.getvalue()


def profile_calls() -> str:
    from bench.calls import AK_ID, AK_SECRET
    from generated.alibabacloud.ens import EnsClient
    from generated.alibabacloud.oss import OssClient

    parts = []
    with LeanServer() as server:
        url = f"http://127.0.0.1:{server.port}"
        for label, client, method in (
            ("OSS list_resource_pools (XML)", OssClient, "list_resource_pools"),
            ("ENS list_buckets (JSON)", EnsClient, "list_buckets"),
        ):
            with client(access_key_id=AK_ID, access_key_secret=AK_SECRET, endpoint=url) as c:
                call = getattr(c, method)
                for _ in range(200):
                    call()
                profile = cProfile.Profile()
                profile.enable()
                for _ in range(2000):
                    call()
                profile.disable()
            parts.append(f"==== {label}: 2,000 sync calls, by own time\n")
            parts.append(_stats(profile, "tottime", 25))
            parts.append(f"==== {label}: the pipeline's steps, cumulative\n")
            parts.append(
                _stats(
                    profile,
                    "cumtime",
                    30,
                    r"\((list_\w+|_call|signed|sign|send|prepare|outcome|decode|"
                    r"_element_to_dict|fromstring|model_validate|urlopen|url|"
                    r"build_request|_lower_headers|_headers_to_send|"
                    r"connection_from_host)\)",
                )
            )
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
    wanted = set(sys.argv[1:]) or {"calls", "check", "import"}
    OUT.mkdir(exist_ok=True)
    for name, fn in (
        ("calls", profile_calls),
        ("check", profile_check),
        ("import", profile_import),
    ):
        if name in wanted:
            text = fn()
            path = OUT / f"{name}.txt"
            path.write_text(text, encoding="utf-8")
            print(f"wrote {path.relative_to(ROOT)}", file=sys.stderr)


if __name__ == "__main__":
    main()
