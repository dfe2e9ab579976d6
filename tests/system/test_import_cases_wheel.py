"""Every import case of the three corpora, through the installed wheel as a user runs it.

The same cases and comparison as tests/importer/test_cases.py (:mod:`tests.support.import_cases`),
but each command is its own ``codegen`` process of the wheel's virtual environment (built
once per session, shared with tests/system/test_wheel.py), in a fresh project folder outside
the repository: ``init --lang LANG``, ``import DOC --lang LANG``, ``generate``, ``check``, a
second ``import`` that must leave spec/codes.yaml byte-identical. The generated module is
imported by the virtual environment's Python (tests/support/generated_probe.py, standard
library only), as a program that vendors it would. About six processes a case.
"""

from __future__ import annotations

import json
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest

from tests.support import generated_probe
from tests.support.import_cases import Case, load_cases, params, run_case
from tests.support.paths import REPO
from tests.support.wheel import Installed, run_clean

CASES = load_cases()
TIMES: dict[str, float] = {}


def summary() -> str:
    """How long the cases took through the wheel (tests/conftest.py prints it)."""
    slowest = max(TIMES, key=lambda k: TIMES[k])
    return (
        f"import cases through the wheel: {len(TIMES)} cases in {sum(TIMES.values()):.1f} s, "
        f"{sum(TIMES.values()) / len(TIMES):.2f} s a case (slowest {slowest}: "
        f"{TIMES[slowest]:.1f} s)"
    )


@pytest.mark.parametrize("case", params(CASES))
def test_the_installed_wheel_imports_each_page_as_expected(
    case: Case, installed: Installed, tmp_path: Path
) -> None:
    project = tmp_path / "proj"
    project.mkdir()
    assert not project.resolve().is_relative_to(REPO.resolve())

    def run(argv: Sequence[str]) -> tuple[int, str, str]:
        done = run_clean([installed.codegen, *argv], project)
        return done.returncode, done.stdout, done.stderr

    def probe(module: Path, languages: Sequence[str]) -> dict[str, Any]:
        script = Path(generated_probe.__file__)
        done = run_clean([installed.python, "-I", script, module, *languages], project)
        assert done.returncode == 0, done.stderr
        found: dict[str, Any] = json.loads(done.stdout)
        return found

    started = time.perf_counter()
    try:
        problems = run_case(case, project, run, probe)
    finally:
        TIMES[case.id] = time.perf_counter() - started
    if problems:
        pytest.fail("\n".join(problems), pytrace=False)
