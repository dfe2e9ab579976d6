"""No error names a Python type or an internal file path as the thing to fix: values are
described in the terms of the file they were written in (YAML, TOML, a template)."""

from __future__ import annotations

from pathlib import Path

import pytest

from codegen.catalog.load import validate_catalog
from codegen.errors import CodegenError
from codegen.render.engine import render_all
from codegen.render.targets import Target
from tests.support.catalogs import SAMPLE, catalog, code, code_set


def _render(tmp_path: Path, template: str) -> str:
    (tmp_path / "t.j2").write_text(template, encoding="utf-8")
    small = catalog(code_set("Api", [code(0, "OK", "成功")]), path="spec/codes.yaml")
    with pytest.raises(CodegenError) as caught:
        render_all(small, [Target("t.j2", "x.txt")], [tmp_path])
    return caught.value.message


def test_a_code_filter_given_a_number_says_number(tmp_path: Path) -> None:
    assert _render(tmp_path, "{{ 1.5 | json_code }}\n") == (
        "a code is an integer or a string, not a number (rendering x.txt)"
    )


def test_a_docs_option_that_is_not_a_string_says_what_it_is(tmp_path: Path) -> None:
    message = _render(tmp_path, '{{ {"docs_base_url": 5} | docs_page_url(catalog) }}\n')
    assert message == "option docs_base_url must be a string, not an integer"


def test_a_yaml_timestamp_in_the_catalog_is_called_a_date_and_time(tmp_path: Path) -> None:
    path = tmp_path / "codes.yaml"
    path.write_text(
        SAMPLE.read_text(encoding="utf-8").replace("format: 1\n", "format: 2020-01-01 10:00:00\n"),
        encoding="utf-8",
    )
    messages = [error.message for error in validate_catalog(path)]
    assert messages == ["format must be 1, the only format this codegen reads, not a date and time"]


def test_every_exit_code_has_its_own_name_even_where_two_share_a_status() -> None:
    from codegen.errors import ExitCode

    assert [(code.name, int(code)) for code in ExitCode] == [
        ("OK", 0),
        ("OUT_OF_DATE", 1),
        ("BREAKING", 1),
        ("NOT_FOUND", 1),
        ("INVALID", 2),
        ("INTERRUPTED", 130),
    ]
    assert repr(ExitCode.NOT_FOUND) == "<ExitCode.NOT_FOUND: 1>"
    assert ExitCode(1) is ExitCode.OUT_OF_DATE and ExitCode.NOT_FOUND == 1


def test_an_interrupted_command_exits_130_without_a_traceback(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from codegen.cli import main
    from codegen.commands import validate

    def interrupted(**options: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(validate, "run", interrupted)
    assert main(["validate"]) == 130
    assert "Traceback" not in capsys.readouterr().err
