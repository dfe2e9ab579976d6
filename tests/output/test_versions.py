"""Which formatter versions a manifest records: black's only where black formats an output."""

from __future__ import annotations

from pathlib import Path

from codegen.output.manifest import black_runs
from codegen.render.targets import Target

PYTHON = Target("python_module.py.j2", "python/{module}.py", "python")


def test_black_does_not_run_on_the_built_in_python_module(tmp_path: Path) -> None:
    assert not black_runs(PYTHON, [tmp_path])


def test_black_runs_on_a_user_template_of_that_name_or_under_builtin(tmp_path: Path) -> None:
    (tmp_path / "python_module.py.j2").write_text("x = 1\n", encoding="utf-8")
    (tmp_path / "builtin").mkdir()
    (tmp_path / "builtin" / "other.py.j2").write_text("x = 1\n", encoding="utf-8")
    assert black_runs(PYTHON, [tmp_path])
    assert black_runs(Target("builtin/other.py.j2", "o.py", "python"), [tmp_path])


def test_black_runs_at_another_line_length_or_for_an_odd_name(tmp_path: Path) -> None:
    assert black_runs(Target(PYTHON.template, PYTHON.output, "python", {"line_length": 88}), [])
    assert black_runs(Target("../python_module.py.j2", "x.py", "python"), [tmp_path])


def test_no_other_formatter_is_black(tmp_path: Path) -> None:
    assert not black_runs(Target("x.py.j2", "x.py", "ruff"), [tmp_path])
