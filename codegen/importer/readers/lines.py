"""Codes listed one per line, without a table: ``E_TOKEN_MISSING: the request has no token``.

Many pages and READMEs list their codes so, under headings, as plain lines or list items.
:func:`code_lines` reads such lines as a table of two columns, code and message, but only
on a page that has no table at all (a page with tables lists its codes in them; its lines
are notes). A line of such a list is

- an optional list marker (``-``, ``*``, ``+``, ``•``, ``1.``, ``1)``);
- a code, bare or as one inline form (`` `E1` ``, ``**E1**``, ``**E1:**``): an integer, or
  ASCII letters and digits joined by ``_``, ``-`` or ``.``, but not a word in lower or
  title case unless in a code span (``Note:`` is prose, `` `unauthorized`: `` a code);
- a separator: a colon (``:``, ``：``), a dash between spaces (`` - ``, `` – ``,
  `` — ``) or a tab;
- the message, the rest of the line verbatim; a following indented line that is not itself
  a code line continues it (joined with one space, as a browser shows the wrapped line).

Lines so written are read as a list only where they can hardly be prose: two lines at
least in a row (blank lines between list items allowed), no code twice, and at least half
of the codes written as only codes are: an integer, with a digit, words joined by ``_``
(``card_declined``, ``E_TOKEN_MISSING``) or upper-case words joined by ``-`` (``NOTE:``
and ``WARNING:``, file names such as ``intro.md`` or slugs such as ``row-number`` alone
are not a list). Each list read so is reported with a note giving its lines, so a
reviewer knows where the codes came from; a line written so outside any list, on a page
that has one, is reported as skipped.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from codegen.errors import InputError
from codegen.importer.readers.blocks import Block, RawRow, RawTable, note, skipped

HEADERS = ("code", "message")  # the columns of a list read as a table
_MARKER = re.compile(r"(?:[-*+•・]|\d{1,3}[.)])\s+")
_CODE = r"-?\d+|[A-Za-z][A-Za-z0-9]*(?:[_.-][A-Za-z0-9]+)*"
_SEPARATOR = r"\s*[:：]|\s+[-–—]\s|\t"
_LINE = re.compile(
    rf"(?P<open>\*\*|__)?(?P<tick>`?)(?P<code>{_CODE})(?P=tick)(?P<early>{_SEPARATOR})?"
    rf"(?(open)(?P=open))(?(early)|(?P<late>{_SEPARATOR}))\s*(?P<message>\S.*)"
)
# A code only a code is written so: an integer, with a digit, or words joined by "_" (and no
# "."), or upper-case words joined by "-". Half of a list's codes at least are so written.
# Linear: no part can take what the part after it starts with.
_CODELIKE = re.compile(r"-?\d+|[^\d\n]*\d.*|[A-Za-z0-9]*_[A-Za-z0-9_]*|[A-Z0-9]+(?:-[A-Z0-9]+)+")
_WORD = re.compile(r"[A-Z]?[a-z]+")  # never a code unless in a code span
_MIN_LINES = 2


@dataclass(frozen=True)
class _Line:
    number: int
    column: int
    code: str  # its source, markup included
    message: str  # its source


def code_lines(
    blocks: Sequence[Block], cell: Callable[[str], str], path: str, warnings: list[InputError]
) -> list[Block]:
    """``blocks`` with each list of ``CODE: message`` lines made a table block (and the
    notes above and below it kept as paragraphs), when no block is a table; else
    ``blocks`` as they are. ``cell`` turns a code's or a message's source into its text as
    the reader reads a table cell (Markdown: inline markup kept, entities decoded)."""
    if any(block.kind == "table" for block in blocks):
        return list(blocks)
    result: list[Block] = []
    pending: list[Block] = []  # consecutive paragraphs, not read yet
    lone: list[_Line] = []  # code lines in no list
    for block in [*blocks, None]:
        if block is not None and block.kind == "paragraph":
            pending.append(block)
            continue
        result += _read(pending, cell, path, warnings, lone)
        pending = []
        if block is not None:
            result.append(block)
    if any(block.kind == "table" for block in result):  # a list was read: a lone line is lost
        for line in lone:
            what = f"line {line.number} is a `CODE: message` line ({line.code}) outside a list"
            fix = "Write it beside the other codes of its list, one per line"
            warnings.append(skipped(what, fix, path, line.number, line.column))
    return result


def _read(
    paragraphs: list[Block],
    cell: Callable[[str], str],
    path: str,
    warnings: list[InputError],
    lone: list[_Line],
) -> list[Block]:
    """Consecutive paragraphs, their lists made tables; the rest of each stays as it was."""
    lines = [
        (at, block.line + i, text)
        for at, block in enumerate(paragraphs)
        for i, text in enumerate(block.text.split("\n"))
    ]
    blocks: list[Block] = []
    notes: list[tuple[int, int, str]] = []
    numbered = [(number, text) for _, number, text in lines]
    index = 0
    while index < len(lines):
        run, after = _run(numbered, index)
        if not _is_list(run):
            lone += [line for line in run if _CODELIKE.fullmatch(line.code)]
            notes += lines[index:after]
            index = after
            continue
        blocks += _notes(notes, paragraphs)
        notes = []
        blocks.append(_table(run, cell))
        first, last = run[0].number, run[-1].number
        where = f"lines {first}-{last}" if last > first else f"the lines at {first}"
        what = f"{where} are read as a list of codes, one `CODE: message` per line"
        warnings.append(note(what, path, first))
        index = after
    return blocks + _notes(notes, paragraphs)


def _notes(notes: list[tuple[int, int, str]], paragraphs: list[Block]) -> list[Block]:
    """The paragraphs the lines ``notes`` (paragraph index, line, text) come from: a whole
    paragraph as it was, part of one as its lines."""
    blocks: list[Block] = []
    for at in sorted({at for at, _, _ in notes}):
        own = [(number, text) for index, number, text in notes if index == at]
        if len(own) == paragraphs[at].text.count("\n") + 1:
            blocks.append(paragraphs[at])
        elif any(text.strip() for _, text in own):
            blocks.append(_paragraph(own))
    return blocks


def _run(lines: list[tuple[int, str]], start: int) -> tuple[list[_Line], int]:
    """The code lines from ``start`` on (with their continuations), and the index after."""
    run: list[_Line] = []
    index = start
    while index < len(lines):
        number, text = lines[index]
        if not text.strip():
            index += 1
            continue
        found = _code_line(number, text)
        if found is not None:
            run.append(found)
        elif run and text[:1].isspace() and not _MARKER.match(text.lstrip()):
            last = run[-1]
            message = f"{last.message} {text.strip()}"
            run[-1] = _Line(last.number, last.column, last.code, message)
        else:
            break
        index += 1
    while index > start and not lines[index - 1][1].strip():
        index -= 1  # trailing blank lines belong to what follows
    return run, max(index, start + 1)


def _code_line(number: int, text: str) -> _Line | None:
    stripped = text.lstrip()
    marker = _MARKER.match(stripped)
    body = stripped[marker.end() :] if marker else stripped
    found = _LINE.fullmatch(body.rstrip())
    if found is None or (_WORD.fullmatch(found["code"]) and not found["tick"]):
        return None  # Note: …, Example: … (a word in a code span is a code: `unauthorized`)
    column = len(text) - len(body) + 1
    return _Line(number, column, found["code"], found["message"])


def _is_list(run: list[_Line]) -> bool:
    codes = [line.code for line in run]
    codelike = sum(1 for code in codes if _CODELIKE.fullmatch(code))
    return len(run) >= _MIN_LINES and len(set(codes)) == len(codes) and codelike * 2 >= len(codes)


def _table(run: list[_Line], cell: Callable[[str], str]) -> Block:
    rows = tuple(RawRow((line.code, cell(line.message)), line.number, line.column) for line in run)
    line = run[0].number
    return Block("table", line, table=RawTable(HEADERS, rows, line, run[0].column))


def _paragraph(lines: list[tuple[int, str]]) -> Block:
    kept = [(number, text) for number, text in lines if text.strip()]
    return Block("paragraph", kept[0][0], "\n".join(text for _, text in lines).strip())
