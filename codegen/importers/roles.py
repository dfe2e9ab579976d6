"""Column roles: which column holds the code, the message, the name, and what the rest are.

Decided from the cells, with the header's words as a hint (:mod:`.headers`) and a role a
person gave (``--column``, or recorded in the catalog) always winning. The shape follows
frictionless-py's ``Detector``: one small pure function per question about a column's cells
(:func:`code_evidence`, :func:`flag_value`, :func:`is_group_like`, :func:`is_name_like`,
:func:`index_like`), and :func:`decide`, which combines them for a whole table in a fixed
order and records why (``Column.reason``):

1. **Code**: a column given as the code; else the first column whose header says code and
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
   its cells are yes/no in a common form (:data:`TRUE`, :data:`FALSE`), a *group* when they
   are short labels, *text* otherwise; a header the words know may turn a group into text.

A table without a code column, or without a message column, is not a code table: the
reason says which, naming its headers.
"""

from __future__ import annotations

import re
import statistics
from collections.abc import Sequence
from dataclasses import dataclass

from codegen.importers.headers import (
    CAUSE,
    HeaderDictionary,
    Role,
    attribute_key,
    hint,
    normalize,
)

TRUE = frozenset(
    [
        "true",
        "yes",
        "y",
        "sí",
        "si",
        "o",
        "○",
        "◯",
        "〇",
        "✓",
        "✔",
        "☑",
        "ja",
        "oui",
        "sim",
        "예",
        "네",
        "はい",
        "是",
        "可",
        "有",
        "t",
        "on",
        "enabled",
    ]
)
FALSE = frozenset(
    [
        "false",
        "no",
        "n",
        "x",
        "×",
        "✕",
        "✗",
        "✘",
        "☐",
        "nein",
        "non",
        "não",
        "nao",
        "아니오",
        "아니요",
        "いいえ",
        "否",
        "不可",
        "无",
        "無",
        "f",
        "off",
        "disabled",
    ]
)
_WORDY_FLAGS = frozenset(
    [
        "true",
        "false",
        "yes",
        "no",
        "sí",
        "si",
        "ja",
        "nein",
        "oui",
        "non",
        "sim",
        "não",
        "nao",
        "예",
        "아니오",
        "아니요",
        "はい",
        "いいえ",
    ]
)
_DASHES = frozenset({"-", "–", "—", "－", "n/a", "N/A"})
_CODE_PUNCTUATION = frozenset("_.:/#+-")
_MAX_CODE = 40
_IDENTIFIER = re.compile(r"(?=[A-Za-z0-9_-]*[A-Za-z])[A-Za-z0-9_][A-Za-z0-9_-]*")
_UPPER_SNAKE = re.compile(r"[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+")
_RANGE = re.compile(r"(?P<low>\S+?)\s*(?:~|～|–|—|\.\.|\s-\s|\sto\s)\s*(?P<high>\S+)")
_WILDCARD = re.compile(r"[A-Za-z0-9_.:-]*[0-9][xX*]+|[A-Za-z0-9_.:-]*[0-9]\?+")
_CODE_AND_TEXT = re.compile(
    r"(?P<code>\S+?)(?:\s*[:：]\s*|\s+[-–—]\s+|\s+)(?P<text>\S.*)", re.DOTALL
)
_INDEX_HEADERS = frozenset(
    normalize(h) for h in ("", "#", "No", "No.", "Nr", "Nr.", "Index", "Row", "순번", "번호",
                           "連番", "序号", "項番", "Unnamed: 0", "N°", "Nº")
)  # fmt: skip
_GROUP_MAX = 40
_DATE = re.compile(r"\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}[-/.]\d{1,2}[-/.]\d{4}")


@dataclass(frozen=True)
class Column:
    """One column's role: ``kind`` is code, message, name, group, flag, text or index."""

    index: int
    header: str
    kind: str
    key: str = ""
    reason: str = ""


@dataclass(frozen=True)
class Roles:
    """The roles of every column of one table (``columns`` in header order)."""

    columns: tuple[Column, ...]
    code: int
    message: int
    name: int | None = None
    split: bool = False  # the code column's cells hold the code and then the message

    @property
    def attributes(self) -> tuple[Column, ...]:
        return tuple(c for c in self.columns if c.kind in ("group", "flag", "text"))

    def explain(self) -> str:
        """One line per column: its role and why (for ``import --explain`` and tests)."""
        return "\n".join(f'"{c.header}": {c.kind} ({c.reason})' for c in self.columns)


# --- one question about a column's cells ------------------------------------------------


def is_code(cell: str) -> bool:
    """A cell that can be a code: no whitespace, at most 40 characters, letters or digits
    of any script and ``_ . : / # + -``."""
    return (
        0 < len(cell) <= _MAX_CODE
        and (cell[0].isalnum() or cell[0] in "-+#")
        and all(ch.isalnum() or ch in _CODE_PUNCTUATION for ch in cell)
    )


