"""The generated TypeScript as its consumers see it: ``tsc --strict`` type-checks it and a
program that uses it, and node runs the compiled JavaScript.

tsc is the npm package typescript, pinned in package-lock.json and installed into
./node_modules by ``make node_modules`` (``npm ci``). The tests skip only where npm itself
is missing; with npm there and tsc not installed they fail, saying how to install it.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from codegen import children
from codegen.catalog.model import Catalog
from codegen.errors import SpecError
from tests.render.test_hostile_texts import HOSTILE
from tests.support.catalogs import catalog, code, code_set
from tests.support.paths import REPO
from tests.templates.test_typescript import (
    TS_HOSTILE,
    TS_WEIRD_CODES,
    render_ts,
    ts_hostile_catalog,
)

TSC = REPO / "node_modules" / ".bin" / "tsc"
TSC_OPTIONS = ["--strict", "--target", "es2020", "--module", "esnext"]
DOCS = "https://example.org/errors"

# Assignments that must type-check, and ones that must not (@ts-expect-error fails the
# compile when the next line has no error).
USE_THE_SAMPLE = """
import {
  ApiResultCode, ApiResultCodeInfo, ApiResultCodeService, ApiResultCodeServiceInfo,
  EmmaResultCode, EmmaResultCodeInfo, EmmaResultCodeClassification,
  lookupApiResultCode, lookupEmmaResultCode,
} from "./sample_codes.js";

const unknown: ApiResultCodeInfo | undefined = lookupApiResultCode(-99999);
const fromWire: ApiResultCode | undefined = lookupApiResultCode(JSON.parse("-1000"))?.code;
const e900: EmmaResultCodeInfo | undefined = lookupEmmaResultCode("E900");
const appkey: ApiResultCode = ApiResultCode.INVALID_APPKEY;
const minus1000: -1000 = ApiResultCode.INVALID_APPKEY;
const info: ApiResultCodeInfo = ApiResultCodeInfo[appkey];
const message: string = info.message;
const english: string | undefined = info.messages.en;
const japanese: string = info.messages.ja;
const service: ApiResultCodeService = info.service;
const common: string = ApiResultCodeServiceInfo[ApiResultCodeService.COMMON].label;
const success: boolean = ApiResultCodeInfo[ApiResultCode.SUCCESS].isSuccess;
const retryable: boolean | null = info.retryable;
const url: string = info.docsUrl;
const classification: EmmaResultCodeClassification | null =
  EmmaResultCodeInfo[EmmaResultCode.SERVER_BUSY].classification;
const name: keyof typeof EmmaResultCode = EmmaResultCodeInfo[EmmaResultCode.E900].name;

// @ts-expect-error a number that is no code of the set
const notACode: ApiResultCode = 5;
// @ts-expect-error a string code is not an integer code
const wrongType: ApiResultCode = "0";
// @ts-expect-error classification is null for some codes
const notNull: EmmaResultCodeClassification = EmmaResultCodeInfo["1001"].classification;
// @ts-expect-error the info is read-only
ApiResultCodeInfo[0].message = "changed";
// @ts-expect-error retryable may be null
const sure: boolean = info.retryable;
// @ts-expect-error a lookup may find nothing
const found: ApiResultCodeInfo = lookupApiResultCode(0);

