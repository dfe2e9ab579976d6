"""The line a report gives for a code the document no longer has: read back by the fast
loader, the same as ruamel's round-trip loader gave (the former way), on the line of the
code's ``- code:``."""

from __future__ import annotations

import re

from bench import synth
from bench.documents import to_markdown
from codegen.catalog.roundtrip import tree as roundtrip
from codegen.importer.columns.headers import header_dictionary
from codegen.importer.document import parse_document
from codegen.importer.merge.removed import code_lines, code_set_ids, removed_reports
from codegen.importer.merge.sets import merge_document


def _ruamel_lines(root: object, written: bytes) -> dict[tuple[int, str], int]:
    """The former way: the written file read again by ruamel's round-trip loader."""
    reloaded = roundtrip.load(written, "codes.yaml")
    assert reloaded is not None
    lines = {}
    for ours, theirs in zip(root["code_sets"], reloaded["code_sets"]):  # type: ignore[index]
        for node in theirs["codes"]:
            lines[(id(ours), str(node["code"]))] = node.lc.line + 1
    return lines


def _without_some_rows(page: str) -> str:
    rows = page.split("\n")
    kept = [row for index, row in enumerate(rows) if not (row.startswith("| ") and index % 7 == 3)]
    return "\n".join(kept)


def test_removed_codes_are_reported_on_the_lines_ruamel_gave(tmp_path: object) -> None:
    catalog = synth.build_catalog(1000)
    page = to_markdown(catalog, "ja")
    document = parse_document(page, "codes.md", "markdown", header_dictionary([]))
    root = roundtrip.new_catalog("ja", "codes", schema_comment=True)
    merge_document(root, document, "ja", "codes.yaml")
    written = roundtrip.dump(root).encode("utf-8")

    tree = roundtrip.load(written, "codes.yaml")
    assert tree is not None
    shorter = parse_document(
        _without_some_rows(page), "codes.md", "markdown", header_dictionary([])
    )
    result = merge_document(tree, shorter, "ja", "codes.yaml")
    assert len(result.removed) > 50
    again = roundtrip.dump(tree).encode("utf-8")

    lines = code_lines(code_set_ids(tree), again, "codes.yaml")
    assert lines == _ruamel_lines(tree, again)
    reports = removed_reports(result, code_set_ids(tree), again, "codes.yaml", "codes.md")
    text = again.decode("utf-8").split("\n")
    for removed, report in zip(result.removed, reports):
        line = int(re.match(r"codes\.yaml:(\d+):", report).group(1))  # type: ignore[union-attr]
        assert re.fullmatch(rf" *- code: \"?{re.escape(removed.code)}\"?", text[line - 1])


def test_a_file_with_comments_gives_the_same_lines() -> None:
    catalog = synth.build_catalog(148)
    text = synth.catalog_yaml(catalog)
    text = text.replace("\n  - title:", "\n  # a set\n  - title:", 2)
    root = roundtrip.load(text.encode("utf-8"), "codes.yaml")
    assert root is not None
    written = roundtrip.dump(root).encode("utf-8")
    assert b"# a set" in written
    assert code_lines(code_set_ids(root), written, "codes.yaml") == _ruamel_lines(root, written)
