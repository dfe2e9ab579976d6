"""Real-world page shapes, each taken from a page through init, import, generate and check,
in process.

Three corpora, one comparison (:mod:`tests.support.import_cases`): ``../shared/cases/import/``
and ``../shared/cases/import-2/`` (given to us; read at test time, never edited) and
``tests/import_cases/`` (ours). Each folder's ``expected.json`` says, per document, what the
import must give; its ``_about`` key is the contract. A case the importer does not pass yet is
listed in :data:`tests.support.import_cases.KNOWN_FAILURES` with the reason, and runs as a
strict expected failure: when it starts passing, the test says so, and its line goes.
``tests/system/test_import_cases_wheel.py`` runs the same cases with the installed wheel.
"""

from __future__ import annotations

import contextlib
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest

from codegen.cli import main
from tests.support.catalogs import imported
from tests.support.generated_probe import snapshot
from tests.support.import_cases import (
    CORPORA,
    KNOWN_FAILURES,
    Case,
    load_cases,
    params,
    parts_in_order,
    run_case,
    unknown_keys,
)

CASES = load_cases()


def test_the_three_corpora_are_there() -> None:
    """The shared cases lie beside the repository (in CI too); ours are committed."""
    assert {case.corpus for case in CASES} == set(CORPORA)
    assert sum(1 for case in CASES if case.corpus == "ours") >= 50


def test_every_key_of_every_case_is_understood() -> None:
    """A key this comparison does not implement would be silently ignored: none may exist."""
    assert {case.id: unknown_keys(case) for case in CASES if unknown_keys(case)} == {}


def test_every_known_failure_names_a_case() -> None:
    assert set(KNOWN_FAILURES) <= {case.id for case in CASES}


def test_every_document_of_our_corpus_has_a_case_or_belongs_to_another_test() -> None:
    ours = {case.document.name for case in CASES if case.corpus == "ours"}
    others = {"README.md", "expected.json", *OTHER_TESTS}
    assert sorted(p.name for p in CORPORA["ours"].iterdir() if p.name not in others) == sorted(ours)


OTHER_TESTS = (
    "bad_rows.md",
    "embedded.md",
    "latin1.txt",
    "no_code_column.md",
    "no_table.md",
    "only_bad_rows.md",
    "spans.html",
    "tagged_catalog.yaml",
    "two_messages.txt",
)


@pytest.mark.parametrize(
    ("text", "fragments", "found"),
    [
        (
            "one of these reasons:\nit has expired\nit was revoked",
            ["reasons:", "it has expired"],
            True,
        ),
        (
            "reasons:\n• it has expired\n- it was revoked",
            ["reasons:", "it has expired", "it was revoked"],
            True,
        ),
        ("does not match. Check the key.", ["does not match.", "Check the key."], True),
        ("does not match.Check the key.", ["does not match.", "Check the key."], False),
        ("reasons:•it has expired", ["reasons:", "it has expired"], False),
        ("reasons: a it has expired", ["reasons:", "it has expired"], False),
        ("reasons: 1 it has expired", ["reasons:", "it has expired"], False),
        ("it was revoked reasons:", ["reasons:", "it was revoked"], False),
        ("see https://example.com/x for more", ["https://example.com/x"], True),
    ],
)
def test_parts_are_whitespace_apart_with_at_most_a_bullet_between(
    text: str, fragments: list[str], found: bool
) -> None:
    assert parts_in_order(text, fragments) is found


@pytest.mark.parametrize("case", params(CASES))
def test_page_imports_and_generates_as_expected(
    case: Case,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    project = tmp_path / "proj"
    project.mkdir()
    monkeypatch.chdir(project)

    def run(argv: Sequence[str]) -> tuple[int, str, str]:
        code = main(list(argv))
        out, err = capsys.readouterr()
        return code, out, err

    with contextlib.ExitStack() as stack:

        def probe(module: Path, languages: Sequence[str]) -> dict[str, Any]:
            source = module.read_text(encoding="utf-8")
            loaded = stack.enter_context(imported(source, tmp_path))
            return snapshot(loaded, languages)

        problems = run_case(case, project, run, probe)
    if problems:
        pytest.fail("\n".join(problems), pytrace=False)
