"""No spec makes the generator crash or hang: random byte, YAML and structure mutations of the
fixture specs (the loader's also of the project's seed specs) either generate (exit 0) or
fail with ``file:line:`` messages only (exit 1), never a traceback or "generator bug" (exit
3). A fixed, derandomized budget, so CI is fast and repeatable; raise FUZZ_EXAMPLES locally
to search longer."""

from __future__ import annotations

import contextlib
import io
import os
import re
import shutil
import tempfile
from pathlib import Path
from typing import Any

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.cli import main
from generator.errors import SpecError
from generator.loader import load_spec_file

FIXTURES = Path(__file__).resolve().parent / "fixtures"
BASE = FIXTURES / "valid" / "specs"
FILES = sorted(p.relative_to(BASE).as_posix() for p in BASE.rglob("*.yaml"))
PROJECT = FIXTURES.parents[2]
# every yaml file of every fixture and of the project's specs: the seeds of the byte mutations
SEEDS = sorted(
    p.read_bytes()
    for folder in (FIXTURES, PROJECT / "specs")
    for p in folder.rglob("*.yaml")
    if p.is_file() and not p.is_symlink()
)
EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "120"))
BUDGET = settings(
    max_examples=EXAMPLES,
    deadline=None,
    derandomize=True,  # the same examples on every run: CI stays green or red, never flaky
    database=None,  # nothing written into the work tree
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
ISSUE = re.compile(r"^\S[^:]*:\d+: ")
SUMMARY = re.compile(r"^generate: \d+ spec error\(s\); ")
# text a hand or a tool might splice into YAML: anchors, aliases, tags, flow brackets,
# quotes, escapes, special floats, document markers, odd characters
SNIPPETS = [
    b"&a ",
    b"*a",
    b"!!float x",
    b"!!bool maybe",
    b"!!binary AA==",
    b"!!python/object:os.system",
    b"[[[[",
    b"]]",
    b"{a: ",
    b"? ",
    b"- ",
    b": ",
    b'"\\0"',
    b'"\\ud800"',
    b'"\\N"',
    b".nan",
    b"-.inf",
    b"1e999",
    b"---\n",
    b"...\n",
    b"\t",
    b"\x00",
    b"\xe9",
    b"\xed\xa0\x80",
    b"\xef\xbb\xbf",
    b"\r",
    b"\xe2\x80\xa8",
    b"%YAML 1.1\n",
    b"<<: *a\n",
    b"~",
    b"null",
    b"yes",
]

_scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(2**70), max_value=2**70),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=30),
    st.sampled_from(["", "GET", "string", "object", "array", "map", "{x}", "/", "A", "a_b"]),
)
_values = st.recursive(
    _scalars,
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3)
    ),
    max_leaves=8,
)


def _alike(value: Any) -> st.SearchStrategy[Any]:
    if isinstance(value, bool):
        return st.booleans()
    if isinstance(value, int):
        return st.integers(min_value=-(2**40), max_value=2**40)
    if isinstance(value, float):
        return st.floats(allow_nan=False, allow_infinity=False)
    if isinstance(value, str):
        return st.text(max_size=20) | st.from_regex(r"\A[A-Za-z][A-Za-z0-9_{}./-]{0,12}\Z")
    return _values


def _paths(data: Any, where: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [where]
    if isinstance(data, dict):
        for key, value in data.items():
            found += _paths(value, (*where, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            found += _paths(value, (*where, index))
    return found


@st.composite
def _byte_mutation(draw: st.DrawFn, seed: bytes) -> bytes:
    data = bytearray(seed)
    for _ in range(draw(st.integers(1, 4))):
        at = draw(st.integers(0, len(data)))
        kind = draw(st.sampled_from(["insert", "delete", "replace", "snippet"]))
        if kind == "snippet":
            data[at:at] = draw(st.sampled_from(SNIPPETS))
        elif kind == "insert":
            data[at:at] = draw(st.binary(min_size=1, max_size=4))
        elif kind == "delete":
            del data[at : at + draw(st.integers(1, 16))]
        else:
            data[at : at + 1] = draw(st.binary(min_size=1, max_size=1))
    return bytes(data)


@st.composite
def _structure_mutation(draw: st.DrawFn, seed: bytes) -> bytes:
    """A valid YAML document whose structure changed: a value replaced, a key removed or
    added, a list entry duplicated."""
    data = yaml.safe_load(seed)
    for _ in range(draw(st.integers(1, 3))):
        where = draw(st.sampled_from(_paths(data)))
        if not where:
            continue
        parent = data
        for part in where[:-1]:
            parent = parent[part]
        kind = draw(st.sampled_from(["alike", "replace", "remove", "add", "duplicate"]))
        if kind == "alike":  # a value of the same type: mostly still valid, so it goes deeper
            parent[where[-1]] = draw(_alike(parent[where[-1]]))
        elif kind == "replace":
            parent[where[-1]] = draw(_values)
        elif kind == "remove":
            del parent[where[-1]]
        elif kind == "add" and isinstance(parent, dict):
            parent[draw(st.text(min_size=1, max_size=10))] = draw(_values)
        elif kind == "duplicate" and isinstance(parent, list):
            parent.append(parent[where[-1]])
    return yaml.safe_dump(data, allow_unicode=draw(st.booleans())).encode("utf-8")


@st.composite
def _mutated_tree(draw: st.DrawFn) -> tuple[str, bytes]:
    name = draw(st.sampled_from(FILES))
    seed = (BASE / name).read_bytes()
    if draw(st.booleans()):
        return name, draw(_byte_mutation(seed))
    return name, draw(_structure_mutation(seed))


def _assert_reported(code: int, err: str) -> None:
    assert "Traceback" not in err
    assert code in (0, 1), err
    if code == 1:
        *issues, summary = err.splitlines()
        assert SUMMARY.match(summary), err
        assert issues and all(ISSUE.match(line) for line in issues), err


@BUDGET
@given(_mutated_tree())
def test_mutated_specs_generate_or_fail_with_file_line(mutation: tuple[str, bytes]) -> None:
    name, content = mutation
    with tempfile.TemporaryDirectory() as folder:
        specs, out = Path(folder) / "specs", Path(folder) / "clients"
        shutil.copytree(BASE, specs)
        (specs / name).write_bytes(content)
        err = io.StringIO()
        with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
            code = main(["generate", "--specs", str(specs), "--out", str(out)])
        _assert_reported(code, err.getvalue())
        if code == 1:
            assert not out.exists()


@BUDGET
@given(st.sampled_from(SEEDS).flatmap(_byte_mutation))
def test_the_loader_returns_or_reports(content: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder) / "specs"
        root.mkdir()
        path = root / "Spec.yaml"
        path.write_bytes(content)
        try:
            load_spec_file(path, root)
        except SpecError as error:
            assert error.issues
            assert all(ISSUE.match(str(issue)) for issue in error.issues)
