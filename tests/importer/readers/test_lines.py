"""Codes listed one per line (``CODE: message``), read as a table only where they can hardly
be prose (:mod:`codegen.importer.readers.lines`)."""

from __future__ import annotations

import pytest

from codegen.errors import InputError
from codegen.importer.readers.blocks import Block, Note
from codegen.importer.readers.html import read_html
from codegen.importer.readers.markdown import read_markdown


def _tables(blocks: list[Block]) -> list[list[tuple[str, ...]]]:
    return [[row.cells for row in b.table.rows] for b in blocks if b.table is not None]


def _markdown(page: str) -> tuple[list[Block], list[InputError]]:
    warnings: list[InputError] = []
    return read_markdown(page, "p.md", warnings), warnings


@pytest.mark.parametrize(
    "line",
    [
        "E_TOKEN_MISSING: no token",
        "- E_TOKEN_MISSING: no token",
        "* `E_TOKEN_MISSING`: no token",
        "1. **E_TOKEN_MISSING**: no token",
        "- **E_TOKEN_MISSING:** no token",
        "- E_TOKEN_MISSING - no token",
        "- E_TOKEN_MISSING — no token",
        "E_TOKEN_MISSING：no token",
    ],
)
def test_each_way_of_writing_a_code_line_reads_as_code_and_message(line: str) -> None:
    second = line.replace("E_TOKEN_MISSING", "E_SCOPE_DENIED").replace("no token", "denied")
    blocks, warnings = _markdown(f"# Errors\n\n{line}\n{second}\n")
    assert _tables(blocks) == [[("E_TOKEN_MISSING", "no token"), ("E_SCOPE_DENIED", "denied")]]
    assert [w.message for w in warnings] == [
        "note: lines 3-4 are read as a list of codes, one `CODE: message` per line"
    ]


def test_the_notes_around_a_list_stay_notes_and_a_heading_above_titles_it() -> None:
    page = "# Errors\n\n## Auth\n\nThe API answers so:\n\n- 401: no token\n- 403: denied\n\nThat is all.\n"
    blocks, _ = _markdown(page)
    assert [(b.kind, b.text) for b in blocks if b.kind != "table"] == [
        ("title", "Errors"),
        ("heading", "Auth"),
        ("paragraph", "The API answers so:"),
        ("paragraph", "That is all."),
    ]
    assert _tables(blocks) == [[("401", "no token"), ("403", "denied")]]


def test_an_indented_line_continues_the_message_as_the_page_shows_it() -> None:
    blocks, _ = _markdown("- E1: the token\n  has expired\n- E2: denied\n")
    assert _tables(blocks) == [[("E1", "the token has expired"), ("E2", "denied")]]


def test_a_message_keeps_its_markup_as_a_table_cell_does() -> None:
    blocks, _ = _markdown("- E1: see [limits](/limits) and `retry_after`\n- E2: *denied*\n")
    assert _tables(blocks) == [
        [("E1", "see [limits](/limits) and `retry_after`"), ("E2", "*denied*")]
    ]


@pytest.mark.parametrize(
    "page",
    [
        "Note: this is prose\nExample: so is this\n",  # words are not codes
        "NOTE: read this\nWARNING: and this\n",  # upper-case words alone are not a list
        "- `intro.md`: the introduction\n- `setup-guide.md`: how to set up\n",  # file names
        "E1: only one line\n",  # a list has two lines at least
        "E1: first\nE1: again\n",  # no code twice
        "| Code | Message |\n|---|---|\n| E9 | table |\n\nE1: a\nE2: b\n",  # a page with a table
    ],
)
def test_lines_that_may_be_prose_are_not_a_list(page: str) -> None:
    blocks, warnings = _markdown(page)
    assert all(b.table is None or b.table.headers == ("Code", "Message") for b in blocks)
    assert not [w for w in warnings if isinstance(w, Note)]


def test_html_list_items_and_broken_lines_are_lists_too() -> None:
    page = (
        "<h1>Errors</h1><ul><li><code>E_ONE</code>: first</li><li><code>E_TWO</code>: second"
        "</li></ul><h2>More</h2><p>E3: third<br>E4: fourth</p>"
    )
    blocks = read_html(page, "p.html", [])
    assert _tables(blocks) == [
        [("E_ONE", "first"), ("E_TWO", "second")],
        [("E3", "third"), ("E4", "fourth")],
    ]


def test_a_plain_text_page_lists_codes_under_its_heading_lines() -> None:
    from codegen.importer.columns.headers import HeaderDictionary
    from codegen.importer.readers.text import read_text

    page = "Hata kodları\n\nKimlik doğrulama\n\nE_TOKEN_MISSING: belirteç yok\nE_SCOPE_DENIED: yetkisiz\n"
    blocks = read_text(page, "p.txt", HeaderDictionary({}), [])
    assert [(b.kind, b.text) for b in blocks if b.table is None] == [
        ("title", "Hata kodları"),
        ("heading", "Kimlik doğrulama"),
    ]
    assert _tables(blocks) == [
        [("E_TOKEN_MISSING", "belirteç yok"), ("E_SCOPE_DENIED", "yetkisiz")]
    ]


def test_separators_may_change_within_a_list_and_a_lone_code_line_is_reported() -> None:
    page = "# Codes\n\n- IMP_001: one\n- IMP_002: two\n- IMP_003 — three\n- IMP_004: four\n\nSee also.\n\nIMP_009: alone\n"
    blocks, warnings = _markdown(page)
    assert _tables(blocks) == [
        [("IMP_001", "one"), ("IMP_002", "two"), ("IMP_003", "three"), ("IMP_004", "four")]
    ]
    assert [w.message for w in warnings][-1] == (
        "warning: line 10 is a `CODE: message` line (IMP_009) outside a list; skipped. Write "
        "it beside the other codes of its list, one per line"
    )
