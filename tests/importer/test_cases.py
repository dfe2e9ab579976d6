"""Real-world page shapes, each taken from a page through init, import, generate and check.

Two corpora, one runner: ``../shared/cases/import/`` (given to us; read at test time, never
edited) and ``tests/import_cases/`` (ours). Each folder's ``expected.json`` says, per
document, what the import must give; its ``_about`` key is the contract this file follows:
in a fresh project (``codegen init``), ``codegen import DOCUMENT --lang LANG`` exits with
``exit``; where that is 0, ``generate`` and ``check`` exit 0 with no hand edits, and a second
import leaves the catalog byte-identical.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from codegen.catalog.parse import parse
from codegen.cli import main
from tests.support.paths import REPO, SHARED

CORPORA = {
    "shared": SHARED / "cases" / "import",
    "ours": REPO / "tests" / "import_cases",
}


def _cases() -> list[Any]:
    found = []
    for corpus, folder in CORPORA.items():
        expected_file = folder / "expected.json"
        if not expected_file.is_file():
            continue
        expected = json.loads(expected_file.read_text(encoding="utf-8"))
        for name, case in expected.items():
            if not name.startswith("_"):
                found.append(pytest.param(folder / name, case, id=f"{corpus}/{name}"))
    return found


CASES = _cases()


def test_both_corpora_are_there() -> None:
    """The shared cases lie beside the repository (in CI too); ours are committed."""
    ids = {case.id.split("/")[0] for case in CASES}
    assert ids == {"shared", "ours"}
    assert sum(1 for case in CASES if case.id.startswith("ours/")) >= 15


def _run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(argv)
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize(("document", "case"), CASES)
def test_page_imports_and_generates_as_expected(
    document: Path,
    case: dict[str, Any],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    project = tmp_path / "proj"
    project.mkdir()
    monkeypatch.chdir(project)
    page = project / document.name
    shutil.copyfile(document, page)
    lang = case["lang"]
    assert _run(["init", "--lang", lang], capsys)[0] == 0
    catalog = project / "spec" / "codes.yaml"
    before = catalog.read_bytes()

    code, _, err = _run(["import", page.name, "--lang", lang], capsys)
    assert code == case["exit"], err
    assert "Traceback" not in err
    if "warn_line" in case:
        assert f"{page.name}:{case['warn_line']}:" in err, err
    if case["exit"] != 0:
        assert len(err.strip().splitlines()) == 1, err
        assert catalog.read_bytes() == before
        return

    data = parse(catalog.read_text(encoding="utf-8"), str(catalog))
    sets = data["code_sets"]
    for expected in case.get("sets", []):
        _check_set(_find_set(sets, expected, lang), expected, lang)
    every = {str(c["code"]): c["message"][lang] for s in sets for c in s["codes"]}
    if "all_codes" in case:
        assert every == case["all_codes"]
    for absent in case.get("absent", []):
        assert absent not in every
    for group, code_text, message in case.get("pairs", []):
        assert _has_pair(sets, group, code_text, message, lang), (group, code_text)

    first = catalog.read_bytes()
    assert _run(["import", page.name, "--lang", lang], capsys)[0] == 0
    assert catalog.read_bytes() == first, "a second import changed the catalog"
    code, _, err = _run(["generate"], capsys)
    assert code == 0, err
    code, out, err = _run(["check"], capsys)
    assert code == 0, out + err


def _find_set(sets: list[dict[str, Any]], expected: dict[str, Any], lang: str) -> dict[str, Any]:
    wanted = set(expected["codes"])
    for code_set in sets:
        if {str(c["code"]) for c in code_set["codes"]} >= wanted:
            return code_set
    titles = [s.get("title", {}).get(lang) for s in sets]
    raise AssertionError(f"no code set has the codes of {expected.get('title')!r}: {titles}")


def _check_set(code_set: dict[str, Any], expected: dict[str, Any], lang: str) -> None:
    if "title" in expected:
        assert code_set.get("title", {}).get(lang) == expected["title"]
    if "code_type" in expected:
        assert code_set["code_type"] == expected["code_type"]
        kind = int if expected["code_type"] == "integer" else str
        assert all(type(c["code"]) is kind for c in code_set["codes"])
    codes = {str(c["code"]): c for c in code_set["codes"]}
    assert {k: c["message"][lang] for k, c in codes.items()} == expected["codes"]
    for header, attribute in expected.get("attributes", {}).items():
        found = [a for a in code_set.get("attributes", []) if a["header"].get(lang) == header]
        assert found, f"no attribute with header {header!r}"
        assert found[0]["kind"] == attribute["kind"], header
        for code_text, value in attribute["values"].items():
            cell = codes[code_text].get(found[0]["key"])
            if found[0]["kind"] == "text" and cell is not None:
                cell = cell[lang]
            assert cell == value, (header, code_text)
    for code_text, name in expected.get("names", {}).items():
        assert codes[code_text]["curated"]["name"] == name


def _has_pair(
    sets: list[dict[str, Any]], group: str, code_text: str, message: str, lang: str
) -> bool:
    for code_set in sets:
        keys = [a["key"] for a in code_set.get("attributes", []) if a["kind"] == "group"]
        for code in code_set["codes"]:
            if str(code["code"]) != code_text or code["message"][lang] != message:
                continue
            labels = {code.get(key) for key in keys} | {code_set.get("title", {}).get(lang)}
            if group in labels:
                return True
    return False
