"""How tables are read from each form: merged cells, headings, notes, odd markup."""

from __future__ import annotations

from codegen.importer.codetable import CodeTable
from codegen.importer.columns.headers import header_dictionary
from codegen.importer.document import Document, Form, detect_form, parse_document
from tests.support.paths import TESTS

CASES = TESTS / "import_cases"


def _parse(text: str, form: Form, *columns: str) -> Document:
    return parse_document(text, "doc", form, header_dictionary(list(columns)))


def _case(name: str) -> Document:
    path = CASES / name
    text = path.read_text(encoding="utf-8")
    return parse_document(text, str(path), detect_form(str(path), text), header_dictionary([]))


def _rows(table: CodeTable, *keys: str) -> list[tuple[object, ...]]:
    return [(c.code, *(c.attrs[k] for k in keys), c.message) for c in table.codes]


def test_html_colspan_and_rowspan_together_fill_every_covered_slot() -> None:
    (table,) = _case("spans.html").tables
    assert _rows(table, "category", "classification") == [
        (1, "Network", "Network", "Line busy"),
        (2, "Network", "Network", "No answer"),
        (3, "Device", "Invalid", "Power off"),
        (4, "Carrier", "Invalid", "Tom &amp; Jerry <b>"),  # entities decoded exactly once
    ]


def test_html_page_title_headings_and_notes() -> None:
    document = _case("spans.html")
    assert document.title == "Gateway & Carrier Codes"
    (table,) = document.tables
    assert (table.title, table.section) == ("Delivery Result Codes", "Delivery")
    assert table.description == "Cells may span rows and columns."
    assert [c.line for c in table.codes] == [14, 15, 16, 17]


def test_html_table_embedded_in_markdown_even_across_a_blank_line() -> None:
    document = _case("embedded.md")
    assert document.title == "Embedded Codes"
    results, _ = document.tables
    assert (results.title, results.description) == ("Results", "Notes above the table.")
    assert (results.code_header, results.message_header) == ("Code Value", "Meaning")
    assert _rows(results) == [("R1", "Done"), ("R2", "Failed\nsee logs")]
    assert results.code_type == "string"
    assert [c.line for c in results.codes] == [13, 18]


def test_markdown_row_without_its_closing_pipe_and_an_escaped_pipe() -> None:
    _, flags = _case("embedded.md").tables
    assert _rows(flags, "is_success") == [(10, True, "Fine | good"), (11, False, "Broken")]
    assert flags.code_type == "integer"


def test_markdown_heading_levels_give_title_and_section() -> None:
    text = (
        "# Page\n\n## Delivery\n\nIntro.\n\n### Results\n\n1) first note\n\n2) second note\n\n"
        "| Code | Message |\n|---|---|\n| A1 | ok |\n\n### More Results\n\n"
        "| Code | Message |\n|---|---|\n| B1 | ok |\n"
    )
    first, second = _parse(text, "markdown").tables
    assert (first.title, first.section) == ("Results", "Delivery")
    assert first.description == "1) first note\n\n2) second note"
    # the ## above both ### tables is the second's section too
    assert (second.title, second.section, second.description) == (
        "More Results",
        "Delivery",
        None,
    )


def test_plain_text_spans_are_restored_from_the_rows_themselves() -> None:
    """A made-up table: per-row, empty spanning and value-spanning middle cells."""
    text = (
        "Codes\n\nDelivery\n\nCategory Code Classification Description\n"
        "Alpha One 10 ok Fine\n11 bad Broken thing\n12 bad Other broken\n13 bad More\n14 ok Good\n"
        "Beta 20 Totally unrelated words here\n21 More words\n"
        "Gamma 30 bad-x first message\n31 second message\nTOP\n"
    )
    (table,) = _parse(text, "text").tables
    assert _rows(table, "category", "classification") == [
        (10, "Alpha One", "ok", "Fine"),
        (11, "Alpha One", "bad", "Broken thing"),
        (12, "Alpha One", "bad", "Other broken"),
        (13, "Alpha One", "bad", "More"),
        (14, "Alpha One", "ok", "Good"),
        (20, "Beta", None, "Totally unrelated words here"),
        (21, "Beta", None, "More words"),
        (30, "Gamma", "bad-x", "first message"),
        (31, "Gamma", "bad-x", "second message"),
    ]


