"""markdown-it's GFM table rule, folded: a pipe table becomes one ``codegen_table`` token.

markdown-it's table rule makes five tokens a row and three a cell (about 1 KB a cell),
all of the table's before it returns: a table of 200,000 rows of ten cells took 2.3 GB.
Here each row's tokens are folded, as the row closes, into its 0-based source line and its
cells' inline sources, and the table into one token whose ``meta["rows"]`` holds them
(140 MB for the same table). What the rule accepts as a table, and its cells, are its own.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Literal

from markdown_it import MarkdownIt
from markdown_it.rules_block import StateBlock
from markdown_it.token import Token

TABLE = "codegen_table"  # the one token that stands for a whole pipe table
Row = tuple[int, tuple[str, ...]]  # a row's 0-based source line and its cells' inline sources
Nesting = Literal[-1, 0, 1]


def parser() -> MarkdownIt:
    """CommonMark with raw HTML and GFM tables, whose table rule folds each table into one
    ``codegen_table`` token (:func:`compact`)."""
    md = MarkdownIt("commonmark", {"html": True}).enable("table")
    ruler = md.block.ruler
    rule = ruler.__rules__[ruler.__find__("table")]
    ruler.at("table", compact(rule.fn), {"alt": list(rule.alt)})  # alt: may end a paragraph
    return md


def compact(
    rule: Callable[[StateBlock, int, int, bool], bool],
) -> Callable[[StateBlock, int, int, bool], bool]:
    """markdown-it's table rule, its tokens folded into one ``codegen_table`` token whose
    ``meta["rows"]`` holds the header row and the body rows (markdown-it's own cells)."""
    original = rule

    def table(state: StateBlock, start: int, end: int, silent: bool) -> bool:
        if silent:
            return original(state, start, end, silent)
        first = len(state.tokens)
        rows: list[Row] = []
        state.push = _folding(state, rows)  # type: ignore[method-assign,assignment]
        try:
            read = original(state, start, end, silent)
        finally:
            del state.push  # the class's own push again
        produced = state.tokens[first:]
        del state.tokens[first:]
        if not read or not produced:
            return False
        opening = produced[0]
        token = Token(TABLE, "table", 0, map=opening.map, level=opening.level, block=True)
        token.meta["rows"] = rows
        state.tokens.append(token)
        return True

    return table


def _folding(state: StateBlock, rows: list[Row]) -> Callable[[str, str, Nesting], Token]:
    """``state.push`` for one table: each row's tokens (markdown-it's three a cell and two
    a row, about 1 KB a cell) are folded into ``rows`` as the row closes, its line and its
    cells' inline sources, so a table never holds more than one row's tokens."""
    push = type(state).push
    opened = len(state.tokens)

    def folding_push(kind: str, tag: str, nesting: Nesting) -> Token:
        nonlocal opened
        token = push(state, kind, tag, nesting)
        if kind == "tr_open":
            opened = len(state.tokens) - 1
        elif kind == "tr_close":
            row = state.tokens[opened:]
            line = row[0].map[0] if row[0].map else 0
            rows.append((line, tuple(t.content for t in row if t.type == "inline")))
            del state.tokens[opened:]
        return token

    return folding_push
