"""What every reader produces: a flat list of blocks, and the tables with their headings.

A reader (plain text, Markdown, HTML) turns a document into :class:`Block` objects in
document order: the page title, headings, paragraphs of notes, and tables whose merged cells
are already filled in (:class:`RawTable`, one cell per header on every row).
:func:`place_tables` then gives each table its context from the blocks above it:

- its ``title`` is the heading above it; its ``section`` the heading above that; its
  ``description`` the notes between its title and the table, verbatim, joined by a blank
  line. Only headings after the previous table count.
- Headings with levels (Markdown, HTML): the title is the last heading before the table,
  the section the last earlier heading of a higher level (``##`` above ``###``).
- Heading-like lines without levels (plain text, level 0): the title is the last heading-like
  line before the first note, the section the heading-like line before that; everything after
  the title is the description.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Literal

from codegen.errors import InputError

BlockKind = Literal["title", "heading", "paragraph", "table"]


@dataclass(frozen=True)
class RawRow:
    """One body row: its cells in header order, as the document has them (stripped)."""

    cells: tuple[str, ...]
    line: int
    column: int = 1


@dataclass(frozen=True)
class RawTable:
    """A table as read: header cells and rows, merged cells already spread over their rows."""

    headers: tuple[str, ...]
    rows: tuple[RawRow, ...]
    line: int
    column: int = 1


@dataclass(frozen=True)
class Block:
    """One thing on the page, in document order."""

    kind: BlockKind
    line: int
    text: str = ""
    level: int = 0  # headings: 1-6 from the markup; 0 for a heading-like line of plain text
    table: RawTable | None = None


@dataclass
class Skipped(InputError):
    """A warning: a row or table could not be used and was left out; the rest goes on."""

    what: str = ""
    fix: str = ""


def skipped(what: str, fix: str, path: str, line: int, column: int = 1) -> Skipped:
    """The warning that ``what`` was left out, with how to ``fix`` it (may be empty)."""
    message = f"warning: {what}; skipped" + (f". {fix}" if fix else "")
    return Skipped(message, path, line, column, what, fix)


@dataclass
class Note(Skipped):
    """A note: something was read in a way worth knowing (a table that is not a code
    table, a table split in two); nothing of the page's codes was lost."""


def note(
    what: str, path: str, line: int, column: int = 1, fix: str = "", left_out: bool = False
) -> Note:
    """The note that ``what`` happened (and, with ``left_out``, was skipped)."""
    message = f"note: {what}" + ("; skipped" if left_out else "") + (f". {fix}" if fix else "")
    return Note(message, path, line, column, what, fix)


# --- spreadsheet exports ------------------------------------------------------------------

_PLACEHOLDER = re.compile(
    r"(?:unnamed:?\s*\d+|column\s*\d+|field\s*\d+|col\s*\d+|nan|none|)", re.IGNORECASE
)
_EMPTY_CELLS = frozenset({"nan", "NaN", "None", "NULL", "null", "#N/A"})


def from_sheet(table: RawTable) -> RawTable:
    """A table as a spreadsheet exports it, made a plain table: when most headers are
    placeholders (``Unnamed: 0``, ``Column1``, empty), ``nan`` cells are empty, empty rows
    and columns and an index column (running numbers under a placeholder) go, and the first
    row left is the real header. Any other table is returned as it is."""
    headers = table.headers
    placeholders = sum(1 for h in headers if _PLACEHOLDER.fullmatch(h.strip()))
    if len(headers) < 2 or placeholders * 2 < len(headers) or not table.rows:
        return table
    width = len(headers)
    rows = [r for r in table.rows if len(r.cells) == width]
    cells = [[("" if c in _EMPTY_CELLS else c) for c in r.cells] for r in rows]
    keep = [
        i
        for i in range(width)
        if any(row[i] for row in cells)
        and not (_PLACEHOLDER.fullmatch(headers[i].strip()) and _running(row[i] for row in cells))
    ]
    body = [(r, [row[i] for i in keep]) for r, row in zip(rows, cells)]
    body = [(r, row) for r, row in body if any(row)]
    if len(body) < 2:
        return table
    head, rest = body[0], body[1:]
    return RawTable(
        tuple(head[1]),
        tuple(RawRow(tuple(row), r.line, r.column) for r, row in rest),
        head[0].line,
        head[0].column,
    )


