"""`codegen validate`: one line per problem on stderr and exit 2, or a summary and exit 0."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from codegen.cli import main
from codegen.commands import validate
from codegen.errors import ExitCode
from tests.support.paths import TESTS

FIXTURES = TESTS / "fixtures" / "catalogs"


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A working folder with spec/codes.yaml copied from the full fixture."""
    (tmp_path / "spec").mkdir()
    shutil.copy(FIXTURES / "full.yaml", tmp_path / "spec" / "codes.yaml")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_a_valid_catalog_exits_0_with_a_one_line_summary(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["validate"]) == 0
    out, err = capsys.readouterr()
    assert (out, err) == ("spec/codes.yaml: 2 code sets, 5 codes, valid\n", "")


def test_the_summary_counts_in_the_singular_too(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["validate", "--catalog", str(FIXTURES / "minimal.yaml")]) == 0
    assert capsys.readouterr().out.endswith("minimal.yaml: 1 code set, 1 code, valid\n")


def test_an_invalid_catalog_exits_2_with_each_problem_on_its_own_line(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    catalog = project / "spec" / "codes.yaml"
    text = catalog.read_text("utf-8")
    text = text.replace("- code: -1000", "- code: 0").replace("{name: SEND}", "{name: TODO_SEND}")
    catalog.write_text(text, "utf-8")
    assert main(["validate", "--catalog", "spec/codes.yaml"]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert err.splitlines() == [
        (
            "spec/codes.yaml:42:15: duplicate code 0 (first defined at line 37):"
            " keep one of them, or correct the code"
        ),
        (
            "spec/codes.yaml:71:29: value '送信' of attribute 'category' still has the placeholder"
            " name TODO_SEND: give it an UPPER_SNAKE name under curated.name"
        ),
    ]


def test_placeholder_names_fail_validation(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    catalog = project / "spec" / "codes.yaml"
    catalog.write_text(
        catalog.read_text("utf-8").replace("{name: FAILED,", "{name: TODO_CODE_E_01,")
    )
    assert main(["validate"]) == 2
    assert capsys.readouterr().err == (
        "spec/codes.yaml:87:25: code 'E-01' still has the placeholder name TODO_CODE_E_01:"
        " give it an UPPER_SNAKE name under curated.name\n"
    )


def test_hostile_yaml_exits_2_with_one_line(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (project / "spec" / "codes.yaml").write_text("a: &x [1]\nb: *x\n", "utf-8")
    assert main(["validate"]) == 2
    assert capsys.readouterr().err == (
        "spec/codes.yaml:1:4: anchors and aliases (&x, *x) are not allowed in the catalog:"
        " write the value out in full\n"
    )


def test_a_missing_catalog_exits_2(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["validate"]) == 2
    assert capsys.readouterr().err.startswith("spec/codes.yaml: no catalog here:")


def test_validate_run_returns_exit_codes(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert validate.run(config=None, catalog="spec/codes.yaml") is ExitCode.OK
    (project / "spec" / "codes.yaml").write_text("format: 1\n", "utf-8")
    assert validate.run(config=None, catalog="spec/codes.yaml") is ExitCode.INVALID
    assert len(capsys.readouterr().err.splitlines()) == 4  # the four missing keys


STALE = (
    "code -1000 has a stale en message (the ja message changed since): re-import the en page "
    "with its new translation, or remove en from curated.stale once the text is checked"
)


def _mark_stale(project: Path) -> None:
    catalog = project / "spec" / "codes.yaml"
    text = catalog.read_text("utf-8").replace(
        "{name: INVALID_APPKEY, retryable: false,", "{name: INVALID_APPKEY, stale: [en],"
    )
    catalog.write_text(text, "utf-8")


def test_a_stale_translation_is_a_warning_at_its_message(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _mark_stale(project)
    assert main(["validate"]) == 0
    out, err = capsys.readouterr()
    assert err == f"spec/codes.yaml:45:42: warning: {STALE}\n"
    assert out == "spec/codes.yaml: 2 code sets, 5 codes, valid, 1 stale translation\n"


def test_stale_translations_error_in_the_configuration_makes_it_a_problem(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _mark_stale(project)
    (project / "codegen.toml").write_text('stale_translations = "error"\n', "utf-8")
    assert main(["validate"]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert err == (
        f'spec/codes.yaml:45:42: {STALE} (stale_translations = "error" in the configuration)\n'
    )