export const used = [
  unknown, fromWire, e900, minus1000, message, english, japanese, service, common, success,
  retryable, url, classification, name, notACode, wrongType, notNull, sure, found,
];
"""

RUN_THE_SAMPLE = """
import * as m from "./sample_codes.js";
const throwing = new Proxy({}, { get() { throw new Error("touched"); } });
console.log(JSON.stringify({
  unknown: m.lookupApiResultCode(-99999) === undefined,
  known: m.lookupApiResultCode(-1000) === m.ApiResultCodeInfo[m.ApiResultCode.INVALID_APPKEY],
  negativeZero: m.lookupApiResultCode(-0) === m.ApiResultCodeInfo[m.ApiResultCode.SUCCESS],
  others: [null, undefined, true, "0", "-1000", 0.5, NaN, 0n, [], {}, throwing, Symbol("x")]
    .map((value) => m.lookupApiResultCode(value) === undefined),
  stringSet: [m.lookupEmmaResultCode("E900")?.code, m.lookupEmmaResultCode(1000) ?? null],
  message: m.ApiResultCodeInfo[-1000].message,
  messages: m.EmmaResultCodeInfo["3006"].messages,
  classification: m.EmmaResultCodeInfo["1001"].classification,
  docsUrl: m.ApiResultCodeInfo[-1000].docsUrl,
}));
"""

RUN_THE_HOSTILE = """
import * as m from "./sample_codes.js";
console.log(JSON.stringify({
  messages: Object.values(m.ApiInfo)
    .sort((a, b) => b.code - a.code)
    .map((info) => [info.message, info.messages, info.remedy]),
  labels: Object.values(m.ApiServiceInfo).map((info) => info.label),
  weird: WEIRD_CODES.map((c: string) => m.lookupWeird(c)?.code),
  unknownWeird: ["toString", "hasOwnProperty"].map((c) => m.lookupWeird(c) ?? null),
}));
"""


@pytest.fixture(scope="module")
def tsc() -> Path:
    if shutil.which("npm") is None:
        pytest.skip("npm is not installed on this machine, so neither is tsc")
    assert TSC.is_file(), f"{TSC} is missing: run `make node_modules` (npm ci) first"
    return TSC


def _run(command: list[str], cwd: Path) -> str:
    result = subprocess.run(
        command, cwd=cwd, capture_output=True, text=True, check=False, **children.options()
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


def compile_and_run(tsc: Path, module: str, program: str, folder: Path) -> Any:
    """Type-check ``module`` (as sample_codes.ts) with ``program`` (main.ts), compile both
    to JavaScript, run main.js with node and return what it printed, read as JSON."""
    folder.mkdir()
    (folder / "sample_codes.ts").write_text(module, encoding="utf-8")
    (folder / "main.ts").write_text(program, encoding="utf-8")
    _run([str(tsc), *TSC_OPTIONS, "--outDir", "js", "sample_codes.ts", "main.ts"], folder)
    (folder / "js" / "package.json").write_text('{"type": "module"}', encoding="utf-8")
    node = shutil.which("node")
    assert node is not None, "npm is installed but node is not on PATH"
    return json.loads(_run([node, "js/main.js"], folder))


def test_the_sample_module_and_a_program_using_it_pass_tsc_strict(
    tsc: Path, sample: Catalog, tmp_path: Path
) -> None:
    (tmp_path / "sample_codes.ts").write_text(render_ts(sample, docs_base_url=DOCS), "utf-8")
    (tmp_path / "use.ts").write_text(USE_THE_SAMPLE, encoding="utf-8")
    _run([str(tsc), *TSC_OPTIONS, "--noEmit", "sample_codes.ts", "use.ts"], tmp_path)


def test_tsc_rejects_a_program_that_misuses_the_types(
    tsc: Path, sample: Catalog, tmp_path: Path
) -> None:
    """The check above can fail: an assignment the types forbid is an error."""
    (tmp_path / "sample_codes.ts").write_text(render_ts(sample), "utf-8")
    (tmp_path / "use.ts").write_text(
        'import { ApiResultCode } from "./sample_codes.js";\n'
        "export const code: ApiResultCode = 5;\n",
        encoding="utf-8",
    )
    command = [str(tsc), *TSC_OPTIONS, "--noEmit", "sample_codes.ts", "use.ts"]
    result = subprocess.run(command, cwd=tmp_path, capture_output=True, text=True, check=False)
    assert result.returncode != 0 and "use.ts" in result.stdout


def test_lookup_returns_undefined_for_unknown_codes_and_other_types_and_never_throws(
    tsc: Path, sample: Catalog, tmp_path: Path
) -> None:
    module = render_ts(sample, docs_base_url=DOCS)
    seen = compile_and_run(tsc, module, RUN_THE_SAMPLE, tmp_path / "run")
    assert seen["unknown"] and seen["known"] and seen["negativeZero"]
    assert seen["others"] == [True] * 12
    assert seen["stringSet"] == ["E900", None]
    assert seen["message"] == "無効なアプリケーションキー"
    assert seen["messages"] == {"ja": "着信拒否"}
    assert seen["classification"] is None
    assert seen["docsUrl"] == f"{DOCS}/ja/#ApiResultCode--1000"


def test_hostile_texts_compile_and_come_back_exactly_at_run_time(tsc: Path, tmp_path: Path) -> None:
    program = f"const WEIRD_CODES: string[] = {json.dumps(TS_WEIRD_CODES)};\n" + RUN_THE_HOSTILE
    seen = compile_and_run(tsc, render_ts(ts_hostile_catalog()), program, tmp_path / "run")
    texts = HOSTILE + TS_HOSTILE
    assert seen["messages"] == [[t, {"ja": t, "en": t[::-1]}, t] for t in texts]
    assert seen["labels"] == TS_HOSTILE[:4]
    assert seen["weird"] == TS_WEIRD_CODES
    assert seen["unknownWeird"] == [None, None]


def test_set_names_that_shadow_javascript_globals_still_compile(tsc: Path, tmp_path: Path) -> None:
    """The module refers to no global, so a code set may be named Object, Set or Record."""
    source = catalog(
        code_set("Object", [code(1, "ONE", "一")]),
        code_set("Set", [code("A", "A", "あ")]),
        code_set("Record", [code(-1, "MINUS_ONE", "負")]),
    )
    program = (
        'import { Object, lookupObject, lookupSet, RecordInfo } from "./sample_codes.js";\n'
        'console.log(JSON.stringify([lookupObject(1)?.code, Object.ONE, lookupSet("A")?.code,'
        " lookupSet(1) ?? null, RecordInfo[-1].message]));\n"
    )
    seen = compile_and_run(tsc, render_ts(source), program, tmp_path / "run")
    assert seen == [1, 1, "A", None, "負"]


USE_THE_SMS_MODULE = """
import { ApiResultCode, ApiResultCodeInfo, EmmaResultCodeInfo, lookupApiResultCode,
  lookupEmmaResultCode } from "./nhn_sms_codes.js";
