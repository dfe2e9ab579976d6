"""The example projects under examples/: each is a real codegen project of its own shape,
so every test run proves the toolkit works beyond this repository's own catalog.

For every folder of examples/ holding a codegen.toml: its catalog is valid, its committed
outputs are up to date, and re-importing its documents changes nothing. The payments
example's own outputs are then checked for what it is there to show: string codes, three
languages, a template override, and errors as RFC 9457 problem details.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

import pytest
from jsonschema import Draft202012Validator
from openapi_spec_validator import validate
from ruamel.yaml import YAML

from codegen.cli import main
from tests.support.paths import REPO

EXAMPLES = REPO / "examples"
PROJECTS = sorted(p.parent for p in EXAMPLES.glob("*/codegen.toml"))
PAYMENTS = EXAMPLES / "payments"
LANGUAGES = re.compile(r"^languages: \[(?P<langs>[^\]]*)\]$", re.MULTILINE)


def _ids(projects: list[Path]) -> list[str]:
    return [p.name for p in projects]


def _copy(project: Path, tmp_path: Path) -> Path:
    """The example copied under tmp_path, so a command that writes never writes the repo."""
    copy = tmp_path / project.name
    shutil.copytree(project, copy)
    return copy


def _documents_in_catalog_order(project: Path) -> list[tuple[Path, str]]:
    """The example's documents, named NAME.LANG.EXT, in the order of the catalog's
    languages (the source language first), as they were imported."""
    catalog = (project / "spec" / "codes.yaml").read_text(encoding="utf-8")
    found = LANGUAGES.search(catalog)
    assert found, "the example's catalog must state its languages on one line"
    order = [lang.strip() for lang in found["langs"].split(",")]
    documents = [(doc, doc.suffixes[-2].lstrip(".")) for doc in (project / "docs").iterdir()]
    return sorted(documents, key=lambda pair: order.index(pair[1]))


def test_there_is_an_example_with_a_configuration() -> None:
    assert PAYMENTS in PROJECTS


@pytest.mark.parametrize("project", PROJECTS, ids=_ids(PROJECTS))
def test_the_example_catalog_is_valid(project: Path) -> None:
    assert main(["validate", "--config", str(project / "codegen.toml")]) == 0


@pytest.mark.parametrize("project", PROJECTS, ids=_ids(PROJECTS))
def test_the_example_committed_outputs_are_up_to_date(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(["check", "--config", str(project / "codegen.toml")])
    assert code == 0, capsys.readouterr()


@pytest.mark.parametrize("project", PROJECTS, ids=_ids(PROJECTS))
def test_the_example_regenerates_byte_for_byte_from_its_own_folder(
    project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`codegen generate` run in the example finds its codegen.toml and rewrites nothing."""
    copy = _copy(project, tmp_path)
    before = {p: p.read_bytes() for p in sorted((copy / "generated").rglob("*")) if p.is_file()}
    monkeypatch.chdir(copy / "spec")
    assert main(["generate"]) == 0
    after = {p: p.read_bytes() for p in sorted((copy / "generated").rglob("*")) if p.is_file()}
    assert after == before


