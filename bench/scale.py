"""The generator at 1,000 vs 10,000 operations (issue 18 item 3), one run of each step.

``python bench/scale.py [--sizes 1000 10000]`` builds synthetic spec trees (bench/synth.py)
in a temporary dir and, per size, with a cache dir of its own (generator.outcache) that starts
empty: a fresh generate (cold cache), a fresh generate into a new output dir (warm cache: what
an earlier run formatted is reused), a one-spec edit, and a no-op ``--check``. Each is one
whole ``python -m generator generate`` process: wall and CPU seconds (the process and its
build pool) and peak resident memory of the largest process, then the same per operation, and
the ratio of the largest size to the smallest (flat = about 1). Last, importing one service
(``bench0000``) in a fresh interpreter from each tree: is it unaffected by how many others
exist. Prints a Markdown table; long: a cold 10,000-operation build takes minutes.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.synth import edit_one, make_specs  # noqa: E402

PY = sys.executable
Step = tuple[float, float, float, int, str]  # wall s, CPU s, peak MiB, exit code, last line


def _run(args: list[str], env: dict[str, str]) -> Step:
    """(wall s, CPU s of the process and its children, peak MiB, exit code, last line)."""
    start = time.perf_counter()
    process = subprocess.Popen(
        args, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT
    )
    assert process.stdout is not None
    output = process.stdout.read().decode("utf-8", "replace")
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    lines = output.strip().splitlines()
    cpu = usage.ru_utime + usage.ru_stime
    return wall, cpu, usage.ru_maxrss / 1024, process.returncode, lines[-1] if lines else ""


def _generate(specs: Path, out: Path, *extra: str) -> list[str]:
    return [PY, "-m", "generator", "generate", "--specs", str(specs), "--out", str(out), *extra]


def _import_ms(out: Path, runs: int = 5) -> float:
    """Median ms of ``import generated.alibabacloud.bench0000`` in a fresh interpreter."""
    code = (
        "import time; t = time.perf_counter(); import generated.alibabacloud.bench0000; "
        "print((time.perf_counter() - t) * 1e3)"
    )
    env = {**os.environ, "PYTHONPATH": f"{out.parent}{os.pathsep}{ROOT}"}
    times = []
    for _ in range(runs):
        result = subprocess.run(
            [PY, "-c", code], cwd=out.parent, env=env, capture_output=True, text=True, check=True
        )
        times.append(float(result.stdout.strip()))
    return statistics.median(times)


def measure(sizes: list[int]) -> tuple[dict[int, dict[str, Step]], dict[int, float]]:
    """Per size: the four steps (``STEPS``), and the median import ms of one service."""
    rows: dict[int, dict[str, Step]] = {}
    imports: dict[int, float] = {}
    with tempfile.TemporaryDirectory(prefix="bench-scale-") as tmp:
        for n in sorted(sizes):
            specs, out = Path(tmp) / f"specs{n}", Path(tmp) / f"out{n}" / "generated"
            files = make_specs(specs, n)
            env = {
                **os.environ,
                "PYTHONPATH": str(ROOT),
                "CLOUD_SDK_GENERATOR_CACHE": str(Path(tmp) / f"cache{n}"),
            }
            env.pop("CLOUD_SDK_GENERATOR_NO_CACHE", None)
            steps: dict[str, Step] = {}
            print(f"[scale] {n:,} operations", file=sys.stderr, flush=True)
            steps[STEPS[0]] = _run(_generate(specs, out), env)
            shutil.rmtree(out.parent)
            steps[STEPS[1]] = _run(_generate(specs, out), env)
            edit_one(files[len(files) // 2], 1)
            steps[STEPS[2]] = _run(_generate(specs, out), env)
            steps[STEPS[3]] = _run(_generate(specs, out, "--check"), env)
            rows[n] = steps
            imports[n] = _import_ms(out)
            shutil.rmtree(Path(tmp) / f"cache{n}", ignore_errors=True)
    return rows, imports


STEPS = ("fresh, cold cache", "fresh, warm cache", "edit one spec", "no-op --check")


def table(rows: dict[int, dict[str, Step]], imports: dict[int, float]) -> list[str]:
    """The Markdown table of :func:`measure`'s results, the per-operation ratios of the
    largest size to the smallest, and the import times."""
    lines = [
        "| ops | run | wall s | CPU s | peak MiB | ms per op (wall) | CPU ms per op | exit |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for n, steps in rows.items():
        for label, (wall, cpu, peak, code, last) in steps.items():
            note = "" if code == 0 else f" {last[:80]}"
            lines.append(
                f"| {n:,} | {label} | {wall:.2f} | {cpu:.2f} | {peak:.0f} | "
                f"{wall / n * 1e3:.2f} | {cpu / n * 1e3:.2f} | {code}{note} |"
            )
    sizes = sorted(rows)
    low, high = sizes[0], sizes[-1]
    if low != high:
        lines += ["", f"Per operation, {high:,} vs {low:,} (1.00 = flat):", ""]
        for label in rows[low]:
            a, b = rows[low][label], rows[high][label]
            lines.append(
                f"- {label}: wall {b[0] / high / (a[0] / low):.2f} x, "
                f"CPU {b[1] / high / (a[1] / low):.2f} x, peak memory {b[2] / a[2]:.2f} x"
            )
    lines.append("")
    for n, ms in imports.items():
        lines.append(
            f"- import generated.alibabacloud.bench0000 beside {n // 10 - 1:,} other services: "
            f"{ms:.1f} ms"
        )
    return lines


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    args = parser.parse_args()
    print("\n".join(table(*measure(args.sizes))))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