const unknown: ApiResultCodeInfo | undefined = lookupApiResultCode(-99999);
const known = lookupApiResultCode(-1000)?.code;
console.log(JSON.stringify([unknown === undefined, known === ApiResultCode.INVALID_APPKEY,
  ApiResultCodeInfo[-9996].message, lookupEmmaResultCode("E999")?.code === "E999",
  EmmaResultCodeInfo["1001"].classification]));
"""


def test_the_committed_sms_module_passes_tsc_strict_and_runs(tsc: Path, tmp_path: Path) -> None:
    module = (REPO / "generated" / "typescript" / "nhn_sms_codes.ts").read_text(encoding="utf-8")
    (tmp_path / "nhn_sms_codes.ts").write_text(module, encoding="utf-8")
    (tmp_path / "use.ts").write_text(USE_THE_SMS_MODULE, encoding="utf-8")
    (tmp_path / "package.json").write_text('{"type": "module"}', encoding="utf-8")
    _run([str(tsc), *TSC_OPTIONS, "--outDir", "out", "nhn_sms_codes.ts", "use.ts"], tmp_path)
    printed = json.loads(_run(["node", "out/use.js"], tmp_path))
    assert printed == [True, True, "無効なcontectType. Only application/JSON", True, None]


def _shared_codes() -> Catalog:
    """Two integer sets sharing the codes 0 and 7, and a string set with "0" and ""."""
    return catalog(
        code_set(
            "Common", [code(0, "OK", "成功"), code(7, "BUSY", "混雑"), code(-1, "NG", "失敗")]
        ),
        code_set("Payment", [code(0, "PAID", "支払済"), code(7, "HELD", "保留")]),
        code_set("Delivery", [code("0", "SENT", "送信"), code("", "BLANK", "空")]),
    )


USE_THE_LOOKUPS = """
import { AnyCodeInfo, Common, CommonInfo, Payment, lookup, lookupCommon, lookupDelivery }
  from "./sample_codes.js";

