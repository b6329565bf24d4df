"""Command line of the generator: ``generate`` (and ``--check``), ``diff``, ``import-doc``
and ``check-docs``.

Paths come from the flags, else from ``[tool.cloud-sdk-generator]`` in the nearest
pyproject.toml, else from the current directory (see generator.settings).
"""

from __future__ import annotations

import argparse
import dataclasses
import hashlib
import os
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

from generator.errors import GeneratorBug, SpecError
from generator.settings import TABLE, SettingsError, check_writable, resolve

if TYPE_CHECKING:
    from generator.diff import Finding, Totals
    from generator.fingerprint import PreviousTree, SpecInputs
    from generator.settings import Settings

DISTRIBUTION = "cloud-sdk-generator"
_EPILOG = f"""\
examples:
  %(prog)s generate                    specs/ -> generated/, only changed files
  %(prog)s generate --check            exit 1, listing stale files, if out of date
  %(prog)s generate --package mycorp   write mycorp/, imported as mycorp
  %(prog)s diff --fail-on breaking     specs/ against git HEAD, for CI
  %(prog)s import-doc PAGE --service DIR   draft (or update) DIR/<Op>.yaml from a page
  %(prog)s check-docs --update         fetch each source.url, update the changed pages

defaults can be set in pyproject.toml (paths relative to it):
  [tool.{TABLE}]
  specs = "api-specs"
  out = "src/mycorp"
"""


def _version() -> str:
    from importlib import metadata

    try:
        return metadata.version(DISTRIBUTION)
    except metadata.PackageNotFoundError:  # run from a checkout that was never installed
        return "unknown (not installed)"


def _parser(prog: str) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=prog,
        description="Turn YAML specs of vendor API doc pages into typed Python clients.",
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {_version()}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    generate = commands.add_parser(
        "generate",
        help="validate the specs and write the client package",
        description="Validate every spec (errors name file and line), then write the client "
        "package: built beside the output and swapped in whole, one run at a time; a spec "
        "error, an OS error or a kill leaves the output as it was (or, once swapped, new). "
        "Exit status: 0; 1 on spec errors, OS errors, a run already writing the output or, "
        "with --check, stale files; 3 on a bug in the generator.",
    )
    generate.add_argument(
        "--check", action="store_true", help="write nothing; exit 1 listing every stale file"
    )
    generate.add_argument("--specs", type=Path, help="spec tree (default: ./specs)")
    generate.add_argument(
        "--out", type=Path, help="output folder (default: the package's folder, ./generated)"
    )
    generate.add_argument(
        "--package",
        help="import name of the output (default: the --out folder's name, else 'generated')",
    )
    generate.add_argument(
        "--templates", type=Path, help="templates (default: those shipped with the generator)"
    )
    generate.add_argument(
        "--no-cache",
        action="store_true",
        help="neither read nor fill the per-user cache of formatted output "
        "(also CLOUD_SDK_GENERATOR_NO_CACHE=1; location: CLOUD_SDK_GENERATOR_CACHE, "
        "else $XDG_CACHE_HOME/cloud-sdk-generator)",
    )
    diff = commands.add_parser(
        "diff",
        help="what changed between two spec sets, classified breaking / warning / non-breaking",
        description="Compare two spec sets on the intermediate model. OLD and NEW are each a "
        "spec tree, a single operation file (its service.yaml beside it), a model snapshot "
        "(.json) or a git revision of --specs. Default: git HEAD against the working tree. "
        "Exit status: 0, or 1 when --fail-on matches; 2 when a side cannot be read.",
    )
    diff.add_argument("old", nargs="?", metavar="OLD", help="old side (default: HEAD)")
    diff.add_argument("new", nargs="?", metavar="NEW", help="new side (default: --specs)")
    diff.add_argument("--base", metavar="REV", help="old side: --specs as of git revision REV")
    diff.add_argument(
        "--format",
        choices=("text", "json", "markdown", "github", "sarif"),
        default="text",
        help="text (default); json; markdown (a PR comment); github (workflow annotations "
        "::error file=…,line=…::); sarif (2.1.0, for code scanning)",
    )
    diff.add_argument(
        "--fail-on",
        choices=("breaking", "warning", "any", "none"),
        default="none",
        help="exit 1 if a breaking change is found / a breaking change or a warning / any "
        "change, documentation included (default: none)",
    )
    diff.add_argument("--specs", type=Path, help="spec tree (default: ./specs)")
    diff.add_argument(
        "--accepted",
        type=Path,
        metavar="FILE",
        help="reviewed changes (fingerprint + reason) that no longer fail --fail-on "
        "(default: diff-accepted.yaml beside the spec tree, if there is one)",
    )
    import_doc = commands.add_parser(
        "import-doc",
        help="draft an operation spec from a vendor doc page",
        description="Read a doc page (rendered text, Alibaba Markdown or OTC/Huawei "
        "reStructuredText) and draft <Operation>.yaml beside DIR/service.yaml, with the page "
        "snapshot; lines the page does not settle carry '# import-doc:' comments. Without "
        "--service the draft goes to stdout. Exit status: 0; 1 refused; 2 page unreadable.",
    )
    import_doc.add_argument("page", type=Path, metavar="PAGE")
    import_doc.add_argument("--service", type=Path, metavar="DIR")
    import_doc.add_argument("--force", action="store_true", help="overwrite DIR/<Op>.yaml")
    check_docs = commands.add_parser(
        "check-docs",
        help="which doc pages changed at their source.url (conditional GET)",
        description="Fetch each spec's source.url (If-None-Match / If-Modified-Since from "
        "<snapshot>.http.json) and compare the page's last-updated date and normalised text "
        "with the stored snapshot. --update runs import-doc's update mode on each changed "
        "page. Exit status: 0 nothing changed; 1 pages changed; 2 a page could not be read.",
    )
    check_docs.add_argument("--specs", type=Path, help="spec tree (default: ./specs)")
    check_docs.add_argument("--update", action="store_true", help="apply each page's delta")
    return parser


