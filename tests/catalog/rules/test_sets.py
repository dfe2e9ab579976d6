"""validate: the rules a JSON Schema cannot express, each reported once at the offending node.

Each case edits one spot of BASE (line numbers are in its comments) and expects exactly the
listed ``path:line:col: message`` lines.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from codegen.catalog.load import validate_catalog
from tests.support.paths import TESTS

BASE = """\
# yaml-language-server: $schema=../codegen/schemas/catalog.schema.json
format: 1
source_language: ja
languages: [ja, en]
title: {ja: エラーコード, en: Error Codes}
curated:
  module: sms_codes
  response: {code_set: ApiResultCode, success_flag: is_success}
code_sets:
  - title: {ja: APIレスポンスコード, en: API Response Codes}
    code_type: integer
    attributes:
      - key: service
        kind: group
        header: {ja: service, en: service}
        values:
          - label: {ja: 共通, en: Common}
            curated: {name: COMMON}
          - label: {ja: テンプレート, en: Template}
            curated: {name: TEMPLATE}
      - key: is_success
        kind: flag
        header: {ja: isSuccess, en: isSuccess}
    curated: {name: ApiResultCode}
    codes:
      - code: 0
        service: 共通
        is_success: true
        message: {ja: 成功, en: Successful}
        curated: {name: SUCCESS}
      - code: -1000
        service: 共通
        is_success: false
        message: {ja: 無効なアプリケーションキー, en: Invalid appkey}
        curated: {name: INVALID_APPKEY}
      - code: -2100
        service: テンプレート
        is_success: false
        message: {ja: テンプレートIDが空の場合}
        curated: {name: TEMPLATE_ID_MISSING}
