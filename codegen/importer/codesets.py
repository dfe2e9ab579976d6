"""From a table as read to code tables: rows to codes, the code type, duplicates and groups.

The third stage of an import: a placed table (:mod:`.readers.blocks`) and its column roles
(:mod:`.columns.roles`) become one :class:`CodeTable`, or several when the same code appears in two
groups of the table. Nothing is lost silently:

- **Codes exactly as written.** A set is an integer set only when every code is a plain
  ASCII integer without a leading zero (``0``, ``17``, ``-100``); a leading zero, hex,
  letters or non-ASCII digits make it a string set that keeps each code's text, so
  ``0001`` and ``1`` are two codes.
- **Rows that cannot be used** (wrong number of cells, no code, no message, a range of codes
  such as ``700 ~ 799``, a flag cell that is not yes/no) are skipped with a warning naming
  their line.
- **The same code twice**: with the same message it is listed once (a warning); in two
  groups of a group column it is two codes, and the table becomes one code set per group
  (a note says so); with two messages and nothing to tell them apart it is an error naming
  both lines.
- A table that is not a code table (request parameters, a change log) is skipped with a note.
"""

from __future__ import annotations

import re
import sys
from dataclasses import replace
from typing import Literal

from codegen.catalog.naming import attribute_key_problem
from codegen.catalog.rules.texts import control_character_problem
from codegen.errors import InputError
from codegen.importer.codetable import AttributeColumn, AttrValue, CodeTable, SourceCode
from codegen.importer.columns.cells import (
    flag_value,
    is_code,
    range_of,
    split_code_and_text,
    unspan,
)
from codegen.importer.columns.codecolumn import Column
from codegen.importer.columns.flags import DASHES
from codegen.importer.columns.headers import HeaderDictionary
from codegen.importer.columns.roles import Roles, decide
from codegen.importer.readers.blocks import PlacedTable, RawRow, RawTable, from_sheet, note, skipped

_INTEGER = re.compile(r"0|-?[1-9][0-9]*")


def code_tables(
    placed: PlacedTable,
    words: HeaderDictionary,
    path: str,
    warnings: list[InputError],
    page_title: str | None = None,
) -> list[CodeTable]:
    """The code tables of one placed table: none (with a note), one, or one per group."""
    table = from_sheet(placed.table)
    table = replace(table, headers=tuple(unspan(header) for header in table.headers))
    context = placed.context
    title, from_page = (context.title, False) if context.title else (page_title, True)
    name = f'table "{title}"' if title else "table"
    width = len(table.headers)
    usable = [row for row in table.rows if _fits(row, width, path, warnings)]
    roles = decide(table.headers, [tuple(map(unspan, row.cells)) for row in usable], words)
    if not isinstance(roles, str) and roles.message is None and not usable:
        roles = "no column holds messages"
    if isinstance(roles, str):
        what = f"{name} is not a code table: {roles}"
        warnings.append(note(what, path, table.line, table.column, _column_fix(roles), True))
        return []
    columns = _attribute_columns(roles)
    rows = [c for c in (_row(row, roles, columns, path, warnings) for row in usable) if c]
    if not rows:
        warnings.append(skipped(f"{name} has no usable row", "", path, table.line, table.column))
        return []
    header = table.headers
    base = CodeTable(
        title=title,
        section=context.section if context.title else None,
        description=context.description,
        code_header=header[roles.code],
        message_header=header[roles.message] if roles.message is not None else None,
        attributes=columns,
        code_type="string",
        codes=(),
        line=table.line,
        name_header=header[roles.name] if roles.name is not None else None,
        title_from_page=from_page and title is not None,
        roles=tuple(_explained(column, columns) for column in roles.columns),
        headers=tuple(header),
        message_named=(
            roles.message is not None
            and roles.columns[roles.message].reason != "longest text column"
        ),
    )
    groups = _by_group(rows, columns, path, name, warnings, table)
    if not groups:
        return []
    if len(groups) == 1:
        return [_finish(base, groups[0][1])]
    return [
        _finish(replace(base, title=label, section=title, title_from_page=False), codes)
        for label, codes in groups
    ]


def _explained(column: Column, attributes: tuple[AttributeColumn, ...]) -> str:
    """``column 2 "Code": code (header; 6 cells are codes, 6 with a digit, all distinct)``."""
    key = next((a.key for a in attributes if a.header == column.header), "")
    role = f"{column.kind} {key}" if key else column.kind
    return f'column {column.index + 1} "{column.header}": {role} ({column.reason})'


def _column_fix(reason: str) -> str:
    what = "code" if "codes" in reason else "message"
    return f'If it is a code table, name its {what} column with --column "HEADER={what}"'


def _fits(row: RawRow, width: int, path: str, warnings: list[InputError]) -> bool:
    if len(row.cells) == width:
        return True
    fewer = "few" if len(row.cells) < width else "many"
    what = f"row has too {fewer} cells ({len(row.cells)}, the header has {width})"
    warnings.append(skipped(what, "Fix the row in the document", path, row.line, row.column))
    return False


def _attribute_columns(roles: Roles) -> tuple[AttributeColumn, ...]:
    """The attribute columns with their final keys: distinct, and none a reserved word."""
    used: set[str] = set()
    suffixes: dict[str, int] = {}  # the next suffix to try for each key: n same headers, n keys
    columns: list[AttributeColumn] = []
    for column in roles.attributes:
        key = column.key
        if key != "retryable" or column.kind != "flag":
            for code_type in ("integer", "string"):
                if attribute_key_problem(key, code_type):
                    key = f"{key}_value"
        stem, count = key, suffixes.get(key, 2)
        while key in used:
            key, count = f"{stem}_{count}", count + 1
        suffixes[stem] = count
        used.add(key)
        kind: Literal["group", "flag", "text"] = column.kind  # type: ignore[assignment]
        columns.append(AttributeColumn(key, kind, column.header, column.marks))
    return tuple(columns)


