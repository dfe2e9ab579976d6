"""Merge a document's code tables into the catalog, in place, as a ruamel.yaml round-trip tree.

Re-importing is a merge, never an overwrite: only source texts that changed are assigned
(so an unchanged document leaves the file byte-identical), every ``curated:`` block and every
comment stays, and new items get a ``curated:`` block with a name (:mod:`.names`), marked
``derived: true`` where the import made it up.

- A table is matched to the code set with which it shares most codes (each set at most once).
- The catalog's title follows the page's when the page has every code set of the catalog
  (or the catalog has no title yet): a page with only some of them (one of several pages
  fed into one catalog) leaves it as it is.
- A table whose title is the page's (it has no heading of its own) keeps the title its
  code set already has; a table without any title never removes one a person added.
- A column is matched to the set's attribute with its key, else with its header in the
  document's language, else (another language) with the next attribute of its kind.
- **Source language**: an unmatched table becomes a new code set; new codes are inserted after
  the code that precedes them in the document; changed messages, attributes, titles, headers
  and notes are updated (each change is listed); codes the document no longer has are
  reported, never deleted.
- **Another language**: fills that language's messages, titles, section, notes, headers and
  group labels (a group value is reached through the codes that carry it). Codes or tables
  the catalog does not have are reported, never added; flags and group membership stay as
  the source language says.
"""

from __future__ import annotations

from collections.abc import Iterable

from ruamel.yaml.comments import CommentedMap, CommentedSeq

from codegen.catalog.declared import TYPE_SUFFIXES, SetNames, taken
from codegen.catalog.naming import pascal
from codegen.catalog.rules.parameters import syntaxes_of
from codegen.errors import InputError
from codegen.importer.codetable import CodeTable
from codegen.importer.document import Document
from codegen.importer.merge.attributes import (
    merge_attributes,
    rekeyed,
    unmatched_attributes,
)
from codegen.importer.merge.codes import merge_source_codes, merge_translated_codes
from codegen.importer.merge.names import set_name
from codegen.importer.merge.state import ROOT_ORDER, SET_ORDER, MergeResult, Removed, Run, set_text

__all__ = ["MergeResult", "Removed", "merge_document"]


def merge_document(root: CommentedMap, doc: Document, lang: str, catalog_path: str) -> MergeResult:
    """Merge every table of ``doc`` (written in ``lang``) into ``root``; see the module doc."""
    source = str(root["source_language"])
    run = Run(doc, lang, source, catalog_path, MergeResult(), syntaxes=syntaxes_of(root))
    if lang not in root["languages"]:
        root["languages"].append(lang)
        run.change(1, f"added language {lang}")
    sets: CommentedSeq = root["code_sets"]
    matched: set[int] = set()
    plan: list[tuple[CodeTable, CommentedMap | None]] = []
    owners = _code_owners(sets)
    for table in doc.tables:
        at = _best_match(owners, table, matched, sets)
        if at is not None:
            matched.add(id(sets[at]))
        plan.append((table, sets[at] if at is not None else None))
    whole = all(id(code_set) in matched for code_set in sets)  # the page has every set
    titled = isinstance(root.get("title"), CommentedMap) and lang in root["title"]
    if doc.title and (run.source == lang or "title" in root) and (whole or not titled):
        set_text(run, root, "title", doc.title, 1, ROOT_ORDER, flow=False, what="page title")
    known = [node for _, node in plan if node is not None]
    names = _class_names(sets)  # once; each new set adds its own
    added: list[tuple[CommentedMap | None, CommentedMap]] = []
    previous: CommentedMap | None = None
    for table, node in plan:
        if node is not None:
            _merge_set(run, node, table)
            previous = node
        elif lang == run.source:
            node = _new_set(run, table, len(sets) + len(added) + 1, names)
            added.append((previous, node))
            previous = node
        else:
            run.report(
                table.line,
                f'table "{table.title}" shares no code with the catalog; import it from a '
                "source-language document first",
            )
    _insert(sets, added, known)
    if lang != run.source and known:
        for code_set in sets:
            if id(code_set) not in matched:
                name = (code_set.get("curated") or {}).get("name")
                run.report(
                    1,
                    f"code set {name} has no table on this page, so it got no {lang} text; "
                    f'if the page has it, name its code column with --column "HEADER=code"',
                )
    return run.result


def _insert(
    sets: CommentedSeq,
    added: list[tuple[CommentedMap | None, CommentedMap]],
    known: list[CommentedMap],
) -> None:
    """Insert the new sets, each given with the set of the table before it in the document
    (None for the first table): after that set; before the first set the document has,
    when it comes first; at the end for a new document. One pass over ``sets`` (its
    comments, kept by position, move with their sets), not one per new set."""
    if not added:
        return
    runs: dict[int, list[CommentedMap]] = {}  # id() of a set of the catalog -> new sets after it
    lead: list[CommentedMap] = []  # the new sets before the document's first known set
    run_of: dict[int, list[CommentedMap]] = {}  # id() of a new set -> its run
    for previous, node in added:
        if previous is None:
            group = lead
        else:
            group = run_of.get(id(previous)) or runs.setdefault(id(previous), [])
        group.append(node)
        run_of[id(node)] = group
    first = id(known[0]) if known else None
    order: list[CommentedMap] = []
    moved: dict[int, int] = {}  # old position -> new position
    for index, code_set in enumerate(sets):
        if id(code_set) == first:
            order.extend(lead)
        moved[index] = len(order)
        order.append(code_set)
        order.extend(runs.get(id(code_set), ()))
    if first is None:
        order.extend(lead)
    comments = {moved[index]: comment for index, comment in sets.ca.items.items()}
    list.clear(sets)
    list.extend(sets, order)
    sets.ca.items.clear()
    sets.ca.items.update(comments)


