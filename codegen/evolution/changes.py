"""The vocabulary of a diff: one :class:`Change` per thing that changed, of a
:data:`ChangeKind`, as plain values.

docs/diff.md describes each kind; :mod:`codegen.evolution.diff` finds them,
:mod:`codegen.evolution.breaking` judges them, :mod:`codegen.evolution.report` words them.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal

from codegen.catalog.model import CodeValue
from codegen.evolution.revision import GroupCell

ChangeKind = Literal[
    "module_renamed",
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
    "parameter_added",
    "parameter_removed",
    "parameter_renamed",
    "parameter_retyped",
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
    ``key`` a language (``language_*``, ``message_changed``), an attribute key or a
    parameter's name (``parameter_*``);
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
