"""The catalog's structure, checked against codegen/schemas/catalog.schema.json.

The schema is what editors use to complete and check spec/codes.yaml; here its findings
are turned into messages a person can act on. ``pattern``, ``uniqueItems``, ``anyOf`` and
``propertyNames`` (names, language tags, repeated languages, attribute values on codes,
language keys) are left to the rules (:mod:`codegen.catalog.rules.sets`), which know the
context and say it better: jsonschema does not check them at all, so reporting is not said
twice and costs nothing per value they would have visited.
"""

from __future__ import annotations

import functools
import importlib
import json
from importlib import resources
from types import CodeType
from typing import Any

from codegen import usercache
from codegen.catalog.plain import NodePath, Problem
from codegen.catalog.rules.context import (
    describe_node,
    describe_path,
    describe_value,
    quoted,
    some_keys,
)
from codegen.limits import MAX_REPORTED_PROBLEMS

# Left to the rules, which know the context and say it better: names, language tags (and
# language keys: propertyNames), repeated languages, attribute values on codes (anyOf).
_UNCHECKED = ("pattern", "uniqueItems", "anyOf", "propertyNames")
_ANNOTATIONS = {"title", "description", "examples", "default", "$comment"}
_TYPE_NAMES = {
    "string": "a string",
    "integer": "an integer",
    "boolean": "true or false",
    "object": "a mapping",
    "array": "a list",
    "null": "null",
}


@functools.cache
def catalog_schema() -> dict[str, Any]:
    """The catalog's JSON Schema (draft 2020-12), shipped inside the package."""
    source = resources.files("codegen").joinpath("schemas", "catalog.schema.json")
    schema: dict[str, Any] = json.loads(source.read_text("utf-8"))
    return schema


@functools.cache
def _inlined_schema() -> dict[str, Any]:
    """The schema with every ``$ref`` replaced by its target: the same checks, twice as fast
    (jsonschema resolves references anew at each node); without the keywords whose
    failures the rules report (:data:`_UNCHECKED`), and without what then asserts nothing
    (``additionalProperties: {}``): the same problems, without visiting each value of a
    code with a million unknown keys (75 s for 1.5 million)."""
    schema = catalog_schema()
    inlined: dict[str, Any] = _inline(schema, schema["$defs"])
    return inlined


def _inline(node: Any, defs: dict[str, Any]) -> Any:
    if isinstance(node, list):
        return [_inline(item, defs) for item in node]
    if not isinstance(node, dict):
        return node
    result = {
        key: _inline(value, defs)
        for key, value in node.items()
        if key not in ("$ref", "$defs", *_UNCHECKED)
    }
    if "$ref" in node:  # only local "#/$defs/NAME" references, none recursive
        result = {**_inline(defs[node["$ref"].rsplit("/", 1)[-1]], defs), **result}
    if "properties" in node:  # names, not keywords: keep them all
        result["properties"] = {
            name: _inline(value, defs) for name, value in node["properties"].items()
        }
    extra = result.get("additionalProperties")
    if isinstance(extra, dict) and not set(extra) - _ANNOTATIONS:
        del result["additionalProperties"]  # asserts nothing, as when it is absent
    return result


@functools.cache
def _fast_validator() -> Any:
    """The schema compiled to Python by fastjsonschema: ten times faster than jsonschema
    (0.08 s against 0.75 s at 10,000 codes), but its errors say less, so it only answers
    whether the catalog is valid. The schema uses no keyword whose meaning changed after
    draft 7, which fastjsonschema implements. Its compiled code is kept between runs
    (:mod:`codegen.usercache`): compiling it costs 40 ms."""
    import fastjsonschema

    schema = {**catalog_schema(), "$schema": "http://json-schema.org/draft-07/schema#"}
    text = json.dumps(schema, sort_keys=True)
    key = f"catalog schema\0fastjsonschema {fastjsonschema.VERSION}\0{text}"

    def produce() -> CodeType:
        source = fastjsonschema.compile_to_code(schema, use_default=False)
        return compile(source, "<catalog schema validator>", "exec")

    namespace: dict[str, Any] = {}
    exec(usercache.compiled(key, produce), namespace)  # noqa: S102 - fastjsonschema's own code
    return namespace["validate"]


def schema_valid(data: object) -> bool:
    """Whether ``data`` passes the schema, by the fast validator."""
    from fastjsonschema import JsonSchemaValueException

    try:
        _fast_validator()(data)
    except JsonSchemaValueException:
        return False
    return True


def schema_problems(data: object) -> list[Problem]:
    """The structural problems the JSON Schema finds, each once: none when the fast
    validator passes the catalog, else jsonschema's, which say where and what."""
    if schema_valid(data):
        return []
    jsonschema = importlib.import_module("jsonschema")  # imported only for an invalid catalog
    validator = jsonschema.Draft202012Validator(_inlined_schema())
    problems: dict[Problem, None] = {}  # in the order found, each once (a set of a list: linear)
    for error in validator.iter_errors(data):
        problems.update(dict.fromkeys(_problems(data, error)))
    return list(problems)


def _problems(data: object, error: Any) -> list[Problem]:
    path: NodePath = tuple(error.absolute_path)
    kind, expected, instance = error.validator, error.validator_value, error.instance
    if kind == "required" and isinstance(instance, dict):
        where = describe_node(data, path)
        missing = [key for key in expected if key not in instance]
        return [Problem(path, f"missing key '{key}' in {where}: add it") for key in missing]
    if kind == "additionalProperties" and isinstance(instance, dict):
        known = list(error.schema.get("properties", {}))
        where = describe_node(data, path)
        unknown = [key for key in instance if key not in known]
        if len(unknown) > MAX_REPORTED_PROBLEMS:  # more than are printed: said once
            message = f"{where} has {some_keys(unknown)}: remove them (expected {_one_of(known)})"
            return [Problem(path + (unknown[0],), message, at_key=True)]
        return [
            Problem(
                path + (key,),
                f"unknown key {quoted(key)} in {where}: remove it or fix its spelling"
                f" (expected {_one_of(known)})",
                at_key=True,
            )
            for key in unknown
        ]
    return [Problem(path, _message(path, error))]


def _message(path: NodePath, error: Any) -> str:
    kind, expected, instance = error.validator, error.validator_value, error.instance
    name = describe_path(path)
    if list(error.relative_schema_path)[-2:] == ["additionalProperties", "type"] and path:
        name = f"the {quoted(path[-1])} text of {describe_path(path[:-1])}"  # in a text object
    shown = describe_value(instance)
    if path == ("format",):
        return f"format must be 1, the only format this codegen reads, not {shown}"
    if not path and instance is None:
        return "the catalog is empty: create it with `codegen import DOCUMENT`"
    if kind == "type":
        wanted = [expected] if isinstance(expected, str) else list(expected)
        message = (
            f"{name} must be {' or '.join(_TYPE_NAMES.get(t, t) for t in wanted)}, not {shown}"
        )
        if "string" in wanted and not isinstance(instance, (dict, list)) and instance is not None:
            message += ": quote it"  # YAML read 2027-01-15, 1.0, yes or 0755 as another type
        return message
    if kind == "enum":
        return f"{name} must be {_one_of([str(v) for v in expected])}, not {shown}"
    if kind in ("minItems", "minLength", "minProperties"):
        return f"{name} must not be empty"
    return f"{name}: {error.message}"


def _one_of(options: list[str]) -> str:
    return options[0] if len(options) == 1 else "one of " + ", ".join(options)