def _code_owners(sets: CommentedSeq) -> dict[str, list[int]]:
    """The positions of the code sets that have each code (as text), in order: read once,
    so matching a table costs its own codes, not every set's."""
    owners: dict[str, list[int]] = {}
    for index, code_set in enumerate(sets):
        for code in code_set["codes"]:
            owners.setdefault(str(code["code"]), []).append(index)
    return owners


def _best_match(
    owners: dict[str, list[int]], table: CodeTable, matched: set[int], sets: CommentedSeq
) -> int | None:
    """The set not yet ``matched`` with which ``table`` shares most codes (the first of
    equals), None when it shares none with any."""
    counts: dict[int, int] = {}
    for key in {str(code.code) for code in table.codes}:
        for index in owners.get(key, ()):
            counts[index] = counts.get(index, 0) + 1
    best, best_count = None, 0
    for index in sorted(counts):
        if counts[index] > best_count and id(sets[index]) not in matched:
            best, best_count = index, counts[index]
    return best


# --- one code set -------------------------------------------------------------------------


def _new_set(run: Run, table: CodeTable, position: int, names: set[str]) -> CommentedMap:
    """A new code set for ``table``, ``position``-th in the catalog, named free of
    ``names`` (the class names taken so far), to which its own names are added."""
    code_set = CommentedMap()
    code_set["code_type"] = table.code_type
    code_set["columns"] = CommentedMap()
    if table.attributes:
        code_set["attributes"] = CommentedSeq()
    groups = tuple(pascal(c.key) for c in table.attributes if c.kind == "group")
    suffixes = tuple(t + s for t in ("", *groups) for s in ("", *TYPE_SUFFIXES))[1:]
    name = set_name(table.title, position, names, suffixes)
    code_set["curated"] = CommentedMap(name=name.text)
    if name.derived:
        code_set["curated"]["derived"] = True
    code_set["codes"] = CommentedSeq()
    run.result.added_sets += 1
    title = table.title or f"at line {table.line}"
    run.change(table.line, f'new code set "{title}" ({len(table.codes)} codes)')
    if table.title is None:
        run.report(table.line, "this table has no heading above it; its code set has no title")
    quiet = run.quiet()
    _merge_set(quiet, code_set, table)
    run.result.added_codes += quiet.result.added_codes
    names.update(_class_names([code_set]))
    return code_set


def _merge_set(run: Run, code_set: CommentedMap, table: CodeTable) -> None:
    source = run.lang == run.source
    if source and code_set.get("code_type") != table.code_type and code_set.get("codes"):
        raise InputError(
            f'table "{table.title}" has {table.code_type} codes but its code set in the catalog '
            f"has {code_set.get('code_type')} codes; fix the document or the catalog's code_type",
            run.doc.path,
            table.line,
        )
    subject = f'code set "{table.title}"' if table.title else "code set"
    for key, value, flow in (
        ("title", table.title, True),
        ("section", table.section, True),
        ("description", table.description, False),
    ):
        if key == "title" and _keeps_title(code_set, table, run.lang):
            continue
        if source or key in code_set:
            what = f"{subject}: {key}"
            set_text(run, code_set, key, value, table.line, SET_ORDER, flow=flow, what=what)
    columns = code_set.setdefault("columns", CommentedMap())
    headers: list[tuple[str, str | None]] = [
        ("code", table.code_header),
        ("message", table.message_header),
    ]
    if table.name_header is not None or "name" in columns:
        headers.append(("name", table.name_header))
    for key, header in headers:
        what = f"{subject}: {key} column header"
        set_text(run, columns, key, header, table.line, ("code", "message", "name"), what=what)
    found = merge_attributes(run, code_set, table)
    if source:
        unmatched_attributes(run, code_set, table, found)
    table = rekeyed(table, {key: str(a["key"]) for key, a in found.items()})
    attributes = {str(a["key"]): a for a in found.values()}
    if source:
        merge_source_codes(run, code_set, table, attributes)
    else:
        merge_translated_codes(run, code_set, table, attributes)


def _keeps_title(code_set: CommentedMap, table: CodeTable, lang: str) -> bool:
    """A title the set has stays when the table has none, or only the page's."""
    has = isinstance(code_set.get("title"), CommentedMap) and lang in code_set["title"]
    return has and (table.title is None or table.title_from_page)


def _class_names(sets: Iterable[CommentedMap]) -> set[str]:
    """The names the generated modules already declare or import
    (:func:`codegen.catalog.declared.taken`, as validate checks them): each set's types
    and the TypeScript info types beside them, the imported names and the schemas'."""
    declared = [
        SetNames(
            str((code_set.get("curated") or {}).get("name")),
            None,
            tuple(
                (str(a.get("key")), None)
                for a in code_set.get("attributes") or []
                if a.get("kind") == "group"
            ),
        )
        for code_set in sets
    ]
    return set(taken(declared))
