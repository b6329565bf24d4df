"""Check spec files against the JSON Schemas of the spec format (generator/schema/)."""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any

from jsonschema import Draft202012Validator, validators
from jsonschema.exceptions import ValidationError

from generator import outcache
from generator.errors import SpecIssue
from generator.loader import JsonPath, SpecFile

SCHEMA_DIR = Path(__file__).parent / "schema"
_TYPE_NAMES = {
    "object": "a mapping",
    "array": "a list",
    "string": "text",
    "integer": "an integer",
    "number": "a number",
    "boolean": "true or false",
    "null": "null",
}


def _pattern(
    validator: Draft202012Validator, pattern: str, instance: Any, schema: dict[str, Any]
) -> Iterator[ValidationError]:
    """``pattern``, with ``$`` the end of the text as in JSON Schema (ECMA-262), not also
    before a final newline as in Python's ``re``: ``"ListWidgets\n"`` is no operation name."""
    if isinstance(instance, str):
        anchored = pattern[:-1] + r"\Z" if pattern.endswith("$") else pattern
        if not re.search(anchored, instance):
            yield ValidationError(f"{instance!r} does not match {pattern!r}")


_Validator = validators.extend(  # type: ignore[no-untyped-call]  # jsonschema: untyped
    Draft202012Validator, {"pattern": _pattern}
)


@cache
def validator(kind: str) -> Draft202012Validator:
    """The validator for ``service`` or ``operation`` files."""
    schema = json.loads((SCHEMA_DIR / f"{kind}.schema.json").read_text(encoding="utf-8"))
    validator: Draft202012Validator = _Validator(schema)
    return validator


@cache
def _validator_identity(kind: str) -> str:
    """All that a file's schema violations depend on besides the file: the generator's code
    (this module's checks, their messages), its schemas and the jsonschema version."""
    from importlib.metadata import version

    digest = hashlib.sha256(f"{kind}\0jsonschema {version('jsonschema')}\0".encode())
    package = Path(__file__).resolve().parent
    for path in sorted([*package.glob("*.py"), *SCHEMA_DIR.glob("*.json")]):
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def schema_issues(spec: SpecFile, kind: str) -> list[SpecIssue]:
    """Every schema violation in ``spec``, each with its own line. A file whose data this
    machine's user cache (generator.outcache) saw valid under the same schemas and code is
    not checked again (valid = no issue; a file with issues is checked every time)."""
    key = outcache.entry_key(_validator_identity(kind), repr(spec.data))
    if outcache.get("spec-schema", key) is not None:
        return []
    issues = _schema_issues(spec, kind)
    if not issues:
        outcache.put("spec-schema", key, b"valid\n")
    return issues


def _schema_issues(spec: SpecFile, kind: str) -> list[SpecIssue]:
    issues = []
    for error in validator(kind).iter_errors(spec.data):
        if error.validator == "additionalProperties":
            allowed = sorted(error.schema.get("properties", {}))
            for key in sorted(set(error.instance) - set(allowed)):
                where = (*error.absolute_path, key)
                issues.append(
                    spec.issue(where, f"unknown key {key!r} (allowed: {', '.join(allowed)})")
                )
            continue
        where, message = _describe(error)
        issues.append(spec.issue(where, message))
    return issues


def _describe(error: ValidationError) -> tuple[JsonPath, str]:
    where: JsonPath = tuple(error.absolute_path)
    value: Any = error.instance
    rule: Any = error.validator
    expected: Any = error.validator_value
    if rule == "enum":
        options = ", ".join(repr(option) for option in expected)
        return where, f"expected one of {options}, got {value!r}"
    if rule == "required":
        missing = re.search(r"'([^']+)' is a required property", error.message)
        return where, f"missing required key {missing.group(1) if missing else error.message!r}"
    if rule == "type":
        kinds: list[str] = expected if isinstance(expected, list) else [expected]
        wanted = " or ".join(_TYPE_NAMES.get(kind, kind) for kind in kinds)
        return where, f"expected {wanted}, got {value!r}"
    if rule == "pattern":
        return where, f"{value!r} does not match the pattern {expected}"
    if rule == "propertyNames":
        return where, f"invalid name: {error.message}"
    return where, error.message