"""
# Lines of BASE: 7 module, 8 response, 13 key service, 17/19 value labels, 18/20 value
# names, 21 key is_success, 24 set name, 26/31/36 codes, 27 service, 28 is_success,
# 29 message, 30/35/40 code names.


def edit(*replacements: tuple[str, str]) -> str:
    text = BASE
    for old, new in replacements:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    return text


def unknown_key(position: str, key: str, code: str) -> str:
    return (
        f"{position}: unknown key '{key}' on code {code}: declare it under attributes or remove it"
    )


def problems(tmp_path: Path, text: str) -> list[str]:
    catalog = tmp_path / "codes.yaml"
    catalog.write_text(text, encoding="utf-8")
    return [str(error) for error in validate_catalog(catalog, display_path="spec/codes.yaml")]


def test_the_base_catalog_is_valid(tmp_path: Path) -> None:
    assert problems(tmp_path, BASE) == []


CASES = {
    "duplicate_code": (
        [("- code: -1000", "- code: 0")],
        [
            (
                "31:15: duplicate code 0 (first defined at line 26):"
                " keep one of them, or correct the code"
            )
        ],
    ),
    "placeholder_code_name": (
        [("{name: INVALID_APPKEY}", "{name: TODO_CODE_M1000}")],
        [
            (
                "35:25: code -1000 still has the placeholder name TODO_CODE_M1000:"
                " give it an UPPER_SNAKE name under curated.name"
            )
        ],
    ),
    "placeholder_set_name": (
        [
            ("{name: ApiResultCode}", "{name: TODO_SET_1}"),
            ("response: {code_set: ApiResultCode, ", "response: {code_set: TODO_SET_1, "),
        ],
        [
            (
                "24:21: code set TODO_SET_1 still has the placeholder name TODO_SET_1:"
                " give it a PascalCase name under curated.name"
            )
        ],
    ),
    "placeholder_group_value_name": (
        [("{name: TEMPLATE}", "{name: TODO_SERVICE_2}")],
        [
            (
                "20:29: value 'テンプレート' of attribute 'service' still has the placeholder name"
                " TODO_SERVICE_2: give it an UPPER_SNAKE name under curated.name"
            )
        ],
    ),
    "placeholder_module": (
        [("module: sms_codes", "module: TODO_module")],
        [
            (
                "7:11: the module still has the placeholder name TODO_module:"
                " give it a snake_case name under curated.module"
            )
        ],
    ),
    "code_name_not_upper_snake": (
        [("{name: SUCCESS}", "{name: Success}")],
        [
            (
                "30:25: code 0 has the name 'Success', which is not UPPER_SNAKE:"
                " use capitals, digits and _, starting with a capital, like INVALID_APPKEY"
            )
        ],
    ),
    "set_name_not_pascal_case": (
        [
            ("{name: ApiResultCode}", "{name: api_result}"),
            ("{code_set: ApiResultCode,", "{code_set: api_result,"),
        ],
        [
            (
                "24:21: code set api_result has the name 'api_result', which is not PascalCase:"
                " use letters and digits, starting with a capital, like ApiResultCode"
            )
        ],
    ),
    "set_name_python_keyword": (
        [
            ("{name: ApiResultCode}", "{name: None}"),
            ("{code_set: ApiResultCode,", "{code_set: None,"),
        ],
        [
            (
                "24:21: code set None has the name 'None', which is a Python keyword:"
                " choose another name"
            )
        ],
    ),
    "module_python_keyword": (
        [("module: sms_codes", "module: import")],
        ["7:11: the module has the name 'import', which is a Python keyword: choose another name"],
    ),
    "duplicate_code_name": (
        [("{name: TEMPLATE_ID_MISSING}", "{name: SUCCESS}")],
        [
            (
                "40:25: duplicate code name SUCCESS (first defined at line 30):"
                " give each code its own name"
            )
        ],
    ),
    "duplicate_group_value_name": (
        [("{name: TEMPLATE}", "{name: COMMON}")],
        [
            (
                "20:29: duplicate value name COMMON in attribute 'service'"
                " (first defined at line 18):"
                " give each value its own name"
            )
        ],
    ),
    "duplicate_group_value_label": (
        [
            ("{ja: テンプレート, en: Template}", "{ja: 共通, en: Template}"),
            ("service: テンプレート", "service: 共通"),
        ],
        [
            (
                "19:25: duplicate label '共通' in attribute 'service' (first defined at line 17):"
                " codes name values by label, so give each value its own"
            )
        ],
    ),
    "group_value_without_source_label": (
        [
            ("{ja: テンプレート, en: Template}", "{en: Template}"),
            ("service: テンプレート", "service: null"),
        ],
        [
            (
                "19:20: value values[1] of attribute 'service' has no label in the source language"
                " 'ja': add one"
            )
        ],
    ),
    "attribute_key_reserved": (
        [
            ("- key: is_success", "- key: message"),
            ("success_flag: is_success}", "success_flag: message}"),
        ],
        [
            (
                "21:14: attribute key 'message' is reserved for the generated code:"
                " rename it (e.g. 'message_value') here and on every code"
            ),
            unknown_key("28:9", "is_success", "0"),
            unknown_key("33:9", "is_success", "-1000"),
            unknown_key("38:9", "is_success", "-2100"),
        ],
    ),
    "attribute_key_not_snake_case": (
        [("- key: service", "- key: Service")],
        [
            (
                "13:14: attribute key 'Service' is not snake_case: use lowercase letters,"
                " digits and _, starting with a letter, like is_success, here and on every code"
            ),
            unknown_key("27:9", "service", "0"),
            unknown_key("32:9", "service", "-1000"),
            unknown_key("37:9", "service", "-2100"),
        ],
    ),
    "attribute_key_python_keyword": (
        [
            ("- key: is_success", "- key: class"),
            ("success_flag: is_success}", "success_flag: class}"),
        ],
        [
            (
                "21:14: attribute key 'class' is a Python keyword:"
                " rename it (e.g. 'class_value') here and on every code"
            ),
            unknown_key("28:9", "is_success", "0"),
            unknown_key("33:9", "is_success", "-1000"),
            unknown_key("38:9", "is_success", "-2100"),
        ],
    ),
    "attribute_key_hides_an_int_method": (
        [
            ("- key: is_success", "- key: real"),
            ("success_flag: is_success}", "success_flag: real}"),
        ],
        [
            (
                "21:14: attribute key 'real' would hide int.real of the generated enum:"
                " rename it (e.g. 'real_value') here and on every code"
            ),
            unknown_key("28:9", "is_success", "0"),
            unknown_key("33:9", "is_success", "-1000"),
            unknown_key("38:9", "is_success", "-2100"),
        ],
    ),
    "duplicate_attribute_key": (
        [
            ("- key: is_success", "- key: service"),
            ("success_flag: is_success}", "success_flag: service}"),
        ],
        [
            (
                "21:14: duplicate attribute key 'service' (first defined at line 13):"
                " give each attribute its own key"
            ),
            unknown_key("28:9", "is_success", "0"),
            unknown_key("33:9", "is_success", "-1000"),
            unknown_key("38:9", "is_success", "-2100"),
        ],
    ),
    "values_on_a_flag_attribute": (
        [
            (
                "        header: {ja: isSuccess, en: isSuccess}\n",
                "        header: {ja: isSuccess, en: isSuccess}\n        values: []\n",
            ),
        ],
        ["24:9: attribute 'is_success' is not a group: remove its values, or set kind: group"],
    ),
    "unknown_language_in_message": (
        [("{ja: 成功, en: Successful}", "{ja: 成功, fr: Succès}")],
        ["29:27: unknown language 'fr' in message: add it to languages or remove it"],
    ),
    "message_without_source_language": (
        [("{ja: 成功, en: Successful}", "{en: Successful}")],
        ["29:18: code 0 has no message in the source language 'ja': add one"],
    ),
    "unknown_language_in_title": (
        [
            (
                "title: {ja: エラーコード, en: Error Codes}",
                "title: {ja: エラーコード, de: Fehlercodes}",
            )
        ],
        ["5:21: unknown language 'de' in title: add it to languages or remove it"],
    ),
    "unknown_language_in_header": (
        [("{ja: service, en: service}", "{ja: service, ko: service}")],
        ["15:31: unknown language 'ko' in header: add it to languages or remove it"],
    ),
    "languages_not_starting_with_the_source": (
        [("languages: [ja, en]", "languages: [en, ja]")],
        ["4:12: the first language must be the source language 'ja', not 'en': put 'ja' first"],
    ),
    "language_listed_twice": (
        [("languages: [ja, en]", "languages: [ja, en, en]")],
        ["4:21: language 'en' is listed twice: list each language once"],
    ),
    "language_tag_invalid": (
        [("languages: [ja, en]", "languages: [ja, en, EN_us]")],
        ["4:21: 'EN_us' is not a language tag: use a BCP-47 tag like ja, en or en-US"],
    ),
    "source_language_tag_invalid": (
        [("source_language: ja", "source_language: Japanese")],
        [
            "3:18: 'Japanese' is not a language tag: use a BCP-47 tag like ja, en or en-US",
        ],
    ),
    "source_language_not_listed": (
        [("source_language: ja", "source_language: ko")],
        ["4:12: the source language 'ko' is missing from languages: list it first"],
    ),
    "group_value_not_a_label": (
        [("service: テンプレート", "service: Template")],
        [
            (
                "37:18: 'Template' is not a value of attribute 'service': write the source-language"
                " label of one of its values (共通, テンプレート), or null"
            )
        ],
    ),
    "group_value_not_a_string": (
        [("service: テンプレート", "service: 1")],
        [
            (
                "37:18: attribute 'service' is a group: write the source-language label of a value,"
                " or null, not 1"
            )
        ],
    ),
    "flag_not_a_boolean": (
        [("is_success: true", "is_success: 'yes'")],
        ["28:21: attribute 'is_success' is a flag: write true, false or null, not 'yes'"],
    ),
    "unknown_key_on_a_code": (
        [("        is_success: true\n", "        is_success: true\n        servce: 共通\n")],
        [unknown_key("29:9", "servce", "0")],
    ),
    "integer_set_with_a_string_code": (
        [("- code: -1000", "- code: '-1000'")],
        [
            (
                "31:15: code '-1000' is a string but code_type is integer:"
                " write it without quotes, or set code_type: string"
            )
        ],
    ),
    "integer_set_with_a_float_code": (
        [("- code: -1000", "- code: -1000.0")],
        ["31:15: code -1000.0 is not an integer: write it as -1000"],
    ),
    "string_set_with_a_number_code": (
        [
            ("code_type: integer", "code_type: string"),
            ("- code: 0", "- code: '0'"),
            ("- code: -2100", "- code: '-2100'"),
        ],
        ["31:15: code -1000 is a number but code_type is string: quote it ('-1000')"],
    ),
    "response_names_a_missing_code_set": (
        [("{code_set: ApiResultCode,", "{code_set: Api,")],
        ["8:24: response code_set 'Api' is not a code set: use one of ApiResultCode"],
    ),
    "response_names_a_missing_flag": (
        [("success_flag: is_success}", "success_flag: service}")],
        [
            (
                "8:53: response success_flag 'service' is not a flag attribute of ApiResultCode:"
                " use one of is_success"
            )
        ],
    ),
}


@pytest.mark.parametrize("case", list(CASES))
def test_each_broken_rule_gives_exactly_its_lines(tmp_path: Path, case: str) -> None:
    replacements, expected = CASES[case]
    assert problems(tmp_path, edit(*replacements)) == [
        "spec/codes.yaml:" + line for line in expected
    ]


FULL = (TESTS / "fixtures" / "catalogs" / "full.yaml").read_text("utf-8")
# Lines of FULL: 13 response code_set, 14 success_flag, 15 fields, 35 first set name,
# 61 code_type string, 72 key detail, 76 second set name, 78/83 codes, 80 detail.

FULL_CASES = {
    "text_attribute_not_a_mapping": (
        [("detail: {ja: 送信済み, en: Sent}", "detail: Sent")],
        [
            (
                "80:17: attribute 'detail' is text: write a mapping of language to text, or null,"
                " not 'Sent'"
            )
        ],
    ),
    "unknown_language_in_a_text_attribute": (
        [("detail: {ja: 送信済み, en: Sent}", "detail: {ja: 送信済み, fr: Envoyé}")],
        ["80:28: unknown language 'fr' in detail: add it to languages or remove it"],
    ),
    "text_attribute_text_not_a_string": (
        [("detail: {ja: 送信済み, en: Sent}", "detail: {ja: 1}")],
        ["80:22: the 'ja' text of attribute 'detail' must be a string, not 1"],
    ),
    "attribute_key_hides_a_str_method_in_a_string_set": (
        [
            ("- key: detail", "- key: title"),
            ("detail: {ja: 送信済み, en: Sent}", "title: {ja: 送信済み}"),
            ("detail: null", "title: null"),
        ],
        [
            (
                "72:14: attribute key 'title' would hide str.title of the generated enum:"
                " rename it (e.g. 'title_value') here and on every code"
            )
        ],
    ),
    "duplicate_string_code": (
        [('- code: "E-01"', '- code: "1000"')],
        [
            (
                "83:15: duplicate code 1000 (first defined at line 78):"
                " keep one of them, or correct the code"
            )
        ],
    ),
    "duplicate_code_set_name": (
        [("name: DeliveryResultCode", "name: ApiResultCode")],
        [
            (
                "76:13: duplicate code set name ApiResultCode (first defined at line 35):"
                " give each code set its own name"
            )
        ],
    ),
    "response_fields_not_distinct": (
        [("code: resultCode, message: resultMessage}", "code: resultCode, message: resultCode}")],
        ["15:13: the response fields success, code and message need three different names"],
    ),
    "response_code_set_without_flags": (
        [("code_set: ApiResultCode", "code_set: DeliveryResultCode")],
        [
            (
                "14:19: response success_flag 'is_success' is not a flag attribute of"
                " DeliveryResultCode: DeliveryResultCode has no flag attribute"
            )
        ],
    ),
}


@pytest.mark.parametrize("case", list(FULL_CASES))
def test_each_broken_rule_of_string_sets_and_text_attributes(tmp_path: Path, case: str) -> None:
    text = FULL
    replacements, expected = FULL_CASES[case]
    for old, new in replacements:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    assert problems(tmp_path, text) == ["spec/codes.yaml:" + line for line in expected]
