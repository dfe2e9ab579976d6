"""``codegen explain CODE``: what the catalog says of a code seen in a log, end to end.

The SMS catalog (spec/codes.yaml, committed) answers the codes the issue names: ``-2016``
(an integer set), ``E915 --lang en`` (a string set), and an unknown code (exit 1). A small
catalog of our own covers the wire forms (hex, leading zeros, HRESULTs) and the options.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from codegen.catalog.lookup import wire_values
from codegen.cli import main
from tests.support.paths import REPO

SMS = ["--config", str(REPO / "pyproject.toml"), "--catalog", str(REPO / "spec" / "codes.yaml")]


def explain(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(["explain", *argv])
    out, err = capsys.readouterr()
    return status, out, err


def test_an_integer_code_as_a_log_shows_it_gives_its_member_messages_attributes_and_docs(
    capsys: pytest.CaptureFixture[str],
) -> None:
    status, out, err = explain(capsys, *SMS, "-2016")
    assert (status, err) == (0, "")
    lines = out.splitlines()
    assert lines[0] == "-2016 in ApiResultCode (APIレスポンスコード / API Response Codes)"
    assert "  member:       nhn_sms_codes.ApiResultCode.TOO_MANY_RECIPIENTS" in lines
    assert "  message [ja]: 受信者が1,000人を超える場合" in lines
    assert "  message [en]: The number of recipients is over 1,000" in lines
    assert "  service:      送信/照会 (SEND_QUERY)" in lines
    assert "  is_success:   false" in lines
    assert lines[-2].endswith("generated/docs/ja.md#ApiResultCode--2016")
    assert lines[-1].startswith("  catalog:") and lines[-1].endswith("spec/codes.yaml:167")


def test_a_string_code_in_english_shows_english_texts_and_the_english_docs_page(
    capsys: pytest.CaptureFixture[str],
) -> None:
    status, out, _ = explain(capsys, *SMS, "E915", "--lang", "en")
    assert status == 0
    assert out.startswith("E915 in EmmaResultCode (EMMA v.3 Result Code of Receiving)\n")
    assert "message [en]:   Duplicate message\n" in out
    assert "message [ja]" not in out
    assert "category:       IB EMMA (IB_EMMA)\n" in out
    assert "retryable:      false\n" in out
    assert "generated/docs/en.md#EmmaResultCode-E915\n" in out


def test_an_unknown_code_exits_1_and_names_the_code_it_probably_meant(
    capsys: pytest.CaptureFixture[str],
) -> None:
    status, out, err = explain(capsys, *SMS, "e915")
    assert (status, out) == (1, "")
    assert err == (
        "codegen explain: 'e915' is not a code of any code set of "
        f"{REPO / 'spec' / 'codes.yaml'}; did you mean E915 (EmmaResultCode)?\n"
    )
    status, _, err = explain(capsys, *SMS, "-999999")
    assert status == 1 and "did you mean" not in err


def test_the_installed_command_explains_a_code_from_a_subfolder_of_the_project(
    tmp_path: Path,
) -> None:
    """End to end: the console script, the configuration found from the working folder."""
    shutil.copy(REPO / "spec" / "codes.yaml", tmp_path / "codes.yaml")
    (tmp_path / "codegen.toml").write_text('catalog = "codes.yaml"\n', encoding="utf-8")
    (tmp_path / "sub").mkdir()
    script = Path(sys.executable).with_name("codegen")

    def run(code: str) -> subprocess.CompletedProcess[str]:
        command = [str(script), "explain", code]
        return subprocess.run(
            command, check=False, cwd=tmp_path / "sub", capture_output=True, text=True
        )

    found = run("-2016")
    assert found.returncode == 0, found.stderr
    assert "TOO_MANY_RECIPIENTS" in found.stdout and "../codes.yaml:167" in found.stdout
    missing = run("-4242")
    assert (missing.returncode, missing.stdout) == (1, "")
    assert "Traceback" not in missing.stderr and "'-4242' is not a code" in missing.stderr


WIRE = """\
format: 1
source_language: en
languages: [en, fr]
curated: {module: wire}
code_sets:
  - title: {en: Status words}
    code_type: integer
    curated: {name: Status}
    codes:
      - code: -2147180543
        message: {en: Catalog busy, fr: Catalogue occupé}
        curated: {name: CATALOG_BUSY, retryable: true, note: "HRESULT 0x8004A001"}
      - code: 7
        message: {en: Seven}
        curated: {name: SEVEN}
      - code: 8
        message: {en: Eight}
        curated: {name: EIGHT, aliases: [OCTO], deprecated: {since: "2.0", use: SEVEN}}
      - code: 9
        message: {en: Nine}
        curated: {name: NINE, removed: {since: "2.1", reason: not in v2.1 of the page}}
  - title: {en: Reasons}
    code_type: string
    curated: {name: Reason, aliases: [Why]}
    codes:
      - code: "007"
        message: {en: Agent}
        curated: {name: AGENT}
      - code: "0x8004A001"
        message: {en: Written in hex}
        curated: {name: HEX_WRITTEN}
