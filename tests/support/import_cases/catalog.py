"""The written catalog against a case: sets, codes, attributes, names, texts."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from typing import Any

from tests.support.import_cases.corpora import Case

Set = Mapping[str, Any]
"""A code set of the catalog's data (``code_sets[i]``)."""

#: ``parts``: between two fragments, whitespace, with at most one bullet inside it.
_BETWEEN_PARTS = r"\s+(?:[•\-*·]\s+)?"
#: ``name_cut``: words a derived name must not end with.
SMALL_WORDS = frozenset({"OF", "FOR", "TO", "THE", "AND", "OR", "IN"})
#: ``name_cut``: the importer's bound on a derived name.
MAX_NAME = 48


def check_catalog(case: Case, data: Mapping[str, Any]) -> list[str]:
    """Every key of the case that the written catalog answers."""
    expected, lang = case.expected, case.lang
    sets: list[Set] = list(data["code_sets"])
    problems: list[str] = []
    matched: list[Set] = []
    for wanted in expected.get("sets", []):
        found = find_set(sets, wanted, lang, matched)
        if found is None:
            problems.append(
                f"no code set for {label(wanted)}: the sets are {_describe(sets, lang)}"
            )
            continue
        matched.append(found)
        problems += [f"{label(wanted)}: {p}" for p in _check_set(found, wanted, lang)]
    if expected.get("only_sets") and len(sets) != len(expected.get("sets", [])):
        problems.append(
            f"{len(sets)} code sets, expected only {len(expected['sets'])}: {_describe(sets, lang)}"
        )
    problems += _check_codes(expected, sets, lang) + _check_names_and_parts(expected, sets, lang)
    for fragment in expected.get("absent_text", []):
        if any(fragment in text for text in _texts(data)):
            problems.append(f"catalog text has {fragment!r}")
    return problems


def parts_in_order(message: str, fragments: Sequence[str]) -> bool:
    """``fragments`` appear in ``message`` in this order, each separated from the next by
    whitespace (at most one bullet inside it), never glued to one another."""
    pattern = _BETWEEN_PARTS.join(re.escape(fragment) for fragment in fragments)
    return re.search(pattern, message) is not None


def find_set(sets: list[Set], wanted: Mapping[str, Any], lang: str, taken: list[Set]) -> Set | None:
    """The set, not yet taken, that holds the wanted codes (the one of the wanted title
    first); else the one of the wanted title, or the one that has most of the codes, so that
    the difference can be shown; by title alone when the case lists no codes."""
    codes = set(wanted.get("codes", {}))
    free = [s for s in sets if not any(s is t for t in taken)]
    titled = [s for s in free if "title" in wanted and title(s, lang) == wanted["title"]]
    if not codes:
        if titled or "title" in wanted:
            return titled[0] if titled else None
        return free[0] if free else None
    holding = [s for s in free if _codes_of(s) >= codes]
    if holding:
        return next((s for s in holding if any(s is t for t in titled)), holding[0])
    if titled:
        return titled[0]
    most = max(free, key=lambda s: len(codes & _codes_of(s)), default=None)
    return most if most is not None and codes & _codes_of(most) else None


def _check_set(code_set: Set, wanted: Mapping[str, Any], lang: str) -> list[str]:
    problems = []
    if "title" in wanted and title(code_set, lang) != wanted["title"]:
        problems.append(f"title is {title(code_set, lang)!r}")
    if "code_type" in wanted:
        problems += _check_type(code_set, wanted["code_type"])
    codes = {code_text(c["code"]): c for c in code_set["codes"]}
    if wanted.get("codes"):
        got = {k: message(c, lang) for k, c in codes.items()}
        problems += _diff_codes(got, wanted["codes"])
    for header, attribute in wanted.get("attributes", {}).items():
        problems += _check_attribute(code_set, codes, header, attribute, lang)
    for code, name in wanted.get("names", {}).items():
        problems += _check_name([code_set], code, name)
    class_name = code_set.get("curated", {}).get("name")
    if "class_name" in wanted and class_name != wanted["class_name"]:
        problems.append(f"class name is {class_name!r}")
    return problems


