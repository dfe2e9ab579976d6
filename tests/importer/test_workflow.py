"""Import as a user lives with it: mappings given once, titles kept, reasons on request,
and what the import decided reaching the generated code."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from codegen.catalog.parse import parse
from codegen.cli import main
from tests.support.paths import REPO, SHARED

DOCS = SHARED / "docs"
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


def test_a_column_option_that_would_rename_a_recorded_attribute_is_not_ignored_silently(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The catalog has "Nochmal" as the flag ``nochmal``: a re-import given
    ``Nochmal=retryable:flag`` keeps filling ``nochmal`` (clients use its key) and says
    that the option was not applied and how to rename."""
    catalog = project / "spec" / "codes.yaml"
    assert _import(capsys, "page.md")[0] == 0
    before = catalog.read_bytes()
    code, _, err = _import(capsys, "page.md", "--column", "Nochmal=retryable:flag")
    assert code == 0 and catalog.read_bytes() == before
    assert (
        'spec/codes.yaml:34: warning: --column "Nochmal=retryable:flag" not applied: the '
        "catalog has the column \"Nochmal\" as the flag attribute 'nochmal', which this "
        "import fills"
    ) in err
    _, _, err = _import(capsys, "page.md", "--column", "Nochmal=nochmal:flag")  # as recorded
    assert "warning" not in err and catalog.read_bytes() == before


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
    shutil.copyfile(REPO / "spec" / "codes.yaml", catalog)
    for page, lang in (("sms-error-codes.ja.txt", "ja"), ("sms-error-code.en.md", "en")):
        code, _, err = _import(capsys, str(DOCS / page), "--lang", lang, "--catalog", str(catalog))
        assert code == 0, err
    assert catalog.read_bytes() == (REPO / "spec" / "codes.yaml").read_bytes()


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


PAYMENTS = """\
# Payments API

## Error codes

### Charge errors

| Code | HTTP Status | Message | Retryable |
|---|---|---|---|
| `PAY-1001` | 400 | The amount is missing. | No |
| `PAY-2001` | 402 | Card declined by issuer. | No |
| `PAY-5001` | 429 | Too many requests | Yes |
| `PAY-5002` | 503 | Card network unavailable | Yes |
| see below | 500 | Something else | Yes |
| `PAY-9000 ~ PAY-9099` | 500 | Internal error | Yes |
| `PAY-91xx` | 500 | Internal error | Yes |

### Webhook errors

| Error No. | Reason | Solution |
|---|---|---|
| 0001 | Endpoint returned a non-2xx status | Make sure your endpoint returns 200 OK within 10 s |
| 0002 | TLS handshake failed | Use a certificate signed by a public CA |
"""