def main(argv: list[str] | None = None, prog: str = "python -m generator") -> int:
    args = _parser(prog).parse_args(argv)
    if args.command == "import-doc":
        from generator.import_doc.cli import run_import_doc

        return run_import_doc(args.page, args.service, force=args.force)
    try:
        if args.command == "generate":
            settings = resolve(
                specs=args.specs, out=args.out, package=args.package, templates=args.templates
            )
            if not args.check:
                check_writable(settings.out)
        else:
            settings = resolve(specs=args.specs)
    except SettingsError as error:
        print(f"{args.command}: {error}", file=sys.stderr)
        return 2
    if args.command == "generate":
        if not args.no_cache:
            return run_generate(settings, check=args.check)
        from generator import outcache

        before = os.environ.get(outcache.DISABLE)
        os.environ[outcache.DISABLE] = "1"  # the build pool's processes inherit it
        try:
            return run_generate(settings, check=args.check)
        finally:
            if before is None:
                del os.environ[outcache.DISABLE]
            else:
                os.environ[outcache.DISABLE] = before
    if args.command == "check-docs":
        from generator.import_doc.check import run_check_docs

        return run_check_docs(settings.specs, update=args.update)
    return run_diff(
        args.old,
        args.new,
        base=args.base,
        specs=settings.specs,
        fmt=args.format,
        fail_on=args.fail_on,
        accepted=args.accepted,
    )


def _display(path: Path) -> str:
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix() or "."
    except ValueError:
        return str(path)


