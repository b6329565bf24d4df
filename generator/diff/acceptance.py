"""Reviewed changes, accepted in a committed file: they are reported, marked, and no longer
fail ``--fail-on``.

``diff-accepted.yaml`` beside the spec tree (or ``diff --accepted FILE``)::

    accepted:
      - fingerprint: 0389c892afd00cf7     # a finding's fingerprint (the reports show it)
        reason: the server never accepted more than 50; reviewed with the vendor
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Mapping, Sequence
from pathlib import Path

import yaml

from generator.diff.findings import Finding
from generator.errors import DiffInputError

ACCEPTED_FILE = "diff-accepted.yaml"
_FINGERPRINT = re.compile(r"^[0-9a-f]{16}$")


def default_acceptance(spec_dir: Path) -> Path:
    """Where the acceptance file of the spec tree ``spec_dir`` is: beside it."""
    return spec_dir.resolve().parent / ACCEPTED_FILE


def load_acceptance(path: Path, *, required: bool = False) -> dict[str, str]:
    """Fingerprint -> reason from the file at ``path`` ({} if there is none and it is not
    ``required``); DiffInputError naming the entry for a malformed one."""
    if not path.is_file():
        if required:
            raise DiffInputError(f"{path}: no such acceptance file")
        return {}
    try:
        document = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as error:
        raise DiffInputError(f"{path}: unreadable acceptance file: {error}") from error
    entries = document.get("accepted", []) if isinstance(document, dict) else None
    if not isinstance(entries, list):
        raise DiffInputError(f"{path}: expected a mapping with a list 'accepted'")
    accepted: dict[str, str] = {}
    for index, entry in enumerate(entries):
        fingerprint = entry.get("fingerprint") if isinstance(entry, dict) else None
        reason = entry.get("reason") if isinstance(entry, dict) else None
        if not isinstance(fingerprint, str) or not _FINGERPRINT.match(fingerprint):
            raise DiffInputError(f"{path}: accepted[{index}].fingerprint: expected 16 hex digits")
        if not isinstance(reason, str) or not reason.strip():
            raise DiffInputError(f"{path}: accepted[{index}].reason: say why it is accepted")
        accepted[fingerprint] = " ".join(reason.split())
    return accepted


def accept(findings: Sequence[Finding], accepted: Mapping[str, str]) -> list[Finding]:
    """``findings`` with the reason of each accepted one set."""
    return [
        dataclasses.replace(f, accepted=accepted[f.fingerprint]) if f.fingerprint in accepted else f
        for f in findings
    ]


def unused(findings: Sequence[Finding], accepted: Mapping[str, str]) -> list[str]:
    """The accepted fingerprints no finding has (a change since reverted or edited)."""
    present = {f.fingerprint for f in findings}
    return sorted(fp for fp in accepted if fp not in present)
