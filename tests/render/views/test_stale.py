"""A stale translation as the docs page's filters see it: ``code_message`` marks the message
of a language the code lists in ``curated.stale``; ``stale_marked`` says a page needs the
legend of that mark."""

from __future__ import annotations

from dataclasses import replace

from codegen.catalog.model import Catalog, Code
from codegen.render.views.markdown import stale_marked
from codegen.render.views.texts import Localized, code_message
from tests.support.catalogs import catalog, code, code_set

FAILED = code(-1, "FAILED", {"ja": "失敗しました", "en": "Failed"})
UNTRANSLATED = code(-2, "GONE", {"ja": "なし"})


def test_code_message_marks_only_the_stale_language() -> None:
    stale = replace(FAILED, stale=("en",))
    assert code_message(stale, "en", "ja") == Localized("Failed", "en", False, stale=True)
    assert code_message(stale, "ja", "ja") == Localized("失敗しました", "ja", False)
    assert code_message(FAILED, "en", "ja") == Localized("Failed", "en", False)


def test_a_message_shown_in_the_source_language_is_not_marked_stale() -> None:
    shown = code_message(replace(UNTRANSLATED, stale=("en",)), "en", "ja")
    assert shown == Localized("なし", "ja", True)  # marked untranslated, not stale


def test_stale_marked_finds_a_stale_message_of_the_page_language() -> None:
    def page(*codes: Code) -> Catalog:
        source = catalog(code_set("Api", [FAILED, UNTRANSLATED]))
        return replace(source, code_sets=(replace(source.code_sets[0], codes=codes),))

    assert not stale_marked(page(FAILED, UNTRANSLATED), "en")
    stale = page(replace(FAILED, stale=("en",)), UNTRANSLATED)
    assert stale_marked(stale, "en") and not stale_marked(stale, "ja")
