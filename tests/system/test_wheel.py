"""The wheel is the whole product: built, installed into a fresh virtual environment (its
dependencies from the package registry; the session fixture ``installed`` of conftest.py), it
starts a project in an empty folder outside the repository and runs init, import, generate
and check there; the module it generates imports. Built-in templates and the catalog schema must ship inside the wheel for this."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from tests.commands.test_init import TABLE
from tests.support.paths import REPO
from tests.support.wheel import Installed, run_ok


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
    run_ok([codegen, "init"], project)
    (project / "table.md").write_text(TABLE, encoding="utf-8")
    run_ok([codegen, "import", "table.md", "--lang", "en"], project)
    run_ok([codegen, "validate"], project)  # derived names are warnings: no hand edits needed
    assert "wrote generated/python/demo_api.py" in run_ok([codegen, "generate"], project)
    assert run_ok([codegen, "check"], project) == "generated: up to date\n"
    used = run_ok(
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

    run_ok([codegen, "init"], project)
    assert ".codegen-cache/\n" in (project / ".gitignore").read_text(encoding="utf-8")
    (project / "errors.md").write_text(PARCEL_PAGE, encoding="utf-8")
    run_ok([codegen, "import", "errors.md", "--lang", "en"], project)
    assert "wrote generated/python/parcel_api.py" in run_ok([codegen, "generate"], project)
    assert run_ok([codegen, "check"], project) == up_to_date
    module = (project / "generated" / "python" / "parcel_api.py").read_text(encoding="utf-8")
    assert "regenerate with `codegen generate`." in module and "make" not in module
    assert 'RATE_LIMITED = "RATE_LIMITED"' in module and '"C-0002"' in module

    catalog = project / "spec" / "codes.yaml"
    with catalog.open("a", encoding="utf-8") as file:
        file.write("# Checked against the published page.\n")
    checked = run_ok([codegen, "check"], project)  # exit 0: the manifest is only a cache
    assert checked.startswith(up_to_date + "note: generated/.codegen-manifest.json")
    assert checked.endswith("run: codegen generate to refresh it\n")
    assert run_ok([codegen, "generate"], project) == "wrote generated/.codegen-manifest.json\n"
    assert run_ok([codegen, "check"], project) == up_to_date

    # An override that extends the built-in docs page and fills one of its blocks.
    (project / "templates" / "docs_page.md.j2").write_text(
        '{% extends "builtin/docs_page.md.j2" %}\n'
        "{% block footer %}\n\nQuestions? Ask the parcel team.\n{% endblock %}\n",
        encoding="utf-8",
    )
    assert "wrote generated/docs/en.md" in run_ok([codegen, "generate"], project)
    page = (project / "generated" / "docs" / "en.md").read_text(encoding="utf-8")
    assert page.endswith("Questions? Ask the parcel team.\n")
    assert "RATE_LIMITED" in page  # the rest is the built-in page
    assert run_ok([codegen, "check"], project) == up_to_date
