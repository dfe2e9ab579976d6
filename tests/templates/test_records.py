"""Deprecated codes, removed codes (tombstones) and former names, as each output's real
consumer reads them: the Python module imported and under ``mypy --strict``, the TypeScript
under ``tsc --strict``, the JSON Schema and OpenAPI documents through their validators, the
docs through a strict mkdocs build. The catalog is tests/fixtures/catalogs/records.yaml.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from jsonschema import Draft202012Validator
from openapi_spec_validator import validate
from ruamel.yaml import YAML

from codegen import children
from codegen.catalog.model import Catalog
from codegen.render.engine import render_all
from codegen.render.targets import DEFAULT_TARGETS
from tests.support.catalogs import assert_golden, load_sample
from tests.support.paths import TESTS
from tests.system.test_consumers import (
    test_mkdocs_builds_the_docs_strictly_with_the_repository_config,
)
from tests.system.test_tsc import TSC_OPTIONS, tsc  # noqa: F401  (a fixture)
from tests.templates.test_typescript import render_ts

RECORDS = TESTS / "fixtures" / "catalogs" / "records.yaml"
PYTHON = "python/records_codes.py"


@pytest.fixture(scope="module")
def records() -> Catalog:
    return load_sample(RECORDS, "tests/fixtures/catalogs/records.yaml")


@pytest.fixture(scope="module")
def files(records: Catalog) -> dict[str, str]:
    """Every default output, and the TypeScript module."""
    rendered = render_all(records, DEFAULT_TARGETS)
    return {**rendered, "typescript/records_codes.ts": render_ts(records)}


@pytest.fixture
def module(files: dict[str, str], load_module: Callable[[str], ModuleType]) -> Any:
    return load_module(files[PYTHON])


def test_a_former_member_name_is_an_alias_of_the_member(module: Any) -> None:
    api = module.ApiResultCode
    assert api.BAD_APPKEY is api.INVALID_APPKEY and api.WRONG_APPKEY is api.INVALID_APPKEY
    assert api["BAD_APPKEY"] is api.INVALID_APPKEY and api(-1000).name == "INVALID_APPKEY"
    assert "BAD_APPKEY" not in [member.name for member in api]


def test_a_former_set_name_is_the_set_itself_and_exported(module: Any) -> None:
    assert module.ResultCode is module.ApiResultCode and "ResultCode" in module.__all__


def test_a_deprecated_member_says_since_when_and_what_to_use(module: Any) -> None:
    api, receive = module.ApiResultCode, module.ReceiveResultCode
    assert api.UNAVAILABLE_APPKEY.deprecated == module.Deprecation("2026-12", "INVALID_APPKEY")
    assert receive.MTR2.deprecated == module.Deprecation("v3", None)
    assert api.UNAVAILABLE_APPKEY.removed is None and api.SUCCESS.deprecated is None


def test_a_removed_code_is_still_found_by_lookup_and_marked_removed(module: Any) -> None:
    api = module.ApiResultCode
    assert api.lookup(-9001) is api.OLD_THING and module.lookup(-9001) == (api.OLD_THING,)
    assert api.OLD_THING.removed == module.Removal("2026-12", "no longer returned")
    assert module.lookup("MTR9")[0].removed == module.Removal("v3", "")
    current = [m.name for m in api if m.removed is None]
    assert "OLD_THING" not in current and "UNAVAILABLE_APPKEY" in current


def test_sets_without_records_answer_deprecated_and_removed_with_none(module: Any) -> None:
    assert all(m.deprecated is None and m.removed is None for m in module.EmmaResultCode)


def test_the_sample_without_records_has_no_lifecycle_properties(
    sample: Catalog, sample_files: dict[str, str]
) -> None:
    python = sample_files["python/sample_codes.py"]
    assert "Deprecation" not in python and "def removed" not in python
    assert "deprecated" not in render_ts(sample)


USE_THE_RECORDS_PY = """
from typing import Optional
from records_codes import ApiResultCode, Deprecation, Removal, ResultCode, lookup

