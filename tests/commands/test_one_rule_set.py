"""``validate``, ``generate`` and ``import`` apply one rule set: a catalog one of them
refuses, each refuses, with the same located line, and none writes anything; and ``import``
never writes a catalog that ``validate`` would refuse.

Catalogs are BASE of tests/catalog/rules/test_sets.py with one spot edited; the project
renders the Python and the TypeScript modules, the two that declare names.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from codegen.cli import main
from tests.catalog.rules.test_sets import BASE, edit

CONFIG = """catalog = "spec/codes.yaml"
output = "generated"

[[targets]]
template = "python_module.py.j2"
output = "python/{module}.py"
formatter = "python"

[[targets]]
template = "typescript_module.ts.j2"
output = "typescript/{module}.ts"
formatter = "none"
"""
# A page in the catalog's second language for its one code set: import fills its texts.
PAGE = "# API Response Codes\n\n| resultCode | message |\n|---|---|\n| 0 | Successful |\n"


def _groups(*keys: str) -> str:
    """BASE with a group attribute of each of these keys added to its code set."""
    added = "".join(
        f"      - key: {key}\n        kind: group\n        header: {{ja: {key}}}\n"
        "        values:\n          - label: {ja: v}\n            curated: {name: V}\n"
        for key in keys
    )
    return edit(("      - key: is_success\n", added + "      - key: is_success\n"))


SECOND_SET = (
    "  - title: {ja: 別}\n    code_type: integer\n    curated: {name: ApiResultCodeInfo}\n"
    "    codes:\n      - code: 1\n        message: {ja: 一}\n        curated: {name: ONE}\n"
)
CASES = {
    "group_keys_a_1_and_a1": (
        _groups("a_1", "a1"),
        (
            "spec/codes.yaml:27:14: two classes would be named ApiResultCodeA1 (the enum of "
            "attribute 'a_1' of code set ApiResultCode, and the enum of attribute 'a1' of code set "
            "ApiResultCode): rename an attribute"
        ),
    ),
    "a_set_named_as_another_sets_typescript_info_type": (
        BASE + SECOND_SET,
        (
            "spec/codes.yaml:43:21: two TypeScript types would be named ApiResultCodeInfo (the info "
            "type of code set ApiResultCode, and code set ApiResultCodeInfo): rename a code set or "
            "an attribute"
        ),
    ),
    "a_group_enum_named_as_its_sets_typescript_info_type": (
        _groups("info"),
        (
            "spec/codes.yaml:30:21: two TypeScript types would be named ApiResultCodeInfo (the enum "
            "of attribute 'info' of code set ApiResultCode, and the info type of code set "
            "ApiResultCode): rename an attribute"
        ),
    ),
    "an_anchor_and_its_alias": (
        edit(
            ("title: {ja: エラーコード, en: Error Codes}", "title: &t {ja: エラーコード}"),
            ("  - title: {ja: APIレスポンスコード, en: API Response Codes}", "  - title: *t"),
        ),
        (
            "spec/codes.yaml:5:8: anchors and aliases (&t, *t) are not allowed in the catalog: "
            "write the value out in full"
        ),
    ),
    "a_merge_key": (
        edit(
            ("      - code: 0\n", "      - &c\n        code: 0\n"),
            (
                "        curated: {name: INVALID_APPKEY}\n",
                "        curated: {name: INVALID_APPKEY}\n      - <<: *c\n        code: 5\n",
            ),
        ),
        (
            "spec/codes.yaml:26:9: anchors and aliases (&c, *c) are not allowed in the catalog: "
            "write the value out in full"
        ),
    ),
    "a_duplicate_code": (
        edit(("      - code: -1000\n", "      - code: 0\n")),
        (
            "spec/codes.yaml:31:15: duplicate code 0 (first defined at line 26): keep one of them, "
            "or correct the code"
        ),
    ),
    "a_duplicate_key": (
        edit(("        curated: {name: SUCCESS}\n", "        curated: {name: SUCCESS}\n" * 2)),
        ("spec/codes.yaml:31:9: duplicate key 'curated' (first defined at line 30): keep only one"),
    ),
}


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "spec").mkdir()
    (tmp_path / "codegen.toml").write_text(CONFIG, encoding="utf-8")
    (tmp_path / "page.md").write_text(PAGE, encoding="utf-8")
    return tmp_path


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, list[str]]:
    """Exit code and the error lines (warnings left out) of ``codegen ARGV``."""
    code = main(list(argv))
    err = capsys.readouterr().err.splitlines()
    return code, [line for line in err if ": warning: " not in line]


@pytest.mark.parametrize("case", CASES)
def test_validate_generate_and_import_refuse_alike_and_write_nothing(
    project: Path, capsys: pytest.CaptureFixture[str], case: str
) -> None:
    text, expected = CASES[case]
    catalog = project / "spec" / "codes.yaml"
    catalog.write_text(text, encoding="utf-8")
    assert _run(capsys, "validate") == (2, [expected])
    assert _run(capsys, "generate") == (2, [expected])
    assert _run(capsys, "import", "page.md", "--lang", "en") == (2, [expected])
    assert catalog.read_text(encoding="utf-8") == text
    assert not (project / "generated").exists()


def test_import_does_not_write_a_catalog_whose_group_enums_clash(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    page = project / "kinds.md"
    page.write_text(
        "# Codes\n\n| Code | Message | Kind A | Kind B |\n|---|---|---|---|\n"
        "| 1 | One | x | y |\n| 2 | Two | x | y |\n| 3 | Three | z | w |\n",
        encoding="utf-8",
    )
    columns = ("--column", "Kind A=a_1:group", "--column", "Kind B=a1:group")
    code, err = _run(capsys, "import", str(page), "--lang", "en", *columns)
    assert (code, len(err)) == (2, 1)
    assert err[0].startswith("spec/codes.yaml:")
    assert "two classes would be named CodesA1" in err[0]
    assert err[0].endswith("(in the catalog as this import would write it; nothing written)")
    assert not (project / "spec" / "codes.yaml").exists()


def test_import_names_a_new_set_apart_from_every_type_the_modules_declare(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``API Result Code Info`` would be ApiResultCodeInfo, the info type of the set before."""
    page = project / "sets.md"
    page.write_text(
        "# API Result Code\n\n| Code | Message |\n|---|---|\n| 1 | One |\n| 2 | Two |\n\n"
        "# API Result Code Info\n\n| Code | Message |\n|---|---|\n| 3 | Three |\n| 4 | Four |\n",
        encoding="utf-8",
    )
    assert _run(capsys, "import", str(page), "--lang", "en") == (0, [])
    text = (project / "spec" / "codes.yaml").read_text(encoding="utf-8")
    assert "name: ApiResultCode\n" in text
    assert "name: ApiResultCodeInfo\n" not in text
    assert _run(capsys, "validate") == (0, [])
    assert _run(capsys, "generate") == (0, [])
