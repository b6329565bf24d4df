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


USAGE = """\
from generated.alibabacloud.ens import AsyncEnsClient, EnsClient
from generated.alibabacloud.ens.models import ListBucketsResponse
from sdk_runtime.raw import RawResponse


def sync(client: EnsClient) -> None:
    raw: RawResponse[ListBucketsResponse] = client.with_raw_response.list_buckets(page_size="5")
    model: ListBucketsResponse = raw.parse()
    status: int = raw.status_code
    request_id: str | None = raw.request_id
    same: EnsClient = client.with_options(timeout=5, extra_headers={"X-A": "1"})
    print(model, status, request_id, same, raw.headers["X-Request-Id"])


async def asynchronous(client: AsyncEnsClient) -> None:
    model: ListBucketsResponse = (await client.with_raw_response.list_buckets()).parse()
    same: AsyncEnsClient = client.with_options(max_retries=0)
    print(model, same)


def wrong(client: EnsClient) -> None:
    client.with_raw_response.list_buckets(bucket_name="x")
    text: str = client.with_raw_response.list_buckets().parse()
"""


def test_raw_responses_and_options_are_typed_per_operation(tmp_path: Path) -> None:
    """``with_raw_response.<op>`` keeps the operation's keywords and model for mypy, and
    ``with_options`` returns the client's own class."""
    usage = tmp_path / "usage_raw.py"
    usage.write_text(USAGE, encoding="utf-8")
    result = _mypy(PROJECT, "generator-tests", str(usage))
    errors = [
        line.split(": error: ")[1] for line in result.stdout.splitlines() if ": error:" in line
    ]
    assert len(errors) == 2, result.stdout
    assert 'Unexpected keyword argument "bucket_name"' in errors[0]
    assert '"ListBucketsResponse", variable has type "str"' in errors[1]
