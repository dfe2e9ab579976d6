"""The import cases: real-world page shapes, each with what ``codegen import`` must make of it.

Three corpora, each a folder of documents and an ``expected.json`` whose ``_about`` key is the
contract: ``../shared/cases/import/`` and ``../shared/cases/import-2/`` (given to us; read at
test time, never edited) and ``tests/import_cases/`` (ours). One comparison for both runners,
the in-process one (``tests/importer/test_cases.py``) and the installed wheel's
(``tests/system/test_import_cases_wheel.py``): :func:`run_case` takes a case through

    codegen init --lang LANG; codegen import DOC --lang LANG   (exit, stderr, catalog)
    codegen import DOC --lang LANG                             (catalog byte-identical)
    codegen generate; codegen check                            (both exit 0)
    the generated Python module, imported                      (classes, message_in)

and returns every difference from the expected result as one line each (an empty list when
the case passes), so that a failing case says all that is wrong with it at once.
"""

from __future__ import annotations

import json
import re
import shutil
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from codegen.catalog.parse import parse
from tests.support.paths import IMPORT_CASES, SHARED

CORPORA: dict[str, Path] = {
    "shared": SHARED / "cases" / "import",
    "shared-2": SHARED / "cases" / "import-2",
    "ours": IMPORT_CASES,
}

#: Every key a case may have, as both ``_about``s (and ours) define them. Keys ending in
#: ``note`` are prose for people. A key not listed here is a failure, never ignored.
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

#: ``parts``: between two fragments, whitespace, with at most one bullet inside it.
_BETWEEN_PARTS = r"\s+(?:[•\-*·]\s+)?"
#: ``name_cut``: words a derived name must not end with.
SMALL_WORDS = frozenset({"OF", "FOR", "TO", "THE", "AND", "OR", "IN"})

#: The cases the importer does not pass yet, each with why (issue 17). Both runners run them
#: as strict expected failures: a case that starts passing fails the run until its line goes.
KNOWN_FAILURES: dict[str, str] = {
    # ../shared/cases/import-2
    "shared-2/tr-colon-lines.md": "`CODE: message` lines without a table: no code table found",
    "shared-2/uk-section-rows.html": "colspan section rows: no column holds codes, exit 2",
    "shared-2/en-linked-codes.md": "link codes are no codes: SQLSTATE taken as the code column",
    "shared-2/pl-backtick-snake-codes.md": "snake_case codes in code spans: no column holds codes",
    "shared-2/en-no-title.md": "a set without a title: generate refuses the catalog",
    "shared-2/ja-frontmatter-anchors.md": "heading ids {#...} stay in the set titles",
    "shared-2/en-lists-in-cells.md": "</br> and list items in a cell glue the words",
    "shared-2/zh-en-bilingual.md": "the English column is an attribute, not a translation",
    "shared-2/en-digit-schema.html": "the digit-scheme table becomes a second code set",
    "shared-2/en-retry-policy-table.md": "the retry table is a second set, not attributes",
    "shared-2/en-short-row.md": "the short row (no closing pipe) is dropped",
}

Run = Callable[[Sequence[str]], tuple[int, str, str]]
"""Runs ``codegen ARGV...`` in the project folder: (exit code, stdout, stderr)."""
Probe = Callable[[Path, Sequence[str]], dict[str, Any]]
"""Imports the generated module at a path: its :func:`generated_probe.snapshot`."""


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
    """``cases`` as pytest parameters named by corpus and document, the known failures marked."""
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
    """The keys of ``case`` that this comparison does not implement."""
    keys = {k for k in case.expected if not k.endswith("note")} - CASE_KEYS
    for expected in case.expected.get("sets", []):
        keys |= set(expected) - SET_KEYS
    return sorted(keys)


