"""Requirements for the floors run (see .ci/floors), read from pyproject.toml and the lock.

``python3 .ci/floors.py`` prints them: each runtime dependency (and the ``httpx`` extra) at
exactly its declared floor, the test tools and the official SDKs at their locked versions.
``python3 .ci/floors.py --verify`` checks that the running interpreter has the floors.
"""

from __future__ import annotations

import re
import sys
import tomllib
from importlib import metadata
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
# dev tools the floors run does not need: it runs tests only, not linters or type checks
NOT_NEEDED = re.compile(r"^(mypy|ruff|pytest-randomly|types-.*|cloud-sdk-generator)$")
REQUIREMENT = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)\s*(?:\[[^\]]*\])?\s*(.*)$")


def _normal(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _split(requirement: str) -> tuple[str, str]:
    found = REQUIREMENT.match(requirement.strip())
    if found is None:
        raise SystemExit(f"cannot read requirement {requirement!r}")
    return found.group(1), found.group(2)


def floors(project: dict[str, Any]) -> dict[str, str]:
    """Runtime dependency -> its declared floor (the version after ``>=``)."""
    wanted = [*project["dependencies"], *project["optional-dependencies"]["httpx"]]
    result = {}
    for requirement in wanted:
        name, specifier = _split(requirement)
        floor = re.search(r">=\s*([^,\s]+)", specifier)
        if floor is None:
            raise SystemExit(f"{requirement!r} declares no floor (>=)")
        result[name] = floor.group(1)
    return result


def locked() -> dict[str, str]:
    pins = {}
    for line in (ROOT / "constraints.txt").read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if "==" in line:
            name, version = line.split("==", 1)
            pins[_normal(name)] = version.strip()
    return pins


def _same(a: str, b: str) -> bool:
    """``3.9`` is ``3.9.0``."""

    def parts(version: str) -> list[str]:
        items = version.split(".")
        while len(items) > 1 and items[-1] == "0":
            items.pop()
        return items

    return parts(a) == parts(b)


def main() -> int:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    lowest = floors(project)
    if sys.argv[1:] == ["--verify"]:
        wrong = {
            name: metadata.version(name)
            for name, version in lowest.items()
            if not _same(metadata.version(name), version)
        }
        if wrong:
            print(f"not at the declared floors: {wrong}", file=sys.stderr)
            return 1
        print("runtime at its floors: " + ", ".join(f"{n}=={v}" for n, v in lowest.items()))
        return 0
    pins = locked()
    lines = [f"{name}=={version}" for name, version in lowest.items()]
    for requirement in project["optional-dependencies"]["dev"]:
        name, _ = _split(requirement)
        if not NOT_NEEDED.match(_normal(name)):
            lines.append(f"{name}=={pins[_normal(name)]}")
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
