"""Blocks of the built-in templates: an override that extends a built-in template replaces
one block and keeps the rest; a block the parent does not have is an error naming it."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from jinja2 import nodes

from codegen.render.environment import make_environment
from codegen.render.targets import BUILTIN_TEMPLATES
from tests.support.catalogs import Project
from tests.support.paths import REPO

# The blocks each built-in template offers, as docs/configuration.md lists them.
BLOCKS = {
    "docs_index.md.j2": ("title", "intro", "language", "footer"),
    "docs_page.md.j2": ("title", "intro", "section", "code_set", "row", "footer"),
    "python_module.py.j2": ("intro", "imports", "code_set", "row", "methods", "footer"),
    "typescript_module.ts.j2": ("intro", "code_set", "row", "footer"),
}


def _override(project: Project, name: str, text: str) -> None:
    (project.templates / name).write_text(text, encoding="utf-8")


def _blocks(name: str) -> tuple[str, ...]:
    environment = make_environment()
    source = (BUILTIN_TEMPLATES / name).read_text(encoding="utf-8")
    return tuple(block.name for block in environment.parse(source).find_all(nodes.Block))


@pytest.mark.parametrize("name", sorted(BLOCKS))
def test_each_built_in_template_has_the_documented_blocks(name: str) -> None:
    assert _blocks(name) == BLOCKS[name]
    docs = (REPO / "docs" / "configuration.md").read_text(encoding="utf-8")
    row = next(line for line in docs.splitlines() if line.startswith(f"| `{name}` |"))
    assert re.findall(r"`(\w+)`", row.split("|")[2]) == list(BLOCKS[name])


def test_an_override_can_add_a_footer_to_the_built_in_page(project: Project) -> None:
    assert project.run("generate") == 0
    built_in = project.files()["docs/en.md"].decode("utf-8")
    _override(
        project,
        "docs_page.md.j2",
        '{% extends "builtin/docs_page.md.j2" %}\n'
        "{% block footer %}\n\n## Support\n\nWrite to {{ catalog.module }}@example.org.\n"
        "{% endblock %}\n",
    )
    assert project.run("generate") == 0
    page = project.files()["docs/en.md"].decode("utf-8")
    assert page == built_in + "\n## Support\n\nWrite to sample_codes@example.org.\n"


def test_an_override_of_the_row_block_sees_the_code_and_can_keep_the_built_in_row(
    project: Project,
) -> None:
    assert project.run("generate") == 0
    built_in = project.files()["docs/ja.md"].decode("utf-8")
    _override(
        project,
        "docs_page.md.j2",
        '{% extends "builtin/docs_page.md.j2" %}\n'
        "{% block row %}{% if code.retryable is not none %}{{ super() }}{% endif %}{% endblock %}\n",
    )
    assert project.run("generate") == 0
    page = project.files()["docs/ja.md"].decode("utf-8")
    dropped = [line for line in built_in.splitlines() if line not in page.splitlines()]
    assert dropped and all(line.startswith("| <a id=") for line in dropped)
    assert '| <a id="ApiResultCode--1000"></a>-1000 |' in page
    assert 'id="ApiResultCode-0"' not in page  # the success code says nothing about retrying


def test_a_python_override_adds_a_method_that_mypy_strict_accepts(
    project: Project, tmp_path: Path
) -> None:
    _override(
        project,
        "python_module.py.j2",
        '{% extends "builtin/python_module.py.j2" %}\n'
        "{% block methods %}\n{{ super() }}\n"
        "    def describe(self) -> str:\n"
        '        return f"{self.name}: {self.message}"\n'
        "{% endblock %}\n",
    )
    assert project.run("generate") == 0
    module = project.output / "python" / "sample_codes.py"
    program = tmp_path / "use.py"
    program.write_text(
        "from sample_codes import ApiResultCode\n"
        "text: str = ApiResultCode.INVALID_APPKEY.describe()\n"
        "print(text)\n",
        encoding="utf-8",
    )
    (tmp_path / "sample_codes.py").write_bytes(module.read_bytes())
    checked = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-incremental", "use.py"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
    )
    assert checked.returncode == 0, checked.stdout
    ran = subprocess.run(
        [sys.executable, "use.py"], cwd=tmp_path, capture_output=True, text=True, check=True
    )
    assert ran.stdout == "INVALID_APPKEY: 無効なアプリケーションキー\n"


def test_a_block_the_parent_does_not_have_is_an_error_naming_it(
    project: Project, capsys: pytest.CaptureFixture[str]
) -> None:
    _override(
        project,
        "docs_page.md.j2",
        '{% extends "builtin/docs_page.md.j2" %}\n'
        "{% block title %}\n\n# Codes\n{% endblock %}\n"
        "{% block footr %}\n\nnever shown\n{% endblock %}\n",
    )
    assert project.run("generate") == 2
    assert capsys.readouterr().err == (
        f"{project.templates.as_posix()}/docs_page.md.j2:6: block 'footr' is not a block of "
        "builtin/docs_page.md.j2, so it would never be rendered; did you mean footer? (its "
        "blocks: title, intro, section, code_set, row, footer; see docs/configuration.md)\n"
    )
    assert not project.output.exists()


def test_a_partial_between_the_override_and_the_built_in_template_is_checked_too(
    project: Project, capsys: pytest.CaptureFixture[str]
) -> None:
    _override(
        project,
        "_base.md.j2",
        '{% extends "builtin/docs_index.md.j2" %}\n{% block languages %}{% endblock %}\n',
    )
    _override(project, "docs_index.md.j2", '{% extends "_base.md.j2" %}\n')
    assert project.run("check") == 2
    err = capsys.readouterr().err
    assert err.startswith(
        f"{project.templates.as_posix()}/_base.md.j2:2: block 'languages' is not a block of "
        "builtin/docs_index.md.j2, so it would never be rendered; did you mean language? "
    )


def test_blocks_nested_in_a_filled_block_and_those_of_a_grandparent_are_accepted(
    project: Project,
) -> None:
    _override(
        project,
        "_base.md.j2",
        '{% extends "builtin/docs_index.md.j2" %}\n'
        "{% block intro %}\n{% block note %}\nBase note.\n{% endblock %}\n{% endblock %}\n",
    )
    _override(
        project,
        "docs_index.md.j2",
        '{% extends "_base.md.j2" %}\n'
        "{% block note %}\nOur note.\n{% endblock %}\n"
        "{% block footer %}\nThe end.\n{% endblock %}\n",
    )
    assert project.run("generate") == 0
    index = project.files()["docs/index.md"].decode("utf-8")
    assert "\nOur note.\n" in index and "Base note" not in index
    assert index.endswith("\nThe end.\n")