def run_case(case: Case, project: Path, run: Run, probe: Probe) -> list[str]:
    """Take ``case`` through a fresh project folder; every difference, one line each."""
    page = project / case.document.name
    shutil.copyfile(case.document, page)
    code, out, err = run(["init", "--lang", case.lang])
    if code != 0:
        return [f"init exited {code}: {out}{err}"]
    catalog = project / "spec" / "codes.yaml"
    before = catalog.read_bytes()
    code, _, err = run(["import", page.name, "--lang", case.lang])
    problems = check_import(case, code, err, page.name, before, catalog.read_bytes())
    if code != case.expected["exit"] or code != 0:
        return problems
    data = parse(catalog.read_text(encoding="utf-8"), str(catalog))
    problems += check_catalog(case, data)
    first = catalog.read_bytes()
    code, _, err = run(["import", page.name, "--lang", case.lang])
    if code != 0 or catalog.read_bytes() != first:
        problems.append(f"a second import exited {code} or changed the catalog: {_first(err)}")
    for command in ("generate", "check"):
        code, out, err = run([command])
        if code != 0:
            return [*problems, f"{command} exited {code}: {_first(err or out)}"]
    module = project / "generated" / "python" / f"{data['curated']['module']}.py"
    return problems + check_generated(case, data, probe(module, case.languages))


def check_import(
    case: Case, code: int, err: str, name: str, before: bytes, after: bytes
) -> list[str]:
    """``exit``, ``warn_line``; a refused page says so in one line and writes nothing."""
    expected = case.expected
    problems = []
    if code != expected["exit"]:
        problems.append(f"import exited {code}, expected {expected['exit']}: {_first(err)}")
    if "Traceback" in err:
        problems.append("import printed a traceback")
    if "warn_line" in expected and f"{name}:{expected['warn_line']}:" not in err:
        problems.append(f"no warning names line {expected['warn_line']}: {_first(err)}")
    if code != 0 and code == expected["exit"]:
        if len(err.strip().splitlines()) != 1:
            problems.append(f"a refused import printed {len(err.strip().splitlines())} lines")
        if after != before:
            problems.append("a refused import changed the catalog")
    return problems


def check_catalog(case: Case, data: Mapping[str, Any]) -> list[str]:
    """Every key of the case that the written catalog answers."""
    expected, lang = case.expected, case.lang
    sets: list[Mapping[str, Any]] = list(data["code_sets"])
    problems: list[str] = []
    matched: list[Mapping[str, Any]] = []
    for wanted in expected.get("sets", []):
        found = _find_set(sets, wanted, lang, matched)
        if found is None:
            problems.append(
                f"no code set for {_label(wanted)}: the sets are {_describe(sets, lang)}"
            )
            continue
        matched.append(found)
        problems += [f"{_label(wanted)}: {p}" for p in _check_set(found, wanted, lang)]
    if expected.get("only_sets") and len(sets) != len(expected.get("sets", [])):
        problems.append(f"{len(sets)} code sets, expected only {len(expected['sets'])}:")
        problems[-1] += f" {_describe(sets, lang)}"
    problems += _check_codes_everywhere(expected, sets, lang)
    for fragment in expected.get("absent_text", []):
        if any(fragment in text for text in _texts(data)):
            problems.append(f"catalog text has {fragment!r}")
    return problems


def _check_codes_everywhere(
    expected: Mapping[str, Any], sets: list[Mapping[str, Any]], lang: str
) -> list[str]:
    """The keys about codes whatever set they are in."""
    problems = []
    every = {_text(c["code"]): _message(c, lang) for s in sets for c in s["codes"]}
    if "all_codes" in expected:
        problems += [f"all codes: {p}" for p in _diff_codes(every, expected["all_codes"])]
    if "code_type" in expected:
        for code_set in sets:
            problems += _check_type(code_set, expected["code_type"])
    problems += [
        f"code {code!r} was imported" for code in expected.get("absent", []) if code in every
    ]
    for group, code_text, message in expected.get("pairs", []):
        if not _has_pair(sets, group, code_text, message, lang):
            problems.append(f"no code {code_text!r} {message!r} in group {group!r}")
    for code_text, name in expected.get("names", {}).items():
        problems += _check_names(sets, code_text, [name])
    for code_text, uncut in expected.get("name_cut", {}).items():
        problems += _check_names(sets, code_text, _cuts(uncut))
    for code_text, fragments in expected.get("parts", {}).items():
        messages = [
            _message(c, lang) for s in sets for c in s["codes"] if _text(c["code"]) == code_text
        ]
        bad = [m for m in messages if not parts_in_order(m, fragments)]
        if not messages or bad:
            problems.append(f"code {code_text!r}: {messages} is not {' / '.join(fragments)}")
    return problems


