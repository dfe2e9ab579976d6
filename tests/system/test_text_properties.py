"""Property: every text of a random catalog reads back exactly from every output, or
``validate`` refuses it with a located error naming a character class the catalog format
refuses (docs/catalog-format.md, "Exact text").

Random catalogs (random_catalogs.py) hold hostile texts in every text field and language:
quotes, backslashes, template and comment syntax, Markdown and HTML, line breaks of every
kind, controls, bidi and zero-width marks, surrogates and noncharacters. Each goes through
``validate``, ``generate`` and ``check`` in process; the outputs are read back by their
consumers (text_checks.py). The runs are reproducible: ``derandomize=True`` and no example
database. ``HYPOTHESIS_PROFILE=thorough`` runs ten times as many examples.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

from tests.support.catalogs import mkdocs_pages
from tests.support.random_catalogs import Drawn, catalogs
from tests.support.text_checks import (
    check_markdown,
    check_python,
    check_schemas,
    check_site,
    check_typescript,
    run,
)

_SHARED = {
    "deadline": None,
    "derandomize": True,
    "database": None,
    "print_blob": False,
    "suppress_health_check": [HealthCheck.too_slow, HealthCheck.data_too_large],
}
settings.register_profile("text-ci", max_examples=150, **_SHARED)  # type: ignore[arg-type]
settings.register_profile("text-thorough", max_examples=1500, **_SHARED)  # type: ignore[arg-type]
PROFILE = "text-thorough" if os.environ.get("HYPOTHESIS_PROFILE") == "thorough" else "text-ci"
SITE_EXAMPLES = 4 if PROFILE == "text-ci" else 40

pytestmark = pytest.mark.slow


@settings(settings.get_profile(PROFILE))
@given(catalogs())
def test_every_text_reads_back_from_every_output_or_is_refused(drawn: Drawn) -> None:
    with tempfile.TemporaryDirectory() as folder:
        files = run(drawn, Path(folder))
        if files is None:
            return
        check_python(drawn, files, Path(folder))
        check_schemas(drawn, files)
        check_markdown(drawn, files)


@settings(settings.get_profile(PROFILE), max_examples=SITE_EXAMPLES)
@given(catalogs(max_sets=4, max_codes=6).filter(lambda drawn: drawn.clean))
def test_every_text_reads_back_from_the_built_docs_site_and_typescript(drawn: Drawn) -> None:
    """The slow consumers, once per example for a catalog of up to 24 codes (about 200
    texts): an mkdocs build of the docs pages, and tsc (when node_modules has it) and node
    for the TypeScript module."""
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        files = run(drawn, folder / "project")
        assert files is not None
        check_site(drawn, mkdocs_pages(files, folder))
        check_typescript(drawn, files, folder)
