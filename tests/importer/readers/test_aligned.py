"""Plain-text tables aligned with spaces or drawn with ``|`` and rules
(:mod:`codegen.importer.readers.aligned`), and the headings of a plain-text page."""

from __future__ import annotations

import pytest

from codegen.errors import InputError
from codegen.importer.columns.headers import HeaderDictionary
from codegen.importer.readers.aligned import width
from codegen.importer.readers.blocks import Block
from codegen.importer.readers.text import read_text


def _read(page: str) -> list[Block]:
    return read_text(page, "p.txt", HeaderDictionary({}), [])


def _table(blocks: list[Block]) -> tuple[tuple[str, ...], list[tuple[str, ...]]]:
    (table,) = [b.table for b in blocks if b.table is not None]
    return table.headers, [row.cells for row in table.rows]


def test_a_table_aligned_with_spaces_reads_its_columns_from_the_whole_table() -> None:
    page = (
        "Payment errors\n"
        "==============\n"
        "\n"
        "■ Card errors\n"
        "\n"
        "Code   Status   Message\n"
        "----   ------   ----------------------\n"
        "1001   failed   The token has expired\n"
        " 401   denied   The scope is not granted\n"
        "                for this operation\n"
        "  42   ok       Fine  (really)\n"
    )
    blocks = _read(page)
    assert [(b.kind, b.text) for b in blocks if b.table is None] == [
        ("title", "Payment errors"),
        ("heading", "Card errors"),
    ]
    assert _table(blocks) == (
        ("Code", "Status", "Message"),
        [
            ("1001", "failed", "The token has expired"),
            ("401", "denied", "The scope is not granted for this operation"),
            ("42", "ok", "Fine  (really)"),
        ],
    )


def test_a_right_aligned_code_under_a_left_aligned_header_is_its_columns() -> None:
    page = "Errors\n\nCode  Message\n 401  Unauthorized\n4001  Token  expired\n"
    assert _table(_read(page))[1] == [("401", "Unauthorized"), ("4001", "Token  expired")]


@pytest.mark.parametrize("space", ["  ", "\u3000"])
def test_east_asian_wide_characters_take_two_columns(space: str) -> None:
    pad = "\u3000" if space == "\u3000" else " " * 2
    page = (
        "エラーコード一覧\n\n"
        f"コード{space}メッセージ{pad * 4}原因\n"
        f"1001{' ' * 4 if space == '  ' else pad * 2}トークンの期限切れ{space}期限\n"
        f"1002{' ' * 4 if space == '  ' else pad * 2}権限なし{pad * 5}{'' if space == '  ' else pad}スコープ\n"
    )
    headers, rows = _table(_read(page))
    assert headers == ("コード", "メッセージ", "原因")
    assert rows == [("1001", "トークンの期限切れ", "期限"), ("1002", "権限なし", "スコープ")]


def test_display_width_counts_wide_characters_twice_and_marks_not_at_all() -> None:
    assert width("abc") == 3
    assert width("コード") == 6
    assert width("e\u0301") == 1
    assert width("ＡＢ") == 4


def test_a_grid_table_joins_each_cells_lines_between_its_rules() -> None:
    page = (
        "Errors\n\n"
        "+------+----------------+\n"
        "| Code | Message        |\n"
        "+======+================+\n"
        "| 1001 | Token expired  |\n"
        "|      | for real       |\n"
        "+------+----------------+\n"
        "| 1002 | Denied         |\n"
        "+------+----------------+\n"
    )
    blocks = _read(page)
    assert [(b.kind, b.text) for b in blocks if b.table is None] == [("title", "Errors")]
    assert _table(blocks) == (
        ("Code", "Message"),
        [("1001", "Token expired for real"), ("1002", "Denied")],
    )


def test_a_table_drawn_as_a_database_shell_draws_it_is_read() -> None:
    page = (
        "Errors\n\n"
        " code | message\n"
        "------+---------------\n"
        " 1001 | Token expired\n"
        " 1002 | Denied\n"
    )
    assert _table(_read(page)) == (
        ("code", "message"),
        [("1001", "Token expired"), ("1002", "Denied")],
    )


def test_text_across_the_gap_between_two_columns_stops_the_import_at_its_column() -> None:
    page = "Errors\n\nCode  Message\n1001  Token expired\n1002XXDenied\n"
    with pytest.raises(InputError) as raised:
        _read(page)
    assert str(raised.value) == (
        "p.txt:5:1: the text of this line runs across the gap between the columns 'Code' "
        "and 'Message' of the header at line 3, so its cells cannot be told apart; align "
        "the table's columns in the page (or separate the cells with tabs)"
    )


def test_text_across_a_rules_gap_stops_the_import_too() -> None:
    page = "Errors\n\nCode   Message\n----   -------\n1001   Token\n10022222 Denied\n"
    with pytest.raises(InputError, match=r"p\.txt:6:1: the text of this line runs across"):
        _read(page)


def test_a_heading_underlined_with_dashes_is_a_heading() -> None:
    page = (
        "Errors\n\nAuthentication\n--------------\n\nCode  Message\n1001  Expired\n1002  Denied\n"
    )
    blocks = _read(page)
    assert [(b.kind, b.text) for b in blocks if b.table is None] == [
        ("title", "Errors"),
        ("heading", "Authentication"),
    ]
