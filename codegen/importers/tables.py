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

from collections.abc import Sequence
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


def page_title(blocks: Sequence[Block]) -> str | None:
    for block in blocks:
        if block.kind == "title":
            return block.text
    return None


def place_tables(blocks: Sequence[Block]) -> list[PlacedTable]:
    """Every table with the headings and notes between it and the table before it."""
    placed: list[PlacedTable] = []
    window: list[Block] = []
    for block in blocks:
        if block.kind == "table" and block.table is not None:
            placed.append(PlacedTable(block.table, _context(window)))
            window = []
        elif block.kind in ("heading", "paragraph"):
            window.append(block)
    return placed


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
