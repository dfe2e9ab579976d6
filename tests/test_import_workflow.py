"""Import as a user lives with it: mappings given once, titles kept, reasons on request,
and what the import decided reaching the generated code."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from codegen.cli import main

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT.parent / "shared" / "docs"
needs_docs = pytest.mark.skipif(not DOCS.is_dir(), reason="../shared/docs is not there")

PAGE = """\
# Billing API

| Fehler | Text | Stufe | Nochmal |
|---|---|---|---|
| 17 | Kaputt | hoch | ja |
| 18 | Leer | niedrig | nein |
| 19 | Voll | hoch | ja |
"""


def _import(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(["import", *argv])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    assert main(["init", "--lang", "de"]) == 0
    (tmp_path / "page.md").write_text(PAGE, encoding="utf-8")
    return tmp_path


def test_a_column_role_given_once_is_recorded_and_needs_no_flag_again(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    catalog = project / "spec" / "codes.yaml"
    capsys.readouterr()
    code, _, err = _import(capsys, "page.md", "--column", "Stufe=level:text")
    assert code == 0, err
    first = catalog.read_text(encoding="utf-8")
    assert "key: level\n        kind: text" in first
    assert _import(capsys, "page.md")[0] == 0  # no --column: the catalog remembers
    assert catalog.read_text(encoding="utf-8") == first


def test_explain_prints_each_column_role_and_why(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    capsys.readouterr()
    code, out, _ = _import(capsys, "page.md", "--explain")
    assert code == 0
    assert 'page.md:3: table "Billing API", 3 codes:' in out
    assert '  column 1 "Fehler": code (3 cells are codes, 3 with a digit, all distinct)' in out
    assert '  column 3 "Stufe": group stufe (short labels)' in out
    assert '  column 4 "Nochmal": flag nochmal (yes/no cells)' in out


def test_a_column_option_that_names_no_column_is_a_warning(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    capsys.readouterr()
    code, _, err = _import(capsys, "page.md", "--column", "Stuffe=level:text")
    assert code == 0
    assert 'page.md: warning: --column "Stuffe=level:text" names no column of the page' in err


def test_a_title_a_person_gives_a_set_titled_by_the_page_survives_a_reimport(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    catalog = project / "spec" / "codes.yaml"
    assert _import(capsys, "page.md")[0] == 0
    text = catalog.read_text(encoding="utf-8").replace(
        "- title: {de: Billing API}", "- title: {de: Abrechnungsfehler}"
    )
    catalog.write_text(text, encoding="utf-8")
    assert _import(capsys, "page.md")[0] == 0
    assert catalog.read_text(encoding="utf-8") == text


def test_a_retryable_column_becomes_the_members_retryable(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    page = project / "page.md"
    page.write_text(PAGE.replace("Nochmal", "Wiederholbar"), encoding="utf-8")
    assert _import(capsys, "page.md")[0] == 0
    assert main(["generate"]) == 0, capsys.readouterr().err
    module = (project / "generated" / "python" / f"{project.name.lower()}.py").read_text("utf-8")
    assert "def retryable(self) -> bool:" in module
    assert "def retryable_value" not in module and "def wiederholbar" not in module
    docs = (project / "generated" / "docs" / "de.md").read_text(encoding="utf-8")
    assert "| Wiederholbar |" in docs  # the source's header, not a word of ours


def test_the_same_code_in_two_groups_generates_one_enum_per_group(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    page = project / "page.md"
    page.write_text(
        "# Zustellung\n\n| Quelle | Code | Text |\n|---|---|---|\n"
        "| Netz | 100 | Zugestellt |\n| Netz | 101 | Aus |\n"
        "| Relais | 100 | Angenommen |\n| Relais | 101 | Voll |\n",
        encoding="utf-8",
    )
    code, _, err = _import(capsys, "page.md")
    assert code == 0
    assert 'code 100 is in two "Quelle" groups; imported as 2 code sets' in err
    assert main(["generate"]) == 0, capsys.readouterr().err
    module = (project / "generated" / "python" / f"{project.name.lower()}.py").read_text("utf-8")
    assert "class Netz(IntEnum):" in module and "class Relais(IntEnum):" in module


@needs_docs
def test_make_import_leaves_the_committed_sms_catalog_byte_identical(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """What `make import` runs: the Japanese page, then the English one, over spec/codes.yaml."""
    catalog = tmp_path / "codes.yaml"
    shutil.copyfile(ROOT / "spec" / "codes.yaml", catalog)
    for page, lang in (("sms-error-codes.ja.txt", "ja"), ("sms-error-code.en.md", "en")):
        code, _, err = _import(capsys, str(DOCS / page), "--lang", lang, "--catalog", str(catalog))
        assert code == 0, err
    assert catalog.read_bytes() == (ROOT / "spec" / "codes.yaml").read_bytes()


def test_set_names_never_take_a_name_the_module_imports_or_another_class_has(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    tables = "".join(
        f"## {title}\n\n| Code | Message | {header} |\n|---|---|---|\n| 1 | One | a |\n| 2 | Two | b |\n\n"
        for title, header in [
            ("Enum", "Kind"),
            ("Mapping", "Kind"),
            ("Optional", "Kind"),
            ("Api", "Result code type"),
            ("ApiResultCodeType", "Kind"),
            ("ErrorResponse", "Kind"),
        ]
    )
    (project / "page.md").write_text(tables, encoding="utf-8")
    assert _import(capsys, "page.md", "--lang", "en")[0] == 0
    assert main(["generate"]) == 0, capsys.readouterr().err
