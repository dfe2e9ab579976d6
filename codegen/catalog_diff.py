"""The changes between two revisions of the catalog, by meaning: what a consumer of the
generated code would see, not which lines moved.

:func:`diff` compares a base :class:`~codegen.revision.Revision` (the catalog at a git ref)
with the working tree's and returns :class:`Change` s in a stable order: languages, then
each code set of the working tree in its order (the set itself, its attributes, its codes),
then the code sets that are gone. Code sets are matched by name, then by an alias naming
the old name (a recorded rename), then by the same title or the same codes (a rename
without a record); codes within matched sets by their code, then by their member name (a
changed value). Whether a change breaks anything is decided in one place,
:mod:`codegen.breaking`, not here. The codes of matched sets are compared by
:mod:`codegen.catalog_diff_codes`.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Literal

from codegen.model import CodeValue
from codegen.revision import GroupCell, Revision, SetEntry

ChangeKind = Literal[
    "language_added",
    "language_removed",
    "code_set_added",
    "code_set_removed",
    "code_set_renamed",
    "code_set_alias_added",
    "code_set_alias_removed",
    "code_type_changed",
    "attribute_added",
    "attribute_removed",
    "attribute_kind_changed",
    "group_value_added",
    "group_value_removed",
    "group_value_renamed",
    "code_added",
    "code_removed",
    "code_renamed",
    "code_value_changed",
    "code_alias_added",
    "code_alias_removed",
    "code_deprecated",
    "code_undeprecated",
    "code_retired",
    "code_unretired",
    "message_changed",
    "attribute_value_changed",
    "success_changed",
    "retryable_changed",
]
Value = str | int | bool | Mapping[str, str] | GroupCell | None


@dataclass(frozen=True)
class Change:
    """One change, as plain values (docs/diff.md describes each ``kind``).

    ``code_set`` is the set's name in the working tree (its old name when it is gone);
    ``code`` and ``member`` the code and member name (the old ones when the code is gone);
    ``key`` a language (``language_*``, ``message_changed``) or an attribute key;
    ``before``/``after`` the old and new value (None: absent); ``recorded`` whether the
    catalog records a rename or removal (the old name in ``aliases``, a ``removed``
    tombstone); ``line`` the line, in the working tree's catalog, of the entry changed
    (or of the set or the top-level key holding what is gone; 0 unknown) and ``base_line``
    the entry's line at the base."""

    kind: ChangeKind
    code_set: str = ""
    code: CodeValue | None = None
    member: str = ""
    key: str = ""
    before: Value = None
    after: Value = None
    recorded: bool = False
    line: int = 0
    base_line: int = 0


def diff(base: Revision, head: Revision) -> tuple[Change, ...]:
    """Every change from ``base`` to ``head``, in the order the module docstring gives."""
    return tuple(_changes(base, head))


def _changes(base: Revision, head: Revision) -> Iterator[Change]:
    from codegen.catalog_diff_codes import set_changes

    for lang in head.languages:
        if lang not in base.languages:
            yield Change("language_added", key=lang)
    for lang in base.languages:
        if lang not in head.languages:
            yield Change("language_removed", key=lang)
    pairs = match_sets(base.code_sets, head.code_sets)
    matched = {id(new): old for old, new in pairs}
    for new in head.code_sets:
        old = matched.get(id(new))
        if old is None:
            yield Change("code_set_added", new.name, line=new.line, after=len(new.codes))
        else:
            yield from set_changes(old, new)
    kept = {id(old) for old, _ in pairs}
    for old in base.code_sets:
        if id(old) not in kept:
            yield Change("code_set_removed", old.name, before=len(old.codes), base_line=old.line)


def match_sets(
    base: tuple[SetEntry, ...], head: tuple[SetEntry, ...]
) -> list[tuple[SetEntry, SetEntry]]:
    """``(old, new)`` pairs of the same code set: by name, then by a new set's alias naming
    the old name, then by the same source title, then by the same (non-empty) codes."""
    pairs: list[tuple[SetEntry, SetEntry]] = []
    left = list(base)
    right = list(head)
    for same in (
        lambda o, n: o.name == n.name,
        lambda o, n: o.name in n.aliases,
        lambda o, n: bool(o.title) and o.title == n.title,
        lambda o, n: bool(o.codes) and _keys(o) == _keys(n),
    ):
        for old in list(left):
            new = next((n for n in right if same(old, n)), None)
            if new is not None:
                pairs.append((old, new))
                left.remove(old)
                right.remove(new)
    return pairs


def _keys(code_set: SetEntry) -> frozenset[str]:
    return frozenset(code.key for code in code_set.codes)
