"""What a page's code tables say together: a table that only adds columns to another's codes,
and a table that lists another vocabulary than codes.

Pages often follow their code table with a second one about the same codes (a retry policy:
``Error Code | Retryable | Strategy``), or precede it with one explaining the scheme of the
codes (what each digit means). Neither is a code set of its own:

- a table whose codes all appear in an earlier code table of the page, and whose message
  column no header named (its "message" is just its longest text, a strategy or a note),
  adds its columns to those codes, as attributes of the earlier table (its longest text as
  a group or text attribute); a note says so;
- a table whose codes are single digits that begin the codes of another table, with no
  column a header names as the message (the digits of a code scheme), or whose codes are
  HTTP methods or language tags, is not a code table: skipped with a note.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Literal

from codegen.errors import InputError
from codegen.importer.codetable import AttributeColumn, CodeTable, SourceCode
from codegen.importer.columns.cells import is_group_like
from codegen.importer.columns.headers import attribute_key
from codegen.importer.columns.languages import LANGUAGE_CODES
from codegen.importer.readers.blocks import note

_LANGUAGE_TAG = re.compile(r"([A-Za-z]{2})(?:[-_][A-Za-z0-9]{2,8})*")
HTTP_METHODS = frozenset(
    ["GET", "HEAD", "POST", "PUT", "DELETE", "CONNECT", "OPTIONS", "TRACE", "PATCH"]
)


def combined(
    tables: tuple[CodeTable, ...], path: str, warnings: list[InputError]
) -> tuple[CodeTable, ...]:
    """``tables`` with the tables of another vocabulary left out and the tables that only
    add columns folded into the table whose codes they describe; each change noted in
    ``warnings``."""
    schemes = _digit_schemes(tables)
    kept = [t for t in tables if not _other_vocabulary(t, schemes, path, warnings)]
    result: list[CodeTable] = []
    owners: dict[str, list[int]] = {}  # a code -> the positions in result of its tables
    for table in kept:
        keys = {str(code.code) for code in table.codes}
        at = None if table.message_named else _first_with(keys, owners, result)
        main = None if at is None else result[at]
        if main is None and table.message_header is None:
            shown = ", ".join(f'"{header}"' for header in table.headers)
            what = f"{_name(table)} is not a code table: no column holds messages (headers {shown})"
            fix = 'If it is a code table, name its message column with --column "HEADER=message"'
            warnings.append(note(what, path, table.line, fix=fix, left_out=True))
            continue
        if main is None or at is None:
            for key in keys:
                owners.setdefault(key, []).append(len(result))
            result.append(table)
            continue
        result[at] = _with_columns_of(main, table)
        added = ", ".join(f'"{h}"' for h in table.headers if h != table.code_header)
        what = (
            f"{_name(table)} lists only codes of {_name(main)} (line {main.line}): its columns "
            f"{added} are added to those codes"
        )
        warnings.append(note(what, path, table.line))
    return tuple(result)


def _first_with(
    keys: set[str], owners: dict[str, list[int]], result: list[CodeTable]
) -> int | None:
    """The position of the first table of ``result`` that has every code of ``keys``:
    tried among the tables of the key with fewest (``owners``), not among every table."""
    if not keys:
        return 0 if result else None
    fewest = min((owners.get(key, []) for key in keys), key=len)
    for at in fewest:
        if keys <= {str(c.code) for c in result[at].codes}:
            return at
    return None


def _name(table: CodeTable) -> str:
    return f'table "{table.title}"' if table.title else "the table"


def _with_columns_of(main: CodeTable, extra: CodeTable) -> CodeTable:
    """``main`` with the attribute columns of ``extra`` and its message column, if it has
    one (as a group attribute when its cells are short repeated labels, else a text
    attribute), each under a key ``main`` does not have yet; codes of ``main`` that
    ``extra`` does not list have no value there."""
    used = {column.key for column in main.attributes}
    moved: list[tuple[AttributeColumn, str]] = []  # (the new column, the key in extra)
    for column in extra.attributes:
        moved.append((replace(column, key=_free(column.key, used)), column.key))
    message: AttributeColumn | None = None
    if extra.message_header is not None:
        values = [code.message for code in extra.codes]
        kind: Literal["group", "text"] = "group" if is_group_like(values) else "text"
        key = _free(attribute_key(extra.message_header), used)
        message = AttributeColumn(key, kind, extra.message_header)
    rows = {str(code.code): code for code in extra.codes}

    def code_with(code: SourceCode) -> SourceCode:
        other = rows.get(str(code.code))
        attrs = dict(code.attrs)
        for column, key in moved:
            value = other.attrs.get(key) if other is not None else None
            attrs[column.key] = False if value is None and column.marks else value
        if message is not None:
            attrs[message.key] = other.message if other is not None else None
        return replace(code, attrs=attrs)

    added = (*(column for column, _ in moved), *([message] if message is not None else []))
    return replace(
        main,
        attributes=(*main.attributes, *added),
        codes=tuple(code_with(code) for code in main.codes),
        roles=main.roles + _added_roles(extra, added),
        headers=main.headers + extra.headers,
    )


def _added_roles(extra: CodeTable, added: tuple[AttributeColumn, ...]) -> tuple[str, ...]:
    """What ``import --explain`` says of the columns a table added to another's codes."""
    return tuple(
        f'column "{column.header}" of the table at line {extra.line}: {column.kind} '
        f"{column.key} (added to the codes it lists)"
        for column in added
    )


def _free(key: str, used: set[str]) -> str:
    """``key``, else ``key_2``, ``key_3``…: the first not in ``used`` (which it joins)."""
    candidate, count = key, 2
    while candidate in used:
        candidate, count = f"{key}_{count}", count + 1
    used.add(candidate)
    return candidate


def _other_vocabulary(
    table: CodeTable, schemes: set[frozenset[str]], path: str, warnings: list[InputError]
) -> bool:
    """Whether ``table`` lists another vocabulary than codes; if so, noted in ``warnings``."""
    codes = [str(code.code) for code in table.codes]
    reason = None
    if all(code.upper() in HTTP_METHODS for code in codes):
        reason = "HTTP methods"
    elif len(codes) >= 3 and all(_language_tag(code) for code in codes):
        reason = "language tags"
    elif (
        not table.message_named
        and all(len(code) == 1 and code.isdigit() for code in codes)
        and any(scheme <= set(codes) for scheme in schemes)
    ):
        reason = "the digits of a code scheme, which begin the codes of another table"
    if reason is None:
        return False
    what = f"{_name(table)} lists {reason}, not codes"
    fix = 'If it is a code table, name its code column with --column "HEADER=code"'
    warnings.append(note(what, path, table.line, fix=fix, left_out=True))
    return True


def _language_tag(code: str) -> bool:
    """Whether ``code`` is a language tag (``en``, ``es-MX``, ``pt_BR``) of an ISO 639-1
    language: three or more such codes make a table of languages."""
    found = _LANGUAGE_TAG.fullmatch(code)
    return found is not None and found[1].lower() in LANGUAGE_CODES


def _digit_schemes(tables: tuple[CodeTable, ...]) -> set[frozenset[str]]:
    """The first digits of the codes of each table whose codes are all longer than one
    character and begin with a digit (computed once, not per table of digits): a table of single digits
    (``_other_vocabulary``) that has every digit of one of them begins another table's codes."""
    schemes: set[frozenset[str]] = set()
    for other in tables:
        codes = [str(code.code).lstrip("-") for code in other.codes]
        if codes and all(len(c) > 1 and c[0].isdigit() for c in codes):
            schemes.add(frozenset(c[0] for c in codes))
    return schemes
