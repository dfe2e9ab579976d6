"""The columns of a plain-text table copied off a rendered page without its borders.

Cells are separated by single spaces, but cells contain spaces too, and a cell that spanned
rows (HTML ``rowspan``) appears once, on the first row it spans. Each row is rebuilt from the
rows themselves, so the rule does not depend on any particular table:

1. **Anchor on the code.** The first token that looks like a code (an integer, or ASCII
   letters/digits/``_``/``-`` with at least one digit) is the code cell, with two
   refinements: when a flag column comes before the code, the code is the first such token
   right after a complete set of leading cells whose flags read true/false
   (``080 Call Rejection false -6000``); a token that is code-like in several rows is a
   label, not a code, when a code-like token follows it (codes never repeat in a table); and
   when most rows start with an integer code, an integer at most one token per leading column
   in is preferred (label ``Cat0`` written once, code ``0``). The message is the
   last column and takes the rest of the line verbatim. Tokens before the code are the
   leading cells, tokens between the code and the message the middle cells.
2. **Leading cells.** A row with no token before its code has no leading cell: it inherits
   all of them from the last row that had them. A row with fewer leading tokens than leading
   columns inherits the missing (leftmost, outer) ones. When all leading cells are present,
   a flag column takes one token and a single other column takes the remaining tokens
   (``IB G/W`` is one cell).
3. **Groups.** A row that carries all its leading cells starts a group (the rows that the
   outer spanning cell covers); without leading columns the table is one group.
4. **Middle cells, per group and column.** A middle column is
   - *present on every row* when every row of the group has at least two tokens after the
     code and the first tokens repeat: at most max(1, isqrt(rows)) distinct values
     (categorical values such as success/failure/Invalid repeat; message words do not);
   - otherwise *spanned from the group's first row* when that row's first token resembles a
     value the column has on its present-on-every-row groups (equal to one, or sharing a
     word with one, ``Invalid-IB`` ~ ``Invalid``), or when the table has no such value to
     compare with;
   - otherwise an *empty spanning cell*: empty on every row of the group, and the whole rest
     of each row is its message. An empty spanning cell is never filled from the group above.
   A flag column needs no guessing: a row whose next token is ``true``/``false`` has it,
   another row of the group inherits the value above it.

The rule cannot always be right, since the text no longer says which cells were merged:
a group column whose values rarely repeat in a small group, or a group whose first message
word resembles a value of the column, can be misread. Import the HTML/Markdown form of the
page when it exists, and check the result: ``import`` lists every code it adds.

A row without a code token, or with text before the code when the header has no column
there, is skipped with a warning; a row without a message is reported by the code table.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field

from codegen.errors import InputError
from codegen.importer.columns.headers import HeaderDictionary
from codegen.importer.columns.words import Role
from codegen.importer.readers.blocks import RawRow, RawTable, skipped

_CODE_TOKEN = re.compile(r"-?\d+|(?=[A-Za-z0-9_-]*\d)[A-Za-z0-9][A-Za-z0-9_-]*")
_TOKEN = re.compile(r"\S+")
_INTEGER = re.compile(r"-?\d+")
_WORD = re.compile(r"[^\W_]{2,}")
_FIX = "Fix the row in the document, or import the page's Markdown or HTML form"
Span = tuple[int, int]


@dataclass
class _Row:
    line: int
    text: str
    code: Span
    rest: list[Span]
    lead: list[str]
    starts_group: bool
    middle: list[str] = field(default_factory=list)


def role_of(words: HeaderDictionary, header: str) -> Role:
    """The role a header has (given, else hinted by its words), else an unnamed text."""
    return words.role(header) or Role("text", "")


def borderless_table(
    headers: list[str],
    body: list[tuple[int, str]],
    line: int,
    path: str,
    words: HeaderDictionary,
    warnings: list[InputError],
) -> RawTable:
    roles = [role_of(words, h) for h in headers]
    code_at = next(i for i, role in enumerate(roles) if role.kind == "code")
    messages = [i for i, role in enumerate(roles) if role.kind == "message"]
    if len(messages) != 1:
        return RawTable(tuple(headers), (), line)  # the code table reports the missing column
    if messages[0] != len(headers) - 1 or messages[0] < code_at:
        raise InputError(
            "in plain text the message must be the last column, after the code; import the "
            "Markdown or HTML form of the page instead",
            path,
            line,
        )
    codes = _CodeGuess([text for _, text in body])
    rows: list[_Row] = []
    for number, text in body:
        previous = rows[-1] if rows else None
        row = _anchor(number, text, codes, roles[:code_at], previous, path, warnings)
        if row is not None:
            rows.append(row)
    groups = _groups(rows)
    for role in roles[code_at + 1 : -1]:
        if role.kind == "flag":
            _flag_column(groups)
        else:
            _middle_column(groups)
    return RawTable(tuple(headers), tuple(_cells(row) for row in rows), line)


def _candidates(text: str) -> list[tuple[int, str]]:
    """The index and text of every token of a row that looks like a code."""
    tokens = [text[a:b] for a, b in (m.span() for m in _TOKEN.finditer(text))]
    return [(i, token) for i, token in enumerate(tokens) if _CODE_TOKEN.fullmatch(token)]


def _integer(token: str) -> bool:
    return _INTEGER.fullmatch(token) is not None


class _CodeGuess:
    """What the table's codes look like: never repeated, and mostly integers or not."""

    def __init__(self, lines: list[str]) -> None:
        found = [_candidates(line) for line in lines]
        self.rows = Counter(token for tokens in found for token in {t for _, t in tokens})
        firsts = [self.candidates(tokens)[0][1] for tokens in found if tokens]
        self.integer = sum(map(_integer, firsts)) * 2 >= len(firsts)

    def candidates(self, found: list[tuple[int, str]]) -> list[tuple[int, str]]:
        """Without a token that repeats over rows (a label) while a later one may be the code."""
        unique = [
            (at, t) for n, (at, t) in enumerate(found) if self.rows[t] == 1 or n == len(found) - 1
        ]
        return unique or found