"""


@pytest.fixture
def wire(tmp_path: Path) -> list[str]:
    (tmp_path / "codes.yaml").write_text(WIRE, encoding="utf-8")
    (tmp_path / "codegen.toml").write_text(
        'catalog = "codes.yaml"\n[options]\ndocs_base_url = "https://example.org/errors"\n',
        encoding="utf-8",
    )
    return ["--config", str(tmp_path / "codegen.toml")]


def test_a_hex_status_word_finds_its_signed_integer_and_the_string_written_in_hex(
    capsys: pytest.CaptureFixture[str], wire: list[str]
) -> None:
    status, out, _ = explain(capsys, *wire, "0x8004A001", "--format", "json")
    assert status == 0
    found = json.loads(out)["matches"]
    assert [(m["set"], m["code"]) for m in found] == [
        ("Status", -2147180543),
        ("Reason", "0x8004A001"),
    ]
    assert found[0]["curated"] == {"retryable": True, "note": "HRESULT 0x8004A001"}
    assert found[0]["docs"] == "https://example.org/errors/en/#Status--2147180543"


def test_leading_zeros_find_the_integer_and_only_the_string_written_with_them(
    capsys: pytest.CaptureFixture[str], wire: list[str]
) -> None:
    _, out, _ = explain(capsys, *wire, "007", "--format", "json")
    assert [(m["set"], m["code"]) for m in json.loads(out)["matches"]] == [
        ("Status", 7),
        ("Reason", "007"),
    ]
    _, out, _ = explain(capsys, *wire, "7", "--format", "json")
    assert [(m["set"], m["code"]) for m in json.loads(out)["matches"]] == [("Status", 7)]


def test_set_narrows_the_search_and_lang_falls_back_to_the_source_text(
    capsys: pytest.CaptureFixture[str], wire: list[str]
) -> None:
    _, out, _ = explain(capsys, *wire, "7", "--set", "Status", "--lang", "fr", "--format", "json")
    (match,) = json.loads(out)["matches"]
    assert match["message"] == {"en": "Seven"}  # no French text: the source text, keyed en
    assert match["docs"] == "https://example.org/errors/fr/#Status-7"
    status, out, _ = explain(capsys, *wire, "007", "--set", "Status")
    assert status == 0 and out.startswith("7 in Status (Status words)\n")


def test_a_removed_or_deprecated_code_says_so_first_with_what_to_use_instead(
    capsys: pytest.CaptureFixture[str], wire: list[str]
) -> None:
    """A client reading an old log still learns what a tombstoned code meant."""
    status, out, _ = explain(capsys, *wire, "9")
    assert status == 0
    assert "  removed:      since 2.1: not in v2.1 of the page (no longer returned)\n" in out
    _, out, _ = explain(capsys, *wire, "8", "--format", "json")
    (match,) = json.loads(out)["matches"]
    assert match["curated"] == {"deprecated": {"since": "2.0", "use": "SEVEN"}, "aliases": ["OCTO"]}


def test_a_former_set_name_still_finds_the_set(
    capsys: pytest.CaptureFixture[str], wire: list[str]
) -> None:
    status, out, _ = explain(capsys, *wire, "007", "--set", "Why")
    assert status == 0 and out.startswith("007 in Reason (Reasons)\n")


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["7", "--set", "Nope"], "no code set is named 'Nope'; use one of Status, Reason"),
        (["7", "--lang", "de"], "language 'de' is not in the catalog; use one of en, fr"),
    ],
)
def test_an_unknown_set_or_language_is_a_usage_error_naming_the_choices(
    capsys: pytest.CaptureFixture[str], wire: list[str], argv: list[str], message: str
) -> None:
    status, out, err = explain(capsys, *wire, *argv)
    assert (status, out) == (2, "")
    assert err.endswith(f"codes.yaml: {message}\n") and err.count("\n") == 1


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("-2016", ("-2016", -2016)),
        ("+5", ("+5", 5)),
        ("E915", ("E915",)),
        ("0x10", ("0x10", 16)),
        ("-0x10", ("-0x10", -16)),
        ("0x8004A001", ("0x8004A001", 0x8004A001, 0x8004A001 - 2**32)),
        ("0xFFFFFFFFF", ("0xFFFFFFFFF", 0xFFFFFFFFF)),  # 36 bits: no signed reading
        (" 42 ", ("42", 42)),
        ('"E915",', ("E915",)),  # pasted from a JSON log
        ("`-2016`", ("-2016", -2016)),  # from Markdown
        ("'x'", ("x",)),
    ],
)
def test_wire_values_are_the_text_and_the_numbers_it_spells(
    text: str, values: tuple[object, ...]
) -> None:
    assert wire_values(text) == values


def test_json_gives_flags_as_booleans_groups_as_label_and_name_and_records_as_mappings(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """For scripts and chat bots: no prose to parse."""
    _, out, _ = explain(capsys, *SMS, "E915", "--lang", "en", "--format", "json")
    (match,) = json.loads(out)["matches"]
    assert match["attributes"] == {
        "category": {"label": "IB EMMA", "name": "IB_EMMA"},
        "classification": {"label": "Invalid-IB", "name": "INVALID_IB"},
    }
    assert match["curated"] == {"retryable": False}
    _, out, _ = explain(capsys, *SMS, "0", "--format", "json")
    assert json.loads(out)["matches"][0]["attributes"]["is_success"] is True


@pytest.mark.parametrize(
    "pasted",
    ["TOO_MANY_RECIPIENTS", "too_many_recipients", "resultCode=-2016", '{"resultCode": -2016}'],
)
def test_a_member_name_or_a_log_fragment_finds_the_code(
    capsys: pytest.CaptureFixture[str], pasted: str
) -> None:
    status, out, _ = explain(capsys, *SMS, "--format", "json", "--", pasted)
    assert status == 0
    assert [m["member"] for m in json.loads(out)["matches"]] == [
        "nhn_sms_codes.ApiResultCode.TOO_MANY_RECIPIENTS"
    ]


def test_a_former_member_name_finds_the_renamed_code(
    capsys: pytest.CaptureFixture[str], wire: list[str]
) -> None:
    status, out, _ = explain(capsys, *wire, "OCTO")
    assert status == 0 and out.startswith("8 in Status (Status words)\n")
