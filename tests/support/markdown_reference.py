"""The Markdown reader as it reads without folding tables into one token (markdown-it's own
tokens, every cell through its inline rule): the oracle tests/importer/readers/test_markdown.py compares
codegen.importer.readers.markdown with. Same features: containers, broken-table warnings, inline
code kept as code spans. What turns an inline token into text, the HTML blocks and the
broken-table warning are codegen's own: the oracle is about which tokens exist and which
cells go through the inline rule."""

from __future__ import annotations

import re

from markdown_it import MarkdownIt
from markdown_it.token import Token

from codegen.errors import InputError
from codegen.importer.readers.blocks import Block, BlockKind, RawRow, RawTable
from codegen.importer.readers.inline import inline_text
from codegen.importer.readers.markdown import _block_end, _broken_table, _html

_IGNORED = frozenset({"hr"})
_CONTAINERS = frozenset({"bullet_list_open", "ordered_list_open", "blockquote_open"})
_PREFIX = re.compile(r"^\s*(?:>\s?)*")


def read_markdown(source: str, path: str, warnings: list[InputError] | None = None) -> list[Block]:
    """The blocks of a Markdown page; a pipe table that is not read as one is reported in
    ``warnings``."""
    found = warnings if warnings is not None else []
    tokens = MarkdownIt("commonmark", {"html": True}).enable("table").parse(source)
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
        elif token.type == "table_open":
            blocks.append(Block("table", start_line + 1, table=_table(tokens[index:end], lines)))
        elif token.type == "html_block":
            consumed, html_blocks = _html(token, lines, path)
            blocks.extend(html_blocks)
        elif token.type in _CONTAINERS and any(t.type == "table_open" for t in tokens[index:end]):
            blocks.extend(_container(tokens[index:end], lines, path, found))
        elif token.type not in _IGNORED and token.map:
            _broken_table(token, lines, path, found)
            text = "\n".join(line.rstrip() for line in lines[token.map[0] : token.map[1]]).strip()
            if text:
                blocks.append(Block("paragraph", start_line + 1, text))
        index = end
    return blocks


def _container(
    tokens: list[Token], lines: list[str], path: str, warnings: list[InputError]
) -> list[Block]:
    """The paragraphs and tables of a list or block quote that holds a table."""
    blocks: list[Block] = []
    index = 0
    while index < len(tokens):
        token = tokens[index]
        end = _block_end(tokens, index) if token.type in ("table_open", "paragraph_open") else 0
        if token.type == "table_open" and token.map:
            table = _table(tokens[index:end], lines)
            blocks.append(Block("table", token.map[0] + 1, table=table))
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


def _table(tokens: list[Token], lines: list[str]) -> RawTable:
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
        cells = tuple(inline_text(t) for t in tokens[index:end] if t.type == "inline")
        row_line = token.map[0] if token.map else line - 1
        if not header:
            header = cells
        else:
            width = _source_cells(lines[row_line])
            cells = cells[:width] + ("",) * max(0, width - len(cells))
            rows.append(RawRow(cells, row_line + 1))
        index = end
    return RawTable(header, tuple(rows), line)


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
