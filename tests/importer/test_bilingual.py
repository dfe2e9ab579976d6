"""Two message columns in two languages: the page's is the message, the other its translation
(:mod:`codegen.importer.bilingual`, :mod:`codegen.importer.columns.languages`)."""

from __future__ import annotations

from pathlib import Path

import pytest
from ruamel.yaml import YAML

from codegen.cli import main
from codegen.importer.columns.languages import header_language


@pytest.mark.parametrize(
    ("header", "lang"),
    [
        ("English message", "en"),
        ("中文说明", "zh"),
        ("한국어 메시지", "ko"),
        ("Message (EN)", "en"),
        ("message [ja]", "ja"),
        ("message_ko", "ko"),
        ("Beschreibung (Deutsch)", "de"),
        ("Texte français", "fr"),
        ("日本語メッセージ", "ja"),
        ("Message", None),
        ("Description", None),
        ("Status code", None),
        ("English / 中文", None),  # two languages: neither
        ("Englishman", None),  # a name of Latin letters is a whole word
    ],
)
def test_a_header_names_its_language(header: str, lang: str | None) -> None:
    assert header_language(header) == lang


def _import(tmp_path: Path, page: str, lang: str, *more: str) -> tuple[int, dict, str]:  # type: ignore[type-arg]
    path = tmp_path / "codes.md"
    path.write_text(page, encoding="utf-8")
    catalog = tmp_path / "c.yaml"
    status = main(["import", str(path), "--lang", lang, "--catalog", str(catalog), *more])
    loaded = YAML(typ="safe").load(catalog.read_text("utf-8")) if catalog.exists() else {}
    return status, loaded, str(catalog)


def _messages(catalog: dict) -> dict[str, dict[str, str]]:  # type: ignore[type-arg]
    return {str(c["code"]): c["message"] for s in catalog["code_sets"] for c in s["codes"]}


ZH_EN = (
    "# 短信发送错误码\n\n| 错误码 | 中文说明 | English message |\n|---|---|---|\n"
    "| 2001 | 手机号码格式错误 | Invalid phone number format |\n"
    "| 2002 | 短信内容为空 | Message body is empty |\n"
)


def test_a_column_in_another_language_is_its_translation(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status, catalog, _ = _import(tmp_path, ZH_EN, "zh")
    assert status == 0
    assert catalog["languages"] == ["zh", "en"]
    assert _messages(catalog) == {
        "2001": {"zh": "手机号码格式错误", "en": "Invalid phone number format"},
        "2002": {"zh": "短信内容为空", "en": "Message body is empty"},
    }
    assert catalog["code_sets"][0]["columns"]["message"] == {
        "zh": "中文说明",
        "en": "English message",
    }
    assert "attributes" not in catalog["code_sets"][0]
    names = [c["curated"]["name"] for c in catalog["code_sets"][0]["codes"]]
    assert names == ["INVALID_PHONE_NUMBER_FORMAT", "MESSAGE_BODY_IS_EMPTY"]  # from English
    captured = capsys.readouterr()
    assert 'note: column "English message" is read as the en translation of the messages' in (
        captured.err
    )
    assert "1 zh text, 3 en texts filled" in captured.out


def test_a_changed_translation_is_listed_and_an_unchanged_page_changes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _import(tmp_path, ZH_EN, "zh")
    capsys.readouterr()
    assert _import(tmp_path, ZH_EN, "zh")[0] == 0
    assert " unchanged: " in capsys.readouterr().out
    changed = ZH_EN.replace("Message body is empty", "The message body is empty")
    status, catalog, _ = _import(tmp_path, changed, "zh")
    assert status == 0
    out = capsys.readouterr().out
    assert (
        'codes.md:6: code 2002: message "Message body is empty" → "The message body is empty"'
        in out
    )
    assert _messages(catalog)["2002"]["en"] == "The message body is empty"


def test_the_pages_language_is_the_message_wherever_its_column_stands(tmp_path: Path) -> None:
    page = (
        "## 인증 오류 코드\n\n| 코드 | English message | 한국어 메시지 |\n|---|---|---|\n"
        "| A100 | Token is missing | 토큰이 없습니다 |\n| A101 | Token has expired | 토큰이 만료되었습니다 |\n"
    )
    status, catalog, _ = _import(tmp_path, page, "ko")
    assert status == 0
    assert _messages(catalog) == {
        "A100": {"ko": "토큰이 없습니다", "en": "Token is missing"},
        "A101": {"ko": "토큰이 만료되었습니다", "en": "Token has expired"},
    }


def test_texts_tell_the_language_where_no_header_names_it(tmp_path: Path) -> None:
    page = (
        "# エラー\n\n| コード | メッセージ | Description |\n|---|---|---|\n"
        "| E1 | トークンの有効期限が切れています | The access token has expired and must be renewed |\n"
        "| E2 | 送信元の番号が登録されていません | The sender number has not been registered yet |\n"
        "| E3 | 一日の送信上限に達しました | The daily sending limit of this account was reached |\n"
    )
    status, catalog, _ = _import(tmp_path, page, "ja")
    assert status == 0
    assert _messages(catalog)["E1"] == {
        "ja": "トークンの有効期限が切れています",
        "en": "The access token has expired and must be renewed",
    }


def test_a_second_message_column_in_the_same_language_stays_an_attribute(tmp_path: Path) -> None:
    page = (
        "# Errors\n\n| Code | Message | Description |\n|---|---|---|\n"
        "| 1 | Token expired | The access token has expired and must be renewed |\n"
        "| 2 | Not registered | The sender number has not been registered yet |\n"
    )
    status, catalog, _ = _import(tmp_path, page, "en")
    assert status == 0
    assert catalog["languages"] == ["en"]
    assert [a["key"] for a in catalog["code_sets"][0]["attributes"]] == ["description"]


def test_a_column_in_the_source_language_on_a_translated_page_is_left_out(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    english = "# Errors\n\n| Code | Message |\n|---|---|\n| 2001 | Invalid format |\n| 2002 | Empty body |\n"
    _import(tmp_path, english, "en")
    capsys.readouterr()
    status, catalog, _ = _import(tmp_path, ZH_EN.replace("2001 | 手机", "2001 | 手机"), "zh")
    assert status == 0
    assert _messages(catalog)["2001"] == {"en": "Invalid format", "zh": "手机号码格式错误"}
    assert (
        'column "English message" holds en messages, the catalog\'s source language, which '
        "come from the en page; skipped" in capsys.readouterr().err
    )


def test_short_messages_read_as_labels_are_still_the_pages_language(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """English first, short Chinese messages (which alone read as a group of labels): the
    Chinese column is the message, and --explain says where each column went."""
    page = (
        "# 错误码\n\n| Code | English message | 中文说明 |\n|---|---|---|\n"
        "| 1 | Invalid phone number | 手机号码格式错误 |\n| 2 | Empty body | 短信内容为空 |\n"
        "| 3 | Rate too high | 发送频率过高 |\n"
    )
    status, catalog, _ = _import(tmp_path, page, "zh", "--explain")
    assert status == 0
    assert _messages(catalog)["1"] == {"zh": "手机号码格式错误", "en": "Invalid phone number"}
    out = capsys.readouterr().out
    assert '  column 2 "English message": en translation of the messages' in out
    assert '  column 3 "中文说明": message (its texts are in the page\'s language)' in out
