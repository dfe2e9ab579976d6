"""``codegen import DOC --retire --since VERSION``: the codes the document no longer has
become tombstones in the same run, never deleted.

A re-import lists each code of the catalog that the source-language document no longer has
(:class:`~codegen.importer.merge.codes.Removed`). With ``--retire`` each of them gets
``curated.removed: {since: VERSION, reason: "not in DOC"}`` (``DOC`` the document's file
name): generated code still recognises it, marks it removed, and ``validate`` refuses a new
code that reuses its value or name. ``since`` is given, never today's date, so that the same
command on the same files writes the same catalog.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import PurePath

from ruamel.yaml.comments import CommentedMap
from ruamel.yaml.scalarstring import DoubleQuotedScalarString

from codegen.catalog.roundtrip.tree import flow_map
from codegen.errors import InputError
from codegen.importer.merge.state import Removed


def check_options(retire: bool, since: str | None) -> None:
    """``--retire`` and ``--since`` go together; raises :class:`InputError` (exit 2) else."""
    if retire and not since:
        raise InputError(
            "--retire needs --since VERSION: the version or date from which the codes are no "
            'longer returned, written as removed.since (e.g. --since "2026-12")'
        )
    if since and not retire:
        raise InputError("--since is only used with --retire: add --retire, or drop --since")


def is_tombstone(code: object) -> bool:
    """Whether a catalog code node is marked ``curated.removed``."""
    curated = code.get("curated") if isinstance(code, CommentedMap) else None
    return isinstance(curated, CommentedMap) and "removed" in curated


def retire(root: CommentedMap, removed: list[Removed], since: str, document: str) -> None:
    """Mark each code of ``removed`` (by its set's ``id`` and its code) in ``root`` removed
    since ``since``, and say so in its item of ``removed``."""
    reason = f"not in {PurePath(document).name}"
    nodes = {
        (id(code_set), str(code["code"])): code
        for code_set in root.get("code_sets") or []
        for code in code_set.get("codes") or []
    }
    for index, item in enumerate(removed):
        node = nodes.get((item.code_set, item.code))
        if node is None or is_tombstone(node):
            continue
        curated = node.get("curated")
        if not isinstance(curated, CommentedMap):
            continue  # the catalog is invalid there; validate says so
        curated.fa.set_block_style()  # one key a line: name, ..., removed
        curated["removed"] = flow_map({"since": DoubleQuotedScalarString(since), "reason": reason})
        removed[index] = replace(item, retired=since)
