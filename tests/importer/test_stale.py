"""A re-import that changes a code's source message marks its translations stale
(``curated.stale``); a re-import of a translation's page with a new text clears its mark.
The rest of the catalog, comments and layout included, is left as it was."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml import YAML

from codegen.cli import main

JA = """\
# サービス > エラーコード

## 結果コード

| コード | メッセージ |
| --- | --- |
| 0 | 成功 |
| -1 | 無効なキー |
| -2 | 必須項目がありません |
"""
EN = """\
# Service > Error Codes

## Result Codes

| Code | Message |
| --- | --- |
| 0 | Success |
| -1 | Invalid key |
| -2 | Missing field |
"""
DE = EN.replace("Invalid key", "Ungültiger Schlüssel").replace("Success", "Erfolg")
NEW_JA = JA.replace("無効なキー", "無効なアプリケーションキー")
NEW_EN = EN.replace("Invalid key", "Invalid appkey")


@pytest.fixture
def project(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    """A catalog imported from the ja page (the source), then the en page."""
    for lang, page in (("ja", JA), ("en", EN)):
        _write(tmp_path, lang, page)
        assert _import(tmp_path, lang) == 0
    capsys.readouterr()
    return tmp_path


def _write(project: Path, lang: str, page: str) -> Path:
    document = project / f"codes.{lang}.md"
    document.write_text(page, encoding="utf-8")
    return document


def _import(project: Path, lang: str) -> int:
    document, catalog = project / f"codes.{lang}.md", project / "codes.yaml"
    return main(["import", str(document), "--lang", lang, "--catalog", str(catalog)])


def _codes(project: Path) -> dict[int, dict[str, Any]]:
    data = YAML(typ="safe").load((project / "codes.yaml").read_text("utf-8"))
    return {code["code"]: code for code in data["code_sets"][0]["codes"]}


def test_a_changed_source_message_marks_that_codes_translations_stale(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = (project / "codes.yaml").read_text("utf-8")
    document = _write(project, "ja", NEW_JA)
    assert _import(project, "ja") == 0
    out, err = capsys.readouterr()
    after = (project / "codes.yaml").read_text("utf-8")
    assert after == before.replace("無効なキー", "無効なアプリケーションキー").replace(
        "{name: CODE_M1, derived: true}", "{name: CODE_M1, derived: true, stale: [en]}"
    )
    assert err == (
        f"{document}:8: code -1: its ja message changed, so its en message is marked stale "
        "(curated.stale): import the translated pages again once they are updated\n"
    )
    assert out.endswith("1 change, 1 code with stale translations, 0 reports\n")
    assert [code.get("stale") for code in (c["curated"] for c in _codes(project).values())] == [
        None,
        ["en"],
        None,
    ]


def test_the_same_translation_keeps_the_mark_and_a_new_one_clears_it(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    original = (project / "codes.yaml").read_text("utf-8")
    _write(project, "ja", NEW_JA)
    _import(project, "ja")
    marked = (project / "codes.yaml").read_bytes()
    capsys.readouterr()
    assert _import(project, "en") == 0  # the en page has not caught up: still stale
    assert (project / "codes.yaml").read_bytes() == marked
    assert "unchanged" in capsys.readouterr().out
    document = _write(project, "en", NEW_EN)
    assert _import(project, "en") == 0
    out, err = capsys.readouterr()
    assert err == ""
    assert f"{document}:8: code -1: en message no longer stale" in out.splitlines()
    assert (project / "codes.yaml").read_text("utf-8") == original.replace(
        "無効なキー", "無効なアプリケーションキー"
    ).replace("Invalid key", "Invalid appkey")  # {name: CODE_M1, derived: true} as it was


def test_an_unchanged_source_page_marks_nothing(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = (project / "codes.yaml").read_bytes()
    assert _import(project, "ja") == 0
    out, err = capsys.readouterr()
    assert err == "" and "stale" not in out
    assert (project / "codes.yaml").read_bytes() == before


def test_every_translated_language_is_marked_and_each_page_clears_its_own(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _write(project, "de", DE)
    _import(project, "de")
    document = _write(project, "ja", NEW_JA)
    _import(project, "ja")
    assert f"{document}:8: code -1: its ja message changed, so its en, de messages are" in (
        capsys.readouterr().err
    )
    assert _codes(project)[-1]["curated"]["stale"] == ["en", "de"]
    _write(project, "en", NEW_EN)
    _import(project, "en")
    assert _codes(project)[-1]["curated"]["stale"] == ["de"]


def test_a_code_without_translation_is_not_marked(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _write(project, "en", EN.replace("| -2 | Missing field |\n", ""))
    catalog = project / "codes.yaml"
    catalog.write_text(catalog.read_text("utf-8").replace(", en: Missing field", ""), "utf-8")
    _write(project, "ja", JA.replace("必須項目がありません", "必須項目がない"))
    assert _import(project, "ja") == 0
    out, err = capsys.readouterr()
    assert err == "" and "stale" not in out + catalog.read_text("utf-8")


def test_a_block_curated_with_a_comment_gets_the_mark_and_loses_it_as_it_was(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    catalog = project / "codes.yaml"
    block = "curated:\n          name: INVALID_KEY  # checked with the API team\n"
    text = catalog.read_text("utf-8").replace("curated: {name: CODE_M1, derived: true}\n", block)
    catalog.write_text(text, "utf-8")
    _write(project, "ja", NEW_JA)
    _import(project, "ja")
    marked = catalog.read_text("utf-8")
    assert block + "          stale: [en]\n" in marked
    _write(project, "en", NEW_EN)
    _import(project, "en")
    assert catalog.read_text("utf-8") == marked.replace("          stale: [en]\n", "").replace(
        "Invalid key", "Invalid appkey"
    )