def run_diff(
    old: str | None,
    new: str | None,
    *,
    base: str | None,
    specs: Path,
    fmt: str,
    fail_on: str,
    accepted: Path | None = None,
) -> int:
    """Print the diff report; exit 1 if ``fail_on`` matches an unaccepted finding, 2 if a side
    (or the acceptance file) cannot be read."""
    from generator import diff
    from generator.diff.acceptance import accept, default_acceptance, load_acceptance, unused
    from generator.diff.reports import REPORTS, report_error

    def unreadable(message: str) -> int:
        print(f"diff: {message}", file=sys.stderr)
        sys.stdout.write(report_error(fmt, message))
        return 2

    if base is not None and new is not None:
        return unreadable("with --base, give at most one spec set (NEW)")
    try:
        if base is not None:
            old_side, new = diff.from_git(base, specs), old
        else:
            old_side = diff.from_git("HEAD", specs) if old is None else diff.resolve(old, specs)
        if new is None:
            label = f"{_display(specs)} (working tree)"
            new_side = dataclasses.replace(diff.from_path(specs), label=label)
        else:
            new_side = diff.resolve(new, specs)
        reviewed = load_acceptance(
            accepted or default_acceptance(specs), required=accepted is not None
        )
    except diff.DiffInputError as error:
        return unreadable(str(error))
    findings = accept(diff.compare(old_side, new_side), reviewed)
    for fingerprint in unused(findings, reviewed):
        print(f"diff: accepted change {fingerprint} is not among the findings", file=sys.stderr)
    sys.stdout.write(REPORTS[fmt](findings, old_side.label, new_side.label))
    return 1 if fails(diff.totals([f for f in findings if f.accepted is None]), fail_on) else 0


def fails(totals: Totals, fail_on: str) -> bool:
    """Whether findings of these totals fail ``--fail-on fail_on``."""
    counted = {
        "breaking": totals.breaking,
        "warning": totals.breaking + totals.warning,
        "any": totals.total,
    }
    return counted.get(fail_on, 0) > 0


def run_generate(settings: Settings, *, check: bool) -> int:
    """One run at a time per output, after finishing (or rolling back) any interrupted one;
    an OS error (permissions, disk full) is one line naming its path, exit 1."""
    from generator.writer import LockHeld, locked, recover

    try:
        with locked(settings.out):
            recover(settings.out)
            return _generate(settings, check=check)
    except LockHeld as error:
        print(f"generate: {error}", file=sys.stderr)
    except OSError as error:
        paths = " -> ".join(str(p) for p in (error.filename, error.filename2) if p is not None)
        print(f"generate: {paths or _display(settings.out)}: {error.strerror}", file=sys.stderr)
    return 1


def _generate(settings: Settings, *, check: bool) -> int:
    """A run the build manifest vouches for (same inputs, every file as recorded) is
    skipped. ``--check`` takes only a manifest sealed by this machine's generator at its
    word (generator.outcache; a hand edit that updated the manifest too breaks the seal): on
    a fresh checkout, another machine's tree, or with the cache off, it runs the whole
    pipeline and compares bytes."""
    from generator import fingerprint
    from generator.hashes import FileHashes

    started = time.perf_counter()
    specs, templates, out = settings.specs, settings.templates, settings.out
    inputs = None
    previous = fingerprint.PreviousTree(out, FileHashes(out))
    if specs.is_dir() and templates.is_dir():
        spec_hashes = FileHashes(specs)
        inputs = fingerprint.spec_inputs(specs, templates, settings.package, spec_hashes)
        spec_hashes.save()
        current = previous.up_to_date(inputs.fingerprint, sealed=check)
        if current is not None:
            previous.hashes.save()
            seconds = time.perf_counter() - started
            read = f"{inputs.files} spec files unchanged since the last generation"
            if check:
                print(f"generate --check: {read}; {current} files up to date in {seconds:.2f} s")
                return 0
            summary = f"0 written, {current} unchanged, 0 removed in {seconds:.2f} s"
            print(f"generate: {read}; {summary}")
            return 0
    return _run_pipeline(settings, inputs, previous, check=check, started=started)


