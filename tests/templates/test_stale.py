"""A stale translation on the docs pages: the message of its language's page is followed by
a dagger and the page has the legend of that mark; the source language's page, a page
without one and every generated module are as they were."""

from __future__ import annotations

from dataclasses import replace

from codegen.catalog.model import Catalog, CodeSet, Removal
from codegen.render.engine import render_all
from codegen.render.targets import DEFAULT_TARGETS
from tests.support.catalogs import catalog, code, code_set

LEGEND = "was translated before its source text changed and may be out of date"
JA_LEGEND = "原文が変わる前の翻訳"


def _catalog(*stale: str, removed: bool = False) -> Catalog:
    """Two codes translated to English; the second is marked stale in ``stale``."""
    ok = code(0, "OK", {"ja": "成功", "en": "OK"})
    failed = code(-1, "FAILED", {"ja": "失敗しました", "en": "Failed"})
    source = catalog(code_set("Api", [ok, failed]))
    marked = replace(
        source.code_sets[0].codes[1],
        stale=stale,
        removed=Removal("2026-12") if removed else None,
    )
    api = replace(source.code_sets[0], codes=(source.code_sets[0].codes[0], marked))
    return replace(source, code_sets=(api,))


def test_a_stale_translation_is_marked_on_its_page_with_the_legend() -> None:
    pages = render_all(_catalog("en"), DEFAULT_TARGETS)
    en, ja = pages["docs/en.md"], pages["docs/ja.md"]
    assert "| Failed <sup>†</sup> |" in en and "| OK |" in en
    assert LEGEND in en and en.count("†") == 2  # the mark and its legend
    assert "†" not in ja and LEGEND not in ja and JA_LEGEND not in ja


def test_a_page_without_a_stale_translation_is_as_before() -> None:
    assert render_all(_catalog(), DEFAULT_TARGETS)["docs/en.md"].count("†") == 0


def test_a_removed_codes_stale_message_is_marked_too() -> None:
    en = render_all(_catalog("en", removed=True), DEFAULT_TARGETS)["docs/en.md"]
    assert "| Failed <sup>†</sup> | 2026-12 |" in en and LEGEND in en


def test_the_legend_is_in_the_pages_language() -> None:
    source = _catalog("en")
    japanese = replace(source, source_language="en", languages=("en", "ja"))
    ja = render_all(replace(japanese, code_sets=(_swapped(japanese),)), DEFAULT_TARGETS)
    assert "| 失敗しました <sup>†</sup> |" in ja["docs/ja.md"]
    assert JA_LEGEND in ja["docs/ja.md"] and "†" not in ja["docs/en.md"]


def _swapped(source: Catalog) -> CodeSet:
    """The set, its second code marked stale in Japanese (English as the source)."""
    api = source.code_sets[0]
    return replace(api, codes=(api.codes[0], replace(api.codes[1], stale=("ja",))))


def test_the_generated_modules_do_not_change_with_a_stale_mark() -> None:
    marked, plain = (
        render_all(_catalog("en"), DEFAULT_TARGETS),
        render_all(_catalog(), DEFAULT_TARGETS),
    )
    assert marked.keys() == plain.keys()
    assert [path for path in marked if marked[path] != plain[path]] == ["docs/en.md"]
