"""Shared fixtures: the rendered sample catalog, loading generated modules, golden files.

Golden files under tests/golden/ change only through ``pytest --update-golden``.
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from types import ModuleType

import pytest

from codegen.catalog.model import Catalog
from codegen.render.engine import render_all
from codegen.render.targets import DEFAULT_TARGETS
from tests.support.catalogs import Project, imported, load_sample


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        default=False,
        help="rewrite the golden files under tests/golden/ from the current output",
    )


@pytest.fixture(scope="session")
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))


@pytest.fixture(scope="session")
def sample() -> Catalog:
    return load_sample()


@pytest.fixture(scope="session")
def sample_files(sample: Catalog) -> dict[str, str]:
    """Every output of the sample catalog, rendered once for the session."""
    return render_all(sample, DEFAULT_TARGETS)


@pytest.fixture
def load_module(tmp_path: Path) -> Iterator[Callable[[str], ModuleType]]:
    """Load generated Python source as a module, as a program that vendors it would."""
    with contextlib.ExitStack() as stack:
        yield lambda source: stack.enter_context(imported(source, tmp_path))


@pytest.fixture
def project(tmp_path: Path) -> Project:
    return Project(tmp_path / "project")


@pytest.fixture(scope="session", autouse=True)
def lock_folder(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """Runs of codegen in the tests (in process or not) keep their lock files
    (codegen.project.locks) under the session's temporary folder, never in the machine's."""
    folder = tmp_path_factory.mktemp("locks")
    before = os.environ.get("CODEGEN_LOCK_DIR")
    os.environ["CODEGEN_LOCK_DIR"] = str(folder)
    yield folder
    if before is None:
        del os.environ["CODEGEN_LOCK_DIR"]
    else:
        os.environ["CODEGEN_LOCK_DIR"] = before


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """What the fault suite's codegen processes cost (tests/support/faults.py), what the import
    cases cost through the wheel (tests/system/test_import_cases_wheel.py), and how many
    random catalogs and exact comparisons the property suite made (tests/support/text_checks.py),
    when they ran: the counts a CI log should show."""
    faults = sys.modules.get("tests.support.faults")
    if faults is not None and faults.RUNS:
        terminalreporter.write_line(faults.summary())
    cases = sys.modules.get("tests.system.test_import_cases_wheel")
    if cases is not None and cases.TIMES:
        terminalreporter.write_line(cases.summary())
    texts = sys.modules.get("tests.support.text_checks")
    if texts is not None and texts.TALLY.catalogs:
        tally = texts.TALLY
        terminalreporter.write_line(
            f"text properties: {tally.catalogs} random catalogs, {tally.refused} refused by "
            f"validate, {tally.checks} texts read back exactly"
        )


@pytest.fixture(scope="session")
def fault_states(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """For the fault suite (tests/support/faults.py): a project made by ``codegen init`` with the
    synthetic catalog and generated ("old"), and a copy generated from the catalog with one
    message changed ("new"). Both hold the formatting cache of both, if black made one."""
    import shutil

    from bench import synth
    from tests.support.faults import make_project, run, write_catalog

    base = tmp_path_factory.mktemp("fault-states")
    old = make_project(base / "old")
    assert run(old, "generate").returncode == 0
    new = base / "new"
    shutil.copytree(old, new, symlinks=True)
    write_catalog(new, synth.one_message_changed(synth.build_catalog(300), "(改訂)"))
    assert run(new, "generate").returncode == 0
    if (new / ".codegen-cache").is_dir():  # black formats nothing at the default line length
        shutil.copytree(new / ".codegen-cache", old / ".codegen-cache", dirs_exist_ok=True)
    return {"old": old, "new": new}
