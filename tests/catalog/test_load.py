"""load_catalog: a valid catalog becomes the frozen model; an invalid one never does."""

from __future__ import annotations

import dataclasses
import shutil
from pathlib import Path
from types import MappingProxyType

import pytest

from codegen.catalog.load import load_catalog, validate_catalog
from codegen.catalog.model import Catalog, GroupValue
from codegen.errors import CodegenError, MultipleErrors, SpecError
from tests.support.paths import TESTS

FIXTURES = TESTS / "fixtures" / "catalogs"


@pytest.fixture(scope="module")
def full() -> Catalog:
    return load_catalog(FIXTURES / "full.yaml", display_path="spec/codes.yaml")


def test_catalog_level_fields_come_from_the_yaml(full: Catalog) -> None:
    assert full.module == "nhn_sms_codes"
    assert full.source_language == "ja"
    assert full.languages == ("ja", "en")
    assert dict(full.title) == {
        "ja": "Notification > SMS > エラーコード",
        "en": "Notification > SMS > Error Codes",
    }
    assert [code_set.name for code_set in full.code_sets] == ["ApiResultCode", "DeliveryResultCode"]


def test_display_path_becomes_the_catalog_path(full: Catalog) -> None:
    assert full.path == "spec/codes.yaml"


def test_without_display_path_the_path_is_kept_as_given(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shutil.copy(FIXTURES / "minimal.yaml", tmp_path / "codes.yaml")
    monkeypatch.chdir(tmp_path)
    assert load_catalog("codes.yaml").path == "codes.yaml"
    assert load_catalog(Path("codes.yaml")).path == "codes.yaml"


def test_integer_codes_are_ints_and_string_codes_are_strings(full: Catalog) -> None:
    api, delivery = full.code_sets
    assert api.code_type == "integer"
    assert [code.value for code in api.codes] == [0, -1000, -2100]
    assert delivery.code_type == "string"
    assert [code.value for code in delivery.codes] == ["1000", "E-01"]


def test_group_values_on_codes_resolve_to_the_attributes_group_value_objects(full: Catalog) -> None:
    api = full.code_sets[0]
    service = api.attribute("service")
    assert service is not None and service.kind == "group"
    common, template = service.values
    assert common == GroupValue(name="COMMON", label=common.label, line=27)
    assert dict(template.label) == {"ja": "テンプレート", "en": "Template"}
    assert [code.attr("service") for code in api.codes] == [common, common, template]
    assert api.codes[0].attr("service") is common


def test_attrs_map_every_attribute_key_in_order_with_null_cells_as_none(full: Catalog) -> None:
    api, delivery = full.code_sets
    assert list(api.codes[0].attrs) == ["service", "is_success"]
    assert [code.attr("is_success") for code in api.codes] == [True, False, None]
    sent, failed = delivery.codes
    assert dict(sent.attrs["detail"]) == {"ja": "送信済み", "en": "Sent"}  # type: ignore[arg-type]
    assert failed.attrs == {"category": None, "detail": None}


def test_curated_fields_of_codes_default_to_none_and_empty(full: Catalog) -> None:
    success, invalid, missing = full.code_sets[0].codes
    assert (success.name, success.retryable, success.note) == ("SUCCESS", None, "")
    assert (invalid.retryable, invalid.note) == (False, "Check the appkey in the console.")
    assert dict(missing.message) == {"ja": "テンプレートIDが空の場合"}


def test_code_set_texts_columns_and_lines(full: Catalog) -> None:
    api, delivery = full.code_sets
    assert dict(api.columns["code"]) == {"ja": "resultCode", "en": "resultCode"}
    assert dict(api.section) == {} and dict(api.description) == {}
    assert dict(delivery.section) == {"ja": "照会コード", "en": "Query Codes"}
    assert delivery.description["ja"] == "EMMA Version: EMMA V3.3.0以上\n\n1)移動体通信事業者"
    assert (api.line, api.codes[1].line, delivery.line) == (17, 42, 52)


def test_response_header_fields(full: Catalog) -> None:
    assert full.response is not None
    assert (full.response.code_set, full.response.success_flag) == ("ApiResultCode", "is_success")
    assert full.response.code_field == "resultCode"


def test_minimal_catalog_has_no_title_attributes_or_response() -> None:
    catalog = load_catalog(FIXTURES / "minimal.yaml")
    assert catalog.response is None and dict(catalog.title) == {}
    (code_set,) = catalog.code_sets
    assert code_set.attributes == () and code_set.codes[0].attrs == {}


def test_response_field_names_default_to_the_models_defaults(tmp_path: Path) -> None:
    text = (FIXTURES / "full.yaml").read_text("utf-8")
    text = text.replace(
        "    fields: {success: isSuccessful, code: resultCode, message: resultMessage}\n", ""
    )
    (tmp_path / "codes.yaml").write_text(text, "utf-8")
    response = load_catalog(tmp_path / "codes.yaml").response
    assert response is not None
    assert (response.success_field, response.code_field, response.message_field) == (
        "isSuccessful",
        "resultCode",
        "resultMessage",
    )


def test_the_model_is_frozen_and_read_only(full: Catalog) -> None:
    code = full.code_sets[0].codes[0]
    with pytest.raises(dataclasses.FrozenInstanceError):
        code.name = "OTHER"  # type: ignore[misc]
    assert isinstance(code.attrs, MappingProxyType) and isinstance(code.message, MappingProxyType)


def test_valid_fixtures_have_no_problems() -> None:
    for fixture in ("minimal.yaml", "full.yaml"):
        assert validate_catalog(FIXTURES / fixture) == []


def test_several_problems_raise_multiple_errors_listing_each(tmp_path: Path) -> None:
    text = (FIXTURES / "minimal.yaml").read_text("utf-8")
    text = text.replace("module: minimal_codes", "module: Minimal").replace(
        "{name: OK}", "{name: ok}"
    )
    (tmp_path / "codes.yaml").write_text(text, "utf-8")
    with pytest.raises(MultipleErrors) as raised:
        load_catalog(tmp_path / "codes.yaml", display_path="spec/codes.yaml")
    assert [str(error) for error in raised.value.errors] == [
        (
            "spec/codes.yaml:7:11: the module has the name 'Minimal', which is not snake_case:"
            " use lowercase letters, digits and _, starting with a letter, like is_success"
        ),
        (
            "spec/codes.yaml:15:25: code 0 has the name 'ok', which is not UPPER_SNAKE:"
            " use capitals, digits and _, starting with a capital, like INVALID_APPKEY"
        ),
    ]
    assert all(isinstance(error, SpecError) for error in raised.value.errors)


def test_one_problem_raises_that_error_alone(tmp_path: Path) -> None:
    text = (
        (FIXTURES / "minimal.yaml").read_text("utf-8").replace("{name: OK}", "{name: TODO_CODE_0}")
    )
    (tmp_path / "codes.yaml").write_text(text, "utf-8")
    with pytest.raises(CodegenError) as raised:
        load_catalog(tmp_path / "codes.yaml", display_path="spec/codes.yaml")
    assert not isinstance(raised.value, MultipleErrors)
    assert str(raised.value) == (
        "spec/codes.yaml:15:25: code 0 still has the placeholder name TODO_CODE_0:"
        " give it an UPPER_SNAKE name under curated.name"
    )
