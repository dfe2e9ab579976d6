"""Where each code a page no longer has is, in the catalog as written: for the reports that
name it at its line (``path:line: code X of code set Y is not in the page``).
"""

from __future__ import annotations

from typing import Any

from ruamel.yaml.comments import CommentedMap

from codegen.catalog import roundtrip
from codegen.catalog.parse import parse
from codegen.catalog.plain import LinedDict
from codegen.errors import CodegenError
from codegen.importer.merge.state import MergeResult


def removed_reports(
    result: MergeResult, root: CommentedMap, written: bytes, catalog: str, document: str
) -> list[str]:
    """Reports of the codes the document no longer has (or that ``--retire`` marked
    removed), with their line in the written file."""
    if not result.removed:
        return []
    lines = code_lines(root, written, catalog)
    return [
        removed.report(catalog, lines.get((removed.code_set, removed.code), 0), document)
        for removed in result.removed
    ]


def code_lines(root: CommentedMap, written: bytes, catalog: str) -> dict[tuple[int, str], int]:
    """The line of each code in the written file, by its code set's ``id`` and its code.

    The file is read back by the catalog's fast loader (:func:`codegen.catalog.parse.parse`,
    libyaml: 0.2 s at 10,000 codes), whose mappings know their first line as ruamel's do;
    only a file it does not read is read by ruamel's round-trip loader (10 s at 10,000)."""
    try:
        data: Any = parse(written.decode("utf-8"), catalog)
    except CodegenError:
        data = None
    lines: dict[tuple[int, str], int] = {}
    if isinstance(data, LinedDict):
        for ours, theirs in zip(root["code_sets"], data.get("code_sets") or []):
            for node in theirs["codes"]:
                lines[(id(ours), str(node["code"]))] = node.line
        return lines
    reloaded = roundtrip.load(written, catalog) or CommentedMap()
    for ours, theirs in zip(root["code_sets"], reloaded.get("code_sets") or []):
        for node in theirs["codes"]:
            lines[(id(ours), str(node["code"]))] = node.lc.line + 1
    return lines
