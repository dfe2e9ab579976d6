"""Reading and parsing the catalog: only plain, bounded UTF-8 YAML gets in; the rest is refused
with its position. Every test runs with both loaders: libyaml's (when installed) and ruamel's."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from codegen.catalog import load, parse
from codegen.catalog.load import load_catalog, validate_catalog
from codegen.catalog.plain import LinedDict
from codegen.catalog.rules import size
from codegen.errors import CodegenError, InputError
from tests.support.paths import TESTS

FIXTURES = TESTS / "fixtures" / "catalogs"
PLAIN = "the catalog is plain YAML: mappings, lists, strings, numbers, true/false and null"


@pytest.fixture(autouse=True, params=["c_loader", "pure_loader"])
def loader(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    if request.param == "c_loader":
        pytest.importorskip("codegen.catalog.libyaml", exc_type=ImportError)
    monkeypatch.setattr(parse, "C_LOADER", request.param == "c_loader")
    return str(request.param)


def problems_of(tmp_path: Path, content: str | bytes) -> list[str]:
    catalog = tmp_path / "codes.yaml"
    if isinstance(content, str):
        catalog.write_text(content, encoding="utf-8")
    else:
        catalog.write_bytes(content)
    return [str(error) for error in validate_catalog(catalog, display_path="spec/codes.yaml")]


HOSTILE = {
    "python_object_tag": (
        "format: !!python/object/apply:os.system ['echo pwned']\n",
        f"1:9: the tag !!python/object/apply:os.system is not allowed: remove it; {PLAIN}",
    ),
    "python_name_tag": (
        "format: 1\nmodule: !!python/name:os.system\n",
        f"2:9: the tag !!python/name:os.system is not allowed: remove it; {PLAIN}",
    ),
    "unknown_local_tag": (
        "format: !custom 1\n",
        f"1:9: the tag !custom is not allowed: remove it; {PLAIN}",
    ),
    "safe_but_unneeded_tag": (
        "languages: !!set {ja: null}\n",
        f"1:12: the tag !!set is not allowed: remove it; {PLAIN}",
    ),
    "billion_laughs": (
        (
            "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
            "b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
            "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\n"
            "d: [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n"
        ),
        (
            "1:4: anchors and aliases (&a, *a) are not allowed in the catalog:"
            " write the value out in full"
        ),
    ),
    "alias_of_an_undefined_anchor": (
        "format: 1\ntitle: *nowhere\n",
        (
            "2:8: anchors and aliases (&nowhere, *nowhere) are not allowed in the catalog:"
            " write the value out in full"
        ),
    ),
    "merge_key": (
        "format: 1\n<<: {source_language: ja}\n",
        "2:1: merge keys (<<) are not allowed in the catalog: write the keys out",
    ),
    "deep_nesting": (
        "a: " + "[" * 500 + "]" * 500 + "\n",
        f"1:43: the YAML nests deeper than 40 levels: {PLAIN}",
    ),
    "list_as_a_key": (
        "? [a, b]\n: 1\n",
        f"1:3: a key must be a plain word, not a list or mapping; {PLAIN}",
    ),
}


@pytest.mark.parametrize("case", list(HOSTILE))
def test_hostile_yaml_is_refused_with_its_position(tmp_path: Path, case: str) -> None:
    content, expected = HOSTILE[case]
    assert problems_of(tmp_path, content) == ["spec/codes.yaml:" + expected]


def test_a_python_tag_never_runs_code(tmp_path: Path) -> None:
    marker = tmp_path / "pwned"
    content = f"format: !!python/object/apply:os.mkdir ['{marker}']\n"
    problems_of(tmp_path, content)
    assert not marker.exists()


def test_duplicate_keys_name_both_lines(tmp_path: Path) -> None:
    content = "format: 1\nsource_language: ja\nformat: 1\n"
    assert problems_of(tmp_path, content) == [
        "spec/codes.yaml:3:1: duplicate key 'format' (first defined at line 1): keep only one"
    ]


def test_malformed_yaml_is_one_line_with_ruamels_position(tmp_path: Path) -> None:
    assert problems_of(tmp_path, "languages: [ja, en\nformat: 1\n") == [
        (
            "spec/codes.yaml:2:7: invalid YAML: expected ',' or ']', but got ':'"
            " (while parsing a flow sequence)"
        )
    ]


def test_a_tab_indent_is_malformed_yaml(tmp_path: Path) -> None:
    (problem,) = problems_of(tmp_path, "languages:\n\t- ja\n")
    assert problem.startswith("spec/codes.yaml:2:1: invalid YAML: found character '\\t'")


def test_two_documents_in_one_file_are_refused(tmp_path: Path) -> None:
    (problem,) = problems_of(tmp_path, "format: 1\n---\nformat: 1\n")
    assert problem.startswith("spec/codes.yaml:2:1: invalid YAML:")


def test_a_control_character_is_refused_at_its_position(tmp_path: Path) -> None:
    assert problems_of(tmp_path, "format: 1\ntitle: {en: a\x07b}\n") == [
        "spec/codes.yaml:2:14: invalid YAML: character U+0007 is not allowed: remove it"
    ]


def test_a_file_that_is_not_utf8_is_one_line(tmp_path: Path) -> None:
    content = "format: 1\ntitle: {ja: エラー}\n".encode("shift_jis")
    assert problems_of(tmp_path, content) == [
        "spec/codes.yaml:2:13: not UTF-8 (byte 0x83 cannot be decoded): save the file as UTF-8"
    ]


def test_a_utf8_byte_order_mark_is_accepted(tmp_path: Path) -> None:
    content = b"\xef\xbb\xbf" + (FIXTURES / "minimal.yaml").read_bytes()
    assert problems_of(tmp_path, content) == []


def test_a_missing_catalog_says_how_to_create_one(tmp_path: Path) -> None:
    errors = validate_catalog(tmp_path / "nowhere.yaml", display_path="spec/codes.yaml")
    assert [str(error) for error in errors] == [
        (
            "spec/codes.yaml: no catalog here: create it with `codegen import DOCUMENT`,"
            " or pass --catalog"
        )
    ]
    assert isinstance(errors[0], InputError)


def test_a_folder_is_not_a_catalog(tmp_path: Path) -> None:
    errors = validate_catalog(tmp_path, display_path="spec")
    assert [str(error) for error in errors] == [
        "spec: this is a folder, not a catalog file: pass the YAML file"
    ]


def test_a_catalog_over_the_size_limit_is_refused_before_parsing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(parse, "MAX_CATALOG_BYTES", 2**20)
    monkeypatch.setattr(load, "parse", _must_not_parse)
    assert problems_of(tmp_path, "format: 1\n#" + "#" * 2**20 + "\n") == [
        "spec/codes.yaml: the catalog is larger than 1 MiB, the limit: split it up"
    ]


def test_the_size_limit_is_50_mib() -> None:
    assert parse.MAX_CATALOG_BYTES == 50 * 2**20


def test_too_many_codes_is_reported_alone(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(size, "MAX_CODES", 2)
    text = (FIXTURES / "full.yaml").read_text("utf-8").replace("format: 1", "format: 9")
    assert problems_of(tmp_path, text) == [
        "spec/codes.yaml:17:3: the catalog has 5 codes; the limit is 2: split it up"
    ]


def test_a_string_over_100000_characters_is_refused(tmp_path: Path) -> None:
    text = (FIXTURES / "minimal.yaml").read_text("utf-8")
    text = text.replace("message: {en: OK}", "message: {en: " + "x" * 100_001 + "}")
    assert problems_of(tmp_path, text) == [
        (
            "spec/codes.yaml:14:23: this string has 100,001 characters;"
            " the limit is 100,000 characters: shorten it"
        )
    ]


def test_a_valid_catalog_is_parsed_once_and_never_located(monkeypatch: pytest.MonkeyPatch) -> None:
    """The round-trip parse that finds positions is for problems only: the fast path skips it."""
    monkeypatch.setattr(load, "locate", _must_not_parse)
    assert load_catalog(FIXTURES / "full.yaml").module == "nhn_sms_codes"


def test_parse_returns_plain_data_whose_mappings_know_their_line() -> None:
    data = parse.parse((FIXTURES / "minimal.yaml").read_text("utf-8"), "x")
    assert type(data) is LinedDict and data.line == 3
    code = data["code_sets"][0]["codes"][0]
    assert code == {"code": 0, "message": {"en": "OK"}, "curated": {"name": "OK"}}
    assert code.line == 13 and type(data["languages"]) is list


def test_a_path_missing_from_the_tree_points_at_the_nearest_node() -> None:
    from ruamel.yaml import YAML

    tree = YAML(typ="rt").load("format: 1\ncode_sets:\n  - title: {en: T}\n")
    assert parse.position(tree, ("code_sets", 0, "codes", 2), False) == (3, 5)
    assert parse.position(tree, ("code_sets", 7), False) == (3, 3)
    assert parse.position(None, ("format",), False) == (1, 1)


def _must_not_parse(*args: object, **kwargs: object) -> None:
    raise AssertionError("must not be called")


def test_errors_are_codegen_errors_never_tracebacks(tmp_path: Path) -> None:
    for content in ("", "- 1\n", "a: b: c\n", b"\xff\xfe", "format: !!binary aGk=\n"):
        for error in validate_catalog_of(tmp_path, content):
            assert isinstance(error, CodegenError) and "Traceback" not in str(error)
            assert os.linesep not in str(error)


def validate_catalog_of(tmp_path: Path, content: str | bytes) -> list[CodegenError]:
    catalog = tmp_path / "codes.yaml"
    catalog.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    return validate_catalog(catalog)
