"""The built-in Python template writes the style of black and ruff's formatter itself, so
no formatter runs on it (codegen.render.targets.runs_black): black, at the version the
tests pin, and ``ruff format`` leave its output unchanged for the real catalog, the example
project, synthetic catalogs of 400 and 1,000 codes and hostile texts (the property suite,
tests/system/test_text_properties.py, for random catalogs). Its widths are black's, from
codegen's own copy of black's table, whichever black is installed.
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
from codegen.render.targets import Target
from codegen.render.views import python_layout, widths
from codegen.render.views.escape import py_str
from tests.render.views.test_escape import NASTY
from tests.support import catalogs as c
from tests.support.paths import REPO
from tests.support.python_style import MODE, assert_formatters_keep

RAW = Target("python_module.py.j2", "module.py", "none")


def unformatted(catalog: Catalog) -> str:
    return render_all(catalog, [RAW])["module.py"]


def test_the_sms_module_is_already_formatted() -> None:
    assert_formatters_keep(unformatted(load_catalog(REPO / "spec" / "codes.yaml")))


def test_the_example_module_is_already_formatted() -> None:
    catalog = load_catalog(REPO / "examples" / "payments" / "spec" / "codes.yaml")
    assert_formatters_keep(unformatted(catalog))


def test_the_parameters_module_is_already_formatted() -> None:
    catalog = load_catalog(REPO / "tests" / "fixtures" / "catalogs" / "parameters.yaml")
    assert_formatters_keep(unformatted(catalog))


def _parameterised(index: int, name: str, text: str, names: list[str]) -> dict[str, object]:
    """A code whose en message is ``text`` with a placeholder per name appended; its ja
    message, ``text`` reversed and long, lacks them."""
    placeholders = " ".join(f"{{{n}}}" for n in names)
    parameters = [
        {"name": n, "type": ("string", "integer", "number")[i % 3], "placeholder": n}
        for i, n in enumerate(names)
    ]
    return {
        "code": index,
        "message": {"en": f"{text} {placeholders}", "ja": text[::-1] * 3},
        "curated": {"name": name, "parameters": parameters},
    }


def test_long_names_and_texts_with_parameters_are_laid_out_as_black_would() -> None:
    """Overloads, the Literal alias of members without parameters and the pieces tables,
    each on one line, split once, and one item per line (also a one-element tuple)."""
    long_name = "VERY_LONG_MEMBER_NAME_THAT_PUSHES_THE_OVERLOAD_PAST_THE_LINE_LENGTH"
    names = [f"argument_number_{i}" for i in range(6)]
    codes = [
        _parameterised(1, "SHORT", "x", ["n"]),
        _parameterised(2, "MIDDLE", "全角" * 10, names[:3]),
        _parameterised(3, long_name, "say \"hi\" and 'bye' %% {{}}", names),
        _parameterised(4, "HOSTILE", NASTY[0] if "\r" not in NASTY[0] else "x", ["a"]),
        *(
            {"code": 10 + i, "message": {"en": "plain"}, "curated": {"name": f"{long_name}_{i}"}}
            for i in range(4)
        ),
    ]
    data = {
        "format": 1,
        "source_language": "en",
        "languages": ["en", "ja"],
        "curated": {"module": "long"},
        "code_sets": [
            {
                "title": {"en": "Long"},
                "code_type": "integer",
                "columns": {"code": {"en": "code"}, "message": {"en": "message"}},
                "curated": {"name": "LongNamedCodeSet"},
                "codes": codes,
            },
        ],
    }
    assert_formatters_keep(unformatted(build_catalog(data, "long.yaml")))


@pytest.mark.parametrize(("size", "seed"), [(400, 1), (400, 2), (1000, synth.SEED)])
def test_a_synthetic_catalog_module_is_already_formatted(size: int, seed: int) -> None:
    data = synth.build_catalog(size, seed=seed)
    assert_formatters_keep(unformatted(build_catalog(data, "synthetic.yaml")))


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
    assert_formatters_keep(unformatted(c.catalog(code_set)))


@pytest.mark.parametrize("text", [*NASTY, '"', "'\"'", '""\'', 'a\\\'b"c"', '\\"'])
def test_py_str_quotes_as_black_does(text: str) -> None:
    literal = py_str(text)
    assert ast.literal_eval(literal) == text
    assert black.format_str(f"x = {literal}\n", mode=MODE) == f"x = {literal}\n"


def test_widths_are_black_widths_for_every_code_point() -> None:
    """codegen's table (codegen.render.views.widths) and the pinned black's agree on every
    character: ASCII, kana, CJK, Hangul, fullwidth forms, emoji, combining marks, the
    unassigned points of the ideographic planes."""
    differ = [
        hex(point)
        for point in range(0x110000)
        if widths.char_width(chr(point)) != black_width(chr(point))
    ]
    assert not differ, differ[:20]


@pytest.mark.parametrize(
    "text",
    [
        "全角の文字と half-width ｶﾀｶﾅ",
        "絵文字 \U0001f600\U0001f44d\U0001f3fd と 👨\u200d👩\u200d👧 家族",
        "한국어 텍스트, 中文（简体）, ㈱ and ⌚⏰",
        "e\u0301 combining, \u200b zero width, \U00020000 \U0003fffd",
        "\u3000 ideographic space and ｡ halfwidth stop",
    ],
)
def test_cjk_and_emoji_texts_are_as_wide_as_black_says(text: str) -> None:
    assert python_layout.str_width(text) == black_width(text)
    assert python_layout.fits(text * 3) == (black_width(text * 3) <= 100)


def test_the_layout_imports_no_black() -> None:
    """The widths are codegen's own: the module's bytes do not depend on the installed black."""
    import subprocess
    import sys

    code = (
        "import sys; from codegen.render.views import python_layout as p; "
        "p.str_width('全角 😀'); sys.exit('black' in sys.modules)"
    )
    assert subprocess.run([sys.executable, "-c", code], cwd=REPO, check=False).returncode == 0


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
    assert_formatters_keep(text)


@pytest.mark.parametrize("count", [1, 3, 12])
def test_the_module_lookup_over_many_code_sets_is_laid_out_as_black_would(count: int) -> None:
    sets = [
        c.code_set(f"DeclineCodesOfGateway{i:03d}", [c.code(i, "OK", "x")]) for i in range(count)
    ]
    module = unformatted(c.catalog(*sets))
    assert "\nAnyCode = Union[" in module and "\n_by_value = _index(" in module
    assert_formatters_keep(module)
