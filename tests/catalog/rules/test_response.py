"""validate: the rules of ``curated.response``, each reported once, at the key to fix.

Each case replaces the response block of BASE (line 6 onwards) and expects exactly the
listed ``line:col: message`` lines.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from codegen.catalog.load import load_catalog, validate_catalog
from codegen.catalog.model import ResponseEnvelope

BASE = """\
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
      - key: area
        kind: group
        header: {{en: Area}}
        values:
          - label: {{en: Stock}}
            curated: {{name: STOCK}}
    curated: {{name: OrderError}}
    codes:
      - code: "ok"
        ok: true
        area: Stock
        message: {{en: Accepted}}
        curated: {{name: OK}}
      - code: "out_of_stock"
        ok: false
        area: Stock
        message: {{en: Sold out}}
        curated: {{name: OUT_OF_STOCK}}
"""


def _catalog(tmp_path: Path, response: str) -> Path:
    path = tmp_path / "codes.yaml"
    path.write_text(BASE.format(response=response), encoding="utf-8")
    return path


def _problems(tmp_path: Path, response: str) -> list[str]:
    path = _catalog(tmp_path, response)
    return [str(error) for error in validate_catalog(path, display_path="codes.yaml")]


CASES = {
    "header_without_a_success_flag": (
        "  response: {code_set: OrderError}",
        [
            (
                "6:13: the header envelope needs success_flag, the flag attribute that marks the "
                "success code(s): add it, or choose envelope flat, nested or problem"
            )
        ],
    ),
    "unknown_envelope": (
        "  response: {envelope: soap, code_set: OrderError}",
        ["6:24: envelope must be one of header, flat, nested, problem, not 'soap'"],
    ),
    "a_field_the_envelope_has_not": (
        (
            "  response:\n    envelope: flat\n    code_set: OrderError\n"
            "    fields: {code: errorCode, success: ok}"
        ),
        [
            (
                "9:31: fields.success is not a member of the flat envelope: remove it "
                "(the flat envelope has code and message)"
            )
        ],
    ),
    "a_message_field_for_problem_details": (
        "  response:\n    envelope: problem\n    code_set: OrderError\n    fields: {message: text}",
        [
            (
                "9:14: fields.message is not a member of the problem envelope: remove it "
                "(the problem envelope has code; the message is the title, or the detail "
                "without problem_type)"
            )
        ],
    ),
    "fields_not_distinct": (
        (
            "  response:\n    envelope: nested\n    code_set: OrderError\n"
            "    fields: {code: id, message: id}"
        ),
        ["9:13: the response fields code and message need two different names"],
    ),
    "problem_code_field_named_like_a_member": (
        "  response:\n    envelope: problem\n    code_set: OrderError\n    fields: {code: status}",
        [
            (
                "9:20: fields.code 'status' is a member RFC 9457 defines (type, title, status, "
                "detail, instance): choose another name, like code"
            )
        ],
    ),
    "problem_type_without_problem_envelope": (
        (
            "  response:\n    envelope: flat\n    code_set: OrderError\n"
            "    problem_type: https://shop.example/problems/{code}"
        ),
        ["9:19: problem_type is only for envelope problem: remove it, or set envelope: problem"],
    ),
    "problem_type_without_the_code": (
        (
            "  response:\n    envelope: problem\n    code_set: OrderError\n"
            "    problem_type: https://shop.example/problems"
        ),
        [
            (
                "9:19: problem_type must be an absolute URI with {code} (or {anchor}) in it, like "
                "https://example.com/problems/{code}: each code is a problem type of its own "
                "(RFC 9457, section 3.1.1)"
            )
        ],
    ),
    "problem_type_not_absolute": (
        (
            "  response:\n    envelope: problem\n    code_set: OrderError\n"
            "    problem_type: /problems/{code}"
        ),
        [
            (
                "9:19: problem_type must be an absolute URI with {code} (or {anchor}) in it, like "
                "https://example.com/problems/{code}: each code is a problem type of its own "
                "(RFC 9457, section 3.1.1)"
            )
        ],
    ),
    "success_flag_not_a_flag": (
        "  response: {envelope: flat, code_set: OrderError, success_flag: area}",
        ["6:66: response success_flag 'area' is not a flag attribute of OrderError: use one of ok"],
    ),
}


@pytest.mark.parametrize("case", list(CASES))
def test_each_broken_response_rule_gives_exactly_its_line(case: str, tmp_path: Path) -> None:
    response, expected = CASES[case]
    assert _problems(tmp_path, response) == ["codes.yaml:" + line for line in expected]


@pytest.mark.parametrize(
    ("response", "expected"),
    [
        (
            "  response: {envelope: flat, code_set: OrderError}",
            ResponseEnvelope("OrderError", "", "", "code", "message", "flat"),
        ),
        (
            "  response: {envelope: nested, code_set: OrderError, success_flag: ok}",
            ResponseEnvelope("OrderError", "ok", "", "code", "message", "nested", "error"),
        ),
        (
            (
                "  response:\n    envelope: problem\n    code_set: OrderError\n"
                "    problem_type: tag:shop.example,2025:{code}\n    fields: {code: reason}"
            ),
            ResponseEnvelope(
                "OrderError", "", "", "reason", "", "problem", "", "tag:shop.example,2025:{code}"
            ),
        ),
        (
            "  response: {code_set: OrderError, success_flag: ok, fields: {code: c}}",
            ResponseEnvelope("OrderError", "ok", "isSuccessful", "c", "resultMessage", "header"),
        ),
    ],
)
def test_each_envelope_s_field_names_default_to_its_own(
    response: str, expected: ResponseEnvelope, tmp_path: Path
) -> None:
    assert load_catalog(_catalog(tmp_path, response)).response == expected
