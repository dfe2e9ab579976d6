"""The catalog-wide rules a JSON Schema cannot express, and the entry point of all rules.

:func:`rule_problems` checks the languages (valid tags, each once, the source first), the
module's name, each code set (:mod:`.sets`), the types the generated modules declare
(:mod:`codegen.catalog.declared`: each named once, none taken by what a module imports or
declares itself) and the curated response
(:mod:`.response`); :func:`derived_names` lists the names ``import`` made up.
"""

from __future__ import annotations

from typing import Any

from codegen.catalog.declared import Clash, SetNames, clashes, taken
from codegen.catalog.naming import (
    LANGUAGE,
    PASCAL,
    SNAKE,
    module_length_problem,
    name_problem,
)
from codegen.catalog.plain import NodePath, Problem
from codegen.catalog.rules.context import Context, dicts, mapping
from codegen.catalog.rules.parameters import check_parameters
from codegen.catalog.rules.records import check_set_aliases
from codegen.catalog.rules.response import check_response
from codegen.catalog.rules.sets import check_code_set

_TAG_ADVICE = "use a BCP-47 tag like ja, en or en-US"


def rule_problems(data: dict[Any, Any]) -> list[Problem]:
    """Every rule broken by a catalog whose root is a mapping."""
    context = Context(data)
    check_languages(context)
    context.check_texts(("title",), "title")
    curated = mapping(data.get("curated"))
    module = curated.get("module")
    module_problem = name_problem(module, SNAKE, "the module", "curated.module")
    context.add(("curated", "module"), module_problem or module_length_problem(module))
    seen_names: dict[Any, NodePath] = {}
    for index, code_set in dicts(data.get("code_sets")):
        check_code_set(context, ("code_sets", index), code_set, seen_names)
    check_class_names(context)
    check_response(context, mapping(curated.get("response")))
    check_parameters(context)
    return context.problems


def check_class_names(context: Context) -> None:
    """The types the generated modules declare (:mod:`codegen.catalog.declared`): each set
    and each of its group enums (``{set}{Key}``), and in TypeScript each one's info type
    (``{type}Info``), named once, none with a name a module imports or declares itself."""
    sets: list[SetNames[NodePath]] = []
    for index, code_set in dicts(context.data.get("code_sets")):
        name = mapping(code_set.get("curated")).get("name")
        if not isinstance(name, str) or not PASCAL.pattern.fullmatch(name):
            continue
        path: NodePath = ("code_sets", index)
        groups = tuple(
            (key, path + ("attributes", a, "key"))
            for a, attribute in dicts(code_set.get("attributes"))
            if attribute.get("kind") == "group" and isinstance(key := attribute.get("key"), str)
        )
        sets.append(SetNames(name, path + ("curated", "name"), groups))
    for clash in clashes(sets):
        if clash.first is None or {clash.first.kind, clash.declared.kind} != {"set"}:
            context.add(clash.declared.where, _clash_message(clash))
        # else: two sets of one name, reported as a duplicate code set name already
    check_set_aliases(context, taken(sets))


def _clash_message(clash: Clash[NodePath]) -> str:
    declared, first = clash.declared, clash.first
    if first is None:
        if declared.kind == "set":
            return f"code set name {clash.name} is taken by the generated module: rename it"
        return f"{declared.what} would be named {clash.name}, {clash.reason}: rename the attribute"
    kind = "TypeScript types" if clash.records else "classes"
    fix = "an attribute" if declared.owner == first.owner else "a code set or an attribute"
    return (
        f"two {kind} would be named {clash.name} ({first.what}, and {declared.what}): "
        f"rename {fix}"
    )


def check_languages(context: Context) -> None:
    """Valid tags, each listed once, the source language first."""
    languages = context.data.get("languages")
    seen: set[str] = set()
    for index, lang in enumerate(languages if isinstance(languages, list) else []):
        if not isinstance(lang, str):
            continue
        if not LANGUAGE.fullmatch(lang):
            context.add(("languages", index), f"'{lang}' is not a language tag: {_TAG_ADVICE}")
        elif lang in seen:
            message = f"language '{lang}' is listed twice: list each language once"
            context.add(("languages", index), message)
        seen.add(lang)
    source, first = context.data.get("source_language"), context.languages[:1]
    if not isinstance(source, str):
        return
    if not LANGUAGE.fullmatch(source):
        context.add(("source_language",), f"'{source}' is not a language tag: {_TAG_ADVICE}")
    elif context.has_languages and source not in context.languages:
        message = f"the source language '{source}' is missing from languages: list it first"
        context.add(("languages",), message)
    elif first and first[0] != source:
        context.add(
            ("languages",),
            f"the first language must be the source language '{source}', not '{first[0]}':"
            f" put '{source}' first",
        )


def derived_names(data: object) -> list[Problem]:
    """Every name marked ``derived: true`` (made up by ``codegen import``), as a problem at
    its ``curated.name``: warnings for ``validate``, errors under ``derived_names = "error"``."""
    found: list[Problem] = []
    sets = data.get("code_sets") if isinstance(data, dict) else None
    for index, code_set in enumerate(sets if isinstance(sets, list) else []):
        if not isinstance(code_set, dict):
            continue
        path: NodePath = ("code_sets", index)
        _derived(found, code_set, path, "code set")
        for a, attribute in enumerate(code_set.get("attributes") or []):
            for v, value in enumerate((attribute or {}).get("values") or []):
                what = f"value of attribute '{attribute.get('key')}'"
                _derived(found, value, path + ("attributes", a, "values", v), what)
        for c, code in enumerate(code_set.get("codes") or []):
            what = f"code {code.get('code')!r}" if isinstance(code, dict) else "code"
            _derived(found, code, path + ("codes", c), what)
            records = mapping(mapping(code).get("curated")).get("parameters")
            for r, record in dicts(records):
                if record.get("derived") is True:
                    found.append(
                        Problem(
                            path + ("codes", c, "curated", "parameters", r, "name"),
                            f"parameter {record.get('name')} of {what} has a derived name: "
                            "check it (rename it if needed) and remove derived: true",
                        )
                    )
    return found


def _derived(found: list[Problem], owner: object, path: NodePath, what: str) -> None:
    curated = owner.get("curated") if isinstance(owner, dict) else None
    if isinstance(curated, dict) and curated.get("derived") is True:
        name = curated.get("name")
        found.append(
            Problem(
                path + ("curated", "name"),
                f"{what} has the derived name {name}: check it (rename it if needed) and "
                "remove derived: true",
            )
        )
