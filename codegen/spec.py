"""spec/codes.yaml into the model: read, parse, check completely, build; and ``codegen validate``.

``load_catalog`` = read (bounded) -> parse (fast, safe, plain data) -> check (bounds, JSON
Schema, rules) -> build the frozen :mod:`codegen.model`. Positions are looked up only when
a check found problems (:func:`codegen.spec_yaml.locate`), so a valid catalog is parsed once.
A catalog with problems, placeholder names included, never becomes a model.
"""

from __future__ import annotations

import argparse
import os
import sys
from types import MappingProxyType
from typing import Any

from codegen.errors import CodegenError, ExitCode, MultipleErrors
from codegen.model import (
    Attribute,
    AttrValue,
    Catalog,
    Code,
    CodeSet,
    GroupValue,
    ResponseHeader,
    texts,
)
from codegen.spec_yaml import locate, parse, read_text
from codegen.validation import Problem, long_strings, too_many_codes
from codegen.validation_rules import rule_problems
from codegen.validation_schema import schema_problems


def load_catalog(path: str | os.PathLike[str], *, display_path: str | None = None) -> Catalog:
    """The catalog at ``path``, checked completely.

    Raises one :class:`~codegen.errors.CodegenError`, or :class:`MultipleErrors` listing
    every problem, each as ``display_path:line:col: message``.
    """
    shown = display_path or str(path)
    return build_catalog(_checked_data(path, shown), shown)


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


def run_validate(args: argparse.Namespace) -> ExitCode:
    """``codegen validate``: each problem on its own line on stderr, or a summary on stdout."""
    try:
        catalog = load_catalog(args.catalog)
    except MultipleErrors as errors:
        problems = list(errors.errors)
    except CodegenError as error:
        problems = [error]
    else:
        codes = sum(len(code_set.codes) for code_set in catalog.code_sets)
        sets = _count(len(catalog.code_sets), "code set")
        print(f"{catalog.path}: {sets}, {_count(codes, 'code')}, valid")
        return ExitCode.OK
    for problem in problems:
        print(problem, file=sys.stderr)
    return ExitCode.INVALID


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"


def check(data: object) -> list[Problem]:
    """Every problem of parsed catalog data; too many codes is reported alone."""
    too_many = too_many_codes(data)
    if too_many:
        return [too_many]
    problems = long_strings(data) + schema_problems(data)
    if isinstance(data, dict):
        problems += rule_problems(data)
    return problems


def _checked_data(path: str | os.PathLike[str], shown: str) -> dict[str, Any]:
    text = read_text(path, shown)
    data = parse(text, shown)
    problems = check(data)
    if problems:
        errors = locate(text, problems, shown)
        raise errors[0] if len(errors) == 1 else MultipleErrors(errors)
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
    )


def _code_set(raw: dict[str, Any], source: str) -> CodeSet:
    attributes = tuple(_attribute(attribute) for attribute in raw.get("attributes", ()))
    return CodeSet(
        name=raw["curated"]["name"],
        title=texts(raw["title"]),
        code_type=raw["code_type"],
        attributes=attributes,
        codes=tuple(_code(code, attributes, source) for code in raw["codes"]),
        columns=MappingProxyType(
            {key: texts(value) for key, value in raw.get("columns", {}).items()}
        ),
        section=texts(raw.get("section")),
        description=texts(raw.get("description")),
        line=_line(raw),
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
        retryable=curated.get("retryable"),
        note=curated.get("note", ""),
        line=_line(raw),
    )


def _attr_value(attribute: Attribute, value: Any, source: str) -> AttrValue:
    if value is None:
        return None
    if attribute.kind == "group":
        return attribute.value_named(value, source)
    if attribute.kind == "text":
        return texts(value)
    return bool(value)


def _response(raw: dict[str, Any] | None) -> ResponseHeader | None:
    if raw is None:
        return None
    fields = raw.get("fields", {})
    defaults = ResponseHeader(code_set="", success_flag="")
    return ResponseHeader(
        code_set=raw["code_set"],
        success_flag=raw["success_flag"],
        success_field=fields.get("success", defaults.success_field),
        code_field=fields.get("code", defaults.code_field),
        message_field=fields.get("message", defaults.message_field),
    )


def _line(raw: object) -> int:
    line = getattr(raw, "line", 0)
    return line if isinstance(line, int) else 0