def _pick_code(
    text: str, tokens: list[Span], codes: _CodeGuess, lead_roles: list[Role]
) -> int | None:
    """Which token is the code: see rule 1 of the module doc."""
    found = codes.candidates(_candidates(text))
    if any(role.kind == "flag" for role in lead_roles):
        for at, _ in found:
            lead = _split_lead(text, tokens[:at], lead_roles) if at >= len(lead_roles) else None
            if lead and all(
                cell.casefold() in ("true", "false")
                for cell, role in zip(lead, lead_roles)
                if role.kind == "flag"
            ):
                return at
    usual = [at for at, t in found if _integer(t) == codes.integer and at <= len(lead_roles)]
    return usual[0] if usual else found[0][0] if found else None


def _anchor(
    line: int,
    text: str,
    codes: _CodeGuess,
    lead_roles: list[Role],
    previous: _Row | None,
    path: str,
    warnings: list[InputError],
) -> _Row | None:
    tokens = [match.span() for match in _TOKEN.finditer(text)]
    code_at = _pick_code(text, tokens, codes, lead_roles)
    if code_at is None:
        warnings.append(skipped("row has no code", _FIX, path, line))
        return None
    lead_tokens = tokens[:code_at]
    count, wanted = len(lead_tokens), len(lead_roles)
    inherited = previous.lead if previous else [""] * wanted
    if count and not wanted:
        col = lead_tokens[0][0] + 1
        warnings.append(skipped("row has too many cells before its code", _FIX, path, line, col))
        return None
    if count >= wanted:
        lead = _split_lead(text, lead_tokens, lead_roles)
        if lead is None:
            warnings.append(
                skipped("row has cells before its code whose ends cannot be told", _FIX, path, line)
            )
            return None
    else:
        lead = inherited[: wanted - count] + [text[a:b] for a, b in lead_tokens]
    starts = previous is None or (wanted > 0 and count >= wanted)
    return _Row(line, text, tokens[code_at], tokens[code_at + 1 :], lead, starts)


def _split_lead(text: str, tokens: list[Span], roles: list[Role]) -> list[str] | None:
    if not roles:
        return []
    others = [i for i, role in enumerate(roles) if role.kind != "flag"]
    extra = len(tokens) - len(roles)
    if extra and len(others) != 1:
        return None
    cells: list[str] = []
    at = 0
    for index in range(len(roles)):
        take = 1 + (extra if others and index == others[0] else 0)
        cells.append(text[tokens[at][0] : tokens[at + take - 1][1]])
        at += take
    return cells


def _groups(rows: list[_Row]) -> list[list[_Row]]:
    groups: list[list[_Row]] = []
    for row in rows:
        if row.starts_group or not groups:
            groups.append([row])
        else:
            groups[-1].append(row)
    return groups


def _middle_column(groups: list[list[_Row]]) -> None:
    """Decide one middle column for every group; consume its token where it is present."""
    every = {id(group) for group in groups if _present_on_every_row(group)}
    known = {_first(row) for group in groups if id(group) in every for row in group}
    for group in groups:
        if id(group) in every:
            for row in group:
                row.middle.append(_first(row))
                row.rest = row.rest[1:]
        elif len(group[0].rest) >= 2 and (not known or _resembles(_first(group[0]), known)):
            value = _first(group[0])
            group[0].rest = group[0].rest[1:]
            for row in group:
                row.middle.append(value)
        else:
            for row in group:
                row.middle.append("")


def _flag_column(groups: list[list[_Row]]) -> None:
    """A flag is ``true``/``false``: taken where the row has one, else spanned from above."""
    for group in groups:
        value = ""
        for row in group:
            if len(row.rest) >= 2 and _first(row).casefold() in ("true", "false"):
                value = _first(row)
                row.rest = row.rest[1:]
            row.middle.append(value)


def _present_on_every_row(group: list[_Row]) -> bool:
    if len(group) < 2 or any(len(row.rest) < 2 for row in group):
        return False
    distinct = {_first(row) for row in group}
    return len(distinct) <= max(1, math.isqrt(len(group)))


def _resembles(token: str, known: set[str]) -> bool:
    folded = {value.casefold() for value in known}
    if token.casefold() in folded:
        return True
    known_words = {word for value in folded for word in _WORD.findall(value)}
    return any(word in known_words for word in _WORD.findall(token.casefold()))


def _first(row: _Row) -> str:
    start, end = row.rest[0]
    return row.text[start:end]


def _cells(row: _Row) -> RawRow:
    code = row.text[row.code[0] : row.code[1]]
    message = row.text[row.rest[0][0] :].strip() if row.rest else ""
    return RawRow((*row.lead, code, *row.middle, message), row.line)
