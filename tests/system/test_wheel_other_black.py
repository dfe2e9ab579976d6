"""The wheel installed beside another black: a project that already uses black 24 keeps it
(codegen asks for a version range, not its own pin), and init, import, generate and check
work there, also for a target that black formats. Needs the package registry; skipped,
saying so, when pip cannot reach it."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from tests.commands.test_init import TABLE
from tests.support.wheel import build_wheel, run_clean, run_ok

OTHER_BLACK = "black>=24,<25"


def _venv_with_black_24(folder: Path) -> Path:
    """A new virtual environment holding black 24 and nothing else of ours; its Python."""
    run_ok([sys.executable, "-m", "venv", folder / "venv"], folder)
    python = folder / "venv" / "bin" / "python"
    done = run_clean([python, "-m", "pip", "install", "-q", OTHER_BLACK], folder)
    if done.returncode != 0:
        pytest.skip(f"pip could not install {OTHER_BLACK} (no package registry?): {done.stderr}")
    return python


def _black_version(python: Path, folder: Path) -> str:
    return run_ok([python, "-c", "import black; print(black.__version__)"], folder).strip()


@pytest.mark.slow
def test_the_wheel_keeps_black_24_and_runs_init_import_generate_check(tmp_path: Path) -> None:
    wheel = build_wheel(tmp_path)
    python = _venv_with_black_24(tmp_path)
    assert _black_version(python, tmp_path).startswith("24.")
    done = run_clean([python, "-m", "pip", "install", "-q", wheel], tmp_path)
    assert done.returncode == 0, done.stderr
    assert _black_version(python, tmp_path).startswith("24.")  # not replaced by the wheel's
    codegen = python.parent / "codegen"
    project = tmp_path / "demo-api"
    project.mkdir()
    run_ok([codegen, "init"], project)
    (project / "table.md").write_text(TABLE, encoding="utf-8")
    run_ok([codegen, "import", "table.md", "--lang", "en"], project)
    assert "wrote generated/python/demo_api.py" in run_ok([codegen, "generate"], project)
    assert run_ok([codegen, "check"], project) == "generated: up to date\n"
    with (project / "codegen.toml").open("a", encoding="utf-8") as config:
        config.write("\n[options]\nline_length = 88\n")  # a layout black 24 makes
    assert "wrote generated/python/demo_api.py" in run_ok([codegen, "generate"], project)
    assert run_ok([codegen, "check"], project) == "generated: up to date\n"
    manifest = (project / "generated" / ".codegen-manifest.json").read_text(encoding="utf-8")
    assert f'"black": "{_black_version(python, tmp_path)}"' in manifest
