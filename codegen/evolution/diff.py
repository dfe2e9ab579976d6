"""The changes between two revisions of the catalog, by meaning: what a consumer of the
generated code would see, not which lines moved.

:func:`diff` compares a base :class:`~codegen.evolution.revision.Revision` (the catalog at a git
ref) with the working tree's and returns :class:`Change` s in a stable order: the module name, languages, then each
code set of the working tree in its order (the set itself, its attributes, its codes), then the code
sets that are gone. Code sets are matched by name, then by an alias naming the old name (a recorded
rename), then by the same title or the same codes (a rename without a record); codes within matched
sets by their code, then by their member name (a changed value). Whether a change breaks anything is
decided in one place, :mod:`codegen.evolution.breaking`, not here.

Within a matched set (:func:`set_changes`), codes are matched by their code (as text, so a
set turned from integer to string codes still matches ``-1000`` with ``"-1000"``), then an
unmatched old code by a new code of the same member name (a changed value). Group values
are matched by name, then by label (a renamed value).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from codegen.evolution.changes import Change, ChangeKind
from codegen.evolution.revision import (
    AttributeEntry,
    CodeEntry,
    ParameterEntry,
    Revision,
    SetEntry,
)


def diff(base: Revision, head: Revision) -> tuple[Change, ...]:
    """Every change from ``base`` to ``head``, in the order the module docstring gives."""
    return tuple(_changes(base, head))


def _changes(base: Revision, head: Revision) -> Iterator[Change]:
    if base.module and head.module and base.module != head.module:
        yield Change("module_renamed", before=base.module, after=head.module)
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


def set_changes(old: SetEntry, new: SetEntry) -> Iterator[Change]:
    """Every change from ``old`` to ``new``, the same code set at two revisions."""

    def change(kind: ChangeKind, **fields: Any) -> Change:
        return Change(kind, new.name, line=new.line, base_line=old.line, **fields)

    if old.name != new.name:
        recorded = old.name in new.aliases
        yield change("code_set_renamed", before=old.name, after=new.name, recorded=recorded)
    for alias in new.aliases:
        if alias not in old.aliases and alias != old.name:
            yield change("code_set_alias_added", member=alias)
    for alias in old.aliases:
        if alias not in new.aliases and alias != new.name:
            yield change("code_set_alias_removed", member=alias)
    if old.code_type != new.code_type:
        yield change("code_type_changed", before=old.code_type, after=new.code_type)
    for attribute in new.attributes:
        before = old.attribute(attribute.key)
        if before is None:
            yield change("attribute_added", key=attribute.key, after=attribute.kind)
        elif before.kind != attribute.kind:
            yield change(
                "attribute_kind_changed",
                key=attribute.key,
                before=before.kind,
                after=attribute.kind,
            )
        else:
            yield from (change(kind, **f) for kind, f in _group_value_changes(before, attribute))
    for attribute in old.attributes:
        if new.attribute(attribute.key) is None:
            yield change("attribute_removed", key=attribute.key, before=attribute.kind)
    yield from _code_changes(old, new)


def _group_value_changes(
    old: AttributeEntry, new: AttributeEntry
) -> Iterator[tuple[ChangeKind, dict[str, Any]]]:
    """A group's values added, removed or renamed (same label, new name)."""
    old_names = {name for name, _ in old.values}
    new_names = {name for name, _ in new.values}
    gone = [(name, label) for name, label in old.values if name not in new_names]
    for name, label in new.values:
        if name in old_names:
            continue
        was = next((o for o, old_label in gone if label and old_label == label), None)
        if was is None:
            yield "group_value_added", {"key": new.key, "member": name}
        else:
            gone = [(o, lab) for o, lab in gone if o != was]
            yield (
                "group_value_renamed",
                {"key": new.key, "member": name, "before": was, "after": name},
            )
    for name, _ in gone:
        yield "group_value_removed", {"key": new.key, "member": name}


