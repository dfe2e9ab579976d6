"""Texts in another language: a member's message in a language with the source text as the
fallback, and the docs page's legend of untranslated texts only where it has some."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from codegen.catalog.model import Catalog
from codegen.render.engine import render_all
from codegen.render.targets import DEFAULT_TARGETS
from codegen.render.views import markdown
from tests.support.catalogs import catalog, code, code_set, group, mkdocs_pages, text

PYTHON = "python/sample_codes.py"
LEGEND = "has no translation yet"


def _both(ja: str, en: str) -> dict[str, str]:
    return {"ja": ja, "en": en}


def translated(retryable: bool = True, **untranslated: Any) -> Catalog:
    """A catalog whose every text shown on the docs page is in Japanese and English, except
    the one named by a keyword (``message=True``), which is given as Japanese only. Without
    ``retryable`` no code says whether it is, so the page has no Retryable column."""

    def texts(key: str, ja: str, en: str) -> dict[str, str]:
        return {"ja": ja} if key in untranslated else _both(ja, en)

    service = group(
        "service",
        {"COMMON": texts("label", "共通", "Common")},
        texts("attribute_header", "サービス", "Service"),
    )
    api = code_set(
        "Api",
        [
            code(
                0,
                "OK",
                texts("message", "成功", "OK"),
                False if retryable else None,
                service="COMMON",
                hint=texts("cell", "なし", "none"),
            ),
            code(
                -1,
                "NG",
                _both("失敗", "Failed"),
                True if retryable else None,
                service="COMMON",
                hint=None,
            ),
        ],
        (service, text("hint", _both("ヒント", "Hint"))),
        title=texts("title", "API", "API"),
        section=texts("section", "共通", "Common"),
        description=texts("description", "説明", "About"),
        columns={
            "code": texts("code_header", "コード", "Code"),
            "message": _both("メッセージ", "Message"),
            "retryable": texts("retryable_header", "再試行", "Retry"),
        },
    )
    return catalog(api, title=texts("page_title", "エラー", "Errors"))


def _page(source: Catalog, lang: str) -> str:
    return render_all(source, DEFAULT_TARGETS)[f"docs/{lang}.md"]


@pytest.fixture
def codes(load_module: Callable[[str], ModuleType]) -> ModuleType:
    return load_module(render_all(translated(message=True), DEFAULT_TARGETS[:1])[PYTHON])


def test_message_in_gives_the_translation_or_else_the_source_text(codes: ModuleType) -> None:
    assert codes.Api.NG.message_in("en") == "Failed"
    assert codes.Api.OK.message_in("en") == "成功"  # no English text
    assert codes.Api.NG.message_in("ko") == "失敗"  # not a language of the catalog
    assert codes.Api.NG.message_in("ja") == "失敗" == codes.Api.NG.message


def test_mypy_strict_accepts_message_in_and_a_program_using_it_runs(tmp_path: Path) -> None:
    module = render_all(translated(message=True), DEFAULT_TARGETS[:1])[PYTHON]
    (tmp_path / "sample_codes.py").write_text(module, encoding="utf-8")
    (tmp_path / "use.py").write_text(
        "from sample_codes import Api, lookup\n"
        'english: str = Api.OK.message_in("en")\n'
        'print(english, [m.message_in("en") for m in lookup(-1) or ()])\n',
        encoding="utf-8",
    )
    mypy = [sys.executable, "-m", "mypy", "--strict", "--no-incremental", "use.py"]
    checked = subprocess.run(mypy, cwd=tmp_path, capture_output=True, text=True, check=False)
    assert checked.returncode == 0, checked.stdout
    ran = subprocess.run(
        [sys.executable, "use.py"], cwd=tmp_path, capture_output=True, text=True, check=True
    )
    assert ran.stdout == "成功 ['Failed']\n"


def test_a_page_whose_every_text_is_translated_has_no_legend() -> None:
    page = _page(translated(), "en")
    assert LEGEND not in page and "<sup>" not in page


@pytest.mark.parametrize(
    "untranslated",
    [
        "page_title",
        "section",
        "title",
        "description",
        "code_header",
        "retryable_header",
        "attribute_header",
        "message",
        "label",
        "cell",
    ],
)
def test_untranslated_finds_any_text_the_page_shows_without_its_language(
    untranslated: str,
) -> None:
    source = translated(**{untranslated: True})
    assert markdown.untranslated(source, "en") and not markdown.untranslated(source, "ja")
    assert LEGEND in _page(source, "en") and "<sup>ja</sup>" in _page(source, "en")


def test_untranslated_is_false_for_a_translated_page_and_for_a_column_it_does_not_show() -> None:
    assert not markdown.untranslated(translated(), "en")
    hidden = translated(retryable_header=True, retryable=False)  # no Retryable column
    assert not markdown.untranslated(hidden, "en")


@pytest.mark.slow
def test_the_built_site_shows_the_legend_only_on_a_page_with_an_untranslated_text(
    tmp_path: Path,
) -> None:
    files = {}
    for folder, source in (("full", translated()), ("partial", translated(message=True))):
        for path, page in render_all(source, DEFAULT_TARGETS).items():
            if path.startswith("docs/"):
                files[path.replace("docs/", f"docs/{folder}/")] = page
    pages = mkdocs_pages(files, tmp_path)
    assert LEGEND not in pages["full/en"] and LEGEND not in pages["full/ja"]
    assert LEGEND in pages["partial/en"] and LEGEND not in pages["partial/ja"]
    assert "<td>成功 <sup>ja</sup></td>" in pages["partial/en"]
