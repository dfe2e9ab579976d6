"""Questions about one column's cells, each a small pure function (issue #9).

Used by :mod:`.roles` to decide what a column holds, and by :mod:`codegen.importer.codesets` to read
a cell: is it a code (:func:`is_code`), a range of codes (:func:`range_of`), a yes/no
(:func:`flag_value`); are a column's cells codes (:func:`code_evidence`), flags
(:func:`is_flag_like`), short labels (:func:`is_group_like`), names (:func:`is_name_like`), running
numbers (:func:`index_like`)?
"""

from __future__ import annotations

import re
import statistics
from collections.abc import Sequence
from dataclasses import dataclass

from codegen.importer.columns.flags import DASHES, FALSE, MARKS, TRUE, WORDY_FLAGS
from codegen.importer.columns.headers import normalize

_CODE_PUNCTUATION = frozenset("_.:/#+-")
_MAX_CODE = 40
_IDENTIFIER = re.compile(r"(?=[\w-]*[^\W\d_])\w[\w-]*")  # letters of any script: SØKNAD
_RANGE_MARKS = ("~", "～", "–", "—", "..")  # between two codes, spaced or not; "-", "to" spaced
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


_WHOLE_SPAN = re.compile(r"(`+)(?P<content>[^`](?:.*?[^`])?)\1", re.DOTALL)
_WHOLE_EMPHASIS = re.compile(r"(\*\*?)(?P<content>[^*\s](?:[^*]*[^*\s])?)\1")
_WHOLE_LINK = re.compile(r"\[(?P<content>[^\[\]\n]+)\]\([^()\s]*(?:\s+\"[^\"\n]*\")?\)")


def unspan(cell: str) -> str:
    """The text of a cell written as one inline form: a code span (`` `bad_recipient` ``),
    a bold or italic run with asterisks (``**Código**``), a link (``[1045](e1045.md)``), or
    these nested (``**[1045](e1045.md)**``): a header, a code, a name or a yes/no written so
    is that text. Any other cell is as it is (``__init__`` stays)."""
    text = cell.strip()
    if not text or text[0] not in "`*[":  # no form starts so: a message, most cells
        return cell
    for _ in range(3):  # at most three forms nested
        match = _WHOLE_SPAN.fullmatch(text)
        if match is not None and not _closes_early(match[1], match["content"]):
            content = match["content"]
            if len(content) > 2 and content.startswith(" ") and content.endswith(" "):
                content = content[1:-1]
            return content
        match = _WHOLE_EMPHASIS.fullmatch(text) or _WHOLE_LINK.fullmatch(text)
        if match is None:
            break
        text = match["content"]
    return text if text != cell.strip() else cell


def _closes_early(fence: str, content: str) -> bool:
    """Whether a run of backticks as long as ``fence`` inside ``content`` closes the span
    before its end (`` `a` ~ `b` `` is two spans, not one)."""
    return any(len(run) == len(fence) for run in re.findall(r"`+", content))


def is_code(cell: str) -> bool:
    """A cell that can be a code: no whitespace, at most 40 characters, letters or digits
    of any script and ``_ . : / # + -``."""
    return (
        0 < len(cell) <= _MAX_CODE
        and (cell[0].isalnum() or cell[0] in "-+#")
        and all(ch.isalnum() or ch in _CODE_PUNCTUATION for ch in cell)
    )


def _range_parts(text: str) -> tuple[str, str] | None:
    """``text`` as ``LOW MARK HIGH`` (no space inside either code; ``1000~1999``,
    ``E1 – E9``, ``100 to 199``), the shortest ``LOW`` first; else None. What the pattern
    ``(\\S+?)\\s*(~|..|\\s-\\s|\\sto\\s)\\s*(\\S+)`` matched whole, in one pass (the pattern
    backtracked quadratically on ``a~a~a~...``)."""
    words = text.split()
    if not words or text[0].isspace() or text[-1].isspace() or len(words) > 3:
        return None
    if len(words) == 3:
        low, mark, high = words
        return (low, high) if mark in _RANGE_MARKS or mark in ("-", "to") else None
    if len(words) == 2:
        first, second = words
        for mark in _RANGE_MARKS:  # LOW~ HIGH: the shorter LOW
            if first.endswith(mark) and len(first) > len(mark):
                return first[: -len(mark)], second
        starting = [m for m in _RANGE_MARKS if second.startswith(m) and len(second) > len(m)]
        return (first, second[len(starting[0]) :]) if starting else None
    # One word: the first mark after the first character with a character after it. The
    # marks begin with different characters, so at most one starts at any place; a mark's
    # first place that leaves a character after it is found within text[1:-1].
    found = [(at, mark) for mark in _RANGE_MARKS if (at := text.find(mark, 1, len(text) - 1)) > 0]
    if not found:
        return None
    at, mark = min(found)
    return text[:at], text[at + len(mark) :]


