"""The Markdown pages: one per language, sections as in the source, a table per code set."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from codegen.render.engine import render_all
from codegen.render.targets import DEFAULT_TARGETS
from codegen.render.views.links import code_anchor
from tests.support import catalogs
from tests.support.catalogs import catalog, code_set, markdown_tables, mkdocs_pages


def _headings(markdown: str) -> list[tuple[str, str]]:
    tokens = MarkdownIt("commonmark").parse(markdown)
    return [
        (token.tag, re.sub(r"<[^>]+>", "", tokens[i + 1].content))
        for i, token in enumerate(tokens)
        if token.type == "heading_open"
    ]


def test_each_language_page_has_the_titles_and_sections_in_its_language(
    sample_files: dict[str, str],
) -> None:
    assert _headings(sample_files["docs/en.md"]) == [
        ("h1", "Notification &gt; SMS &gt; Error Codes"),
        ("h2", "API Response Codes"),
        ("h2", "Query Delivery Codes"),
        ("h3", "Receive Result Codes"),
        ("h3", "EMMA v.3 Receive Result Codes"),
    ]
    assert _headings(sample_files["docs/ja.md"])[2:] == [
        ("h2", "発信照会コード"),
        ("h3", "受信結果コード"),
        ("h3", "EMMA v.3受信結果コード"),
    ]


def test_tables_keep_source_order_and_show_every_attribute_as_a_column(
    sample_files: dict[str, str],
) -> None:
    api, receive, emma = markdown_tables(sample_files["docs/ja.md"])
    assert api[0] == ["resultCode", "resultMessage", "service", "isSuccess", "再試行"]
    assert [row[0] for row in api[1:]] == ["0", "-1000", "-9996", "-9999", "-2016", "-2104"]
    assert api[5][2] == "送信/照会"
    assert receive == [["コード値", "意味"], ["MTR1", "成功"], ["MTR2", "失敗"]]
    assert emma[4] == ["1001", "Server Busy (RS内部保存Queue Full)", "IB G/W", "", "true"]


def test_a_missing_translation_shows_the_source_text_marked_with_its_language(
    sample_files: dict[str, str],
) -> None:
    english = sample_files["docs/en.md"]
    assert "| 着信拒否 <sup>ja</sup> |" in english
    assert "has no translation yet" in english
    assert "<sup>" not in sample_files["docs/ja.md"]


def test_the_description_is_shown_as_paragraphs_in_the_page_language(
    sample_files: dict[str, str],
) -> None:
    html = MarkdownIt("commonmark").render(sample_files["docs/en.md"])
    assert "<p>EMMA Version: EMMA V3.3.0 or higher</p>" in html
    assert "<p>1) Telecom Provider: Result code received" in html
    assert "<ol" not in html


def test_every_row_carries_the_anchor_code_anchor_computes(sample_files: dict[str, str]) -> None:
    for page in ("docs/ja.md", "docs/en.md"):
        text = sample_files[page]
        for set_name, code in (
            ("ApiResultCode", -1000),
            ("EmmaResultCode", "E900"),
            ("ReceiveResultCode", "MTR1"),
        ):
            assert f'| <a id="{code_anchor(set_name, code)}"></a>' in text
        assert '<a id="EmmaResultCode"></a>' in text


def test_the_index_page_links_every_language(sample_files: dict[str, str]) -> None:
    index = sample_files["docs/index.md"]
    assert "](ja.md)" in index and "](en.md)" in index


@pytest.mark.slow
def test_inline_markup_in_catalog_texts_is_markup_on_the_built_page(tmp_path: Path) -> None:
    """A source cell's `to`, *em*, **bold** and [link](target) (kept by the importer) are
    code, emphasis and a link on the page mkdocs builds (strict: the links pass its checks);
    a link to another scheme is its text only, and every other character of the text stays
    as written (no cell split)."""
    message = (
        "`to` is empty | use `a|b` or *both*, see **[rules](/docs/r_x?a=1&b=|)**"
        " or [this](javascript:alert(1))"
    )
    source = catalog(
        code_set(
            "Api",
            [catalogs.code(1, "EMPTY_TO", {"ja": message, "en": message})],
            title={"ja": "API `v2` _new_", "en": "API `v2`"},
            description={"ja": "Set `to` first, [see](#Api).\n\n`1.` is not a list", "en": "x"},
        )
    )
    built = mkdocs_pages(render_all(source, DEFAULT_TARGETS), tmp_path)["ja"]
    page = built[built.index("<h2") : built.index("</table>")]  # the content, not the theme
    assert (
        "><code>to</code> is empty &#124; use <code>a&#124;b</code> or <em>both</em>, see "
        '<strong><a href="/docs/r_x?a=1&#38;b=&#124;">rules</a></strong> or this</td>'
    ) in page
    assert '<a id="Api"></a>API <code>v2</code> <em>new</em></h2>' in page
    assert '<p>Set <code>to</code> first, <a href="#Api">see</a>.</p>' in page
    assert "<p><code>1.</code> is not a list</p>" in page
    assert "javascript" not in built and page.count("<td>") == 2
