"""Codes and group values merged into a code set: the per-code half of :mod:`.sets`.

A source-language table adds new codes (each named by :mod:`.names`) after the code that
precedes them in the document, updates changed messages and cells (a changed message marks
the code's translations stale, :mod:`.stale`), and lists the codes the document no longer
has; another language's table fills only that language's messages (a new one clears its
stale mark), texts and group labels.
"""

from __future__ import annotations

from typing import Any

from ruamel.yaml.comments import Comment, CommentedMap, CommentedSeq
from ruamel.yaml.scalarstring import DoubleQuotedScalarString

from codegen.catalog.placeholders import without_placeholders
from codegen.catalog.roundtrip.tree import flow_map, new_map, put
from codegen.importer.codetable import AttributeColumn, CodeTable, SourceCode
from codegen.importer.merge.names import code_name, value_name
from codegen.importer.merge.parameters import (
    check_translation,
    record_parameters,
    set_name,
    update_parameters,
)
from codegen.importer.merge.stale import clear_stale, mark_stale, message_in
from codegen.importer.merge.state import CODE_ORDER, Removed, Run, curated, set_text, show

# --- codes --------------------------------------------------------------------------------


def merge_source_codes(
    run: Run, code_set: CommentedMap, table: CodeTable, attributes: dict[str, CommentedMap]
) -> None:
    """Add the table's new codes, each after the code before it in the table (the first
    ones first), update the others, add their group values, list the codes it lacks."""
    codes: CommentedSeq = code_set["codes"]
    nodes = {str(node["code"]): node for node in codes}
    names = {str((node.get("curated") or {}).get("name")) for node in codes}
    after: dict[int, list[CommentedMap]] = {}  # new codes by id() of the node they follow
    previous = 0  # id() of the code before, 0 before the first
    for code in table.codes:
        key = str(code.code)
        node = nodes.get(key)
        if node is None:
            node = nodes[key] = _new_code(run, code, table, names)
            record_parameters(run, node, set_name(code_set))
            last = id(list.__getitem__(codes, -1)) if codes else 0
            if previous == last and previous not in after:
                codes.append(node)  # after the last code: the common case
            else:
                after.setdefault(previous, []).insert(0, node)  # as codes.insert(after it)
            run.result.added_codes += 1
            run.change(code.line, f"code {key}: added")
        else:
            _update_code(run, node, code, table)
        previous = id(node)
        for column in table.attributes:
            if column.kind == "group" and code.attrs.get(column.key) is not None:
                label = str(code.attrs[column.key])
                _ensure_value(attributes[column.key], label, run)
    if after:
        _place_new_codes(codes, after)
    _list_removed(run, code_set, table)


def _place_new_codes(codes: CommentedSeq, after: dict[int, list[CommentedMap]]) -> None:
    """Put each new code right after the node it follows (``after``, by id(); 0: the
    start), as one pass: inserting each and re-reading every position after it made a
    re-import quadratic. Comments on the items move with their items, as ruamel's
    ``insert`` moves them."""
    old = list(codes)
    placed: list[CommentedMap] = []
    for node in [None, *old]:  # the start, then every old node
        if node is not None:
            placed.append(node)
        stack = list(after.get(0 if node is None else id(node), ()))[::-1]
        while stack:
            new = stack.pop()
            placed.append(new)
            stack.extend(list(after.get(id(new), ()))[::-1])
    at = {id(node): index for index, node in enumerate(placed)}
    comment = getattr(codes, Comment.attrib, None)
    if comment is not None and comment.items:
        added = len(placed) - len(old)
        moved = {
            at[id(old[index])] if index < len(old) else index + added: value
            for index, value in comment.items.items()
        }
        comment.items.clear()
        comment.items.update(moved)
    list.__setitem__(codes, slice(None), placed)  # its __setitem__ drops the comments


def _list_removed(run: Run, code_set: CommentedMap, table: CodeTable) -> None:
    """List the set's codes the table lacks; report a removed code it has again."""
    codes: CommentedSeq = code_set["codes"]
    lines = {str(code.code): code.line for code in reversed(table.codes)}
    title = f'"{table.title}"' if table.title else (code_set.get("curated") or {}).get("name")
    for node in codes:
        removed = "removed" in (node.get("curated") or {})
        if str(node["code"]) not in lines and not removed:
            run.result.removed.append(Removed(id(code_set), str(node["code"]), str(title)))
        elif removed and str(node["code"]) in lines:
            run.report(
                lines[str(node["code"])],
                f"code {node['code']} is marked removed in the catalog but the document has "
                "it again: delete its curated removed: if the API returns it again",
            )


