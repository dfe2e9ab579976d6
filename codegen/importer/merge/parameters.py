"""Message parameters at import: each code's ``curated.parameters``, derived from the
placeholders of its source-language message (docs/catalog-format.md, "Message parameters").

A new code whose message has placeholders (in the syntaxes of the catalog's
``curated.placeholders``, :mod:`codegen.catalog.placeholders`) gets one record per
placeholder, in order of first appearance: a named placeholder (``{field}``, ``%(rate)s``,
``${user}``) gives its own name, a numbered one (``{0}``, ``%s``, ``{}``) ``argN``, marked
``derived: true`` for a person to check; the type is the syntax's (``%d`` an integer,
``{:.2f}`` a number, anything else a string).

Records are curated like names: a re-import of the source page whose message changed keeps
every record whose placeholder the new message still has exactly as written (name, type,
``derived``), adds one for each new placeholder and drops one whose placeholder is gone,
with a report line. A translation's page never touches them (:mod:`.codes` calls this for
the source language only). The records are written as a block list of flow mappings in the
code's ``curated:``, right after ``name`` (and ``derived``), which turns a flow
``curated: {name: X}`` into a block one.
"""

from __future__ import annotations

import keyword
from collections.abc import Iterable
from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq

from codegen.catalog.placeholders import (
    Key,
    Placeholder,
    by_key,
    derived_name,
    find,
    shown_key,
)
from codegen.catalog.roundtrip.tree import flow_map, put
from codegen.catalog.rules.parameters import FORMATTER, RESERVED
from codegen.errors import InputError
from codegen.importer.merge.stale import message_in
from codegen.importer.merge.state import Run

# Where ``parameters`` goes among a code's curated keys: after its name, before the rest.
CURATED_ORDER = (
    "name",
    "derived",
    "parameters",
    "retryable",
    "note",
    "deprecated",
    "removed",
    "aliases",
    "stale",
)


def set_name(code_set: CommentedMap) -> str:
    """The curated name of a code set node: a parameter may not take it (it would hide the
    set's class in the Python formatter)."""
    curated = code_set.get("curated")
    return str(curated.get("name", "")) if isinstance(curated, CommentedMap) else ""


def record_parameters(run: Run, node: CommentedMap, avoid: str = "") -> None:
    """Give a new code (``node``, just made from the source page) a record per placeholder
    of its source-language message, no name ``avoid`` (its set's :func:`set_name`);
    nothing when it has none."""
    found = _first_of_each(run, message_in(node, run.source))
    if found:
        records = _records(found.values(), {avoid} if avoid else set())
        _block_curated(node)["parameters"] = CommentedSeq(records)  # after name (and derived)


def update_parameters(run: Run, node: CommentedMap, line: int, before: str | None) -> None:
    """After a source-language import set an existing code's message (``before``: the text
    it had): when the text changed, keep the records whose placeholder it still has as
    written, add one per new placeholder (listed as a change) and drop the others (a
    report each, at ``line`` of the page)."""
    after = message_in(node, run.source)
    if after == before:
        return
    found = _first_of_each(run, after)
    curated = node.get("curated")
    if not isinstance(curated, CommentedMap):
        return  # validate refused the catalog before
    records = curated.get("parameters")
    present = (
        [r for r in records if isinstance(r, CommentedMap)] if isinstance(records, list) else []
    )
    if not found and not present:
        return
    kept = [r for r in present if _key(r) in found]
    recorded = {_key(r) for r in kept}
    new = [p for key, p in found.items() if key not in recorded]
    staying = {id(r) for r in kept}
    for record in present:
        if id(record) not in staying:
            run.report(
                line,
                f"code {node['code']}: parameter {record.get('name')} dropped: its placeholder "
                f"{shown_key(_key(record))} is no longer in the {run.source} message",
            )
    if not new and len(kept) == len(present):
        return
    added = _records(new, {str(r.get("name")) for r in kept})
    for record in added:
        run.change(line, f"code {node['code']}: parameter {record['name']} added")
    if not kept and not added:
        del curated["parameters"]
        return
    if isinstance(records, CommentedSeq):
        # as written, the dropped ones out, the new ones last (list's own: ruamel's
        # __setitem__ would move comments about)
        list.__setitem__(records, slice(None), [*kept, *added])
    else:
        put(_block_curated(node), "parameters", CommentedSeq(added), CURATED_ORDER)


def check_translation(run: Run, node: CommentedMap, line: int, text: str | None) -> None:
    """Before a translated page sets a code's message to ``text`` (a new text, at ``line``
    of the page): InputError at that line when it has a placeholder the source message
    lacks (``validate`` would refuse the catalog written, and a line of the page is where
    to fix it), a report when it lacks one of the source's (formatted, it leaves that
    argument out). A page with the catalog's own text is not checked again: a stale
    translation keeps its mark and its placeholders until its page changes."""
    if text is None or text == message_in(node, run.lang):
        return
    source = _first_of_each(run, message_in(node, run.source))
    found = _first_of_each(run, text)
    extra = [key for key in found if key not in source]
    if extra:
        shown = ", ".join(shown_key(key) for key in extra)
        raise InputError(
            f"code {node['code']}: the {run.lang} message has placeholder {shown}, which the "
            f"{run.source} message does not have: a translation takes the source message's "
            "parameters; fix the placeholder in this page (nothing written)",
            run.doc.path,
            line,
        )
    lacking = [key for key in source if key not in found]
    if lacking:
        shown = ", ".join(shown_key(key) for key in lacking)
        run.report(
            line,
            f"code {node['code']}: the {run.lang} message lacks placeholder {shown} of the "
            f"{run.source} message: formatted, it leaves that argument out",
        )


def _first_of_each(run: Run, text: str | None) -> dict[Key, Placeholder]:
    """Each placeholder key of ``text`` once, at its first placeholder, in order."""
    return by_key(find(text, run.syntaxes)) if text else {}


def _records(placeholders: Iterable[Placeholder], taken: set[str]) -> list[CommentedMap]:
    """New records for ``placeholders``, named apart from ``taken`` (the names of the
    records kept; the new names join it): a named placeholder gives its name, a numbered
    one ``argN``; a made-up name (``derived: true``) is also a name a Python keyword,
    ``lang``, ``_format`` or one taken turns into (``class`` -> ``class_``, ``arg0`` beside ``{arg0}`` ->
    ``arg0_``), so every name is a keyword argument of its own."""
    placeholders = list(placeholders)
    avoid = taken | {p.key for p in placeholders if isinstance(p.key, str)}
    records = []
    for placeholder in placeholders:
        key = placeholder.key
        name = derived_name(key)
        derived = not (isinstance(key, str) and _usable(key) and key not in taken)
        if derived:
            while not _usable(name) or name in avoid:
                name += "_"
        avoid.add(name)
        taken.add(name)
        record: dict[str, Any] = {"name": name, "type": placeholder.type, "placeholder": key}
        if derived:
            record["derived"] = True
        records.append(flow_map(record))
    return records


def _usable(name: str) -> bool:
    return not keyword.iskeyword(name) and name not in (*RESERVED, FORMATTER)


def _block_curated(node: CommentedMap) -> CommentedMap:
    """The code's ``curated:`` as a block mapping (one key a line), to hold a list."""
    curated: CommentedMap = node["curated"]
    curated.fa.set_block_style()
    return curated


def _key(record: CommentedMap) -> object:
    key = record.get("placeholder")
    return key if isinstance(key, (int, str)) and not isinstance(key, bool) else None
