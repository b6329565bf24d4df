"""Fixtures for the diff tests."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from tests.diff.specpair import SpecPair


@pytest.fixture
def make_pair(tmp_path: Path) -> Callable[..., SpecPair]:
    """``make_pair("alibabacloud/ens", ...)``: old and new copies of those seed services."""
    return lambda *services: SpecPair(tmp_path, services)