def _code_changes(old_set: SetEntry, new_set: SetEntry) -> Iterator[Change]:
    """Codes added, removed, renamed or with a new value, then what changed in each."""
    old_codes = {code.key: code for code in reversed(old_set.codes)}  # the first one wins
    matched: dict[int, CodeEntry] = {}  # id(new code) -> old code
    unmatched_new: list[CodeEntry] = []
    for code in new_set.codes:
        found = old_codes.pop(code.key, None)
        if found is None:
            unmatched_new.append(code)
        else:
            matched[id(code)] = found
    by_name = {code.name: code for code in reversed(unmatched_new) if code.name}
    removed: list[CodeEntry] = []
    for gone in sorted(old_codes.values(), key=lambda c: c.index):
        renumbered = by_name.pop(gone.name, None) if gone.name else None
        if renumbered is None:
            removed.append(gone)
        else:
            matched[id(renumbered)] = gone
    for new in new_set.codes:
        old = matched.get(id(new))
        if old is None:
            yield _code_change("code_added", new_set, new)
        else:
            yield from code_changes(old, new, new_set.name)
    for old in removed:
        yield Change(
            "code_removed",
            new_set.name,
            old.value,
            old.name,
            line=new_set.line,
            base_line=old.line,
        )


def code_changes(old: CodeEntry, new: CodeEntry, set_name: str) -> Iterator[Change]:
    """What changed in one code between two revisions (``set_name``: the set's new name)."""

    def change(kind: ChangeKind, **fields: Any) -> Change:
        return Change(
            kind, set_name, new.value, new.name, line=new.line, base_line=old.line, **fields
        )

    if old.key != new.key:
        yield change("code_value_changed", before=old.value, after=new.value)
    if old.name != new.name:
        yield change(
            "code_renamed", before=old.name, after=new.name, recorded=old.name in new.aliases
        )
    for alias in new.aliases:
        if alias not in old.aliases and alias != old.name:
            yield change("code_alias_added", key=alias)
    for alias in old.aliases:
        if alias not in new.aliases and alias != new.name:
            yield change("code_alias_removed", key=alias)
    if old.deprecated != new.deprecated:
        kind: ChangeKind = "code_deprecated" if new.deprecated else "code_undeprecated"
        yield change(kind, before=old.deprecated, after=new.deprecated)
    if old.removed != new.removed:
        kind = "code_retired" if new.removed else "code_unretired"
        yield change(kind, before=old.removed, after=new.removed, recorded=new.removed is not None)
    for lang in dict.fromkeys([*new.messages, *old.messages]):
        if old.messages.get(lang) != new.messages.get(lang):
            yield change(
                "message_changed",
                key=lang,
                before=old.messages.get(lang),
                after=new.messages.get(lang),
            )
    for kind, fields in parameter_changes(old.parameters, new.parameters):
        yield change(kind, **fields)
    for key in new.cells:
        if key in old.cells and old.cells[key] != new.cells[key]:
            yield change(
                "attribute_value_changed", key=key, before=old.cells[key], after=new.cells[key]
            )
    if old.success is not None and new.success is not None and old.success != new.success:
        yield change("success_changed", before=old.success, after=new.success)
    if old.retryable != new.retryable:
        yield change("retryable_changed", before=old.retryable, after=new.retryable)


def parameter_changes(
    old: tuple[ParameterEntry, ...], new: tuple[ParameterEntry, ...]
) -> Iterator[tuple[ChangeKind, dict[str, Any]]]:
    """A code's parameters added, removed, renamed or retyped, as a client formatting its
    message sees them: matched by name (a placeholder renumbered or renamed under the same
    parameter name is no change to the client), then an unmatched old one by an unmatched
    new one at the same placeholder (a rename); ``key`` is the parameter's (new) name."""
    names = {p.name for p in new}
    gone = [p for p in old if p.name not in names]
    before = {p.name: p for p in old}
    for parameter in new:
        was = before.get(parameter.name)
        if was is None:
            at = parameter.placeholder
            was = next((o for o in gone if at is not None and o.placeholder == at), None)
            if was is None:
                yield "parameter_added", {"key": parameter.name, "after": parameter.type}
                continue
            gone.remove(was)
            yield (
                "parameter_renamed",
                {"key": parameter.name, "before": was.name, "after": parameter.name},
            )
        if was.type != parameter.type:
            yield (
                "parameter_retyped",
                {"key": parameter.name, "before": was.type, "after": parameter.type},
            )
    for parameter in gone:
        yield "parameter_removed", {"key": parameter.name, "before": parameter.type}


def _code_change(kind: ChangeKind, code_set: SetEntry, code: CodeEntry) -> Change:
    return Change(kind, code_set.name, code.value, code.name, line=code.line)
