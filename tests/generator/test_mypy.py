"""The generated packages pass ``mypy --strict`` together with the runtime they call."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from generator.cli import main

PROJECT = Path(__file__).resolve().parents[2]
FIXTURES = Path(__file__).resolve().parent / "fixtures"


def _mypy(cwd: Path, cache: str, *targets: str) -> subprocess.CompletedProcess[str]:
    command = [
        sys.executable,
        "-m",
        "mypy",
        "--strict",
        "--config-file",
        str(PROJECT / "pyproject.toml"),
        "--cache-dir",
        str(PROJECT / ".mypy_cache" / cache),
        *targets,
    ]
    return subprocess.run(command, cwd=cwd, capture_output=True, text=True, timeout=300)


def test_generated_and_runtime_pass_mypy_strict() -> None:
    result = _mypy(PROJECT, "generator-tests", "generated", "sdk_runtime")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Success" in result.stdout


def test_a_rest_service_with_path_parameters_passes_mypy_strict(tmp_path: Path) -> None:
    """The valid fixture (a {project_id} path parameter, marker paging) generates typed code."""
    out = tmp_path / "generated"
    assert main(["generate", "--specs", str(FIXTURES / "valid" / "specs"), "--out", str(out)]) == 0
    result = _mypy(tmp_path, "generator-tests-fixture", "generated", str(PROJECT / "sdk_runtime"))
    assert result.returncode == 0, result.stdout + result.stderr
    checked = len(list(out.rglob("*.py"))) + len(list((PROJECT / "sdk_runtime").rglob("*.py")))
    assert f"no issues found in {checked} source files" in result.stdout
