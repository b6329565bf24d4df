"""``python -m generator import-doc``: files written, exit codes, no traceback."""

from __future__ import annotations

import random
import shutil
from pathlib import Path

import pytest

from generator.cli import main

FIXTURES = Path(__file__).parent.parent / "fixtures" / "import_doc"


def test_writes_the_spec_and_the_snapshot(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    shutil.copy(FIXTURES / "alibabacloud_ens" / "service.yaml", tmp_path / "service.yaml")
    page = FIXTURES / "alibabacloud_ens" / "ListBuckets.page.txt"
    assert main(["import-doc", str(page), "--service", str(tmp_path)]) == 0
    spec = (tmp_path / "ListBuckets.yaml").read_text(encoding="utf-8")
    assert spec.startswith("operation: ListBuckets\n")
    assert "document: ListBuckets.page.txt" in spec
    assert "last_updated: 2026-03-27" in spec
    assert (tmp_path / "ListBuckets.page.txt").read_bytes() == page.read_bytes()
    assert "wrote" in capsys.readouterr().out
    # a second run is update mode: the same page changes nothing a person may have edited
    edited = spec.replace("BucketInfo", "Bucket")
    (tmp_path / "ListBuckets.yaml").write_text(edited, encoding="utf-8")
    assert main(["import-doc", str(page), "--service", str(tmp_path)]) == 0
    assert (tmp_path / "ListBuckets.yaml").read_text(encoding="utf-8") == edited
    assert "changed nothing" in capsys.readouterr().out


def test_no_such_service_directory(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    page = FIXTURES / "alibabacloud_ens" / "ListBuckets.page.txt"
    assert main(["import-doc", str(page), "--service", str(tmp_path / "nope")]) == 1
    assert "no such directory" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    "text",
    ["", "just some words\n", "# Title\n\n|a|b|\n|-|-|\n|1|2|\n", "Title\n=====\n\n.. bad::\n"],
)
def test_a_page_it_cannot_read_is_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], text: str
) -> None:
    page = tmp_path / "Page.page.txt"
    page.write_text(text, encoding="utf-8")
    assert main(["import-doc", str(page)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "cannot read section" in err and "Traceback" not in err


def test_draft_to_stdout(capsys: pytest.CaptureFixture[str]) -> None:
    page = FIXTURES / "opentelekomcloud_evs" / "QueryingDetailsAboutAllDisks.page.txt"
    assert main(["import-doc", str(page)]) == 0
    out = capsys.readouterr().out
    assert "path: /v2/{project_id}/cloudvolumes/detail" in out
    assert "- name: os-vol-host-attr:host" in out


KEYS = ("provider", "vendor", "api_version", "protocol", "error_format", "credentials")


def test_a_missing_service_file_is_drafted(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Item 4: each page alone gives a service file that checks, every guess marked."""
    from generator.import_doc.draft import MARK, yaml
    from generator.normalize import load_specs

    matched = total = 0
    for page in sorted(FIXTURES.glob("*/*.page.txt")):
        provider, service = page.parent.name.split("_", 1)
        folder = tmp_path / "specs" / provider / service
        folder.mkdir(parents=True)
        assert main(["import-doc", str(page), "--service", str(folder)]) == 0
        assert "drafted" in capsys.readouterr().out
        text = (folder / "service.yaml").read_text(encoding="utf-8")
        drafted = yaml().load(text)
        hand = yaml().load((page.parent / "service.yaml").read_text(encoding="utf-8"))
        # what the page settles: the vendor family and the protocol
        assert (drafted["provider"], drafted["credentials"], drafted["protocol"]) == (
            hand["provider"],
            hand["credentials"],
            hand["protocol"],
        ), page.name
        for line in text.splitlines():
            if line.split(":")[0].strip() in ("url", "default", "credentials", "protocol"):
                assert MARK in line, line
        keys = [*KEYS, "signing.default", "endpoint.url"]
        for key in keys:
            want, got = hand, drafted
            for part in key.split("."):
                want, got = want[part], got[part]
            matched += want == got
            total += 1
    print(f"\nservice files: {matched}/{total} keys as the hand-written ones")
    assert matched >= total * 3 // 4
    spec_set = load_specs(tmp_path / "specs")
    assert len(spec_set.services) == 8


def test_every_draft_is_a_valid_spec(tmp_path: Path) -> None:
    """The eight drafts, each beside its service file, load and check as a spec tree."""
    from generator.normalize import load_specs

    for page in sorted(FIXTURES.glob("*/*.page.txt")):
        provider, service = page.parent.name.split("_", 1)
        folder = tmp_path / "specs" / provider / service
        folder.mkdir(parents=True)
        shutil.copy(page.parent / "service.yaml", folder / "service.yaml")
        assert main(["import-doc", str(page), "--service", str(folder)]) == 0
    spec_set = load_specs(tmp_path / "specs")  # raises SpecError listing every problem
    assert len([op for service in spec_set.services for op in service.operations]) == 8


def _mangled(text: str, seed: int) -> list[str]:
    """Truncated copies of a page, and copies with lines dropped."""
    rng = random.Random(seed)
    lines = text.split("\n")
    out = [text[: len(text) * k // 12] for k in range(1, 12)]
    for _ in range(12):
        kept = list(lines)
        for _ in range(rng.randint(1, 12)):
            del kept[rng.randrange(len(kept))]
        out.append("\n".join(kept))
    return out


@pytest.mark.parametrize("page", sorted(FIXTURES.glob("*/*.page.txt")), ids=lambda p: p.stem)
def test_no_traceback_on_a_damaged_page(page: Path) -> None:
    """A page cut short or missing lines drafts, or fails naming a section: never a crash."""
    from generator.import_doc import PageError, read
    from generator.import_doc.draft import draft

    for text in _mangled(page.read_text(encoding="utf-8"), seed=17):
        try:
            draft(read(text), page.name)
        except PageError as error:
            assert str(error) and "\n" not in str(error)


def test_a_binary_file_is_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    page = tmp_path / "Page.page.txt"
    page.write_bytes(b"\xff\xfe\x00binary")
    assert main(["import-doc", str(page)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "cannot read" in err
