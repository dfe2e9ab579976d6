"""markdown-it's table rule, folded row by row (:mod:`codegen.importer.readers.tablerule`)."""

from __future__ import annotations

import tracemalloc

from codegen.importer.readers.markdown import read_markdown
from codegen.importer.readers.tablerule import TABLE, parser


def _table(rows: int, cells: int) -> str:
    return (
        "| Code |"
        + " h |" * (cells - 1)
        + "\n|"
        + "---|" * cells
        + "\n"
        + "".join(f"| {i} |" + " x |" * (cells - 1) + "\n" for i in range(rows))
    )


def test_a_pipe_table_is_one_token_of_its_rows_lines_and_cell_sources() -> None:
    tokens = parser().parse("| Code | Message |\n|---|---|\n| 1 | *one* |\n| 2 | two |\n")
    assert [t.type for t in tokens] == [TABLE]
    assert tokens[0].meta["rows"] == [
        (0, ("Code", "Message")),
        (2, ("1", "*one*")),
        (3, ("2", "two")),
    ]


def test_a_tables_tokens_never_exist_all_at_once() -> None:
    """markdown-it makes three tokens a cell, about 1 KB: 200,000 cells took 230 MB before
    they were folded at the table's end (a 2,000,000-cell page ended in a MemoryError)."""
    source = _table(20_000, 10)
    md = parser()
    tracemalloc.start()
    try:
        tokens = md.parse(source)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert len(tokens[0].meta["rows"]) == 20_001
    assert peak < 60 * 2**20, peak  # the rows' cell sources: about 10 MB


def test_the_folded_table_reads_as_before() -> None:
    blocks = read_markdown("# Codes\n\n" + _table(3, 3), "p.md")
    table = blocks[1].table
    assert table is not None
    assert table.headers == ("Code", "h", "h")
    assert [(row.line, row.cells) for row in table.rows] == [
        (5, ("0", "x", "x")),
        (6, ("1", "x", "x")),
        (7, ("2", "x", "x")),
    ]
