"""The Markdown reader as it reads without folding tables into one token (markdown-it's own
tokens, every cell through its inline rule): the oracle tests/importer/readers/test_markdown.py compares
codegen.importer.readers.markdown with. Same features: containers, broken-table warnings, inline
code kept as code spans. What turns an inline token into text, the HTML blocks and the
broken-table warning are codegen's own: the oracle is about which tokens exist and which
cells go through the inline rule."""

from __future__ import annotations

import dataclasses
import re
from typing import Any

from markdown_it import MarkdownIt
from markdown_it.token import Token

from codegen.errors import InputError
from codegen.importer.readers.blocks import Block, BlockKind, RawRow, RawTable, note, skipped
from codegen.importer.readers.budget import PageBudget
from codegen.importer.readers.inline import inline_text
from codegen.importer.readers.lines import code_lines
from codegen.importer.readers.markdown import _block_end, _html
from codegen.importer.readers.metadata import heading_text, strip_metadata
from codegen.importer.readers.pipes import broken_table as _broken_table
from codegen.importer.readers.pipes import continues

_IGNORED = frozenset({"hr"})
_CONTAINERS = frozenset({"bullet_list_open", "ordered_list_open", "blockquote_open"})
_PREFIX = re.compile(r"^\s*(?:>\s?)*")


def read_markdown(source: str, path: str, warnings: list[InputError] | None = None) -> list[Block]:
    """The blocks of a Markdown page; a pipe table that is not read as one is reported in
    ``warnings``."""
    found = warnings if warnings is not None else []
    stripped = strip_metadata(source)
    md = MarkdownIt("commonmark", {"html": True}).enable("table")
    env: dict[str, Any] = {}
    tokens = md.parse(stripped.source, env)
    lines = stripped.source.split("\n")
    blocks: list[Block] = [Block("title", 1, stripped.title)] if stripped.title else []
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
            kind: BlockKind = "heading" if blocks else "title"
            blocks.append(Block(kind, start_line + 1, text, int(token.tag[1:])))
        elif token.type == "table_open":
            blocks += _tables(tokens[index:end], lines, md, path, found, env)
        elif token.type == "html_block":
            consumed, html_blocks = _html(token, lines, PageBudget(path), found)
            blocks.extend(html_blocks)
        elif token.type in _CONTAINERS and any(t.type == "table_open" for t in tokens[index:end]):
            blocks.extend(_container(tokens[index:end], lines, md, path, found, env))
        elif token.type not in _IGNORED and token.map:
            joined = _joined(token, blocks[-1] if blocks else None, lines, md, path, found, env)
            if joined is not None:
                blocks[-1] = joined
            else:
                blocks += _paragraph(token, lines, md, path, found, env)
        index = end
    return code_lines(blocks, lambda source: _inline(source, md, env), path, found)


def _joined(
    token: Token,
    above: Block | None,
    lines: list[str],
    md: MarkdownIt,
    path: str,
    warnings: list[InputError],
    env: dict[str, Any],
) -> Block | None:
    """The table above with this paragraph's pipe rows after its own, when only blank lines
    split them and their first cells have the table's first column's one shape."""
    if token.type != "paragraph_open" or above is None or above.table is None:
        return None
    assert token.map is not None
    first, last = token.map
    table, part = above.table, lines[first:last]
    if not table.rows or any(not line.lstrip().startswith("|") for line in part):
        return None
    if any(len(_row_sources(line)) != len(table.headers) for line in part):
        return None
    if any(line.strip() for line in lines[table.rows[-1].line : first]):
        return None
    cells = [tuple(_inline(cell, md, env) for cell in _row_sources(line)) for line in part]
    if not continues([row.cells[0] for row in table.rows], [row[0] for row in cells]):
        return None
    warnings.append(
        note(
            "a blank line splits this table: the rows below it are read as rows of the "
            f"table above (line {table.line})",
            path,
            first + 1,
            fix="Remove the blank line",
        )
    )
    more = tuple(RawRow(row, first + 1 + i) for i, row in enumerate(cells))
    return dataclasses.replace(above, table=dataclasses.replace(table, rows=table.rows + more))


