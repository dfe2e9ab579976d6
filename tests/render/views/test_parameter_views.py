"""The views of a message's parameters (:mod:`codegen.render.views.parameter_views`): each
parameter with its placeholder as the text in a language writes it, example values of its
type, and a docs cell whose code spans read back as the names and placeholders."""

from __future__ import annotations

from codegen.catalog.model import Catalog, Code, CodeSet, Parameter
from codegen.render.views.parameter_views import (
    code_params,
    codes_without_params,
    md_params,
    set_has_params,
)
from tests.support.text_readers import CODE, PLAIN, cell_segments

RATE = Code(
    value="E_RATE",
    name="RATE_EXCEEDED",
    message={"en": "Rate %(rate).2f exceeded; retry in {} s", "ja": "{}秒後に再試行"},
    parameters=(
        Parameter("rate", "number", "rate"),
        Parameter("retry_after", "integer", 0),
        Parameter("who", "string", "who"),
    ),
)
PLAIN_CODE = Code(value="E_PLAIN", name="TRY_LATER", message={"en": "Try again later"})
SET = CodeSet("LimitError", {"en": "Limits"}, "string", (), (RATE, PLAIN_CODE))
CATALOG = Catalog("limits", "en", ("en", "ja", "de"), (SET,))


def test_each_parameter_has_its_placeholder_as_the_language_writes_it() -> None:
    en = code_params(RATE, CATALOG)
    assert [(p.name, p.type, p.written) for p in en] == [
        ("rate", "number", "%(rate).2f"),
        ("retry_after", "integer", "{}"),
        ("who", "string", ""),
    ]
    assert [p.written for p in code_params(RATE, CATALOG, "ja")] == ["", "{}", ""]
    assert [p.written for p in code_params(RATE, CATALOG, "de")] == [p.written for p in en]
    assert [(p.json_example, p.yaml_example) for p in en] == [
        ("0.5", "0.5"),
        ("1", "1"),
        ('"who"', '"who"'),
    ]
    assert code_params(PLAIN_CODE, CATALOG) == ()


def test_the_docs_cell_reads_back_as_names_types_and_placeholders() -> None:
    assert cell_segments(md_params(RATE, CATALOG, "en")) == (
        ("rate", CODE),
        (" (number): ", PLAIN),
        ("%(rate).2f", CODE),
        ("\n", PLAIN),
        ("retry_after", CODE),
        (" (integer): ", PLAIN),
        ("{}", CODE),
        ("\n", PLAIN),
        ("who", CODE),
        (" (string)", PLAIN),
    )
    assert md_params(PLAIN_CODE, CATALOG, "en") == ""


def test_which_codes_take_parameters() -> None:
    assert codes_without_params(SET) == (PLAIN_CODE,)
    assert set_has_params(SET)
    assert not set_has_params(CodeSet("Plain", {}, "string", (), (PLAIN_CODE,)))


def test_a_placeholder_with_a_backtick_is_shown_as_written() -> None:
    code = Code(0, "PADDED", {"en": "x {0:`<5} y"}, parameters=(Parameter("n", "string", 0),))
    assert cell_segments(md_params(code, CATALOG, "en")) == (
        ("n", CODE),
        (" (string): {0:`<5}", PLAIN),
    )
