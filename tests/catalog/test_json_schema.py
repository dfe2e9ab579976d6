"""The catalog's JSON Schema: valid, fully documented, and in step with the rules."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from codegen.catalog import naming
from codegen.catalog.parse import parse
from codegen.catalog.rules.schema import catalog_schema
from tests.support.paths import REPO, TESTS

FIXTURES = TESTS / "fixtures" / "catalogs"
SCHEMA_FILE = REPO / "codegen" / "schemas" / "catalog.schema.json"


def subschemas(node: Any, path: str = "#") -> Iterator[tuple[str, dict[str, Any]]]:
    """Every schema object in ``node``, with its JSON pointer (``if`` conditions aside)."""
    if not isinstance(node, dict):
        return
    yield path, node
    for key, value in node.items():
        if key in ("properties", "$defs"):
            for name, child in value.items():
                yield from subschemas(child, f"{path}/{key}/{name}")
        elif key not in ("if", "const", "enum") and isinstance(value, dict):
            yield from subschemas(value, f"{path}/{key}")


def properties() -> Iterator[tuple[str, dict[str, Any]]]:
    schema = catalog_schema()
    for path, node in subschemas(schema):
        if path.split("/")[-2:-1] == ["properties"]:
            if "$ref" in node and "description" not in node:
                node = schema["$defs"][node["$ref"].rsplit("/", 1)[-1]]
            yield path, node


def test_the_schema_is_valid_draft_2020_12() -> None:
    schema = json.loads(SCHEMA_FILE.read_text("utf-8"))
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    Draft202012Validator.check_schema(schema)
    assert catalog_schema() == schema


def test_every_property_has_a_title_and_a_description() -> None:
    found = list(properties())
    assert len(found) > 30
    for path, node in found:
        assert node.get("description"), path
        assert node.get("title") or "$ref" in node, path


def test_every_property_says_whether_it_is_source_or_curated() -> None:
    for path, node in properties():
        if path != "#/properties/format":
            assert node["description"].startswith(("Source", "Curated")), path


def test_objects_refuse_unknown_keys_except_codes_which_carry_attributes() -> None:
    open_objects = [
        path
        for path, node in subschemas(catalog_schema())
        if node.get("type") == "object" and node.get("additionalProperties") is not False
    ]
    assert open_objects == ["#/$defs/texts", "#/$defs/code"]


def test_valid_fixtures_pass_the_schema_as_editors_use_it() -> None:
    validator = Draft202012Validator(catalog_schema())
    for fixture in FIXTURES.glob("*.yaml"):
        data = parse(fixture.read_text("utf-8"), str(fixture))
        assert list(validator.iter_errors(data)) == [], fixture.name


@pytest.mark.parametrize(
    ("pointer", "rule"),
    [
        ("$defs/language", naming.LANGUAGE),
        ("$defs/pascalName", naming.PASCAL.pattern),
        ("$defs/upperSnakeName", naming.UPPER_SNAKE.pattern),
        ("$defs/attribute/properties/key", naming.SNAKE.pattern),
        ("properties/curated/properties/module", naming.SNAKE.pattern),
    ],
)
def test_schema_patterns_are_the_rules_patterns(pointer: str, rule: re.Pattern[str]) -> None:
    node: Any = catalog_schema()
    for step in pointer.split("/"):
        node = node[step]
    assert node["pattern"] == f"^{rule.pattern}$"


def test_reserved_members_cover_what_int_and_str_members_have() -> None:
    def public(cls: type) -> set[str]:
        return {name for name in dir(cls) if not name.startswith("_")}

    assert public(int) <= naming.INT_MEMBERS
    assert public(str) <= naming.STR_MEMBERS