def test_a_payments_page_with_prefixed_ranges_and_a_stray_row_keeps_its_tables(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (project / "page.md").write_text(PAYMENTS, encoding="utf-8")
    code, _, err = _import(capsys, "page.md", "--lang", "en")
    assert code == 0, err
    assert 'page.md:13:1: warning: row has "see below" where its code should be' in err
    assert 'page.md:14:1: warning: row "PAY-9000 ~ PAY-9099" is a range of codes' in err
    assert 'page.md:15:1: warning: row "PAY-91xx" is a range of codes' in err
    text = (project / "spec" / "codes.yaml").read_text(encoding="utf-8")
    assert "section: {en: Error codes}" in text.split("Webhook errors")[1]  # both ### tables
    assert "message: {en: Endpoint returned a non-2xx status}" in text  # Reason, not Solution
    assert "{name: AMOUNT_IS_MISSING, derived: true}" in text  # PAY-1001 is no name
    assert main(["generate"]) == 0, capsys.readouterr().err


GERMAN = {
    "| Error No. | Reason | Solution |": "| Fehler-Nr. | Ursache | Lösung |",
    "Message": "Meldung",
    "The amount is missing.": "Der Betrag fehlt.",
    "Card declined by issuer.": "Karte vom Aussteller abgelehnt.",
    "Too many requests": "Zu viele Anfragen",
    "Card network unavailable": "Kartennetz nicht erreichbar",
    "Something else": "Etwas anderes",
    "Internal error": "Interner Fehler",
    "Endpoint returned a non-2xx status": "Der Endpunkt gab keinen 2xx-Status zurück",
    "TLS handshake failed": "TLS-Handshake fehlgeschlagen",
    "Make sure your endpoint returns 200 OK within 10 s": "Ihr Endpunkt muss binnen 10 s 200 OK "
    "zurückgeben",
    "Use a certificate signed by a public CA": "Verwenden Sie ein von einer öffentlichen CA "
    "signiertes Zertifikat",
}


def test_a_translation_follows_the_reason_column_and_forgetting_lang_is_refused(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (project / "page.md").write_text(PAYMENTS, encoding="utf-8")
    assert _import(capsys, "page.md", "--lang", "en")[0] == 0
    german = PAYMENTS
    for english, deutsch in GERMAN.items():
        german = german.replace(english, deutsch)
    (project / "seite.md").write_text(german, encoding="utf-8")
    catalog = project / "spec" / "codes.yaml"
    before = catalog.read_bytes()
    code, _, err = _import(capsys, "seite.md")
    assert code == 2 and catalog.read_bytes() == before
    assert "are de words but the catalog's source language is en: give the page's" in err
    assert _import(capsys, "seite.md", "--lang", "de")[0] == 0
    text = catalog.read_text(encoding="utf-8")
    assert "message: {en: TLS handshake failed, de: TLS-Handshake fehlgeschlagen}" in text


def test_a_column_that_becomes_the_message_leaves_no_duplicate_attribute(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    page = project / "page.md"
    page.write_text(
        "# P\n\n| Code | Grund | Lösung |\n|---|---|---|\n| E1 | Kaputt | Neu starten |\n"
    )
    assert _import(capsys, "page.md", "--column", "Lösung=message")[0] == 0
    code, out, _ = _import(capsys, "page.md", "--column", "Grund=message")
    assert code == 0
    text = (project / "spec" / "codes.yaml").read_text(encoding="utf-8")
    assert "header: {de: Grund}" not in text and "message: {de: Kaputt}" in text
    assert 'column "Grund" is now a code, message or name column: attribute cause removed' in out


def test_a_table_added_to_the_page_takes_its_place_among_the_sets(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    page = project / "page.md"
    one = "## Eins\n\n| Code | Text |\n|---|---|\n| 1 | A |\n\n"
    two = "## Zwei\n\n| Code | Text |\n|---|---|\n| 20 | B |\n\n"
    three = "## Drei\n\n| Code | Text |\n|---|---|\n| 300 | C |\n\n"
    page.write_text(one + three, encoding="utf-8")
    assert _import(capsys, "page.md")[0] == 0
    page.write_text(one + two + three, encoding="utf-8")
    assert _import(capsys, "page.md")[0] == 0
    text = (project / "spec" / "codes.yaml").read_text(encoding="utf-8")
    assert text.index("{de: Eins}") < text.index("{de: Zwei}") < text.index("{de: Drei}")


def test_a_name_column_keeps_an_identifier_that_starts_with_a_digit(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (project / "page.md").write_text(
        "# P\n\n| Code | Name | Text |\n|---|---|---|\n| 20 | card_declined | Abgelehnt |\n"
        "| 21 | 2fa_required | Zweiter Faktor fehlt |\n",
        encoding="utf-8",
    )
    assert _import(capsys, "page.md")[0] == 0
    text = (project / "spec" / "codes.yaml").read_text(encoding="utf-8")
    assert "{name: CARD_DECLINED}" in text and "{name: CODE_2FA_REQUIRED}" in text


def test_an_html_page_is_titled_by_its_h1_not_by_the_sites_title(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (project / "page.html").write_text(
        "<html><head><title>Fehler | Beispiel Docs</title></head><body><h1>Fehlercodes</h1>"
        "<table><tr><th>Code</th><th>Text</th></tr><tr><td>1</td><td>A</td></tr></table>",
        encoding="utf-8",
    )
    assert _import(capsys, "page.html")[0] == 0
    assert "de: Fehlercodes" in (project / "spec" / "codes.yaml").read_text(encoding="utf-8")


def test_inline_code_stays_in_the_catalog_text_and_a_code_written_as_code_is_the_code(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (project / "page.md").write_text(
        "# P\n\n| Code | Text |\n|---|---|\n| `E1` | Setze `to` im Body |\n"
        "| `E2` | Kein ``a`b`` erlaubt |\n",
        encoding="utf-8",
    )
    (project / "page.html").write_text(
        "<h1>P</h1><table><tr><th>Code</th><th>Text</th></tr>"
        "<tr><td><code>E1</code></td><td>Setze <code>to</code> im Body</td></tr>"
        "<tr><td>E2</td><td>Kein <code>a`b</code> erlaubt</td></tr></table>",
        encoding="utf-8",
    )
    catalog = project / "spec" / "codes.yaml"
    assert _import(capsys, "page.md")[0] == 0
    text = catalog.read_text(encoding="utf-8")
    assert 'code: "E1"' in text and "message: {de: Setze `to` im Body}" in text
    assert "Kein ``a`b`` erlaubt" in text
    assert _import(capsys, "page.html")[0] == 0  # the HTML form reads the same
    assert catalog.read_text(encoding="utf-8") == text


def test_a_yaml_1_1_reader_reads_every_catalog_text_as_the_same_string(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """PyYAML, many editors and CI tools read YAML 1.1, where Yes, on, 0777 and 1:20 are
    not strings: the catalog quotes them."""
    (project / "page.md").write_text(
        "# P\n\n| Code | Text | OK | Ver |\n|---|---|---|---|\n"
        "| 1 | Yes it is | on | 1:20 |\n| 2 | No way | off | 0777 |\n| 3 | Null | Yes | ~ |\n",
        encoding="utf-8",
    )
    argv = ["page.md", "--lang", "no", "--column", "OK=state:group", "--column", "Ver=ver:group"]
    assert _import(capsys, *argv)[0] == 0
    text = (project / "spec" / "codes.yaml").read_text(encoding="utf-8")
    assert yaml.safe_load(text) == parse(text, "codes.yaml")  # YAML 1.1 and 1.2 agree
    assert _import(capsys, *argv)[0] == 0
    assert (project / "spec" / "codes.yaml").read_text(encoding="utf-8") == text


def test_emphasis_and_links_in_a_cell_keep_their_markup(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (project / "page.md").write_text(
        "# P\n\n| Code | Text |\n|---|---|\n| E1 | Key __proto__ is reserved |\n"
        "| E2 | See [the docs](https://x.example/limits). |\n| E3 | **Important:** split it |\n",
        encoding="utf-8",
    )
    assert _import(capsys, "page.md")[0] == 0
    text = (project / "spec" / "codes.yaml").read_text(encoding="utf-8")
    assert "Key __proto__ is reserved" in text
    assert "See [the docs](https://x.example/limits)." in text
    assert "'**Important:** split it'" in text


def test_a_status_column_of_numbers_is_the_code_and_a_translation_names_sets_it_missed(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    tables = (
        "## Batch\n\n| Status | Description |\n|---|---|\n| 0 | OK |\n| 1 | Skipped |\n\n"
        "## Other\n\n| Code | Description |\n|---|---|\n| 10 | Ten |\n| 11 | Eleven |\n"
    )
    (project / "page.md").write_text("# P\n\n" + tables, encoding="utf-8")
    assert _import(capsys, "page.md", "--lang", "en")[0] == 0
    text = (project / "spec" / "codes.yaml").read_text(encoding="utf-8")
    assert "code: 1\n" in text and "code: 11\n" in text
    german = "# P\n\n## Stapel\n\n| Status | Beschreibung |\n|---|---|\n| 0 | OK |\n| 1 | Übersprungen |\n"
    (project / "seite.md").write_text(german, encoding="utf-8")
    code, _, err = _import(capsys, "seite.md", "--lang", "de")
    assert code == 0
    assert "message: {en: Skipped, de: Übersprungen}" in (
        project / "spec" / "codes.yaml"
    ).read_text(encoding="utf-8")
    assert "code set Other has no table on this page, so it got no de text" in err


def test_a_catalog_with_crlf_line_endings_stays_byte_identical_on_reimport(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    catalog = project / "spec" / "codes.yaml"
    assert _import(capsys, "page.md")[0] == 0
    crlf = catalog.read_bytes().replace(b"\n", b"\r\n")
    catalog.write_bytes(crlf)
    code, out, _ = _import(capsys, "page.md")
    assert code == 0 and "unchanged" in out
    assert catalog.read_bytes() == crlf
