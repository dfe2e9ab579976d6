"""The rules for the codes of one code set: values, names, messages, attribute values and
stale translations (``curated.stale``); :func:`stale_translations` lists the stale ones."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from codegen.catalog.naming import UPPER_SNAKE, name_problem
from codegen.catalog.plain import NodePath, Problem
from codegen.catalog.rules.context import (
    Context,
    describe_code,
    describe_value,
    dicts,
    mapping,
    quoted,
    some_keys,
)
from codegen.catalog.rules.texts import control_character_problem
from codegen.limits import MAX_REPORTED_PROBLEMS

_OWN_KEYS = ("code", "message", "curated")


def check_codes(
    context: Context,
    path: NodePath,
    code_set: dict[Any, Any],
    attributes: dict[str, dict[Any, Any]],
) -> None:
    """Every code of the set at ``path``, against the set's well-formed ``attributes``."""
    labels = {key: _labels(context, attribute) for key, attribute in attributes.items()}
    seen_codes: dict[Any, NodePath] = {}
    seen_names: dict[Any, NodePath] = {}
    removed = tombstones(code_set)
    for index, code in dicts(code_set.get("codes")):
        code_path = path + ("codes", index)
        what = describe_code(code, index)
        value = code.get("code")
        check_code_value(context, code_path + ("code",), value, code_set, seen_codes, removed)
        context.check_texts(code_path + ("message",), "message", what)
        source_message = mapping(code.get("message")).get(context.source)
        if source_message == "":
            fix = "write the source's message, or remove the code"
            context.add(
                code_path + ("message", context.source), f"{what} has an empty message: {fix}"
            )
        check_stale(context, code_path, code, what)
        name = mapping(code.get("curated")).get("name")
        name_path = code_path + ("curated", "name")
        context.add(name_path, name_problem(name, UPPER_SNAKE, what))
        if isinstance(name, str) and name in removed.names:
            dup = f"code name {name}, the name of a removed code"
            context.first_time(seen_names, name, name_path, dup, TOMBSTONE_FIX)
        elif isinstance(name, str):
            fix = "give each code its own name"
            context.first_time(seen_names, name, name_path, f"code name {name}", fix)
        check_code_keys(context, code_path, code, what, attributes, labels)


def check_code_keys(
    context: Context,
    code_path: NodePath,
    code: dict[Any, Any],
    what: str,
    attributes: dict[str, dict[Any, Any]],
    labels: dict[str, Any],
) -> None:
    """The code's keys besides its own: attribute values, each checked, and unknown keys,
    each a problem; more unknown keys than are printed are one problem, at the first."""
    unknown = []
    for key, value in code.items():
        if key in _OWN_KEYS:
            continue
        if key in attributes:
            kind = attributes[key].get("kind")
            check_attribute_value(context, code_path + (key,), kind, value, labels[key])
        else:
            unknown.append(key)
    if len(unknown) > MAX_REPORTED_PROBLEMS:
        fix = "declare them under attributes or remove them"
        context.add(
            code_path + (unknown[0],), f"{what} has {some_keys(unknown)}: {fix}", at_key=True
        )
        return
    for key in unknown:
        message = f"unknown key {quoted(key)} on {what}: declare it under attributes or remove it"
        context.add(code_path + (key,), message, at_key=True)


def check_stale(context: Context, path: NodePath, code: dict[Any, Any], what: str) -> None:
    """Each language of the code's ``curated.stale``: a language of the catalog, not the
    source language (its message is what the others are compared with), with a message on
    the code, listed once."""
    stale = mapping(code.get("curated")).get("stale")
    messages = mapping(code.get("message"))
    seen: set[str] = set()
    for index, lang in enumerate(stale if isinstance(stale, list) else []):
        if not isinstance(lang, str):
            continue  # the schema reports it
        at = path + ("curated", "stale", index)
        if lang in seen:
            context.add(at, f"{what} lists {quoted(lang)} twice in curated.stale: list it once")
        elif context.has_languages and lang not in context.languages:
            context.add(
                at,
                f"{what} marks {quoted(lang)} stale, which is not a language of the catalog: "
                "remove it from curated.stale",
            )
        elif lang == context.source:
            context.add(
                at,
                f"{what} marks its source language {quoted(lang)} stale: the source message is "
                "what translations are compared with, never stale; remove it from curated.stale",
            )
        elif lang not in messages:
            context.add(
                at,
                f"{what} marks {quoted(lang)} stale but has no {lang} message: remove it from "
                "curated.stale",
            )
        seen.add(lang)


