"""``codegen diff [REF]`` and the breaking-change half of ``codegen check
--breaking-against REF``: the catalog at a git ref against the working tree's.

Both catalogs are read as plain data (:func:`codegen.spec_yaml.parse`, then
:func:`codegen.revision.revision`), never validated, so a catalog at an old ref that newer
rules would refuse is still compared. A catalog that did not exist at the ref compares as
an empty one: everything in the working tree's is added, and nothing breaks.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from codegen.catalog_diff import Change, diff
from codegen.diff_report import Comparison, check_lines, render
from codegen.errors import ExitCode, InputError
from codegen.gitref import Base, read_base
from codegen.revision import Revision, revision
from codegen.spec_yaml import MAX_BYTES, parse, read_text

# The top-level key holding what a change is about when the change has no line of its own.
TOP_KEYS = {"language_added": "languages", "language_removed": "languages"}


def compare(catalog: str, ref: str | None) -> tuple[Comparison, str]:
    """The working tree's catalog at ``catalog`` (a path as shown, usable from the working
    directory) against it at ``ref`` (None: the default base, :func:`codegen.gitref.
    default_base`); also the working tree's text. InputError outside a repository, for an
    unknown ref, or when either catalog is not YAML."""
    base = read_base(Path(catalog), catalog, ref)
    text = read_text(catalog, catalog)
    head = revision(parse(text, catalog))
    changes = diff(_base_revision(base), head)
    return Comparison(catalog, base, changes), text


def _base_revision(base: Base) -> Revision:
    if base.data is None:
        return Revision()
    shown = f"{base.ref or base.short}:{base.path}"  # as git show names it
    if len(base.data) > MAX_BYTES:
        raise InputError(f"the catalog is larger than {MAX_BYTES // 2**20} MiB, the limit", shown)
    try:
        text = base.data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InputError("not UTF-8 at this revision: cannot compare with it", shown) from None
    return revision(parse(text, shown))


def run_diff(args: argparse.Namespace) -> ExitCode:
    """Print the changes in ``args.format``; exit 0 whatever they are."""
    from codegen.config import load_config

    config = load_config(args)
    comparison, _ = compare(config.catalog, args.ref)
    sys.stdout.write(render(comparison, args.format))
    return ExitCode.OK


def breaking_check(catalog: str, ref: str) -> ExitCode:
    """Print one ``catalog:line:col: ...`` line per breaking change against ``ref``, a note
    per other change and a verdict; exit 1 when something breaks, else 0."""
    comparison, text = compare(catalog, ref)
    lines = text.splitlines()

    def where(change: Change) -> tuple[str, int, int]:
        return (catalog, *location(change, lines))

    sys.stdout.write(check_lines(comparison, where))
    return ExitCode.OUT_OF_DATE if comparison.breaking else ExitCode.OK


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
