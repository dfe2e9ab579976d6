"""Tables of plain text whose columns are aligned: by spaces, or drawn with ``|`` and rules.

::

    Code   Status   Message                    +------+----------------+
    ----   ------   ----------------------     | Code | Message        |
    1001   failed   The token has expired      +------+----------------+
     401   denied   The scope is not granted   | 1001 | Token expired  |
                    for this operation         +------+----------------+

Where each column starts is read from the **header** (cells apart by two spaces or more, a
full-width space, or ``|``) and the **whole table**: between two header cells, the
boundary is where no line of the table has a character (so a right-aligned code under a
left-aligned header is still its column's). A rule line of dashes under the header
(``----  -------``) gives the columns exactly. Widths are display widths: an East Asian
wide character (``コ``) takes two columns, a combining mark none, as a monospace font
shows them. Rule lines (``-``, ``=``, ``+``, ``|``, box drawing) are borders, not rows.

Rows are the lines after the header. A line with text only in the last column continues
the row above's last cell (a wrapped message, joined with one space, as the page shows
it); in a table drawn with rule lines between rows, each row is the lines between two
rules, its cells' lines so joined.

A line whose text runs across the gap between two columns (where the header has a gap but
this line a character) cannot be told apart without guessing: the import stops with that
line and column, rather than cut a message in two.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from codegen.errors import InputError
from codegen.importer.readers.blocks import RawRow, RawTable
from codegen.importer.readers.pipes import split_row

_GAP = re.compile(r"(?: {2,}|\u3000+)")
# A border: only these characters, with three dashes (or equals, ...) in a row somewhere.
# Two patterns, each linear (one pattern of both backtracked cubically on a long line).
_RULE_CHARS = re.compile(r"[\s\-=+|:_─━═│┃┼┬┴├┤┌┐└┘╋╪╫]*")
_RULE_RUN = re.compile(r"[-=─━═_]{3}")
_BLANK = frozenset(" \u3000")
_CELL = re.compile(r"[^ \u3000]+(?: [^ \u3000]+)*")  # a header cell: words one space apart
_FIX = "align the table's columns in the page (or separate the cells with tabs)"


def is_rule(line: str) -> bool:
    """Whether ``line`` is a border: dashes, equals signs, ``+``, ``|``, box drawing."""
    return bool(_RULE_CHARS.fullmatch(line) and _RULE_RUN.search(line))


def width(text: str) -> int:
    """The columns ``text`` takes in a monospace font: two for an East Asian wide or
    full-width character (Unicode's East Asian Width ``W``/``F``), none for a combining
    mark, one for any other."""
    return sum(_char_width(char) for char in text)


def _char_width(char: str) -> int:
    if unicodedata.combining(char):
        return 0
    return 2 if unicodedata.east_asian_width(char) in "WF" else 1


@dataclass(frozen=True)
class _Line:
    number: int
    text: str
    starts: tuple[int, ...]  # each character's first display column

    @classmethod
    def of(cls, number: int, text: str) -> _Line:
        starts, at = [], 0
        for char in text:
            starts.append(at)
            at += _char_width(char)
        return cls(number, text, tuple(starts))

    def occupied(self) -> set[int]:
        """The display columns a character other than a space takes."""
        taken: set[int] = set()
        for char, start in zip(self.text, self.starts):
            if char not in _BLANK:
                taken.update(range(start, start + max(1, _char_width(char))))
        return taken

    def cut(self, start: int, end: int | None) -> str:
        """The text of the characters starting in display columns [start, end), stripped."""
        return "".join(
            char
            for char, at in zip(self.text, self.starts)
            if at >= start and (end is None or at < end)
        ).strip(" \u3000")

    def word_at(self, display: int) -> int:
        """The 1-based character column where the word over display column ``display``
        begins (the text that runs across a gap, from its start)."""
        index = next((i for i, at in enumerate(self.starts) if at >= display), 0)
        while index > 0 and self.text[index - 1] not in _BLANK:
            index -= 1
        return index + 1


def header_cells(line: str) -> list[str]:
    """The cells of a header line of an aligned table: apart by ``|`` when the line has
    one, else by two spaces or more (or a full-width space)."""
    if "|" in line:
        return [cell for cell in split_row(line) if cell]
    return [cell for cell in _GAP.split(line.strip(" \u3000")) if cell]


def aligned_table(header_at: int, lines: Sequence[tuple[int, str]], path: str) -> RawTable:
    """The table whose header is ``lines[header_at]`` (line number, text) and whose rows
    are the lines after it. Raises :class:`InputError` when a line's text crosses the gap
    between two columns."""
    number, header = lines[header_at]
    body = [(n, text) for n, text in lines[header_at + 1 :]]
    if "|" in header:
        return _piped(number, header, body)
    rule = body[0][1] if body and is_rule(body[0][1]) and "|" not in body[0][1] else None
    head = _Line.of(number, header)
    rows = [_Line.of(n, text) for n, text in body if not is_rule(text)]
    starts = _starts(head, rule, rows, path)
    cells = [_cells(line, starts) for line in rows]
    table_rows = _joined([(line.number, row) for line, row in zip(rows, cells)])
    return RawTable(tuple(_cells(head, starts)), tuple(table_rows), number)


def _starts(head: _Line, rule: str | None, rows: list[_Line], path: str) -> list[int]:
    """The display column where each column starts; an error when a row's text crosses
    from one column into the next."""
    cells = [(m.start(), m.end()) for m in _CELL.finditer(head.text)]
    names = [head.text[a:b] for a, b in cells]
    if rule is not None:
        starts = [m.start() for m in re.finditer(r"\S+", rule)]  # ASCII: a column per char
        names = [head.cut(a, b) for a, b in zip(starts, [*starts[1:], None])]
    else:
        spans = [
            (head.starts[a], head.starts[b - 1] + _char_width(head.text[b - 1])) for a, b in cells
        ]
        taken = set().union(*(line.occupied() for line in rows))
        starts = [0]
        for (_, end), (following, _) in itertools.pairwise(spans):
            free = [p for p in range(end, following) if p not in taken]
            starts.append(free[-1] + 1 if free else following)
    for line in rows:
        occupied = line.occupied()
        for at, start in enumerate(starts[1:], start=1):
            if start - 1 in occupied and start in occupied:
                raise InputError(
                    f"the text of this line runs across the gap between the columns "
                    f"{names[at - 1]!r} and {names[at]!r} of the header at line "
                    f"{head.number}, so its cells cannot be told apart; {_FIX}",
                    path,
                    line.number,
                    line.word_at(start - 1),
                )
    return starts


def _cells(line: _Line, starts: list[int]) -> tuple[str, ...]:
    ends: list[int | None] = [*starts[1:], None]
    return tuple(line.cut(start, end) for start, end in zip(starts, ends))


def _piped(number: int, header: str, body: list[tuple[int, str]]) -> RawTable:
    """A table drawn with ``|``: rule lines between the rows (a grid) make each row the
    lines between two rules; without them each line is a row."""
    headers = tuple(split_row(header))
    grid = sum(1 for _, text in body if is_rule(text)) > 1
    rows: list[tuple[int, tuple[str, ...]]] = []
    pieces: list[tuple[int, list[str]]] = []
    for n, text in body:
        if is_rule(text):
            if grid and pieces:
                rows.append(_grid_row(pieces))
                pieces = []
            continue
        cells = split_row(text)
        cells += [""] * (len(headers) - len(cells))
        if grid:
            pieces.append((n, cells))
        else:
            rows.append((n, tuple(cells)))
    if pieces:
        rows.append(_grid_row(pieces))
    return RawTable(headers, tuple(_joined(rows)), number)


def _grid_row(pieces: list[tuple[int, list[str]]]) -> tuple[int, tuple[str, ...]]:
    columns = zip(*(cells for _, cells in pieces))
    return pieces[0][0], tuple(" ".join(c for c in column if c) for column in columns)


def _joined(rows: list[tuple[int, tuple[str, ...]]]) -> list[RawRow]:
    """The rows, a line with text only in its last cell joined to the row above's."""
    joined: list[RawRow] = []
    for number, cells in rows:
        if joined and cells and not any(cells[:-1]) and cells[-1]:
            last = joined[-1]
            merged = (*last.cells[:-1], f"{last.cells[-1]} {cells[-1]}".strip())
            joined[-1] = RawRow(merged, last.line, last.column)
        elif any(cells):
            joined.append(RawRow(cells, number))
    return joined
