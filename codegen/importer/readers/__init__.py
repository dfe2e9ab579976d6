"""Stage 1 of an import: a page turned into blocks (title, headings, notes, tables).

One reader per form: :mod:`.text` (plain text; :mod:`.borderless` tells the columns of a
table copied without borders apart), :mod:`.markdown` (GitHub Markdown, by markdown-it-py;
:mod:`.inline` for its cells' text) and :mod:`.html` (pages and the HTML tables inside
Markdown). Each returns :class:`~.blocks.Block` s, tables with their merged cells already
spread; :mod:`.blocks` places each table under its headings.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from codegen._lazy import lazy
from codegen.importer.readers.blocks import (
    Block,
    Note,
    PlacedTable,
    RawRow,
    RawTable,
    Skipped,
    page_title,
    place_tables,
)

if TYPE_CHECKING:
    from codegen.importer.readers.html import read_html
    from codegen.importer.readers.markdown import read_markdown
    from codegen.importer.readers.text import read_text

__all__ = [
    "Block",
    "Note",
    "PlacedTable",
    "RawRow",
    "RawTable",
    "Skipped",
    "page_title",
    "place_tables",
    "read_html",
    "read_markdown",
    "read_text",
]
__getattr__ = lazy(
    __name__,
    {"read_html": ".html", "read_markdown": ".markdown", "read_text": ".text"},
)