@pytest.mark.parametrize("project", PROJECTS, ids=_ids(PROJECTS))
def test_reimporting_the_example_documents_leaves_its_catalog_byte_identical(
    project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    copy = _copy(project, tmp_path)
    catalog = copy / "spec" / "codes.yaml"
    before = catalog.read_bytes()
    documents = _documents_in_catalog_order(copy)
    assert len(documents) >= 3
    monkeypatch.chdir(copy)
    for document, lang in documents:
        assert main(["import", str(document.relative_to(copy)), "--lang", lang]) == 0
    assert catalog.read_bytes() == before


# The payments example: string codes, three languages, an override and a target of its own.


@pytest.fixture
def payments(load_module: Callable[[str], ModuleType]) -> ModuleType:
    source = PAYMENTS / "generated" / "python" / "acme_pay_codes.py"
    return load_module(source.read_text(encoding="utf-8"))


def test_payments_module_has_string_codes_with_messages_in_three_languages(
    payments: ModuleType,
) -> None:
    code = payments.CardDeclineCode.lookup("E_TIMEOUT")
    assert code is payments.CardDeclineCode.ISSUER_TIMEOUT
    assert code == "E_TIMEOUT"
    assert dict(code.messages) == {
        "en": "The issuer did not respond in time",
        "ko": "발급사가 제시간에 응답하지 않았습니다",
        "ja": "発行会社から時間内に応答がありませんでした",
    }
    assert payments.AchReturnCode("R29").name == "UNAUTHORIZED_CORPORATE_DEBIT"
    assert payments.AchReturnCode.lookup("R99") is None


def test_payments_module_carries_groups_retry_advice_and_docs_links(
    payments: ModuleType,
) -> None:
    code = payments.CardDeclineCode.RATE_LIMITED
    assert code.category is payments.CardDeclineCodeCategory.GATEWAY
    assert dict(payments.AchReturnCodeCategory.AUTHORIZATION.labels) == {
        "en": "Authorization",
        "ko": "승인",
        "ja": "承認",
    }
    assert code.retryable is True
    assert payments.CardDeclineCode.LOST_CARD.retryable is None
    assert code.docs_url == (
        "https://docs.acmepay.example/decline-codes/en.html#CardDeclineCode-E_RATE_LIMIT"
    )
    assert [m.name for m in payments.AchReturnCode] == [
        "INSUFFICIENT_FUNDS",
        "ACCOUNT_CLOSED",
        "NO_ACCOUNT",
        "INVALID_ACCOUNT_NUMBER",
        "AUTHORIZATION_REVOKED",
        "UNAUTHORIZED_DEBIT",
        "UNAUTHORIZED_CORPORATE_DEBIT",
    ]


@pytest.mark.parametrize(
    ("lang", "heading"),
    [("en", "## Handling a decline"), ("ko", "## 거절 처리"), ("ja", "## 拒否への対応")],
)
def test_payments_docs_pages_come_from_the_override_not_the_built_in_template(
    lang: str, heading: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = f"generated/docs/{lang}.md"
    committed = (PAYMENTS / page).read_text(encoding="utf-8")
    assert f"\n{heading}\n" in committed
    assert "](#CardDeclineCode-E_TIMEOUT): " in committed
    copy = _copy(PAYMENTS, tmp_path)
    (copy / "templates" / "docs_page.md.j2").unlink()
    monkeypatch.chdir(copy)
    assert main(["generate"]) == 0
    built_in = (copy / page).read_text(encoding="utf-8")
    assert heading not in built_in
    assert committed.startswith(built_in.rstrip("\n") + "\n")


def test_payments_csv_target_exists_only_in_the_example_s_templates() -> None:
    rows = (PAYMENTS / "generated" / "csv" / "acme_pay_codes.csv").read_text(encoding="utf-8")
    lines = rows.splitlines()
    assert lines[0] == "set,code,name,category,retryable,message_en,message_ko,message_ja"
    assert len(lines) == 1 + 18
    assert (
        '"AchReturnCode","R03","NO_ACCOUNT","ACCOUNT",,'
        '"No account, or unable to locate the account",'
        '"계좌가 없거나 찾을 수 없음","口座がない、または口座が見つからない"'
    ) in lines


def test_payments_openapi_gives_card_declines_as_problem_details_typed_by_their_docs(
    payments: ModuleType,
) -> None:
    """RFC 9457 problem details without a success flag; each code's problem type is its
    row in the docs (the Python member's ``docs_url``); the schema is open, so a decline
    code added later still validates."""
    path = PAYMENTS / "generated" / "openapi" / "acme_pay_codes.openapi.yaml"
    document = YAML(typ="safe", pure=True).load(path.read_text(encoding="utf-8"))
    validate(document)
    content = document["components"]["responses"]["ErrorResponse"]["content"]
    assert list(content) == ["application/problem+json"]
    examples = document["components"]["examples"]
    assert len(examples) == len(payments.CardDeclineCode)
    example = examples["CardDeclineCode_ISSUER_TIMEOUT"]["value"]
    assert example == {
        "type": payments.CardDeclineCode.ISSUER_TIMEOUT.docs_url,
        "title": "The issuer did not respond in time",
        "code": "E_TIMEOUT",
    }
    problem = Draft202012Validator({**document, "$ref": "#/components/schemas/ErrorResponse"})
    assert all(problem.is_valid(e["value"]) for e in examples.values())
    assert problem.is_valid({"title": "New", "code": "card_velocity_exceeded"})
    assert not problem.is_valid({"title": "No code"})
