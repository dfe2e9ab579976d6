"""Re-importing is a merge: unchanged input changes nothing, people's edits survive."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml import YAML

from codegen.cli import main
from tests.support.paths import SHARED

DOCS = SHARED / "docs"
JA = DOCS / "sms-error-codes.ja.txt"
needs_docs = pytest.mark.skipif(
    not JA.is_file(),
    reason=f"the SMS source documents are not in {DOCS} (the repository's parent holds shared/docs)",
)

SMALL = """\
Service > Codes

Result Codes

code isSuccess message
0 true Success
-1 false Bad key
-2 false Missing field
"""


def _import(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(["import", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def _load(path: Path) -> dict[str, Any]:
    loaded: dict[str, Any] = YAML(typ="safe").load(path.read_text(encoding="utf-8"))
    return loaded


@needs_docs
def test_importing_the_same_document_twice_gives_byte_identical_yaml(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    catalog = tmp_path / "codes.yaml"
    assert _import(capsys, str(JA), "--lang", "ja", "--catalog", str(catalog))[0] == 0
    first, stat = catalog.read_bytes(), catalog.stat()
    code, out, err = _import(capsys, str(JA), "--catalog", str(catalog))
    assert code == 0 and err == ""
    assert catalog.read_bytes() == first
    assert catalog.stat().st_mtime_ns == stat.st_mtime_ns  # not even rewritten
    assert "unchanged" in out


@needs_docs
def test_a_comment_and_hand_edited_names_survive_a_reimport(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    catalog = tmp_path / "codes.yaml"
    _import(capsys, str(JA), "--lang", "ja", "--catalog", str(catalog))
    text = catalog.read_text(encoding="utf-8")
    renamed = "curated: {name: INVALID_APPKEY}"
    text = text.replace("curated: {name: CODE_M1000, derived: true}", renamed)
    text = text.replace(
        "      name: CodeSet1\n      derived: true\n", "      name: ApiResultCode  # ours\n"
    )
    assert renamed in text and "ApiResultCode  # ours" in text
    text = text.replace("code_sets:\n", "# reviewed by the API team\ncode_sets:\n")
    catalog.write_text(text, encoding="utf-8")
    assert _import(capsys, str(JA), "--catalog", str(catalog))[0] == 0
    assert catalog.read_text(encoding="utf-8") == text


def test_a_new_catalog_starts_with_the_format_header(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "codegen" / "schemas").mkdir(parents=True)
    document = tmp_path / "codes.txt"
    document.write_text(SMALL, encoding="utf-8")
    in_repo = tmp_path / "spec" / "codes.yaml"
    elsewhere = tmp_path / "other" / "codes.yaml"
    for catalog in (in_repo, elsewhere):
        assert _import(capsys, str(document), "--lang", "en", "--catalog", str(catalog))[0] == 0
    lines = in_repo.read_text(encoding="utf-8").split("\n")
    assert lines[0] == "# yaml-language-server: $schema=../codegen/schemas/catalog.schema.json"
    assert lines[1:5] == ["format: 1", "source_language: en", "languages: [en]", "title:"]
    assert elsewhere.read_text(encoding="utf-8").startswith("format: 1\n")
    loaded = _load(elsewhere)
    assert loaded["title"] == {"en": "Service > Codes"}
    assert loaded["curated"] == {"module": "other"}  # the catalog's folder names the module
    assert [c["code"] for c in loaded["code_sets"][0]["codes"]] == [0, -1, -2]


def test_an_updated_source_document_is_merged_code_by_code(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    document, catalog = tmp_path / "codes.txt", tmp_path / "codes.yaml"
    document.write_text(SMALL, encoding="utf-8")
    _import(capsys, str(document), "--lang", "en", "--catalog", str(catalog))
    edited = catalog.read_text(encoding="utf-8").replace(
        "{name: BAD_KEY, derived: true}", "{name: BAD_KEY}"
    )
    catalog.write_text("# keep me\n" + edited, encoding="utf-8")
    document.write_text(
        SMALL.replace("-1 false Bad key", "-1 false Invalid key")
        .replace("-2 false Missing field\n", "")
        .replace("0 true Success\n", "0 true Success\n-5 false Too many requests\n"),
        encoding="utf-8",
    )
    code, out, err = _import(capsys, str(document), "--catalog", str(catalog))
    assert code == 0
    assert f'{document}:8: code -1: message "Bad key" → "Invalid key"' in out
    assert f"{document}:7: code -5: added" in out
    assert f'codes.yaml:35: code -2 of code set "Result Codes" is not in {document}' in err
    loaded = _load(catalog)
    codes = loaded["code_sets"][0]["codes"]
    assert [c["code"] for c in codes] == [0, -5, -1, -2]  # new code in source order, -2 kept
    assert codes[1] == {
        "code": -5,
        "is_success": False,
        "message": {"en": "Too many requests"},
        "curated": {"name": "TOO_MANY_REQUESTS", "derived": True},
    }
    assert codes[2]["message"] == {"en": "Invalid key"}
    assert codes[2]["curated"] == {"name": "BAD_KEY"}
    text = catalog.read_text(encoding="utf-8")
    assert text.startswith("# keep me\n")
    assert _import(capsys, str(document), "--catalog", str(catalog))[1].count(": code") == 0
    assert catalog.read_text(encoding="utf-8") == text


def test_a_changed_group_value_is_updated_and_added_to_the_values(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    document, catalog = tmp_path / "codes.txt", tmp_path / "codes.yaml"
    document.write_text("Codes\n\nTable\n\nservice code message\nA 1 One\nA 2 Two\n", "utf-8")
    _import(capsys, str(document), "--lang", "en", "--catalog", str(catalog))
    document.write_text("Codes\n\nTable\n\nservice code message\nA 1 One\nB 2 Two\n", "utf-8")
    code, out, _ = _import(capsys, str(document), "--catalog", str(catalog))
    assert code == 0 and 'code 2: service "A" → "B"' in out
    attribute = _load(catalog)["code_sets"][0]["attributes"][0]
    assert [v["label"] for v in attribute["values"]] == [{"en": "A"}, {"en": "B"}]
    assert [v["curated"] for v in attribute["values"]] == [
        {"name": "SERVICE_1", "derived": True},  # "A" alone is an article: key and position
        {"name": "B", "derived": True},
    ]


def test_a_translated_table_that_shares_no_code_is_reported_not_added(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    document, catalog = tmp_path / "codes.txt", tmp_path / "codes.yaml"
    document.write_text(SMALL, encoding="utf-8")
    _import(capsys, str(document), "--lang", "en", "--catalog", str(catalog))
    other = tmp_path / "other.ja.txt"
    other.write_text("コード\n\n別の表\n\nコード 意味\n900 不明\n", encoding="utf-8")
    code, _, err = _import(capsys, str(other), "--lang", "ja", "--catalog", str(catalog))
    assert code == 0
    assert f'{other}:5: table "別の表" shares no code with the catalog' in err
    assert len(_load(catalog)["code_sets"]) == 1


def test_a_second_source_document_adds_its_tables_as_new_code_sets(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    document, catalog = tmp_path / "codes.txt", tmp_path / "codes.yaml"
    document.write_text(SMALL, encoding="utf-8")
    _import(capsys, str(document), "--lang", "en", "--catalog", str(catalog))
    other = tmp_path / "more.txt"
    other.write_text("More\n\nDelivery Codes\n\nCode Value Description\nD1 Delivered\n", "utf-8")
    code, out, _ = _import(capsys, str(other), "--catalog", str(catalog))
    assert code == 0 and 'new code set "Delivery Codes" (1 codes)' in out
    second = _load(catalog)["code_sets"][1]
    assert second["curated"] == {"name": "DeliveryCodes", "derived": True}
    assert second["columns"] == {"code": {"en": "Code Value"}, "message": {"en": "Description"}}
    assert second["codes"][0]["code"] == "D1" and second["code_type"] == "string"


def test_format_option_forces_the_form(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    document, catalog = tmp_path / "codes.txt", tmp_path / "codes.yaml"
    document.write_text(
        "# Page\n\n## Table\n\n| code | message |\n|---|---|\n| 1 | One &amp; two |\n"
    )
    argv = [str(document), "--lang", "en", "--catalog", str(catalog)]
    assert _import(capsys, *argv)[0] == 0  # a .txt file is plain text: a table drawn with |
    assert _load(catalog)["code_sets"][0]["codes"][0]["message"] == {"en": "One &amp; two"}
    catalog.unlink()
    assert _import(capsys, *argv, "--format", "markdown")[0] == 0  # an entity, decoded
    assert _load(catalog)["code_sets"][0]["codes"][0]["message"] == {"en": "One & two"}


def test_new_codes_go_after_the_code_before_them_with_comments_kept_in_place(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """New codes at the start, between codes and at the end, in one re-import of a catalog
    with comments (ruamel's tree): each after the code before it on the page."""
    document, catalog = tmp_path / "codes.txt", tmp_path / "codes.yaml"
    document.write_text(SMALL, encoding="utf-8")
    _import(capsys, str(document), "--lang", "en", "--catalog", str(catalog))
    text = catalog.read_text(encoding="utf-8")
    text = text.replace("\n      - code: -2\n", "\n      # about -2\n      - code: -2\n")
    text = text.replace("\n      - code: -1\n", "\n      - code: -1  # the key\n")
    catalog.write_text(text, encoding="utf-8")
    rows = ["-9 false Start", "0 true Success", "-1 false Bad key", "-4 false Four"]
    rows += ["-3 false Three", "-2 false Missing field", "-7 false End"]
    page = SMALL.split("0 true")[0] + "\n".join(rows) + "\n"
    document.write_text(page, encoding="utf-8")
    code, _, err = _import(capsys, str(document), "--catalog", str(catalog))
    assert (code, err) == (0, "")
    codes = _load(catalog)["code_sets"][0]["codes"]
    assert [c["code"] for c in codes] == [-9, 0, -1, -4, -3, -2, -7]
    written = catalog.read_text(encoding="utf-8")
    assert "  - code: -1  # the key\n" in written
    assert written.index("code: -3") < written.index("# about -2") < written.index("code: -2")
