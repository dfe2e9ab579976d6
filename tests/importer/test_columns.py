"""Column roles, names and keys: each decision of the importer on tables written here."""

from __future__ import annotations

import pytest

from codegen.importer.columns.cells import (
    code_evidence,
    flag_value,
    index_like,
    is_flag_like,
    is_group_like,
    is_name_like,
    range_of,
    split_code_and_text,
)
from codegen.importer.columns.headers import attribute_key, header_dictionary, hint, snake_case
from codegen.importer.columns.roles import Roles, decide
from codegen.importer.columns.words import Role
from codegen.importer.merge.names import code_name, set_name, upper_snake, value_name

WORDS = header_dictionary([])


def _decide(headers: list[str], *rows: str) -> Roles:
    roles = decide(headers, [tuple(c.strip() for c in row.split("|")) for row in rows], WORDS)
    assert isinstance(roles, Roles), roles
    return roles


def _kinds(roles: Roles) -> list[str]:
    return [f"{c.kind}:{c.key}" if c.key else c.kind for c in roles.columns]


# --- one question about a column -------------------------------------------------------


@pytest.mark.parametrize(
    ("cells", "codes", "digits", "distinct"),
    [
        (["0", "-1000", "17"], 3, 3, True),
        (["0x8004A001", "E915", "bad_recipient"], 3, 2, True),
        (["0001", "1", "1"], 3, 3, False),
        (["2024-03-12", "2023-11-02"], 0, 0, True),  # dates are not codes
        (["Invalid app key", "E1"], 1, 1, True),
    ],
)
def test_code_evidence_counts_codes_digits_and_repeats(
    cells: list[str], codes: int, digits: int, distinct: bool
) -> None:
    evidence = code_evidence(cells)
    assert (evidence.codes, evidence.with_digit, evidence.distinct) == (codes, digits, distinct)


def test_a_range_is_neither_a_code_nor_a_stranger_in_the_code_column() -> None:
    assert range_of("700 ~ 799") == ("700", "799")
    assert range_of("700..799") == ("700", "799")
    assert range_of("E-100") is None and range_of("700") is None
    assert code_evidence(["600", "700 ~ 799"]).code_like


@pytest.mark.parametrize(
    ("cell", "value"),
    [("Yes", True), ("no", False), ("Sí", True), ("O", True), ("X", False), ("○", True),
     ("×", False), ("✓", True), ("Ja", True), ("Nein", False), ("true", True), ("maybe", None)],
)  # fmt: skip
def test_flag_values_in_common_forms(cell: str, value: bool | None) -> None:
    assert flag_value(cell) is value


def test_a_flag_column_needs_both_answers_unless_its_words_are_unambiguous() -> None:
    assert is_flag_like(["O", "X", "O"])
    assert not is_flag_like(["X", "X"])  # "X" alone might be a label
    assert is_flag_like(["Yes", "Yes"])  # but "Yes" is a yes
    assert is_flag_like(["X", "X"], hinted=True)
    assert is_flag_like(["true", "", "-", "false"])
    assert not is_flag_like(["yes", "sometimes"])


def test_groups_are_short_labels_and_text_is_free_text() -> None:
    assert is_group_like(["400", "429", "500"])  # single words, even all distinct
    assert is_group_like(["IB G/W", "IB G/W", "Invalid IB", "Invalid IB"])  # repeated
    assert not is_group_like(["Invalid appKey", "Recipient is empty", "Invalid body"])
    assert not is_group_like(["x" * 41])


def test_name_columns_hold_distinct_identifiers() -> None:
    assert is_name_like(["DELIVERED", "QuotaExceeded", "FAILED_EXPIRED"])
    assert not is_name_like(["DELIVERED", "DELIVERED"])
    assert not is_name_like(["Message reached the handset."])


def test_an_index_column_is_running_numbers_under_an_index_header() -> None:
    assert index_like("#", ["1", "2", "3"])
    assert index_like("", ["0", "1", "2"])
    assert not index_like("Code", ["1", "2", "3"])
    assert not index_like("#", ["1", "3", "4"])


def test_a_cell_with_a_code_and_its_message_is_split() -> None:
    assert split_code_and_text("X100 Request body is not valid XML.") == (
        "X100",
        "Request body is not valid XML.",
    )
    assert split_code_and_text("E-12: Timed out") == ("E-12", "Timed out")
    assert split_code_and_text("Request failed") is None


# --- header words ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("header", "kind"),
    [
        ("Status code", "code"),
        ("Fehlercode", "code"),
        ("Código de estado", "code"),
        ("결과 코드(resultCode)", "code"),
        ("Result code message", "message"),  # the word that ends last decides
        ("API response message", "message"),
        ("错误信息", "message"),
        ("Status", "name"),
        ("Retryable?", "flag"),
    ],
)
def test_header_words_hint_at_a_role_in_any_of_their_languages(header: str, kind: str) -> None:
    found = hint(header)
    assert found is not None and found.kind == kind


@pytest.mark.parametrize(
    ("header", "key"),
    [
        ("HTTP status", "http_status"),
        ("성공 여부(isSuccessful)", "is_success"),  # the words know 성공 여부
        ("Zustellstatus (deliveryState)", "delivery_state"),
        ("Reintentar", "retryable"),
        ("재시도 가능", "retryable"),
        ("Código", "codigo"),
        ("3DS result", "column_3ds_result"),
    ],
)
def test_attribute_keys_come_from_the_header(header: str, key: str) -> None:
    assert attribute_key(header) == key


