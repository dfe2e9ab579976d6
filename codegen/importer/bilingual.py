"""Two message columns in two languages: the page's language is the message, the other its
translation (``中文说明 | English message``, ``message (korean) | message (english)``).

A code table has one message column (:mod:`.columns.roles`); another column whose header
says message (header words of any language, or a language's name: ``English``) is a text
attribute, unless the two are in two languages:

- A column's language is the one its header names (``English message``, ``Message (KO)``:
  :func:`~.columns.languages.header_language`), else the one its texts are clearly in
  (:func:`~.identify.identify_column`, a confidence of :data:`CLEAR` at least).
- When the message column is in another language than the page's and the other column in
  the page's, the page's is the message, wherever it stands (English first, Korean second).
- The column in another language is that language's translation of the message: the import
  merges it as if the page had been imported twice, once per language (so its texts fill
  ``message.en``, a changed one is listed, and a stale mark is cleared as on any translated
  page). A translation in the catalog's source language on a page of another language is
  left out: source texts come from the source page.

Each column so read is noted; a column whose language is unclear stays a text attribute.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from codegen.catalog.naming import LANGUAGE
from codegen.errors import InputError
from codegen.importer.codetable import AttributeColumn, CodeTable, SourceCode
from codegen.importer.columns.headers import hint
from codegen.importer.columns.languages import header_language
from codegen.importer.document import Document
from codegen.importer.readers.blocks import note

CLEAR = 0.6  # the confidence from which a column's texts say its language


@dataclass(frozen=True)
class Translations:
    """A page split by language: the page's own tables (``document``) and, per other
    language, a document of one table per code table with a column in that language
    (title, headers and attributes left out: only the messages and their header)."""

    document: Document
    by_language: tuple[tuple[str, Document], ...]


def split_languages(document: Document, lang: str, source: str) -> Translations:
    """``document`` (imported as ``lang`` into a catalog whose source language is
    ``source``) with each message column in another language taken out as a translation;
    each decision noted in the result's warnings."""
    notes: list[InputError] = []
    tables: list[CodeTable] = []
    translated: dict[str, list[CodeTable]] = {}
    for table in document.tables:
        own, others = _split(table, lang, source, document.path, notes)
        tables.append(own)
        for other_lang, other in others:
            translated.setdefault(other_lang, []).append(other)
    if not translated and not notes:
        return Translations(document, ())
    main = replace(document, tables=tuple(tables), warnings=(*document.warnings, *notes))
    return Translations(
        main,
        tuple(
            (other_lang, Document(document.path, None, tuple(found), ()))
            for other_lang, found in translated.items()
        ),
    )


def _split(
    table: CodeTable, lang: str, source: str, path: str, notes: list[InputError]
) -> tuple[CodeTable, list[tuple[str, CodeTable]]]:
    candidates = [
        c for c in table.attributes if c.kind in ("text", "group") and _message_like(c.header)
    ]  # a group: a column of few short messages repeats some (中文说明 of three codes)
    if not candidates or table.message_header is None:
        return table, []
    message_lang = _language(table.message_header, [code.message for code in table.codes])
    languages = {
        c.key: _language(c.header, [_text(code.attrs.get(c.key)) for code in table.codes])
        for c in candidates
    }
    if message_lang is not None and message_lang != lang:
        own = next((c for c in candidates if languages[c.key] == lang), None)
        if own is not None:  # the page's language is the message, the old one a translation
            table, swapped = _swapped(table, table.message_header, own)
            candidates = [swapped if c is own else c for c in candidates]
            languages[swapped.key] = message_lang
            what = (
                f'"{own.header}" is read as the message: its texts are in {lang}, the page\'s '
                f'language, and those of "{swapped.header}" in {message_lang}'
            )
            notes.append(note(what, path, table.line))
            message_lang = lang
    if message_lang is not None and message_lang != lang:
        return table, []  # the message itself is not in the page's language: no guess
    found: list[tuple[str, CodeTable]] = []
    taken: set[str] = set()
    for column in candidates:
        other = languages[column.key]
        if other is None or other == lang or other in taken or not LANGUAGE.fullmatch(other):
            continue
        taken.add(other)
        if other == source and lang != source:
            what = (
                f'column "{column.header}" holds {other} messages, the catalog\'s source '
                f"language, which come from the {other} page"
            )
            notes.append(note(what, path, table.line, left_out=True))
        else:
            found.append((other, _translation(table, column)))
            if other == "en":  # names of new codes come from their English message
                table = _with_english(table, column)
            what = f'column "{column.header}" is read as the {other} translation of the messages'
            notes.append(note(what, path, table.line))
        table = _without(table, column)
        kept = other != source or lang == source
        role = f"{other} translation of the messages" if kept else "left out"
        table = replace(table, roles=_reworded(table.roles, column.header, role))
    return table, found


def _message_like(header: str) -> bool:
    role = hint(header)
    return (role is not None and role.kind == "message") or header_language(header) is not None


def _language(header: str, texts: Sequence[str]) -> str | None:
    named = header_language(header)
    if named is not None:
        return named
    from codegen.importer.identify import identify_column  # loads a model: only when needed

    found = identify_column([t for t in texts if t])
    return found.lang if found.lang is not None and found.confidence >= CLEAR else None


def _text(value: object) -> str:
    return value if isinstance(value, str) else ""


def _swapped(
    table: CodeTable, header: str, column: AttributeColumn
) -> tuple[CodeTable, AttributeColumn]:
    """``table`` with ``column`` as its message and the old message column (``header``) as a
    text column under the key ``column`` had."""
    old = AttributeColumn(column.key, "text", header)
    codes = tuple(
        replace(
            code,
            message=_text(code.attrs.get(column.key)),
            attrs={**code.attrs, column.key: code.message},
        )
        for code in table.codes
    )
    attributes = tuple(old if c is column else c for c in table.attributes)
    roles = _reworded(table.roles, column.header, "message (its texts are in the page's language)")
    swapped = replace(
        table,
        message_header=column.header,
        codes=codes,
        attributes=attributes,
        roles=_reworded(roles, header, "text (the message's translation)"),
    )
    return swapped, old


def _translation(table: CodeTable, column: AttributeColumn) -> CodeTable:
    """The table of one translation column: its codes with that column's texts as their
    messages (codes without a text left out), nothing else of the table."""
    codes = tuple(
        SourceCode(code.code, text, {}, code.line)
        for code in table.codes
        if (text := _text(code.attrs.get(column.key)))
    )
    return CodeTable(
        title=None,
        section=None,
        description=None,
        code_header=None,
        message_header=column.header,
        attributes=(),
        code_type=table.code_type,
        codes=codes,
        line=table.line,
    )


def _with_english(table: CodeTable, column: AttributeColumn) -> CodeTable:
    codes = tuple(
        replace(code, english=_text(code.attrs.get(column.key)) or None) for code in table.codes
    )
    return replace(table, codes=codes)


def _reworded(roles: tuple[str, ...], header: str, role: str) -> tuple[str, ...]:
    """The ``import --explain`` lines with the role of the column ``header`` made ``role``
    (``column 3 "English message": en translation of the messages``)."""
    marker = f' "{header}": '
    return tuple(
        line[: line.index(marker) + len(marker)] + role if marker in line else line
        for line in roles
    )


def _without(table: CodeTable, column: AttributeColumn) -> CodeTable:
    codes = tuple(
        replace(code, attrs={k: v for k, v in code.attrs.items() if k != column.key})
        for code in table.codes
    )
    attributes = tuple(c for c in table.attributes if c is not column)
    return replace(table, attributes=attributes, codes=codes)
