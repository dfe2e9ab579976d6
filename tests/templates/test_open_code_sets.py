"""The option ``code_sets``: a closed schema accepts only the codes it lists (the default);
an open one still lists and documents them but accepts any code of the set's type, for
clients that must take codes added after the schema was generated. Checked by the real
consumers: the JSON Schema metaschema, jsonschema and openapi-spec-validator."""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator
from openapi_spec_validator import validate
from ruamel.yaml import YAML

from codegen.catalog.model import Catalog
from codegen.cli import main
from codegen.render.engine import render_all
from codegen.render.targets import DEFAULT_TARGETS, Target
from tests.support.catalogs import SAMPLE

SCHEMA = "jsonschema/sample_codes.schema.json"
OPENAPI = "openapi/sample_codes.openapi.yaml"


def _render(sample: Catalog, options: Mapping[str, object]) -> dict[str, str]:
    targets = [
        Target(t.template, t.output, t.formatter, {**t.options, **options})
        for t in DEFAULT_TARGETS[1:3]
    ]
    return render_all(sample, targets)


def _validators(files: dict[str, str], set_name: str) -> list[Draft202012Validator]:
    """A validator of one code set's schema from the JSON Schema and one from the OpenAPI
    document, each checked against its metaschema or the OpenAPI specification first."""
    schema = json.loads(files[SCHEMA])
    Draft202012Validator.check_schema(schema)
    document: Any = YAML(typ="safe", pure=True).load(files[OPENAPI])
    validate(document)
    return [
        Draft202012Validator({**schema, "$ref": f"#/$defs/{set_name}"}),
        Draft202012Validator({**document, "$ref": f"#/components/schemas/{set_name}"}),
    ]


@pytest.mark.parametrize(
    ("set_name", "known", "unknown", "wrong_type"),
    [("ApiResultCode", -1000, -99999, "-1000"), ("EmmaResultCode", "E900", "E999", 900)],
)
def test_an_unknown_code_fails_a_closed_schema_and_passes_an_open_one(
    sample: Catalog,
    sample_files: dict[str, str],
    set_name: str,
    known: object,
    unknown: object,
    wrong_type: object,
) -> None:
    """Closed is the default: the default targets render the same files."""
    closed = _render(sample, {"code_sets": "closed"})
    assert closed == {path: sample_files[path] for path in closed}
    for validator in _validators(closed, set_name):
        assert validator.is_valid(known) and not validator.is_valid(unknown)
        assert not validator.is_valid(wrong_type)
    for validator in _validators(_render(sample, {"code_sets": "open"}), set_name):
        assert validator.is_valid(known) and validator.is_valid(unknown)
        assert not validator.is_valid(wrong_type)


def test_an_open_schema_still_documents_every_known_code(sample: Catalog) -> None:
    schema = json.loads(_render(sample, {"code_sets": "open"})[SCHEMA])["$defs"]["ApiResultCode"]
    known, other = schema["anyOf"]
    assert known["oneOf"][1] == {
        "const": -1000,
        "title": "INVALID_APPKEY",
        "description": "無効なアプリケーションキー",
    }
    assert other["type"] == "integer" and "added after" in other["description"]
    assert schema["x-enum-varnames"][1] == "INVALID_APPKEY"


def test_an_open_response_header_accepts_a_new_error_code(sample: Catalog) -> None:
    schema = json.loads(_render(sample, {"code_sets": "open"})[SCHEMA])
    header = {"isSuccessful": False, "resultCode": -99999, "resultMessage": "new"}
    assert Draft202012Validator(schema).is_valid(header)


def test_a_code_sets_value_other_than_closed_or_open_is_an_error_at_the_option(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "spec").mkdir()
    (tmp_path / "spec" / "codes.yaml").write_bytes(SAMPLE.read_bytes())
    (tmp_path / "codegen.toml").write_text('[options]\ncode_sets = "ajar"\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["generate"]) == 2
    assert capsys.readouterr().err == (
        'codegen.toml:2:1: option code_sets must be "closed" or "open", not \'ajar\'\n'
    )
    assert not (tmp_path / "generated").exists()
