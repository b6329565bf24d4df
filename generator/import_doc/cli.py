"""``python -m generator import-doc PAGE --service DIR``: draft DIR/<Operation>.yaml."""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

from generator.import_doc import read
from generator.import_doc.draft import MARK, draft, yaml
from generator.import_doc.pages import PageError
from generator.import_doc.service import draft_service
from generator.import_doc.update import update


def _service_key(service: Path | None, key: str) -> str | None:
    """A text value of DIR/service.yaml (protocol, vendor), if it can be read."""
    if service is None or not (service / "service.yaml").is_file():
        return None
    try:
        data = yaml().load((service / "service.yaml").read_text(encoding="utf-8"))
    except Exception:  # a broken service file is `generate`'s to report, with its line
        return None
    value = data.get(key) if isinstance(data, dict) else None
    return value if isinstance(value, str) else None


def _update(target: Path, page_path: Path, service: Path) -> int:
    """Update mode: apply the page's delta to ``target``, then show the diff report."""
    from generator.cli import main

    with tempfile.TemporaryDirectory() as scratch:
        before = Path(scratch) / service.resolve().parent.name / service.name
        shutil.copytree(service, before)
        try:
            result = update(
                target,
                page_path,
                _service_key(service, "protocol"),
                _service_key(service, "vendor"),
            )
        except PageError as error:
            print(f"import-doc: {page_path}: cannot read section {error}", file=sys.stderr)
            return 2
        for line in result.applied:
            print(f"import-doc: {target.name}: {line}")
        for line in result.skipped:
            print(f"import-doc: {target.name}: not applied: {line}", file=sys.stderr)
        for line in result.lints:
            print(f"import-doc: lint: {line}", file=sys.stderr)
        if not result.applied:
            print(f"import-doc: {target}: the page changed nothing in the spec")
            return 0
        print(f"import-doc: updated {target} ({len(result.applied)} change(s))")
        if main(["diff", str(before / target.name), str(target)]) == 2:
            print(
                f"import-doc: {target}: the updated spec has the errors above (the new page "
                "contradicts itself or a human decision in the spec): settle them by hand",
                file=sys.stderr,
            )
            return 1
    return 0


def run_import_doc(page_path: Path, service: Path | None, *, force: bool = False) -> int:
    """Write the draft and the page snapshot (and a draft service file where there is none);
    update the spec instead if there is one. 0 done, 1 refused, 2 unreadable page."""
    try:
        source = page_path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        print(f"import-doc: {page_path}: cannot read: {error}", file=sys.stderr)
        return 2
    try:
        page = read(source)
        name = page_path.name
        stem = name[: -len(".page.txt")] if name.endswith(".page.txt") else page_path.stem
        text, spec = draft(
            page,
            f"{stem}.page.txt",
            protocol=_service_key(service, "protocol"),
            vendor=_service_key(service, "vendor"),
        )
    except PageError as error:
        print(f"import-doc: {page_path}: cannot read section {error}", file=sys.stderr)
        return 2
    operation = str(spec["operation"])
    marks = text.count(MARK)
    if service is None:
        sys.stdout.write(text)
        print(f"import-doc: {operation}: {marks} line(s) marked '# {MARK}'", file=sys.stderr)
        return 0
    if not (service / "service.yaml").is_file():
        if not service.is_dir():
            print(f"import-doc: {service}: no such directory", file=sys.stderr)
            return 1
        drafted = draft_service(page, source, service.name)
        (service / "service.yaml").write_text(drafted, encoding="utf-8")
        print(
            f"import-doc: drafted {service / 'service.yaml'} ({drafted.count(MARK)} guesses "
            "marked: confirm endpoint, signing and credentials)"
        )
        text, spec = draft(
            page,
            f"{stem}.page.txt",
            protocol=_service_key(service, "protocol"),
            vendor=_service_key(service, "vendor"),
        )
    target = service / f"{operation}.yaml"
    if target.exists() and not force:
        return _update(target, page_path, service)
    marks = text.count(MARK)
    snapshot = service / f"{operation}.page.txt"
    text = text.replace(f"document: {stem}.page.txt", f"document: {snapshot.name}", 1)
    if page_path.resolve() != snapshot.resolve():
        shutil.copyfile(page_path, snapshot)
    target.write_text(text, encoding="utf-8")
    print(
        f"import-doc: wrote {target} ({len(spec['parameters'])} parameters, "
        f"{len(spec['response']['fields'])} response fields, {len(spec['errors'])} errors); "
        f"{marks} line(s) marked '# {MARK}' for a person to settle"
    )
    return 0
