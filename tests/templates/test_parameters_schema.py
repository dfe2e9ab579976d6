"""Messages with parameters (issue #20) in the JSON Schema and the OpenAPI document: the
error body may carry the arguments of its message in ``params`` (``fields.params``), each
code's parameters required with their JSON types and nothing else, and each example of a
code with parameters fills them.

Read by the real consumers: the JSON Schema passes its metaschema, openapi-spec-validator
reads the OpenAPI document, and jsonschema validates bodies and every example against the
error schema of both documents, in each envelope.
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
from codegen.errors import CodegenError
from codegen.render.engine import render_all
from codegen.render.targets import DEFAULT_TARGETS
from tests.support.paths import TESTS

FIXTURE = TESTS / "fixtures" / "catalogs" / "parameters.yaml"
SCHEMA = "jsonschema/quota_codes.schema.json"
OPENAPI = "openapi/quota_codes.openapi.yaml"
MEDIA = {"problem": "application/problem+json"}


def _catalog(tmp_path: Path, response: dict[str, Any]) -> Path:
    """The parameters fixture with ``curated.response``; for the header envelope, with the
    flag attribute ``ok`` true for code 0 (written as JSON, which is YAML)."""
    data = YAML(typ="safe", pure=True).load(FIXTURE.read_text(encoding="utf-8"))
    data["curated"]["response"] = response
    if response.get("envelope", "header") == "header":
        api = data["code_sets"][0]
        api["attributes"] = [{"key": "ok", "kind": "flag", "header": {"en": "OK"}}]
        for code in api["codes"]:
            code["ok"] = code["code"] == 0
        response["success_flag"] = "ok"
    path = tmp_path / "codes.yaml"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def _render(tmp_path: Path, response: dict[str, Any]) -> tuple[dict[str, Any], Any]:
    """The JSON Schema and the OpenAPI document, after their consumers accepted them."""
    files = render_all(load_catalog(_catalog(tmp_path, response)), DEFAULT_TARGETS[1:3])
    schema = json.loads(files[SCHEMA])
    Draft202012Validator.check_schema(schema)
    document = YAML(typ="safe", pure=True).load(files[OPENAPI])
    validate(document)
    return schema, document


class _Validator:
    """The error schema of one document; a body of the header envelope is checked by the
    JSON Schema's root, ``ResponseHeader``, on its header."""

    def __init__(self, schema: dict[str, Any], ref: str, header: bool = False) -> None:
        self.validator = Draft202012Validator({**schema, "$ref": ref})
        self.header = header

    def errors(self, body: Any) -> list[Any]:
        return list(self.validator.iter_errors(body["header"] if self.header else body))

    def is_valid(self, body: Any) -> bool:
        return not self.errors(body)


def _validators(schema: dict[str, Any], document: Any) -> list[_Validator]:
    header = schema["$ref"] == "#/$defs/ResponseHeader"
    return [
        _Validator(document, "#/components/schemas/ErrorResponse"),
        _Validator(schema, schema["$ref"], header),
    ]


def _examples(document: Any, media_type: str) -> dict[str, Any]:
    components = document["components"]
    refs = components["responses"]["ErrorResponse"]["content"][media_type]["examples"]
    prefix = "#/components/examples/"
    return {
        name: components["examples"][ref["$ref"].removeprefix(prefix)]["value"]
        for name, ref in refs.items()
    }


def _body(envelope: str, code: int, params: dict[str, Any] | None, field: str = "params") -> Any:
    """An error body of ``envelope`` with ``code``, and ``params`` unless None."""
    message = "detail" if envelope == "problem" else "message"
    inner: dict[str, Any] = {"code": code, message: "x"}
    if envelope == "header":
        inner = {"isSuccessful": False, "resultCode": code, "resultMessage": "x"}
    if params is not None:
        inner[field] = params
    if envelope == "header":
        return {"header": inner}
    return {"error": inner} if envelope == "nested" else inner


ENVELOPES = ["header", "flat", "nested", "problem"]


