"""Merge a document's code tables into the catalog, in place, as a ruamel.yaml round-trip tree.

Re-importing is a merge, never an overwrite: only source texts that changed are assigned
(so an unchanged document leaves the file byte-identical), every ``curated:`` block and every
comment stays, and new items get a ``curated:`` block with a ``TODO_`` placeholder name.

- A table is matched to the code set with which it shares most codes (each set at most once).
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

from ruamel.yaml.comments import CommentedMap, CommentedSeq

from codegen.errors import InputError
from codegen.importers import Document
from codegen.importers.codes import AttributeColumn, CodeTable
from codegen.merge_codes import (
    MergeResult,
    Removed,
    Run,
    merge_source_codes,
    merge_translated_codes,
    set_text,
)
from codegen.roundtrip import flow_map, put, unique_name

__all__ = ["MergeResult", "Removed", "merge_document"]

_ROOT_ORDER = ("format", "source_language", "languages", "title", "curated", "code_sets")
_ATTRIBUTE_ORDER = ("key", "kind", "header", "values")
_SET_ORDER = (
    "title",
    "section",
    "description",
    "code_type",
    "columns",
    "attributes",
    "curated",
    "codes",
)


def merge_document(root: CommentedMap, doc: Document, lang: str, catalog_path: str) -> MergeResult:
    """Merge every table of ``doc`` (written in ``lang``) into ``root``; see the module doc."""
    run = Run(doc, lang, str(root["source_language"]), catalog_path, MergeResult())
    if lang not in root["languages"]:
        root["languages"].append(lang)
        run.change(1, f"added language {lang}")
    if doc.title and (run.source == lang or "title" in root):
        set_text(run, root, "title", doc.title, 1, _ROOT_ORDER, flow=False, what="page title")
    sets: CommentedSeq = root["code_sets"]
    matched: list[int] = []
    for table in doc.tables:
        at = _best_match(sets, table, matched)
        if at is not None:
            matched.append(id(sets[at]))
            _merge_set(run, sets[at], table)
        elif lang == run.source:
            sets.append(_new_set(run, table, sets))
            matched.append(id(sets[-1]))
        else:
            run.report(
                table.line,
                f'table "{table.title}" shares no code with the catalog; import it from a '
                "source-language document first",
            )
    return run.result


def _best_match(sets: CommentedSeq, table: CodeTable, matched: list[int]) -> int | None:
    keys = {str(code.code) for code in table.codes}
    best, best_count = None, 0
    for index, code_set in enumerate(sets):
        if id(code_set) in matched:
            continue
        count = sum(1 for code in code_set["codes"] if str(code["code"]) in keys)
        if count > best_count:
            best, best_count = index, count
    return best


# --- one code set -------------------------------------------------------------------------


def _new_set(run: Run, table: CodeTable, sets: CommentedSeq) -> CommentedMap:
    code_set = CommentedMap()
    code_set["code_type"] = table.code_type
    code_set["columns"] = CommentedMap()
    if table.attributes:
        code_set["attributes"] = CommentedSeq()
    code_set["curated"] = CommentedMap(
        name=unique_name("TODO_SET", len(sets) + 1, _set_names(sets))
    )
    code_set["codes"] = CommentedSeq()
    run.result.added_sets += 1
    title = table.title or f"at line {table.line}"
    run.change(table.line, f'new code set "{title}" ({len(table.codes)} codes)')
    if table.title is None:
        run.report(table.line, "this table has no heading above it; its code set has no title")
    quiet = run.quiet()
    _merge_set(quiet, code_set, table)
    run.result.added_codes += quiet.result.added_codes
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
        if source or key in code_set:
            what = f"{subject}: {key}"
            set_text(run, code_set, key, value, table.line, _SET_ORDER, flow=flow, what=what)
    columns = code_set.setdefault("columns", CommentedMap())
    for key, header in (("code", table.code_header), ("message", table.message_header)):
        what = f"{subject}: {key} column header"
        set_text(run, columns, key, header, table.line, ("code", "message"), what=what)
    attributes = _merge_attributes(run, code_set, table)
    if source:
        merge_source_codes(run, code_set, table, attributes)
    else:
        merge_translated_codes(run, code_set, table, attributes)


def _merge_attributes(
    run: Run, code_set: CommentedMap, table: CodeTable
) -> dict[str, CommentedMap]:
    """The catalog attribute of each column of ``table`` (created for the source language)."""
    found: dict[str, CommentedMap] = {}
    existing = {str(a["key"]): a for a in code_set.get("attributes") or []}
    for column in table.attributes:
        attribute = existing.get(column.key)
        if attribute is None:
            if run.lang != run.source:
                continue
            attribute = _new_attribute(column)
            if "attributes" not in code_set:
                put(code_set, "attributes", CommentedSeq(), _SET_ORDER)
            code_set["attributes"].append(attribute)
            run.change(table.line, f'new column "{column.header}" ({column.key})')
        elif attribute.get("kind") != column.kind:
            raise InputError(
                f'column "{column.header}" reads as a {column.kind} but the catalog\'s '
                f'"{column.key}" is a {attribute.get("kind")}; fix the --column mapping',
                run.doc.path,
                table.line,
            )
        what = f"column {column.key}: header"
        set_text(run, attribute, "header", column.header, table.line, _ATTRIBUTE_ORDER, what=what)
        found[column.key] = attribute
    return found


def _new_attribute(column: AttributeColumn) -> CommentedMap:
    attribute = CommentedMap(key=column.key, kind=column.kind)
    attribute["header"] = flow_map({})
    if column.kind == "group":
        attribute["values"] = CommentedSeq()
    return attribute


def _set_names(sets: CommentedSeq) -> set[str]:
    return {str((s.get("curated") or {}).get("name")) for s in sets}
