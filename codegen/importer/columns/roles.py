"""Column roles: which column holds the code, the message, the name, and what the rest are.

Decided from the cells, with the header's words as a hint (:mod:`.headers`) and a role a
person gave (``--column``, or recorded in the catalog) always winning. The shape follows
frictionless-py's ``Detector``: one small pure function per question about a column's cells
in :mod:`.cells` (:func:`~.cells.code_evidence`, :func:`~.cells.is_flag_like`,
:func:`~.cells.is_group_like`, :func:`~.cells.is_name_like`, :func:`~.cells.index_like`), and
:func:`decide`, which combines them for a whole table in a fixed order and records why
(``Column.reason``):

1. **Code** (:mod:`.codecolumn`): a column given as the code; else the first column whose header says code and
   whose cells look like codes (integers, hex, short identifiers without spaces, not
   dates), all distinct (or distinct within one other column: the same code in two
   groups); else the first column of such cells, at least half of them with a digit, all
   distinct; else the first column whose header says code, repeats and all. A column of running
   numbers under an index-like header (``#``, ``No.``, a spreadsheet's empty header) is an
   index, never the code. Failing all that, a column whose cells each start with a code
   and go on with text (``X100 Request body is not valid XML.``) holds both.
2. **Message**: a column given as the message; else the first of the other free-text
   columns whose header says message (a later one is an API message or a note, kept as
   text); else the first whose header says reason or cause; else the longest free-text
   column on average, preferring those whose header says nothing (not a note, a solution).
3. **Name**: a column given as the name, or one whose header says name (``Name``,
   ``Status``, ``Enum``) with distinct identifiers on every row, or distinct UPPER_SNAKE
   identifiers under any header.
4. **Every other column** is an attribute, never a reason to skip the table: a *flag* when
   its cells are yes/no in a common form (:data:`~.cells.TRUE`, :data:`~.cells.FALSE`), a *group* when they
   are short labels, *text* otherwise; a header the words know may turn a group into text.

A table without a code column, or without a message column, is not a code table: the
reason says which, naming its headers.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from codegen.importer.columns.cells import (
    index_like,
    is_flag_like,
    is_group_like,
    is_label_like,
    is_mark_column,
    is_name_like,
    mean_length,
)
from codegen.importer.columns.codecolumn import Column, Table, code_column, has_role
from codegen.importer.columns.headers import HeaderDictionary, attribute_key, hint
from codegen.importer.columns.words import CAUSE, Role

_SNAKE = re.compile(r"[^\W\d_][^\W_]*(?:_[^\W_]+)+")  # letters of any script

SHOWN_HEADERS = 8  # headers a message names, each cut at 40 characters


@dataclass(frozen=True)
class Roles:
    """The roles of every column of one table (``columns`` in header order)."""

    columns: tuple[Column, ...]
    code: int
    message: int | None  # None: no column holds messages (a table that adds columns)
    name: int | None = None
    split: bool = False  # the code column's cells hold the code and then the message
    labels: bool = False  # with split: the text after the code is a label, not the message

    @property
    def attributes(self) -> tuple[Column, ...]:
        return tuple(c for c in self.columns if c.kind in ("group", "flag", "text"))

    def explain(self) -> str:
        """One line per column: its role and why (for ``import --explain`` and tests)."""
        return "\n".join(f'"{c.header}": {c.kind} ({c.reason})' for c in self.columns)


# --- the whole table --------------------------------------------------------------------


def decide(
    headers: Sequence[str], rows: Sequence[Sequence[str]], words: HeaderDictionary
) -> Roles | str:
    """The roles of every column, or the reason the table is not a code table."""
    width = len(headers)
    given = words.given_roles(headers)
    table = Table(
        headers,
        [[row[i] for row in rows if len(row) == width] for i in range(width)],
        [g or hint(h) for g, h in zip(given, headers)],
    )
    kinds = table.kinds
    for i, role in enumerate(given):
        if role is not None:
            marks = role.kind == "flag" and is_mark_column(table.columns[i])
            kinds[i] = Column(i, headers[i], role.kind, role.key, "given", marks=marks)
    for i in range(width):
        if i not in kinds and index_like(headers[i], table.columns[i]):
            kinds[i] = Column(i, headers[i], "index", reason="running numbers")
    shown = ", ".join(f'"{h[:40]}"' for h in headers[:SHOWN_HEADERS])
    if len(headers) > SHOWN_HEADERS:  # one line stays one readable line
        shown += f" and {len(headers) - SHOWN_HEADERS:,} more"
    code, split = code_column(table)
    if code is None:
        return f"no column holds codes (headers {shown})"
    if (sparse := _sparse(table.columns[code.index])) is not None:
        return f'its code column "{code.header}" has codes in only {sparse}'
    kinds[code.index] = code
    labels = split and (message_column := _labelled_message(table)) is not None
    message = message_column if labels else code if split else _message(table)
    if message is None and width < 2:
        return f"no column holds messages (headers {shown})"
    if message is not None:
        kinds[message.index] = message if labels or not split else code
    name = _name(table)
    if name is not None:
        kinds[name.index] = name
    for i in range(width):
        if i not in kinds:
            kinds[i] = _attribute(i, headers[i], table.columns[i], table.hints[i])
    ordered = tuple(kinds[i] for i in range(width))
    name_at = name.index if name else None
    message_at = message.index if message else None
    return Roles(ordered, code.index, message_at, name_at, split, labels)


def _sparse(cells: Sequence[str]) -> str | None:
    """``"2 of 5 rows"`` when fewer than half of a code column's cells hold anything: too
    little evidence of a code table; None when enough do."""
    filled = sum(1 for cell in cells if cell)
    return None if filled * 2 >= len(cells) else f"{filled} of {len(cells)} rows"


def _labelled_message(table: Table) -> Column | None:
    """With codes and text in one column (``200 (OK)``, ``E100 Bad request``): another
    column whose header says message holds the messages, and the text beside each code
    is a label (the member's name); None when there is no such column."""
    given = table.given("message")
    if given is not None:
        return given
    for i in table.free():
        if has_role(table.hints[i], "message") and any(table.columns[i]):
            return Column(i, table.headers[i], "message", reason="header; codes carry labels")
    return None


def _message(table: Table) -> Column | None:
    given = table.given("message")
    if given is not None:
        return given
    headers, columns, hints = table.headers, table.columns, table.hints
    free = [
        i
        for i in table.free()
        if sum(1 for c in columns[i] if c) * 2 >= len(columns[i])
        and not is_flag_like(columns[i], has_role(hints[i], "flag"))
        and not is_mark_column(columns[i])
        and not (has_role(hints[i], "name") and is_name_like(columns[i]))
    ]
    hinted = [i for i in free if has_role(hints[i], "message")]
    if hinted:  # the first: a second one is an API message, a note, a cause (text)
        return Column(hinted[0], headers[hinted[0]], "message", reason="header")
    causes = [i for i in free if hints[i] is not None and hints[i] == CAUSE]
    if causes:  # a reason or cause is the message when no column says message
        return Column(causes[0], headers[causes[0]], "message", reason="header: the reason")
    plain = [i for i in free if hints[i] is None] or free  # not a note, solution, date
    if not plain:
        return None
    best = max(plain, key=lambda i: (mean_length(columns[i]), -i))
    return Column(best, headers[best], "message", reason="longest text column")


def _name(table: Table) -> Column | None:
    given = table.given("name")
    if given is not None:
        return given
    headers, columns, hints = table.headers, table.columns, table.hints
    for i in table.free():
        if not is_name_like(columns[i]):
            if has_role(hints[i], "name") and is_label_like(columns[i]):
                return Column(i, headers[i], "name", reason="header; distinct short labels")
            continue
        values = [c for c in columns[i] if c]
        snake = sum(1 for c in values if _SNAKE.fullmatch(c) and c.upper() == c) * 2 >= len(values)
        if has_role(hints[i], "name") or (hints[i] is None and snake):
            return Column(i, headers[i], "name", reason="distinct identifiers")
    return None


def _attribute(index: int, header: str, cells: list[str], known: Role | None) -> Column:
    if (
        known is not None
        and known.kind == "flag"
        and not (is_mark_column(cells) or is_flag_like(cells, True))
    ):
        known = None  # a flag's header over cells that are not yes/no (Retry strategy)
    key = known.key if known is not None and known.key else attribute_key(header)
    if is_mark_column(cells):
        flag_key = key if known is None or known.kind == "flag" else attribute_key(header)
        return Column(index, header, "flag", flag_key, "a mark or nothing", marks=True)
    if is_flag_like(cells, has_role(known, "flag")):
        flag_key = key if known is None or known.kind == "flag" else attribute_key(header)
        return Column(index, header, "flag", flag_key, "yes/no cells")
    if known is not None and known.kind == "group" and _short(cells):
        return Column(index, header, "group", key, "header; short labels")
    if known is not None and known.kind == "text":
        return Column(index, header, "text", key, "header")
    if is_group_like(cells):
        return Column(index, header, "group", key, "short labels")
    return Column(index, header, "text", key, "free text")


def _short(cells: Sequence[str]) -> bool:
    return all(len(c) <= 80 and "\n" not in c for c in cells)
