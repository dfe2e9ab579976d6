"""An HTML table as a browser lays it out: a grid of cells, spans spread, the header row split
from the body.

A cell with ``rowspan``/``colspan`` (quoted or not) fills every slot it covers, so a merged
category applies to each row it spans and an empty merged cell stays empty on each of them;
``rowspan=0`` spans to the end of the table. The header row is the last row of ``<thead>``,
else the first row. A body row shorter than the header has empty cells at its end, as a
browser shows it; cells past the header's last column are left out, with a warning. A row
of one cell across the whole table is a label (a section heading inside the table, or a
footnote), not a code: it is left out, with a note.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from codegen.errors import InputError
from codegen.importer.readers.blocks import RawRow, RawTable, note, skipped
from codegen.limits import MAX_TABLE_CELLS


@dataclass
class Cell:
    text: list[str]
    rowspan: int
    colspan: int


@dataclass
class Row:
    line: int
    column: int
    head: bool
    cells: list[Cell] = field(default_factory=list)


@dataclass
class Table:
    line: int
    column: int
    rows: list[Row] = field(default_factory=list)
    in_head: bool = False
    depth: int = 1  # nested tables read as text of the outer cell


def span(value: str | None, limit: int, zero: int) -> int:
    digits = (value or "").strip().strip("\"'")
    if not digits.isascii() or not digits.isdigit():
        return 1
    significant = digits.lstrip("0")
    if len(significant) > len(str(limit)):  # past the limit, however many digits it has
        return limit
    number = int(significant or "0")
    return zero if number == 0 else min(number, limit)


def clean(parts: list[str]) -> str:
    lines = "".join(parts).split("\n")
    return "\n".join(line.strip() for line in lines).strip()


def grid(table: Table, path: str, warnings: list[InputError]) -> RawTable:
    """The table's rows as a browser lays them out (see the module doc); each row left out
    or cut is reported in ``warnings``."""
    laid = _spread(table, path)
    heads = [i for i, (row, _) in enumerate(laid) if row.head]
    header_at = heads[-1] if heads else 0
    headers = laid[header_at][1] if laid else ()
    width = len(headers)
    rows: list[RawRow] = []
    for row, cells in laid[header_at + 1 :]:
        if row.head:
            continue
        if width >= 2 and len(row.cells) == 1 and row.cells[0].colspan >= width:
            what = f'row "{cells[0]}" spans every column: a label of the table, not a code'
            warnings.append(note(what, path, row.line, row.column, left_out=True))
            continue
        if len(cells) > width:
            warnings.append(
                skipped(
                    f"row has {len(cells)} cells but the header {width}; the cells past the "
                    "last column are left out",
                    "Give the row one cell per column",
                    path,
                    row.line,
                    row.column,
                )
            )
        padded = cells[:width] + ("",) * (width - len(cells))
        rows.append(RawRow(padded, row.line, row.column))
    return RawTable(headers, tuple(rows), table.line, table.column)


def _spread(table: Table, path: str) -> list[tuple[Row, tuple[str, ...]]]:
    """Every row with its cells, each merged cell spread over every slot it covers."""
    pending: dict[int, tuple[int, str]] = {}
    laid: list[tuple[Row, tuple[str, ...]]] = []
    total = 0
    for row in table.rows:
        slots = {column: text for column, (_, text) in pending.items()}
        spans: dict[int, tuple[int, str]] = {}
        column = 0
        for cell in row.cells:
            while column in slots:
                column += 1
            text = clean(cell.text)
            for covered in range(column, column + cell.colspan):
                slots[covered] = text
                if cell.rowspan > 1:
                    spans[covered] = (cell.rowspan - 1, text)
            column += cell.colspan
        pending = {c: (left - 1, text) for c, (left, text) in pending.items() if left > 1}
        pending.update(spans)
        total += len(slots)
        if total > MAX_TABLE_CELLS:
            raise InputError(
                f"table has more than {MAX_TABLE_CELLS} cells once merged cells are spread; "
                "check its rowspan and colspan values",
                path,
                table.line,
                table.column,
            )
        laid.append((row, tuple(slots[c] for c in sorted(slots))))
    return laid
