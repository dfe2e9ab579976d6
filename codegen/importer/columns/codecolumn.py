"""Column roles, step 1: which column holds the codes (:func:`code_column`), and the table
and column records every step of :func:`codegen.importer.columns.roles.decide` shares.

The first column whose header says code and whose cells look like codes, all distinct (or
distinct within one other column: the same code in two groups); else the first column of
such cells, at least half of them with a digit, all distinct; else the first column whose
header says code, repeats and all; failing all that, a column whose cells each start with a
code and go on with text (``X100 Request body is not valid XML.``). At most
``ROLE_CANDIDATES`` code columns are tried against as many group columns, so a table of
many columns costs as many steps as it has cells.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from codegen.importer.columns.cells import (
    code_evidence,
    is_flag_like,
    is_group_like,
    is_mark_column,
    split_code_and_text,
)
from codegen.importer.columns.words import CAUSE, Role
from codegen.limits import ROLE_CANDIDATES


@dataclass(frozen=True)
class Column:
    """One column's role: ``kind`` is code, message, name, group, flag, text or index."""

    index: int
    header: str
    kind: str
    key: str = ""
    reason: str = ""
    marks: bool = False  # a flag written as a mark (X, ✓, ●) or nothing: empty is false


@dataclass
class Table:
    """One table while its roles are decided: headers, cells by column, the header words'
    hints (or given roles), and the roles decided so far by column index."""

    headers: Sequence[str]
    columns: list[list[str]]
    hints: list[Role | None]
    kinds: dict[int, Column] = field(default_factory=dict)

    def given(self, kind: str) -> Column | None:
        return next((c for c in self.kinds.values() if c.kind == kind), None)

    def free(self) -> list[int]:
        return [i for i in range(len(self.headers)) if i not in self.kinds]


def code_column(table: Table) -> tuple[Column | None, bool]:
    """The code column and whether its cells hold the code and then text; ``(None, False)``
    when no column holds codes."""
    given = table.given("code")
    if given is not None:  # a code column given, its cells codes with labels or not
        cells = [c for c in table.columns[given.index] if c]
        return given, not code_evidence(cells).code_like and _split(cells)
    headers, columns, hints, free = table.headers, table.columns, table.hints, table.free()
    evidence = {i: code_evidence(columns[i]) for i in free}
    flags = {
        i
        for i in free
        if is_mark_column(columns[i]) or is_flag_like(columns[i], has_role(hints[i], "flag"))
    }
    hinted = [i for i in free if has_role(hints[i], "code") and evidence[i].code_like]
    hinted = [i for i in hinted if i not in flags]
    unhinted = [
        i
        for i in free
        if evidence[i].code_like
        and i not in flags
        and (
            hints[i] is None
            or has_role(hints[i], "message")
            or has_role(hints[i], "name")
            or hints[i] == CAUSE
        )
        and evidence[i].with_digit * 2 >= evidence[i].codes
    ]
    groups: list[int] | None = None
    for within_groups in (False, True):
        for rank, i in enumerate(hinted + unhinted):
            if within_groups:
                if rank >= ROLE_CANDIDATES:
                    break
                groups = _repeating_groups(columns) if groups is None else groups
                unique = _distinct_within(columns, i, groups)
            else:
                unique = evidence[i].distinct
            if unique:
                why = "header; " if i in hinted else ""
                return Column(i, headers[i], "code", reason=why + evidence[i].describe()), False
    if hinted:  # the same code twice: reported with both lines when the rows are built
        i = hinted[0]
        return Column(i, headers[i], "code", reason=f"header; {evidence[i].describe()}"), False
    for i in free:
        cells = [c for c in columns[i] if c]
        if _split(cells):
            reason = f"each of {len(cells)} cells starts with a code and goes on with text"
            return Column(i, headers[i], "code", reason=reason), True
    return None, False


def _split(cells: list[str]) -> bool:
    """Whether each cell starts with a code and goes on with text, no code twice."""
    pairs = [split_code_and_text(c) for c in cells]
    return bool(cells) and all(pairs) and len({p[0] for p in pairs if p}) == len(pairs)


def _repeating_groups(columns: list[list[str]]) -> list[int]:
    """The first ``ROLE_CANDIDATES`` columns of short labels that repeat (a group, not a
    column of distinct values), each column read once: what codes may be distinct within."""
    found: list[int] = []
    for i, cells in enumerate(columns):
        if is_group_like(cells) and len(set(cells)) < len(cells):
            found.append(i)
            if len(found) == ROLE_CANDIDATES:
                break
    return found


def _distinct_within(columns: list[list[str]], code: int, groups: list[int]) -> bool:
    """Whether the codes of column ``code`` are distinct within the values of one of the
    ``groups`` (:func:`_repeating_groups`). At most ``ROLE_CANDIDATES`` code columns are
    tried against at most as many groups, so a table of many columns costs as many cells."""
    for i in groups:
        if i != code and len(set(zip(columns[i], columns[code]))) == len(columns[code]):
            return True
    return False


def has_role(role: Role | None, kind: str) -> bool:
    """Whether ``role`` (a header's hint, or a given role) is of ``kind``."""
    return role is not None and role.kind == kind
