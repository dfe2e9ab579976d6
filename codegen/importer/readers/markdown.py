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

Speed and memory (a page of 100,000 rows): as soon as markdown-it's table rule has read a
table, its tokens (14 per row of four cells) are replaced by one token holding only each
row's line and cell sources, so the whole page's table tokens never exist at once; and a
cell's inline markup is parsed only when the cell has a character that can start one
(markdown-it's own ``terminator_re``): any other cell is one text token, its source. A
cell parsed once is not parsed again (``-1000`` in every product's table).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from markdown_it import MarkdownIt
from markdown_it.rules_block import StateBlock
from markdown_it.token import Token

from codegen.errors import InputError
from codegen.importer.readers.blocks import Block, BlockKind, RawRow, RawTable, skipped
from codegen.importer.readers.html import HtmlFragment
from codegen.importer.readers.inline import inline_text

_IGNORED = frozenset({"hr"})
_TABLE = "codegen_table"  # the one token that stands for a whole pipe table
Row = tuple[int, tuple[str, ...]]  # a row's 0-based source line and its cells' inline sources
_CONTAINERS = frozenset({"bullet_list_open", "ordered_list_open", "blockquote_open"})
_PREFIX = re.compile(r"^\s*(?:>\s?)*")
_DELIMITER_CELL = re.compile(r"\s*:?-+:?\s*")


def read_markdown(source: str, path: str, warnings: list[InputError] | None = None) -> list[Block]:
    """The blocks of a Markdown page; a pipe table that is not read as one is reported in
    ``warnings``."""
    found = warnings if warnings is not None else []
    md = _parser()
    env: dict[str, Any] = {}
    tokens = md.parse(source, env)
    parsed: dict[str, str] = {}  # cell source -> text, for cells with possible markup
    lines = source.split("\n")
    blocks: list[Block] = []
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
            text = inline_text(tokens[index + 1])
            kind: BlockKind = "title" if start_line == 0 else "heading"
            blocks.append(Block(kind, start_line + 1, text, int(token.tag[1:])))
        elif token.type == _TABLE:
            table = _table(token, lines, md, env, parsed)
            blocks.append(Block("table", start_line + 1, table=table))
        elif token.type == "html_block":
            consumed, html_blocks = _html(token, lines, path)
            blocks.extend(html_blocks)
        elif token.type in _CONTAINERS and any(t.type == _TABLE for t in tokens[index:end]):
            reader = _Reader(lines, path, found, md, env, parsed)
            blocks.extend(reader.container(tokens[index:end]))
        elif token.type not in _IGNORED and token.map:
            _broken_table(token, lines, path, found)
            text = "\n".join(line.rstrip() for line in lines[token.map[0] : token.map[1]]).strip()
            if text:
                blocks.append(Block("paragraph", start_line + 1, text))
        index = end
    return blocks


def _parser() -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": True}).enable("table")
    ruler = md.block.ruler
    rule = ruler.__rules__[ruler.__find__("table")]
    ruler.at("table", _compact(rule.fn), {"alt": list(rule.alt)})  # alt: may end a paragraph
    return md


def _compact(rule: Callable[[StateBlock, int, int, bool], bool]) -> Any:
    """markdown-it's table rule, its tokens folded into one ``codegen_table`` token whose
    ``meta["rows"]`` holds the header row and the body rows (markdown-it's own cells)."""
    original = rule

    def table(state: StateBlock, start: int, end: int, silent: bool) -> bool:
        first = len(state.tokens)
        if not original(state, start, end, silent):
            return False
        if silent:
            return True
        produced = state.tokens[first:]
        del state.tokens[first:]
        rows: list[Row] = []
        cells: list[str] = []
        line = 0
        for token in produced:
            if token.type == "tr_open":
                cells = []
                line = token.map[0] if token.map else 0
            elif token.type == "inline":
                cells.append(token.content)
            elif token.type == "tr_close":
                rows.append((line, tuple(cells)))
        opening = produced[0]
        token = Token(_TABLE, "table", 0, map=opening.map, level=opening.level, block=True)
        token.meta["rows"] = rows
        state.tokens.append(token)
        return True

    return table


class _Reader:
    """What reading a container needs: the page's lines and parser, and the warnings."""

    def __init__(
        self,
        lines: list[str],
        path: str,
        warnings: list[InputError],
        md: MarkdownIt,
        env: dict[str, Any],
        parsed: dict[str, str],
    ) -> None:
        self.lines, self.path, self.warnings = lines, path, warnings
        self.md, self.env, self.parsed = md, env, parsed

    def container(self, tokens: list[Token]) -> list[Block]:
        """The paragraphs and tables of a list or block quote that holds a table."""
        blocks: list[Block] = []
        index = 0
        while index < len(tokens):
            token = tokens[index]
            if token.type == _TABLE and token.map:
                table = _table(token, self.lines, self.md, self.env, self.parsed)
                blocks.append(Block("table", token.map[0] + 1, table=table))
                index += 1
            elif token.type == "paragraph_open" and token.map:
                _broken_table(token, self.lines, self.path, self.warnings)
                first, last = token.map
                lines = self.lines[first:last]
                text = "\n".join(_PREFIX.sub("", line).rstrip() for line in lines)
                if text.strip():
                    blocks.append(Block("paragraph", first + 1, text.strip()))
                index = _block_end(tokens, index)
            else:
                index += 1
        return blocks


def _broken_table(token: Token, lines: list[str], path: str, warnings: list[InputError]) -> None:
    """Report a paragraph that is a pipe table but for its delimiter row's cell count."""
    if token.type != "paragraph_open" or not token.map or token.map[1] - token.map[0] < 2:
        return
    first = _PREFIX.sub("", lines[token.map[0]])
    second = _PREFIX.sub("", lines[token.map[0] + 1]).strip().strip("|")
    cells = second.split("|")
    if "|" not in first or not all(_DELIMITER_CELL.fullmatch(cell) for cell in cells):
        return
    header = _source_cells(first)
    if header != len(cells):
        warnings.append(
            skipped(
                f"table has {header} header cells but {len(cells)} in its delimiter row, "
                "so it is not a table in Markdown",
                "Give the delimiter row one |---| per column",
                path,
                token.map[0] + 1,
            )
        )


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


def _html(token: Token, lines: list[str], path: str) -> tuple[int, list[Block]]:
    assert token.map is not None
    first, last = token.map
    fragment = HtmlFragment(path, first + 1)
    fragment.feed("\n".join(lines[first:last]) + "\n")
    while fragment.open_table and last < len(lines):
        fragment.feed(lines[last] + "\n")
        last += 1
    return last, fragment.blocks()


def _table(
    token: Token, lines: list[str], md: MarkdownIt, env: dict[str, Any], parsed: dict[str, str]
) -> RawTable:
    header: tuple[str, ...] = ()
    rows: list[RawRow] = []
    line = (token.map[0] if token.map else 0) + 1
    terminator = md.inline.terminator_re.search
    for row_line, sources in token.meta["rows"]:
        cells = tuple(
            source.strip()
            if not terminator(source)
            else parsed.get(source) or parsed.setdefault(source, _cell_text(source, md, env))
            for source in sources
        )
        if not header:
            header = cells
        else:
            width = _source_cells(lines[row_line])
            cells = cells[:width] + ("",) * max(0, width - len(cells))
            rows.append(RawRow(cells, row_line + 1))
    return RawTable(header, tuple(rows), line)


def _cell_text(source: str, md: MarkdownIt, env: dict[str, Any]) -> str:
    """A cell with a character that may start inline markup, read by markdown-it's inline
    parser (what its ``inline`` core rule does for every inline token)."""
    cell = Token("inline", "", 0, content=source, children=[])
    md.inline.parse(source, md, env, cell.children)  # type: ignore[arg-type]
    return inline_text(cell)


def _source_cells(line: str) -> int:
    """How many cells a pipe-table row has in the source (markdown-it pads and truncates)."""
    text = _PREFIX.sub("", line).strip()
    text = text.removeprefix("|")
    if text.endswith("|") and not text.endswith("\\|"):
        text = text[:-1]
    if "\\" not in text:
        return text.count("|") + 1
    count, escaped = 1, False
    for char in text:
        if escaped:
            escaped = False
        elif char == "\\":
            escaped = True
        elif char == "|":
            count += 1
    return count