@pytest.mark.parametrize("envelope", ENVELOPES)
def test_a_body_with_its_parameters_validates_and_a_missing_one_fails(
    envelope: str, tmp_path: Path
) -> None:
    validators = _validators(*_render(tmp_path, {"envelope": envelope, "code_set": "ApiError"}))
    for validator in validators:
        ok = _body(envelope, 4002, {"field": "name", "max": 40})
        assert validator.is_valid(ok)
        missing = _body(envelope, 4002, {"field": "name"})
        errors = validator.errors(missing)
        assert errors and "'max' is a required property" in str(errors)
        assert not validator.is_valid(_body(envelope, 4002, {"field": "name", "max": "40"}))
        assert not validator.is_valid(_body(envelope, 4001, {"quota": 1.5}))
        assert not validator.is_valid(_body(envelope, 4001, {"quota": 500, "extra": 1}))
        assert not validator.is_valid(_body(envelope, 4001, ["quota"]))
        assert validator.is_valid(_body(envelope, 4001, {"quota": 500}))
        assert validator.is_valid(_body(envelope, 4001, None)), "params is optional"
        assert validator.is_valid(_body(envelope, 4005, {}))
        assert not validator.is_valid(_body(envelope, 4005, {"quota": 500}))


@pytest.mark.parametrize("envelope", ENVELOPES)
def test_each_example_fills_its_parameters_and_validates(envelope: str, tmp_path: Path) -> None:
    schema, document = _render(tmp_path, {"envelope": envelope, "code_set": "ApiError"})
    examples = _examples(document, MEDIA.get(envelope, "application/json"))
    inner = {
        "header": lambda body: body["header"],
        "nested": lambda body: body["error"],
    }.get(envelope, lambda body: body)
    assert inner(examples["FIELD_TOO_LONG"])["params"] == {"field": "field", "max": 1}
    assert inner(examples["QUOTA_EXCEEDED"])["params"] == {"quota": 1}
    assert "params" not in inner(examples["DONE"])
    for validator in _validators(schema, document):
        for name, example in examples.items():
            assert validator.is_valid(example), name


def test_a_number_parameter_takes_any_number(tmp_path: Path) -> None:
    schema, document = _render(tmp_path, {"envelope": "flat", "code_set": "LimitError"})
    examples = _examples(document, "application/json")
    assert examples["RATE_EXCEEDED"]["params"] == {"rate": 0.5, "retry_after": 1}
    for validator in _validators(schema, document):
        assert validator.is_valid(
            {"code": "E_RATE", "message": "x", "params": {"rate": 2, "retry_after": 3}}
        )
        assert not validator.is_valid(
            {"code": "E_RATE", "message": "x", "params": {"rate": 2, "retry_after": 3.5}}
        )


def test_fields_params_names_the_member(tmp_path: Path) -> None:
    response = {"envelope": "flat", "code_set": "ApiError", "fields": {"params": "args"}}
    schema, document = _render(tmp_path, response)
    examples = _examples(document, "application/json")
    assert examples["QUOTA_EXCEEDED"]["args"] == {"quota": 1}
    for validator in _validators(schema, document):
        assert not validator.is_valid(_body("flat", 4001, {}, field="args"))
        assert validator.is_valid(_body("flat", 4001, {"quota": 1}, field="args"))


@pytest.mark.parametrize(
    ("response", "name"),
    [
        ({"envelope": "flat", "code_set": "ApiError", "fields": {"params": "message"}}, "message"),
        ({"envelope": "problem", "code_set": "ApiError", "fields": {"params": "detail"}}, "detail"),
        ({"envelope": "flat", "code_set": "ApiError", "fields": {"code": "params"}}, "params"),
    ],
)
def test_validate_refuses_a_params_member_named_like_another(
    response: dict[str, Any], name: str, tmp_path: Path
) -> None:
    with pytest.raises(CodegenError, match=f"fields.params '{name}' is the name of another"):
        load_catalog(_catalog(tmp_path, response))