def test_plain_text_leading_cells_a_flag_per_row_and_inherited_group() -> None:
    text = "Codes\n\nT\n\nservice isSuccess code message\nCommon true 0 OK\nfalse 1 Bad\nSend Query false 2 No\n"
    (table,) = _parse(text, "text").tables
    assert _rows(table, "service", "is_success") == [
        (0, "Common", True, "OK"),
        (1, "Common", False, "Bad"),
        (2, "Send Query", False, "No"),
    ]


def test_plain_text_flag_after_the_code_is_read_on_every_row() -> None:
    text = "Codes\n\nT\n\ncode isSuccess message\n0 true Fine\n-1 false Bad key\n-2 false No\n"
    (table,) = _parse(text, "text").tables
    assert _rows(table, "is_success") == [
        (0, True, "Fine"),
        (-1, False, "Bad key"),
        (-2, False, "No"),
    ]


def test_plain_text_headings_notes_and_page_title() -> None:
    text = (
        "Product > Errors\n\nSection Name\n\nTable Name\n\nVersion: 2 or later\n\n"
        "1) a note.\n\n코드 설명\nA1 first\nA2 second\n\nTOP\n"
    )
    document = _parse(text, "text")
    assert document.title == "Product > Errors"
    (table,) = document.tables
    assert (table.title, table.section) == ("Table Name", "Section Name")
    assert table.description == "Version: 2 or later\n\n1) a note."
    assert (table.code_header, table.message_header) == ("코드", "설명")


def test_multi_word_headers_match_in_plain_text() -> None:
    (table,) = _parse("P\n\nT\n\nCode Value Description\nX1 Some thing\n", "text").tables
    assert (table.code_header, table.message_header) == ("Code Value", "Description")
    assert _rows(table) == [("X1", "Some thing")]


def test_column_option_maps_an_unknown_multi_word_header() -> None:
    text = "P\n\nT\n\nError Number Owner Team Explanation\n7 core Broken\n"
    (table,) = _parse(
        text, "text", "Error Number=code", "Owner Team=owner:group", "Explanation=message"
    ).tables
    assert _rows(table, "owner") == [(7, "core", "Broken")]
    assert table.attributes[0].header == "Owner Team"


def test_a_plain_text_row_without_a_code_is_skipped_with_a_warning() -> None:
    document = _parse("P\n\nT\n\ncode message\n1 one\nnothing here\n2 two\n", "text")
    assert [c.code for c in document.tables[0].codes] == [1, 2]
    (warning,) = document.warnings
    assert str(warning).startswith("doc:7:1: warning: row has no code; skipped.")


def test_code_type_is_string_when_any_code_is_not_a_plain_integer() -> None:
    (table,) = _parse("P\n\nT\n\ncode message\n1000 a\nE1 b\n", "text").tables
    assert table.code_type == "string" and [c.code for c in table.codes] == ["1000", "E1"]


def test_the_form_is_detected_from_the_name_then_the_content() -> None:
    assert detect_form("a.md", "") == "markdown"
    assert detect_form("a.HTML", "") == "html"
    assert detect_form("a.txt", "| a | b |\n|---|---|\n") == "text"
    assert detect_form("page", "<!DOCTYPE html><html>") == "html"
    assert detect_form("page", "# Title\n") == "markdown"
    assert detect_form("page", "x\n<table>\n") == "markdown"
    assert detect_form("page", "Title\n\ncode message\n1 a\n") == "text"


def test_an_html_page_without_title_element_takes_its_first_heading() -> None:
    html = (
        "<h1>Codes &amp; more</h1><h2>Results</h2>"
        "<table><tr><th>Code</th><th>Message</th></tr><tr><td>1</td><td>a</td></tr></table>"
    )
    document = _parse(html, "html")
    assert document.title == "Codes & more"
    assert (document.tables[0].title, document.tables[0].section) == ("Results", None)


def test_an_html_page_title_repeated_as_first_heading_is_not_a_section() -> None:
    html = (
        "<title>Codes</title><h1>Codes</h1><h3>Results</h3>"
        "<table><tr><th>Code</th><th>Message</th></tr><tr><td>1</td><td>a</td></tr></table>"
    )
    document = _parse(html, "html")
    assert document.title == "Codes"
    assert (document.tables[0].title, document.tables[0].section) == ("Results", None)


def test_markdown_entities_are_decoded_exactly_once() -> None:
    text = "# P\n\n## T\n\n| code | message |\n|---|---|\n| 1 | a &amp;lt; b &lt;br&gt; |\n"
    (table,) = _parse(text, "markdown").tables
    assert _rows(table) == [(1, "a &lt; b <br>")]
