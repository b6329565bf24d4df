"""``python -m generator import-doc PAGE --service DIR``: draft DIR/<Operation>.yaml."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

from generator.import_doc import read
from generator.import_doc.draft import MARK, draft, yaml
from generator.import_doc.pages import PageError


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


def run_import_doc(page_path: Path, service: Path | None, *, force: bool = False) -> int:
    """Write the draft and the page snapshot; 0 done, 1 refused, 2 unreadable page."""
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
        print(f"import-doc: {service}: no service.yaml here (draft one first)", file=sys.stderr)
        return 1
    target = service / f"{operation}.yaml"
    if target.exists() and not force:
        print(f"import-doc: {target} exists (update mode is not there yet)", file=sys.stderr)
        return 1
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
