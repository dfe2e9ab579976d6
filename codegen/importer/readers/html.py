"""HTML pages and HTML fragments (the ``<table>`` blocks inside Markdown), read with html.parser.

Headings ``<h1>``-``<h6>`` keep their level; text outside tables and headings becomes note
paragraphs, split at block elements. A table becomes a real grid: a cell with
``rowspan``/``colspan`` (quoted or not) fills every slot it covers, so a merged category applies to
each row it spans and an empty merged cell stays empty on each of them. ``rowspan=0`` spans to the
end of the table. A ``<code>`` is kept as a Markdown code span (`` `to` ``) and a link as a
Markdown link (``[docs](/x)``), in cells and notes alike, as the Markdown reader keeps them
(an anchor without a target, ``<a name=x>``, is its text). The header row is the last row of ``<thead>``, else the first
row. Entities are decoded once, by the parser; ``<br>`` is a line break; whitespace that contains a
line break or tab (source indentation) reads as one space; each cell is stripped.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

from codegen.errors import InputError
from codegen.importer.readers.blocks import Block, code_span
from codegen.importer.readers.budget import PageBudget
from codegen.importer.readers.grid import Cell, Row, Table, clean, grid, span
from codegen.importer.readers.lines import code_lines
from codegen.limits import MAX_COLSPAN, MAX_ROWSPAN

_HEADINGS = {f"h{n}": n for n in range(1, 7)}
_BLOCK_TAGS = frozenset(
    [
        "p",
        "div",
        "ul",
        "ol",
        "li",
        "dl",
        "dt",
        "dd",
        "pre",
        "blockquote",
        "section",
        "article",
        "header",
        "footer",
        "nav",
        "main",
        "aside",
        "figure",
        "hr",
        "body",
        "html",
        "form",
        "fieldset",
    ]
)
_SKIPPED = frozenset({"script", "style", "template"})
_CELL_BREAKS = frozenset({"p", "div", "ul", "ol", "dl", "dt", "dd", "pre", "blockquote"})
_SPACE_RUN = re.compile(r"\s+")  # one start per run: \s*[\n\r\t]\s* rescanned each space


class _Reader(HTMLParser):
    def __init__(self, budget: PageBudget, first_line: int, warnings: list[InputError]) -> None:
        super().__init__(convert_charrefs=True)
        self.budget = budget
        self.path = budget.path
        self.first_line = first_line
        self.warnings = warnings
        self._href: str | None = None  # the target of an open <a>
        self._link_at = 0  # where its text starts
        self.blocks: list[Block] = []
        self.table: Table | None = None
        self._cell: Cell | None = None
        self._code_at: int | None = None  # where an open <code> starts
        self._text: list[str] = []
        self._text_line = 0
        self._heading = 0
        self._in_title = False
        self._skipping = 0

    def where(self) -> tuple[int, int]:
        line, offset = self.getpos()
        return line + self.first_line - 1, offset + 1

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIPPED:
            self._skipping += 1
        elif self.table is not None:
            self._table_start(self.table, tag, dict(attrs))
        elif tag == "table":
            self._flush()
            self.table = Table(*self.where())
        elif tag in _HEADINGS or tag == "title":
            self._flush()
            self._heading, self._in_title = _HEADINGS.get(tag, 0), tag == "title"
        elif tag == "br":
            self._data("\n")
        elif tag in _BLOCK_TAGS:
            self._flush()
        elif tag == "code":  # a code span, as in a cell
            self._code_at = len(self._text)
        elif tag == "a":
            self._href, self._link_at = dict(attrs).get("href") or "", len(self._text)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in ("br", "hr"):
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIPPED:
            self._skipping = max(0, self._skipping - 1)
        elif self.table is not None:
            self._table_end(self.table, tag)
        elif tag == "br":  # </br>, which browsers read as <br>
            self._data("\n")
        elif tag in _HEADINGS or tag == "title" or tag in _BLOCK_TAGS:
            self._flush()
        elif tag == "code" and self._code_at is not None:
            content = "".join(self._text[self._code_at :])
            del self._text[self._code_at :]
            self._data(code_span(content))
            self._code_at = None
        elif tag == "a" and self._href is not None:
            _link(self._text, self._link_at, self._href)
            self._href = None

    def handle_data(self, data: str) -> None:
        if self._skipping:
            return
        text = _layout_space(data)
        if self._cell is not None:
            self._cell.text.append(text)
        elif self.table is None:
            self._data(text)

    def _data(self, text: str) -> None:
        if not self._text:
            self._text_line = self.where()[0]
        self._text.append(text)

    def _flush(self) -> None:
        text = clean(self._text)
        if text:
            if self._in_title:
                self.blocks.append(Block("title", self._text_line, text))
            elif self._heading:
                self.blocks.append(Block("heading", self._text_line, text, self._heading))
            else:
                self.blocks.append(Block("paragraph", self._text_line, text))
        self._text, self._heading, self._in_title = [], 0, False
        self._code_at = self._href = None

    def _table_start(self, table: Table, tag: str, attrs: dict[str, str | None]) -> None:
        if tag == "table":
            table.depth += 1
            self.budget.nesting(table.depth, *self.where())
        elif table.depth > 1:
            if tag == "br" and self._cell is not None:
                self._cell.text.append("\n")
        elif tag == "thead":
            table.in_head = True
        elif tag in ("tbody", "tfoot"):
            table.in_head = False
        elif tag == "tr":
            self._cell = None
            self.budget.row(*self.where())
            table.rows.append(Row(*self.where(), table.in_head))
        elif tag in ("td", "th"):
            if not table.rows:
                table.rows.append(Row(*self.where(), table.in_head))
            rowspan = span(attrs.get("rowspan"), MAX_ROWSPAN, zero=MAX_ROWSPAN)
            self._cell = Cell([], rowspan, span(attrs.get("colspan"), MAX_COLSPAN, zero=1))
            table.rows[-1].cells.append(self._cell)
        elif self._cell is not None:
            self._cell_start(self._cell, tag, attrs)

    def _cell_start(self, cell: Cell, tag: str, attrs: dict[str, str | None]) -> None:
        """A tag inside a cell: a line break, a list item's bullet, the start of a code span
        or a link."""
        if tag == "br":
            cell.text.append("\n")
        elif tag in _CELL_BREAKS:
            _break(cell.text)
        elif tag == "li":
            _break(cell.text)
            cell.text.append("• ")
        elif tag == "code":
            self._code_at = len(cell.text)
        elif tag == "a":
            self._href, self._link_at = attrs.get("href") or "", len(cell.text)

    def _cell_end(self, cell: Cell, tag: str) -> None:
        """A closing tag inside a cell: what it ends, as :meth:`_cell_start` began it."""
        if tag == "br":  # </br>, which browsers read as <br>
            cell.text.append("\n")
        elif tag in _CELL_BREAKS:
            _break(cell.text)
        elif tag == "code" and self._code_at is not None:
            content = "".join(cell.text[self._code_at :])
            del cell.text[self._code_at :]
            cell.text.append(code_span(content))
            self._code_at = None
        elif tag == "a" and self._href is not None:
            _link(cell.text, self._link_at, self._href)
            self._href = None

    def _table_end(self, table: Table, tag: str) -> None:
        if self._cell is not None and table.depth == 1:
            self._cell_end(self._cell, tag)
        if tag == "table":
            table.depth -= 1
            if table.depth == 0:
                self._close_table(table)
        elif table.depth == 1 and tag in ("td", "th", "tr"):
            self._cell = None

    def _close_table(self, table: Table) -> None:
        self._cell, self.table = None, None
        self.blocks.append(
            Block("table", table.line, table=grid(table, self.budget, self.warnings))
        )

    def finish(self) -> list[Block]:
        """Close what the document left open and return its blocks."""
        self.close()
        if self.table is not None:
            self._close_table(self.table)
        self._flush()
        return self.blocks


def read_html(
    source: str,
    path: str,
    warnings: list[InputError] | None = None,
    budget: PageBudget | None = None,
) -> list[Block]:
    """The blocks of an HTML page. A first heading ``<h1>`` is the page title (a
    ``<title>`` often adds the site's name: ``Error Codes | Example Docs``); else the
    ``<title>``; else any first heading. Its tables' cells count against ``budget`` (the
    page's, a new one when None): :class:`InputError` past the page-wide limits."""
    reader = _Reader(budget or PageBudget(path), 1, warnings if warnings is not None else [])
    reader.feed(source)
    blocks = reader.finish()
    titles = [block for block in blocks if block.kind == "title"]
    at = next((i for i, block in enumerate(blocks) if block.kind != "title"), None)
    if at is not None and blocks[at].kind == "heading":
        first = blocks[at]
        if not titles or first.level == 1:
            blocks = [b for b in blocks if b.kind != "title"]
            blocks.insert(0, Block("title", first.line, first.text))
            blocks.remove(first)
    return code_lines(blocks, str.strip, path, reader.warnings)


class HtmlFragment:
    """An HTML block that may leave a table open, to be fed line by line until it closes."""

    def __init__(self, budget: PageBudget, first_line: int, warnings: list[InputError]) -> None:
        self._reader = _Reader(budget, first_line, warnings)

    def feed(self, text: str) -> None:
        self._reader.feed(text)

    @property
    def open_table(self) -> bool:
        return self._reader.table is not None

    def blocks(self) -> list[Block]:
        return self._reader.finish()


def _layout_space(data: str) -> str:
    """``data`` with each run of whitespace that holds a line break or tab (source
    indentation) made one space; other runs of spaces kept. Linear in ``data``."""
    if "\n" not in data and "\r" not in data and "\t" not in data:
        return data
    return _SPACE_RUN.sub(_one_space, data)


def _one_space(run: re.Match[str]) -> str:
    text = run[0]
    return " " if "\n" in text or "\r" in text or "\t" in text else text


def _link(parts: list[str], at: int, href: str) -> None:
    """The text from ``parts[at]`` on made a Markdown link to ``href`` (``[docs](/x)``);
    an anchor without a target or without text (``<a name=x></a>``) is its text alone."""
    content = "".join(parts[at:])
    if href and content.strip():
        del parts[at:]
        parts.append(f"[{content}]({href})")


def _break(text: list[str]) -> None:
    """A line break in a cell's text, unless it is empty so far or at a line's start."""
    written = "".join(text[-2:])
    if text and written.strip(" ") and not written.endswith("\n"):
        text.append("\n")