def range_of(cell: str) -> tuple[str, str] | None:
    """The two ends of a range cell (``700 ~ 799``, ``PAY-9000 – PAY-9099``, ``700..799``,
    each end also as a code span: `` `0x1F00` ~ `0x1FFF` ``), or of a wildcard (``PAY-90xx``,
    ``4XX``: its lowest and highest code); else None. A wildcard's ``x`` are in another case
    than the letters before them, or have none before them: ``WH_4XX`` is a code."""
    text = unspan(cell.strip())
    if _WILDCARD.fullmatch(text) and _wildcard_case(text):
        stem = text.rstrip("xX*?")
        width = len(text) - len(stem)
        return stem + "0" * width, stem + "9" * width
    parts = _range_parts(text)
    if parts is None:
        return None
    low, high = unspan(parts[0]), unspan(parts[1])
    if not (is_code(low) and is_code(high)) or not any(ch.isdigit() for ch in low + high):
        return None
    return low, high


def _wildcard_case(text: str) -> bool:
    """Whether the ``x`` ending ``text`` read as a wildcard: ``*``/``?``, or ``x`` in
    another case than the letters before them (``PAY-90xx``), or no letters before them."""
    stem = text.rstrip("xX*?")
    tail = text[len(stem) :]
    letters = [ch for ch in stem if ch.isalpha()]
    if not letters or any(ch in "*?" for ch in tail):
        return True
    return tail.isupper() != all(ch.isupper() for ch in letters)


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
    codes: list[str] = []
    ranges = 0
    for cell in cells:
        if not cell:
            continue
        if is_code(cell) and not _DATE.fullmatch(cell):
            if cell[-1] in "xX*?" and range_of(cell):  # a wildcard (PAY-90xx)
                ranges += 1
            else:
                codes.append(cell)
        elif range_of(cell):
            ranges += 1
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
    values = [c for c in cells if c and c not in DASHES]
    if not values or any(flag_value(c) is None for c in values):
        return False
    answers = {flag_value(c) for c in values}
    wordy = all(c.strip().casefold() in WORDY_FLAGS for c in values)
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
    if not all(cell.isascii() and cell.isdigit() and len(cell) < 19 for cell in cells):
        return False  # 19 digits and more: no running number (nor a number int() may refuse)
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


def is_mark_column(cells: Sequence[str]) -> bool:
    """A flag written as a mark or nothing (``X``/empty, ``✓``/empty, ``●``/empty): every
    filled cell the same mark of :data:`MARKS`, and at least one cell empty. The mark means
    true and an empty cell false (in an ``O``/``X`` column, where both appear, ``X`` is no:
    that is :func:`is_flag_like`'s)."""
    filled = {cell.strip().casefold() for cell in cells if cell.strip()}
    return (
        len(filled) == 1
        and filled <= MARKS
        and len(filled) < len(set(cells)) + 1
        and any(not cell.strip() for cell in cells)
    )


def is_label_like(cells: Sequence[str]) -> bool:
    """Distinct short labels on nearly every row (``Not Found``, ``Bad Request``): a name
    column under a header that says name, when its cells are not identifiers."""
    values = [c for c in cells if c]
    return (
        len(values) * 10 >= len(cells) * 9
        and all(len(c) <= 40 and len(c.split()) <= 5 and "\n" not in c for c in values)
        and not any(c.rstrip().endswith((".", "。", "!", "?")) for c in values)
        and len(set(values)) == len(values)
    )