def parts_in_order(message: str, fragments: Sequence[str]) -> bool:
    """``fragments`` appear in ``message`` in this order, each separated from the next by
    whitespace (at most one bullet inside it), never glued to one another."""
    pattern = _BETWEEN_PARTS.join(re.escape(fragment) for fragment in fragments)
    return re.search(pattern, message) is not None


def check_generated(case: Case, data: Mapping[str, Any], snapshot: Mapping[str, Any]) -> list[str]:
    """``class_name``, the code type of each set in generated code, ``translations``."""
    classes: Mapping[str, list[Mapping[str, Any]]] = snapshot["classes"]
    problems = []
    sets: list[Mapping[str, Any]] = list(data["code_sets"])
    matched: list[Mapping[str, Any]] = []
    for wanted in case.expected.get("sets", []):
        found = _find_set(sets, wanted, case.lang, matched)
        if found is None:
            continue  # check_catalog said so
        matched.append(found)
        members = classes.get(found.get("curated", {}).get("name", ""))
        if "class_name" in wanted and (members is None or wanted["class_name"] not in classes):
            problems.append(f"{_label(wanted)}: no generated class {wanted['class_name']}")
        kinds = {m["type"] for m in members or []}
        if "code_type" in wanted and kinds - {wanted["code_type"]}:
            problems.append(f"{_label(wanted)}: generated values are {sorted(kinds)}")
    for lang, texts in case.expected.get("translations", {}).items():
        for code_text, text in texts.items():
            got = [
                m["messages"][lang]
                for ms in classes.values()
                for m in ms
                if _text(m["value"]) == code_text
            ]
            if got != [text] * len(got) or not got:
                problems.append(f"message_in({lang!r}) of {code_text!r} is {got}, not {text!r}")
    return problems


def _find_set(
    sets: list[Mapping[str, Any]],
    wanted: Mapping[str, Any],
    lang: str,
    taken: list[Mapping[str, Any]],
) -> Mapping[str, Any] | None:
    """The set that holds the wanted codes (the one of the wanted title first); by title
    alone when the case lists no codes."""
    codes = set(wanted.get("codes", {}))
    free = [s for s in sets if not any(s is t for t in taken)]
    titled = [s for s in free if "title" in wanted and _title(s, lang) == wanted["title"]]
    if not codes:
        return titled[0] if titled else (None if "title" in wanted else (free or [None])[0])
    holding = [s for s in free if {_text(c["code"]) for c in s["codes"]} >= codes]
    if holding:
        return next((s for s in holding if any(s is t for t in titled)), holding[0])
    if titled:  # the set is there but its codes differ: compare them
        return titled[0]
    overlap = max(
        free, key=lambda s: len(codes & {_text(c["code"]) for c in s["codes"]}), default=None
    )
    if overlap is None or not codes & {_text(c["code"]) for c in overlap["codes"]}:
        return None
    return overlap


def _check_set(code_set: Mapping[str, Any], wanted: Mapping[str, Any], lang: str) -> list[str]:
    problems = []
    if "title" in wanted and _title(code_set, lang) != wanted["title"]:
        problems.append(f"title is {_title(code_set, lang)!r}")
    if "code_type" in wanted:
        problems += _check_type(code_set, wanted["code_type"])
    codes = {_text(c["code"]): c for c in code_set["codes"]}
    if wanted.get("codes"):
        got = {k: _message(c, lang) for k, c in codes.items()}
        problems += _diff_codes(got, wanted["codes"])
    for header, attribute in wanted.get("attributes", {}).items():
        problems += _check_attribute(code_set, codes, header, attribute, lang)
    for code_text, name in wanted.get("names", {}).items():
        problems += _check_names([code_set], code_text, [name])
    if "class_name" in wanted and code_set.get("curated", {}).get("name") != wanted["class_name"]:
        problems.append(f"class name is {code_set.get('curated', {}).get('name')!r}")
    return problems


