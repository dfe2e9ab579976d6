"""Where each code a page no longer has is, in the catalog as written: for the reports that
name it at its line (``path:line: code X of code set Y is not in the page``).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ruamel.yaml.comments import CommentedMap

from codegen.catalog import roundtrip
from codegen.catalog.parse import parse
from codegen.catalog.plain import LinedDict
from codegen.errors import CodegenError
from codegen.importer.merge.state import MergeResult


def code_set_ids(root: CommentedMap) -> list[int]:
    """The ``id()`` of each code set of the catalog tree ``root``, in order: what
    :class:`~codegen.importer.merge.state.Removed` names its code set by, so the reports
    need no tree once the catalog is written (``import`` frees it before reading the
    written text back)."""
    return [id(code_set) for code_set in root["code_sets"]]


def removed_reports(
    result: MergeResult, set_ids: Sequence[int], written: bytes, catalog: str, document: str
) -> list[str]:
    """Reports of the codes the document no longer has (or that ``--retire`` marked
    removed), with their line in the written file; ``set_ids`` are the catalog tree's
    :func:`code_set_ids`."""
    if not result.removed:
        return []
    lines = code_lines(set_ids, written, catalog)
    return [
        removed.report(catalog, lines.get((removed.code_set, removed.code), 0), document)
        for removed in result.removed
    ]


def code_lines(set_ids: Sequence[int], written: bytes, catalog: str) -> dict[tuple[int, str], int]:
    """The line of each code in the written file, by its code set's ``id`` (``set_ids``,
    the code sets in order: :func:`code_set_ids`) and its code.

    The file is read back by the catalog's fast loader (:func:`codegen.catalog.parse.parse`,
    libyaml: 0.2 s at 10,000 codes), whose mappings know their first line as ruamel's do;
    only a file it does not read is read by ruamel's round-trip loader (10 s at 10,000)."""
    try:
        data: Any = parse(written.decode("utf-8"), catalog)
    except CodegenError:
        data = None
    lines: dict[tuple[int, str], int] = {}
    if isinstance(data, LinedDict):
        for ours, theirs in zip(set_ids, data.get("code_sets") or []):
            for node in theirs["codes"]:
                lines[(ours, str(node["code"]))] = node.line
        return lines
    reloaded = roundtrip.load(written, catalog) or CommentedMap()
    for ours, theirs in zip(set_ids, reloaded.get("code_sets") or []):
        for node in theirs["codes"]:
            lines[(ours, str(node["code"]))] = node.lc.line + 1
    return lines
