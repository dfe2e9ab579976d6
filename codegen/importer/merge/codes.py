"""Codes and group values merged into a code set: the per-code half of :mod:`.sets`.

A source-language table adds new codes (each named by :mod:`.names`) after the code that
precedes them in the document, updates changed messages and cells (a changed message marks
the code's translations stale, :mod:`.stale`), and lists the codes the document no longer
has; another language's table fills only that language's messages (a new one clears its
stale mark), texts and group labels.
"""

from __future__ import annotations

from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.scalarstring import DoubleQuotedScalarString

from codegen.catalog.roundtrip.tree import flow_map, put
from codegen.importer.codetable import AttributeColumn, CodeTable, SourceCode
from codegen.importer.merge.names import code_name, value_name
from codegen.importer.merge.stale import clear_stale, mark_stale, message_in
from codegen.importer.merge.state import CODE_ORDER, Removed, Run, curated, set_text, show

# --- codes --------------------------------------------------------------------------------


def merge_source_codes(
    run: Run, code_set: CommentedMap, table: CodeTable, attributes: dict[str, CommentedMap]
) -> None:
    codes: CommentedSeq = code_set["codes"]
    position = {str(node["code"]): i for i, node in enumerate(codes)}
    names = {str((node.get("curated") or {}).get("name")) for node in codes}
    insert_at = 0
    for code in table.codes:
        key = str(code.code)
        if key not in position:
            node = _new_code(run, code, table, names)
            if insert_at == len(codes):
                codes.append(node)
                position[key] = insert_at
            else:
                codes.insert(insert_at, node)
                position = {str(n["code"]): i for i, n in enumerate(codes)}
            run.result.added_codes += 1
            run.change(code.line, f"code {key}: added")
        else:
            _update_code(run, codes[position[key]], code, table)
        insert_at = position[key] + 1
        for column in table.attributes:
            if column.kind == "group" and code.attrs.get(column.key) is not None:
                label = str(code.attrs[column.key])
                _ensure_value(attributes[column.key], label, run.lang, run.values_seen)
    in_document = {str(code.code) for code in table.codes}
    title = f'"{table.title}"' if table.title else (code_set.get("curated") or {}).get("name")
    for node in codes:
        removed = "removed" in (node.get("curated") or {})
        if str(node["code"]) not in in_document and not removed:
            run.result.removed.append(Removed(id(code_set), str(node["code"]), str(title)))
        elif removed and str(node["code"]) in in_document:
            line = next(c.line for c in table.codes if str(c.code) == str(node["code"]))
            run.report(
                line,
                f"code {node['code']} is marked removed in the catalog but the document has "
                "it again: delete its curated removed: if the API returns it again",
            )


_UNSET = object()  # a key of a new code held in its place until its value is known


def _new_code(run: Run, code: SourceCode, table: CodeTable, names: set[str]) -> CommentedMap:
    """A new code's node, its keys made in their final order from the start (each column's
    key held by ``_UNSET`` and dropped if no value comes): filled as an update would fill it,
    without inserting each key among the others (one walk of the node per column)."""
    node = CommentedMap()
    node["code"] = code.code if isinstance(code.code, int) else DoubleQuotedScalarString(code.code)
    for column in table.attributes:
        node[column.key] = _UNSET
    node["message"] = flow_map({})
    english = code.message if run.lang == "en" or run.lang.startswith("en-") else code.english
    name = code_name(code.code, english, code.name, names)
    names.add(name.text)
    node["curated"] = curated(name)
    _update_code(run.quiet(), node, code, table)
    for column in table.attributes:
        if node.get(column.key) is _UNSET:
            del node[column.key]
    return node