def _paragraph(
    token: Token,
    lines: list[str],
    md: MarkdownIt,
    path: str,
    warnings: list[InputError],
    env: dict[str, Any],
) -> list[Block]:
    assert token.map is not None
    first, last = token.map
    part = lines[first:last]
    width = {len(_row_sources(line)) for line in part}
    if (
        token.type == "paragraph_open"
        and len(part) >= 2
        and all(line.lstrip().startswith("|") for line in part)
        and len(width) == 1
        and width.pop() >= 2
    ):
        warnings.append(
            note(
                "this table has no delimiter row (|---|) under its header; read as a "
                "table all the same",
                path,
                first + 1,
            )
        )
        cells = [tuple(_inline(cell, md, env) for cell in _row_sources(line)) for line in part]
        rows = tuple(RawRow(row, first + 2 + i) for i, row in enumerate(cells[1:]))
        return [Block("table", first + 1, table=RawTable(cells[0], rows, first + 1))]
    _broken_table(token, lines, path, warnings)
    text = "\n".join(line.rstrip() for line in part).strip()
    return [Block("paragraph", first + 1, text)] if text else []


def _row_sources(line: str) -> list[str]:
    text = line.strip().removeprefix("|")
    if text.endswith("|") and not text.endswith("\\|"):
        text = text[:-1]
    return [cell.strip() for cell in re.split(r"(?<!\\)\|", text)]


def _inline(source: str, md: MarkdownIt, env: dict[str, Any]) -> str:
    found = md.parseInline(source, env)
    return inline_text(found[0]) if found else ""


def _container(
    tokens: list[Token],
    lines: list[str],
    md: MarkdownIt,
    path: str,
    warnings: list[InputError],
    env: dict[str, Any],
) -> list[Block]:
    """The paragraphs and tables of a list or block quote that holds a table."""
    blocks: list[Block] = []
    index = 0
    while index < len(tokens):
        token = tokens[index]
        end = _block_end(tokens, index) if token.type in ("table_open", "paragraph_open") else 0
        if token.type == "table_open" and token.map:
            blocks += _tables(tokens[index:end], lines, md, path, warnings, env)
            index = end
        elif token.type == "paragraph_open" and token.map:
            _broken_table(token, lines, path, warnings)
            first, last = token.map
            text = "\n".join(_PREFIX.sub("", line).rstrip() for line in lines[first:last])
            if text.strip():
                blocks.append(Block("paragraph", first + 1, text.strip()))
            index = end
        else:
            index += 1
    return blocks


def _tables(
    tokens: list[Token],
    lines: list[str],
    md: MarkdownIt,
    path: str,
    warnings: list[InputError],
    env: dict[str, Any],
) -> list[Block]:
    header: tuple[str, ...] = ()
    rows: list[RawRow] = []
    line = (tokens[0].map[0] if tokens[0].map else 0) + 1
    index = 0
    while index < len(tokens):
        token = tokens[index]
        if token.type != "tr_open":
            index += 1
            continue
        end = _block_end(tokens, index)
        inlines = [t for t in tokens[index:end] if t.type == "inline"]
        cells = tuple(inline_text(t) for t in inlines)
        row_line = token.map[0] if token.map else line - 1
        if header and rows and all(re.fullmatch(r"\s*:?-+:?\s*", t.content) for t in inlines):
            top = rows.pop().line - 1
            done = [Block("table", line, table=RawTable(header, tuple(rows), line))]
            last = tokens[0].map[1] if tokens[0].map else len(lines)
            return done + _shifted_tables(lines, top, last, md, path, warnings, env)
        if not header:
            header = cells
        else:
            width = _source_cells(lines[row_line])
            if width > len(header):
                warnings.append(
                    skipped(
                        f"row has {width} cells but the header {len(header)}; the cells past "
                        f"the last column are left out",
                        "Give the row one cell per column",
                        path,
                        row_line + 1,
                    )
                )
            rows.append(RawRow(cells, row_line + 1))
        index = end
    return [Block("table", line, table=RawTable(header, tuple(rows), line))]


def _shifted_tables(
    lines: list[str],
    first: int,
    last: int,
    md: MarkdownIt,
    path: str,
    warnings: list[InputError],
    env: dict[str, Any],
) -> list[Block]:
    """The tables of ``lines[first:last]`` read on their own, their lines as in the page."""
    padded = [""] * first + lines[first:last]
    tokens = md.parse("\n".join(padded), env)
    blocks: list[Block] = []
    index = 0
    while index < len(tokens):
        if tokens[index].type == "table_open":
            end = _block_end(tokens, index)
            blocks += _tables(tokens[index:end], padded, md, path, warnings, env)
            index = end
        else:
            index += 1
    return blocks


def _source_cells(line: str) -> int:
    """How many cells a pipe-table row has in the source (markdown-it pads and truncates)."""
    text = _PREFIX.sub("", line).strip()
    text = text.removeprefix("|")
    if text.endswith("|") and not text.endswith("\\|"):
        text = text[:-1]
    count, escaped = 1, False
    for char in text:
        if escaped:
            escaped = False
        elif char == "\\":
            escaped = True
        elif char == "|":
            count += 1
    return count
