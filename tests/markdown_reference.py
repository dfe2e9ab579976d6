"""The Markdown reader as it reads without folding tables into one token (markdown-it's own
tokens, every cell through its inline rule): the oracle tests/test_markdown_fast.py compares
codegen.importers.markdown with. Same features: containers, broken-table warnings, inline
code kept as code spans."""

from __future__ import annotations

import re

from markdown_it import MarkdownIt
from markdown_it.token import Token

from codegen.errors import InputError
from codegen.importers.html import HtmlFragment
from codegen.importers.tables import Block, BlockKind, RawRow, RawTable, code_span, skipped

_IGNORED = frozenset({"hr"})
_CONTAINERS = frozenset({"bullet_list_open", "ordered_list_open", "blockquote_open"})
_PREFIX = re.compile(r"^\s*(?:>\s?)*")
_DELIMITER_CELL = re.compile(r"\s*:?-+:?\s*")


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
            text = _inline_text(tokens[index + 1])
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


_KEPT_MARKUP = frozenset({"strong_open", "strong_close", "em_open", "em_close"})


def _link_end(close: Token, inline: Token) -> str:
    """``](url)`` or ``](url "title")`` for the link that ``close`` ends."""
    children = inline.children or []
    at = children.index(close)
    depth = 0
    for token in reversed(children[:at]):
        if token.type == "link_close":
            depth += 1
        elif token.type == "link_open":
            if depth == 0:
                href = str(token.attrGet("href") or "")
                title = token.attrGet("title")
                return f']({href} "{title}")' if title else f"]({href})"
            depth -= 1
    return "]"


def _inline_text(token: Token) -> str:
    """The text of an inline token: markup dropped but inline code kept as a code span
    (`` `to` ``), entities decoded once, ``<br>`` a newline."""
    parts: list[str] = []
    for child in token.children or []:
        if child.type == "code_inline":
            parts.append(code_span(child.content))
        elif child.type in _KEPT_MARKUP:  # **bold**, _em_, __proto__: as the source wrote it
            parts.append(child.markup)
        elif child.type == "link_open":
            parts.append("<" if child.markup == "autolink" else "[")
        elif child.type == "link_close":
            parts.append(">" if child.markup == "autolink" else _link_end(child, token))
        elif child.type in ("text", "text_special"):
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
