"""validate and generate apply one rule set: what generate would refuse, validate refuses
first, at the offending line; and texts carry no control character an output would change.

Catalogs are BASE of tests/catalog/rules/test_sets.py with one spot edited.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from codegen.cli import main
from tests.catalog.rules.test_sets import edit, problems

CASES = {
    "set_named_like_an_import": (
        [
            ("{name: ApiResultCode}", "{name: Optional}"),
            ("code_set: ApiResultCode", "code_set: Optional"),
        ],
        "24:21: code set name Optional is taken by the generated module: rename it",
    ),
    "attribute_key_mro": (
        [("      - key: service\n", "      - key: mro\n")],
        (
            "13:14: attribute key 'mro' would hide mro() of the generated enum class: rename it "
            "(e.g. 'mro_value') here and on every code"
        ),
    ),
    "empty_message": (
        [("{ja: 成功, en: Successful}", "{ja: '', en: Successful}")],
        "29:23: code 0 has an empty message: write the source's message, or remove the code",
    ),
    "control_character_in_a_message": (
        [("{ja: 成功, en: Successful}", '{ja: "成\\x85功", en: Successful}')],
        (
            "29:23: the text has the control character U+0085 at character 2: remove it (only tab "
            "and line break are allowed)"
        ),
    ),
    "control_character_in_a_label": (
        [("{ja: 共通, en: Common}", '{ja: 共通, en: "Com\\x7fmon"}')],
        (
            "17:33: the text has the control character U+007F at character 4: remove it (only tab "
            "and line break are allowed)"
        ),
    ),
}


@pytest.mark.parametrize("case", [c for c in CASES if c != "two_classes_one_name"])
def test_validate_refuses_what_generate_would_at_its_line(tmp_path: Path, case: str) -> None:
    replacements, expected = CASES[case]
    found = problems(tmp_path, edit(*replacements))
    assert [f"spec/codes.yaml:{expected}"] == [p for p in found if "unknown key" not in p], found


def test_tab_and_line_break_are_allowed_in_texts(tmp_path: Path) -> None:
    text = edit(("{ja: 成功, en: Successful}", '{ja: "成\\t功\\nです", en: Successful}'))
    assert problems(tmp_path, text) == []


def test_two_sets_whose_classes_would_share_a_name_are_refused(tmp_path: Path) -> None:
    """Set Api's group enum for key result_code_service is ApiResultCodeService."""
    text = edit(
        ("    curated: {name: ApiResultCode}\n", "    curated: {name: Api}\n"),
        ("code_set: ApiResultCode", "code_set: Api"),
        ("      - key: service\n", "      - key: result_code_service\n"),
    ).replace("        service: ", "        result_code_service: ")
    text += (
        "  - title: {ja: 別}\n    code_type: integer\n    curated: {name: ApiResultCodeService}\n"
        "    codes:\n      - code: 1\n        message: {ja: 一}\n        curated: {name: ONE}\n"
    )
    assert problems(tmp_path, text) == [
        (
            "spec/codes.yaml:43:21: two classes would be named ApiResultCodeService (the enum of "
            "attribute 'result_code_service' of code set Api, and code set ApiResultCodeService): "
            "rename a code set or an attribute"
        )
    ]


def test_every_catalog_validate_accepts_generates(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The edits above, made valid again by validate's own advice, generate."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "spec").mkdir()
    text = edit(("      - key: service\n", "      - key: mro_value\n")).replace(
        "        service: ", "        mro_value: "
    )
    (tmp_path / "spec" / "codes.yaml").write_text(text, encoding="utf-8")
    assert main(["validate"]) == 0
    assert main(["generate"]) == 0


@pytest.mark.parametrize(
    ("char", "kind"), [("\x85", "control character U+0085"), ("\ufdd0", "noncharacter U+FDD0")]
)
def test_import_refuses_a_control_character_at_its_line_in_the_document(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], char: str, kind: str
) -> None:
    page = tmp_path / "page.md"
    page.write_text(f"# P\n\n| Code | Text |\n|---|---|\n| 1 | bad{char}char |\n", encoding="utf-8")
    catalog = tmp_path / "codes.yaml"
    assert main(["import", str(page), "--lang", "en", "--catalog", str(catalog)]) == 2
    err = capsys.readouterr().err
    assert f"{page}:5:1: a cell of code 1: the text has the {kind}" in err
    assert not catalog.exists()


@pytest.mark.parametrize("key", ["retryable:text", "mro:group", "count:text"])
def test_a_column_option_with_a_reserved_key_is_refused_at_import(
    tmp_path: Path, key: str, capsys: pytest.CaptureFixture[str]
) -> None:
    page = tmp_path / "page.md"
    page.write_text("# P\n\n| Code | Text | Kind |\n|---|---|---|\n| 1 | One | a |\n", "utf-8")
    catalog = tmp_path / "codes.yaml"
    argv = ["import", str(page), "--lang", "en", "--catalog", str(catalog), "--column"]
    assert main([*argv, f"Kind={key}"]) == 2
    assert "choose another key" in capsys.readouterr().err
    assert not catalog.exists()


def test_a_second_key_for_the_same_header_reuses_the_recorded_attribute(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    page = tmp_path / "page.md"
    page.write_text("# P\n\n| Code | Text | Kind |\n|---|---|---|\n| 1 | One | a |\n", "utf-8")
    catalog = tmp_path / "codes.yaml"
    argv = ["import", str(page), "--lang", "en", "--catalog", str(catalog), "--column"]
    assert main([*argv, "Kind=sort:group"]) == 0
    first = catalog.read_text(encoding="utf-8")
    assert main([*argv, "Kind=variety:group"]) == 0
    assert catalog.read_text(encoding="utf-8") == first  # still one attribute, keyed sort
    assert first.count("header: {en: Kind}") == 1
