"""The generated Python module, loaded and used as a program that vendors it would."""

from __future__ import annotations

import ast
from collections.abc import Callable
from enum import Enum, IntEnum
from types import MappingProxyType, ModuleType

import pytest

from codegen.render.engine import render_all
from codegen.render.targets import DEFAULT_TARGETS
from tests.support.catalogs import catalog, code, code_set, group, text

PYTHON = "python/sample_codes.py"


@pytest.fixture
def codes(sample_files: dict[str, str], load_module: Callable[[str], ModuleType]) -> ModuleType:
    return load_module(sample_files[PYTHON])


def test_integer_codes_are_an_int_enum_and_string_codes_a_str_enum(codes: ModuleType) -> None:
    assert issubclass(codes.ApiResultCode, IntEnum)
    assert issubclass(codes.EmmaResultCode, str) and issubclass(codes.EmmaResultCode, Enum)
    assert codes.ApiResultCode(-1000) is codes.ApiResultCode.INVALID_APPKEY
    assert codes.ApiResultCode.INVALID_APPKEY == -1000
    assert codes.EmmaResultCode("1000") is codes.EmmaResultCode.SUCCESS
    assert codes.ReceiveResultCode.MTR1 == "MTR1"


def test_lookup_returns_the_member_or_none_and_never_raises(codes: ModuleType) -> None:
    api, emma = codes.ApiResultCode, codes.EmmaResultCode
    assert api.lookup(-1000) is api.INVALID_APPKEY
    assert api.lookup(0) is api.SUCCESS
    for wrong in (-99999, "abc", None, True, False, 0.0, "-1000", [], object()):
        assert api.lookup(wrong) is None, wrong
    assert emma.lookup("E900") is emma.E900
    for wrong in ("E999", 1000, None, b"1000"):
        assert emma.lookup(wrong) is None, wrong
    with pytest.raises(ValueError):
        api(-99999)


def test_each_member_has_its_message_verbatim_and_its_messages_read_only(codes: ModuleType) -> None:
    member = codes.ApiResultCode.INVALID_APPKEY
    assert member.message == "無効なアプリケーションキー"
    assert dict(member.messages) == {"ja": "無効なアプリケーションキー", "en": "Invalid appkey"}
    assert isinstance(member.messages, MappingProxyType)
    with pytest.raises(TypeError):
        member.messages["ja"] = "x"  # type: ignore[index]


def test_a_missing_translation_is_left_out_of_messages(codes: ModuleType) -> None:
    assert dict(codes.EmmaResultCode.CALL_REJECTED.messages) == {"ja": "着信拒否"}


def test_api_codes_carry_their_service_and_success_flag(codes: ModuleType) -> None:
    api, service = codes.ApiResultCode, codes.ApiResultCodeService
    assert api.SUCCESS.is_success is True and api.INVALID_APPKEY.is_success is False
    assert api.TOO_MANY_RECIPIENTS.service is service.SEND_QUERY
    assert service.SEND_QUERY.label == "送信/照会"
    assert dict(service.SEND_QUERY.labels) == {"ja": "送信/照会", "en": "Send/Query"}
    assert [m.name for m in service] == ["COMMON", "SEND_QUERY", "TEMPLATE"]


def test_emma_codes_carry_category_classification_where_given_and_retryable(
    codes: ModuleType,
) -> None:
    emma = codes.EmmaResultCode
    assert emma.SUCCESS.category is codes.EmmaResultCodeCategory.TELECOM_PROVIDER
    assert emma.SUCCESS.classification is codes.EmmaResultCodeClassification.SUCCESS
    assert emma.SERVER_BUSY.classification is None
    assert emma.SERVER_BUSY.retryable is True
    assert emma.CALL_REJECTED.retryable is False
    assert emma.SUCCESS.retryable is None


def test_property_types_are_optional_only_where_some_code_has_no_value(
    sample_files: dict[str, str],
) -> None:
    source = sample_files[PYTHON]
    assert "def category(self) -> EmmaResultCodeCategory:" in source
    assert "def classification(self) -> Optional[EmmaResultCodeClassification]:" in source
    assert "def is_success(self) -> bool:" in source
    assert "def retryable(self) -> Optional[bool]:" in source


def test_a_set_without_curated_retryable_facts_has_no_retryable(codes: ModuleType) -> None:
    assert not hasattr(codes.ReceiveResultCode.MTR1, "retryable")


def test_all_lists_every_enum_in_order_then_the_module_lookup(codes: ModuleType) -> None:
    assert codes.__all__ == [
        "ApiResultCodeService",
        "ApiResultCode",
        "ReceiveResultCode",
        "EmmaResultCodeCategory",
        "EmmaResultCodeClassification",
        "EmmaResultCode",
        "AnyCode",
        "lookup",
    ]


def test_each_member_is_followed_by_its_message_as_an_attribute_docstring(
    sample_files: dict[str, str],
) -> None:
    tree = ast.parse(sample_files[PYTHON])
    api = next(n for n in tree.body if isinstance(n, ast.ClassDef) and n.name == "ApiResultCode")
    docs = {}
    for statement, following in zip(api.body, api.body[1:]):
        if isinstance(statement, ast.Assign) and isinstance(following, ast.Expr):
            assert isinstance(following.value, ast.Constant)
            docs[statement.targets[0].id] = following.value.value  # type: ignore[attr-defined]
    assert docs["INVALID_APPKEY"] == "無効なアプリケーションキー"
    assert len(docs) == 6


def test_the_module_uses_only_the_standard_library_and_python_3_9_syntax(
    sample_files: dict[str, str],
) -> None:
    tree = ast.parse(sample_files[PYTHON], feature_version=(3, 9))
    modules = {
        alias.name.split(".")[0] if isinstance(n, ast.Import) else (n.module or "")
        for n in ast.walk(tree)
        if isinstance(n, (ast.Import, ast.ImportFrom))
        for alias in n.names
    }
    assert modules == {"__future__", "enum", "types", "typing"}


def test_text_attributes_become_str_properties(load_module: Callable[[str], ModuleType]) -> None:
    notes = code_set(
        "Api",
        [code(0, "OK", "ok", hint={"ja": "ヒント"}), code(1, "NG", "ng", hint=None)],
        (text("hint"),),
    )
    module = load_module(render_all(catalog(notes), DEFAULT_TARGETS[:1])["python/sample_codes.py"])
    assert module.Api.OK.hint == "ヒント" and module.Api.NG.hint is None


def test_an_empty_group_value_list_still_makes_a_valid_enum(
    load_module: Callable[[str], ModuleType],
) -> None:
    empty = code_set("Api", [code(0, "OK", "ok", kind=None)], (group("kind", {}),))
    module = load_module(render_all(catalog(empty), DEFAULT_TARGETS[:1])["python/sample_codes.py"])
    assert list(module.ApiKind) == [] and module.Api.OK.kind is None
