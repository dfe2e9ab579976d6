"""A code table: what stage 3 of an import (:mod:`codegen.importer.codesets`) makes of a
table of the page, and stage 4 (:mod:`codegen.importer.merge`) merges into the catalog.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal

AttrValue = str | bool | None


@dataclass(frozen=True)
class AttributeColumn:
    """A column imported as an attribute: its catalog key, kind and header."""

    key: str
    kind: Literal["group", "flag", "text"]
    header: str
    marks: bool = False  # a flag written as a mark or nothing: the mark is true, nothing false


@dataclass(frozen=True)
class SourceCode:
    """One row of a code table: the code, its message, its other cells by attribute key,
    and the document's own name for it (from a name column), if any."""

    code: int | str
    message: str
    attrs: Mapping[str, AttrValue]
    line: int
    name: str | None = None
    english: str | None = None  # its message in English, from a translation column of the page


@dataclass(frozen=True)
class CodeTable:
    """One code table of a document, ready to be merged into the catalog.

    ``title_from_page``: the table has no heading of its own and ``title`` is the page's
    title; a merge then keeps a title the catalog already has.
    """

    title: str | None
    section: str | None
    description: str | None
    code_header: str | None  # None: a translation column's table, which leaves it as it is
    message_header: str | None  # None: only adds columns to another table's codes
    attributes: tuple[AttributeColumn, ...]
    code_type: Literal["integer", "string"]
    codes: tuple[SourceCode, ...]
    line: int
    name_header: str | None = None
    title_from_page: bool = False
    roles: tuple[str, ...] = ()  # per column: its role and why (``import --explain``)
    headers: tuple[str, ...] = ()  # every header of the table, in order
    message_named: bool = True  # a header (or a person) said which column is the message

    def code(self, key: str) -> SourceCode | None:
        for code in self.codes:
            if str(code.code) == key:
                return code
        return None
