"""generator.layout lays rendered Python out as black writes it, so black needs one pass."""

from __future__ import annotations

import textwrap
from pathlib import Path

import black
import pytest

import generator.pipeline
import generator.render
from generator.cli import main
from generator.layout import black_layout
from generator.render import black_mode

PROJECT = Path(__file__).resolve().parents[2]


def black_of(source: str) -> str:
    return black.format_str(source, mode=black_mode())


def test_every_rendered_file_of_the_seed_specs_is_already_black(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each file the pipeline formats (clients, errors, packages, models) is laid out exactly
    as black writes it: black's first pass changes nothing, so it makes no second pass."""
    formatted: list[int] = []

    def checked(source: str) -> str:
        laid_out = black_layout(source)
        assert black_of(laid_out) == laid_out, f"black changes:\n{laid_out}"
        formatted.append(1)
        return laid_out

    monkeypatch.setattr(generator.render, "format_python", checked)
    monkeypatch.setattr(generator.pipeline, "format_python", checked)
    monkeypatch.setattr(generator.pipeline, "_cpus", lambda: 1)  # checks run here
    assert main(["generate", "--out", str(tmp_path / "generated")]) == 0
    assert len(formatted) >= 4 * 4  # client, errors, __init__ and models of each service


def test_a_long_call_is_exploded_one_item_per_line() -> None:
    line = (
        "        return self._call(LIST_SOMETHING_QUITE_LONG, "
        + "{"
        + ", ".join(f'"Parameter{i}": parameter_{i}' for i in range(5))
        + "})"
    )
    laid_out = black_layout(line)
    assert laid_out.splitlines() == [
        "        return self._call(",
        "            LIST_SOMETHING_QUITE_LONG,",
        "            {",
        *[f'                "Parameter{i}": parameter_{i},' for i in range(5)],
        "            },",
        "        )",
    ]
    as_method = "class A:\n    def f(self) -> None:\n" + laid_out
    assert black_of(as_method) == as_method


def test_a_long_import_gets_parentheses() -> None:
    names = ", ".join(f"Model{i:02d}" for i in range(12))
    laid_out = black_layout(f"from generated.alibabacloud.demo.models import {names}\n")
    assert laid_out.startswith("from generated.alibabacloud.demo.models import (\n    Model00,\n")
    assert laid_out.endswith("    Model11,\n)\n")
    assert black_of(laid_out) == laid_out


def test_brackets_and_commas_inside_strings_are_not_split() -> None:
    line = 'X = {"a, (b": "c], {d", "e": "' + "f" * 60 + '", "g), h": "i"}\n'
    laid_out = black_layout(line)
    assert laid_out.splitlines()[1:4] == [
        '    "a, (b": "c], {d",',
        '    "e": "' + "f" * 60 + '",',
        '    "g), h": "i",',
    ]
    assert black_of(laid_out) == laid_out


def test_simple_single_quoted_strings_become_double_quoted() -> None:
    source = "x = Field(None, alias='Name', examples=['it\\'s', '\"q\"', b'raw', 'ok'])  # 'c'\n"
    assert black_layout(source) == (
        "x = Field(None, alias=\"Name\", examples=['it\\'s', '\"q\"', b'raw', \"ok\"])  # 'c'\n"
    )


def test_docstrings_are_left_alone_and_a_class_docstring_gets_an_empty_line_after() -> None:
    long_text = "word " * 30
    source = textwrap.dedent(
        f'''\
        class A(BaseModel):
            """
            {long_text}'quoted'
            """
            x: int = Field(0, alias='X')


        def f() -> None:
            """Doc."""
            return None
        '''
    )
    laid_out = black_layout(source)
    assert f"    {long_text}'quoted'" in laid_out  # untouched inside the docstring
    assert '    """\n\n    x: int = Field(0, alias="X")' in laid_out
    assert '"""Doc."""\n    return None' in laid_out  # only class docstrings get one
    assert black_of(laid_out) == laid_out


def test_text_ends_with_exactly_one_newline() -> None:
    assert black_layout("x = 1") == "x = 1\n"
    assert black_layout("x = 1\n\n\n") == "x = 1\n"
