"""The Markdown reader as it was before tables were folded into one token (commit 1aa55c4):
the oracle tests/test_markdown_fast.py compares codegen.importers.markdown with."""

from __future__ import annotations

from markdown_it import MarkdownIt
from markdown_it.token import Token

from codegen.importers.html import HtmlFragment
from codegen.importers.tables import Block, BlockKind, RawRow, RawTable

_IGNORED = frozenset({"hr"})


def read_markdown(source: str, path: str) -> list[Block]:
    """The blocks of a Markdown page."""
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
            text = _inline_text(tokens[index + 1])
            kind: BlockKind = "title" if start_line == 0 else "heading"
            blocks.append(Block(kind, start_line + 1, text, int(token.tag[1:])))
        elif token.type == "table_open":
            blocks.append(Block("table", start_line + 1, table=_table(tokens[index:end], lines)))
        elif token.type == "html_block":
            consumed, html_blocks = _html(token, lines, path)
            blocks.extend(html_blocks)
        elif token.type not in _IGNORED and token.map:
            text = "\n".join(line.rstrip() for line in lines[token.map[0] : token.map[1]]).strip()
            if text:
                blocks.append(Block("paragraph", start_line + 1, text))
        index = end
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


def _html(token: Token, lines: list[str], path: str) -> tuple[int, list[Block]]:
    assert token.map is not None
    first, last = token.map
    fragment = HtmlFragment(path, first + 1)
    fragment.feed("\n".join(lines[first:last]) + "\n")
    while fragment.open_table and last < len(lines):
        fragment.feed(lines[last] + "\n")
        last += 1
    return last, fragment.blocks()


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
        cells = tuple(_inline_text(t) for t in tokens[index:end] if t.type == "inline")
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
    text = line.strip()
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


def _inline_text(token: Token) -> str:
    """The text of an inline token: markup dropped, entities decoded once, ``<br>`` a newline."""
    parts: list[str] = []
    for child in token.children or []:
        if child.type in ("text", "code_inline", "text_special"):
            parts.append(child.content)
        elif (
            child.type in ("softbreak", "hardbreak")
            or child.type == "html_inline"
            and child.content.lower().startswith("<br")
        ):
            parts.append("\n")
        elif child.type == "image":
            parts.append(_inline_text(child))
    lines = "".join(parts).split("\n")
    return "\n".join(line.strip() for line in lines).strip()