alias: ApiResultCode = ApiResultCode.BAD_APPKEY
renamed: ResultCode = ResultCode.SUCCESS
deprecation: Optional[Deprecation] = ApiResultCode.UNAVAILABLE_APPKEY.deprecated
since: str = deprecation.since if deprecation else ""
use: Optional[str] = deprecation.use if deprecation else None
found = lookup(-9001)
removal: Optional[Removal] = found[0].removed if found else None
reason: str = removal.reason if removal else ""
"""


def test_uses_of_the_records_pass_mypy_strict(files: dict[str, str], tmp_path: Path) -> None:
    (tmp_path / "records_codes.py").write_text(files[PYTHON], encoding="utf-8")
    (tmp_path / "use.py").write_text(USE_THE_RECORDS_PY, encoding="utf-8")
    command = [sys.executable, "-m", "mypy", "--strict", "--no-incremental", "."]
    result = subprocess.run(command, cwd=tmp_path, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr


def test_mypy_sees_that_a_deprecation_may_be_none(files: dict[str, str], tmp_path: Path) -> None:
    """The check above can fail: ``deprecated`` is Optional."""
    (tmp_path / "records_codes.py").write_text(files[PYTHON], encoding="utf-8")
    (tmp_path / "use.py").write_text(
        "from records_codes import ApiResultCode\n"
        "since: str = ApiResultCode.SUCCESS.deprecated.since\n",
        encoding="utf-8",
    )
    command = [sys.executable, "-m", "mypy", "--strict", "--no-incremental", "."]
    result = subprocess.run(command, cwd=tmp_path, capture_output=True, text=True, check=False)
    assert result.returncode == 1 and 'Item "None"' in result.stdout


def test_the_python_docstrings_mark_deprecated_removed_and_aliases(files: dict[str, str]) -> None:
    python = files[PYTHON]
    assert "Deprecated since 2026-12: use INVALID_APPKEY instead." in python
    assert "Removed since 2026-12: no longer returned" in python
    assert '    BAD_APPKEY = INVALID_APPKEY\n    "Deprecated: the former name of' in python


USE_THE_RECORDS_TS = """
import { ApiResultCode, ApiResultCodeInfo, ResultCode, lookupApiResultCode,
  ReceiveResultCode, ReceiveResultCodeInfo } from "./records_codes.js";

const alias: -1000 = ApiResultCode.BAD_APPKEY;
const renamed: ResultCode = ResultCode.SUCCESS;
const deprecated = ApiResultCodeInfo[ApiResultCode.UNAVAILABLE_APPKEY].deprecated;
const use: keyof typeof ApiResultCode | null | undefined = deprecated?.use;
const removed: string | undefined = lookupApiResultCode(-9001)?.removed?.reason;
const none = ReceiveResultCodeInfo[ReceiveResultCode.MTR2].deprecated;
console.log(JSON.stringify({ alias, renamed, use, removed, none, sameSet: ResultCode === ApiResultCode }));

