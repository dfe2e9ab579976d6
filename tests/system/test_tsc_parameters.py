"""Formatting a message with parameters in the generated TypeScript (issue #20), as tsc
--strict and node see it: ``format<Set>Message`` typed by ``<Set>Parameters``, so a missing,
misspelled or wrongly typed parameter is a compile error; at run time the message in each
language, with the source text as fallback."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from codegen.catalog.load import load_catalog
from tests.support.paths import TESTS
from tests.system.test_tsc import TSC_OPTIONS, compile_and_run, tsc  # noqa: F401 (fixture)
from tests.templates.test_typescript import render_ts

PARAMETERS = TESTS / "fixtures" / "catalogs" / "parameters.yaml"

RUN = """
import { ApiError, LimitError, formatApiErrorMessage, formatLimitErrorMessage }
  from "./sample_codes.js";

const lookedUp = JSON.parse("4001") as ApiError;
const failures: string[] = [];
for (const bad of [{}, { quota: "5" }, { quota: 1.5 }, { quota: 1, quoat: 1 }]) {
  try {
    formatApiErrorMessage(lookedUp, bad as never);
  } catch (error) {
    failures.push(error instanceof TypeError ? error.message : "other");
  }
}
console.log(JSON.stringify({
  en: formatApiErrorMessage(ApiError.QUOTA_EXCEEDED, { quota: 500 }),
  ja: formatApiErrorMessage(ApiError.QUOTA_EXCEEDED, { quota: 500 }, "ja"),
  de: formatApiErrorMessage(ApiError.FIELD_TOO_LONG, { field: "name", max: 5 }, "de"),
  fallback: formatApiErrorMessage(ApiError.QUOTA_EXCEEDED, { quota: 1 }, "fr"),
  lacking: formatApiErrorMessage(ApiError.NEW_MESSAGES, { user: "Aki", count: 2 }, "ja"),
  printf: formatApiErrorMessage(ApiError.INVALID_PARAMETER, { parameter: "{0}%s", count: 0 }),
  rate: formatLimitErrorMessage(LimitError.RATE_EXCEEDED, { rate: 2.5, retry_after: 30 }, "de"),
  plain: [formatApiErrorMessage(ApiError.SUCCESS), formatLimitErrorMessage(LimitError.TRY_LATER, {}, "ja")],
  verbatim: formatApiErrorMessage(ApiError.DONE, undefined, "ja"),
  prototype: [
    formatApiErrorMessage(ApiError.SUCCESS, undefined, "constructor"),
    formatApiErrorMessage(ApiError.QUOTA_EXCEEDED, { quota: 2 }, "__proto__"),
    formatApiErrorMessage(ApiError.SUCCESS, undefined, "toString"),
  ],
  failures,
}));
"""

# Each bad call, and the tsc error it gives.
BAD = {
    "missing": (
        "formatApiErrorMessage(ApiError.QUOTA_EXCEEDED, {});",
        "TS2741",
        "Property 'quota' is missing",
    ),
    "misspelled": (
        "formatApiErrorMessage(ApiError.QUOTA_EXCEEDED, { quoat: 500 });",
        "TS2561",
        "'quoat' does not exist in type '{ readonly quota: number; }'",
    ),
    "wrong_type": (
        'formatApiErrorMessage(ApiError.QUOTA_EXCEEDED, { quota: "500" });',
        "TS2322",
        "Type 'string' is not assignable to type 'number'",
    ),
    "no_arguments": ("formatApiErrorMessage(ApiError.QUOTA_EXCEEDED);", "TS2554", "Expected"),
    "plain_with_one": ("formatApiErrorMessage(ApiError.SUCCESS, { quota: 1 });", "TS2322", ""),
}


@pytest.fixture(scope="module")
def module() -> str:
    return render_ts(load_catalog(PARAMETERS))


def test_formatting_passes_tsc_strict_and_gives_each_language_with_fallback(
    tsc: Path,  # noqa: F811
    module: str,
    tmp_path: Path,
) -> None:
    seen = compile_and_run(tsc, module, RUN, tmp_path / "run")
    assert seen["en"] == "The storage quota of 500 MB is used up"
    assert seen["ja"] == "容量500MBを使い切りました"
    assert seen["de"] == "name ist zu lang"
    assert seen["fallback"] == "The storage quota of 1 MB is used up"
    assert seen["lacking"] == "こんにちは Aki"
    assert seen["printf"] == "Invalid parameter: {0}%s (0 given)"
    assert seen["rate"] == "Rate 2.5/s überschritten; in 30 s erneut versuchen"
    assert seen["plain"] == ["Success", "後でもう一度お試しください"]
    assert seen["verbatim"] == "100%%完了"
    assert seen["prototype"] == [  # a language named like Object's own members: the source
        "Success",
        "The storage quota of 2 MB is used up",
        "Success",
    ]
    assert seen["failures"] == [
        "ApiError.QUOTA_EXCEEDED needs the parameter quota",
        "ApiError.QUOTA_EXCEEDED: the parameter quota must be an integer, not string",
        "ApiError.QUOTA_EXCEEDED: the parameter quota must be an integer, not number",
        "ApiError.QUOTA_EXCEEDED takes no parameter quoat",
    ]


@pytest.mark.parametrize("name", list(BAD))
def test_tsc_strict_rejects_a_bad_call_saying_why(
    tsc: Path,  # noqa: F811
    module: str,
    tmp_path: Path,
    name: str,
) -> None:
    call, code, reason = BAD[name]
    (tmp_path / "sample_codes.ts").write_text(module, encoding="utf-8")
    program = f'import {{ ApiError, formatApiErrorMessage }} from "./sample_codes.js";\n{call}\n'
    (tmp_path / "use.ts").write_text(program, encoding="utf-8")
    command = [str(tsc), *TSC_OPTIONS, "--noEmit", "sample_codes.ts", "use.ts"]
    done = subprocess.run(command, cwd=tmp_path, capture_output=True, text=True, check=False)
    errors = [line for line in done.stdout.splitlines() if line.startswith("use.ts(2,")]
    assert done.returncode != 0 and errors, done.stdout
    assert f"error {code}:" in errors[0] and reason in done.stdout, done.stdout
    assert "sample_codes.ts" not in done.stdout