def stale_translations(data: object) -> list[Problem]:
    """Every stale translation (a language in a code's ``curated.stale``), as a problem at
    the message it marks: warnings for ``validate``, errors under
    ``stale_translations = "error"``. Run on a catalog the rules passed."""
    found: list[Problem] = []
    root = mapping(data)
    source = root.get("source_language")
    for s, code_set in dicts(root.get("code_sets")):
        for c, code in dicts(code_set.get("codes")):
            stale = mapping(code.get("curated")).get("stale")
            what = describe_code(code, c)
            for lang in stale if isinstance(stale, list) else []:
                found.append(
                    Problem(
                        ("code_sets", s, "codes", c, "message", lang),
                        f"{what} has a stale {lang} message (the {source} message changed "
                        f"since): re-import the {lang} page with its new translation, or remove "
                        f"{lang} from curated.stale once the text is checked",
                    )
                )
    return found


def _labels(context: Context, attribute: dict[Any, Any]) -> list[str]:
    """The source-language labels of a group attribute's values."""
    found = (
        mapping(value.get("label")).get(context.source)
        for _, value in dicts(attribute.get("values"))
    )
    return list(dict.fromkeys(label for label in found if isinstance(label, str)))


@dataclass(frozen=True)
class Tombstones:
    """The removed codes of a set: their values (to their names) and their names."""

    values: dict[Any, str]
    names: frozenset[str]


TOMBSTONE_FIX = (
    "a removed code's value and name are never reused; give the new code another one"
    " (or delete removed: if the API returns the code again)"
)


def tombstones(code_set: dict[Any, Any]) -> Tombstones:
    """The codes of the set marked ``curated.removed`` (well-formed or not)."""
    values: dict[Any, str] = {}
    for _, code in dicts(code_set.get("codes")):
        curated = mapping(code.get("curated"))
        value = code.get("code")
        if "removed" in curated and isinstance(value, (int, str)) and not isinstance(value, bool):
            values.setdefault(value, str(curated.get("name")))
    return Tombstones(values, frozenset(values.values()))


def check_code_value(
    context: Context,
    path: NodePath,
    value: object,
    code_set: dict[Any, Any],
    seen: dict[Any, NodePath],
    removed: Tombstones = Tombstones({}, frozenset()),
) -> None:
    """A code of the set's code_type, given once; a second code with the value of a
    removed code (a tombstone) is told that removed codes are never reused."""
    if isinstance(value, bool) or not isinstance(value, (int, float, str)):
        return  # missing or of the wrong type: the schema reports it
    shown = describe_value(value)
    code_type = code_set.get("code_type")
    if isinstance(value, float):
        if value.is_integer():  # JSON Schema counts 1.0 as an integer; the schema reports 1.5
            context.add(path, f"code {shown} is not an integer: write it as {int(value)}")
    elif code_type == "integer" and isinstance(value, str):
        fix = "write it without quotes, or set code_type: string"
        context.add(path, f"code {shown} is a string but code_type is integer: {fix}")
    elif code_type == "string" and isinstance(value, int):
        context.add(path, f"code {shown} is a number but code_type is string: quote it ('{value}')")
    elif isinstance(value, str) and (problem := control_character_problem(value)):
        context.add(path, f"code {shown}: {problem}")
    elif value in removed.values:
        what = f"code {value}, the value of the removed code {removed.values[value]}"
        context.first_time(seen, value, path, what, TOMBSTONE_FIX)
    else:
        fix = "keep one of them, or correct the code"
        context.first_time(seen, value, path, f"code {value}", fix)


def check_attribute_value(
    context: Context, path: NodePath, kind: object, value: object, labels: list[str]
) -> None:
    """A group label, a flag or a text, as the attribute's kind says; null always fits."""
    key, shown = path[-1], describe_value(value)
    if value is None:
        return
    if kind == "group" and not isinstance(value, str):
        message = (
            f"attribute '{key}' is a group: write the source-language label of a value,"
            f" or null, not {shown}"
        )
    elif kind == "group" and context.source is not None and value not in labels:
        options = ", ".join(labels[:10]) + (", ..." if len(labels) > 10 else "")
        message = (
            f"{shown} is not a value of attribute '{key}': write the source-language label"
            f" of one of its values ({options or 'it has none'}), or null"
        )
    elif kind == "flag" and not isinstance(value, bool):
        message = f"attribute '{key}' is a flag: write true, false or null, not {shown}"
    elif kind == "text" and not isinstance(value, dict):
        message = (
            f"attribute '{key}' is text: write a mapping of language to text, or null, not {shown}"
        )
    elif kind == "text" and isinstance(value, dict):
        context.check_texts(path, str(key))
        for lang, text in value.items():
            if not isinstance(text, str):
                what = f"the {quoted(lang)} text of attribute '{key}'"
                context.add(path + (lang,), f"{what} must be a string, not {describe_value(text)}")
        return
    else:
        return
    context.add(path, message)
