"""The rules for the records of a catalog's evolution: deprecated codes, removed codes
(tombstones) and the former names of renamed codes and sets (aliases).

A code is deprecated (still returned, to be avoided) or removed (never returned again),
not both; ``deprecated.use`` names a current code of the same set. A former name is a
deprecated alias in the generated code, so it must not take a name the set or the module
already gives to something else. That a new code may not reuse a removed code's value or
name is checked with the other duplicates, by :mod:`codegen.catalog.rules.codes`.
"""

from __future__ import annotations

from typing import Any

from codegen.catalog.naming import PASCAL, UPPER_SNAKE, NameRule, name_problem
from codegen.catalog.plain import NodePath
from codegen.catalog.rules.context import Context, describe_code, dicts, mapping


def check_code_records(context: Context, path: NodePath, code_set: dict[Any, Any]) -> None:
    """The ``deprecated``, ``removed`` and ``aliases`` of each code of the set at ``path``."""
    codes = [
        (index, code, mapping(code.get("curated"))) for index, code in dicts(code_set.get("codes"))
    ]
    names = {curated.get("name"): curated for _, _, curated in codes}
    taken: dict[str, str] = {n: "the name of a code" for n in names if isinstance(n, str)}
    for index, code, curated in codes:
        code_path = path + ("codes", index, "curated")
        what = describe_code(code, index)
        if "deprecated" in curated and "removed" in curated:
            context.add(
                code_path + ("removed",),
                f"{what} is both deprecated and removed: keep removed if the API no longer "
                "returns it, deprecated if it still does",
                at_key=True,
            )
        use = mapping(curated.get("deprecated")).get("use")
        if isinstance(use, str):
            context.add(code_path + ("deprecated", "use"), _use_problem(use, curated, names))
        for alias_index, alias in _strings(curated.get("aliases")):
            alias_path = code_path + ("aliases", alias_index)
            owner = f"the former name {alias} of {what}"
            context.add(alias_path, _alias_problem(alias, UPPER_SNAKE, owner, taken, "code"))
            taken.setdefault(alias, f"a former name of {what}")


def _use_problem(use: str, curated: dict[Any, Any], names: dict[Any, dict[Any, Any]]) -> str | None:
    if use == curated.get("name"):
        return f"deprecated.use names the code itself ({use}): name the code to use instead"
    if use not in names:
        return f"deprecated.use {use} is no code of this set: write the name of a code of the set"
    if "removed" in names[use]:
        return f"deprecated.use {use} is a removed code: name a code the API still returns"
    return None


def check_set_aliases(context: Context, taken: dict[str, str]) -> None:
    """The former names of the code sets: PascalCase, each given once, none the name of a
    class the module declares or imports (``taken``: name -> what has it)."""
    for index, code_set in dicts(context.data.get("code_sets")):
        curated = mapping(code_set.get("curated"))
        what = f"code set {curated.get('name')}"
        for alias_index, alias in _strings(curated.get("aliases")):
            path: NodePath = ("code_sets", index, "curated", "aliases", alias_index)
            owner = f"the former name {alias} of {what}"
            context.add(path, _alias_problem(alias, PASCAL, owner, taken, "code set"))
            taken.setdefault(alias, f"a former name of {what}")


def _alias_problem(
    alias: str, rule: NameRule, owner: str, taken: dict[str, str], kind: str
) -> str | None:
    problem = name_problem(alias, rule, owner, "curated.aliases")
    if problem:
        return problem
    if alias in taken:
        return (
            f"{owner} is already {taken[alias]}: an alias may not take a name "
            f"the generated code gives to something else; drop it, or rename the {kind}"
        )
    return None


def _strings(value: object) -> list[tuple[int, str]]:
    items = value if isinstance(value, list) else []
    return [(index, item) for index, item in enumerate(items) if isinstance(item, str)]