def _new_code(run: Run, code: SourceCode, table: CodeTable, names: set[str]) -> CommentedMap:
    """A new code's node, its keys in order: code, the table's cells, message, curated."""
    english = code.message if run.lang == "en" or run.lang.startswith("en-") else code.english
    if english:
        english = without_placeholders(english, run.syntaxes)  # QUOTA_OF_MB, not QUOTA_OF_0_MB
    name = code_name(code.code, english, code.name, names)
    names.add(name.text)
    value = code.code if isinstance(code.code, int) else DoubleQuotedScalarString(code.code)
    if any(column.key in CODE_ORDER for column in table.attributes):
        node = new_map([("code", value), ("message", flow_map({})), ("curated", curated(name))])
        _update_code(run.quiet(), node, code, table)  # a column keyed like a code's own key
        return node
    pairs: list[tuple[str, Any]] = [("code", value)]
    for column in table.attributes:
        cell = code.attrs.get(column.key)
        if column.kind != "text":
            pairs.append((column.key, cell))
        elif isinstance(cell, str):
            pairs.append((column.key, flow_map({run.lang: cell})))
    message = {} if code.message is None else {run.lang: code.message}
    pairs += [("message", flow_map(message)), ("curated", curated(name))]
    return new_map(pairs)


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
    update_parameters(run, node, code.line, before)


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
        check_translation(run, node, code.line, code.message)
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
        target = _find_value(run, attribute, str(ours), run.source)
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


class _Values:
    """A group attribute's values by label, read once per merge: looking a label up
    scanned every value, once per code of a translated table."""

    def __init__(self, attribute: CommentedMap) -> None:
        self.attribute = attribute  # kept, so its id() is not reused while this lives
        self.by_lang: dict[str, dict[str, CommentedMap]] = {}
        self.names: set[str] | None = None

    def find(self, label: str, lang: str) -> CommentedMap | None:
        """The first value whose label in ``lang`` is ``label``."""
        index = self.by_lang.get(lang)
        if index is None:
            index = self.by_lang[lang] = {}
            for value in self.attribute.get("values") or []:
                texts = value.get("label") if isinstance(value, CommentedMap) else None
                text = texts.get(lang) if isinstance(texts, CommentedMap) else None
                if isinstance(text, str):
                    index.setdefault(text, value)
        return index.get(label)

    def add(self, label: str, lang: str) -> None:
        """Append a new value labelled ``label``, named after it (:func:`value_name`)."""
        values = self.attribute.setdefault("values", CommentedSeq())
        if self.names is None:
            self.names = {
                str((v.get("curated") or {}).get("name"))
                for v in values
                if isinstance(v, CommentedMap)
            }
        key = str(self.attribute["key"])
        name = value_name(label, key, len(values) + 1, self.names)
        value = CommentedMap()
        value["label"] = flow_map({lang: label})
        value["curated"] = curated(name)
        values.append(value)
        self.names.add(name.text)
        self.by_lang.setdefault(lang, {}).setdefault(label, value)


def _values(run: Run, attribute: CommentedMap) -> _Values:
    """The merge's index of ``attribute``'s values."""
    found = run.group_values.get(id(attribute))
    if not isinstance(found, _Values) or found.attribute is not attribute:
        found = run.group_values[id(attribute)] = _Values(attribute)
    return found


def _find_value(run: Run, attribute: CommentedMap, label: str, lang: str) -> CommentedMap | None:
    return _values(run, attribute).find(label, lang)


def _ensure_value(attribute: CommentedMap, label: str, run: Run) -> None:
    """Add the value labelled ``label`` in the merge's language to a group attribute unless
    it has one; the merge remembers the (attribute, label) pairs it has seen, so a label is
    looked up once."""
    if (id(attribute), label) in run.values_seen:
        return
    run.values_seen.add((id(attribute), label))
    values = _values(run, attribute)
    if values.find(label, run.lang) is None:
        values.add(label, run.lang)


# --- texts -------------------------------------------------------------------------------
