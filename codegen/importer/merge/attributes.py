"""A table's columns merged into its code set's attributes: matched by key, else by header,
else (another language) by kind; a new column of the source language becomes a new
attribute, never a renamed one, and an attribute no column fills is reported.
"""

from __future__ import annotations

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


def _matching(
    attributes: list[CommentedMap], column: AttributeColumn, lang: str, source: bool
) -> CommentedMap | None:
    """The attribute of the catalog that ``column`` fills: same key, else same header in
    ``lang``, else (another language) the first of its kind not yet filled in ``lang``."""
    for attribute in attributes:
        if str(attribute["key"]) == column.key:
            return attribute
    for attribute in attributes:
        header = attribute.get("header")
        if isinstance(header, CommentedMap) and header.get(lang) == column.header:
            return attribute
    if source:
        return None
    for attribute in attributes:
        header = attribute.get("header")
        filled = isinstance(header, CommentedMap) and lang in header
        if attribute.get("kind") == column.kind and not filled:
            return attribute
    return None


def merge_attributes(run: Run, code_set: CommentedMap, table: CodeTable) -> dict[str, CommentedMap]:
    """The catalog attribute of each column of ``table`` (created for the source language),
    by the column's key."""
    found: dict[str, CommentedMap] = {}
    for column in table.attributes:
        taken = {id(a) for a in found.values()}
        free = [a for a in code_set.get("attributes") or [] if id(a) not in taken]
        attribute = _matching(free, column, run.lang, run.is_source)
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
        found[column.key] = attribute
    return found


def _new_attribute(column: AttributeColumn) -> CommentedMap:
    attribute = CommentedMap(key=column.key, kind=column.kind)
    attribute["header"] = flow_map({})
    if column.kind == "group":
        attribute["values"] = CommentedSeq()
    return attribute
