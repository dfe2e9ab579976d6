"""The counterexamples the property-based suite (test_text_properties.py) found, minimised:
each a catalog whose texts came back changed from some output, or that ``validate`` let
through although an output could not carry it. Run through the same checks as the suite.
"""

from __future__ import annotations

import ast
import copy
from pathlib import Path
from typing import Any

import pytest

from codegen.render.views.escape import py_docstring
from codegen.render.views.markdown import PRE_WRAP
from tests.support.catalogs import mkdocs_pages
from tests.support.random_catalogs import Drawn
from tests.support.text_checks import (
    check_markdown,
    check_python,
    check_schemas,
    check_site,
    cli,
    run,
)


def one_code(
    title: str = "Title",
    message: str = "Message",
    label: str = "Label",
    header: str = "Header",
    code: int | str = 1,
    description: str = "",
) -> Drawn:
    """A catalog of one code set with one code, in ``ja``, with the texts given."""
    texts = {"ja": ""}
    code_set: dict[str, Any] = {
        "title": {"ja": title},
        "section": texts,
        "description": {"ja": description},
        "code_type": "string" if isinstance(code, str) else "integer",
        "columns": {"code": texts, "message": texts},
        "attributes": [
            {
                "key": "g_0",
                "kind": "group",
                "header": {"ja": header},
                "values": [{"label": {"ja": label}, "curated": {"name": "A"}}],
            },
            {"key": "t_0", "kind": "text", "header": texts},
            {"key": "is_ok", "kind": "flag", "header": texts},
        ],
        "curated": {"name": "Api"},
        "codes": [
            {
                "code": code,
                "g_0": label,
                "t_0": {"ja": message},
                "is_ok": False,
                "message": {"ja": message},
                "curated": {"name": "A"},
            }
        ],
    }
    data = {
        "format": 1,
        "source_language": "ja",
        "languages": ["ja"],
        "title": {"ja": title},
        "curated": {"module": "random_codes"},
        "code_sets": [code_set],
    }
    return Drawn(data, ["ja"], [code_set])


def _reads_back(drawn: Drawn, folder: Path) -> None:
    files = run(drawn, folder / "project")
    assert files is not None
    check_python(drawn, files, folder)
    check_schemas(drawn, files)
    check_markdown(drawn, files)


@pytest.mark.parametrize("title", ["Title ", " Title", ">> ", "  ", '"quoted"', "'", "ends \\"])
def test_a_code_set_title_reads_back_from_the_class_docstring(title: str, tmp_path: Path) -> None:
    """black strips a docstring's ends and pads a quote at them: the module escapes both."""
    _reads_back(one_code(title=title), tmp_path)


@pytest.mark.parametrize("text", [" lead", "trail ", '"', 'x"', "x'", "'''", "'x\"", "\"'"])
def test_messages_labels_and_headers_read_back_from_their_docstrings(
    text: str, tmp_path: Path
) -> None:
    _reads_back(one_code(message=text, label=text, header=text), tmp_path)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("a\ud800", "surrogate U+D800"),
        ("\ufdd0", "noncharacter U+FDD0"),
        ("\U0010ffff", "noncharacter U+10FFFF"),
        ("a\ufffe", "noncharacter U+FFFE"),
        ("\x85", "control character U+0085"),
    ],
)
def test_validate_refuses_what_no_output_can_carry_at_its_line(
    text: str, kind: str, tmp_path: Path
) -> None:
    assert run(one_code(message=text), tmp_path) is None  # it checks each error's location
    code, err = cli("validate", tmp_path)
    assert code == 2
    assert f"codes.yaml:46:17: the text has the {kind} at character" in err  # the text attribute
    assert f"codes.yaml:49:17: the text has the {kind} at character" in err  # the message


# Line breaks at the ends of a description, three in a row, or only one: Markdown dropped
# empty paragraphs and read a line of only <br> as raw HTML.
DESCRIPTIONS = ["\n", "\n\nX", "\nD", "a\n\n", "a\n\n\nb", "a\n\n\n\nb", "- a\n\n\n# b\n"]


@pytest.mark.parametrize("description", DESCRIPTIONS)
def test_a_description_reads_back_from_the_markdown_page(description: str, tmp_path: Path) -> None:
    _reads_back(one_code(description=description), tmp_path)


