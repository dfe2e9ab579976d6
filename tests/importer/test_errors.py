"""Bad input: one clear line naming the place, exit 2 when nothing is usable, catalog untouched."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from codegen.cli import main
from tests.support.paths import TESTS

CASES = TESTS / "import_cases"
GOOD = "Codes\n\nResult Codes\n\ncode message\n1 One\n2 Two\n"


@pytest.fixture
def catalog(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    """A catalog made from a good document; the tests check it stays byte-identical."""
    good = tmp_path / "good.txt"
    good.write_text(GOOD, encoding="utf-8")
    path = tmp_path / "spec" / "codes.yaml"
    assert main(["import", str(good), "--lang", "en", "--catalog", str(path)]) == 0
    capsys.readouterr()
    return path


def _fails(
    capsys: pytest.CaptureFixture[str], catalog: Path, document: Path | str, *options: str
) -> str:
    """Import that must fail with exit 2 and leave the catalog as it was; returns stderr."""
    before, stat = catalog.read_bytes(), catalog.stat()
    code = main(["import", str(document), "--catalog", str(catalog), *options])
    err = capsys.readouterr().err
    assert code == 2, err
    assert catalog.read_bytes() == before
    assert catalog.stat().st_mtime_ns == stat.st_mtime_ns
    assert [p.name for p in catalog.parent.iterdir()] == ["codes.yaml"]  # no temp file left
    assert len(err.strip().split("\n")) == 1, err
    assert "Traceback" not in err
    return err.strip()


def _case(name: str, tmp_path: Path) -> Path:
    return Path(shutil.copy(CASES / name, tmp_path / name))


def test_missing_document(catalog: Path, capsys: pytest.CaptureFixture[str]) -> None:
    err = _fails(capsys, catalog, catalog.parent / "nope.md")
    assert err.endswith("nope.md: no such file; check the document path")


def test_unreadable_document_a_folder(
    catalog: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    err = _fails(capsys, catalog, tmp_path)
    assert err == f"{tmp_path}: is a folder; give the path of a document file"


def test_document_without_any_code_table(
    catalog: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    document = _case("no_table.md", tmp_path)
    err = _fails(capsys, catalog, document)
    assert err.startswith(f"{document}:1:1: no code table found: a code table needs a header row")
    assert '--column "HEADER=code"' in err


def test_table_without_a_recognisable_code_column(
    catalog: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    document = _case("no_code_column.md", tmp_path)
    err = _fails(capsys, catalog, document)
    assert err == (
        f'{document}:3:1: table "Parameters" is not a code table: no column holds codes '
        '(headers "Name", "Description"), so no code table is left to import. If it is a code '
        'table, name its code column with --column "HEADER=code"'
    )


def test_an_unknown_header_mapped_with_column_is_imported(
    catalog: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    document = _case("no_code_column.md", tmp_path)
    other = tmp_path / "other.yaml"
    argv = ["import", str(document), "--lang", "en", "--catalog", str(other)]
    assert main([*argv, "--column", "Name=code"]) == 0
    assert 'code: "appKey"' in other.read_text(encoding="utf-8")


def test_rows_are_read_as_github_shows_them_short_ones_padded_extra_cells_left_out(
    catalog: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A short row's missing cells are empty (its code is not lost: here it has no
    message, which is reported); a row's cells past the header's are left out, with a
    warning, as GitHub does not show them either."""
    document = _case("bad_rows.md", tmp_path)
    other = tmp_path / "other.yaml"
    assert main(["import", str(document), "--lang", "en", "--catalog", str(other)]) == 0
    err = capsys.readouterr().err
    assert f"{document}:6:1: warning: row has no message for code 2; skipped" in err
    assert (
        f"{document}:7:1: warning: row has 3 cells but the header 2; the cells past the last "
        "column are left out" in err
    )
    assert re.findall(r"code: (\d+)", other.read_text(encoding="utf-8")) == ["1", "3"]