def _update_code(run: Run, node: CommentedMap, code: SourceCode, table: CodeTable) -> None:
    order = ("code", *(a.key for a in table.attributes), "message", "curated")
    for column in table.attributes:
        value = code.attrs.get(column.key)
        if column.kind == "text":
            text = value if isinstance(value, str) else None
            what = f"code {code.code}: {column.key}"
            set_text(run, node, column.key, text, code.line, order, what=what)
        elif column.key not in node or node[column.key] != value:
            old = node.get(column.key)
            put(node, column.key, value, order)
            if old != value:
                run.change(code.line, f"code {code.code}: {column.key} {show(old)} → {show(value)}")
    before = message_in(node, run.lang)
    set_text(
        run, node, "message", code.message, code.line, order, what=f"code {code.code}: message"
    )
    mark_stale(run, node, code.line, before)


def merge_translated_codes(
    run: Run, code_set: CommentedMap, table: CodeTable, attributes: dict[str, CommentedMap]
) -> None:
    nodes = {str(node["code"]): node for node in code_set["codes"]}
    for code in table.codes:
        node = nodes.get(str(code.code))
        if node is None:
            run.report(
                code.line,
                f"code {code.code} is in this document but not in the catalog; import it from "
                "a source-language document first",
            )
            continue
        what = f"code {code.code}: message"
        before = message_in(node, run.lang)
        set_text(run, node, "message", code.message, code.line, CODE_ORDER, what=what)
        clear_stale(run, node, code.line, before)
        for column in table.attributes:
            attribute = attributes.get(column.key)
            if attribute is not None:
                _translate_cell(run, attribute, node, code, column)


def _translate_cell(
    run: Run,
    attribute: CommentedMap,
    node: CommentedMap,
    code: SourceCode,
    column: AttributeColumn,
) -> None:
    value, ours = code.attrs.get(column.key), node.get(column.key)
    if column.kind == "text":
        if isinstance(ours, CommentedMap) and isinstance(value, str):
            set_text(
                run, node, column.key, value, code.line, (), what=f"code {code.code}: {column.key}"
            )
    elif column.kind == "flag":
        if isinstance(value, bool) and isinstance(ours, bool) and value != ours:
            run.report(
                code.line,
                f"code {code.code}: {column.header} is {show(value)} here but "
                f"{show(ours)} in the source language; kept {show(ours)}",
            )
    elif isinstance(value, str) and ours is not None:
        target = _find_value(attribute, str(ours), run.source)
        if target is None:
            return
        seen = run.labels.setdefault((id(attribute), str(ours), run.lang), (value, code.line))
        if seen[0] != value:
            run.report(
                code.line,
                f'{column.header} "{ours}" reads "{value}" here but "{seen[0]}" '
                f"at line {seen[1]}; kept the first",
            )
            return
        what = f'{column.key} value "{ours}": label'
        set_text(run, target, "label", value, code.line, ("label", "curated"), what=what)


# --- group values -------------------------------------------------------------------------


def _find_value(attribute: CommentedMap, label: str, lang: str) -> CommentedMap | None:
    for value in attribute.get("values") or []:
        if isinstance(value, CommentedMap) and (value.get("label") or {}).get(lang) == label:
            return value
    return None


def _ensure_value(
    attribute: CommentedMap, label: str, lang: str, known: set[tuple[int, str]] | None = None
) -> None:
    """Add the value labelled ``label`` to a group attribute unless it has one; ``known``
    remembers the (attribute, label) pairs seen in this merge, so a label is looked up once."""
    if known is not None and (id(attribute), label) in known:
        return
    if known is not None:
        known.add((id(attribute), label))
    if _find_value(attribute, label, lang) is not None:
        return
    values = attribute.setdefault("values", CommentedSeq())
    names = {
        str((v.get("curated") or {}).get("name")) for v in values if isinstance(v, CommentedMap)
    }
    value = CommentedMap()
    value["label"] = flow_map({lang: label})
    value["curated"] = curated(value_name(label, str(attribute["key"]), len(values) + 1, names))
    values.append(value)


# --- texts -------------------------------------------------------------------------------
