"""Synthetic spec trees for the generator-scale benchmark.

``make_specs(dest, operations)`` writes ``operations`` operation specs spread over
``operations / 10`` services (10 per service), each a clone of the seed
``specs/alibabacloud/ens/ListBuckets.yaml`` with its operation and shape renamed
(``ListBuckets0007``, ``BucketInfo0007``), beside a clone of the seed ``service.yaml`` with
a new service name (``bench0003`` / ``Bench0003``).
"""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED_SERVICE = ROOT / "specs" / "alibabacloud" / "ens" / "service.yaml"
SEED_OPERATION = ROOT / "specs" / "alibabacloud" / "ens" / "ListBuckets.yaml"
SEED_PAGE = ROOT / "specs" / "alibabacloud" / "ens" / "ListBuckets.page.txt"
PER_SERVICE = 10


def _service_text(seed: str, number: int) -> str:
    text = re.sub(r"(?m)^service: .*$", f"service: bench{number:04d}", seed)
    text = re.sub(r"(?m)^name: .*$", f"name: Bench{number:04d}", text)
    return re.sub(r"(?m)^title: .*$", f"title: Benchmark Service {number:04d}", text)


def _operation_text(seed: str, number: int) -> str:
    # BucketInfo -> BucketInfo0007 also renames the BucketInfos field; consistently so.
    return seed.replace("ListBuckets", f"ListBuckets{number:04d}").replace(
        "BucketInfo", f"BucketInfo{number:04d}"
    )


def make_specs(dest: Path, operations: int) -> list[Path]:
    """Write the tree under ``dest`` (a ``specs`` directory); returns the operation files."""
    seed_service = SEED_SERVICE.read_text(encoding="utf-8")
    seed_operation = SEED_OPERATION.read_text(encoding="utf-8")
    seed_page = SEED_PAGE.read_text(encoding="utf-8")
    files = []
    for op in range(operations):
        service = op // PER_SERVICE
        directory = dest / "alibabacloud" / f"bench{service:04d}"
        if op % PER_SERVICE == 0:
            directory.mkdir(parents=True, exist_ok=True)
            (directory / "service.yaml").write_text(_service_text(seed_service, service), "utf-8")
        path = directory / f"ListBuckets{op:04d}.yaml"
        path.write_text(_operation_text(seed_operation, op), encoding="utf-8")
        # the page snapshot, renamed as the spec is, so that its examples are still on it
        page = directory / f"ListBuckets{op:04d}.page.txt"
        page.write_text(_operation_text(seed_page, op), encoding="utf-8")
        files.append(path)
    return files


def edit_one(path: Path, generation: int) -> None:
    """A doc-page update: one description changes (non-breaking), as a person would edit it."""
    text = path.read_text(encoding="utf-8")
    marker = "description: The page number. Pages start from page 1."
    if marker in text:
        text = text.replace(marker, f"{marker} (edited {generation})", 1)
    else:
        text = re.sub(r"\(edited \d+\)", f"(edited {generation})", text, count=1)
    path.write_text(text, encoding="utf-8")
