"""One case through a fresh project folder, whatever runs the commands."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from codegen.catalog.parse import parse
from tests.support.import_cases.catalog import check_catalog
from tests.support.import_cases.corpora import Case
from tests.support.import_cases.generated import check_generated

Run = Callable[[Sequence[str]], tuple[int, str, str]]
"""Runs ``codegen ARGV...`` in the project folder: (exit code, stdout, stderr)."""
Probe = Callable[[Path, Sequence[str]], dict[str, Any]]
"""Imports the generated module at a path, for languages: its
:func:`tests.support.generated_probe.snapshot`."""


def run_case(case: Case, project: Path, run: Run, probe: Probe) -> list[str]:
    """Take ``case`` through ``project`` (an empty folder, the current one of ``run``):
    every difference from what it expects, one line each."""
    page = project / case.document.name
    shutil.copyfile(case.document, page)
    code, out, err = run(["init", "--lang", case.lang])
    if code != 0:
        return [f"init exited {code}: {out}{err}"]
    catalog = project / "spec" / "codes.yaml"
    before = catalog.read_bytes()
    code, _, err = run(["import", page.name, "--lang", case.lang])
    problems = check_import(case, code, err, page.name, before, catalog.read_bytes())
    if code != case.expected["exit"] or code != 0:
        return problems
    data = parse(catalog.read_text(encoding="utf-8"), str(catalog))
    problems += check_catalog(case, data)
    first = catalog.read_bytes()
    code, _, err = run(["import", page.name, "--lang", case.lang])
    if code != 0:
        problems.append(f"a second import exited {code}: {first_line(err)}")
    elif catalog.read_bytes() != first:
        problems.append("a second import changed the catalog")
    for command in ("generate", "check"):
        code, out, err = run([command])
        if code != 0:
            return [*problems, f"{command} exited {code}: {first_line(err or out)}"]
    data = parse(catalog.read_text(encoding="utf-8"), str(catalog))  # what generate read
    module = project / "generated" / "python" / f"{data['curated']['module']}.py"
    return problems + check_generated(case, data, probe(module, case.languages))


def check_import(
    case: Case, code: int, err: str, name: str, before: bytes, after: bytes
) -> list[str]:
    """``exit``, ``warn_line``; a refused page says so in one line and writes nothing."""
    expected = case.expected
    problems = []
    if code != expected["exit"]:
        problems.append(f"import exited {code}, expected {expected['exit']}: {first_line(err)}")
    if "Traceback" in err:
        problems.append("import printed a traceback")
    if "warn_line" in expected and f"{name}:{expected['warn_line']}:" not in err:
        problems.append(f"no warning names line {expected['warn_line']}: {first_line(err)}")
    if code != 0 and code == expected["exit"]:
        if len(err.strip().splitlines()) != 1:
            problems.append(f"a refused import printed {len(err.strip().splitlines())} lines")
        if after != before:
            problems.append("a refused import changed the catalog")
    return problems


def first_line(text: str) -> str:
    lines = text.strip().splitlines()
    return lines[0] if lines else "(nothing on stderr)"
