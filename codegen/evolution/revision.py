"""The catalog at one revision, as a diff sees it: what generated code exposes, read from
plain catalog data.

:func:`revision` takes what :func:`codegen.catalog.parse.parse` returns (dicts, lists, scalars)
and keeps, per code set and code, the facts a consumer of the generated code depends on:
names and aliases, values, the code type, attributes and group values, messages and their
parameters (``curated.parameters``), the success flag, ``retryable`` and the evolution
records (``curated.deprecated``, ``curated.removed``, ``curated.aliases``;
docs/catalog-format.md). It never validates: a
catalog at an old ref that newer rules would refuse is still read, and what is missing or
malformed reads as absent (a code without ``code`` is skipped, a name that is not a string
is ``""``).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property
from types import MappingProxyType
from typing import Any

from codegen.catalog.model import CodeValue

Record = Mapping[str, str]  # a deprecated or removed record: {since, use} / {since, reason}


@dataclass(frozen=True)
class GroupCell:
    """A code's group value: equal to another by its ``label`` (the source text, so a
    renamed group value does not change every code's cell); ``name`` is what the generated
    enum calls it (the label when no value has it)."""

    label: str
    name: str = field(compare=False)


Cell = GroupCell | str | bool | Mapping[str, str] | None  # a group value, flag, text


def _empty() -> Mapping[str, Any]:
    return MappingProxyType({})


@dataclass(frozen=True)
class ParameterEntry:
    """A parameter of a code's message (``curated.parameters``): what a client formatting
    the message passes, ``name`` of ``type``; ``placeholder`` the key of its placeholder in
    the texts (a name or a number)."""

    name: str
    type: str
    placeholder: int | str | None


@dataclass(frozen=True)
class CodeEntry:
    """One code: ``value`` as written (int or str), ``name`` its member name, ``cells``
    its attribute values by key, ``success``
    the response's success flag (None when the set has none), ``line`` its line in the
    catalog (1-based, 0 unknown) and ``index`` its position in the set's ``codes``."""

    value: CodeValue
    name: str
    aliases: tuple[str, ...] = ()
    messages: Mapping[str, str] = field(default_factory=_empty)
    cells: Mapping[str, Cell] = field(default_factory=_empty)
    success: bool | None = None
    retryable: bool | None = None
    deprecated: Record | None = None
    removed: Record | None = None
    parameters: tuple[ParameterEntry, ...] = ()
    line: int = 0
    index: int = 0

    @property
    def key(self) -> str:
        """What matches a code across revisions: its text, so ``-1000`` still matches
        after a set turned from integer to string codes."""
        return str(self.value)


@dataclass(frozen=True)
class AttributeEntry:
    """An attribute (column): ``values`` are a group's ``(name, source label)`` pairs."""

    key: str
    kind: str
    values: tuple[tuple[str, str], ...] = ()
    index: int = 0

    @cached_property
    def names(self) -> Mapping[str, str]:
        """Each group value's name by its label (the first value of a label wins)."""
        return {label: name for name, label in reversed(self.values)}


@dataclass(frozen=True)
class SetEntry:
    """One code set: ``title`` its title in the source language, ``codes`` in order."""

    name: str
    aliases: tuple[str, ...] = ()
    title: str = ""
    code_type: str = ""
    attributes: tuple[AttributeEntry, ...] = ()
    codes: tuple[CodeEntry, ...] = ()
    line: int = 0
    index: int = 0

    def attribute(self, key: str) -> AttributeEntry | None:
        return next((a for a in self.attributes if a.key == key), None)


@dataclass(frozen=True)
class Revision:
    """The catalog at one revision; ``code_sets`` in source order."""

    languages: tuple[str, ...] = ()
    code_sets: tuple[SetEntry, ...] = field(default=())
    module: str = ""  # ``curated.module``: what clients import, what the files are named
    line: int = 0  # the line of the catalog's first key, for changes of the whole catalog


def revision(data: object) -> Revision:
    """The :class:`Revision` of parsed catalog data (anything: what is not a catalog's
    shape reads as empty)."""
    root = _map(data)
    source = _text(root.get("source_language"))
    response = _map(_map(root.get("curated")).get("response"))
    flag_set, flag = _text(response.get("code_set")), _text(response.get("success_flag"))
    languages = tuple(lang for lang in _list(root.get("languages")) if isinstance(lang, str))
    sets = tuple(
        _set(raw, index, source, flag if _set_name(raw) == flag_set else "")
        for index, raw in enumerate(_list(root.get("code_sets")))
        if isinstance(raw, dict)
    )
    module = _text(_map(root.get("curated")).get("module"))
    return Revision(languages, sets, module=module, line=_line(root))


