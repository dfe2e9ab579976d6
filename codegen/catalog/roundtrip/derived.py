"""The names ``codegen import`` derived, in the catalog's round-trip tree: found, and
accepted by removing their ``derived: true`` with every comment kept.

A derived name is a ``curated.name`` whose ``curated`` block also says ``derived: true``:
a code set's, a group value's or a code's; or a message parameter's ``name`` whose record
(in ``curated.parameters``) says it (``{name: arg0, ..., derived: true}``)
(:func:`codegen.catalog.rules.catalog.derived_names` finds the same names in plain data,
for ``validate``). Accepting one deletes only that key;
the comment written after it (on its line, or on the lines below it) moves to the end of
what comes before it, so the file keeps every comment and quoting it had.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import CommentMark
from ruamel.yaml.tokens import CommentToken


@dataclass(frozen=True)
class DerivedName:
    """A derived name: ``name``, the code set it belongs to (``set_name``, the set's own
    name for a code set), what it names (``code -100``, ``code set``, ``a value of
    attribute 'service'``) and the 1-based line and column of the name in the catalog."""

    name: str
    set_name: str
    what: str
    line: int
    column: int
    curated: CommentedMap = field(repr=False, compare=False)


def find_derived(root: CommentedMap, set_name: str | None = None) -> list[DerivedName]:
    """Every derived name of the catalog tree ``root`` (a code set's own, its group
    values', its codes'), in the order of the file; only those of the set named
    ``set_name`` when given (none when no set has that name)."""
    found: list[DerivedName] = []
    for code_set in root.get("code_sets") or []:
        name = str(_curated(code_set).get("name"))
        if set_name is None or name == set_name:
            found += _in_set(code_set, name)
    return sorted(found, key=lambda derived: (derived.line, derived.column))


def _in_set(code_set: CommentedMap, set_name: str) -> Iterator[DerivedName]:
    owners: list[tuple[Any, str]] = [(code_set, "code set")]
    for attribute in code_set.get("attributes") or []:
        key = attribute.get("key") if isinstance(attribute, CommentedMap) else None
        values = attribute.get("values") if isinstance(attribute, CommentedMap) else None
        owners += [(value, f"a value of attribute '{key}'") for value in values or []]
    blocks: list[tuple[CommentedMap, str]] = []
    for owner, what in owners:
        blocks.append((_curated(owner), what))
    for code in code_set.get("codes") or []:
        what = f"code {code.get('code')}" if isinstance(code, CommentedMap) else "code"
        blocks.append((_curated(code), what))
        records = _curated(code).get("parameters")
        for record in records if isinstance(records, CommentedSeq) else ():
            if isinstance(record, CommentedMap):
                blocks.append((record, f"a parameter of {what}"))
    for curated, what in blocks:
        if curated.get("derived") is True and "name" in curated:
            line, column = curated.lc.value("name")
            name = str(curated["name"])
            yield DerivedName(name, set_name, what, line + 1, column + 1, curated)


def _curated(owner: object) -> CommentedMap:
    curated = owner.get("curated") if isinstance(owner, CommentedMap) else None
    return curated if isinstance(curated, CommentedMap) else CommentedMap()


def accept_derived(names: Iterable[DerivedName]) -> int:
    """Remove ``derived: true`` from the ``curated`` block of each of ``names``, keeping
    its comments (see the module doc); the number of marks removed."""
    removed = 0
    for derived in names:
        curated = derived.curated
        if curated.get("derived") is not True:
            continue
        keys = list(curated)
        at = keys.index("derived")
        comment = _pop_comment(curated, "derived")
        column = _column(curated, "derived")
        del curated["derived"]
        if comment is not None:
            _keep_comment(curated, keys[at - 1] if at else None, comment, column)
        if curated.fa.flow_style():
            _shift_comment_after(curated, len(", derived: true"))
        removed += 1
    return removed


def _column(owner: CommentedMap, key: str) -> int:
    try:
        return int(owner.lc.key(key)[1])
    except (KeyError, TypeError):  # a key made in memory has no position
        return int(owner.lc.col or 0)


def _pop_comment(owner: CommentedMap, key: str) -> CommentToken | None:
    """The comment ruamel keeps after ``key``'s value: its end-of-line comment, then the
    comment lines below it (a value starting with a newline when it has no end-of-line one)."""
    slots = owner.ca.items.pop(key, None)
    token = slots[2] if slots and len(slots) > 2 else None
    return token if isinstance(token, CommentToken) else None


def _keep_comment(
    curated: CommentedMap, before: object, comment: CommentToken, column: int
) -> None:
    """Put ``comment`` (that of a removed key at ``column``) at the end of what the file has
    before that key: the key ``before`` in ``curated`` (its value's last line), else the
    line that opens ``curated``."""
    if before is None:
        slots = curated.ca.comment
        if slots is None or slots[0] is None:
            curated.ca.comment = [_token(comment), None]
        else:
            slots[0].value = _joined(slots[0].value, comment.value, column)
        return
    owner, slot, index = _last_line(curated, before)
    slots = owner.ca.items.setdefault(slot, [None] * 4)
    slots.extend([None] * (4 - len(slots)))
    if slots[index] is None:
        slots[index] = _token(comment)
    else:
        slots[index].value = _joined(slots[index].value, comment.value, column)


def _last_line(owner: Any, key: Any) -> tuple[Any, Any, int]:
    """Where ruamel keeps the comment after ``owner[key]``: for a block mapping or list
    value, after its last entry, found the same way; else at ``key`` itself."""
    value = owner[key]
    if isinstance(value, CommentedMap | CommentedSeq) and value and not value.fa.flow_style():
        last = list(value)[-1] if isinstance(value, CommentedMap) else len(value) - 1
        return _last_line(value, last)
    return owner, key, 0 if isinstance(owner, CommentedSeq) else 2


def _joined(first: str, then: str, column: int) -> str:
    """Two comment texts after one value: ``then``'s end-of-line comment becomes a line of
    its own at ``column``."""
    rest = then[1:] if then.startswith("\n") else " " * column + then
    return first + rest if first.endswith("\n") else f"{first}\n{rest}"


def _token(comment: CommentToken) -> CommentToken:
    """``comment`` where it now goes: an end-of-line comment two spaces after the value
    (ruamel writes one space before a comment whose column has passed), comment lines
    as they were."""
    if comment.value.startswith("#"):
        return CommentToken(" " + comment.value, CommentMark(0), None)
    return CommentToken(comment.value, CommentMark(comment.column), None)


def _shift_comment_after(curated: CommentedMap, removed: int) -> None:
    """The end-of-line comment after a flow mapping ``{name: X}`` (ruamel writes it at its
    column) moved left by the ``removed`` characters, so it keeps its distance."""
    token = curated.ca.comment[0] if curated.ca.comment else None
    if isinstance(token, CommentToken) and token.start_mark is not None:
        token.start_mark.column = max(0, token.start_mark.column - removed)
