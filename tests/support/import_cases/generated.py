"""The generated Python module against a case: class names, value types, ``message_in``."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from tests.support.import_cases.catalog import Set, code_text, find_set, label
from tests.support.import_cases.corpora import Case

Members = list[Mapping[str, Any]]


def check_generated(case: Case, data: Mapping[str, Any], snapshot: Mapping[str, Any]) -> list[str]:
    """``class_name`` (the class exists and has the set's codes), the type of the values in
    generated code, ``translations`` (what ``member.message_in(lang)`` returns)."""
    classes: Mapping[str, Members] = snapshot["classes"]
    problems = []
    sets: list[Set] = list(data["code_sets"])
    matched: list[Set] = []
    for wanted in case.expected.get("sets", []):
        found = find_set(sets, wanted, case.lang, matched)
        if found is None:
            continue  # the catalog's comparison says so
        matched.append(found)
        problems += [f"{label(wanted)}: {p}" for p in _check_class(found, wanted, classes)]
    for lang, texts in case.expected.get("translations", {}).items():
        for code, text in texts.items():
            got = [m["messages"][lang] for ms in classes.values() for m in ms if _is(m, code)]
            if not got or got != [text] * len(got):
                problems.append(f"message_in({lang!r}) of {code!r} is {got}, not {text!r}")
    return problems


def _check_class(
    code_set: Set, wanted: Mapping[str, Any], classes: Mapping[str, Members]
) -> list[str]:
    name = code_set.get("curated", {}).get("name", "")
    members = classes.get(name)
    if members is None:
        return [f"no generated class {name!r} (classes: {sorted(classes)})"]
    problems = []
    if "class_name" in wanted and wanted["class_name"] not in classes:
        problems.append(f"no generated class {wanted['class_name']} (classes: {sorted(classes)})")
    values = {code_text(m["value"]) for m in members}
    if values != {code_text(c["code"]) for c in code_set["codes"]}:
        problems.append(f"generated class {name} has the codes {sorted(values)}")
    kinds = {m["type"] for m in members}
    if "code_type" in wanted and kinds - {wanted["code_type"]}:
        problems.append(f"generated values are {sorted(kinds)}, not {wanted['code_type']}")
    return problems


def _is(member: Mapping[str, Any], code: str) -> bool:
    return code_text(member["value"]) == code
