"""The clients of the test-owned spec tree ``tests/fixtures/paging_pages``, generated once."""

from __future__ import annotations

import contextlib
import importlib
import io
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest

from generator.cli import main

PROJECT = Path(__file__).resolve().parents[2]
SPECS = PROJECT / "tests" / "fixtures" / "paging_pages" / "specs"
PACKAGE = "pagingpages"


@pytest.fixture(scope="session")
def pagingpages(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, ModuleType]]:
    """``oss`` and ``ecs``: the fixture tree's clients, generated into package ``pagingpages``."""
    root = tmp_path_factory.mktemp("paging_pages")
    args = ["generate", "--specs", str(SPECS), "--templates", str(PROJECT / "templates")]
    with contextlib.redirect_stdout(io.StringIO()):
        code = main([*args, "--out", str(root / PACKAGE), "--package", PACKAGE])
    assert code == 0
    sys.path.insert(0, str(root))
    try:
        yield {
            name: importlib.import_module(f"{PACKAGE}.alibabacloud.{name}")
            for name in ("oss", "ecs")
        }
    finally:
        sys.path.remove(str(root))
        for module in [m for m in sys.modules if m == PACKAGE or m.startswith(f"{PACKAGE}.")]:
            del sys.modules[module]


@pytest.fixture
def oss(pagingpages: dict[str, ModuleType]) -> ModuleType:
    return pagingpages["oss"]


@pytest.fixture
def ecs(pagingpages: dict[str, ModuleType]) -> ModuleType:
    return pagingpages["ecs"]
