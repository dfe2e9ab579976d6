"""validate: structural problems found by the catalog's JSON Schema, in words one can act on."""

from __future__ import annotations

from pathlib import Path

import pytest

from codegen.catalog.load import validate_catalog
from tests.support.paths import TESTS

FIXTURES = TESTS / "fixtures" / "catalogs"
MINIMAL = (FIXTURES / "minimal.yaml").read_text("utf-8")
# Lines of MINIMAL (the root mapping starts on line 3): 3 format, 4 source_language,
# 5 languages, 6 curated, 7 module, 8 code_sets, 9 title, 10 code_type, 11 set curated,
# 12 codes, 13 code, 14 message, 15 code curated.


def problems(tmp_path: Path, *replacements: tuple[str, str]) -> list[str]:
    text = MINIMAL
    for old, new in replacements:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    catalog = tmp_path / "codes.yaml"
    catalog.write_text(text, encoding="utf-8")
    errors = validate_catalog(catalog, display_path="spec/codes.yaml")
    return [str(error).removeprefix("spec/codes.yaml:") for error in errors]


CASES = {
    "missing_top_level_key": (
        [("languages: [en]\n", "")],
        ["3:1: missing key 'languages' in the catalog: add it"],
    ),
    "misspelt_top_level_key": (
        [("languages: [en]", "languages: [en]\nlangauges: [en]")],
        [
            (
                "6:1: unknown key 'langauges' in the catalog: remove it or fix its spelling"
                " (expected one of format, source_language, languages, title, curated, code_sets)"
            )
        ],
    ),
    "missing_code_set_key": (
        [("    code_type: integer\n", "")],
        ["9:5: missing key 'code_type' in code set ResultCode: add it"],
    ),
    "missing_code_message": (
        [("        message: {en: OK}\n", "")],
        ["13:9: missing key 'message' in code 0: add it"],
    ),
    "unknown_curated_key_on_a_code": (
        [("{name: OK}", "{name: OK, retryble: true}")],
        [
            (
                "15:29: unknown key 'retryble' in curated: remove it or fix its spelling"
                " (expected one of name, retryable, note, derived, aliases, deprecated, removed,"
                " stale, parameters)"
            )
        ],
    ),
    "format_other_than_1": (
        [("format: 1", "format: 2")],
        ["3:9: format must be 1, the only format this codegen reads, not 2"],
    ),
    "code_type_not_in_its_enum": (
        [("code_type: integer", "code_type: int")],
        ["10:16: code_type must be one of integer, string, not 'int'"],
    ),
    "codes_empty": (
        [
            (
                (
                    "    codes:\n      - code: 0\n"
                    "        message: {en: OK}\n        curated: {name: OK}\n"
                ),
                "    codes: []\n",
            )
        ],
        ["12:12: codes must not be empty"],
    ),
    "message_not_a_mapping": (
        [("message: {en: OK}", "message: OK")],
        ["14:18: message must be a mapping, not 'OK'"],
    ),
    "text_not_a_string": (
        [("message: {en: OK}", "message: {en: 200}")],
        ["14:23: the 'en' text of message must be a string, not 200: quote it"],
    ),
    "retryable_not_a_boolean": (
        [("{name: OK}", "{name: OK, retryable: 'no'}")],
        ["15:40: retryable must be true or false, not 'no'"],
    ),
    "code_neither_integer_nor_string": (
        [("- code: 0", "- code: [0]")],
        ["13:15: code must be an integer or a string, not a list"],
    ),
    "code_a_boolean": (
        [("- code: 0", "- code: true")],
        ["13:15: code must be an integer or a string, not true: quote it"],
    ),
    "group_attribute_without_values": (
        [
            (
                "    curated: {name: ResultCode}\n",
                (
                    "    attributes:\n      - {key: service, kind: group, header: {en: Service}}\n"
                    "    curated: {name: ResultCode}\n"
                ),
            )
        ],
        ["12:9: missing key 'values' in attribute 'service': add it"],
    ),
    "attribute_kind_unknown": (
        [
            (
                "    curated: {name: ResultCode}\n",
                (
                    "    attributes:\n      - {key: service, kind: enum, header: {en: Service}}\n"
                    "    curated: {name: ResultCode}\n"
                ),
            )
        ],
        ["12:30: kind must be one of group, flag, text, not 'enum'"],
    ),
    "empty_file": (
        [(MINIMAL, "")],
        ["1:1: the catalog is empty: create it with `codegen import DOCUMENT`"],
    ),
    "root_not_a_mapping": (
        [(MINIMAL, "- format: 1\n")],
        ["1:1: the catalog must be a mapping, not a list"],
    ),
}


@pytest.mark.parametrize("case", list(CASES))
def test_each_structural_problem_gives_exactly_its_lines(tmp_path: Path, case: str) -> None:
    replacements, expected = CASES[case]
    assert problems(tmp_path, *replacements) == expected


def test_every_problem_is_listed_in_one_run_ordered_by_position(tmp_path: Path) -> None:
    found = problems(
        tmp_path,
        ("format: 1", "format: 3"),
        ("code_type: integer", "code_type: 7"),
        ("{name: OK}", "{name: Ok}"),
        ("module: minimal_codes", "module: minimal-codes"),
    )
    assert [line.split(": ", 1)[0] for line in found] == ["3:9", "7:11", "10:16", "15:25"]
