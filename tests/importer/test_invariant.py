"""The import's one invariant, on pages hypothesis builds (issue #17): an import that exits 0
leaves a catalog that ``validate``, ``generate`` and ``check`` accept, holding every code of
every code table of the page with the text as the page has it; an import that fails exits 2
with one located line and writes nothing. A page with a code table on it imports."""

from __future__ import annotations

import contextlib
import io
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from ruamel.yaml import YAML

from codegen.cli import main
from tests.support.import_pages import Page, pages

EXAMPLES = 200


@contextlib.contextmanager
def _project() -> Iterator[Path]:
    cwd = os.getcwd()
    with tempfile.TemporaryDirectory() as folder:
        os.chdir(folder)
        try:
            yield Path(folder)
        finally:
            os.chdir(cwd)


def _run(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        status = main(list(args))
    return int(status), out.getvalue(), err.getvalue()


@settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
        HealthCheck.large_base_example,
    ],
)
@given(pages())
def test_an_import_that_exits_0_leaves_the_pages_codes_in_a_catalog_every_command_accepts(
    page: Page,
) -> None:
    with _project() as folder:
        name = "errors.html" if page.form == "html" else "errors.md"
        (folder / name).write_text(page.text, encoding="utf-8")
        status, _, err = _run("import", name, "--lang", page.lang, "--catalog", "c.yaml")
        if status != 0:
            assert status == 2, err
            assert not (folder / "c.yaml").exists()
            assert err.count("\n") >= 1 and err.splitlines()[-1].startswith(name + ":"), err
            assert not page.tables, f"a page with a code table was refused:\n{err}\n{page.text}"
            return
        for command in ("validate", "generate", "check"):
            extra = () if command == "validate" else ("--output", "out")
            result = _run(command, "--catalog", "c.yaml", *extra)
            assert result[0] == 0, f"{command} after import:\n{result[2]}\n{page.text}"
        catalog = YAML(typ="safe").load((folder / "c.yaml").read_text(encoding="utf-8"))
        found = {
            str(code["code"]): code["message"][page.lang]
            for code_set in catalog["code_sets"]
            for code in code_set["codes"]
        }
        for table in page.tables:
            for row in table:
                assert (
                    found.get(str(row.code)) == row.message
                ), f"code {row.code}: {found.get(str(row.code))!r} != {row.message!r}\n{page.text}"
        assert (
            _run("import", name, "--lang", page.lang, "--catalog", "c.yaml")[1].count(" unchanged:")
            == 1
        )
