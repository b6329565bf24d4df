"""Import every client package of a generated package, as an application would.

``python import_clients.py PACKAGE`` imports ``PACKAGE.<provider>.<service>`` for each
service folder, its sync and async client classes and every model it exports, and fails if
anything of the generator (or of its dependencies), or any other generated package, was
imported, or if the generator's dependencies are installed at all (``--runtime-only``).
"""

from __future__ import annotations

import importlib
import importlib.util
import sys
from pathlib import Path

GENERATOR_DEPENDENCIES = ("jinja2", "black", "yaml", "datamodel_code_generator")
GENERATOR_ONLY = ("generator", *GENERATOR_DEPENDENCIES)


def main(package: str, runtime_only: bool) -> int:
    root = importlib.import_module(package)
    folder = Path(root.__file__ or "").parent
    services = sorted(p.parent for p in folder.glob("*/*/__init__.py"))
    if not services:
        print(f"no service packages under {folder}", file=sys.stderr)
        return 1
    for service in services:
        name = f"{package}.{service.parent.name}.{service.name}"
        module = importlib.import_module(name)
        clients = [n for n in module.__all__ if n.endswith("Client")]
        assert clients and all(isinstance(getattr(module, n), type) for n in clients), name
        for export in module.__all__:
            getattr(module, export)  # the models too, loaded on first use
        print(f"imported {name}: {', '.join(clients)}")
    loaded = sorted(
        m for m in sys.modules if m.split(".")[0] in GENERATOR_ONLY or _other_output(m, package)
    )
    if loaded:
        print(f"imported what a client must not: {loaded}", file=sys.stderr)
        return 1
    if runtime_only:
        present = [m for m in GENERATOR_DEPENDENCIES if importlib.util.find_spec(m) is not None]
        if present:
            print(f"not a runtime-only install: {present} installed", file=sys.stderr)
            return 1
    return 0


def _other_output(module: str, package: str) -> bool:
    top = module.split(".")[0]
    return top in ("generated", package.split(".")[0]) and not (
        module == package or module.startswith(package + ".") or package.startswith(module + ".")
    )


if __name__ == "__main__":
    arguments = sys.argv[1:]
    sys.exit(main(arguments[0], "--runtime-only" in arguments[1:]))
