"""Where a run reads and writes: command-line flags, over the ``[tool.cloud-sdk-generator]``
table of the nearest ``pyproject.toml``, over the defaults.

The defaults are relative to the current directory (``specs/`` in, ``generated/`` out) and
the templates shipped with the generator. The output package's import name follows the
output folder (``--out mycorp_clouds`` writes ``mycorp_clouds.alibabacloud.oss``), and the
output folder follows the package (``--package mycorp.clouds`` writes ``mycorp/clouds/``).
Nothing is ever written into an installation (site-packages).
"""

from __future__ import annotations

import keyword
import site
import sysconfig
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

TABLE = "cloud-sdk-generator"  # [tool.cloud-sdk-generator]
DEFAULT_PACKAGE = "generated"
_KEYS = ("specs", "out", "package", "templates")
_HERE = Path(__file__).resolve().parent


class SettingsError(Exception):
    """A flag or the pyproject table names something the generator cannot use."""


@dataclass(frozen=True)
class Settings:
    specs: Path
    out: Path
    package: str  # import name of the output: every generated import starts with it
    templates: Path


def builtin_templates() -> Path:
    """The templates shipped with the generator: package data in a wheel
    (``generator/templates``), the repository's ``templates/`` in a checkout."""
    packaged = _HERE / "templates"
    return packaged if packaged.is_dir() else _HERE.parent / "templates"


def find_pyproject(start: Path) -> Path | None:
    """The nearest ``pyproject.toml`` at or above ``start``."""
    for folder in (start, *start.parents):
        candidate = folder / "pyproject.toml"
        if candidate.is_file():
            return candidate
    return None


def read_table(pyproject: Path) -> dict[str, Path | str]:
    """The ``[tool.cloud-sdk-generator]`` table, paths made relative to its file's folder."""
    try:
        data = tomllib.loads(pyproject.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        raise SettingsError(f"{pyproject}: cannot read it ({error})") from error
    table: Any = data.get("tool", {}).get(TABLE, {})
    if not isinstance(table, dict):
        raise SettingsError(f"{pyproject}: [tool.{TABLE}] must be a table")
    found: dict[str, Path | str] = {}
    for key, value in table.items():
        if key not in _KEYS:
            raise SettingsError(
                f"{pyproject}: [tool.{TABLE}] unknown key {key!r} (allowed: {', '.join(_KEYS)})"
            )
        if not isinstance(value, str) or not value:
            raise SettingsError(f"{pyproject}: [tool.{TABLE}] {key} must be a non-empty string")
        found[key] = value if key == "package" else pyproject.parent / value
    return found


def check_package(name: str, where: str) -> str:
    parts = name.split(".")
    if not all(part.isidentifier() and not keyword.iskeyword(part) for part in parts):
        raise SettingsError(f"{where}: {name!r} is not a Python package name")
    return name


def resolve(
    *,
    specs: Path | None = None,
    out: Path | None = None,
    package: str | None = None,
    templates: Path | None = None,
    cwd: Path | None = None,
) -> Settings:
    """Flags (None when not given) over the pyproject table over the defaults."""
    cwd = cwd or Path.cwd()
    pyproject = find_pyproject(cwd)
    table = read_table(pyproject) if pyproject is not None else {}

    def chosen(flag: Path | None, key: str) -> Path | None:
        value = flag if flag is not None else table.get(key)
        return Path(value) if value is not None else None

    out_path = chosen(out, "out")
    named = package if package is not None else table.get("package")
    if named is not None:
        package_name = check_package(str(named), "--package" if package else f"[tool.{TABLE}]")
    elif out_path is not None:
        where = f"the output folder {out_path.name!r} is no package name; pass --package NAME"
        if not out_path.name.isidentifier() or keyword.iskeyword(out_path.name):
            raise SettingsError(where)
        package_name = out_path.name
    else:
        package_name = DEFAULT_PACKAGE
    return Settings(
        specs=chosen(specs, "specs") or cwd / "specs",
        out=out_path or cwd.joinpath(*package_name.split(".")),
        package=package_name,
        templates=chosen(templates, "templates") or builtin_templates(),
    )


def _installations() -> list[Path]:
    scheme = sysconfig.get_paths()
    places = {scheme["purelib"], scheme["platlib"], *site.getsitepackages()}
    if site.ENABLE_USER_SITE and site.USER_SITE:
        places.add(site.USER_SITE)
    return [Path(place).resolve() for place in places]


def check_writable(out: Path) -> None:
    """Refuse an output inside site-packages or the generator itself: an installed tool
    must never write where it is installed."""
    target = out.resolve()
    for place in [*_installations(), _HERE]:
        if target == place or target.is_relative_to(place):
            raise SettingsError(
                f"refusing to write into {place} (an installation): pass --out a folder of "
                "your project, or run from your project's folder"
            )
