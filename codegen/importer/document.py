"""A documentation page read into its code tables: stages 1 to 3 of an import.

:func:`read_document` reads the page (bounded, UTF-8), :func:`detect_form` tells its form
from its name or first lines, and :func:`parse_document` finds its tables
(:mod:`codegen.importer.readers`), decides their column roles
(:mod:`codegen.importer.columns`) and builds the code tables
(:mod:`codegen.importer.codesets`). It is pure, text in and a :class:`Document` out, or
one error when the page has no code table; only :func:`read_document` reads a file.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path, PurePath
from typing import Literal

from codegen.errors import InputError
from codegen.files import decode_utf8, read_limited
from codegen.importer.codesets import code_tables
from codegen.importer.codetable import CodeTable
from codegen.importer.columns.headers import HeaderDictionary
from codegen.importer.combine import combined
from codegen.importer.readers.blocks import Note, Skipped, page_title, place_tables
from codegen.importer.readers.budget import PageBudget, check_tables
from codegen.importer.readers.html import read_html
from codegen.importer.readers.markdown import read_markdown
from codegen.importer.readers.text import read_text
from codegen.limits import MAX_CODE_SETS, MAX_CODES, MAX_DOCUMENT_BYTES

Form = Literal["text", "markdown", "html"]
_SUFFIXES: dict[str, Form] = {
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".txt": "text",
}
_DELIMITER_CELL = re.compile(r"\s*:?-+:?\s*")  # each part stops where the next begins
_MARKDOWN_HEADING = re.compile(r"#{1,6}\s")


@dataclass(frozen=True)
class Document:
    """The code tables of one page, in document order, and what was skipped on the way."""

    path: str
    title: str | None
    tables: tuple[CodeTable, ...]
    warnings: tuple[InputError, ...]


def detect_form(path: str, source: str) -> Form:
    """The page's form from its file name, else from its first lines."""
    by_suffix = _SUFFIXES.get(PurePath(path).suffix.lower())
    if by_suffix is not None:
        return by_suffix
    head = source.lstrip()[:200].lower()
    if head.startswith(("<!doctype html", "<html")):
        return "html"
    for line in source.split("\n")[:2000]:
        if _pipe_delimiter(line) or _MARKDOWN_HEADING.match(line):
            return "markdown"
        if line.lstrip().lower().startswith("<table"):
            return "markdown"
    return "text"


def _pipe_delimiter(line: str) -> bool:
    """Whether ``line`` is a pipe table's delimiter row (``|---|:--:|``, ``--- | ---``):
    cells of dashes between pipes, two at least unless both outer pipes are there. Split at
    the pipes, each cell matched alone: linear in the line (one pattern for the whole row
    backtracked quadratically on a long line of spaces)."""
    text = line.strip()
    lead, trail = text.startswith("|"), len(text) > 1 and text.endswith("|")
    cells = text[int(lead) : len(text) - int(trail)].split("|")
    if not all(_DELIMITER_CELL.fullmatch(cell) for cell in cells):
        return False
    return len(cells) >= 2 or (lead and trail)


def parse_document(source: str, path: str, form: Form, words: HeaderDictionary) -> Document:
    """Every code table of the page; an error when there is none, or when the page's
    tables are past the page-wide limits (:mod:`codegen.importer.readers.budget`), checked
    before any column role is decided."""
    warnings: list[InputError] = []
    if form == "text":
        blocks = read_text(source, path, words, warnings)
    elif form == "markdown":
        blocks = read_markdown(source, path, warnings, PageBudget(path))
    else:
        blocks = read_html(source, path, warnings, PageBudget(path))
    check_tables(blocks, path)
    skipped_before = len(warnings)
    title = page_title(blocks)
    named = title or PurePath(path).stem  # a table with no title of its own takes the page's
    found = combined(
        tuple(
            table
            for placed in place_tables(blocks)
            for table in code_tables(placed, words, path, warnings, named)
        ),
        path,
        warnings,
    )
    _check_codes(found, path)
    if not found:
        reasons = [w for w in warnings[skipped_before:] if isinstance(w, Skipped)]
        reasons.sort(key=lambda w: isinstance(w, Note))
        if reasons:
            first = reasons[0]
            fix = f". {first.fix}" if first.fix else ""
            raise InputError(
                f"{first.what}, so no code table is left to import{fix}",
                first.path,
                first.line,
                first.column,
            )
        raise InputError(
            "no code table found: a code table needs a header row and a column of codes "
            '(name one with --column "HEADER=code" if the importer missed it)',
            path,
            1,
            1,
        )
    return Document(path, title, found, tuple(warnings))


def _check_codes(tables: tuple[CodeTable, ...], path: str) -> None:
    """Raise :class:`InputError` at the row of the page's code tables past ``MAX_CODES``
    codes, the most a catalog holds: refused here, before the merge, the catalog's text and
    its validation each spend their memory on every code (a page of 199,990 codes took
    16 s, or a MemoryError, before validate refused the catalog it made). A table that only
    adds columns to another's codes (no message column) adds no code.

    Likewise at the first table past ``MAX_CODE_SETS`` tables, the most code sets a catalog
    holds (each table is a code set; 30,000 tables ran past 90 s before validate refused
    the catalog)."""
    if len(tables) > MAX_CODE_SETS:
        raise InputError(
            f"the page has more than {MAX_CODE_SETS:,} code tables, the most code sets one "
            "catalog holds: import the page in parts, into more than one catalog",
            path,
            tables[MAX_CODE_SETS].line,
            1,
        )
    count = 0
    for table in tables:
        if table.message_header is None:
            continue
        if count + len(table.codes) > MAX_CODES:
            row = table.codes[MAX_CODES - count]
            raise InputError(
                f"the page's code tables have more than {MAX_CODES:,} codes, the most one "
                "catalog holds: import the page in parts, into more than one catalog",
                path,
                row.line,
                1,
            )
        count += len(table.codes)


def read_document(path: str) -> str:
    """The document's text; a one-line error when it is missing, too big or not UTF-8."""
    too_large = (
        f"the document is larger than {MAX_DOCUMENT_BYTES // (1024 * 1024)} MiB; import "
        "the page in parts"
    )
    try:
        if os.path.isdir(path):
            raise InputError("is a folder; give the path of a document file", path)
        data = read_limited(Path(path), MAX_DOCUMENT_BYTES, path, too_large=too_large)
    except FileNotFoundError:
        raise InputError("no such file; check the document path", path) from None
    except OSError as error:
        raise InputError(f"cannot read the document: {error.strerror}", path) from None
    text = decode_utf8(data, path, "save the document as UTF-8")
    return text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