def test_a_document_with_only_bad_rows_fails(
    catalog: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    document = _case("only_bad_rows.md", tmp_path)
    err = _fails(capsys, catalog, document)
    assert err == (
        f"{document}:5:1: row has no message for code 2, so no code table is left to import"
    )


def test_one_code_with_two_messages_in_one_table(
    catalog: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    document = _case("two_messages.txt", tmp_path)
    err = _fails(capsys, catalog, document)
    assert err == (
        f'{document}:8:1: table "Errors" is not read: code 100 has two different messages in it '
        '("First meaning" at line 6, "Second meaning" at line 8) and no column tells them '
        "apart, so no code table is left to import. Keep one of them in the document"
    )


def test_document_that_is_not_utf8(
    catalog: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    document = _case("latin1.txt", tmp_path)
    err = _fails(capsys, catalog, document)
    assert err == f"{document}:4:8: not valid UTF-8 (byte 0xe9); save the document as UTF-8"


def test_oversized_document(
    catalog: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    document = tmp_path / "huge.txt"
    document.write_bytes(GOOD.encode() + b"9 x\n" * (3 * 1024 * 1024))
    err = _fails(capsys, catalog, document)
    assert err == f"{document}: the document is larger than 10 MiB; import the page in parts"


def test_catalog_with_a_python_tag_is_rejected_not_constructed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    catalog = tmp_path / "spec" / "codes.yaml"
    catalog.parent.mkdir()
    shutil.copy(CASES / "tagged_catalog.yaml", catalog)
    good = tmp_path / "good.txt"
    good.write_text(GOOD, encoding="utf-8")
    err = _fails(capsys, catalog, good)
    assert err == (  # as validate says it
        f"{catalog}:4:10: the tag !!python/object/apply:os.system is not allowed: remove it; the "
        "catalog is plain YAML: mappings, lists, strings, numbers, true/false and null"
    )


def test_catalog_that_is_not_a_catalog(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    catalog = tmp_path / "spec" / "codes.yaml"
    catalog.parent.mkdir()
    text = "format: 1\nsource_language: en\nlanguages: en\ncurated: {module: m}\ncode_sets: []\n"
    catalog.write_text(text, "utf-8")
    good = tmp_path / "good.txt"
    good.write_text(GOOD, encoding="utf-8")
    err = _fails(capsys, catalog, good)
    assert err == f"{catalog}:3:12: languages must be a list, not 'en'"  # as validate says it


def test_a_new_catalog_needs_lang(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    good = tmp_path / "good.txt"
    good.write_text(GOOD, encoding="utf-8")
    catalog = tmp_path / "codes.yaml"
    assert main(["import", str(good), "--catalog", str(catalog)]) == 2
    err = capsys.readouterr().err
    assert err == (
        f"{catalog}: there is no catalog yet: give the document's language with --lang "
        "(it becomes the catalog's source language)\n"
    )
    assert not catalog.exists()


@pytest.mark.parametrize(
    ("option", "message"),
    [
        ("Name", 'expected HEADER=ROLE, e.g. --column "エラー番号=code"'),
        ("Name=identifier", 'unknown role "identifier"; use code, message, name or KEY:KIND'),
        ("Name=class:group", '"class" cannot be an attribute key; use snake_case other than'),
        ("Name=message:text", '"message" cannot be an attribute key'),
    ],
)
def test_a_wrong_column_option_is_explained(
    catalog: Path, option: str, message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    err = _fails(capsys, catalog, CASES / "no_code_column.md", "--column", option)
    assert err.startswith(f'--column "{option}": {message}')


def test_an_unknown_extra_column_is_imported_as_an_attribute(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    document = tmp_path / "extra.md"
    document.write_text("# T\n\n## Codes\n\n| code | owner | message |\n|-|-|-|\n| 1 | a | b |\n")
    other = tmp_path / "other.yaml"
    assert main(["import", str(document), "--lang", "en", "--catalog", str(other)]) == 0
    text = other.read_text(encoding="utf-8")
    assert "key: owner\n" in text and "kind: group" in text
    assert "owner: a\n" in text


DIGITS = "9" * 5000  # more digits than Python's int() reads (4,300)
LONG_NUMBER_PAGES = {
    "index_column.md": f"# P\n\n| No | Code | Text |\n|---|---|---|\n| {DIGITS} | 1 | One |\n"
    f"| {DIGITS} | 2 | Two |\n",
    "sheet_index.md": "# P\n\n| Unnamed: 0 | Unnamed: 1 | Unnamed: 2 |\n|---|---|---|\n"
    f"| {DIGITS} | Code | Text |\n| {DIGITS} | 1 | One |\n| {DIGITS} | 2 | Two |\n",
    "colspan.html": "<h1>P</h1><table><tr><th>Code</th><th>Text</th></tr>"
    f'<tr><td>1</td><td colspan="{DIGITS}">One</td></tr><tr><td>2</td><td>Two</td></tr></table>',
    "rowspan.html": "<h1>P</h1><table><tr><th>Code</th><th>Text</th><th>Note</th></tr>"
    f'<tr><td>1</td><td>One</td><td rowspan="{DIGITS}">n</td></tr>'
    "<tr><td>2</td><td>Two</td></tr></table>",
}


@pytest.mark.parametrize("name", LONG_NUMBER_PAGES)
def test_a_number_longer_than_int_reads_is_no_index_nor_span_limit(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str
) -> None:
    """An index column or a span of 5,000 digits: the import goes on (a span that long is
    as long as spans may be), where it once ended in a traceback."""
    page = tmp_path / name
    page.write_text(LONG_NUMBER_PAGES[name], encoding="utf-8")
    catalog = tmp_path / "codes.yaml"
    assert main(["import", str(page), "--lang", "en", "--catalog", str(catalog)]) == 0
    text = catalog.read_text(encoding="utf-8")
    assert "code_type: integer" in text
    assert "- code: 1\n" in text and "- code: 2\n" in text


def test_codes_longer_than_int_reads_make_a_set_of_string_codes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A code column of 5,000-digit numbers (named with --column: no column of such numbers
    is taken as codes unasked) is text, as a catalog must quote it."""
    page = tmp_path / "page.md"
    page.write_text(
        f"# P\n\n| Code | Text |\n|---|---|\n| {DIGITS} | One |\n| 8{DIGITS[1:]} | Two |\n",
        encoding="utf-8",
    )
    catalog = tmp_path / "codes.yaml"
    argv = ["import", str(page), "--lang", "en", "--catalog", str(catalog)]
    assert main([*argv, "--column", "Code=code"]) == 0
    text = catalog.read_text(encoding="utf-8")
    assert "code_type: string" in text
    assert f'- code: "{DIGITS}"\n' in text
    monkeypatch.chdir(tmp_path)  # no configuration: derived names are warnings
    assert main(["validate", "--catalog", str(catalog)]) == 0, capsys.readouterr().err
