"""A table's columns merged into its code set's attributes: matched by key, else by header,
else (another language) by kind; a new column of the source language becomes a new
attribute, never a renamed one, and an attribute no column fills is reported.
"""

from __future__ import annotations

from collections import deque
from dataclasses import replace

from ruamel.yaml.comments import CommentedMap, CommentedSeq

from codegen.catalog.roundtrip.tree import flow_map, put
from codegen.errors import InputError
from codegen.importer.codetable import AttributeColumn, CodeTable
from codegen.importer.merge.state import ATTRIBUTE_ORDER, SET_ORDER, Run, set_text


def rekeyed(table: CodeTable, keys: dict[str, str]) -> CodeTable:
    """``table`` with its columns under the keys of the catalog attributes they fill."""
    if all(old == new for old, new in keys.items()):
        return table
    columns = tuple(replace(c, key=keys.get(c.key, c.key)) for c in table.attributes)
    codes = tuple(
        replace(code, attrs={keys.get(k, k): v for k, v in code.attrs.items()})
        for code in table.codes
    )
    return replace(table, attributes=columns, codes=codes)


def unmatched_attributes(
    run: Run, code_set: CommentedMap, table: CodeTable, found: dict[str, CommentedMap]
) -> None:
    """An attribute no column filled: removed when its header is now the code, message or
    name column's (the column changed role), else reported (the column may be withdrawn)."""
    taken = {id(a) for a in found.values()}
    roles = {table.code_header, table.message_header, table.name_header} - {None}
    for attribute in list(code_set.get("attributes") or []):
        if id(attribute) in taken:
            continue
        header = attribute.get("header")
        text = header.get(run.lang) if isinstance(header, CommentedMap) else None
        key = str(attribute["key"])
        if text in roles:
            code_set["attributes"].remove(attribute)
            for node in code_set["codes"]:
                node.pop(key, None)
            if not code_set["attributes"]:
                del code_set["attributes"]
            run.change(table.line, f'column "{text}" is now a code, message or name column: '
                       f"attribute {key} removed")  # fmt: skip
        else:
            run.report(
                table.line,
                f'column "{text or key}" ({key}) is not in this table; delete the attribute '
                "from the catalog by hand if the column was withdrawn",
            )


class _Catalogued:
    """The code set's attributes before a table's columns are matched to them, indexed once
    (by key, by header in ``lang``, by kind when not filled in ``lang``), so that matching
    every column costs as many steps as there are columns and attributes, not their
    product. An attribute once matched is ``taken`` and matches no other column."""

    def __init__(self, attributes: list[CommentedMap], lang: str) -> None:
        self.taken: set[int] = set()
        self.by_key: dict[str, deque[CommentedMap]] = {}
        self.by_header: dict[str, deque[CommentedMap]] = {}
        self.unfilled: dict[object, deque[CommentedMap]] = {}
        for attribute in attributes:
            self.by_key.setdefault(str(attribute["key"]), deque()).append(attribute)
            header = attribute.get("header")
            text = header.get(lang) if isinstance(header, CommentedMap) else None
            if isinstance(text, str):
                self.by_header.setdefault(text, deque()).append(attribute)
            if not (isinstance(header, CommentedMap) and lang in header):
                self.unfilled.setdefault(attribute.get("kind"), deque()).append(attribute)

    def matching(self, column: AttributeColumn, source: bool) -> CommentedMap | None:
        """The attribute ``column`` fills: same key, else same header in the table's
        language, else (another language) the first of its kind not yet filled in it."""
        found = self._first(self.by_key.get(column.key))
        found = found or self._first(self.by_header.get(column.header))
        if found is None and not source:
            found = self._first(self.unfilled.get(column.kind))
        return found

    def _first(self, candidates: deque[CommentedMap] | None) -> CommentedMap | None:
        """The first of ``candidates`` not taken; the taken ones before it are dropped (a
        taken attribute stays taken), so each is stepped over once."""
        while candidates and id(candidates[0]) in self.taken:
            candidates.popleft()
        return candidates[0] if candidates else None


def merge_attributes(run: Run, code_set: CommentedMap, table: CodeTable) -> dict[str, CommentedMap]:
    """The catalog attribute of each column of ``table`` (created for the source language),
    by the column's key."""
    found: dict[str, CommentedMap] = {}
    catalogued = _Catalogued(list(code_set.get("attributes") or []), run.lang)
    for column in table.attributes:
        attribute = catalogued.matching(column, run.is_source)
        if attribute is None:
            if run.lang != run.source:
                continue
            attribute = _new_attribute(column)
            if "attributes" not in code_set:
                put(code_set, "attributes", CommentedSeq(), SET_ORDER)
            code_set["attributes"].append(attribute)
            run.change(table.line, f'new column "{column.header}" ({column.key})')
        elif attribute.get("kind") != column.kind:
            raise InputError(
                f'column "{column.header}" reads as a {column.kind} but the catalog\'s '
                f'"{attribute["key"]}" is a {attribute.get("kind")}; map the column with '
                f'--column "{column.header}=KEY:KIND"',
                run.doc.path,
                table.line,
            )
        what = f"column {column.key}: header"
        set_text(run, attribute, "header", column.header, table.line, ATTRIBUTE_ORDER, what=what)
        catalogued.taken.add(id(attribute))
        found[column.key] = attribute
    return found


def _new_attribute(column: AttributeColumn) -> CommentedMap:
    attribute = CommentedMap(key=column.key, kind=column.kind)
    attribute["header"] = flow_map({})
    if column.kind == "group":
        attribute["values"] = CommentedSeq()
    return attribute