def _check_attribute(
    code_set: Mapping[str, Any],
    codes: Mapping[str, Mapping[str, Any]],
    header: str,
    wanted: Mapping[str, Any],
    lang: str,
) -> list[str]:
    found = [a for a in code_set.get("attributes", []) if a["header"].get(lang) == header]
    if not found:
        headers = [a["header"].get(lang) for a in code_set.get("attributes", [])]
        return [f"no attribute {header!r} (attributes: {headers})"]
    attribute = found[0]
    if attribute["kind"] != wanted["kind"]:
        return [f"attribute {header!r} is a {attribute['kind']}, not a {wanted['kind']}"]
    problems = []
    for code_text, value in wanted.get("values", {}).items():
        if code_text not in codes:
            continue  # the codes comparison said so
        cell = codes[code_text].get(attribute["key"])
        if attribute["kind"] == "text" and isinstance(cell, Mapping):
            cell = cell.get(lang)
        if cell != value:
            problems.append(f"{header!r} of {code_text!r} is {cell!r}, not {value!r}")
    return problems


def _check_names(sets: list[Mapping[str, Any]], code_text: str, names: Sequence[str]) -> list[str]:
    """Every member of ``code_text`` is named one of ``names``."""
    got = [
        c.get("curated", {}).get("name")
        for s in sets
        for c in s["codes"]
        if _text(c["code"]) == code_text
    ]
    if not got or any(name not in names for name in got):
        shown = names[0] if len(names) == 1 else f"a cut of {names[-1]}"
        return [f"code {code_text!r} is named {got}, not {shown}"]
    return []


def _cuts(uncut: str) -> list[str]:
    """``uncut`` and each of its cuts at a word boundary that does not end in a small word."""
    words = uncut.split("_")
    cuts = ["_".join(words[:n]) for n in range(1, len(words) + 1)]
    return [cut for cut in cuts if cut.rsplit("_", 1)[-1] not in SMALL_WORDS]


def _check_type(code_set: Mapping[str, Any], code_type: str) -> list[str]:
    kind = int if code_type == "integer" else str
    wrong = [c["code"] for c in code_set["codes"] if type(c["code"]) is not kind]
    if code_set["code_type"] != code_type or wrong:
        return [f"code type {code_set['code_type']}, not {code_type} (codes {wrong[:5]})"]
    return []


def _diff_codes(got: Mapping[str, str | None], wanted: Mapping[str, str]) -> list[str]:
    problems = []
    if missing := [k for k in wanted if k not in got]:
        problems.append(f"missing codes {missing}")
    if extra := [k for k in got if k not in wanted]:
        problems.append(f"extra codes {extra}")
    for k, message in wanted.items():
        if k in got and got[k] != message:
            problems.append(f"code {k!r} message {got[k]!r}, not {message!r}")
    return problems


def _has_pair(
    sets: list[Mapping[str, Any]], group: str, code_text: str, message: str, lang: str
) -> bool:
    for code_set in sets:
        keys = [a["key"] for a in code_set.get("attributes", []) if a["kind"] == "group"]
        for code in code_set["codes"]:
            if _text(code["code"]) != code_text or _message(code, lang) != message:
                continue
            if group in {code.get(key) for key in keys} | {_title(code_set, lang)}:
                return True
    return False


def _texts(value: Any) -> Iterator[str]:
    """Every string in the catalog's data, keys included."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, Mapping):
        for key, item in value.items():
            yield str(key)
            yield from _texts(item)
    elif isinstance(value, list):
        for item in value:
            yield from _texts(item)


def _text(code: Any) -> str:
    return str(code)


def _message(code: Mapping[str, Any], lang: str) -> str | None:
    message = code.get("message") or {}
    return message.get(lang) if isinstance(message, Mapping) else None


def _title(code_set: Mapping[str, Any], lang: str) -> str | None:
    title = code_set.get("title") or {}
    return title.get(lang) if isinstance(title, Mapping) else None


def _label(wanted: Mapping[str, Any]) -> str:
    return f"set {wanted.get('title', '(no title)')!r}"


def _describe(sets: list[Mapping[str, Any]], lang: str) -> str:
    shown = [f"{_title(s, lang)!r} {[_text(c['code']) for c in s['codes']][:6]}" for s in sets]
    return "; ".join(shown) or "none"


def _first(text: str) -> str:
    lines = text.strip().splitlines()
    return lines[0] if lines else "(nothing on stderr)"