def _check_attribute(
    code_set: Set,
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
    for code, value in wanted.get("values", {}).items():
        if code not in codes:
            continue  # the codes comparison says so
        cell = codes[code].get(attribute["key"])
        if attribute["kind"] == "text" and isinstance(cell, Mapping):
            cell = cell.get(lang)
        if cell != value:
            problems.append(f"{header!r} of {code!r} is {cell!r}, not {value!r}")
    return problems


def _check_codes(expected: Mapping[str, Any], sets: list[Set], lang: str) -> list[str]:
    """``all_codes``, the top-level ``code_type``, ``absent`` and ``pairs``: whatever set
    the codes are in."""
    problems = []
    every = {code_text(c["code"]): message(c, lang) for s in sets for c in s["codes"]}
    if "all_codes" in expected:
        problems += [f"all codes: {p}" for p in _diff_codes(every, expected["all_codes"])]
    if "code_type" in expected:
        for code_set in sets:
            problems += _check_type(code_set, expected["code_type"])
    problems += [f"code {c!r} was imported" for c in expected.get("absent", []) if c in every]
    for group, code, text in expected.get("pairs", []):
        if not _has_pair(sets, group, code, text, lang):
            problems.append(f"no code {code!r} {text!r} in group {group!r}")
    return problems


def _check_names_and_parts(expected: Mapping[str, Any], sets: list[Set], lang: str) -> list[str]:
    """The top-level ``names``, ``name_cut`` and ``parts``: whatever set the codes are in."""
    problems = []
    for code, name in expected.get("names", {}).items():
        problems += _check_name(sets, code, name)
    for code, uncut in expected.get("name_cut", {}).items():
        names = [c.get("curated", {}).get("name") for c in members(sets, code)]
        if not names or not all(isinstance(n, str) and is_cut(n, uncut) for n in names):
            problems.append(f"code {code!r} is named {names}, not a cut of {uncut}")
    for code, fragments in expected.get("parts", {}).items():
        messages = [message(c, lang) for c in members(sets, code)]
        if not messages or not all(m and parts_in_order(m, fragments) for m in messages):
            problems.append(f"code {code!r}: {messages} is not {' / '.join(fragments)}")
    return problems


def is_cut(name: str, uncut: str) -> bool:
    """``name`` is whole words of ``uncut`` in order (some may be left out, as articles),
    of at most 48 characters, and does not end in a small word."""
    words, rest = name.split("_"), iter(uncut.split("_"))
    in_order = all(any(word == other for other in rest) for word in words)
    return bool(name) and in_order and len(name) <= MAX_NAME and words[-1] not in SMALL_WORDS


def _check_name(sets: list[Set], code: str, name: str) -> list[str]:
    """Every member of ``code`` is named ``name``."""
    names = [c.get("curated", {}).get("name") for c in members(sets, code)]
    if not names or any(found != name for found in names):
        return [f"code {code!r} is named {names}, not {name}"]
    return []


def _check_type(code_set: Set, code_type: str) -> list[str]:
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
    for k, text in wanted.items():
        if k in got and got[k] != text:
            problems.append(f"code {k!r} message {got[k]!r}, not {text!r}")
    return problems


def _has_pair(sets: list[Set], group: str, code: str, text: str, lang: str) -> bool:
    """A code ``code`` with message ``text`` whose group value or set title is ``group``."""
    for code_set in sets:
        keys = [a["key"] for a in code_set.get("attributes", []) if a["kind"] == "group"]
        for member in code_set["codes"]:
            if code_text(member["code"]) != code or message(member, lang) != text:
                continue
            if group in {member.get(key) for key in keys} | {title(code_set, lang)}:
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


def members(sets: list[Set], code: str) -> list[Mapping[str, Any]]:
    """The codes written ``code``, in every set that has one."""
    return [c for s in sets for c in s["codes"] if code_text(c["code"]) == code]


def code_text(code: Any) -> str:
    """A code as the page writes it (``-100``, ``0x0101``)."""
    return str(code)


def _codes_of(code_set: Set) -> set[str]:
    return {code_text(c["code"]) for c in code_set["codes"]}


def message(code: Mapping[str, Any], lang: str) -> str | None:
    texts = code.get("message") or {}
    return texts.get(lang) if isinstance(texts, Mapping) else None


def title(code_set: Set, lang: str) -> str | None:
    texts = code_set.get("title") or {}
    return texts.get(lang) if isinstance(texts, Mapping) else None


def label(wanted: Mapping[str, Any]) -> str:
    """An expected set as a failure names it."""
    return f"set {wanted.get('title', '(no title)')!r}"


def _describe(sets: list[Set], lang: str) -> str:
    shown = [f"{title(s, lang)!r} {[code_text(c['code']) for c in s['codes']][:6]}" for s in sets]
    return "; ".join(shown) or "none"