def test_a_header_without_latin_letters_gets_a_stable_hashed_key() -> None:
    key = attribute_key("処理方法の詳細")
    assert key.startswith("column_") and len(key) == len("column_") + 6
    assert attribute_key("処理方法の詳細") == key != attribute_key("処理方法")
    assert snake_case("処理方法") == ""


# --- whole tables ---------------------------------------------------------------------------


def test_the_code_column_is_found_by_its_cells_wherever_it_is() -> None:
    roles = _decide(["Kategorie", "Nummer", "Text"], "A | 17 | Kaputt", "B | 18 | Leer")
    assert _kinds(roles) == ["group:category", "code", "message"]
    assert roles.code == 1 and "2 with a digit" in roles.columns[1].reason


def test_a_header_that_says_code_wins_over_another_column_of_codes() -> None:
    roles = _decide(
        ["Code", "Status", "Description"],
        "3005 | DELIVERED | Message reached the handset.",
        "3006 | DELIVERED_TO_NETWORK | Network accepted it.",
    )
    assert _kinds(roles) == ["code", "name", "message"]


def test_the_first_message_column_is_the_message_and_a_second_one_is_text() -> None:
    roles = _decide(
        ["Result code", "Result message", "Response message"],
        "0 | Success | SUCCESS",
        "-100 | Invalid app key | Invalid appKey",
        "-101 | App key not found | Unknown appKey",
    )
    assert _kinds(roles) == ["code", "message", "text:response_message"]


def test_without_message_words_the_longest_text_column_is_the_message() -> None:
    roles = _decide(
        ["Reason", "Details", "Severity"], "0 | Delivered | info", "7 | Handset busy | warning"
    )
    assert _kinds(roles) == ["code", "message", "group:severity"]


def test_a_repeated_code_in_the_header_column_defers_to_a_distinct_one() -> None:
    roles = _decide(
        ["HTTP 상태 코드", "에러 코드", "메시지"],
        "400 | ALREADY_PROCESSED | 이미 처리된 결제입니다.",
        "400 | INVALID_CARD | 카드 유효기간을 확인해주세요.",
        "401 | UNAUTHORIZED_KEY | 인증되지 않은 키입니다.",
    )
    assert roles.code == 1 and roles.columns[0].kind == "group"


def test_a_parameter_table_is_not_a_code_table() -> None:
    reason = decide(
        ["Name", "Type", "Required", "Description"],
        [("to", "string", "Yes", "Recipient"), ("body", "string", "Yes", "Text")],
        WORDS,
    )
    assert reason == 'no column holds codes (headers "Name", "Type", "Required", "Description")'


def test_a_given_role_wins_over_the_cells() -> None:
    words = header_dictionary(["Name=code", "Type=kind:text"])
    roles = decide(["Name", "Type", "Description"], [("to", "string", "Recipient")], words)
    assert isinstance(roles, Roles)
    assert [c.kind for c in roles.columns] == ["code", "text", "message"]
    assert roles.columns[1].key == "kind" and roles.columns[1].reason == "given"


def test_a_role_the_catalog_recorded_is_given_too_and_the_option_wins() -> None:
    stored = {"fehler": Role("code"), "stufe": Role("text", "level")}
    roles = decide(
        ["Fehler", "Stufe", "Text"], [("x", "hoch", "Kaputt")], header_dictionary([], stored)
    )
    assert isinstance(roles, Roles)
    assert [c.kind for c in roles.columns] == ["code", "text", "message"]
    words = header_dictionary(["Stufe=level:group"], stored)
    assert words.given("Stufe") == Role("group", "level")


# --- names ----------------------------------------------------------------------------------


def test_code_names_prefer_the_document_then_a_word_code_then_english_then_the_code() -> None:
    def named(code: int | str, english: str | None, document: str | None) -> tuple[str, bool]:
        name = code_name(code, english, document, set())
        return name.text, name.derived

    assert named(1, "x", "QuotaExceeded") == ("QUOTA_EXCEEDED", False)
    assert named("bad_recipient", "Bad.", None) == ("BAD_RECIPIENT", False)
    assert named(-100, "Invalid app key", None) == ("INVALID_APP_KEY", True)
    assert named(-100, None, None) == ("CODE_M100", True)
    assert named("0x8004a0ff", None, None) == ("CODE_0X8004A0FF", True)
    assert named("E915", None, None) == ("E915", True)
    assert named("١٢", None, None) == ("CODE_12", True)  # Arabic-Indic digits


def test_a_taken_name_gets_the_code_appended_never_a_bare_counter() -> None:
    assert code_name(-101, "Invalid app key", None, {"INVALID_APP_KEY"}).text == (
        "INVALID_APP_KEY_M101"
    )


def test_names_are_short_ascii_and_start_with_a_letter() -> None:
    assert upper_snake("The recipient is not a valid E.164 number.") == (
        "RECIPIENT_IS_NOT_VALID_E_164"
    )
    assert code_name(3, "3D Secure failed", None, set()).text == "CODE_3D_SECURE_FAILED"
    assert set_name("API result codes", 1, set()).text == "ApiResultCodes"
    assert set_name("Códigos de estado", 1, set()).text == "CodigosDeEstado"
    assert set_name("APIレスポンスコード", 3, set()).text == "CodeSet3"
    assert set_name("None", 1, set()).text == "CodeSet1"  # a Python keyword
    assert value_name("Send/Query", "service", 1, set()).text == "SEND_QUERY"
    assert value_name("共通", "service", 2, set()).text == "SERVICE_2"
    assert value_name("400", "http_status", 1, set()).text == "HTTP_STATUS_400"
