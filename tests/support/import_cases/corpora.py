"""The corpora, their cases, and every key a case may have."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from tests.support.import_cases.known_failures import KNOWN_FAILURES
from tests.support.paths import IMPORT_CASES, SHARED

CORPORA: dict[str, Path] = {
    "shared": SHARED / "cases" / "import",
    "shared-2": SHARED / "cases" / "import-2",
    "ours": IMPORT_CASES,
}

#: Every key a case may have, as both shared ``_about``s and ours define them. Keys ending in
#: ``note`` are prose for people. A key not listed here fails a test, never is ignored.
CASE_KEYS = frozenset(
    {
        "lang",
        "exit",
        "warn_line",
        "sets",
        "absent",
        "pairs",
        "all_codes",
        "code_type",
        "only_sets",
        "parts",
        "translations",
        "absent_text",
        "names",
        "name_cut",
    }
)
SET_KEYS = frozenset({"title", "code_type", "codes", "attributes", "names", "class_name"})


@dataclass(frozen=True)
class Case:
    """One document of a corpus and what its import must give."""

    corpus: str
    document: Path
    expected: Mapping[str, Any]

    @property
    def id(self) -> str:
        return f"{self.corpus}/{self.document.name}"

    @property
    def lang(self) -> str:
        return str(self.expected["lang"])

    @property
    def languages(self) -> list[str]:
        """The page's language, then those whose ``message_in`` the case reads."""
        return [self.lang] + [k for k in self.expected.get("translations", {}) if k != self.lang]


def load_cases() -> list[Case]:
    """Every case of every corpus present, in corpus then file order."""
    found = []
    for corpus, folder in CORPORA.items():
        expected_file = folder / "expected.json"
        if not expected_file.is_file():
            continue
        expected = json.loads(expected_file.read_text(encoding="utf-8"))
        for name, case in expected.items():
            if not name.startswith("_"):
                found.append(Case(corpus, folder / name, case))
    return found


def params(cases: Sequence[Case]) -> list[Any]:
    """``cases`` as pytest parameters named by corpus and document, the known failures
    marked as strict expected failures."""
    return [
        pytest.param(
            case,
            id=case.id,
            marks=[pytest.mark.xfail(reason=KNOWN_FAILURES[case.id], strict=True)]
            if case.id in KNOWN_FAILURES
            else [],
        )
        for case in cases
    ]


def unknown_keys(case: Case) -> list[str]:
    """The keys of ``case`` that the comparison does not implement."""
    keys = {k for k in case.expected if not k.endswith("note")} - CASE_KEYS
    for expected in case.expected.get("sets", []):
        keys |= set(expected) - SET_KEYS
    return sorted(keys)
