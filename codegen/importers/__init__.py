"""Importing a documentation page: its code tables, found, read and merged into the catalog.

The stages, one module each:

1. **Find the tables**: a reader for the page's form (:mod:`.text`, :mod:`.markdown`,
   :mod:`.html`) turns the page into blocks (headings, notes, tables with merged cells
   filled in); :mod:`.tables` places each table under its headings and makes a
   spreadsheet export a plain table.
2. **Decide the column roles**: :mod:`.roles`, from the cells (the questions about them
   are :mod:`.cells`), with the header words of :mod:`.headers` as a hint and the roles a
   person gave as the last word.
3. **Build the code tables**: :mod:`.codesets` turns rows into codes, decides the code
   type, and reports what it could not use.
4. **Merge** into the catalog: :mod:`.merge` and :mod:`.merge_codes`, naming what is new
   with :mod:`.names`.

``parse_document`` runs stages 1 to 3 and is pure: text in, code tables out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import PurePath
from typing import Literal

from codegen.errors import InputError
from codegen.importers.codesets import CodeTable, code_tables
from codegen.importers.headers import HeaderDictionary
from codegen.importers.html import read_html
from codegen.importers.markdown import read_markdown
from codegen.importers.tables import Note, Skipped, page_title, place_tables
from codegen.importers.text import read_text

Form = Literal["text", "markdown", "html"]
_SUFFIXES: dict[str, Form] = {
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".txt": "text",
}
_PIPE_DELIMITER = re.compile(r"\s*\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)+\|?\s*|\s*\|\s*:?-+:?\s*\|\s*")
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
        if _PIPE_DELIMITER.fullmatch(line) or _MARKDOWN_HEADING.match(line):
            return "markdown"
        if line.lstrip().lower().startswith("<table"):
            return "markdown"
    return "text"


def parse_document(source: str, path: str, form: Form, words: HeaderDictionary) -> Document:
    """Every code table of the page; an error when there is none."""
    warnings: list[InputError] = []
    if form == "text":
        blocks = read_text(source, path, words, warnings)
    elif form == "markdown":
        blocks = read_markdown(source, path, warnings)
    else:
        blocks = read_html(source, path)
    skipped_before = len(warnings)
    title = page_title(blocks)
    found = tuple(
        table
        for placed in place_tables(blocks)
        for table in code_tables(placed, words, path, warnings, title)
    )
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
