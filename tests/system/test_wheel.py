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
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.commands.test_init import TABLE
from tests.support.paths import REPO

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


@dataclass(frozen=True)
class Installed:
    """The wheel installed into a fresh virtual environment."""

    wheel: Path
    python: Path
    codegen: Path


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Installed:
    """Built and installed once for this module's tests."""
    tmp_path = tmp_path_factory.mktemp("wheel")
    wheel = _build_wheel(tmp_path)
    venv = tmp_path / "venv"
    _run([sys.executable, "-m", "venv", venv], tmp_path)
    _run([venv / "bin" / "python", "-m", "pip", "install", "-q", wheel], tmp_path)
    return Installed(wheel, venv / "bin" / "python", venv / "bin" / "codegen")


def _project(tmp_path: Path, name: str) -> Path:
    project = tmp_path / name
    project.mkdir()
    assert not project.resolve().is_relative_to(REPO.resolve())
    return project


@pytest.mark.slow
def test_the_installed_wheel_runs_init_import_generate_and_check_in_an_empty_folder(
    installed: Installed, tmp_path: Path
) -> None:
    names = zipfile.ZipFile(installed.wheel).namelist()
    assert "codegen/schemas/catalog.schema.json" in names
    assert "codegen/templates/python_module.py.j2" in names
    python, codegen = installed.python, installed.codegen
    project = _project(tmp_path, "demo-api")
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


PARCEL_PAGE = """\
# Parcel API errors

## Request errors

| Code | Message | Retryable |
|---|---|---|
| BAD_ADDRESS | The address could not be parsed | No |
| MISSING_WEIGHT | The parcel weight is missing | No |
| RATE_LIMITED | Too many requests; wait a minute | Yes |

## Carrier errors

| Code | Message |
|---|---|
| C-0001 | The carrier cannot be reached |
| C-0002 | The carrier refused the parcel |
"""


@pytest.mark.slow
def test_a_fresh_repository_adopts_codegen_from_the_wheel_and_a_comment_edit_keeps_check_green(
    installed: Installed, tmp_path: Path
) -> None:
    """A new user's first session, step by step: a page with two tables of string codes,
    then a comment in the catalog, which changes no output, then an override that extends
    one block of the built-in docs page."""
    codegen = installed.codegen
    project = _project(tmp_path, "parcel-api")
    up_to_date = "generated: up to date\n"

    _run([codegen, "init"], project)
    assert ".codegen-cache/\n" in (project / ".gitignore").read_text(encoding="utf-8")
    (project / "errors.md").write_text(PARCEL_PAGE, encoding="utf-8")
    _run([codegen, "import", "errors.md", "--lang", "en"], project)
    assert "wrote generated/python/parcel_api.py" in _run([codegen, "generate"], project)
    assert _run([codegen, "check"], project) == up_to_date
    module = (project / "generated" / "python" / "parcel_api.py").read_text(encoding="utf-8")
    assert "regenerate with `codegen generate`." in module and "make" not in module
    assert 'RATE_LIMITED = "RATE_LIMITED"' in module and '"C-0002"' in module

    catalog = project / "spec" / "codes.yaml"
    with catalog.open("a", encoding="utf-8") as file:
        file.write("# Checked against the published page.\n")
    checked = _run([codegen, "check"], project)  # exit 0: the manifest is only a cache
    assert checked.startswith(up_to_date + "note: generated/.codegen-manifest.json")
    assert checked.endswith("run: codegen generate to refresh it\n")
    assert _run([codegen, "generate"], project) == "wrote generated/.codegen-manifest.json\n"
    assert _run([codegen, "check"], project) == up_to_date

    # An override that extends the built-in docs page and fills one of its blocks.
    (project / "templates" / "docs_page.md.j2").write_text(
        '{% extends "builtin/docs_page.md.j2" %}\n'
        "{% block footer %}\n\nQuestions? Ask the parcel team.\n{% endblock %}\n",
        encoding="utf-8",
    )
    assert "wrote generated/docs/en.md" in _run([codegen, "generate"], project)
    page = (project / "generated" / "docs" / "en.md").read_text(encoding="utf-8")
    assert page.endswith("Questions? Ask the parcel team.\n")
    assert "RATE_LIMITED" in page  # the rest is the built-in page
    assert _run([codegen, "check"], project) == up_to_date
