"""The built-in Python template emits black's layout, so black formats it in one pass.

Not needed for correctness (black formats every module anyway), but it is what halves the
formatting time: these tests fail when a template or filter change brings the second pass
back.
"""

from __future__ import annotations

import ast

import black
import pytest
from black.strings import str_width as black_width

from bench import synth
from codegen.catalog.load import build_catalog, load_catalog
from codegen.catalog.model import Catalog
from codegen.render.engine import render_all
from codegen.render.formatters import PYTHON_LINE_LENGTH, PYTHON_TARGET_VERSION
from codegen.render.targets import Target
from codegen.render.views import python_layout
from codegen.render.views.escape import py_str
from tests.render.views.test_escape import NASTY
from tests.support import catalogs as c
from tests.support.paths import REPO

RAW = Target("python_module.py.j2", "module.py", "none")
MODE = black.Mode(
    target_versions={black.TargetVersion[f"PY{PYTHON_TARGET_VERSION.replace('.', '')}"]},
    line_length=PYTHON_LINE_LENGTH,
)


def unformatted(catalog: Catalog) -> str:
    return render_all(catalog, [RAW])["module.py"]


def assert_black_keeps(text: str) -> None:
    formatted = black.format_str(text, mode=MODE)
    if formatted != text:  # show the first difference, not two whole modules
        lines = zip(text.splitlines(), formatted.splitlines(), strict=False)
        number, (ours, blacks) = next((n, p) for n, p in enumerate(lines, 1) if p[0] != p[1])
        pytest.fail(f"black changes line {number}:\n  ours:  {ours!r}\n  black: {blacks!r}")


def test_the_sms_module_is_already_black_formatted() -> None:
    assert_black_keeps(unformatted(load_catalog(REPO / "spec" / "codes.yaml")))


def test_the_example_module_is_already_black_formatted() -> None:
    catalog = load_catalog(REPO / "examples" / "payments" / "spec" / "codes.yaml")
    assert_black_keeps(unformatted(catalog))


@pytest.mark.parametrize("seed", [1, 2])
def test_a_synthetic_catalog_module_is_already_black_formatted(seed: int) -> None:
    data = synth.build_catalog(400, seed=seed)
    assert_black_keeps(unformatted(build_catalog(data, "synthetic.yaml")))


def test_long_names_and_hostile_texts_are_laid_out_as_black_would() -> None:
    long_name = "VERY_LONG_MEMBER_NAME_THAT_PUSHES_THE_ENTRY_PAST_THE_LINE_LENGTH_OF_ONE_HUNDRED"
    texts = [*NASTY, "全角" * 30, "x" * 95, "ｱ" * 40, 'say "hi" and "bye"', "it's \"mixed\" '"]
    codes = [
        c.code(i, f"{long_name}_{i}" if i % 2 else f"CODE_{i}", {"ja": t, "en": t[::-1]})
        for i, t in enumerate(t for t in texts if "\r" not in t)
    ]
    group = c.group("provider_class", {"A": "甲" * 45})
    codes = [
        c.code(
            code.value,
            code.name,
            dict(code.message),
            provider_class="A",
        )
        for code in codes
    ]
    code_set = c.code_set("LongNamedCodeSet", codes, (group,))
    assert_black_keeps(unformatted(c.catalog(code_set)))


@pytest.mark.parametrize("text", [*NASTY, '"', "'\"'", '""\'', 'a\\\'b"c"', '\\"'])
def test_py_str_quotes_as_black_does(text: str) -> None:
    literal = py_str(text)
    assert ast.literal_eval(literal) == text
    assert black.format_str(f"x = {literal}\n", mode=MODE) == f"x = {literal}\n"


@pytest.mark.parametrize(
    "block", [(0x20, 0x7F), (0x3040, 0x3100), (0x4E00, 0x4F00), (0xAC00, 0xAD00), (0xFF00, 0xFFF0)]
)
def test_widths_are_black_widths(block: tuple[int, int]) -> None:
    """ASCII, kana, CJK ideographs, Hangul and the half- and fullwidth forms."""
    for point in range(*block):
        assert python_layout.str_width(chr(point)) == black_width(chr(point)), hex(point)


def test_fits_counts_columns_not_characters() -> None:
    assert python_layout.fits("x" * 100)
    assert not python_layout.fits("x" * 101)
    assert python_layout.fits("全" * 50)
    assert not python_layout.fits("全" * 50 + "x")


@pytest.mark.parametrize("count", [1, 3, 4, 9])
@pytest.mark.parametrize("head", ["AnyCode = Union[", "_by_value = _index("])
def test_bracketed_lays_out_a_statement_as_black_would(count: int, head: str) -> None:
    """On one line, the items on a line of their own, or one item per line."""
    items = [f"CodeSetNameNumber{i:05d}" for i in range(count)]
    text = python_layout.bracketed(head, items, "]" if head.endswith("[") else ")") + "\n"
    assert_black_keeps(text)


@pytest.mark.parametrize("count", [1, 3, 12])
def test_the_module_lookup_over_many_code_sets_is_laid_out_as_black_would(count: int) -> None:
    sets = [
        c.code_set(f"DeclineCodesOfGateway{i:03d}", [c.code(i, "OK", "x")]) for i in range(count)
    ]
    module = unformatted(c.catalog(*sets))
    assert "\nAnyCode = Union[" in module and "\n_by_value = _index(" in module
    assert_black_keeps(module)