def _run_pipeline(
    settings: Settings,
    inputs: SpecInputs | None,
    previous: PreviousTree,
    *,
    check: bool,
    started: float,
) -> int:
    from generator.fingerprint import MANIFEST, manifest, spec_inputs
    from generator.pipeline import build_tree
    from generator.writer import compare_tree, replace_tree, write_file

    specs, templates, out, package = (
        settings.specs,
        settings.templates,
        settings.out,
        settings.package,
    )
    if inputs is None:
        inputs = spec_inputs(specs, templates, package)
    try:
        tree = build_tree(
            specs,
            templates,
            history=out,
            inputs=inputs,
            package=package,
            # --check takes the tree's word only when this machine's generator wrote it
            previous=previous if not check or previous.sealed else None,
        )
    except SpecError as error:
        for issue in error.issues:
            print(issue, file=sys.stderr)
        print(
            f"generate: {len(error.issues)} spec error(s); {_display(out)}/ left as it was",
            file=sys.stderr,
        )
        return 1
    except GeneratorBug as error:
        print(error, file=sys.stderr)
        print(
            f"generate: this is a bug in the generator; {_display(out)}/ left as it was",
            file=sys.stderr,
        )
        return 3
    files = tree.files
    digests = {name: hashlib.sha256(content).hexdigest() for name, content in files.items()}
    diff = compare_tree(out, digests, tree.kept, ignore=(MANIFEST,), hashes=previous.hashes)
    seconds = time.perf_counter() - started
    services, operations = len(tree.services), tree.operations
    read = f"{tree.spec_files} spec files ({services} services, {operations} operations)"
    if check:
        previous.hashes.save(diff.unchanged)
        if diff.stale:
            for name in diff.stale:
                state = "missing or different" if name in diff.changed else "no longer generated"
                print(f"stale: {_display(out)}/{name} ({state})", file=sys.stderr)
            if tree.changelog is not None and tree.changelog.findings:
                print(
                    f"generate --check: the specs changed since the last generate "
                    f"({diff_totals(tree.changelog.findings)}); see `python -m generator diff`",
                    file=sys.stderr,
                )
            print(
                f"generate --check: {read}; {len(diff.stale)} stale file(s) in {seconds:.2f} s; "
                "run `python -m generator generate`",
                file=sys.stderr,
            )
            return 1
        print(
            f"generate --check: {read}; {len(diff.unchanged)} files up to date in {seconds:.2f} s"
        )
        return 0
    cache = manifest(
        inputs.fingerprint,
        tree.service_keys,
        {**tree.kept, **digests},
        tree.models_keys,
        sources=tree.sources,
        openapi=tree.openapi_keys,
    )
    if diff.stale:
        swapped = replace_tree(out, {**files, MANIFEST: cache}, diff.unchanged)
        linked = set(diff.unchanged)
        previous.hashes.wrote(
            {name: sha for name, sha in digests.items() if name not in linked}, swapped
        )
    elif _read(out / MANIFEST) != cache:
        write_file(out / MANIFEST, cache)  # only the cache is new: no tree to swap
    previous.hashes.save(diff.unchanged)  # the new tree links them as they are
    seconds = time.perf_counter() - started
    print(
        f"generate: {read}; {len(diff.changed)} written, {len(diff.unchanged)} unchanged, "
        f"{len(diff.removed)} removed in {seconds:.2f} s"
    )
    if tree.changelog is not None and tree.changelog.entry is not None:
        update = tree.changelog
        counts = f" ({diff_totals(update.findings)})" if update.findings else ""
        print(f"generate: CHANGELOG.md entry {update.entry}: {update.title}{counts}")
    return 0


def _read(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except OSError:
        return None


def diff_totals(findings: tuple[Finding, ...]) -> str:
    from generator.diff import totals

    return totals(findings).counts()


def console() -> None:
    """The ``cloud-sdk-generator`` command."""
    sys.exit(main(prog=DISTRIBUTION))
