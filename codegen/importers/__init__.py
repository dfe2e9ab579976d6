"""Readers that find the code tables of a documentation page.

``parse_document`` is the whole pipeline, pure (text in, tables out): a reader for the
page's form (:mod:`.text`, :mod:`.markdown`, :mod:`.html`) produces blocks,
:mod:`.tables` places each table under its headings, :mod:`.codes` turns it into a
:class:`~.codes.CodeTable` using the header dictionary (:mod:`.headers`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import PurePath
from typing import Literal

from codegen.errors import InputError
from codegen.importers.codes import CodeTable, code_table
from codegen.importers.headers import HeaderDictionary
from codegen.importers.html import read_html
from codegen.importers.markdown import read_markdown
from codegen.importers.tables import Skipped, page_title, place_tables
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
        blocks = read_markdown(source, path)
    else:
        blocks = read_html(source, path)
    skipped_before = len(warnings)
    tables = [code_table(placed, words, path, warnings) for placed in place_tables(blocks)]
    found = tuple(table for table in tables if table is not None)
    if not found:
        reasons = [w for w in warnings[skipped_before:] if isinstance(w, Skipped)]
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
            "no code table found: a code table needs a header row naming a code column "
            "(e.g. resultCode, コード値, Code Value, 코드); name an unknown one with "
            '--column "HEADER=code"',
            path,
            1,
            1,
        )
    return Document(path, page_title(blocks), found, tuple(warnings))
