"""The error response of each envelope (``curated.response.envelope``): header, flat
``{code, message}``, nested ``{"error": {...}}`` and RFC 9457 problem details, each with a
schema, a response and one example per error code, with or without a success flag.

Every variant is checked by the real consumers: openapi-spec-validator reads the OpenAPI
document, the JSON Schema passes its metaschema, and jsonschema validates every example
against the error schema of both documents.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator
from openapi_spec_validator import validate
from ruamel.yaml import YAML

from codegen.catalog.load import load_catalog
from codegen.render.engine import render_all
from codegen.render.targets import DEFAULT_TARGETS, Target

CATALOG = """\
format: 1
source_language: en
languages: [en]
curated:
  module: shop_codes
{response}
code_sets:
  - title: {{en: Order errors}}
    code_type: string
    attributes:
      - key: ok
        kind: flag
        header: {{en: OK}}
    curated: {{name: OrderError}}
    codes:
      - code: "ok"
        ok: true
        message: {{en: Accepted}}
        curated: {{name: OK}}
      - code: "out_of_stock"
        ok: false
        message: {{en: 'The item is "sold out": try later'}}
        curated: {{name: OUT_OF_STOCK}}
      - code: "card/declined"
        ok: false
        message: {{en: The card was declined}}
        curated: {{name: CARD_DECLINED}}
"""
SCHEMA = "jsonschema/shop_codes.schema.json"
OPENAPI = "openapi/shop_codes.openapi.yaml"


def _render(tmp_path: Path, response: str, **options: object) -> tuple[dict[str, Any], Any]:
    """The JSON Schema and the OpenAPI document of the catalog with ``response`` (the
    indented lines under ``curated:``), after their consumers accepted them."""
    path = tmp_path / "codes.yaml"
    path.write_text(CATALOG.format(response=response), encoding="utf-8")
    targets = [
        Target(t.template, t.output, t.formatter, {**t.options, **options})
        for t in DEFAULT_TARGETS[1:3]
    ]
    files = render_all(load_catalog(path), targets)
    schema = json.loads(files[SCHEMA])
    Draft202012Validator.check_schema(schema)
    document = YAML(typ="safe", pure=True).load(files[OPENAPI])
    validate(document)
    return schema, document


def _error_validators(schema: dict[str, Any], document: Any) -> list[Draft202012Validator]:
    """The error body's schema from the OpenAPI document and from the JSON Schema."""
    return [
        Draft202012Validator({**document, "$ref": "#/components/schemas/ErrorResponse"}),
        Draft202012Validator({**schema, "$ref": "#/$defs/ErrorResponse"}),
    ]


def _examples(document: Any, media_type: str = "application/json") -> dict[str, Any]:
    """Every example of the error response, resolved, by name."""
    components = document["components"]
    content = components["responses"]["ErrorResponse"]["content"]
    assert list(content) == [media_type]
    refs = content[media_type]["examples"]
    prefix = "#/components/examples/"
    return {
        name: components["examples"][ref["$ref"].removeprefix(prefix)]["value"]
        for name, ref in refs.items()
    }


ENVELOPES = {
    "flat": (
        "  response: {envelope: flat, code_set: OrderError}",
        {"code": "out_of_stock", "message": 'The item is "sold out": try later'},
    ),
    "nested": (
        "  response: {envelope: nested, code_set: OrderError}",
        {"error": {"code": "out_of_stock", "message": 'The item is "sold out": try later'}},
    ),
    "problem": (
        "  response: {envelope: problem, code_set: OrderError}",
        {"detail": 'The item is "sold out": try later', "code": "out_of_stock"},
    ),
    "problem_with_types": (
        (
            "  response:\n    envelope: problem\n    code_set: OrderError\n"
            "    problem_type: https://shop.example/problems/{code}"
        ),
        {
            "type": "https://shop.example/problems/out_of_stock",
            "title": 'The item is "sold out": try later',
            "code": "out_of_stock",
        },
    ),
    "nested_renamed": (
        (
            "  response:\n    envelope: nested\n    code_set: OrderError\n"
            "    fields: {error: fault, code: 'error: code', message: '\"text\"'}"
        ),
        {"fault": {"error: code": "out_of_stock", '"text"': 'The item is "sold out": try later'}},
    ),
}