@pytest.mark.slow
def test_descriptions_read_back_from_the_built_docs_site(tmp_path: Path) -> None:
    """One site, one code set per description."""
    drawn = one_code()
    sets = []
    for index, description in enumerate(DESCRIPTIONS):
        code_set = copy.deepcopy(drawn.sets[0])
        code_set["curated"]["name"] = f"Api{index}"
        code_set["description"] = {"ja": description}
        sets.append(code_set)
    drawn.data["code_sets"] = drawn.sets = sets
    files = run(drawn, tmp_path / "project")
    assert files is not None
    check_site(drawn, mkdocs_pages(files, tmp_path))


def test_py_docstring_escapes_only_the_ends() -> None:
    assert py_docstring(" a b ") == '"\\x20a b\\x20"'
    assert py_docstring('"x" y "z"') == '\'"x" y "z"\''
    assert py_docstring('x"') == "'x\"'"
    assert py_docstring('a"b"c"d') == '\'a"b"c"d\''
    assert py_docstring("a'b") == '"a\'b"'
    assert py_docstring("a'") == '"a\'"'
    assert py_docstring("'x\"") == '"\'x\\x22"'  # black would pad a closing quote
    assert ast.literal_eval(py_docstring("'a'\"")) == "'a'\""  # a literal we made


@pytest.mark.slow
def test_spaces_a_browser_would_collapse_are_shown_as_written_on_the_built_site(
    tmp_path: Path,
) -> None:
    """Runs of spaces, spaces at a line's ends and tabs are inside a pre-wrap span on the
    page mkdocs builds, so the browser shows them; other texts have no span."""
    drawn = one_code(title=" Title", message="a  b", label="tab\there", description="x\n y")
    files = run(drawn, tmp_path / "project")
    assert files is not None
    page = mkdocs_pages(files, tmp_path)["ja"]
    check_site(drawn, {"ja": page})
    content = page[page.index("<h1") : page.index("</table>")]
    assert f"{PRE_WRAP}a  b</span></td>" in content
    assert f"{PRE_WRAP}tab&#9;here</span></td>" in content
    assert f"{PRE_WRAP}&#32;Title</span></h3>" in content
    assert f"<p>x<br>\n{PRE_WRAP}&#32;y</span></p>" in content
    assert content.count(PRE_WRAP) == 6  # the catalog title, and a&#32;&#32;b twice


# Inline markup (docs/catalog-format.md, "Inline markup"): code outputs keep each text
# verbatim, the docs pages show its code spans, emphasis and safe links as markup. A string
# code is not prose: its * and _ are characters.
MARKED = [
    "**Note** *a* _b_",
    "see [retry rules](/docs/retries)",
    "[x](javascript:alert(1)) [y](<JaVa\tscript:x>)",
    '[*a* `b`](<c d> "t") [e](/f?g=1&amp;h=|)',
    "`**x**` \\*y\\* snake_case_",
    "&amp; <b> ![i](s) [r][x] ~~s~~",
    "**a\nb** [c\nd](e)",
]


@pytest.mark.parametrize("text", MARKED)
def test_inline_markup_reads_back_from_every_output(text: str, tmp_path: Path) -> None:
    drawn = one_code(title=text, message=text, label=text, header=text, description=text)
    _reads_back(drawn, tmp_path)


def test_a_string_code_shows_its_markup_characters_as_written(tmp_path: Path) -> None:
    _reads_back(one_code(code="_E1_ **x** [y](z)"), tmp_path)


@pytest.mark.slow
def test_inline_markup_reads_back_from_the_built_docs_site(tmp_path: Path) -> None:
    """One site, one code set per text; mkdocs builds it strictly."""
    drawn = one_code()
    sets = []
    for index, text in enumerate(MARKED):
        code_set = copy.deepcopy(drawn.sets[0])
        code_set["curated"]["name"] = f"Api{index}"
        code_set["title"] = code_set["description"] = {"ja": text}
        code_set["codes"][0]["message"] = {"ja": text}
        sets.append(code_set)
    drawn.data["code_sets"] = drawn.sets = sets
    files = run(drawn, tmp_path / "project")
    assert files is not None
    check_site(drawn, mkdocs_pages(files, tmp_path))
