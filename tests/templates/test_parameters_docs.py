"""Messages with parameters (issue #20) on the docs pages: a code set whose messages take
parameters has a Parameters column listing each one's name, type and placeholder in the
page's message, while the message cell still reads back as the text written; the pages
build with mkdocs --strict and read back from the HTML too.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from codegen.catalog.load import load_catalog
from codegen.render.engine import render_all
from codegen.render.targets import DEFAULT_TARGETS
from tests.support.catalogs import mkdocs_pages
from tests.support.paths import TESTS
from tests.support.text_readers import CODE, PLAIN, html_texts, markdown_texts, segments

FIXTURE = TESTS / "fixtures" / "catalogs" / "parameters.yaml"
DOCS = [target for target in DEFAULT_TARGETS if target.template.startswith("docs_")]


@pytest.fixture(scope="module")
def pages() -> dict[str, str]:
    catalog = load_catalog(FIXTURE)
    return render_all(catalog, DOCS)


def test_a_parameters_column_names_each_parameter_its_type_and_placeholder(
    pages: dict[str, str],
) -> None:
    en = pages["docs/en.md"]
    assert "| code | message | Parameters |" in en
    assert "| code | message | Parameters | Retryable |" in en
    assert (
        "<code>field</code> (string): <code>&#123;field&#125;</code><br>"
        "<code>max</code> (integer): <code>&#123;max&#125;</code> |"
    ) in en
    assert "<code>rate</code> (number): <code>%(rate).2f</code>" in en
    assert "| パラメータ |" in pages["docs/ja.md"]
    # the ja message of 4004 lacks {{count}}: the parameter is listed without a placeholder
    assert "<code>count</code> (integer) |" in pages["docs/ja.md"]
    done = next(line for line in en.splitlines() if "ApiError-4005" in line)
    assert done.endswith("|  |"), "a message without parameters has an empty cell"


# What a reader sees in the Parameters cell of 4001: the name and placeholder as code.
QUOTA = (("quota", CODE), (" (integer): ", PLAIN), ("{0}", CODE))


def test_every_message_reads_back_as_written_beside_its_parameters(
    pages: dict[str, str],
) -> None:
    catalog = load_catalog(FIXTURE)
    for lang in catalog.languages:
        found = markdown_texts(pages[f"docs/{lang}.md"])
        assert found[QUOTA] == 1, lang
        for code_set in catalog.code_sets:
            for code in code_set.codes:
                text = code.message.get(lang)
                if text:
                    assert found[segments(text)] >= 1, (lang, text)


@pytest.mark.slow
def test_the_pages_build_strictly_and_read_back_from_the_site(
    pages: dict[str, str], tmp_path: Path
) -> None:
    catalog = load_catalog(FIXTURE)
    site = mkdocs_pages(pages, tmp_path)
    for lang in catalog.languages:
        found = html_texts(site[lang])
        for code_set in catalog.code_sets:
            for code in code_set.codes:
                text = code.message.get(lang)
                if text:
                    assert found[segments(text)] >= 1, (lang, text)
        assert found[QUOTA] == 1, lang