@pytest.mark.parametrize("case", list(ENVELOPES))
def test_without_a_success_flag_every_code_gets_an_example_valid_against_the_error_schema(
    case: str, tmp_path: Path
) -> None:
    response, out_of_stock = ENVELOPES[case]
    schema, document = _render(tmp_path, response)
    media_type = "application/problem+json" if case.startswith("problem") else "application/json"
    examples = _examples(document, media_type)
    assert list(examples) == ["OK", "OUT_OF_STOCK", "CARD_DECLINED"]
    assert examples["OUT_OF_STOCK"] == out_of_stock
    assert schema["$ref"] == "#/$defs/ErrorResponse"
    for validator in _error_validators(schema, document):
        for name, example in examples.items():
            assert validator.is_valid(example), name
        assert not validator.is_valid({})


@pytest.mark.parametrize(
    ("problem_type", "expected"),
    [
        ("https://shop.example/problems/{code}", "https://shop.example/problems/card%2Fdeclined"),
        (
            "https://shop.example/en/#{anchor}",
            "https://shop.example/en/#OrderError-card.2f.declined",
        ),
    ],
)
def test_a_problem_type_holds_the_code_percent_encoded_or_its_docs_anchor(
    problem_type: str, expected: str, tmp_path: Path
) -> None:
    response = (
        "  response:\n    envelope: problem\n    code_set: OrderError\n"
        f"    problem_type: '{problem_type}'"
    )
    _, document = _render(tmp_path, response)
    declined = _examples(document, "application/problem+json")["CARD_DECLINED"]
    assert declined["type"] == expected


def test_the_problem_schema_has_the_members_rfc_9457_defines(tmp_path: Path) -> None:
    schema, document = _render(tmp_path, ENVELOPES["problem"][0])
    problem = document["components"]["schemas"]["ErrorResponse"]
    assert list(problem["properties"]) == ["type", "title", "status", "detail", "instance", "code"]
    assert problem["properties"]["type"]["default"] == "about:blank"
    assert problem["required"] == ["code"]
    for validator in _error_validators(schema, document):
        assert validator.is_valid({"code": "ok", "status": 409, "extension": [1]})
        assert not validator.is_valid({"code": "out_of_stock", "status": 99})
        assert not validator.is_valid({"code": "gone"})


@pytest.mark.parametrize("envelope", ["flat", "nested", "problem"])
def test_a_success_flag_leaves_the_success_codes_out_of_the_errors(
    envelope: str, tmp_path: Path
) -> None:
    schema, document = _render(
        tmp_path, f"  response: {{envelope: {envelope}, code_set: OrderError, success_flag: ok}}"
    )
    media_type = "application/problem+json" if envelope == "problem" else "application/json"
    examples = _examples(document, media_type)
    assert list(examples) == ["OUT_OF_STOCK", "CARD_DECLINED"]
    success = {"code": "ok", "message": "x", "detail": "x"}
    body = {"error": success} if envelope == "nested" else success
    for validator in _error_validators(schema, document):
        assert all(validator.is_valid(example) for example in examples.values())
        assert not validator.is_valid(body)


@pytest.mark.parametrize("envelope", ["flat", "nested", "problem"])
def test_an_open_error_schema_accepts_a_code_added_later(envelope: str, tmp_path: Path) -> None:
    response = f"  response: {{envelope: {envelope}, code_set: OrderError, success_flag: ok}}"
    new = {"code": "brand_new", "message": "x", "detail": "x"}
    body = {"error": new} if envelope == "nested" else new
    closed = _error_validators(*_render(tmp_path, response))
    opened = _error_validators(*_render(tmp_path, response, code_sets="open"))
    assert not any(validator.is_valid(body) for validator in closed)
    assert all(validator.is_valid(body) for validator in opened)


def test_the_header_envelope_is_the_default(tmp_path: Path) -> None:
    schema, document = _render(tmp_path, "  response: {code_set: OrderError, success_flag: ok}")
    explicit = "  response: {envelope: header, code_set: OrderError, success_flag: ok}"
    assert _render(tmp_path, explicit) == (schema, document)
    assert schema["$ref"] == "#/$defs/ResponseHeader"
    examples = _examples(document)
    assert examples["OUT_OF_STOCK"] == {
        "header": {
            "isSuccessful": False,
            "resultCode": "out_of_stock",
            "resultMessage": 'The item is "sold out": try later',
        }
    }