export function misuses(): unknown[] {
  // @ts-expect-error removed is null for a code still returned
  const since: string = ApiResultCodeInfo[ApiResultCode.SUCCESS].removed.since;
  // @ts-expect-error use names a member of the set
  const other: typeof deprecated = { since: "x", use: "NO_SUCH" };
  return [since, other];
}
"""


def test_typescript_aliases_and_records_pass_tsc_strict_and_run(
    tsc: Path,  # noqa: F811
    files: dict[str, str],
    tmp_path: Path,
) -> None:
    (tmp_path / "records_codes.ts").write_text(files["typescript/records_codes.ts"], "utf-8")
    (tmp_path / "main.ts").write_text(USE_THE_RECORDS_TS, encoding="utf-8")
    command = [str(tsc), *TSC_OPTIONS, "--outDir", "js", "records_codes.ts", "main.ts"]
    result = subprocess.run(
        command, cwd=tmp_path, capture_output=True, text=True, check=False, **children.options()
    )
    assert result.returncode == 0, result.stdout + result.stderr
    (tmp_path / "js" / "package.json").write_text('{"type": "module"}', encoding="utf-8")
    run = subprocess.run(
        ["node", "js/main.js"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=True,
        **children.options(),
    )
    assert json.loads(run.stdout) == {
        "alias": -1000,
        "renamed": 0,
        "use": "INVALID_APPKEY",
        "removed": "no longer returned",
        "none": {"since": "v3", "use": None},
        "sameSet": True,
    }


def test_typescript_marks_deprecated_removed_and_aliases_with_jsdoc(files: dict[str, str]) -> None:
    ts = files["typescript/records_codes.ts"]
    assert "   * @deprecated Deprecated since 2026-12: use INVALID_APPKEY instead.\n" in ts
    assert "   * @deprecated Removed since 2026-12: no longer returned" in ts
    assert "  /** @deprecated The former name of INVALID_APPKEY: use INVALID_APPKEY. */\n" in ts
    assert "export const ResultCode = ApiResultCode;\n" in ts


def _consts(schema: dict[str, Any]) -> dict[Any, dict[str, Any]]:
    return {entry["const"]: entry for entry in schema["oneOf"]}


def test_json_schema_marks_deprecated_and_removed_codes_and_still_accepts_them(
    files: dict[str, str],
) -> None:
    document = json.loads(files["jsonschema/records_codes.schema.json"])
    Draft202012Validator.check_schema(document)
    consts = _consts(document["$defs"]["ApiResultCode"])
    assert consts[-1001]["deprecated"] is True and "use INVALID_APPKEY" in consts[-1001]["$comment"]
    assert consts[-9001]["deprecated"] is True and "Removed since" in consts[-9001]["$comment"]
    assert "deprecated" not in consts[-1000]
    code = Draft202012Validator({**document, "$ref": "#/$defs/ApiResultCode"})
    assert code.is_valid(-9001) and code.is_valid(-1001) and not code.is_valid(-9002)


def test_openapi_marks_the_codes_and_gives_no_example_of_a_removed_one(
    files: dict[str, str],
) -> None:
    document = YAML(typ="safe", pure=True).load(files["openapi/records_codes.openapi.yaml"])
    validate(document)
    consts = _consts(document["components"]["schemas"]["ApiResultCode"])
    assert consts[-1001]["deprecated"] is True and consts[-9001]["deprecated"] is True
    examples = document["components"]["examples"]
    assert "ApiResultCode_UNAVAILABLE_APPKEY" in examples
    assert "ApiResultCode_OLD_THING" not in examples


def _rows(page: str, heading: str) -> list[list[str]]:
    """The cells of the first table after ``heading`` on a Markdown page, anchors left out."""
    lines = page.split("\n")
    start = lines.index(heading)
    table = [line for line in lines[start:] if line.startswith("| ")]
    rows = []
    for line in lines[lines.index(table[0]) + 2 :]:
        if not line.startswith("| "):
            break
        cells = line.removeprefix("|").removesuffix("|").split("|")
        rows.append([re.sub(r'<a id="[^"]*"></a>', "", cell).strip() for cell in cells])
    return rows


def test_docs_mark_a_deprecated_code_and_list_removed_codes_apart(files: dict[str, str]) -> None:
    page = files["docs/en.md"]
    api = _rows(page, '## <a id="ApiResultCode"></a>API Response Codes')
    assert "-9001" not in [row[0] for row in api]
    deprecated = next(row for row in api if row[0] == "-1001")
    assert deprecated[1] == (
        "Unavailable appkey<br>**Deprecated** since 2026-12: use [-1000](#ApiResultCode--1000) "
        "instead"
    )
    assert _rows(page, "### Removed codes") == [
        ["-9001", "Old error", "2026-12", "no longer returned"]
    ]
    assert _rows(page, "#### Removed codes") == [["MTR9", "Unknown", "v3", ""]]
    assert '<a id="ApiResultCode--9001"></a>' in page
    assert "削除されたコード" in files["docs/ja.md"]


@pytest.mark.slow
def test_mkdocs_builds_the_docs_with_records_strictly(
    files: dict[str, str], tmp_path: Path
) -> None:
    test_mkdocs_builds_the_docs_strictly_with_the_repository_config(files, tmp_path)


GOLDEN = TESTS / "golden" / "records"
GOLDEN_OUTPUTS = [
    PYTHON,
    "typescript/records_codes.ts",
    "jsonschema/records_codes.schema.json",
    "openapi/records_codes.openapi.yaml",
    "docs/en.md",
]


@pytest.mark.parametrize("relative", GOLDEN_OUTPUTS)
def test_the_records_output_is_byte_for_byte_its_golden_file(
    relative: str, files: dict[str, str], update_golden: bool
) -> None:
    """Change them only with ``pytest --update-golden`` and review the diff."""
    assert_golden(GOLDEN / relative, files[relative], update_golden)