def _running(cells: Iterable[str]) -> bool:
    values = list(cells)
    if not values or not all(v.isascii() and v.isdigit() and len(v) < 19 for v in values):
        return False  # 19 digits and more: no running number (nor a number int() may refuse)
    start = int(values[0])
    return start in (0, 1) and all(int(v) == start + i for i, v in enumerate(values))


@dataclass(frozen=True)
class TableContext:
    """The headings and notes above a table."""

    title: str | None
    section: str | None
    description: str | None


@dataclass(frozen=True)
class PlacedTable:
    table: RawTable
    context: TableContext


def code_span(content: str) -> str:
    """``content`` as a Markdown inline code span, the catalog's one piece of markup: fenced
    by one backtick more than its longest run of them, padded with a space where it starts
    or ends with a backtick (CommonMark 6.1), so a reader gets ``content`` back exactly."""
    longest = max((len(run) for run in re.findall(r"`+", content)), default=0)
    fence = "`" * (longest + 1)
    pad = " " if content.startswith("`") or content.endswith("`") else ""
    return f"{fence}{pad}{content}{pad}{fence}"


def page_title(blocks: Sequence[Block]) -> str | None:
    for block in blocks:
        if block.kind == "title":
            return block.text
    return None


def place_tables(blocks: Sequence[Block]) -> list[PlacedTable]:
    """Every table with the headings and notes between it and the table before it; a
    table whose title heading has no higher heading since the table before takes its
    section from the last higher heading before that (``##`` above two ``###`` tables)."""
    placed: list[PlacedTable] = []
    window: list[Block] = []
    latest: dict[int, tuple[int, Block]] = {}  # level -> the last such heading before the window
    seen = 0  # leveled headings before the window, to order those of ``latest``
    for block in blocks:
        if block.kind == "table" and block.table is not None:
            context = _context(window)
            if context.title is not None and context.section is None:
                context = _section_from(latest, window, context)
            placed.append(PlacedTable(block.table, context))
            for b in window:
                if b.kind == "heading" and b.level > 0:
                    seen += 1
                    latest[b.level] = (seen, b)
            window = []
        elif block.kind in ("heading", "paragraph"):
            window.append(block)
    return placed


def _section_from(
    latest: dict[int, tuple[int, Block]], window: list[Block], context: TableContext
) -> TableContext:
    """``context`` with the section of the last heading before ``window`` (``latest``: the
    last of each level, with its order) above the level of its title heading."""
    headings = [b for b in window if b.kind == "heading"]
    if not headings or headings[-1].level == 0 or len(headings) > 1:
        return context
    level = headings[-1].level
    above = [at for lv, at in latest.items() if lv < level]
    if not above:
        return context
    return TableContext(
        context.title, max(above, key=lambda at: at[0])[1].text, context.description
    )


def _context(window: list[Block]) -> TableContext:
    headings = [i for i, block in enumerate(window) if block.kind == "heading"]
    if not headings:
        return TableContext(None, None, None)
    if window[headings[-1]].level > 0:
        title_at = headings[-1]
        level = window[title_at].level
        above = [i for i in headings if i < title_at and 0 < window[i].level < level]
        notes = [b.text for b in window[title_at + 1 :] if b.kind == "paragraph"]
    else:
        first_note = next(
            (i for i, b in enumerate(window) if b.kind == "paragraph" and i > headings[0]),
            len(window),
        )
        title_at = max(i for i in headings if i < first_note)
        above = [i for i in headings if i < title_at]
        notes = [b.text for b in window[title_at + 1 :]]
    section = window[above[-1]].text if above else None
    description = "\n\n".join(notes) if notes else None
    return TableContext(window[title_at].text, section, description)
