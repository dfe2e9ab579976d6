"""What every catalog check shares: one pass over the catalog, and words for the nodes it
points at.

The checks work on plain data (dicts, lists, scalars: what any safe YAML loader returns)
and report :class:`Problem` objects that point at the offending node by its path from the
root. :func:`codegen.catalog.parse.locate` turns paths into lines and columns, only when there
is a problem to report. The checks are defensive: a node of the wrong type is the schema's
problem and is skipped by the rules, so one run lists every problem at once.
"""

from __future__ import annotations

from typing import Any

from codegen.catalog.naming import LANGUAGE
from codegen.catalog.plain import NodePath, Problem, node_at
from codegen.catalog.rules.texts import control_character_problem
from codegen.errors import kind_of


def dicts(value: object) -> list[tuple[int, dict[Any, Any]]]:
    """The mappings of a list, with their indexes; nothing when it is not a list."""
    if not isinstance(value, list):
        return []
    return [(index, item) for index, item in enumerate(value) if isinstance(item, dict)]


def mapping(value: object) -> dict[Any, Any]:
    """``value`` when it is a mapping, else an empty one."""
    return value if isinstance(value, dict) else {}


class Context:
    """One pass of the rules over a catalog: its languages, and the problems found so far."""

    def __init__(self, data: dict[Any, Any]) -> None:
        self.data = data
        self.problems: list[Problem] = []
        # Without a list of languages (the schema reports that) no language is "unknown".
        self.has_languages = isinstance(data.get("languages"), list)
        self.languages = [lang for lang in _list(data.get("languages")) if isinstance(lang, str)]
        source = data.get("source_language")
        # Checks that need the source language wait until it is valid: one problem, not 50.
        usable = isinstance(source, str) and LANGUAGE.fullmatch(source) and source in self.languages
        self.source: str | None = source if usable else None

    def add(self, path: NodePath, message: str | None, *, at_key: bool = False) -> None:
        """Record a problem at ``path``; a None or empty message records nothing."""
        if message:
            self.problems.append(Problem(path, message, at_key))

    def first_time(
        self, seen: dict[Any, NodePath], value: object, path: NodePath, what: str, fix: str
    ) -> bool:
        """Remember where ``value`` was first seen; report a duplicate and return False after."""
        if value in seen:
            self.problems.append(
                Problem(path, f"duplicate {what}", first=seen[value], tail=": " + fix)
            )
            return False
        seen[value] = path
        return True

    def check_texts(self, path: NodePath, field: str, owner: str = "") -> None:
        """Only known languages in the text object at ``path``; with ``owner``, the source too."""
        texts = self.get(path)
        if not isinstance(texts, dict):
            return
        for lang in texts:
            if self.has_languages and lang not in self.languages:
                self.add(
                    path + (lang,),
                    f"unknown language {quoted(lang)} in {field}: add it to languages or remove it",
                    at_key=True,
                )
        for lang, text in texts.items():
            if isinstance(text, str):
                self.add(path + (lang,), control_character_problem(text))
        if owner and self.source is not None and self.source not in texts:
            message = f"{owner} has no {field} in the source language '{self.source}': add one"
            self.add(path, message)

    def get(self, path: NodePath) -> object:
        """The node at ``path``, or None where the path does not lead anywhere."""
        return node_at(self.data, path)


def _list(value: object) -> list[Any]:
    return value if isinstance(value, list) else []


def describe_path(path: NodePath) -> str:
    """A short name for the node at ``path``: ``code_type``, ``languages[1]``, ``the catalog``."""
    if not path:
        return "the catalog"
    last = path[-1]
    if isinstance(last, int) and len(path) > 1:
        return f"{path[-2]}[{last}]"
    return str(last)


def describe_node(data: object, path: NodePath) -> str:
    """What the mapping at ``path`` is, for messages: ``code -1000``, ``code set ApiResultCode``."""
    node = node_at(data, path)
    if len(path) >= 2 and isinstance(path[-1], int) and isinstance(node, dict):
        if path[-2] == "codes":
            return describe_code(node, path[-1])
        if path[-2] == "code_sets":
            return describe_code_set(node, path[-1])
        if path[-2] == "attributes" and isinstance(node.get("key"), str):
            return f"attribute '{node['key']}'"
    return describe_path(path)


def describe_code(code: dict[Any, Any], index: int) -> str:
    """``code -1000``, ``code 'E01'``, or ``codes[3]`` when the code itself is unusable."""
    value = code.get("code")
    if isinstance(value, bool) or not isinstance(value, (int, str)):
        return f"codes[{index}]"
    return f"code {value}" if isinstance(value, int) else f"code '{value}'"


def describe_code_set(code_set: dict[Any, Any], index: int) -> str:
    """``code set ApiResultCode``, or ``code_sets[0]`` before it has a name."""
    name = mapping(code_set.get("curated")).get("name")
    return f"code set {name}" if isinstance(name, str) else f"code_sets[{index}]"


def describe_value(value: object) -> str:
    """A YAML-like rendering of a scalar for messages; containers by their kind."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return str(value)
    if isinstance(value, str):
        return repr(value if len(value) <= 40 else value[:37] + "...")
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    return kind_of(value)  # a YAML timestamp: a date, or a date and time


def some_keys(keys: list[Any]) -> str:
    """How many unknown ``keys`` a mapping has, and the first three: ``1,500 unknown keys
    ('a', 'b', 'c', ...)``; for a mapping with more of them than are printed, said once."""
    shown = ", ".join(quoted(key) for key in keys[:3])
    return f"{len(keys):,} unknown keys ({shown}, ...)"


def quoted(value: object) -> str:
    """A key or label as messages show it: strings in quotes (cut to 60 characters: 500
    unknown keys of 100,000 characters printed 50 MB), other scalars as YAML."""
    if isinstance(value, str):
        return f"'{value}'" if len(value) <= 60 else f"'{value[:59]}…'"
    return describe_value(value)
