"""``python -m generator check-docs``: which stored pages changed at their ``source.url``.

Each page is fetched with a conditional GET (the ETag and Last-Modified of the version
stored are remembered beside the snapshot, ``<snapshot>.http.json``) and compared with the
snapshot by its "last updated" date and a hash of its normalised text, so that a layout
change is no content change. Nothing is written unless ``--update`` applies a change.
Exit status: 0 nothing changed; 1 pages changed (listed; with --update, updated); 2 a page
could not be fetched or read.
"""

from __future__ import annotations

import hashlib
import json
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import urllib3

from generator.import_doc import read
from generator.import_doc.draft import yaml
from generator.import_doc.html import normalized, to_text
from generator.import_doc.pages import PageError

TIMEOUT = urllib3.Timeout(connect=10, read=30)


@dataclass
class Stored:
    spec: Path
    url: str
    snapshot: Path

    @property
    def meta(self) -> Path:
        return self.snapshot.with_name(self.snapshot.name + ".http.json")


def _digest(text: str) -> str:
    return hashlib.sha256(normalized(text).encode()).hexdigest()


def _stored(specs: Path) -> list[Stored]:
    found: list[Stored] = []
    for path in sorted(specs.rglob("*.yaml")):
        if path.name == "service.yaml":
            continue
        try:
            data: Any = yaml().load(path.read_text(encoding="utf-8"))
        except Exception:  # a broken spec is `generate`'s to report
            continue
        source = data.get("source") if isinstance(data, dict) else None
        url = source.get("url") if isinstance(source, dict) else None
        document = source.get("document") if isinstance(source, dict) else None
        if isinstance(url, str) and isinstance(document, str):
            found.append(Stored(path, url, path.parent / document))
    return found


def _fetch(http: urllib3.PoolManager, page: Stored) -> tuple[int, str, dict[str, str]]:
    meta: dict[str, str] = {}
    if page.meta.is_file():
        meta = json.loads(page.meta.read_text(encoding="utf-8"))
    headers = {"Accept": "text/html, text/plain, text/markdown, */*"}
    if meta.get("etag"):
        headers["If-None-Match"] = meta["etag"]
    if meta.get("last_modified"):
        headers["If-Modified-Since"] = meta["last_modified"]
    response = http.request("GET", page.url, headers=headers, timeout=TIMEOUT, retries=2)
    remembered = {
        "etag": response.headers.get("ETag", ""),
        "last_modified": response.headers.get("Last-Modified", ""),
    }
    if response.status == 304:
        return 304, "", remembered
    if response.status != 200:
        raise OSError(f"HTTP {response.status}")
    content_type = response.headers.get("Content-Type", "")
    charset = "utf-8"
    if "charset=" in content_type:
        charset = content_type.split("charset=", 1)[1].split(";")[0].strip()
    body = response.data.decode(charset, errors="replace")
    text = to_text(body) if "html" in content_type.lower() else body
    return 200, text, remembered


def run_check_docs(specs: Path, *, update: bool) -> int:
    """List (and with ``update`` apply) the pages that changed; see the module's exit codes."""
    from generator.import_doc.cli import run_import_doc

    pages = _stored(specs)
    http = urllib3.PoolManager()
    changed = failed = 0
    for page in pages:
        try:
            status, text, remembered = _fetch(http, page)
        except (OSError, urllib3.exceptions.HTTPError, ValueError) as error:
            print(f"check-docs: {page.spec}: cannot fetch {page.url}: {error}", file=sys.stderr)
            failed += 1
            continue
        if status == 304:
            continue
        stored = page.snapshot.read_text(encoding="utf-8") if page.snapshot.is_file() else ""
        if _digest(text) == _digest(stored):
            continue  # a new layout, or the same page again: no content change
        try:
            old_date = read(stored).last_updated if stored else None
            new_date = read(text).last_updated
        except PageError as error:
            print(f"check-docs: {page.url}: cannot read section {error}", file=sys.stderr)
            failed += 1
            continue
        changed += 1
        dates = "" if old_date == new_date else f" (last updated {old_date} -> {new_date})"
        print(f"check-docs: changed: {page.spec}{dates}")
        if not update:
            continue
        with tempfile.TemporaryDirectory() as scratch:
            fresh = Path(scratch) / page.snapshot.name
            fresh.write_text(text, encoding="utf-8")
            if run_import_doc(fresh, page.spec.parent) != 0:
                failed += 1
                continue
        remembered["hash"] = _digest(text)
        page.meta.write_text(json.dumps(remembered, indent=2) + "\n", encoding="utf-8")
    print(f"check-docs: {len(pages)} page(s) with a URL, {changed} changed, {failed} failed")
    if failed:
        return 2
    return 1 if changed else 0
