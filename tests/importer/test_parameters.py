"""Message parameters at import (issue #20): a page whose messages have ``{0}``, ``%s``,
``%d`` and ``{name}`` gives each new code its ``curated.parameters``; a re-import keeps the
curated records as written, adds the new placeholders' and drops the gone ones' with a
report; a translated page never touches them, and one with an extra placeholder stops the
import with validate's line; the SMS catalog, whose texts have no placeholders, gains none."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml import YAML

from codegen.cli import main
from tests.support.paths import REPO, SHARED

EN = """\
# Storage > Errors

## API errors

| Code | Message |
| --- | --- |
| 0 | Success |
| 4001 | The storage quota of {0} MB is used up |
| 4002 | Invalid parameter: %s (%d given) |
| 4003 | {field} must be at most {max} characters |
| 4004 | 100% done; {"a":1} is an object |
"""
JA = """\
# ストレージ > エラー

## APIエラー

| コード | メッセージ |
| --- | --- |
| 0 | 成功 |
| 4001 | 容量{0}MBを使い切りました |
| 4002 | 無効なパラメータ: %s (%d個) |
| 4003 | {field}は{max}文字以内です |
| 4004 | 100%完了 |
"""
QUOTA = {"name": "arg0", "type": "string", "placeholder": 0, "derived": True}


def _write(project: Path, lang: str, page: str) -> Path:
    document = project / f"codes.{lang}.md"
    document.write_text(page, encoding="utf-8")
    return document


def _import(project: Path, lang: str, page: str) -> int:
    document = _write(project, lang, page)
    catalog = project / "codes.yaml"
    return main(["import", str(document), "--lang", lang, "--catalog", str(catalog)])


def _codes(project: Path) -> dict[int, dict[str, Any]]:
    data = YAML(typ="safe").load((project / "codes.yaml").read_text("utf-8"))
    return {code["code"]: code for code in data["code_sets"][0]["codes"]}


def _parameters(project: Path) -> dict[int, list[dict[str, Any]]]:
    return {
        value: code["curated"]["parameters"]
        for value, code in _codes(project).items()
        if "parameters" in code["curated"]
    }


@pytest.fixture
def project(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> Path:
    """A catalog imported from the en page (the source), in a folder without configuration."""
    monkeypatch.chdir(tmp_path)
    assert _import(tmp_path, "en", EN) == 0
    capsys.readouterr()
    return tmp_path


def test_a_page_with_placeholders_records_each_codes_parameters(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _parameters(project) == {
        4001: [QUOTA],
        4002: [
            {"name": "arg0", "type": "string", "placeholder": 0, "derived": True},
            {"name": "arg1", "type": "integer", "placeholder": 1, "derived": True},
        ],
        4003: [
            {"name": "field", "type": "string", "placeholder": "field"},
            {"name": "max", "type": "string", "placeholder": "max"},
        ],
    }  # and 100% or {"a":1}, which are no placeholders, none
    text = (project / "codes.yaml").read_text("utf-8")
    assert (
        "        curated:\n"
        "          name: STORAGE_QUOTA_OF_MB_IS_USED\n"  # no 0: placeholders are no words
        "          derived: true\n"
        "          parameters:\n"
        "            - {name: arg0, type: string, placeholder: 0, derived: true}\n"
    ) in text
    names = {value: code["curated"]["name"] for value, code in _codes(project).items()}
    assert names[4002] == "INVALID_PARAMETER_GIVEN" and names[4003] == "MUST_BE_AT_MOST_CHARACTERS"
    assert main(["validate", "--catalog", str(project / "codes.yaml")]) == 0
    assert (
        ":27:22: warning: parameter arg0 of code 4001 has a derived name" in capsys.readouterr().err
    )


def test_a_named_placeholder_that_cannot_be_an_argument_gets_a_derived_name(
    tmp_path: Path,
) -> None:
    page = EN.replace("{field} must be at most {max}", "{class} {lang} {arg0} {0}")
    assert _import(tmp_path, "en", page) == 0
    assert [(p["name"], p.get("derived")) for p in _parameters(tmp_path)[4003]] == [
        ("class_", True),
        ("lang_", True),
        ("arg0", None),
        ("arg0_", True),
    ]


def test_a_reimport_keeps_curated_records_adds_new_ones_and_reports_dropped_ones(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    catalog = project / "codes.yaml"
    text = catalog.read_text("utf-8")
    curated = "{name: quota, type: integer, placeholder: 0}"
    catalog.write_text(
        text.replace("{name: arg0, type: string, placeholder: 0, derived: true}", curated, 1),
        encoding="utf-8",
    )
    page = EN.replace("quota of {0} MB is", "quota of {0} MB ({1} MB left) is").replace(
        "{field} must be at most {max} characters", "Too long: at most {max} characters"
    )
    assert _import(project, "en", page) == 0
    out, err = capsys.readouterr()
    assert _parameters(project)[4001] == [
        {"name": "quota", "type": "integer", "placeholder": 0},  # as curated
        {"name": "arg1", "type": "string", "placeholder": 1, "derived": True},
    ]
    assert _parameters(project)[4003] == [{"name": "max", "type": "string", "placeholder": "max"}]
    document = project / "codes.en.md"
    assert f"{document}:8: code 4001: parameter arg1 added" in out.splitlines()
    assert err == (
        f"{document}:10: code 4003: parameter field dropped: its placeholder 'field' is no "
        "longer in the en message\n"
    )
    assert main(["validate", "--catalog", str(catalog)]) == 0


def test_a_message_that_loses_its_last_placeholder_loses_its_records(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _import(project, "en", EN.replace(" of {0} MB", "")) == 0
    assert 4001 not in _parameters(project)
    assert "parameter arg0 dropped: its placeholder {0} is no longer" in capsys.readouterr().err


def test_a_translated_page_never_changes_the_records(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = _parameters(project)
    assert before[4001] == [QUOTA]
    assert _import(project, "ja", JA) == 0
    assert _parameters(project) == before
    assert _codes(project)[4001]["message"]["ja"] == "容量{0}MBを使い切りました"


def test_a_translation_with_an_extra_placeholder_stops_the_import(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    catalog = project / "codes.yaml"
    before = catalog.read_bytes()
    assert _import(project, "ja", JA.replace("容量{0}MB", "容量{0}MB ({1})")) == 2
    err = capsys.readouterr().err
    assert catalog.read_bytes() == before
    [line] = err.splitlines()
    assert line == (  # at the page's line, where to fix it (a new user's trial)
        f"{project / 'codes.ja.md'}:8: code 4001: the ja message has placeholder {{1}}, which "
        "the en message does not have: a translation takes the source message's parameters; "
        "fix the placeholder in this page (nothing written)"
    )


def test_a_translation_lacking_a_placeholder_is_reported_at_its_line(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _import(project, "ja", JA.replace("容量{0}MB", "容量MB")) == 0
    assert (
        f"{project / 'codes.ja.md'}:8: code 4001: the ja message lacks placeholder {{0}} of the "
        "en message: formatted, it leaves that argument out"
    ) in capsys.readouterr().err


DOCS = SHARED / "docs"
SMS_PAGES = [("ja", DOCS / "sms-error-codes.ja.txt"), ("en", DOCS / "sms-error-code.en.md")]


@pytest.mark.skipif(
    not all(page.is_file() for _, page in SMS_PAGES), reason=f"the SMS pages are not in {DOCS}"
)
def test_the_sms_catalog_gains_no_parameters(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Its texts have no placeholders: a fresh import records none, and re-importing its
    pages into spec/codes.yaml leaves it byte-identical."""
    fresh = tmp_path / "fresh.yaml"
    catalog = tmp_path / "codes.yaml"
    shutil.copyfile(REPO / "spec" / "codes.yaml", catalog)
    for lang, page in SMS_PAGES:
        for path in (fresh, catalog):
            assert main(["import", str(page), "--lang", lang, "--catalog", str(path)]) == 0
    data = YAML(typ="safe").load(fresh.read_text("utf-8"))
    codes = [code for code_set in data["code_sets"] for code in code_set["codes"]]
    assert len(codes) == 148 and not [c for c in codes if "parameters" in c["curated"]]
    assert catalog.read_bytes() == (REPO / "spec" / "codes.yaml").read_bytes()


def test_a_placeholder_named_as_its_code_set_gets_a_name_apart(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``{ApiErrors}`` in a set named ApiErrors would hide the set's class in the Python
    formatter, which validate refuses: import names it ``ApiErrors_``, derived (a review
    of #20)."""
    monkeypatch.chdir(tmp_path)
    page = EN.replace("| 4004 | 100% done", "| 4005 | {ApiErrors} gone |\n| 4004 | 100% done")
    assert _import(tmp_path, "en", page) == 0
    data = YAML(typ="safe").load((tmp_path / "codes.yaml").read_text("utf-8"))
    assert data["code_sets"][0]["curated"]["name"] == "ApiErrors"
    assert _parameters(tmp_path)[4005] == [
        {"name": "ApiErrors_", "type": "string", "placeholder": "ApiErrors", "derived": True}
    ]
