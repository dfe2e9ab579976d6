"""Plain text copied off a rendered page: tables without borders, merged cells written once.

The page is read in paragraphs (runs of non-blank lines). The first line is the page title.
Two lines in a row with tabs start a table copied off a rendered page: cells are separated
by single tabs (an empty cell is two tabs in a row), the first of those lines is the header,
and every following line of the paragraph is a row. Otherwise, a line made only of known
column headers (:mod:`codegen.importer.columns.headers`, multi-word headers such as
``Code Value`` matched greedily, longest first), one of them a code column, starts a table
whose rows are the following lines of its paragraph. Any other one-line paragraph that is
short, has no colon, does not end like a sentence and does not start with a list marker
(``1)``, ``-``, ``※``...) is heading-like; everything else is a note. A last line ``TOP``
(the back-to-top link) is not content.

The columns of a table copied without borders are told apart by :mod:`.borderless`.
"""

from __future__ import annotations

import re

from codegen.errors import InputError
from codegen.importer.columns.headers import HeaderDictionary, normalize
from codegen.importer.readers.blocks import Block, RawRow, RawTable
from codegen.importer.readers.borderless import borderless_table, role_of

_LIST_MARKER = re.compile(r"(?:\d+[.)]|[(（]\d+[)）]|[-*+•・※◆■●▶]|[①-⑳])")
_SENTENCE_END = tuple("。．.!?！？")
_BACK_TO_TOP = frozenset({"top", "backtotop", "pagetop", "↑top", "▲top", "ページトップ", "맨위로"})
_MAX_HEADING = 60


def read_text(
    source: str, path: str, words: HeaderDictionary, warnings: list[InputError]
) -> list[Block]:
    """The blocks of a plain-text page."""
    lines = [line.rstrip() for line in source.split("\n")]
    while lines and not lines[-1]:
        lines.pop()
    if lines and normalize(lines[-1]) in _BACK_TO_TOP:
        lines.pop()
    blocks: list[Block] = []
    for start, paragraph in _paragraphs(lines):
        blocks.extend(_paragraph(start, paragraph, not blocks, path, words, warnings))
    return blocks


def _paragraphs(lines: list[str]) -> list[tuple[int, list[str]]]:
    paragraphs: list[tuple[int, list[str]]] = []
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        if paragraphs and paragraphs[-1][0] + len(paragraphs[-1][1]) == number:
            paragraphs[-1][1].append(line)
        else:
            paragraphs.append((number, [line]))
    return paragraphs


def _paragraph(
    start: int,
    lines: list[str],
    first: bool,
    path: str,
    words: HeaderDictionary,
    warnings: list[InputError],
) -> list[Block]:
    tabs_at = next(
        (i for i in range(len(lines) - 1) if "\t" in lines[i] and "\t" in lines[i + 1]), None
    )
    header_at = (
        tabs_at
        if tabs_at is not None
        else next((i for i in range(len(lines) - 1) if _table_header(lines[i], words)), len(lines))
    )
    blocks: list[Block] = []
    offset = 1 if first and header_at > 0 else 0
    if offset:
        blocks.append(Block("title", start, lines[0].strip()))
    before = lines[offset:header_at]
    if len(before) == 1 and _heading_like(before[0]):
        blocks.append(Block("heading", start + offset, before[0].strip()))
    elif before:
        blocks.append(Block("paragraph", start + offset, "\n".join(before)))
    if tabs_at is not None:
        table = _tab_table(lines[tabs_at:], start + tabs_at)
        blocks.append(Block("table", start + tabs_at, table=table))
    elif header_at < len(lines):
        headers = _table_header(lines[header_at], words) or []
        body = [(start + i, lines[i]) for i in range(header_at + 1, len(lines))]
        table = borderless_table(headers, body, start + header_at, path, words, warnings)
        blocks.append(Block("table", start + header_at, table=table))
    return blocks


def _tab_table(lines: list[str], line: int) -> RawTable:
    """A table whose cells are separated by tabs; a row's trailing empty cells (whose tabs
    the end of the line lost) are restored."""
    headers = tuple(cell.strip() for cell in lines[0].split("\t"))
    rows = []
    for offset, text in enumerate(lines[1:], start=1):
        cells = [cell.strip() for cell in text.split("\t")]
        if "\t" in text and len(cells) < len(headers):
            cells += [""] * (len(headers) - len(cells))
        rows.append(RawRow(tuple(cells), line + offset))
    return RawTable(headers, tuple(rows), line)


def _table_header(line: str, words: HeaderDictionary) -> list[str] | None:
    headers = words.split_line(line)
    if headers and len(headers) >= 2 and any(role_of(words, h).kind == "code" for h in headers):
        return headers
    return None


def _heading_like(line: str) -> bool:
    text = line.strip()
    return (
        0 < len(text) <= _MAX_HEADING
        and not text.endswith(_SENTENCE_END)
        and not any(mark in text for mark in (":", "：", "。"))
        and not _LIST_MARKER.match(text)
    )
