"""Item 5, ``check-docs``: page versions served on loopback, never the internet."""

from __future__ import annotations

import html
import shutil
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from generator.cli import main

FIXTURES = Path(__file__).parent.parent / "fixtures" / "import_doc"
SNAPSHOT = (FIXTURES / "alibabacloud_ens" / "ListBuckets.page.txt").read_text(encoding="utf-8")


def as_html(text: str, fancy: bool = False) -> str:
    """The page as a vendor might serve it; ``fancy``: another layout of the same text."""
    parts = []
    for chunk in text.split("\n\n"):
        if not chunk.strip():
            continue
        if "\n" in chunk.strip():
            parts.append(f"<pre>{html.escape(chunk)}</pre>")
        elif fancy:
            parts.append(f'<div class="cell">\n  <span>{html.escape(chunk.strip())}</span>\n</div>')
        else:
            parts.append(f"<p>{html.escape(chunk.strip())}</p>")
    head = "<head><title>x</title><style>p {}</style><script>var a = 1;</script></head>"
    return f"<html>{head}<body>{''.join(parts)}</body></html>"


class Pages:
    """What the loopback server answers, and what it was asked."""

    def __init__(self) -> None:
        self.body = as_html(SNAPSHOT)
        self.etag = '"v1"'
        self.content_type = "text/html; charset=utf-8"
        self.requests: list[dict[str, str]] = []


@pytest.fixture
def server() -> Iterator[tuple[str, Pages]]:
    pages = Pages()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            pages.requests.append(dict(self.headers))
            if self.headers.get("If-None-Match") == pages.etag:
                self.send_response(304)
                self.end_headers()
                return
            body = pages.body.encode()
            self.send_response(200)
            self.send_header("Content-Type", pages.content_type)
            self.send_header("ETag", pages.etag)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}/ens/ListBuckets.html", pages
    finally:
        httpd.shutdown()
        httpd.server_close()


def _tree(tmp_path: Path, url: str, page: str = "alibabacloud_ens/ListBuckets") -> Path:
    folder = tmp_path / "specs" / page.split("/")[0].replace("_", "/", 1)
    shutil.copytree(FIXTURES / page.split("/")[0], folder)
    spec = folder / f"{page.split('/')[1]}.yaml"
    text = spec.read_text(encoding="utf-8")
    spec.write_text(text.replace("url: null", f"url: {url}", 1), encoding="utf-8")
    return tmp_path / "specs"


def _files(root: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()
    }


def test_unchanged_and_a_new_layout_write_nothing(
    tmp_path: Path, server: tuple[str, Pages], capsys: pytest.CaptureFixture[str]
) -> None:
    url, pages = server
    specs = _tree(tmp_path, url)
    before = _files(specs)
    assert main(["check-docs", "--specs", str(specs)]) == 0
    pages.body, pages.etag = as_html(SNAPSHOT, fancy=True), '"v1-relayout"'
    assert main(["check-docs", "--specs", str(specs), "--update"]) == 0
    assert _files(specs) == before
    assert "1 page(s) with a URL, 0 changed, 0 failed" in capsys.readouterr().out


def test_a_changed_page_is_listed_then_updated(
    tmp_path: Path, server: tuple[str, Pages], capsys: pytest.CaptureFixture[str]
) -> None:
    url, pages = server
    specs = _tree(tmp_path, url)
    spec = specs / "alibabacloud" / "ens" / "ListBuckets.yaml"
    before = _files(specs)
    edited = SNAPSHOT.replace("cannot be greater than 100", "cannot be greater than 50")
    pages.body = as_html(edited.replace("Mar 27, 2026", "Apr 02, 2026"))
    pages.etag = '"v2"'

    assert main(["check-docs", "--specs", str(specs)]) == 1
    out = capsys.readouterr().out
    assert f"changed: {spec} (last updated 2026-03-27 -> 2026-04-02)" in out
    assert _files(specs) == before  # listing writes nothing

    assert main(["check-docs", "--specs", str(specs), "--update"]) == 1
    out = capsys.readouterr().out
    assert "parameters.PageSize.maximum: 100 -> 50" in out
    text = spec.read_text(encoding="utf-8")
    assert "maximum: 50" in text and "last_updated: 2026-04-02" in text
    assert "# documented as string although it carries a number" in text  # comments kept
    meta = spec.with_name("ListBuckets.page.txt.http.json").read_text(encoding="utf-8")
    assert '"etag": "\\"v2\\""' in meta

    # the next run asks conditionally, gets 304 and writes nothing
    after = _files(specs)
    assert main(["check-docs", "--specs", str(specs), "--update"]) == 0
    assert pages.requests[-1].get("If-None-Match") == '"v2"'
    assert _files(specs) == after


def test_an_unreachable_page_is_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    specs = _tree(tmp_path, "http://127.0.0.1:9/ListBuckets.html")
    assert main(["check-docs", "--specs", str(specs)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "cannot fetch" in err and "Traceback" not in err


def test_a_markdown_source_page_served_as_text(
    tmp_path: Path, server: tuple[str, Pages], capsys: pytest.CaptureFixture[str]
) -> None:
    """Pages kept as vendor source (Markdown) are compared as text, not as HTML."""
    url, pages = server
    specs = _tree(tmp_path, url, "alibabacloud_vpc/DescribeEipAddresses")
    stored = (FIXTURES / "alibabacloud_vpc" / "DescribeEipAddresses.page.txt").read_text()
    pages.content_type = "text/markdown; charset=utf-8"
    pages.body = stored.replace("\n\n", "\n\n\n")  # blank lines are layout, not content
    assert main(["check-docs", "--specs", str(specs)]) == 0
    pages.body = stored.replace("|400|InvalidResourceGroupId|", "|400|InvalidResourceGroup|")
    assert main(["check-docs", "--specs", str(specs), "--update"]) == 1
    out = capsys.readouterr().out
    assert "errors.InvalidResourceGroup: added" in out
    assert "errors.InvalidResourceGroupId: removed" in out
