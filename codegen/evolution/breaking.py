"""Which catalog changes break a consumer of the generated code, and what to do instead:
the rules in one place (README "Changing codes safely", docs/diff.md).

A client vendors the generated enums and matches on member names and values, so a change
breaks it when regenerating makes its code fail to compile or behave differently: a member,
a code set, a group value or an attribute it may use disappears or is renamed without a
record, a code's value or type changes, a success flag flips, a language it may read goes,
a message's parameter is added, removed, renamed or retyped (clients format the message
with them). New codes, sets, attributes and languages, message and label changes (the same
parameters in other words), deprecations and tombstones (``curated.removed``) break
nothing. A rename is not breaking when the old name
is kept in ``curated.aliases``, the record the generated code keeps the old name from.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass

from codegen.evolution.changes import Change, ChangeKind

RETIRE = (
    "keep it as a tombstone: `curated.removed: {since, reason}`, or re-import the page with "
    "`codegen import DOCUMENT --retire --since VERSION`"
)

# What to do instead, for each kind of change that breaks consumers; fields of the change
# in braces. A kind not listed here never breaks anything.
FIXES: Mapping[ChangeKind, str] = {
    "module_renamed": "keep the module name {before} (`curated.module`): clients import the "
    "generated code by it, and the generated files are named after it",
    "language_removed": "keep {key} in `languages` (a missing text falls back to the source "
    "language)",
    "code_set_removed": "keep the code set; retire each code instead with "
    "`curated.removed: {{since, reason}}`, or re-import the page with "
    "`codegen import DOCUMENT --retire --since VERSION`",
    "code_set_renamed": "keep the old name as an alias: `curated.aliases: [{before}]` on the set",
    "code_set_alias_removed": "keep {member} in the set's `curated.aliases`",
    "code_type_changed": "keep the set's code type ({before}); put codes of another type in a "
    "new code set",
    "attribute_removed": "keep the attribute {key} (a code's cell may be null)",
    "attribute_kind_changed": "keep {key} a {before} attribute; put the new column under a new key",
    "group_value_removed": "keep the value {member} in the values of {key}",
    "group_value_renamed": "keep the value's name {before} (`curated.name`): group values have "
    "no aliases",
    "code_removed": RETIRE.replace("{", "{{").replace("}", "}}"),
    "code_renamed": "keep the old name as an alias: `curated.aliases: [{before}]`",
    "code_value_changed": "keep {member} on {before}; give {after} a member of its own, and "
    "retire the old code with `curated.removed` when it is no longer returned",
    "code_alias_removed": "keep {key} in the code's `curated.aliases`",
    "parameter_added": "keep the message's parameters as they were: clients format it without "
    "{key}; a message that needs another argument is a new code (retire the old one with "
    "`curated.removed`)",
    "parameter_removed": "keep the placeholder of {key} in the message: clients format it with "
    "{key} (a translation may leave it out)",
    "parameter_renamed": "keep the parameter's name {before} (`curated.parameters`): clients "
    "pass it by name",
    "parameter_retyped": "keep the type of {key} {before} (`curated.parameters`): clients pass "
    "it a value of that type",
    "success_changed": "keep the success flag as it was: a code that changes meaning needs a "
    "new code (retire the old one with `curated.removed`)",
}

# Kinds that break only when the catalog does not record them.
UNLESS_RECORDED: frozenset[ChangeKind] = frozenset({"code_set_renamed", "code_renamed"})


@dataclass(frozen=True)
class Verdict:
    """Whether a change breaks consumers of the generated code, and ``fix``: what to do
    instead (one clause, ``""`` when it does not break anything)."""

    breaking: bool
    fix: str = ""


def verdict(change: Change) -> Verdict:
    """The :class:`Verdict` on ``change`` by the rules of this module."""
    template = FIXES.get(change.kind)
    if template is None or (change.kind in UNLESS_RECORDED and change.recorded):
        return Verdict(False)
    return Verdict(True, template.format_map(_Fields(change)))


class _Fields(dict[str, str]):
    """A change's fields as ``str.format_map`` reads them, each :func:`shown`."""

    def __init__(self, change: Change) -> None:
        super().__init__()
        self.change = change

    def __missing__(self, name: str) -> str:
        return shown(getattr(self.change, name))


def shown(value: object) -> str:
    """A value as a message shows it: text as is, anything else as JSON would write it
    (``-1000``, ``true``, ``null``)."""
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
