"""Command line: ``python -m generator generate [--check]``."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from generator.errors import GeneratorBug, SpecError

PROJECT = Path(__file__).resolve().parent.parent


def _paths(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--specs", type=Path, default=PROJECT / "specs", help="spec tree (default: specs/)")
    parser.add_argument("--templates", type=Path, default=PROJECT / "templates", help="templates (default: templates/)")
    parser.add_argument("--out", type=Path, default=PROJECT / "generated", help="output (default: generated/)")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m generator", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    generate = commands.add_parser("generate", help="validate specs and regenerate generated/")
    generate.add_argument("--check", action="store_true", help="change nothing; fail if generated/ is stale")
    _paths(generate)
    args = parser.parse_args(argv)
    if args.command == "generate":
        return run_generate(args.specs, args.templates, args.out, check=args.check)
    return 2  # pragma: no cover - argparse enforces the choices


def run_generate(specs: Path, templates: Path, out: Path, *, check: bool) -> int:
    from generator.pipeline import build_tree
    from generator.writer import compare_tree, write_tree

    started = time.perf_counter()
    try:
        tree = build_tree(specs, templates)
    except SpecError as error:
        for issue in error.issues:
            print(issue, file=sys.stderr)
        print(f"generate: {len(error.issues)} spec error(s); generated/ left as it was", file=sys.stderr)
        return 1
    except GeneratorBug as error:
        print(error, file=sys.stderr)
        print("generate: this is a bug in the generator; generated/ left as it was", file=sys.stderr)
        return 3
    diff = compare_tree(out, tree.files)
    seconds = time.perf_counter() - started
    operations = sum(len(s.operations) for s in tree.specs.services)
    read = f"{tree.spec_files} spec files ({len(tree.specs.services)} services, {operations} operations)"
    if check:
        if diff.stale:
            for name in diff.stale:
                state = "missing or different" if name in diff.changed else "no longer generated"
                print(f"stale: generated/{name} ({state})", file=sys.stderr)
            print(f"generate --check: {read}; {len(diff.stale)} stale file(s) in {seconds:.2f} s; "
                  "run `python -m generator generate`", file=sys.stderr)
            return 1
        print(f"generate --check: {read}; {len(diff.unchanged)} files up to date in {seconds:.2f} s")
        return 0
    write_tree(out, tree.files, diff)
    seconds = time.perf_counter() - started
    print(f"generate: {read}; {len(diff.changed)} written, {len(diff.unchanged)} unchanged, "
          f"{len(diff.removed)} removed in {seconds:.2f} s")
    return 0
