"""The parameter records ``import`` writes (``curated.parameters``, a block list of flow
mappings in a block ``curated:``) are written by the fast emitter exactly as ruamel writes
them, and read back by the fast loader: a first import, and a re-import that adds a
record to a code whose ``curated:`` was a flow mapping with a stale mark."""

from __future__ import annotations

from ruamel.yaml.comments import CommentedMap

from codegen.catalog.roundtrip import tree as roundtrip
from codegen.catalog.roundtrip.dialect import dump_with_ruamel
from codegen.catalog.roundtrip.emit import emit
from codegen.importer.columns.headers import header_dictionary
from codegen.importer.document import parse_document
from codegen.importer.merge.sets import merge_document

PAGE = """\
# Errors

| Code | Message |
| --- | --- |
| 0 | Success |
| 4001 | The storage quota of {0} MB is used up |
| 4002 | Invalid parameter: %(name)s (%d given) |
| 4003 | {field} must be at most {max:d} characters |
| 4004 | Rate ${rate} per {{unit}} |
"""


def _merge(root: CommentedMap | str, page: str, lang: str) -> str:
    """``page`` merged into the catalog (a tree, or a text read back as import reads it),
    written by the emitter, which must write what ruamel writes."""
    if isinstance(root, str):
        root = roundtrip.load(root.encode("utf-8"), "codes.yaml")
    document = parse_document(page, "codes.md", "markdown", header_dictionary([]))
    merge_document(root, document, lang, "codes.yaml")
    fast = emit(root)
    assert fast is not None, "the emitter left this tree to ruamel"
    assert fast == dump_with_ruamel(root)
    return fast


def test_a_first_import_with_parameters_is_written_as_ruamel_writes_it() -> None:
    root = roundtrip.new_catalog("en", "codes", schema_comment=True)
    written = _merge(root, PAGE, "en")
    assert (
        "          parameters:\n"
        "            - {name: name, type: string, placeholder: name}\n"
        "            - {name: arg0, type: integer, placeholder: 0, derived: true}\n"
        "      - code: 4003\n"
    ) in written
    assert "- {name: max, type: integer, placeholder: max}\n" in written
    assert "- {name: unit, type: string, placeholder: unit}\n" in written
    again = roundtrip.load_fast(written.encode("utf-8"), "codes.yaml")
    assert again is not None  # the fast loader reads it back
    assert emit(again) == written


def test_a_record_added_to_a_flow_curated_with_a_stale_mark_is_written_as_ruamel_writes_it() -> (
    None
):
    root = roundtrip.new_catalog("en", "codes", schema_comment=True)
    written = _merge(_merge(root, PAGE, "en"), PAGE.replace("Success", "Erfolg"), "de")
    assert "        curated: {name: SUCCESS, derived: true}\n" in written
    written = _merge(written, PAGE.replace("Success", "Success for {user}"), "en")
    assert (
        "        curated:\n"
        "          name: SUCCESS\n"
        "          derived: true\n"
        "          parameters:\n"
        "            - {name: user, type: string, placeholder: user}\n"
        "          stale: [de]\n"
    ) in written
    assert roundtrip.load_fast(written.encode("utf-8"), "codes.yaml") is not None
