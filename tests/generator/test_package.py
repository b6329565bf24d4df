"""The user's own package: ``--package``, the output folder's name, or the pyproject table
names the import path of everything generated; paths default to the current directory; an
installation is never written to."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

from generator.cli import main
from generator.settings import SettingsError, builtin_templates, resolve

PROJECT = Path(__file__).resolve().parents[2]
VALID = Path(__file__).resolve().parent / "fixtures" / "valid" / "specs"
IMPORT = re.compile(r"^\s*(?:from|import)\s+([A-Za-z_][\w.]*)", re.MULTILINE)


def _imported_tops(out: Path) -> set[str]:
    """Top-level names of every module the generated Python imports (stdlib aside)."""
    tops = set()
    for path in out.rglob("*.py"):
        for name in IMPORT.findall(path.read_text(encoding="utf-8")):
            tops.add(name.split(".")[0])
    return tops - set(sys.stdlib_module_names) - {"__future__"}


def _import_in_fresh_interpreter(path: Path, module: str, client: str) -> list[str]:
    """Import ``module`` with only ``path`` and the runtime on sys.path; the modules of
    other generated packages that got imported."""
    code = (
        "import sys\n"
        f"from {module} import {client}\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('generated', 'generator')))\n"
    )
    env = {"PYTHONPATH": f"{path}:{PROJECT}", "PATH": "/usr/bin:/bin"}
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, cwd=path
    )
    assert result.returncode == 0, result.stderr
    return eval(result.stdout)  # noqa: S307 - a list of module names printed just above


def test_package_names_every_import(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "mycorp_clouds"
    assert main(["generate", f"--specs={VALID}", f"--out={out}", "--package=mycorp_clouds"]) == 0
    # pydantic only where a model needs Field or ConfigDict: the runtime's base carries it
    assert {"mycorp_clouds", "sdk_runtime"} <= _imported_tops(out)
    assert _imported_tops(out) <= {"mycorp_clouds", "sdk_runtime", "pydantic"}
    assert "generated." not in (out / "huaweicloud/demo/client.py").read_text(encoding="utf-8")
    readme = (out / "huaweicloud/demo/docs/README.md").read_text(encoding="utf-8")
    assert "`mycorp_clouds.huaweicloud.demo`" in readme
    # where another generated package is importable too, the user's is still the one used
    leaked = _import_in_fresh_interpreter(tmp_path, "mycorp_clouds.huaweicloud.demo", "DemoClient")
    assert leaked == []


def test_the_output_folder_names_the_package(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "acme"
    assert main(["generate", f"--specs={VALID}", f"--out={out}"]) == 0
    assert "from acme.huaweicloud.demo.errors import" in (
        out / "huaweicloud/demo/client.py"
    ).read_text(encoding="utf-8")


def test_a_dotted_package_writes_its_folders(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["generate", f"--specs={VALID}", "--package=acme.clouds"]) == 0
    client = tmp_path / "acme" / "clouds" / "huaweicloud" / "demo" / "client.py"
    assert "from acme.clouds.huaweicloud.demo.errors import" in client.read_text(encoding="utf-8")


def test_another_package_regenerates_every_import(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The package name is an input of the cache: switching it rewrites, never reuses."""
    out = tmp_path / "out"
    assert main(["generate", f"--specs={VALID}", f"--out={out}", "--package=first"]) == 0
    assert main(["generate", f"--specs={VALID}", f"--out={out}", "--package=second"]) == 0
    assert {"second", "sdk_runtime"} <= _imported_tops(out)
    assert _imported_tops(out) <= {"second", "sdk_runtime", "pydantic"}
    assert (
        main(["generate", f"--specs={VALID}", f"--out={out}", "--package=second", "--check"]) == 0
    )


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--out={tmp}/not-a-name"], "the output folder 'not-a-name' is no package name"),
        (["--package=my-clouds"], "--package: 'my-clouds' is not a Python package name"),
        (["--package=mycorp.class"], "--package: 'mycorp.class' is not a Python package name"),
    ],
)
def test_a_bad_package_name_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    flags = [arg.format(tmp=tmp_path) for arg in args]
    assert main(["generate", f"--specs={VALID}", *flags]) == 2
    assert message in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []


def test_paths_default_to_the_current_directory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    shutil.copytree(VALID, tmp_path / "specs")
    monkeypatch.chdir(tmp_path)
    assert main(["generate"]) == 0
    assert (tmp_path / "generated" / "huaweicloud" / "demo" / "client.py").is_file()
    assert main(["generate", "--check"]) == 0
    assert "generate --check:" in capsys.readouterr().out


def test_the_pyproject_table_sets_the_defaults(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    shutil.copytree(VALID, tmp_path / "api" / "specs")
    (tmp_path / "pyproject.toml").write_text(
        '[project]\nname = "mycorp"\n\n'
        '[tool.cloud-sdk-generator]\nspecs = "api/specs"\nout = "src/mycorp/clouds"\n'
        'package = "mycorp.clouds"\n',
        encoding="utf-8",
    )
    (tmp_path / "src").mkdir()
    monkeypatch.chdir(tmp_path / "src")  # the nearest pyproject.toml counts, from below too
    assert main(["generate"]) == 0
    client = tmp_path / "src" / "mycorp" / "clouds" / "huaweicloud" / "demo" / "client.py"
    assert "from mycorp.clouds.huaweicloud.demo.errors import" in client.read_text("utf-8")
    # a flag wins over the table
    assert main(["generate", "--package=other", f"--out={tmp_path / 'other'}"]) == 0
    assert (tmp_path / "other" / "huaweicloud" / "demo" / "client.py").is_file()


def test_a_bad_pyproject_table_is_a_clear_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "pyproject.toml").write_text(
        '[tool.cloud-sdk-generator]\noutput = "x"\n', encoding="utf-8"
    )
    monkeypatch.chdir(tmp_path)
    assert main(["generate"]) == 2
    err = capsys.readouterr().err
    assert "[tool.cloud-sdk-generator] unknown key 'output' (allowed: specs, out, package" in err
    assert "Traceback" not in err
    with pytest.raises(SettingsError, match="must be a non-empty string"):
        (tmp_path / "pyproject.toml").write_text("[tool.cloud-sdk-generator]\nout = 3\n")
        resolve()


def test_nothing_is_written_into_an_installation(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    site_packages = Path(sysconfig.get_paths()["purelib"])
    target = site_packages / "generated_by_a_test_that_must_not_write"
    assert main(["generate", f"--specs={VALID}", f"--out={target}"]) == 2
    assert "refusing to write into" in capsys.readouterr().err
    assert not target.exists()
    generator_dir = PROJECT / "generator" / "out"
    assert main(["generate", f"--specs={VALID}", f"--out={generator_dir}"]) == 2
    assert not generator_dir.exists()


def test_the_templates_ship_with_the_generator() -> None:
    """In a checkout, the repository's templates/; in a wheel, generator/templates (the
    wheel smoke run in .ci/wheel-smoke uses those)."""
    assert builtin_templates() == PROJECT / "templates"
    assert (builtin_templates() / "client.py.j2").is_file()


def test_version_and_help(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as done:
        main(["--version"])
    assert done.value.code == 0
    assert re.fullmatch(
        r".+ (\d+\.\d+\.\d+\S*|unknown \(not installed\))\n", capsys.readouterr().out
    )
    with pytest.raises(SystemExit):
        main(["generate", "--help"])
    text = capsys.readouterr().out
    for flag in ("--check", "--specs", "--out", "--package", "--templates"):
        assert flag in text
