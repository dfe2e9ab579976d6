"""Plain text: tables copied off a rendered page, tables aligned with spaces, lists of codes.

The page is read in paragraphs (runs of non-blank lines). The first line is the page title
(with its underline, ``===`` or ``---``, when it has one). A table is found in a paragraph
in this order:

1. Two lines in a row with tabs: a table copied off a rendered page. Cells are separated by
   single tabs (an empty cell is two tabs in a row), the first of those lines is the
   header, every following line of the paragraph a row.
2. A line of two cells or more apart by two spaces or more (or ``|``), with a rule line
   under it or a known code header among its cells: an aligned table (:mod:`.aligned`),
   columns told by where the whole table has no text.
3. A line made only of known column headers (:mod:`codegen.importer.columns.headers`,
   multi-word headers such as ``Code Value`` matched greedily, longest first), one of them
   a code column: a table copied without borders, its columns told apart by
   :mod:`.borderless`.

Any other one-line paragraph (or a line with its underline) that is short, has no colon,
does not end like a sentence and does not start with a list marker (``1)``, ``-``, ``※``
...) is heading-like, without the mark that may decorate it (``■ Errors`` is ``Errors``);
everything else is a note. A page without a table may list its codes one per line
(:mod:`.lines`). A last line ``TOP`` (the back-to-top link) is not content.
"""

from __future__ import annotations

import re

from codegen.errors import InputError
from codegen.importer.columns.headers import HeaderDictionary, normalize
from codegen.importer.readers.aligned import aligned_table, header_cells, is_rule
from codegen.importer.readers.blocks import Block, RawRow, RawTable
from codegen.importer.readers.borderless import borderless_table, role_of
from codegen.importer.readers.lines import code_lines

_LIST_MARKER = re.compile(r"(?:\d+[.)]|[(（]\d+[)）]|[-*+•・※]|[①-⑳])")
_HEADING_MARK = re.compile(r"[■□◆◇▶▷►●◎★☆▪]+[ \u3000]*")  # ■ Errors: a heading, its mark left out
_UNDERLINE = re.compile(r"[ \t]*(?:=+|-+|─+|━+|═+)[ \t]*")
_SENTENCE_END = tuple("。．.!?！？")
_BACK_TO_TOP = frozenset({"top", "backtotop", "pagetop", "↑top", "▲top", "ページトップ", "맨위로"})
_MAX_HEADING = 60
_ALIGNED_GAP = re.compile(r"\S(?: {2,}| *\u3000[ \u3000]*)\S")  # spaces, then one \u3000


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
    return code_lines(blocks, str.strip, path, warnings)


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
    aligned_at = None if tabs_at is not None else _aligned_header(lines, words)
    header_at = (
        tabs_at
        if tabs_at is not None
        else (
            aligned_at
            if aligned_at is not None
            else next(
                (i for i in range(len(lines) - 1) if _table_header(lines[i], words)), len(lines)
            )
        )
    )
    top = header_at
    while (
        top > 0
        and is_rule(lines[top - 1])
        and (top < 2 or not _UNDERLINE.fullmatch(lines[top - 1]))
    ):
        top -= 1  # the border above an aligned table's header
    blocks: list[Block] = []
    offset = 0
    if first and top > 0:
        offset = 2 if top > 1 and _UNDERLINE.fullmatch(lines[1]) else 1
        blocks.append(Block("title", start, _heading(lines[0])))
    before = lines[offset:top]
    if len(before) == 2 and _UNDERLINE.fullmatch(before[1]):
        before = before[:1]  # a heading underlined with === or ---
    if len(before) == 1 and _heading_like(before[0]):
        blocks.append(Block("heading", start + offset, _heading(before[0])))
    elif before:
        blocks.append(Block("paragraph", start + offset, "\n".join(before)))
    if tabs_at is not None:
        table = _tab_table(lines[tabs_at:], start + tabs_at)
        blocks.append(Block("table", start + tabs_at, table=table))
    elif aligned_at is not None:
        numbered = [(start + i, line) for i, line in enumerate(lines)]
        table = aligned_table(aligned_at, numbered, path)
        blocks.append(Block("table", start + aligned_at, table=table))
    elif header_at < len(lines):
        headers = _table_header(lines[header_at], words) or []
        body = [(start + i, lines[i]) for i in range(header_at + 1, len(lines))]
        table = borderless_table(headers, body, start + header_at, path, words, warnings)
        blocks.append(Block("table", start + header_at, table=table))
    return blocks


def _aligned_header(lines: list[str], words: HeaderDictionary) -> int | None:
    """The index of the header of an aligned table (:mod:`.aligned`): a line of two cells
    or more, not the last, with a rule line under it or a code column among its cells."""
    for i, line in enumerate(lines[:-1]):
        if is_rule(line) or not (_ALIGNED_GAP.search(line.strip()) or "|" in line):
            continue
        cells = header_cells(line)
        if len(cells) >= 2 and (
            is_rule(lines[i + 1]) or any(role_of(words, cell).kind == "code" for cell in cells)
        ):
            return i
    return None


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


def _heading(line: str) -> str:
    """A heading line's text, without the mark that decorates it (``■ Errors``)."""
    text = line.strip()
    marked = _HEADING_MARK.match(text)
    return text[marked.end() :] if marked and marked.end() < len(text) else text


def _heading_like(line: str) -> bool:
    text = line.strip()
    return (
        0 < len(text) <= _MAX_HEADING
        and not text.endswith(_SENTENCE_END)
        and not any(mark in text for mark in (":", "：", "。"))
        and not _LIST_MARKER.match(text)
    )
