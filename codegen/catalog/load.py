"""spec/codes.yaml into the model: read, parse, check completely, build.

``load_catalog`` = read (bounded) -> parse (fast, safe, plain data) -> check (bounds, JSON
Schema, rules) -> build the frozen :mod:`codegen.catalog.model`. Positions are looked up only when
a check found problems (:func:`codegen.catalog.parse.locate`), so a valid catalog is parsed once.
A catalog with problems, placeholder names included, never becomes a model. Names that
``import`` derived (``derived: true``) and stale translations (``curated.stale``) are
warnings that ``validate`` lists, or problems like any other under the configuration's
``derived_names = "error"`` and ``stale_translations = "error"``; :func:`derived_warnings`
and :func:`stale_warnings` locate them for ``validate`` (:mod:`codegen.commands.validate`).
:func:`text_problems` is the same check of a text, for the commands that edit the catalog
(``import``, ``names``): what ``validate`` refuses they neither read nor write.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import replace
from types import MappingProxyType
from typing import Any

from codegen.catalog.model import (
    Attribute,
    AttrValue,
    Catalog,
    Code,
    CodeSet,
    Deprecation,
    GroupValue,
    Parameter,
    Removal,
    ResponseEnvelope,
    response_envelope,
    texts,
)
from codegen.catalog.parse import locate, parse, read_text
from codegen.catalog.placeholders import DEFAULT_SYNTAXES
from codegen.catalog.plain import Problem
from codegen.catalog.rules.catalog import derived_names, rule_problems
from codegen.catalog.rules.codes import stale_translations
from codegen.catalog.rules.parameters import missing_placeholders
from codegen.catalog.rules.schema import schema_problems
from codegen.catalog.rules.size import long_strings, too_many_codes
from codegen.errors import CodegenError, MultipleErrors

_Mark = tuple[str, Callable[[object], list[Problem]]]  # a configuration key, what it lists
_DERIVED: _Mark = ("derived_names", derived_names)
_STALE: _Mark = ("stale_translations", stale_translations)


def load_catalog(
    path: str | os.PathLike[str],
    *,
    display_path: str | None = None,
    derived: str = "warn",
    stale: str = "warn",
) -> Catalog:
    """The catalog at ``path``, checked completely; with ``derived="error"`` a derived name
    is a problem too, with ``stale="error"`` a stale translation.

    Raises one :class:`~codegen.errors.CodegenError`, or :class:`MultipleErrors` listing
    every problem, each as ``display_path:line:col: message``.
    """
    shown = display_path or str(path)
    marks = [rule for rule, setting in ((_DERIVED, derived), (_STALE, stale)) if setting == "error"]
    return build_catalog(_checked_data(path, shown, marks), shown)


def validate_catalog(
    path: str | os.PathLike[str], *, display_path: str | None = None
) -> list[CodegenError]:
    """Every problem of the catalog at ``path``, ordered by position; empty when valid."""
    try:
        _checked_data(path, display_path or str(path))
    except MultipleErrors as errors:
        return list(errors.errors)
    except CodegenError as error:
        return [error]
    return []


def text_problems(
    text: str, shown: str, *, no_code_sets_ok: bool = False, data: Any = None
) -> list[CodegenError]:
    """Every problem ``validate`` finds in the catalog text ``text`` (as read from
    ``shown``), located and ordered by position; empty when it is valid. With
    ``no_code_sets_ok``, a catalog without code sets yet (``code_sets: []``, as ``init``
    writes it) is valid too: ``import`` reads such a catalog, and refuses every other one
    that ``validate`` refuses, with the same lines. ``data``, when given, must be what
    :func:`parse` returns for ``text`` (the fast round-trip load's
    :func:`~codegen.catalog.roundtrip.fast.plain_data`): the text is not parsed again."""
    if data is None:
        try:
            data = parse(text, shown)
        except MultipleErrors as errors:
            return list(errors.errors)
        except CodegenError as error:
            return [error]
    problems = check(data)
    if no_code_sets_ok and isinstance(data, dict) and data.get("code_sets") == []:
        problems = [p for p in problems if p.path != ("code_sets",)]  # "must not be empty"
    return locate(text, problems, shown) if problems else []


def derived_warnings(path: str) -> list[CodegenError]:
    """A located ``warning:`` line per derived name of the (valid) catalog at ``path``."""
    return _warnings(path, derived_names)


def stale_warnings(path: str) -> list[CodegenError]:
    """A located ``warning:`` line per stale translation of the (valid) catalog at ``path``,
    at the message it marks."""
    return _warnings(path, stale_translations)


def placeholder_warnings(path: str) -> list[CodegenError]:
    """A located ``warning:`` line per translation that lacks a placeholder of its source
    message (:func:`~codegen.catalog.rules.parameters.missing_placeholders`), at that
    translation."""
    return _warnings(path, missing_placeholders)


def _warnings(path: str, rule: Callable[[object], list[Problem]]) -> list[CodegenError]:
    text = read_text(path, path)
    problems = rule(parse(text, path))
    if not problems:
        return []
    errors = locate(text, problems, path)
    for error in errors:
        error.message = f"warning: {error.message}"
    return errors


def check(data: object) -> list[Problem]:
    """Every problem of parsed catalog data; too many codes is reported alone."""
    too_many = too_many_codes(data)
    if too_many:
        return [too_many]
    problems = long_strings(data) + schema_problems(data)
    if isinstance(data, dict):
        problems += rule_problems(data)
    return problems


def _checked_data(
    path: str | os.PathLike[str], shown: str, marks: list[_Mark] | None = None
) -> dict[str, Any]:
    """The parsed catalog, after every check; ``marks`` are the warnings the configuration
    makes problems (``derived_names = "error"``, ``stale_translations = "error"``)."""
    text = read_text(path, shown)
    data = parse(text, shown)
    problems = check(data)
    for key, rule in marks or ():
        problems += [
            replace(p, message=p.message + f' ({key} = "error" in the configuration)')
            for p in rule(data)
        ]
    if problems:
        errors = locate(text, problems, shown)
        raise MultipleErrors.of(errors)
    assert isinstance(data, dict)  # the schema requires a mapping
    return data


def build_catalog(data: dict[str, Any], path: str) -> Catalog:
    """The model of catalog data that passed :func:`check`."""
    curated = data["curated"]
    source = data["source_language"]
    return Catalog(
        module=curated["module"],
        source_language=source,
        languages=tuple(data["languages"]),
        code_sets=tuple(_code_set(raw, source) for raw in data["code_sets"]),
        title=texts(data.get("title")),
        response=_response(curated.get("response")),
        path=path,
        placeholders=tuple(curated.get("placeholders", DEFAULT_SYNTAXES)),
    )


def _code_set(raw: dict[str, Any], source: str) -> CodeSet:
    """A code set; a flag attribute keyed ``retryable`` (the source's own column) is not an
    attribute but the members' ``retryable``, its header the ``retryable`` column's."""
    columns = {key: texts(value) for key, value in raw.get("columns", {}).items()}
    attributes: list[Attribute] = []
    for attribute in map(_attribute, raw.get("attributes", ())):
        if attribute.key == "retryable" and attribute.kind == "flag":
            columns["retryable"] = attribute.header
        else:
            attributes.append(attribute)
    return CodeSet(
        name=raw["curated"]["name"],
        title=texts(raw["title"]),
        code_type=raw["code_type"],
        attributes=tuple(attributes),
        codes=tuple(_code(code, tuple(attributes), source) for code in raw["codes"]),
        columns=MappingProxyType(columns),
        section=texts(raw.get("section")),
        description=texts(raw.get("description")),
        line=_line(raw),
        aliases=tuple(raw["curated"].get("aliases", ())),
    )


def _attribute(raw: dict[str, Any]) -> Attribute:
    values = tuple(
        GroupValue(name=value["curated"]["name"], label=texts(value["label"]), line=_line(value))
        for value in raw.get("values", ())
    )
    return Attribute(key=raw["key"], kind=raw["kind"], header=texts(raw["header"]), values=values)


def _code(raw: dict[str, Any], attributes: tuple[Attribute, ...], source: str) -> Code:
    attrs = {
        attribute.key: _attr_value(attribute, raw.get(attribute.key), source)
        for attribute in attributes
    }
    curated = raw["curated"]
    return Code(
        value=raw["code"],
        name=curated["name"],
        message=texts(raw["message"]),
        attrs=MappingProxyType(attrs),
        retryable=curated.get("retryable", raw.get("retryable")),
        note=curated.get("note", ""),
        line=_line(raw),
        deprecated=_deprecation(curated.get("deprecated")),
        removed=_removal(curated.get("removed")),
        aliases=tuple(curated.get("aliases", ())),
        stale=tuple(curated.get("stale", ())),
        parameters=tuple(_parameter(raw) for raw in curated.get("parameters", ())),
    )


def _parameter(raw: dict[str, Any]) -> Parameter:
    return Parameter(
        raw["name"], raw["type"], raw["placeholder"], bool(raw.get("derived")), _line(raw)
    )


def _deprecation(raw: dict[str, Any] | None) -> Deprecation | None:
    return None if raw is None else Deprecation(str(raw["since"]), raw.get("use", ""))


def _removal(raw: dict[str, Any] | None) -> Removal | None:
    return None if raw is None else Removal(str(raw["since"]), raw.get("reason", ""))


def _attr_value(attribute: Attribute, value: Any, source: str) -> AttrValue:
    if value is None:
        return None
    if attribute.kind == "group":
        return attribute.value_named(value, source)
    if attribute.kind == "text":
        return texts(value)
    return bool(value)


def _response(raw: dict[str, Any] | None) -> ResponseEnvelope | None:
    if raw is None:
        return None
    return response_envelope(
        raw["code_set"],
        raw.get("envelope", "header"),
        raw.get("success_flag", ""),
        raw.get("fields", {}),
        raw.get("problem_type", ""),
    )


def _line(raw: object) -> int:
    line = getattr(raw, "line", 0)
    return line if isinstance(line, int) else 0