def range_of(cell: str) -> tuple[str, str] | None:
    """The two ends of a range cell (``700 ~ 799``, ``PAY-9000 – PAY-9099``, ``700..799``),
    or of a wildcard (``PAY-90xx``, ``4XX``: its lowest and highest code); else None."""
    text = cell.strip()
    if _WILDCARD.fullmatch(text):
        stem = text.rstrip("xX*?")
        width = len(text) - len(stem)
        return stem + "0" * width, stem + "9" * width
    match = _RANGE.fullmatch(text)
    if match is None or not (is_code(match["low"]) and is_code(match["high"])):
        return None
    if not any(ch.isdigit() for ch in match["low"] + match["high"]):
        return None
    return match["low"], match["high"]


@dataclass(frozen=True)
class CodeEvidence:
    """What a column's cells say about it being the code column."""

    codes: int  # non-empty cells that are codes
    ranges: int  # cells that are ranges of codes
    others: int  # non-empty cells that are neither
    with_digit: int
    distinct: bool

    @property
    def code_like(self) -> bool:
        """Codes in every cell, but for one stray cell in ten (at least five cells):
        a row that is not a code is reported, it does not make the table vanish."""
        cells = self.codes + self.ranges + self.others
        stray = cells >= 5 and self.others <= max(1, cells // 10) and self.others * 4 <= self.codes
        return self.codes > 0 and (self.others == 0 or stray)

    def describe(self) -> str:
        unique = "all distinct" if self.distinct else "some repeated"
        text = f"{self.codes} cells are codes, {self.with_digit} with a digit, {unique}"
        ranges = f", {self.ranges} range" + ("s" if self.ranges > 1 else "")
        return text + (ranges if self.ranges else "")


def code_evidence(cells: Sequence[str]) -> CodeEvidence:
    """Count the cells that are codes, ranges of codes, or something else (a date is not
    a code)."""
    codes = [
        cell
        for cell in cells
        if cell and is_code(cell) and not _DATE.fullmatch(cell) and not range_of(cell)
    ]
    ranges = sum(1 for cell in cells if cell and range_of(cell))
    others = sum(1 for cell in cells if cell) - len(codes) - ranges
    digits = sum(1 for cell in codes if any(ch.isdigit() for ch in cell))
    return CodeEvidence(len(codes), ranges, others, digits, len(set(codes)) == len(codes))


def flag_value(cell: str) -> bool | None:
    """``True``/``False`` for a yes/no cell in any of :data:`TRUE`/:data:`FALSE`, else None."""
    folded = cell.strip().casefold()
    if folded in TRUE:
        return True
    if folded in FALSE:
        return False
    return None


def is_flag_like(cells: Sequence[str], hinted: bool = False) -> bool:
    """Every non-empty cell is yes/no (a dash counts as empty); both answers appear, or the
    words are unambiguous (``Yes``, ``true``, ``Sí``), or the header says flag."""
    values = [c for c in cells if c and c not in _DASHES]
    if not values or any(flag_value(c) is None for c in values):
        return False
    answers = {flag_value(c) for c in values}
    wordy = all(c.strip().casefold() in _WORDY_FLAGS for c in values)
    return len(answers) == 2 or wordy or hinted


def is_group_like(cells: Sequence[str]) -> bool:
    """Short labels: each at most 40 characters on one line, and either all single words
    or repeated (at most half as many distinct labels as cells)."""
    values = [c for c in cells if c]
    if not values or any(len(c) > _GROUP_MAX or "\n" in c for c in values):
        return False
    if all(len(c.split()) == 1 and len(c) <= 24 for c in values):
        return True
    return len(set(values)) <= max(1, len(values) // 2) and len(set(values)) < len(values)


def is_name_like(cells: Sequence[str]) -> bool:
    """A distinct identifier (``DELIVERED``, ``QuotaExceeded``) on nearly every row."""
    values = [c for c in cells if c]
    return (
        len(values) * 10 >= len(cells) * 9
        and all(_IDENTIFIER.fullmatch(c) and len(c) <= 64 for c in values)
        and len(set(values)) == len(values)
    )


def index_like(header: str, cells: Sequence[str]) -> bool:
    """Running numbers (0 or 1, then +1 each row) under an index-like header."""
    if normalize(header) not in _INDEX_HEADERS or not cells:
        return False
    if not all(cell.isascii() and cell.isdigit() for cell in cells):
        return False
    start = int(cells[0])
    return start in (0, 1) and all(int(c) == start + i for i, c in enumerate(cells))


def split_code_and_text(cell: str) -> tuple[str, str] | None:
    """``("X100", "Request body is not valid XML.")`` from a cell holding both, or None."""
    match = _CODE_AND_TEXT.fullmatch(cell.strip())
    if match is None:
        return None
    code = match["code"].rstrip(":：")
    if not is_code(code) or not any(ch.isdigit() for ch in code):
        return None
    return code, match["text"]


def mean_length(cells: Sequence[str]) -> float:
    values = [len(c) for c in cells if c]
    return statistics.fmean(values) if values else 0.0


# --- the whole table --------------------------------------------------------------------


def decide(
    headers: Sequence[str], rows: Sequence[Sequence[str]], words: HeaderDictionary
) -> Roles | str:
    """The roles of every column, or the reason the table is not a code table."""
    width = len(headers)
    columns = [[row[i] for row in rows if len(row) == width] for i in range(width)]
    given = [words.given(h) for h in headers]
    hints = [g or hint(h) for g, h in zip(given, headers)]
    kinds: dict[int, Column] = {}
    for i, role in enumerate(given):
        if role is not None:
            kinds[i] = Column(i, headers[i], role.kind, role.key, "given")
    for i in range(width):
        if i not in kinds and index_like(headers[i], columns[i]):
            kinds[i] = Column(i, headers[i], "index", reason="running numbers")
    code, split = _code(headers, columns, hints, kinds)
    if code is None:
        shown = ", ".join(f'"{h}"' for h in headers)
        return f"no column holds codes (headers {shown})"
    kinds[code.index] = code
    message = code if split else _message(headers, columns, hints, kinds)
    if message is None:
        shown = ", ".join(f'"{h}"' for h in headers)
        return f"no column holds messages (headers {shown})"
    kinds[message.index] = message if not split else code
    name = _name(headers, columns, hints, kinds)
    if name is not None:
        kinds[name.index] = name
    for i in range(width):
        if i not in kinds:
            kinds[i] = _attribute(i, headers[i], columns[i], hints[i])
    ordered = tuple(kinds[i] for i in range(width))
    return Roles(ordered, code.index, message.index, name.index if name else None, split)


def _code(
    headers: Sequence[str],
    columns: list[list[str]],
    hints: list[Role | None],
    kinds: dict[int, Column],
) -> tuple[Column | None, bool]:
    for i, column in kinds.items():
        if column.kind == "code":
            return column, False
    free = [i for i in range(len(headers)) if i not in kinds]
    evidence = {i: code_evidence(columns[i]) for i in free}
    flags = {i for i in free if is_flag_like(columns[i], _is(hints[i], "flag"))}
    hinted = [i for i in free if _is(hints[i], "code") and evidence[i].code_like]
    hinted = [i for i in hinted if i not in flags]
    unhinted = [
        i
        for i in free
        if evidence[i].code_like
        and i not in flags
        and (hints[i] is None or _is(hints[i], "message") or hints[i] == CAUSE)
        and evidence[i].with_digit * 2 >= evidence[i].codes
    ]
    for within_groups in (False, True):
        for i in hinted + unhinted:
            unique = _distinct_within(columns, i) if within_groups else evidence[i].distinct
            if unique:
                why = "header; " if i in hinted else ""
                return Column(i, headers[i], "code", reason=why + evidence[i].describe()), False
    if hinted:  # the same code twice: reported with both lines when the rows are built
        i = hinted[0]
        return Column(i, headers[i], "code", reason=f"header; {evidence[i].describe()}"), False
    for i in free:
        cells = [c for c in columns[i] if c]
        pairs = [split_code_and_text(c) for c in cells]
        if cells and all(pairs) and len({p[0] for p in pairs if p}) == len(pairs):
            reason = f"each of {len(cells)} cells starts with a code and goes on with text"
            return Column(i, headers[i], "code", reason=reason), True
    return None, False


def _distinct_within(columns: list[list[str]], code: int) -> bool:
    """Whether the codes are distinct within the values of some other column, one whose
    labels repeat (a group, not another column of distinct values)."""
    for i, other in enumerate(columns):
        if i == code or not is_group_like(other) or len(set(other)) == len(other):
            continue
        pairs = list(zip(other, columns[code]))
        if len(set(pairs)) == len(pairs):
            return True
    return False


def _message(
    headers: Sequence[str],
    columns: list[list[str]],
    hints: list[Role | None],
    kinds: dict[int, Column],
) -> Column | None:
    for column in kinds.values():
        if column.kind == "message":
            return column
    free = [
        i
        for i in range(len(headers))
        if i not in kinds
        and sum(1 for c in columns[i] if c) * 2 >= len(columns[i])
        and not is_flag_like(columns[i], _is(hints[i], "flag"))
        and not (_is(hints[i], "name") and is_name_like(columns[i]))
    ]
    hinted = [i for i in free if _is(hints[i], "message")]
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


def _name(
    headers: Sequence[str],
    columns: list[list[str]],
    hints: list[Role | None],
    kinds: dict[int, Column],
) -> Column | None:
    for column in kinds.values():
        if column.kind == "name":
            return column
    for i in range(len(headers)):
        if i in kinds or not is_name_like(columns[i]):
            continue
        values = [c for c in columns[i] if c]
        snake = sum(1 for c in values if _UPPER_SNAKE.fullmatch(c)) * 2 >= len(values)
        if _is(hints[i], "name") or (hints[i] is None and snake):
            return Column(i, headers[i], "name", reason="distinct identifiers")
    return None


def _attribute(index: int, header: str, cells: list[str], known: Role | None) -> Column:
    key = known.key if known is not None and known.key else attribute_key(header)
    if is_flag_like(cells, _is(known, "flag")):
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


def _is(role: Role | None, kind: str) -> bool:
    return role is not None and role.kind == kind