def _set(raw: dict[str, Any], index: int, source: str, success_flag: str) -> SetEntry:
    attributes = tuple(
        _attribute(a, i, source) for i, a in enumerate(_list(raw.get("attributes"))) if _map(a)
    )
    codes = tuple(
        _code(c, i, attributes, source, success_flag)
        for i, c in enumerate(_list(raw.get("codes")))
        if _has_code(c)
    )
    return SetEntry(
        name=_set_name(raw),
        aliases=_names(_map(raw.get("curated")).get("aliases")),
        title=_text(_map(raw.get("title")).get(source)),
        code_type=_text(raw.get("code_type")),
        attributes=attributes,
        codes=codes,
        line=_line(raw),
        index=index,
    )


def _has_code(raw: object) -> bool:
    value = _map(raw).get("code")
    return isinstance(value, int | str) and not isinstance(value, bool)


def _set_name(raw: object) -> str:
    return _text(_map(_map(raw).get("curated")).get("name"))


def _attribute(raw: dict[str, Any], index: int, source: str) -> AttributeEntry:
    values = tuple(
        (
            _text(_map(_map(v).get("curated")).get("name")),
            _text(_map(_map(v).get("label")).get(source)),
        )
        for v in _list(raw.get("values"))
    )
    return AttributeEntry(_text(raw.get("key")), _text(raw.get("kind")), values, index)


def _code(
    raw: dict[str, Any],
    index: int,
    attributes: tuple[AttributeEntry, ...],
    source: str,
    success_flag: str,
) -> CodeEntry:
    curated = _map(raw.get("curated"))
    retryable = curated.get("retryable", raw.get("retryable"))
    success = raw.get(success_flag) if success_flag else None
    return CodeEntry(
        value=raw["code"],
        name=_text(curated.get("name")),
        aliases=_names(curated.get("aliases")),
        messages=_texts(raw.get("message")),
        cells=MappingProxyType(
            {a.key: _cell(a, raw.get(a.key)) for a in attributes if a.key != success_flag}
        ),
        success=success if isinstance(success, bool) else None,
        retryable=retryable if isinstance(retryable, bool) else None,
        deprecated=_record(curated.get("deprecated")),
        removed=_record(curated.get("removed")),
        parameters=_parameters(curated.get("parameters")),
        line=_line(raw),
        index=index,
    )


def _cell(attribute: AttributeEntry, value: object) -> Cell:
    """A code's value in a column: a group value, a flag as a bool, a text per language."""
    if attribute.kind == "group" and isinstance(value, str):
        return GroupCell(value, attribute.names.get(value, value))
    if isinstance(value, dict):
        return _texts(value)
    return value if isinstance(value, bool | str) else None


def _parameters(value: object) -> tuple[ParameterEntry, ...]:
    """The records of ``curated.parameters`` that have a name (the others read as absent)."""
    found = []
    for raw in _list(value):
        record = _map(raw)
        name, key = _text(record.get("name")), record.get("placeholder")
        if name:
            placeholder = key if isinstance(key, int | str) and not isinstance(key, bool) else None
            found.append(ParameterEntry(name, _text(record.get("type")), placeholder))
    return tuple(found)


def _record(value: object) -> Record | None:
    if not isinstance(value, dict):
        return None
    return MappingProxyType({str(k): str(v) for k, v in value.items() if v is not None})


def _texts(value: object) -> Mapping[str, str]:
    return MappingProxyType(
        {k: v for k, v in _map(value).items() if isinstance(k, str) and isinstance(v, str)}
    )


def _names(value: object) -> tuple[str, ...]:
    return tuple(name for name in _list(value) if isinstance(name, str))


def _map(value: object) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _list(value: object) -> list[Any]:
    return value if isinstance(value, list) else []


def _text(value: object) -> str:
    return value if isinstance(value, str) else ""


def _line(raw: object) -> int:
    line = getattr(raw, "line", 0)
    return line if isinstance(line, int) else 0
