"""The wheel is the whole product: built, installed into a fresh virtual environment (its
dependencies from the package registry), it starts a project in an empty folder outside
the repository and runs init, import, generate and check there; the module it generates
imports. Built-in templates and the catalog schema must ship inside the wheel for this."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from test_init import TABLE

REPO = Path(__file__).parent.parent
SOURCES = ("codegen", "pyproject.toml", "README.md")


def _run(command: list[str | Path], cwd: Path) -> str:
    """Run ``command`` with no trace of this test environment; its stdout, or a failure
    showing everything it printed."""
    environment = {
        k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV")
    }
    done = subprocess.run(
        [str(part) for part in command],
        cwd=cwd,
        env=environment,
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )
    assert done.returncode == 0, f"{command} exited {done.returncode}\n{done.stdout}{done.stderr}"
    return done.stdout


def _build_wheel(tmp_path: Path) -> Path:
    """Build from a copy of the sources, so that the build writes nothing into the repo."""
    source = tmp_path / "source"
    source.mkdir()
    for name in SOURCES:
        if (REPO / name).is_dir():
            shutil.copytree(
                REPO / name, source / name, ignore=shutil.ignore_patterns("__pycache__")
            )
        else:
            shutil.copy2(REPO / name, source / name)
    wheels = tmp_path / "wheels"
    _run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", wheels, source], tmp_path)
    (wheel,) = wheels.glob("*.whl")
    return wheel


@pytest.mark.slow
def test_the_installed_wheel_runs_init_import_generate_and_check_in_an_empty_folder(
    tmp_path: Path,
) -> None:
    wheel = _build_wheel(tmp_path)
    names = zipfile.ZipFile(wheel).namelist()
    assert "codegen/schemas/catalog.schema.json" in names
    assert "codegen/templates/python_module.py.j2" in names
    venv = tmp_path / "venv"
    _run([sys.executable, "-m", "venv", venv], tmp_path)
    python, codegen = venv / "bin" / "python", venv / "bin" / "codegen"
    _run([python, "-m", "pip", "install", "-q", wheel], tmp_path)

    project = tmp_path / "demo-api"
    project.mkdir()
    assert not project.resolve().is_relative_to(REPO.resolve())
    _run([codegen, "init"], project)
    (project / "table.md").write_text(TABLE, encoding="utf-8")
    _run([codegen, "import", "table.md", "--lang", "en"], project)
    _run([codegen, "validate"], project)  # derived names are warnings: no hand edits needed
    assert "wrote generated/python/demo_api.py" in _run([codegen, "generate"], project)
    assert _run([codegen, "check"], project) == "generated: up to date\n"
    used = _run(
        [python, "-c", "import demo_api; print(demo_api.ApiResponseCodes.lookup(-1000).name)"],
        project / "generated" / "python",
    )
    assert used == "INVALID_APPKEY\n"
