"""A page read the same way on every import: what a new user's second run found (#17).

Each case imports a page, changes it or not, imports it again, and checks the catalog
follows the page, with nothing silently lost or made up on either run.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml import YAML

from codegen.cli import main

PAYMENTS = """\
# Payments

## Errors

| Code | Name | Message |
|---|---|---|
| `PAY-1001` | CARD_DECLINED | The card was declined |
| `PAY-2003` | LIMIT | Limit reached |
| `PAY-5000` | INTERNAL | Internal error |

## Retry policy

| Code | Retryable | Strategy |
|---|---|---|
| PAY-5000 | Yes | exponential backoff |
| PAY-1001 | No | do not retry |
"""


def _import(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], page: str, *more: str, name: str = "p.md"
) -> tuple[int, str, str, dict[str, Any]]:
    path = tmp_path / name
    path.write_text(page, encoding="utf-8")
    catalog = tmp_path / "c.yaml"
    status = main(["import", str(path), "--catalog", str(catalog), *more])
    out, err = capsys.readouterr()
    loaded = YAML(typ="safe").load(catalog.read_text("utf-8")) if catalog.exists() else {}
    return status, out, err, loaded


def _codes(catalog: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {str(c["code"]): c for s in catalog["code_sets"] for c in s["codes"]}


def test_a_table_that_adds_columns_is_read_again_on_every_import(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _import(tmp_path, capsys, PAYMENTS, "--lang", "en")[0] == 0
    status, out, err, _ = _import(tmp_path, capsys, PAYMENTS, "--lang", "en")
    assert status == 0 and " unchanged: " in out
    assert "is not in this table" not in err and "not a code table" not in err
    changed = PAYMENTS.replace("| PAY-5000 | Yes |", "| PAY-5000 | No |")
    changed += "| PAY-2003 | Yes | wait a minute |\n"
    status, out, err, catalog = _import(tmp_path, capsys, changed, "--lang", "en", "--explain")
    assert status == 0
    codes = _codes(catalog)
    assert (codes["PAY-5000"]["retryable"], codes["PAY-2003"]["retryable"]) == (False, True)
    assert codes["PAY-2003"]["strategy"] == {"en": "wait a minute"}
    assert "code PAY-5000: retryable true → false" in out
    assert (
        '  column "Strategy" of the table at line 13: text strategy (added to the codes it lists)'
        in out
    )
    assert "delete the attribute" not in err


def test_a_range_written_in_code_spans_is_skipped_on_every_import(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    page = (
        "# Erros\n\n## Erros de validação\n\n| Código | Mensagem |\n|---|---|\n"
        "| `0x1001` | Campo obrigatório |\n| `0x1002` | Formato inválido |\n"
        "| `0x1F00` ~ `0x1FFF` | Reservado |\n| `0x1003` | Valor muito longo |\n"
    )
    for _ in range(2):
        status, _, err, catalog = _import(tmp_path, capsys, page, "--lang", "pt")
        assert status == 0
        assert sorted(_codes(catalog)) == ["0x1001", "0x1002", "0x1003"]
        assert 'warning: row "`0x1F00` ~ `0x1FFF`" is a range of codes' in err


def test_an_identifier_ending_in_xx_is_a_code_and_a_wildcard_is_not(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    page = (
        "# Webhooks\n\n## Delivery\n\n| Code | Message |\n|---|---|\n"
        "| WH_TIMEOUT | The endpoint did not answer |\n| WH_4XX | The endpoint refused it |\n"
        "| WH_5XX | The endpoint failed |\n| PAY-90xx | Reserved |\n"
    )
    status, _, err, catalog = _import(tmp_path, capsys, page, "--lang", "en")
    assert status == 0
    assert sorted(_codes(catalog)) == ["WH_4XX", "WH_5XX", "WH_TIMEOUT"]
    assert 'row "PAY-90xx" is a range of codes' in err


def test_a_page_with_some_of_the_sets_leaves_the_catalogs_title(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _import(tmp_path, capsys, PAYMENTS, "--lang", "en")
    webhooks = (
        "<html><head><title>Webhook errors | Payments API</title></head><body>"
        "<h2>Delivery</h2><table><tr><th>Code</th><th>Message</th></tr>"
        "<tr><td>WH_TIMEOUT</td><td>No answer</td></tr>"
        "<tr><td>WH_GONE</td><td>Gone</td></tr></table></body></html>"
    )
    status, out, _, catalog = _import(
        tmp_path, capsys, webhooks, "--lang", "en", name="webhooks.html"
    )
    assert status == 0 and "page title" not in out
    assert catalog["title"] == {"en": "Payments"}
    status, out, _, catalog = _import(
        tmp_path, capsys, PAYMENTS.replace("# Payments", "# Pay"), "--lang", "en"
    )
    assert catalog["title"] == {"en": "Payments"}  # this page no longer has every set either


def test_a_fresh_catalog_takes_the_pages_language_without_lang(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["init"]) == 0
    page = (
        "# Codes d'erreur\n\n## Paiements\n\n| Code | Message |\n|---|---|\n"
        "| 1001 | La carte a été refusée par la banque émettrice |\n"
        "| 1002 | Le solde du compte est insuffisant pour cette opération |\n"
        "| 1003 | Le délai de validité de la demande est dépassé |\n"
    )
    (tmp_path / "p.md").write_text(page, encoding="utf-8")
    capsys.readouterr()
    assert main(["import", "p.md"]) == 0
    assert "its source language is now fr (was en)" in capsys.readouterr().err
    catalog = YAML(typ="safe").load((tmp_path / "spec" / "codes.yaml").read_text("utf-8"))
    assert catalog["source_language"] == "fr"
    assert _codes(catalog)["1001"]["message"] == {
        "fr": "La carte a été refusée par la banque émettrice"
    }


def test_words_shared_by_two_languages_are_no_reason_to_refuse_a_regional_tag(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["init", "--lang", "pt-BR"]) == 0
    page = (
        "# Erros\n\n## Notificações\n\n| Código | Descrição |\n|---|---|\n"
        "| 10 | O destinatário não existe |\n| 11 | O serviço está indisponível no momento |\n"
    )
    for _ in range(2):
        (tmp_path / "p.md").write_text(page, encoding="utf-8")
        assert main(["import", "p.md"]) == 0, capsys.readouterr().err


@pytest.mark.parametrize("header", ["Will we retry?", "¿Reintentar?", "Retry allowed"])
def test_a_header_that_asks_whether_to_retry_is_retryable_when_its_cells_say_yes_or_no(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], header: str
) -> None:
    page = (
        f"# Errors\n\n## Sending\n\n| Code | Message | {header} |\n|---|---|---|\n"
        "| 1 | Timed out | Yes |\n| 2 | Refused | No |\n"
    )
    status, _, _, catalog = _import(tmp_path, capsys, page, "--lang", "en")
    assert status == 0
    assert [c["retryable"] for c in _codes(catalog).values()] == [True, False]


def test_a_retry_header_over_text_cells_is_a_text_of_its_own_key(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    page = (
        "# Errors\n\n## Sending\n\n| Code | Message | Retry strategy |\n|---|---|---|\n"
        "| 1 | Timed out | back off for a minute |\n| 2 | Refused | never retry |\n"
    )
    status, _, _, catalog = _import(tmp_path, capsys, page, "--lang", "en")
    assert status == 0
    assert _codes(catalog)["1"]["retry_strategy"] == {"en": "back off for a minute"}
    assert "retryable" not in _codes(catalog)["1"]


SPLIT = """\
# Payments API errors

