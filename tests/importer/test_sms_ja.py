"""Importing the Japanese SMS error-code page (plain text) into an empty catalog.

Expected values are read from the document itself with plain string operations, not from a
copied list; where the plain text has lost its merged cells, the true structure is read from
the English page's HTML table (its rowspans).
"""

from __future__ import annotations

import re
from typing import Any

import pytest
from ruamel.yaml import YAML

from codegen.cli import main
from tests.support.paths import SHARED

DOCS = SHARED / "docs"
JA = DOCS / "sms-error-codes.ja.txt"
EN = DOCS / "sms-error-code.en.md"

pytestmark = pytest.mark.skipif(
    not (JA.is_file() and EN.is_file()),
    reason=f"the SMS source documents are not in {DOCS} (the repository's parent holds shared/docs)",
)


@pytest.fixture(scope="module")
def catalog(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    path = tmp_path_factory.mktemp("ja") / "codes.yaml"
    assert main(["import", str(JA), "--lang", "ja", "--catalog", str(path)]) == 0
    loaded: dict[str, Any] = YAML(typ="safe").load(path.read_text(encoding="utf-8"))
    return loaded


def _lines_after(header: str | int, lines: list[str]) -> list[str]:
    """The rows of the table whose header line is ``header`` (or at that index)."""
    start = (lines.index(header) if isinstance(header, str) else header) + 1
    rows: list[str] = []
    for line in lines[start:]:
        if not line.strip() or line == "TOP":
            break
        rows.append(line)
    return rows


def _ja_lines() -> list[str]:
    return JA.read_text(encoding="utf-8").split("\n")


def _code_set(catalog: dict[str, Any], title: str) -> dict[str, Any]:
    found: list[dict[str, Any]] = [s for s in catalog["code_sets"] if s["title"]["ja"] == title]
    assert len(found) == 1, f"one code set titled {title}"
    return found[0]


def test_the_page_yields_four_code_sets_with_148_codes(catalog: dict[str, Any]) -> None:
    counts = [len(code_set["codes"]) for code_set in catalog["code_sets"]]
    assert counts == [70, 2, 3, 73]
    assert sum(counts) == 148


def test_page_title_and_code_set_titles_come_from_the_headings(catalog: dict[str, Any]) -> None:
    lines = _ja_lines()
    assert catalog["title"] == {"ja": lines[0]}
    assert catalog["source_language"] == "ja" and catalog["languages"] == ["ja"]
    titles = [code_set["title"]["ja"] for code_set in catalog["code_sets"]]
    assert titles == [lines[2], lines[78], lines[84], lines[91]]
    assert _code_set(catalog, lines[78])["section"] == {"ja": lines[76]}


def test_api_codes_keep_service_flag_and_message_exactly(catalog: dict[str, Any]) -> None:
    rows = _lines_after("service isSuccess resultCode resultMessage", _ja_lines())
    expected = [row.split(" ", 3) for row in rows]
    code_set = _code_set(catalog, "APIレスポンスコード")
    assert code_set["code_type"] == "integer"
    got = [
        [code["service"], str(code["is_success"]).lower(), str(code["code"]), code["message"]["ja"]]
        for code in code_set["codes"]
    ]
    assert got == expected
    assert all(isinstance(code["code"], int) for code in code_set["codes"])


def test_typos_in_messages_are_kept(catalog: dict[str, Any]) -> None:
    codes = {c["code"]: c for c in _code_set(catalog, "APIレスポンスコード")["codes"]}
    assert codes[-9996]["message"]["ja"] == "無効なcontectType. Only application/JSON"


def test_receive_result_codes_are_string_codes(catalog: dict[str, Any]) -> None:
    lines = _ja_lines()
    for title, first in (("受信結果コード", 80), ("受信結果詳細コード", 86)):
        rows = _lines_after(first, lines)
        assert lines[first] == "コード値 意味"
        code_set = _code_set(catalog, title)
        assert code_set["code_type"] == "string"
        assert [[c["code"], c["message"]["ja"]] for c in code_set["codes"]] == [
            row.split(" ", 1) for row in rows
        ]


def _en_spans() -> list[tuple[int, str]]:
    """The (rowspan, text) of every merged cell of the English EMMA table."""
    html = EN.read_text(encoding="utf-8")
    return [(int(n), text) for n, text in re.findall(r"rowspan=(\d+)>([^<]*)</td>", html)]


def _expected_emma() -> list[tuple[str, str, str | None, str]]:
    """(code, category, classification, message) per EMMA row of the Japanese text.

    The English HTML says: the first category has a classification on every row; the second
    an empty classification spanning all its rows; the third one classification spanning all.
    """
    rows = _lines_after("区分 コード値 分類 意味", _ja_lines())
    spans = _en_spans()
    assert [n for n, _ in spans] == [29, 20, 20, 24, 24]
    assert spans[2][1] == "" and spans[4][1] == "Invalid-IB"
    expected: list[tuple[str, str, str | None, str]] = []
    category = ""
    group = 0
    for row in rows:
        match = re.match(r"(?:(.+?) )?(E\d{3}|\d{4}) (.*)", row)
        assert match, row
        if match.group(1):
            category, group, first = match.group(1), group + 1, True
        else:
            first = False
        code, rest = match.group(2), match.group(3)
        if group == 1:
            classification, message = rest.split(" ", 1)
        elif group == 2:
            classification, message = None, rest
        elif first:
            classification, message = rest.split(" ", 1)
        else:
            message = rest
        expected.append((code, category, classification, message))
    return expected


def test_emma_codes_restore_their_merged_cells(catalog: dict[str, Any]) -> None:
    code_set = _code_set(catalog, "EMMA v.3受信結果コード")
    got = [
        (c["code"], c["category"], c["classification"], c["message"]["ja"])
        for c in code_set["codes"]
    ]
    assert got == _expected_emma()
    assert code_set["code_type"] == "string"
    assert code_set["codes"][0]["code"] == "1000"


def test_emma_categories_cover_29_20_and_24_rows(catalog: dict[str, Any]) -> None:
    codes = _code_set(catalog, "EMMA v.3受信結果コード")["codes"]
    categories = [c["category"] for c in codes]
    runs = [categories.count(label) for label in dict.fromkeys(categories)]
    spans = _en_spans()  # Telecom, IB G/W, its classification, IB EMMA, its classification
    category_spans = [spans[0], spans[1], spans[3]]
    assert [text for _, text in category_spans] == ["Telecom Provider", "IB G/W", "IB EMMA"]
    assert runs == [n for n, _ in category_spans] == [29, 20, 24]


def test_ib_gw_rows_have_no_classification_and_ib_emma_rows_are_invalid_ib(
    catalog: dict[str, Any],
) -> None:
    codes = _code_set(catalog, "EMMA v.3受信結果コード")["codes"]
    gateway = [c for c in codes if c["category"] == "IB G/W"]
    emma = [c for c in codes if c["category"] == "IB EMMA"]
    assert len(gateway) == 20 and all(c["classification"] is None for c in gateway)
    assert gateway[0]["message"]["ja"] == "Server Busy (RS内部保存Queue Full)"
    assert len(emma) == 24 and all(c["classification"] == "Invalid-IB" for c in emma)
    assert emma[0]["message"]["ja"] == "送信キーがない場合"


def test_notes_between_heading_and_table_are_the_description(catalog: dict[str, Any]) -> None:
    lines = _ja_lines()
    notes = [lines[i] for i in (93, 95, 97, 99)]
    assert _code_set(catalog, "EMMA v.3受信結果コード")["description"] == {"ja": "\n\n".join(notes)}


def test_group_values_are_listed_in_order_of_first_appearance(catalog: dict[str, Any]) -> None:
    code_set = _code_set(catalog, "EMMA v.3受信結果コード")
    attributes = {a["key"]: a for a in code_set["attributes"]}
    labels = [v["label"]["ja"] for v in attributes["classification"]["values"]]
    assert labels == ["success", "failure", "Invalid", "Invalid-IB"]
    assert attributes["category"]["header"] == {"ja": "区分"}
    assert attributes["classification"]["kind"] == "group"


def test_new_items_get_derived_names_marked_as_such(catalog: dict[str, Any]) -> None:
    """A Japanese page has no English message to name a code by: the code names it."""
    api = _code_set(catalog, "APIレスポンスコード")
    assert api["curated"] == {"name": "CodeSet1", "derived": True}  # no Latin title
    names = [c["curated"]["name"] for c in api["codes"]]
    assert names[:2] == ["CODE_0", "CODE_M1000"]
    assert len(set(names)) == len(names)
    assert all(c["curated"]["derived"] is True for c in api["codes"])
    values = api["attributes"][0]["values"]
    assert [v["curated"] for v in values[:2]] == [
        {"name": "SERVICE_1", "derived": True},
        {"name": "SERVICE_2", "derived": True},
    ]
    assert all(v["curated"]["derived"] is True for v in values)
    assert catalog["curated"]["module"].startswith("ja")  # not in a spec/ folder: its own folder
