"""From a table as read to a code table: columns by role, one code per row, the code type.

A table needs exactly one code column and one message column (see :mod:`.headers`);
a table without a code column is skipped with a warning (it is some other table of the
page). A row that cannot be used (wrong number of cells, no code, no message, a flag that is
not true/false) is skipped with a warning naming its line; the same code twice in one table
with two different messages is an error, since neither can be picked.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal

from codegen.errors import InputError
from codegen.importers.headers import HeaderDictionary, Role
from codegen.importers.tables import PlacedTable, RawRow, RawTable, skipped

AttrValue = str | bool | None
_INTEGER = re.compile(r"-?\d+")


@dataclass(frozen=True)
class AttributeColumn:
    key: str
    kind: Literal["group", "flag", "text"]
    header: str


@dataclass(frozen=True)
class SourceCode:
    """One row of a code table: the code, its message and its other cells by attribute key."""

    code: int | str
    message: str
    attrs: Mapping[str, AttrValue]
    line: int


@dataclass(frozen=True)
class CodeTable:
    """One code table of a document, ready to be merged into the catalog."""

    title: str | None
    section: str | None
    description: str | None
    code_header: str
    message_header: str
    attributes: tuple[AttributeColumn, ...]
    code_type: Literal["integer", "string"]
    codes: tuple[SourceCode, ...]
    line: int

    def code(self, key: str) -> SourceCode | None:
        for code in self.codes:
            if str(code.code) == key:
                return code
        return None


@dataclass(frozen=True)
class _Columns:
    code: int
    message: int
    attributes: tuple[tuple[int, AttributeColumn], ...]


def code_table(
    placed: PlacedTable, words: HeaderDictionary, path: str, warnings: list[InputError]
) -> CodeTable | None:
    """The code table, or ``None`` (with a warning) when the table has no code column."""
    table, context = placed.table, placed.context
    name = f'table "{context.title}"' if context.title else "table"
    columns = _columns(table, words, path, name, warnings)
    if columns is None:
        return None
    rows = [c for c in (_row(table, row, columns, path, warnings) for row in table.rows) if c]
    codes = _unique(rows, path, warnings)
    if not codes:
        warnings.append(skipped(f"{name} has no usable row", "", path, table.line, table.column))
        return None
    integer = all(isinstance(c.code, str) and _INTEGER.fullmatch(c.code) for c in codes)
    if integer:
        codes = [SourceCode(int(c.code), c.message, c.attrs, c.line) for c in codes]
    return CodeTable(
        title=context.title,
        section=context.section,
        description=context.description,
        code_header=table.headers[columns.code],
        message_header=table.headers[columns.message],
        attributes=tuple(attribute for _, attribute in columns.attributes),
        code_type="integer" if integer else "string",
        codes=tuple(codes),
        line=table.line,
    )


def _columns(
    table: RawTable, words: HeaderDictionary, path: str, name: str, warnings: list[InputError]
) -> _Columns | None:
    roles = [words.role(header) for header in table.headers]
    headers = ", ".join(f'"{h}"' for h in table.headers)
    codes = [i for i, role in enumerate(roles) if role is not None and role.kind == "code"]
    messages = [i for i, role in enumerate(roles) if role is not None and role.kind == "message"]
    if len(codes) != 1 or len(messages) != 1:
        what = "code" if len(codes) != 1 else "message"
        many = "more than one" if len(codes if what == "code" else messages) > 1 else "no"
        warnings.append(
            skipped(
                f"{name} has {many} {what} column (headers {headers})",
                f'If it is a code table, name its {what} column with --column "HEADER={what}"',
                path,
                table.line,
                table.column,
            )
        )
        return None
    attributes: list[tuple[int, AttributeColumn]] = []
    for index, (header, role) in enumerate(zip(table.headers, roles)):
        if role is None:
            raise InputError(
                f'{name} has a column "{header}" the importer does not know; map it with '
                f'--column "{header}=KEY:KIND" (KIND group, flag or text)',
                path,
                table.line,
                table.column,
            )
        attribute = _attribute(role, header)
        if attribute is not None:
            if any(a.key == attribute.key for _, a in attributes):
                raise InputError(
                    f'{name} has two "{attribute.key}" columns; map one of them to another '
                    f'key with --column "{header}=KEY:KIND"',
                    path,
                    table.line,
                    table.column,
                )
            attributes.append((index, attribute))
    return _Columns(codes[0], messages[0], tuple(attributes))


def _attribute(role: Role, header: str) -> AttributeColumn | None:
    if role.kind in ("code", "message"):
        return None
    kind: Literal["group", "flag", "text"] = (
        "group" if role.kind == "group" else "flag" if role.kind == "flag" else "text"
    )
    return AttributeColumn(role.key, kind, header)


def _row(
    table: RawTable, row: RawRow, columns: _Columns, path: str, warnings: list[InputError]
) -> SourceCode | None:
    width = len(table.headers)
    if len(row.cells) != width:
        fewer = "few" if len(row.cells) < width else "many"
        warnings.append(
            skipped(
                f"row has too {fewer} cells ({len(row.cells)}, the header has {width})",
                "Fix the row in the document",
                path,
                row.line,
                row.column,
            )
        )
        return None
    code, message = row.cells[columns.code], row.cells[columns.message]
    if not code or not message:
        what = "code" if not code else f"message for code {code}"
        warnings.append(skipped(f"row has no {what}", "", path, row.line, row.column))
        return None
    attrs: dict[str, AttrValue] = {}
    for index, attribute in columns.attributes:
        cell = row.cells[index]
        if attribute.kind != "flag" or not cell:
            attrs[attribute.key] = cell or None
        elif cell.casefold() in ("true", "false"):
            attrs[attribute.key] = cell.casefold() == "true"
        else:
            warnings.append(
                skipped(
                    f'row has "{attribute.header}" "{cell}" for code {code}',
                    "Write true or false",
                    path,
                    row.line,
                    row.column,
                )
            )
            return None
    return SourceCode(code, message, attrs, row.line)


def _unique(rows: list[SourceCode], path: str, warnings: list[InputError]) -> list[SourceCode]:
    first: dict[str, SourceCode] = {}
    for code in rows:
        key = str(code.code)
        seen = first.get(key)
        if seen is None:
            first[key] = code
        elif seen.message == code.message:
            warnings.append(
                skipped(
                    f"code {key} is listed again (first at line {seen.line})", "", path, code.line
                )
            )
        else:
            raise InputError(
                f'code {key} has two different messages in one table ("{seen.message}" at line '
                f'{seen.line}, "{code.message}" here); keep one of them in the document',
                path,
                code.line,
            )
    return list(first.values())
