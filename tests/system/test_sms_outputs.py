"""The committed outputs for the SMS catalog, read by their real consumers and checked
against the source documents themselves (not against the catalog they were made from)."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator
from openapi_spec_validator import validate
from ruamel.yaml import YAML

from tests.support.paths import REPO, SHARED
from tests.system.test_consumers import _bare_python

GENERATED = REPO / "generated"
MODULE = GENERATED / "python" / "nhn_sms_codes.py"
DOCS = SHARED / "docs"
JA = DOCS / "sms-error-codes.ja.txt"
EN = DOCS / "sms-error-code.en.md"
ENUMS = ("ApiResultCode", "ReceiveResultCode", "ReceiveResultDetailCode", "EmmaResultCode")

needs_docs = pytest.mark.skipif(not JA.exists(), reason=f"source documents not found in {DOCS}")

DUMP_MEMBERS = f"""
import json, sys
sys.path.insert(0, sys.argv[1])
import nhn_sms_codes as m
out = []
for enum_name in {ENUMS!r}:
    for member in getattr(m, enum_name):
        out.append([enum_name, str(member.value), member.message, dict(member.messages)])
assert m.ApiResultCode.lookup(-99999) is None
assert m.ApiResultCode(-1000) is m.ApiResultCode.INVALID_APPKEY
assert m.EmmaResultCode.lookup("E999") is m.EmmaResultCode.OTHER_EMMA_ERROR
print(json.dumps(out, ensure_ascii=False))
"""


def _members(python: str) -> list[list[Any]]:
    result = subprocess.run(
        [python, "-E", "-s", "-c", DUMP_MEMBERS, str(MODULE.parent)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )
    assert result.returncode == 0, result.stderr
    members: list[list[Any]] = json.loads(result.stdout)
    return members


@pytest.mark.slow
@needs_docs
def test_the_vendored_module_has_every_code_of_the_japanese_page_verbatim(
    tmp_path: Path,
) -> None:
    """Run in a venv with nothing installed (Python 3.9 when the machine has it). Every
    member's code and message must stand on one line of the page: the code as a cell, the
    message as the rest of the line. 148 codes, each line used once."""
    members = _members(str(_bare_python(tmp_path)))
    assert len(members) == 148
    assert [sum(1 for m in members if m[0] == name) for name in ENUMS] == [70, 2, 3, 73]
    lines = JA.read_text(encoding="utf-8").splitlines()
    used: set[int] = set()
    for enum_name, code, message, _ in members:
        found = [
            number
            for number, line in enumerate(lines)
            if line.endswith(" " + message) and code in line[: -len(message)].split(" ")
        ]
        assert len(found) == 1, (enum_name, code, message)
        used.update(found)
    assert len(used) == 148


@pytest.mark.slow
@needs_docs
def test_english_messages_are_the_english_pages_cells(tmp_path: Path) -> None:
    """Each English message is the text of a cell of the English page (padding stripped,
    `<br/>` as a line break), and every code shared by both pages has one."""
    members = _members(sys.executable)
    page = EN.read_text(encoding="utf-8")
    cells = {
        cell.strip().replace("<br/>", "\n")
        for cell in re.split(r"\||</?td[^>]*>", page)
        if cell.strip()
    }
    english = [m[3].get("en") for m in members]
    assert all(english), [m[:2] for m in members if not m[3].get("en")]
    missing = [text for text in english if text not in cells]
    assert not missing


def test_the_committed_module_passes_mypy_strict(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-incremental", str(MODULE)],
        capture_output=True,
        text=True,
        check=False,
        cwd=tmp_path,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def _header(code: int, success: bool) -> dict[str, Any]:
    return {"isSuccessful": success, "resultCode": code, "resultMessage": "x"}


def test_the_json_schema_accepts_and_rejects_sms_response_headers() -> None:
    path = GENERATED / "jsonschema" / "nhn_sms_codes.schema.json"
    document = json.loads(path.read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(document)
    header_defs = [name for name in document["$defs"] if "Header" in name]
    assert header_defs, "no response header schema"
    validator = Draft202012Validator({**document, "$ref": f"#/$defs/{header_defs[0]}"})
    assert validator.is_valid(_header(0, True))
    assert validator.is_valid(_header(-1000, False))
    assert not validator.is_valid(_header(0, False))
    assert not validator.is_valid(_header(-1000, True))
    assert not validator.is_valid(_header(-99999, False))
    assert not validator.is_valid({"isSuccessful": True, "resultCode": 0})


def test_the_openapi_document_validates_and_has_an_example_per_error_code() -> None:
    path = GENERATED / "openapi" / "nhn_sms_codes.openapi.yaml"
    document = YAML(typ="safe", pure=True).load(path.read_text(encoding="utf-8"))
    validate(document)
    examples = document["components"]["examples"]
    assert len(examples) == 69  # the 70 API codes but the success code


@pytest.mark.slow
def test_mkdocs_builds_the_committed_docs_strictly(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(tmp_path / "site")],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    page = (tmp_path / "site" / "ja" / "index.html").read_text(encoding="utf-8")
    assert "無効なcontectType. Only application/JSON" in page