def _row(
    row: RawRow,
    roles: Roles,
    columns: tuple[AttributeColumn, ...],
    path: str,
    warnings: list[InputError],
) -> SourceCode | None:
    code = unspan(row.cells[roles.code])
    message = row.cells[roles.message] if roles.message is not None else None
    label = None
    if roles.split and code:
        pair = split_code_and_text(code)
        code, text = pair if pair else (code, "")
        label, message = (_label(text), message) if roles.labels else (None, text)
    if not code:
        warnings.append(skipped("row has no code", "", path, row.line, row.column))
        return None
    given = roles.columns[roles.code].reason == "given"
    if not given and not is_code(code) and not range_of(code):
        what = f'row has "{code}" where its code should be, which is not a code'
        fix = "Fix the row in the document, or give the code column with --column"
        warnings.append(skipped(what, fix, path, row.line, row.column))
        return None
    if range_of(code):
        warnings.append(
            skipped(
                f'row "{code}" is a range of codes, not one code',
                "List the codes of the range one per row if clients must know them",
                path,
                row.line,
                row.column,
            )
        )
        return None
    if message == "":
        warnings.append(skipped(f"row has no message for code {code}", "", path, row.line))
        return None
    attrs: dict[str, AttrValue] = {}
    for column, role in zip(columns, roles.attributes):
        cell = row.cells[role.index]
        if column.kind == "flag":
            cell = unspan(cell)
        if column.kind != "flag":
            attrs[column.key] = cell or None
        elif column.marks:
            attrs[column.key] = bool(cell.strip())
        elif not cell or cell in DASHES:
            attrs[column.key] = None
        elif (value := flag_value(cell)) is not None:
            attrs[column.key] = value
        else:
            what = f'row has "{column.header}" "{cell}" for code {code}'
            warnings.append(skipped(what, "Write yes or no", path, row.line, row.column))
            return None
    name = unspan(row.cells[roles.name]) if roles.name is not None else label
    for cell in row.cells:
        if problem := control_character_problem(cell):
            fix = "; fix the document (the catalog refuses such characters)"
            raise InputError(f"a cell of code {code}: {problem.split(': remove')[0]}{fix}",
                             path, row.line, row.column)  # fmt: skip
    return SourceCode(code, message or "", attrs, row.line, name or None)


def _by_group(
    rows: list[SourceCode],
    columns: tuple[AttributeColumn, ...],
    path: str,
    name: str,
    warnings: list[InputError],
    table: RawTable,
) -> list[tuple[str | None, list[SourceCode]]]:
    """The rows as one group, or one group per value of the column that tells apart codes
    listed twice with different messages; none, with a warning that the table is not read,
    when no column does (which of the two texts is the code's, nobody can tell)."""
    first: dict[str, SourceCode] = {}
    clashes: list[tuple[SourceCode, SourceCode]] = []
    for code in rows:
        seen = first.setdefault(str(code.code), code)
        if seen is not code and (seen.message != code.message or seen.attrs != code.attrs):
            clashes.append((seen, code))
    if not clashes:
        return [(None, _once(rows, path, warnings))]
    for column in columns:
        if column.kind != "group":
            continue
        keys = [(code.attrs.get(column.key), str(code.code)) for code in rows]
        if None not in (k[0] for k in keys) and len(set(keys)) == len(keys):
            labels = list(dict.fromkeys(str(k[0]) for k in keys))
            shown = ", ".join(labels)
            warnings.append(
                note(
                    f'{name}: code {clashes[0][0].code} is in two "{column.header}" groups; '
                    f"imported as {len(labels)} code sets, one per group ({shown})",
                    path,
                    table.line,
                    table.column,
                )
            )
            return [
                (label, [c for c in rows if c.attrs.get(column.key) == label]) for label in labels
            ]
    seen, code = clashes[0]
    what = (
        f"{name} is not read: code {code.code} has two different messages in it "
        f'("{seen.message}" at line {seen.line}, "{code.message}" at line {code.line}) and no '
        "column tells them apart"
    )
    warnings.append(skipped(what, "Keep one of them in the document", path, code.line))
    return []


def _once(rows: list[SourceCode], path: str, warnings: list[InputError]) -> list[SourceCode]:
    first: dict[str, SourceCode] = {}
    for code in rows:
        key = str(code.code)
        seen = first.get(key)
        if seen is None:
            first[key] = code
        else:
            what = f"code {key} is listed again (first at line {seen.line})"
            warnings.append(skipped(what, "", path, code.line))
    return list(first.values())


def _finish(base: CodeTable, codes: list[SourceCode]) -> CodeTable:
    """The table with its codes and code type (integer only for plain ASCII integers of
    at most the digits Python reads, 4,300: a longer one is text)."""
    limit = sys.get_int_max_str_digits()  # 0: no limit
    integer = all(
        isinstance(c.code, str)
        and _INTEGER.fullmatch(c.code)
        and not 0 < limit < len(c.code.lstrip("-"))
        for c in codes
    )
    if integer and codes:
        codes = [replace(c, code=int(c.code)) for c in codes]
    return replace(base, codes=tuple(codes), code_type="integer" if integer else "string")


def _label(text: str) -> str | None:
    """The label beside a code in its cell, without the parentheses or dash around it
    (``(OK)`` → ``OK``, ``- Bad request`` → ``Bad request``); None when empty."""
    label = text.strip().strip("()[]（）-–—:").strip()
    return label or None
