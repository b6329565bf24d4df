"""This checkout against an earlier revision: import time and per-call cost of our seed
clients, before vs after, measured in the same run.

    python bench/against.py REV [--rounds N] [--batch N]

REV (a commit, tag or branch) is checked out into a temporary git worktree. Both trees are
then measured in turn, round after round (A B, B A, ...), against one lean loopback server
(bench/server.py), so that machine drift hits both alike:

* import: ``import generated.<provider>.<service>`` in a fresh interpreter, ms;
* per call: ``ours sync`` and ``ours async c1`` of bench/calls.py (each tree's own), µs.

It prints a Markdown table: the medians of both and their ratio (after / before). Use it to
show that a change costs the clients nothing, e.g. ``python bench/against.py f09d8d1``.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
sys.path.insert(0, str(ROOT))

from bench.run import ENV, PY, LeanServer  # noqa: E402 - after the path is set

SEED_MODULES = (
    "generated.alibabacloud.oss",
    "generated.alibabacloud.ens",
    "generated.alibabacloud.cloudsso",
    "generated.huaweicloud.ga",
)
CALL_VARIANTS = ("ours sync", "ours async c1")
_IMPORT_PROBE = (
    "import time; t = time.perf_counter(); import {module}; print(time.perf_counter() - t)"
)


def _import_seconds(tree: Path, module: str) -> float:
    env = {**ENV, "PYTHONPATH": str(tree)}
    out = subprocess.run(
        [PY, "-c", _IMPORT_PROBE.format(module=module)],
        cwd=tree,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    return float(out.stdout)


def _call_seconds(tree: Path, port: int, batch: int) -> dict[tuple[str, str], float]:
    """One round of bench/calls.py of ``tree``: (operation, variant) -> seconds per call."""
    env = {**ENV, "PYTHONPATH": str(tree)}
    args = [PY, str(tree / "bench" / "calls.py"), str(port), "1", str(batch)]
    out = subprocess.run(
        [*args, ",".join(CALL_VARIANTS)], cwd=tree, env=env, capture_output=True, text=True
    )
    if out.returncode != 0:
        raise RuntimeError(f"{tree}: bench/calls.py failed:\n{out.stderr[-3000:]}")
    found = json.loads(out.stdout)
    return {
        (operation, variant): times["wall"][0]
        for operation, variants in found.items()
        for variant, times in variants.items()
    }


def measure(trees: dict[str, Path], rounds: int, batch: int) -> dict[str, dict[str, list[float]]]:
    """row -> tree label -> one sample per round."""
    samples: dict[str, dict[str, list[float]]] = {}
    with LeanServer() as server:
        for round_no in range(rounds):
            order = list(trees.items())
            if round_no % 2:
                order.reverse()
            for label, tree in order:
                for module in SEED_MODULES:
                    row = f"import {module}, ms"
                    value = _import_seconds(tree, module) * 1e3
                    samples.setdefault(row, {}).setdefault(label, []).append(value)
                calls = _call_seconds(tree, server.port, batch)
                for (operation, variant), seconds in sorted(calls.items()):
                    row = f"{operation}, {variant}, µs"
                    samples.setdefault(row, {}).setdefault(label, []).append(seconds * 1e6)
    return samples


def table(samples: dict[str, dict[str, list[float]]], before: str, after: str) -> str:
    lines = [
        f"| row | before ({before}) | after ({after}) | after / before |",
        "|---|---:|---:|---:|",
    ]
    for row, by_tree in samples.items():
        old, new = statistics.median(by_tree["before"]), statistics.median(by_tree["after"])
        lines.append(f"| {row} | {old:,.1f} | {new:,.1f} | {new / old:.2f} |")
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("rev", help="the revision to compare with (commit, tag, branch)")
    parser.add_argument("--rounds", type=int, default=6, help="rounds per tree (default 6)")
    parser.add_argument("--batch", type=int, default=48, help="calls per batch (default 48)")
    args = parser.parse_args()
    head = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True
    ).stdout.strip()
    with tempfile.TemporaryDirectory(prefix="bench-against-") as scratch:
        baseline = Path(scratch) / "baseline"
        subprocess.run(
            ["git", "worktree", "add", "--quiet", "--detach", str(baseline), args.rev],
            cwd=ROOT,
            check=True,
        )
        try:
            samples = measure({"before": baseline, "after": ROOT}, args.rounds, args.batch)
        finally:
            subprocess.run(
                ["git", "worktree", "remove", "--force", str(baseline)], cwd=ROOT, check=False
            )
    print(table(samples, args.rev, f"{head}, this checkout"))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