## Card errors

| Code | Message |
|---|---|
| 1001 | Card declined |
| 1002 | Card expired |

| 1004 | Insufficient funds |
| 1005 | Card blocked |

## Account errors

| Code | Message |
|---|---|
| ACC_LOCKED | Account locked |

| Name | Meaning |
| Other | A table of its own, with a header |
"""


def test_a_table_split_by_a_blank_line_keeps_its_rows_and_retires_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A row deleted from a pipe table leaves a blank line: GitHub then shows the rows
    below as text, and codegen read them as a new code set whose first row was its
    header, while `--retire` marked the codes still on the page as removed (a trial,
    issue #18). The rows are the table's, with a note; a headed block stays its own."""
    whole = SPLIT.replace("| 1002 | Card expired |\n\n", "| 1002 | Card expired |\n")
    assert _import(tmp_path, capsys, whole, "--lang", "en")[0] == 0
    status, _, err, catalog = _import(
        tmp_path, capsys, SPLIT, "--lang", "en", "--retire", "--since", "2.0"
    )
    assert status == 0
    assert [[str(c["code"]) for c in s["codes"]] for s in catalog["code_sets"]] == [
        ["1001", "1002", "1004", "1005"],
        ["ACC_LOCKED"],
    ]
    assert not any("removed" in c.get("curated", {}) for c in _codes(catalog).values())
    assert (
        "p.md:10:1: note: a blank line splits this table: the rows below it are read as "
        "rows of the table above (line 5). Remove the blank line"
    ) in err
    assert "p.md:19:1: note: this table has no delimiter row" in err


def test_a_table_without_codes_names_a_few_of_its_headers_not_all(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A skipped table's note stays one readable line however wide the table (a trial of
    issue #18 printed 1,000 headers in one line)."""
    wide = "| " + " | ".join(f"Header {i}" for i in range(200)) + " |\n"
    wide += "|" + "---|" * 200 + "\n" + "| " + " | ".join("x" for _ in range(200)) + " |\n"
    page = PAYMENTS + "\n## Wide\n\n" + wide
    status, _, err, _ = _import(tmp_path, capsys, page, "--lang", "en")
    assert status == 0
    (line,) = [line for line in err.splitlines() if "no column holds codes" in line]
    assert '"Header 7" and 192 more)' in line and len(line) < 400
