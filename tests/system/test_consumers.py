"""Real consumers read the outputs: mypy, a bare Python, jsonschema, openapi-spec-validator
and mkdocs."""

from __future__ import annotations

import glob
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator
from openapi_spec_validator import validate
from ruamel.yaml import YAML

from tests.support.paths import REPO

PYTHON = "python/sample_codes.py"
SCHEMA = "jsonschema/sample_codes.schema.json"
OPENAPI = "openapi/sample_codes.openapi.yaml"
PYTHON_39 = [
    *sorted(glob.glob(os.path.expanduser("~/.pyenv/versions/3.9*/bin/python3.9"))),
    shutil.which("python3.9") or "",
]


def _run(command: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command, cwd=cwd, capture_output=True, text=True, check=False)


def test_the_module_passes_mypy_strict(sample_files: dict[str, str], tmp_path: Path) -> None:
    (tmp_path / "sample_codes.py").write_text(sample_files[PYTHON], encoding="utf-8")
    result = _run(
        [sys.executable, "-m", "mypy", "--strict", "--no-incremental", "sample_codes.py"],
        tmp_path,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def _python_39() -> str | None:
    """A Python 3.9 on this machine, the oldest the generated module supports, if any."""
    for candidate in PYTHON_39:
        if (
            candidate
            and _run(
                [candidate, "-c", "import sys; assert sys.version_info[:2] == (3, 9)"], REPO
            ).returncode
            == 0
        ):
            return candidate
    return None


def _bare_python(tmp_path: Path) -> Path:
    """A venv with nothing installed, on Python 3.9 when this machine has it."""
    base = _python_39() or sys.executable
    subprocess.run([base, "-m", "venv", "--without-pip", str(tmp_path / "venv")], check=True)
    return tmp_path / "venv" / "bin" / "python"


USE_THE_MODULE = """
import sys
import sample_codes as m
assert sys.version_info >= (3, 9)
assert m.ApiResultCode(-1000).message == "無効なアプリケーションキー"
assert m.ApiResultCode.lookup(-99999) is None and m.ApiResultCode.lookup(True) is None
assert m.ApiResultCode.SUCCESS.is_success and m.EmmaResultCode.lookup("1001").classification is None
print("ok", sys.version_info[:2])
"""


@pytest.mark.slow
def test_the_module_runs_in_a_fresh_venv_with_nothing_installed(
    sample_files: dict[str, str], tmp_path: Path
) -> None:
    python = _bare_python(tmp_path)
    (tmp_path / "sample_codes.py").write_text(sample_files[PYTHON], encoding="utf-8")
    (tmp_path / "use.py").write_text(USE_THE_MODULE, encoding="utf-8")
    result = _run([str(python), "-E", "-s", "use.py"], tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("ok")
    if _python_39():
        assert "(3, 9)" in result.stdout


def _header(code: int, success: bool) -> dict[str, Any]:
    return {"isSuccessful": success, "resultCode": code, "resultMessage": "x"}


def test_the_json_schema_is_a_valid_draft_2020_12_schema(sample_files: dict[str, str]) -> None:
    Draft202012Validator.check_schema(json.loads(sample_files[SCHEMA]))


@pytest.mark.parametrize(
    ("header", "valid"),
    [
        (_header(0, True), True),
        (_header(-1000, False), True),
        (_header(0, False), False),  # the success code with isSuccessful false
        (_header(-1000, True), False),  # an error code with isSuccessful true
        (_header(-99999, False), False),  # not a code of the set
        ({"isSuccessful": True, "resultCode": 0}, False),  # no message
        (_header("0", True), False),  # a string for an integer code
    ],
)
def test_the_response_header_schema_ties_success_to_the_success_codes(
    sample_files: dict[str, str], header: dict[str, Any], valid: bool
) -> None:
    validator = Draft202012Validator(json.loads(sample_files[SCHEMA]))
    assert validator.is_valid(header) is valid


def test_every_code_set_is_a_def_listing_each_code_once(sample_files: dict[str, str]) -> None:
    schema = json.loads(sample_files[SCHEMA])
    emma = schema["$defs"]["EmmaResultCode"]
    assert emma["type"] == "string"
    assert emma["oneOf"][0] == {"const": "1000", "title": "SUCCESS", "description": "成功"}
    assert emma["x-enum-varnames"][-1] == "E900"
    assert emma["x-enum-descriptions"][-1] == "送信キーがない場合"
    code_set = Draft202012Validator({**emma, "$schema": schema["$schema"]})
    assert (
        code_set.is_valid("E900") and not code_set.is_valid("E999") and not code_set.is_valid(1000)
    )


def _openapi(sample_files: dict[str, str]) -> Any:
    return YAML(typ="safe", pure=True).load(sample_files[OPENAPI])


def test_the_openapi_document_passes_openapi_spec_validator(sample_files: dict[str, str]) -> None:
    validate(_openapi(sample_files))


def test_the_openapi_document_has_an_example_body_per_error_code(
    sample_files: dict[str, str],
) -> None:
    components = _openapi(sample_files)["components"]
    examples = components["examples"]
    assert "ApiResultCode_SUCCESS" not in examples
    assert len(examples) == 5
    assert examples["ApiResultCode_INVALID_APPKEY"]["value"] == {
        "header": {
            "isSuccessful": False,
            "resultCode": -1000,
            "resultMessage": "無効なアプリケーションキー",
        }
    }
    response = components["responses"]["ErrorResponse"]["content"]["application/json"]
    assert response["schema"] == {"$ref": "#/components/schemas/ErrorResponse"}
    assert len(response["examples"]) == 5


def test_each_openapi_example_is_valid_against_the_error_body_schema(
    sample_files: dict[str, str],
) -> None:
    document = _openapi(sample_files)
    schema = {"$ref": "#/components/schemas/ErrorResponse", **document}
    validator = Draft202012Validator(schema)
    for name, example in document["components"]["examples"].items():
        assert validator.is_valid(example["value"]), name
    assert not validator.is_valid({"header": _header(0, True)})


@pytest.mark.slow
def test_mkdocs_builds_the_docs_strictly_with_the_repository_config(
    sample_files: dict[str, str], tmp_path: Path
) -> None:
    yaml = YAML(typ="safe", pure=True)
    config = yaml.load((REPO / "mkdocs.yml").read_text(encoding="utf-8"))
    for relative, text in sample_files.items():
        if relative.startswith("docs/"):
            (tmp_path / "generated" / relative).parent.mkdir(parents=True, exist_ok=True)
            (tmp_path / "generated" / relative).write_text(text, encoding="utf-8")
    with (tmp_path / "mkdocs.yml").open("w", encoding="utf-8") as file:
        yaml.dump(config, file)
    result = _run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(tmp_path / "site")],
        tmp_path,
    )
    assert result.returncode == 0, result.stderr
    page = (tmp_path / "site" / "en" / "index.html").read_text(encoding="utf-8")
    assert 'id="ApiResultCode--1000"' in page and 'id="EmmaResultCode-E900"' in page
