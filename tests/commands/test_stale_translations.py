"""Translations go stale visibly, from import to validate to the docs page.

A catalog with ja (the source) and en; the ja page is re-imported with one message changed:
that code's en message is marked stale, validate warns at its line (an error under
``stale_translations = "error"``, which also stops generate), and the en docs page marks
it. The en page is re-imported with the new translation: the mark is gone, the catalog is
as it was but for the two texts, and validate is clean.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from codegen.cli import main

CATALOG = """\
format: 1
source_language: ja
languages: [ja, en]
title:
  ja: 決済 > エラーコード
  en: Payments > Error Codes
curated:
  module: payments
code_sets:
  - title: {ja: 決済APIのエラーコード, en: Payments API error codes}
    code_type: integer
    columns:
      code: {ja: コード, en: Code}
      message: {ja: メッセージ, en: Message}
      name: {ja: 名前, en: Name}
    curated:
      name: PaymentCode
    codes:
      - code: 0
        message: {ja: 成功, en: Success}
        curated: {name: SUCCESS}
      - code: -1
        message: {ja: 無効なキー, en: Invalid key}
        curated: {name: INVALID_KEY}
      - code: -2
        message: {ja: 必須項目がありません, en: Missing field}
        curated: {name: MISSING_FIELD}
"""
JA = """\
# 決済 > エラーコード

## 決済APIのエラーコード

| コード | 名前 | メッセージ |
| --- | --- | --- |
| 0 | SUCCESS | 成功 |
| -1 | INVALID_KEY | 無効なキー |
| -2 | MISSING_FIELD | 必須項目がありません |
"""
EN = """\
# Payments > Error Codes

## Payments API error codes

| Code | Name | Message |
| --- | --- | --- |
| 0 | SUCCESS | Success |
| -1 | INVALID_KEY | Invalid key |
| -2 | MISSING_FIELD | Missing field |
"""
WARNING = (
    "code -1 has a stale en message (the ja message changed since): re-import the en page "
    "with its new translation, or remove en from curated.stale once the text is checked"
)
MARK = "| Invalid key <sup>†</sup> |"
LEGEND = "A message marked <sup>†</sup> was translated before its source text changed"


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "spec").mkdir()
    (tmp_path / "spec" / "codes.yaml").write_text(CATALOG, encoding="utf-8")
    (tmp_path / "ja.md").write_text(JA, encoding="utf-8")
    (tmp_path / "en.md").write_text(EN, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_a_changed_source_message_leaves_its_translation_stale_until_the_en_page_has_a_new_one(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    catalog = project / "spec" / "codes.yaml"
    assert _run(capsys, "validate") == (0, "spec/codes.yaml: 1 code set, 3 codes, valid\n", "")

    # the ja page changes one message: its en translation is marked stale
    (project / "ja.md").write_text(JA.replace("無効なキー", "無効なAPIキー"), encoding="utf-8")
    code, out, err = _run(capsys, "import", "ja.md", "--lang", "ja")
    assert code == 0
    assert err == (
        "ja.md:8: code -1: its ja message changed, so its en message is marked stale "
        "(curated.stale): import the translated pages again once they are updated\n"
    )
    assert out.endswith("1 change, 1 code with stale translations, 0 reports\n")
    marked = catalog.read_text("utf-8")
    assert marked == CATALOG.replace("無効なキー", "無効なAPIキー").replace(
        "{name: INVALID_KEY}", "{name: INVALID_KEY, stale: [en]}"
    )

    # validate warns at the stale message, or refuses it under the configuration switch
    code, out, err = _run(capsys, "validate")
    assert (code, err) == (0, f"spec/codes.yaml:23:37: warning: {WARNING}\n")
    assert out == "spec/codes.yaml: 1 code set, 3 codes, valid, 1 stale translation\n"
    (project / "codegen.toml").write_text('stale_translations = "error"\n', encoding="utf-8")
    error = (
        f'spec/codes.yaml:23:37: {WARNING} (stale_translations = "error" in the configuration)\n'
    )
    assert _run(capsys, "validate") == (2, "", error)
    assert _run(capsys, "generate")[0] == 2
    assert not (project / "generated").exists()
    (project / "codegen.toml").unlink()

    # the en docs page marks it, with its legend; the ja page has neither
    assert _run(capsys, "generate")[0] == 0
    en = (project / "generated" / "docs" / "en.md").read_text("utf-8")
    ja = (project / "generated" / "docs" / "ja.md").read_text("utf-8")
    assert MARK in en and LEGEND in en
    assert "†" not in ja

    # the en page catches up: the mark is gone, validate is clean, the page unmarked
    (project / "en.md").write_text(EN.replace("Invalid key", "Invalid API key"), encoding="utf-8")
    code, out, err = _run(capsys, "import", "en.md", "--lang", "en")
    assert (code, err) == (0, "")
    assert "en.md:8: code -1: en message no longer stale" in out.splitlines()
    assert catalog.read_text("utf-8") == CATALOG.replace("無効なキー", "無効なAPIキー").replace(
        "Invalid key", "Invalid API key"
    )
    (project / "codegen.toml").write_text('stale_translations = "error"\n', encoding="utf-8")
    assert _run(capsys, "validate") == (0, "spec/codes.yaml: 1 code set, 3 codes, valid\n", "")
    assert _run(capsys, "generate")[0] == 0
    en = (project / "generated" / "docs" / "en.md").read_text("utf-8")
    assert "| Invalid API key |" in en and "†" not in en
