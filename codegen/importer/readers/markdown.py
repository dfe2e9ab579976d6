"""GitHub Markdown read with markdown-it-py: pipe tables, raw HTML tables, headings, notes.

A heading on the first line is the page title. Pipe tables come from markdown-it's table
rule; a row's cells are counted on its source line too (markdown-it pads short rows and drops
extra cells), so a row with the wrong number of cells is reported, while a row that only
lacks its closing pipe is read as it is. HTML blocks go through :mod:`.html` (a table
interrupted by a blank line is fed on until it closes). Any other top-level block is a note
and is kept as its source lines, verbatim (``1) …`` stays ``1) …``).

Tables inside list items, block quotes and GitHub alerts (``> [!NOTE]``) are tables too:
such a container is read paragraph by paragraph (block-quote markers and indentation
left out), each of its tables in its place. A paragraph that looks like a pipe table whose
delimiter row has another number of cells than its header (which GitHub, and markdown-it,
do not read as a table) is reported with its line.

Speed and memory (a page of 100,000 rows): a pipe table is one token holding each row's
line and cell sources, folded row by row as markdown-it's table rule reads it
(:mod:`.tablerule`); and a cell's inline markup is parsed only when the cell has a
character that can start one (markdown-it's own ``terminator_re``): any other cell is one
text token, its source. A cell parsed once is not parsed again (``-1000`` in every
product's table).
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from markdown_it import MarkdownIt
from markdown_it.token import Token

from codegen.errors import InputError
from codegen.importer.readers.blocks import Block, BlockKind, RawRow, RawTable, note, skipped
from codegen.importer.readers.budget import PageBudget, pipe_lines
from codegen.importer.readers.html import HtmlFragment
from codegen.importer.readers.inline import inline_text
from codegen.importer.readers.lines import code_lines
from codegen.importer.readers.metadata import heading_text, strip_metadata
from codegen.importer.readers.pipes import (
    DELIMITER_CELL,
    PREFIX,
    broken_table,
    continues,
    pipe_rows,
    source_cells,
    split_row,
)
from codegen.importer.readers.tablerule import TABLE as _TABLE
from codegen.importer.readers.tablerule import parser

_IGNORED = frozenset({"hr"})
_CONTAINERS = frozenset({"bullet_list_open", "ordered_list_open", "blockquote_open"})


def read_markdown(
    source: str,
    path: str,
    warnings: list[InputError] | None = None,
    budget: PageBudget | None = None,
) -> list[Block]:
    """The blocks of a Markdown page; a pipe table that is not read as one, or a row with
    more cells than its header, is reported in ``warnings``. Front matter, MDX lines and
    shortcodes are metadata, never text (:mod:`.metadata`). Its HTML tables' cells count
    against ``budget`` (the page's, a new one when None) as they are spread."""
    page = budget or PageBudget(path)
    stripped = strip_metadata(source)
    reader = _Reader(stripped.source.split("\n"), path, warnings if warnings is not None else [])
    pipe_lines(reader.lines, path)
    tokens = reader.md.parse(stripped.source, reader.env)
    blocks: list[Block] = []
    if stripped.title:
        blocks.append(Block("title", 1, stripped.title))
    consumed = 0  # source lines already read by an HTML table fed beyond its block
    index = 0
    while index < len(tokens):
        token = tokens[index]
        end = _block_end(tokens, index)
        start_line = token.map[0] if token.map else consumed
        if start_line < consumed or token.level != 0:
            index = end
            continue
        if token.type == "heading_open":
            text = heading_text(inline_text(tokens[index + 1]))
            kind: BlockKind = "heading" if blocks else "title"  # nothing above it: the title
            blocks.append(Block(kind, start_line + 1, text, int(token.tag[1:])))
        elif token.type == _TABLE:
            blocks += reader.tables(token)
        elif token.type == "html_block":
            consumed, html_blocks = _html(token, reader.lines, page, reader.warnings)
            blocks.extend(html_blocks)
        elif token.type in _CONTAINERS and any(t.type == _TABLE for t in tokens[index:end]):
            blocks.extend(reader.container(tokens[index:end]))
        elif token.type not in _IGNORED and token.map:
            joined = reader.continuation(token, blocks[-1] if blocks else None)
            if joined is not None:
                blocks[-1] = joined
            else:
                blocks += reader.paragraph(token)
        index = end
    return code_lines(blocks, reader.cell, path, reader.warnings)


class _Reader:
    """One page being read: its lines, the parser, the cells parsed so far, the warnings."""

    def __init__(self, lines: list[str], path: str, warnings: list[InputError]) -> None:
        self.lines, self.path, self.warnings = lines, path, warnings
        self.md = parser()
        self.env: dict[str, Any] = {}
        self.parsed: dict[str, str] = {}  # cell source -> text, for cells with possible markup

    def container(self, tokens: list[Token]) -> list[Block]:
        """The paragraphs and tables of a list or block quote that holds a table."""
        blocks: list[Block] = []
        index = 0
        while index < len(tokens):
            token = tokens[index]
            if token.type == _TABLE and token.map:
                blocks += self.tables(token)
                index += 1
            elif token.type == "paragraph_open" and token.map:
                broken_table(token, self.lines, self.path, self.warnings)
                first, last = token.map
                lines = self.lines[first:last]
                text = "\n".join(PREFIX.sub("", line).rstrip() for line in lines)
                if text.strip():
                    blocks.append(Block("paragraph", first + 1, text.strip()))
                index = _block_end(tokens, index)
            else:
                index += 1
        return blocks

    def paragraph(self, token: Token) -> list[Block]:
        """A top-level block that is not a table to markdown-it: a note, or a pipe table
        without a delimiter row (read as a table, with a note)."""
        assert token.map is not None
        first, last = token.map
        rows = pipe_rows(self.lines[first:last])
        if rows is not None and token.type == "paragraph_open":
            self.warnings.append(
                note(
                    "this table has no delimiter row (|---|) under its header; read as a "
                    "table all the same",
                    self.path,
                    first + 1,
                )
            )
            cells = [tuple(self.cell(source) for source in row) for row in rows]
            body = tuple(RawRow(row, first + 2 + i) for i, row in enumerate(cells[1:]))
            return [Block("table", first + 1, table=RawTable(cells[0], body, first + 1))]
        broken_table(token, self.lines, self.path, self.warnings)
        text = "\n".join(line.rstrip() for line in self.lines[first:last]).strip()
        return [Block("paragraph", first + 1, text)] if text else []

    def continuation(self, token: Token, above: Block | None) -> Block | None:
        """The table ``above`` with the rows of ``token``'s paragraph after its own, when a
        blank line split one table in two: the paragraph is pipe rows (one or more) without
        a delimiter row, each as wide as the table, after its last row with only blank
        lines between, and the first cells of its rows have the shape of the table's first
        column (:func:`continues`), so its first row is a row and not a new header. GitHub
        shows two tables (the second as text); read as two, the rows below would become a
        code set of their own with their first row as its header. None otherwise."""
        if token.type != "paragraph_open" or above is None or above.table is None:
            return None
        assert token.map is not None
        first, last = token.map
        part = self.lines[first:last]
        table = above.table
        if not table.rows or not all(line.lstrip().startswith("|") for line in part):
            return None
        rows = [split_row(line) for line in part]
        if any(len(row) != len(table.headers) for row in rows):
            return None
        if any(line.strip() for line in self.lines[table.rows[-1].line : first]):
            return None
        cells = [tuple(self.cell(source) for source in row) for row in rows]
        if not continues([row.cells[0] for row in table.rows], [row[0] for row in cells]):
            return None
        self.warnings.append(
            note(
                "a blank line splits this table: the rows below it are read as rows of the "
                f"table above (line {table.line})",
                self.path,
                first + 1,
                fix="Remove the blank line",
            )
        )
        more = tuple(RawRow(row, first + 1 + i) for i, row in enumerate(cells))
        return replace(above, table=replace(table, rows=table.rows + more))

    def cell(self, source: str) -> str:
        """A cell's text (its inline markup parsed only when it may hold some)."""
        if not self.md.inline.terminator_re.search(source):
            return source.strip()
        found = self.parsed.get(source)
        if found is None:
            found = self.parsed[source] = _cell_text(source, self.md, self.env)
        return found

    def tables(self, token: Token) -> list[Block]:
        """The table of a pipe-table token, and the tables that follow it with no blank line
        between them (a delimiter row among its rows starts a new table: its row above is
        the new header). A short row's missing cells are empty, as GitHub shows them; a row
        with more cells than the header keeps the header's, with a warning."""
        found: list[Block] = []
        header: tuple[str, ...] = ()
        rows: list[RawRow] = []
        start = (token.map[0] if token.map else 0) + 1
        for row_line, sources in token.meta["rows"]:
            cells = tuple(self.cell(source) for source in sources)
            if header and rows and all(DELIMITER_CELL.fullmatch(c) for c in sources):
                new_header = rows.pop()
                found.append(Block("table", start, table=RawTable(header, tuple(rows), start)))
                return found + self._reparsed(new_header.line - 1, token)
            if not header:
                header = cells
                continue
            width = source_cells(self.lines[row_line])
            if width > len(header):
                self.warnings.append(
                    skipped(
                        f"row has {width} cells but the header {len(header)}; the cells past "
                        f"the last column are left out",
                        "Give the row one cell per column",
                        self.path,
                        row_line + 1,
                    )
                )
            rows.append(RawRow(cells, row_line + 1))
        found.append(Block("table", start, table=RawTable(header, tuple(rows), start)))
        return found

    def _reparsed(self, first: int, token: Token) -> list[Block]:
        """The tables from line ``first`` (0-based) to the end of ``token``, read on their
        own: a table that started without a blank line above it."""
        assert token.map is not None
        text = "\n".join(self.lines[first : token.map[1]])
        blocks: list[Block] = []
        for inner in self.md.parse(text, self.env):
            if inner.type == _TABLE and inner.map:
                shifted = Token(_TABLE, "table", 0, map=[m + first for m in inner.map], block=True)
                shifted.meta["rows"] = [(line + first, cells) for line, cells in inner.meta["rows"]]
                blocks += self.tables(shifted)
        return blocks


def _block_end(tokens: list[Token], index: int) -> int:
    """The index after the top-level block that starts at ``index``."""
    token = tokens[index]
    if token.nesting != 1:
        return index + 1
    depth = 0
    for at in range(index, len(tokens)):
        depth += tokens[at].nesting
        if depth == 0:
            return at + 1
    return len(tokens)


def _html(
    token: Token, lines: list[str], budget: PageBudget, warnings: list[InputError]
) -> tuple[int, list[Block]]:
    assert token.map is not None
    first, last = token.map
    fragment = HtmlFragment(budget, first + 1, warnings)
    fragment.feed("\n".join(lines[first:last]) + "\n")
    while fragment.open_table and last < len(lines):
        fragment.feed(lines[last] + "\n")
        last += 1
    return last, fragment.blocks()


def _cell_text(source: str, md: MarkdownIt, env: dict[str, Any]) -> str:
    """A cell with a character that may start inline markup, read by markdown-it's inline
    parser (what its ``inline`` core rule does for every inline token)."""
    cell = Token("inline", "", 0, content=source, children=[])
    md.inline.parse(source, md, env, cell.children)  # type: ignore[arg-type]
    return inline_text(cell)
