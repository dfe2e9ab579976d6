"""The import command: the cycle collector off while it runs (and back on after, even on
error), the language tags it takes, and a page's texts held against the language it is
imported as."""

from __future__ import annotations

import gc
from pathlib import Path

import pytest
from ruamel.yaml import YAML

from codegen.cli import main
from codegen.commands import import_

PAGE = "# Codes\n\n## Results\n\n| Code | Message |\n|---|---|\n| 1 | ok |\n| 2 | bad |\n"


def test_the_collector_is_off_during_an_import_and_on_after(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    seen: list[bool] = []
    merge = import_.merge_document

    def watching(*args: object) -> object:
        seen.append(gc.isenabled())
        return merge(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(import_, "merge_document", watching)
    page = tmp_path / "codes.md"
    page.write_text(PAGE, encoding="utf-8")
    assert gc.isenabled()
    assert main(["import", str(page), "--lang", "en", "--catalog", str(tmp_path / "c.yaml")]) == 0
    assert seen == [False] and gc.isenabled()
    missing = str(tmp_path / "missing.md")
    assert main(["import", missing, "--lang", "en", "--catalog", str(tmp_path / "c.yaml")]) != 0
    assert gc.isenabled()
    capsys.readouterr()


@pytest.mark.parametrize("lang", ["en-x", "EN", "english", "e"])
def test_import_refuses_a_language_tag_validate_would_refuse(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, lang: str
) -> None:
    """One language-tag pattern for import, init, the configuration and the catalog: a tag
    validate refuses never reaches the catalog (``--lang en-x`` used to be written)."""
    monkeypatch.chdir(tmp_path)
    page = tmp_path / "codes.md"
    page.write_text(PAGE, encoding="utf-8")
    catalog = tmp_path / "c.yaml"
    assert main(["import", str(page), "--lang", "en", "--catalog", str(catalog)]) == 0
    before = catalog.read_bytes()
    capsys.readouterr()
    assert main(["import", str(page), "--lang", lang, "--catalog", str(catalog)]) == 2
    assert f'--lang "{lang}" is not a language code' in capsys.readouterr().err
    assert catalog.read_bytes() == before
    assert main(["validate", "--catalog", str(catalog)]) == 0


def test_a_dry_run_prints_what_an_import_would_do_and_writes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    page = tmp_path / "codes.md"
    page.write_text(PAGE, encoding="utf-8")
    catalog = tmp_path / "c.yaml"
    args = ["import", str(page), "--lang", "en", "--catalog", str(catalog)]
    assert main([*args, "--dry-run"]) == 0
    dry = capsys.readouterr()
    assert not catalog.exists() and list(tmp_path.iterdir()) == [page]
    assert main(args) == 0
    real = capsys.readouterr()
    assert dry.err == real.err
    assert dry.out == real.out.replace(" written:", " would be written (--dry-run):")
    assert " would be written (--dry-run): 1 code set and 2 codes added" in dry.out
    before = catalog.read_bytes()
    page.write_text(PAGE.replace("| 2 | bad |", "| 2 | worse |"), encoding="utf-8")
    assert main([*args, "--dry-run"]) == 0
    assert "worse" in capsys.readouterr().out
    assert catalog.read_bytes() == before


def test_a_failed_first_import_does_not_say_it_adopted_the_pages_language(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["init", "--lang", "en"]) == 0
    page = tmp_path / "codes.md"
    page.write_text("# Nothing\n\nNo table here.\n", encoding="utf-8")
    capsys.readouterr()
    assert main(["import", str(page), "--lang", "de"]) == 2
    assert "source language" not in capsys.readouterr().err
    page.write_text(PAGE, encoding="utf-8")
    assert main(["import", str(page), "--lang", "de"]) == 0
    assert "source language" in capsys.readouterr().err


ENGLISH = (
    "# Send API\n\n| Code | Message |\n|---|---|\n"
    "| 1 | The recipient number is not valid |\n| 2 | Message body is empty |\n"
    "| 3 | The API key has expired |\n| 4 | Too many requests, try again later |\n"
)
GERMAN = (
    "# Versand-API\n\n| Code | Message |\n|---|---|\n"
    "| 1 | Die Empfängernummer ist ungültig |\n| 2 | Die Nachricht ist leer |\n"
    "| 3 | Der API-Schlüssel ist abgelaufen |\n| 4 | Zu viele Anfragen, bitte später erneut |\n"
)


def _project(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> tuple[Path, Path, Path]:
    """A catalog imported from ENGLISH (source language en); the English and German pages."""
    english, german = tmp_path / "send.md", tmp_path / "senden.md"
    english.write_text(ENGLISH, encoding="utf-8")
    german.write_text(GERMAN, encoding="utf-8")
    catalog = tmp_path / "c.yaml"
    assert main(["import", str(english), "--lang", "en", "--catalog", str(catalog)]) == 0
    capsys.readouterr()
    return catalog, english, german


def test_a_page_imported_as_the_wrong_language_is_refused_and_changes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """--lang de on an English page used to overwrite the German texts with English ones."""
    catalog, english, _ = _project(tmp_path, capsys)
    before = catalog.read_bytes()
    assert main(["import", str(english), "--lang", "de", "--catalog", str(catalog)]) == 2
    out, err = capsys.readouterr()
    assert out == "" and err.count("\n") == 1 and "Traceback" not in err
    assert err.startswith(f"{english}:3:1: the page's texts are in en (\"The recipient number")
    assert "not de, as --lang says: import it with --lang en, or add --lang-mismatch-ok" in err
    assert catalog.read_bytes() == before


def test_lang_mismatch_ok_imports_the_page_as_the_language_given(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    catalog, english, _ = _project(tmp_path, capsys)
    argv = ["import", str(english), "--lang", "de", "--lang-mismatch-ok", "--catalog", str(catalog)]
    assert main(argv) == 0, capsys.readouterr().err
    text = catalog.read_text(encoding="utf-8")
    assert "{en: The recipient number is not valid, de: The recipient number is not valid}" in text


def test_a_translation_in_the_language_given_fills_its_texts(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    catalog, _, german = _project(tmp_path, capsys)
    assert main(["import", str(german), "--lang", "de", "--catalog", str(catalog)]) == 0
    assert "de: Die Empfängernummer ist ungültig}" in catalog.read_text(encoding="utf-8")
    assert main(["import", str(german), "--lang", "de-AT", "--catalog", str(catalog)]) == 0


def test_without_lang_a_page_in_another_language_than_the_source_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The headers are English words, so only the texts tell: they would overwrite the
    English source texts."""
    catalog, _, german = _project(tmp_path, capsys)
    before = catalog.read_bytes()
    assert main(["import", str(german), "--catalog", str(catalog)]) == 2
    err = capsys.readouterr().err
    assert "the page's texts are in de (" in err
    assert "not en, the catalog's source language: import it with --lang de" in err
    assert catalog.read_bytes() == before
    assert main(["import", str(german), "--lang-mismatch-ok", "--catalog", str(catalog)]) == 0
    assert "message: {en: Die Empfängernummer ist ungültig}" in catalog.read_text(encoding="utf-8")


def test_a_first_page_in_the_wrong_language_starts_no_catalog(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    page = tmp_path / "send.md"
    page.write_text(ENGLISH, encoding="utf-8")
    catalog = tmp_path / "c.yaml"
    assert main(["import", str(page), "--lang", "ja", "--catalog", str(catalog)]) == 2
    assert "the page's texts are in en" in capsys.readouterr().err
    assert not catalog.exists()


def test_a_short_page_in_any_latin_language_is_imported(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Three one-word messages are clearly no language: --lang is taken at its word."""
    page = tmp_path / "p.md"
    page.write_text("| Code | Text |\n|---|---|\n| 1 | OK |\n| 2 | Failed |\n| 3 | Timeout |\n")
    for lang in ("en", "de", "tr"):
        catalog = tmp_path / f"{lang}.yaml"
        assert main(["import", str(page), "--lang", lang, "--catalog", str(catalog)]) == 0
    capsys.readouterr()


@pytest.mark.parametrize(
    ("messages", "lang", "wrong"),
    [
        (("수신자 번호가 올바르지 않습니다", "잔액이 부족합니다"), "ko", "ja"),
        (("宛先の電話番号が不正です", "本文が空です"), "ja", "ko"),
        (("手机号码格式错误", "短信内容为空", "账户余额不足"), "zh", "en"),
        (("Номер получателя недействителен", "Сервис временно недоступен"), "ru", "en"),
        (("رقم المستلم غير صالح", "الخدمة غير متاحة مؤقتا"), "ar", "he"),
        (("מספר הנמען אינו תקין", "השירות אינו זמין זמנית"), "he", "ar"),
    ],
)
def test_a_page_in_another_script_is_refused_even_when_short(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    messages: tuple[str, ...],
    lang: str,
    wrong: str,
) -> None:
    rows = "".join(f"| {n} | {message} |\n" for n, message in enumerate(messages, 1))
    page = tmp_path / "p.md"
    page.write_text("| Code | Message |\n|---|---|\n" + rows, encoding="utf-8")
    catalog = tmp_path / "c.yaml"
    assert main(["import", str(page), "--lang", wrong, "--catalog", str(catalog)]) == 2
    assert f"the page's texts are in {lang} (" in capsys.readouterr().err
    assert main(["import", str(page), "--lang", lang, "--catalog", str(catalog)]) == 0
    capsys.readouterr()


def test_lang_mismatch_ok_also_passes_the_header_word_check(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """German header words over English texts, without --lang: the headers say de, and
    the refusal names the option that imports the page as the source language."""
    catalog, _, _ = _project(tmp_path, capsys)
    page = tmp_path / "seite.md"
    page.write_text(ENGLISH.replace("| Code | Message |", "| Fehlercode | Meldung |"))
    assert main(["import", str(page), "--catalog", str(catalog)]) == 2
    err = capsys.readouterr().err
    assert "are de words but the catalog's source language is en" in err
    assert "(--lang-mismatch-ok imports it as the source language all the same)" in err
    assert main(["import", str(page), "--lang-mismatch-ok", "--catalog", str(catalog)]) == 0
    capsys.readouterr()


def test_a_column_option_that_replaces_the_message_keeps_the_old_message_column(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``--column "Meaning=message"`` on a page whose catalog recorded "Message" as the
    message: "Message" is kept as an attribute, and --explain says where each column went."""
    page = tmp_path / "codes.md"
    page.write_text(
        "# Codes\n\n## Results\n\n| Code | Message | Meaning |\n|---|---|---|\n"
        "| 1 | ok | all went well |\n| 2 | bad | something broke |\n",
        encoding="utf-8",
    )
    catalog = tmp_path / "c.yaml"
    args = ["import", str(page), "--lang", "en", "--catalog", str(catalog)]
    assert main(args) == 0
    capsys.readouterr()
    assert main([*args, "--column", "Meaning=message", "--explain"]) == 0
    out = capsys.readouterr().out
    assert '  column 2 "Message": group message_value' in out
    assert '  column 3 "Meaning": message (given)' in out
    codes = YAML(typ="safe").load(catalog.read_text(encoding="utf-8"))["code_sets"][0]["codes"]
    assert [(c["message"]["en"], c["message_value"]) for c in codes] == [
        ("all went well", "ok"),
        ("something broke", "bad"),
    ]
