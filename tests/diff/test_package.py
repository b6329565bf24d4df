"""The layout of ``generator.diff``: public names kept, and ``generate`` without the engine."""

from __future__ import annotations

import subprocess
import sys

import generator.diff
from tests.diff.specpair import PROJECT

_HEAVY = ("generator.diff.engine", "generator.diff.inputs")


def test_generate_path_does_not_import_the_diff_engine() -> None:
    script = (
        "import sys\n"
        "import generator.cli, generator.pipeline, generator.changelog\n"
        "from generator.model import SpecSet\n"
        "generator.changelog.compare_models(SpecSet(), SpecSet())\n"
        f"print([m for m in {_HEAVY!r} if m in sys.modules])\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], cwd=PROJECT, capture_output=True, text=True, check=True
    )
    assert done.stdout.strip() == "[]"


def test_models_that_differ_load_the_engine() -> None:
    script = (
        "import sys\n"
        "import generator.changelog\n"
        "from generator.model import SpecSet\n"
        "from generator.normalize import load_specs\n"
        "specs = load_specs(__import__('pathlib').Path('specs'), read_pages=False)\n"
        "assert generator.changelog.compare_models(SpecSet(), specs)\n"
        "print('generator.diff.engine' in sys.modules)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], cwd=PROJECT, capture_output=True, text=True, check=True
    )
    assert done.stdout.strip() == "True"


def test_every_public_name_resolves() -> None:
    for name in generator.diff.__all__:
        assert getattr(generator.diff, name) is not None, name
    assert "diff_specs" in generator.diff.__all__
    assert "dump_snapshot" in generator.diff.__all__