const found: readonly [AnyCodeInfo, ...AnyCodeInfo[]] | undefined = lookup(JSON.parse("7"));
const first: AnyCodeInfo | undefined = found?.[0];
const payment: Payment | undefined = found?.find((info) => info.codeSet === "Payment")?.code;
const ok: CommonInfo | undefined = lookupCommon(0);
// @ts-expect-error a lookup may find nothing
const sure: readonly AnyCodeInfo[] = lookup(0);
// @ts-expect-error a Common code is no Payment code
const wrong: Payment = Common.NG;

console.log(JSON.stringify({
  truthy: [lookupCommon(0) ? "found" : "not", lookupDelivery("") ? "found" : "not"],
  fallback: (lookupCommon(-5) ?? lookupCommon(0))?.name,
  zero: lookup(0)?.map((info) => [info.codeSet, info.name]),
  seven: [payment, first?.codeSet],
  strings: [lookup("0")?.map((info) => info.name), lookup("")?.map((info) => info.name)],
  unknown: [5, "7", true, null, undefined, 0n, {}, "toString"].map((v) => lookup(v) ?? null),
  used: [ok, sure, wrong].length,
}));
"""


def test_lookups_return_records_that_are_true_also_for_the_code_0_and_the_empty_code(
    tsc: Path, tmp_path: Path
) -> None:
    """Every lookup returns an object, never the code itself (0 and "" are false in
    JavaScript); the module-level lookup returns every set's record for a shared code."""
    seen = compile_and_run(tsc, render_ts(_shared_codes()), USE_THE_LOOKUPS, tmp_path / "run")
    assert seen["truthy"] == ["found", "found"]
    assert seen["fallback"] == "OK"
    assert seen["zero"] == [["Common", "OK"], ["Payment", "PAID"]]
    assert seen["seven"] == [7, "Common"]
    assert seen["strings"] == [["SENT"], ["BLANK"]]
    assert seen["unknown"] == [None] * 8


def _big(*values: int) -> Catalog:
    return catalog(code_set("Big", [code(v, f"CODE_{i}", "x") for i, v in enumerate(values)]))


def test_integer_codes_a_javascript_number_holds_exactly_compile_and_are_found(
    tsc: Path, tmp_path: Path
) -> None:
    """±(2^53 − 1) are the largest; one beyond is refused, as 2^53 + 1 would read as 2^53."""
    largest = 2**53 - 1
    program = (
        'import { Big, lookupBig } from "./sample_codes.js";\n'
        "console.log(JSON.stringify([Big.CODE_0 === Number.MAX_SAFE_INTEGER,\n"
        "  Big.CODE_1 === Number.MIN_SAFE_INTEGER,\n"
        f'  lookupBig(JSON.parse("{largest}"))?.name, lookupBig(-{largest})?.name,\n'
        f'  lookupBig(JSON.parse("{largest + 2}")) ?? null]));\n'
    )
    seen = compile_and_run(tsc, render_ts(_big(largest, -largest)), program, tmp_path / "run")
    assert seen == [True, True, "CODE_0", "CODE_1", None]
    with pytest.raises(SpecError, match=r"code 9007199254740992 of Big is outside ±\(2\^53 − 1\)"):
        render_ts(_big(largest, largest + 1))
