"""The catalog at a git ref against the working tree's: what ``codegen diff`` reports and
``codegen check --breaking-against REF`` judges.

Both catalogs are read as plain data (:func:`codegen.catalog.parse.parse`, then
:func:`codegen.evolution.revision.revision`), never validated, so a catalog at an old ref
that newer rules would refuse is still compared; only a text no report can print (a
surrogate, written as a YAML escape) and a catalog past the size bounds (codes, sets,
attributes, group values, languages) are refused, as every other command refuses them. A
catalog whose path did not exist at the ref is looked for where the ref's configuration put
it (:mod:`codegen.evolution.moved`); only a ref with neither a configuration nor a catalog
compares as an empty one: everything in the working tree's is added, and nothing breaks.
:func:`location` finds where in the working tree's catalog a change is, for a
``path:line:col`` message.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from codegen.catalog.parse import locate, parse, read_text
from codegen.catalog.rules.size import too_many_codes
from codegen.catalog.rules.texts import first_surrogate
from codegen.errors import InputError
from codegen.evolution.breaking import verdict
from codegen.evolution.changes import Change
from codegen.evolution.diff import diff
from codegen.evolution.gitref import Base, read_base
from codegen.evolution.revision import Revision, revision
from codegen.limits import MAX_CATALOG_BYTES


@dataclass(frozen=True)
class Comparison:
    """The working tree's catalog (``catalog``: its path as shown) against ``base``."""

    catalog: str
    base: Base
    changes: tuple[Change, ...]

    @cached_property
    def breaking(self) -> tuple[Change, ...]:
        return tuple(c for c in self.changes if verdict(c).breaking)

    @cached_property
    def other(self) -> tuple[Change, ...]:
        return tuple(c for c in self.changes if not verdict(c).breaking)

    @property
    def against(self) -> str:
        """``origin/main (1a2b3c4d5e6f)``: the base as a heading names it; with the path
        when the catalog was elsewhere there: ``origin/main:spec/codes.yaml (1a2b3c4d5e6f,
        moved)``."""
        if self.base.moved:
            return f"{self.base.name}:{self.base.path} ({self.base.short}, moved)"
        return f"{self.base.name} ({self.base.short})"


# The top-level key holding what a change is about when the change has no line of its own.
TOP_KEYS = {
    "language_added": "languages",
    "language_removed": "languages",
    "module_renamed": "curated",
}


def compare_with_ref(
    catalog: str, ref: str | None, config: Path | None = None, follow: bool = False
) -> tuple[Comparison, str]:
    """The working tree's catalog at ``catalog`` (a path as shown, usable from the working
    directory) against it at ``ref`` (None: the default base,
    :func:`codegen.evolution.gitref.default_base`); also the working tree's text.
    ``config`` is the configuration file in use (None: none): when the catalog's path is not
    in the base, or ``follow`` (the path is the configuration's, not the command line's),
    the base's configuration says where its catalog was (:mod:`codegen.evolution.moved`). InputError outside a repository, for an unknown ref,
    when either catalog is not YAML, or when the base has a configuration but no catalog."""
    limit = MAX_CATALOG_BYTES
    too_large = f"the catalog is larger than {limit // 2**20} MiB, the limit"
    base = read_base(Path(catalog), catalog, ref, limit, too_large, config, follow)
    text = read_text(catalog, catalog)
    head = revision(_plain(text, catalog))
    changes = diff(_base_revision(base), head)
    return Comparison(catalog, base, changes), text


def _base_revision(base: Base) -> Revision:
    if base.data is None:
        return Revision()
    shown = f"{base.ref or base.short}:{base.path}"  # as git show names it
    if len(base.data) > MAX_CATALOG_BYTES:
        limit = MAX_CATALOG_BYTES // 2**20
        raise InputError(f"the catalog is larger than {limit} MiB, the limit", shown)
    try:
        text = base.data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InputError("not UTF-8 at this revision: cannot compare with it", shown) from None
    return revision(_plain(text, shown))


def _plain(text: str, shown: str) -> object:
    """The catalog text as plain data, never validated, but refused (one located line)
    when a text holds a surrogate, which no report could print, or when it has more codes,
    code sets, attributes, group values or languages than any command reads
    (:func:`~codegen.catalog.rules.size.too_many_codes`): what a diff costs grows with them
    (a base of three million languages took 47 s and 2.3 GB, issue #18's trial)."""
    data = parse(text, shown)
    problem = too_many_codes(data) or first_surrogate(text, data)
    if problem is not None:
        raise locate(text, [problem], shown)[0]
    return data


def location(change: Change, lines: list[str]) -> tuple[int, int]:
    """The 1-based line and column in the working tree's catalog (``lines``) of the entry
    ``change`` is about: the code's or the set's first key, else the top-level key holding
    it (``languages``, ``code_sets``); ``(0, 0)`` when none is found."""
    line = change.line
    if not line:
        key = TOP_KEYS.get(change.kind, "code_sets") + ":"
        line = next((n for n, text in enumerate(lines, 1) if text.startswith(key)), 0)
    if not 0 < line <= len(lines):
        return 0, 0
    text = lines[line - 1]
    rest = text.lstrip(" ")
    if rest.startswith("- "):  # the first key of a mapping in a list
        rest = rest[2:].lstrip(" ")
    return line, len(text) - len(rest) + 1
