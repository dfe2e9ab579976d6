"""validate: a code's stale translations (``curated.stale``) name languages of the catalog,
not the source language, that have a message on the code; each is a warning at the
message it marks, or an error under ``stale_translations = "error"``.

Each case edits one spot of tests/catalog/rules/test_sets.BASE (its line numbers are in the comments
there) and expects exactly the listed ``path:line:col: message`` lines.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from codegen.catalog.load import load_catalog, stale_warnings
from codegen.errors import CodegenError
from tests.catalog.rules.test_sets import edit, problems

APPKEY = "curated: {name: INVALID_APPKEY}"  # code -1000, line 35; its message on line 34
MISSING = "curated: {name: TEMPLATE_ID_MISSING}"  # code -2100, line 40: no en message


def _stale(langs: str, curated: str = APPKEY) -> tuple[str, str]:
    return curated, curated[:-1] + f", stale: [{langs}]}}"


def test_a_stale_translation_is_valid_and_reaches_the_model(tmp_path: Path) -> None:
    assert problems(tmp_path, edit(_stale("en"))) == []
    success, appkey, _ = load_catalog(tmp_path / "codes.yaml").code_sets[0].codes
    assert appkey.stale == ("en",) and appkey.is_stale("en")
    assert not appkey.is_stale("ja") and success.stale == () and not success.is_stale("en")


CASES = {
    "unknown-language": (
        _stale("fr"),
        (
            "35:49: code -1000 marks 'fr' stale, which is not a language of the catalog: remove "
            "it from curated.stale"
        ),
    ),
    "source-language": (
        _stale("ja"),
        (
            "35:49: code -1000 marks its source language 'ja' stale: the source message is "
            "what translations are compared with, never stale; remove it from curated.stale"
        ),
    ),
    "no-text": (
        _stale("en", MISSING),
        "40:54: code -2100 marks 'en' stale but has no en message: remove it from curated.stale",
    ),
    "twice": (
        _stale("en, en"),
        "35:53: code -1000 lists 'en' twice in curated.stale: list it once",
    ),
    "not-a-list": (
        (APPKEY, APPKEY[:-1] + ", stale: en}"),
        "35:48: stale must be a list, not 'en'",
    ),
}


@pytest.mark.parametrize(("replacement", "expected"), CASES.values(), ids=CASES.keys())
def test_a_wrong_stale_mark_is_refused_at_its_position(
    tmp_path: Path, replacement: tuple[str, str], expected: str
) -> None:
    assert problems(tmp_path, edit(replacement)) == [f"spec/codes.yaml:{expected}"]


STALE_EN = (
    "code -1000 has a stale en message (the ja message changed since): re-import the en page "
    "with its new translation, or remove en from curated.stale once the text is checked"
)


def test_each_stale_translation_is_a_warning_at_the_message_it_marks(tmp_path: Path) -> None:
    catalog = tmp_path / "codes.yaml"
    catalog.write_text(edit(_stale("en")), encoding="utf-8")
    assert [str(w) for w in stale_warnings(str(catalog))] == [
        f"{catalog}:34:42: warning: {STALE_EN}"
    ]
    catalog.write_text(edit(), encoding="utf-8")
    assert stale_warnings(str(catalog)) == []


def test_stale_error_makes_each_stale_translation_a_problem(tmp_path: Path) -> None:
    catalog = tmp_path / "codes.yaml"
    catalog.write_text(edit(_stale("en")), encoding="utf-8")
    load_catalog(catalog)  # a warning by default
    with pytest.raises(CodegenError) as raised:
        load_catalog(catalog, display_path="spec/codes.yaml", stale="error")
    assert str(raised.value) == (
        f'spec/codes.yaml:34:42: {STALE_EN} (stale_translations = "error" in the configuration)'
    )
