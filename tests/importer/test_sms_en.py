"""Merging the English SMS page (Markdown with pipe and HTML tables) into the Japanese catalog."""

from __future__ import annotations

import contextlib
import io
import re
from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml import YAML

from codegen.cli import main
from codegen.importer.columns.headers import header_dictionary
from codegen.importer.document import parse_document
from tests.support.paths import SHARED

DOCS = SHARED / "docs"
JA = DOCS / "sms-error-codes.ja.txt"
EN = DOCS / "sms-error-code.en.md"
EN_ONLY = ["4", "-2024", "-2301", "-2302", "-2304", "-2704"]

pytestmark = pytest.mark.skipif(
    not (JA.is_file() and EN.is_file()),
    reason=f"the SMS source documents are not in {DOCS} (the repository's parent holds shared/docs)",
)


@pytest.fixture(scope="module")
def merged(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict[str, Any], str, str]:
    """The catalog after ja then en, and the en import's stdout and stderr."""
    path = tmp_path_factory.mktemp("en") / "codes.yaml"
    assert main(["import", str(JA), "--lang", "ja", "--catalog", str(path)]) == 0
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        assert main(["import", str(EN), "--lang", "en", "--catalog", str(path)]) == 0
    catalog: dict[str, Any] = YAML(typ="safe").load(path.read_text(encoding="utf-8"))
    return catalog, out.getvalue(), err.getvalue()


def _codes(catalog: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {str(c["code"]): c for s in catalog["code_sets"] for c in s["codes"]}


def test_english_messages_fill_the_codes_both_pages_have(merged: Any) -> None:
    catalog, _, _ = merged
    codes = _codes(catalog)
    assert codes["-1000"]["message"] == {"ja": "無効なアプリケーションキー", "en": "Invalid appkey"}
    assert codes["1000"]["message"]["en"] == "Successful"
    assert codes["E999"]["message"]["en"] == "Other errors"  # "<td> Other errors </td>"
    assert catalog["languages"] == ["ja", "en"]
    assert catalog["title"]["en"] == EN.read_text(encoding="utf-8").split("\n")[0].lstrip("# ")


def test_every_shared_code_gets_the_english_message_of_its_row(merged: Any) -> None:
    catalog, _, _ = merged
    text = EN.read_text(encoding="utf-8")
    pipe_rows = re.findall(r"^\|[^|]*\|[^|]*\| (-?\d+) \|([^|\n]*)", text, flags=re.MULTILINE)
    html_rows = re.findall(
        r"<td>(\w+)</td>\s*(?:<td[^>]*>[^<]*</td>\s*)*?<td>([^<]*)</td>\s*</tr>", text
    )
    expected = {code: message.strip() for code, message in pipe_rows + html_rows}
    codes = _codes(catalog)
    shared = [code for code in expected if code in codes]
    assert len(shared) == 148
    for code in shared:
        assert codes[code]["message"]["en"] == expected[code], code


def test_codes_only_the_translation_has_are_reported_not_added(merged: Any) -> None:
    catalog, _, err = merged
    codes = _codes(catalog)
    assert len(codes) == 148
    assert not any(code in codes for code in EN_ONLY)
    reported = re.findall(
        r"^(.+):(\d+): code (\S+) is in this document but not in the catalog;", err, re.MULTILINE
    )
    assert [code for _, _, code in reported] == EN_ONLY
    lines = EN.read_text(encoding="utf-8").split("\n")
    for path, line, code in reported:
        assert path == str(EN)
        assert f"| {code} |" in lines[int(line) - 1]
    assert "import it from a source-language document first" in err


def test_group_labels_titles_headers_and_notes_get_english_texts(merged: Any) -> None:
    catalog, _, _ = merged
    api, results, details, emma = catalog["code_sets"]
    service = api["attributes"][0]
    assert service["header"] == {"ja": "service", "en": "service"}
    assert service["values"][0]["label"] == {"ja": "共通", "en": "Common"}
    assert all("en" in value["label"] for value in service["values"])
    assert results["title"]["en"] == "Result Code of Receiving"
    assert results["section"] == {"ja": "発信照会コード", "en": "Query Delivery Codes"}
    assert details["columns"]["code"] == {"ja": "コード値", "en": "Code Value"}
    categories = [v["label"] for v in emma["attributes"][0]["values"]]
    assert categories[0] == {"ja": "移動体通信事業者", "en": "Telecom Provider"}
    assert emma["description"]["en"].startswith("EMMA Version: EMMA V3.3.0 or higher\n\n1) ")


def test_the_restored_emma_structure_matches_the_english_html_table() -> None:
    """The spans the plain text lost, rebuilt from its rows, equal the HTML rowspans."""
    words = header_dictionary([])
    ja = parse_document(JA.read_text(encoding="utf-8"), str(JA), "text", words).tables[-1]
    en = parse_document(EN.read_text(encoding="utf-8"), str(EN), "markdown", words).tables[-1]
    assert [c.code for c in ja.codes] == [c.code for c in en.codes]

    def partition(table: Any, key: str) -> list[list[str]]:
        groups: dict[object, list[str]] = {}
        for code in table.codes:
            groups.setdefault(code.attrs[key], []).append(str(code.code))
        return sorted(groups.values())

    for key in ("category", "classification"):
        assert partition(ja, key) == partition(en, key)
    assert [c.attrs["classification"] is None for c in ja.codes] == [
        c.attrs["classification"] is None for c in en.codes
    ]


def test_the_row_without_its_closing_pipe_is_read(merged: Any) -> None:
    catalog, _, _ = merged
    assert _codes(catalog)["-2011"]["message"]["en"] == (
        "Required query parameters are missing (requestId or startRequestDate, endRequestdate)"
    )


def test_reimporting_the_english_page_changes_nothing(merged: Any, tmp_path: Path) -> None:
    path = tmp_path / "codes.yaml"
    assert main(["import", str(JA), "--lang", "ja", "--catalog", str(path)]) == 0
    assert main(["import", str(EN), "--lang", "en", "--catalog", str(path)]) == 0
    before = path.read_bytes()
    assert main(["import", str(EN), "--lang", "en", "--catalog", str(path)]) == 0
    assert main(["import", str(JA), "--catalog", str(path)]) == 0
    assert path.read_bytes() == before
