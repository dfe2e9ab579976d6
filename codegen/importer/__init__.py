"""Importing a documentation page: its code tables found, read and merged into the catalog.

The stages, one room each:

1. **Find the tables** (:mod:`.readers`): a reader for the page's form (plain text,
   Markdown, HTML) turns the page into blocks (headings, notes, tables with merged cells
   filled in), and places each table under its headings.
2. **Decide the column roles** (:mod:`.columns`): from the cells, with the header words
   as a hint and the roles a person gave as the last word.
3. **Build the code tables** (:mod:`.codesets`, into :mod:`.codetable`): rows into codes,
   the code type, duplicates and groups; what cannot be used is reported.
4. **Merge** into the catalog's round-trip tree (:mod:`.merge`), naming what is new.

:mod:`.document` reads a page and runs stages 1 to 3 (``parse_document`` is pure: text in,
a :class:`~.document.Document` out). :mod:`.language` decides what language the page is
imported as, :mod:`.columns.options` what ``--column`` and the catalog's recorded columns
say. The readers import markdown-it and the merge ruamel.yaml, so this face imports their
names on first use.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from codegen._lazy import lazy
from codegen.importer.columns.headers import HeaderDictionary, header_dictionary

if TYPE_CHECKING:
    from codegen.importer.document import (
        Document,
        Form,
        detect_form,
        parse_document,
        read_document,
    )
    from codegen.importer.merge.retire import retire
    from codegen.importer.merge.sets import merge_document
    from codegen.importer.merge.state import MergeResult, Removed

__all__ = [
    "Document",
    "Form",
    "HeaderDictionary",
    "MergeResult",
    "Removed",
    "detect_form",
    "header_dictionary",
    "merge_document",
    "parse_document",
    "read_document",
    "retire",
]
__getattr__ = lazy(
    __name__,
    {
        "Document": ".document",
        "Form": ".document",
        "detect_form": ".document",
        "parse_document": ".document",
        "read_document": ".document",
        "MergeResult": ".merge.state",
        "Removed": ".merge.state",
        "merge_document": ".merge.sets",
        "retire": ".merge.retire",
    },
)
