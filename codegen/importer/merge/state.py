"""One merge: its state and result, the one place a text of the catalog is assigned, and
the order of the keys of each kind of node.

:func:`set_text` assigns a text only when it differs, so an unchanged document leaves the
tree, and so the file, as it was; each change is listed in the :class:`MergeResult`, each
code the document no longer has is a :class:`Removed`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from ruamel.yaml.comments import CommentedMap
from ruamel.yaml.scalarstring import LiteralScalarString

from codegen.catalog.placeholders import DEFAULT_SYNTAXES, Syntax
from codegen.catalog.roundtrip.tree import flow_map, put
from codegen.importer.document import Document
from codegen.importer.merge.names import Name

CODE_ORDER = ("code", "message", "curated")


@dataclass(frozen=True)
class Removed:
    """A code of the catalog that the source document no longer has: kept and reported, or
    marked removed since ``retired`` (``import --retire --since``)."""

    code_set: int  # id() of the code set node
    code: str
    title: str
    retired: str = ""

    def report(self, catalog: str, line: int, document: str) -> str:
        where = f"{catalog}:{line}" if line else catalog
        what = f"{where}: code {self.code} of code set {self.title} is not in {document}"
        if self.retired:
            return f"{what}: marked removed since {self.retired}"
        return (
            f"{what}; if it was withdrawn, import again with --retire --since VERSION to keep "
            "it as a removed code (a tombstone)"
        )


@dataclass
class MergeResult:
    """What the merge did (``changes``) and what it left for a person (``reports``,
    ``removed``, and ``stale``: the codes whose translations its source changes made stale)."""

    changes: list[str] = field(default_factory=list)
    reports: list[str] = field(default_factory=list)
    removed: list[Removed] = field(default_factory=list)
    stale: list[str] = field(default_factory=list)  # a line per code whose translations went stale
    added_codes: int = 0
    added_sets: int = 0
    filled: int = 0  # texts that had no value in the document's language before

    def then(self, other: MergeResult) -> MergeResult:
        """This result followed by ``other``'s (a page's translation merged after it); the
        texts ``filled`` stay this result's, which counts those of its language."""
        return MergeResult(
            self.changes + other.changes,
            self.reports + other.reports,
            self.removed + other.removed,
            self.stale + other.stale,
            self.added_codes + other.added_codes,
            self.added_sets + other.added_sets,
            self.filled,
        )


@dataclass
class Run:
    """One merge: the document, its language, the catalog's source language, the result."""

    doc: Document
    lang: str
    source: str
    catalog_path: str
    result: MergeResult
    labels: dict[tuple[int, str, str], tuple[str, int]] = field(default_factory=dict)
    values_seen: set[tuple[int, str]] = field(default_factory=set)  # (id(attribute), label)
    group_values: dict[int, Any] = field(default_factory=dict)  # merge.codes' index, by id()
    syntaxes: tuple[Syntax, ...] = DEFAULT_SYNTAXES  # the catalog's placeholder syntaxes

    @property
    def is_source(self) -> bool:
        return self.lang == self.source

    def quiet(self) -> Run:
        """The same merge, listing nothing (for items that are new as a whole)."""
        return Run(
            self.doc,
            self.lang,
            self.source,
            self.catalog_path,
            MergeResult(),
            syntaxes=self.syntaxes,
        )

    def change(self, line: int, text: str) -> None:
        self.result.changes.append(f"{self.doc.path}:{line}: {text}")

    def report(self, line: int, text: str) -> None:
        self.result.reports.append(f"{self.doc.path}:{line}: {text}")


def curated(name: Name) -> CommentedMap:
    """The ``curated:`` block of a new item: its name, and ``derived: true`` when made up."""
    block = {"name": name.text, "derived": True} if name.derived else {"name": name.text}
    return flow_map(block)


def set_text(
    run: Run,
    owner: CommentedMap,
    key: str,
    text: str | None,
    line: int,
    order: Sequence[str],
    flow: bool = True,
    what: str = "",
) -> None:
    """Set ``owner[key][lang]``; a changed text is listed, an unchanged one is not touched."""
    what = what or key
    texts = owner.get(key)
    old = texts.get(run.lang) if isinstance(texts, CommentedMap) else None
    if text == old:
        return
    if text is None:
        if run.lang == run.source and isinstance(texts, CommentedMap):
            del texts[run.lang]
            if not texts:
                del owner[key]
            run.change(line, f"{what} removed (was {show(old)})")
        return
    value = LiteralScalarString(text) if "\n" in text and not flow else text
    if not isinstance(texts, CommentedMap):
        put(
            owner,
            key,
            flow_map({run.lang: value}) if flow else CommentedMap({run.lang: value}),
            order,
        )
    else:
        texts[run.lang] = value
    if old is not None:
        run.change(line, f"{what} {show(old)} → {show(text)}")
    else:
        run.result.filled += 1


def show(value: object) -> str:
    if value is None:
        return "(empty)"
    if isinstance(value, bool):
        return "true" if value else "false"
    return f'"{value}"'


ROOT_ORDER = ("format", "source_language", "languages", "title", "curated", "code_sets")


ATTRIBUTE_ORDER = ("key", "kind", "header", "values")


SET_ORDER = (
    "title",
    "section",
    "description",
    "code_type",
    "columns",
    "attributes",
    "curated",
    "codes",
)
