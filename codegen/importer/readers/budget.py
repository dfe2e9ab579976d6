"""What one page's tables may hold together: the import's page-wide bounds.

A page's size is bounded (``MAX_DOCUMENT_BYTES``), but ``rowspan`` and ``colspan`` make a
few bytes stand for many cells, and a short row stands for as many cells as its header has.
One :class:`PageBudget` per page counts every table's cells once spans are spread and short
rows padded, across all the tables of the page (HTML, Markdown, the HTML inside Markdown,
plain text), so sixteen tables of two million cells are refused as one of thirty-two
million would be. It also bounds the page's table rows (counted as HTML rows open, and as
lines with a ``|`` before markdown-it reads a page), a table's columns, and how deep HTML
tables nest, and (before markdown-it reads a page) the cells of its pipe-table lines and
any delimiter row wider than ``MAX_TABLE_COLUMNS``. Each bound
is checked while the cells are made, before anything that costs more per cell (column
roles, the merge); past one, the page is refused with one line at the table.
"""

from __future__ import annotations

from collections.abc import Iterable

from codegen.errors import InputError
from codegen.importer.readers.blocks import Block
from codegen.importer.readers.pipes import DELIMITER_CELL, PREFIX
from codegen.limits import (
    MAX_CODES,
    MAX_PAGE_CELLS,
    MAX_PAGE_ROWS,
    MAX_TABLE_COLUMNS,
    MAX_TABLE_NESTING,
)


class PageBudget:
    """The cells one page's tables have made so far (``cells``), against the page-wide
    limits of :mod:`codegen.limits`; ``path`` is the page, for the error's location."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.cells = 0
        self.rows = 0

    def row(self, line: int, column: int = 1, rows: int = 1) -> None:
        """Count ``rows`` more table rows, the last at ``line``:``column``; raise
        :class:`InputError` there once the page has more than ``MAX_PAGE_ROWS``."""
        self.rows += rows
        if self.rows > MAX_PAGE_ROWS:
            raise InputError(
                f"the page's tables have more than {MAX_PAGE_ROWS:,} rows, the limit for one "
                f"page (a catalog holds at most {MAX_CODES:,} codes): import the page in parts",
                self.path,
                line,
                column,
            )

    def spend(self, cells: int, line: int, column: int = 1) -> None:
        """Count ``cells`` more cells of the table at ``line``:``column``; raise
        :class:`InputError` there once the page has more than ``MAX_PAGE_CELLS``."""
        self.cells += cells
        if self.cells > MAX_PAGE_CELLS:
            raise InputError(
                f"the page's tables have more than {MAX_PAGE_CELLS:,} cells once merged cells "
                "are spread and short rows filled, the limit for one page: check the "
                "rowspan and colspan values, or import the page in parts",
                self.path,
                line,
                column,
            )

    def columns(self, width: int, line: int, column: int = 1) -> None:
        """Raise :class:`InputError` at the table when it has more than
        ``MAX_TABLE_COLUMNS`` columns (``width``, spans spread)."""
        if width > MAX_TABLE_COLUMNS:
            raise InputError(
                f"table has more than {MAX_TABLE_COLUMNS:,} columns once merged cells are "
                "spread, the limit for one table: check its colspan values, or split it",
                self.path,
                line,
                column,
            )

    def nesting(self, depth: int, line: int, column: int = 1) -> None:
        """Raise :class:`InputError` where a table opens ``depth`` tables deep, past
        ``MAX_TABLE_NESTING``."""
        if depth > MAX_TABLE_NESTING:
            raise InputError(
                f"tables nest more than {MAX_TABLE_NESTING} deep, the limit: a code table "
                "holds no tables this deep",
                self.path,
                line,
                column,
            )


def check_tables(blocks: Iterable[Block], path: str) -> None:
    """Every table of the page as read, counted against the page-wide limits in one pass
    (each cell once, header included): raise :class:`InputError` at the first table past
    ``MAX_TABLE_COLUMNS`` or past ``MAX_PAGE_CELLS`` cells for the page."""
    budget = PageBudget(path)
    for block in blocks:
        table = block.table
        if table is None:
            continue
        budget.columns(len(table.headers), table.line, table.column)
        budget.columns(max((len(r.cells) for r in table.rows), default=0), table.line, table.column)
        cells = len(table.headers) + sum(len(r.cells) for r in table.rows)
        budget.spend(cells, table.line, table.column)
        budget.row(table.line, table.column, len(table.rows))


def pipe_lines(lines: list[str], path: str) -> None:
    """Raise :class:`InputError`, before markdown-it reads the page, at the line where its
    lines with a ``|`` (the rows a pipe table can have) pass ``MAX_PAGE_ROWS``, or their
    cells (the parts between unescaped pipes, outer pipes left out) pass ``MAX_PAGE_CELLS``,
    or at a delimiter row (``|---|---|``) of more than ``MAX_TABLE_COLUMNS`` cells. Linear in
    the page: what would be refused once read is refused before markdown-it spends a few
    seconds and some hundred bytes a cell on it (a 300-column table was refused after it
    had taken 1.95 GB)."""
    budget = PageBudget(path)
    for number, line in enumerate(lines, 1):
        if "|" not in line:
            continue
        if budget.rows >= MAX_PAGE_ROWS:
            raise InputError(
                f"the page has more than {MAX_PAGE_ROWS:,} lines with a '|' (pipe table "
                f"rows), the limit for one page (a catalog holds at most {MAX_CODES:,} "
                "codes): import the page in parts",
                path,
                number,
                1,
            )
        budget.row(number)
        text = PREFIX.sub("", line).strip()
        outer = int(text.startswith("|")) + int(len(text) > 1 and text.endswith("|"))
        cells = text.count("|") - text.count("\\|") + 1 - outer
        budget.spend(cells, number)
        if cells > MAX_TABLE_COLUMNS and all(
            DELIMITER_CELL.fullmatch(cell) for cell in text.strip("|").split("|")
        ):
            budget.columns(cells, number)
