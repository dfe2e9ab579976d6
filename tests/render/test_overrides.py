"""Template overrides: a template in the project's folder replaces the built-in one of the
same name; one that replaces nothing is an error; every template runs in the sandbox."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.support.catalogs import Project

INDEX = "docs_index.md.j2"


def _override(project: Project, name: str, text: str) -> Path:
    path = project.templates / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_an_override_with_a_built_in_name_replaces_its_output(project: Project) -> None:
    assert project.run("generate") == 0
    before = project.files()
    _override(project, INDEX, "<!-- {{ header | html_comment }} -->\n\n# Our own index\n")
    assert project.run("check") == 1
    assert project.run("generate") == 0
    after = project.files()
    assert after["docs/index.md"].endswith(b"\n\n# Our own index\n")
    changed = ("docs/index.md", ".codegen-manifest.json")
    assert {k: v for k, v in after.items() if k not in changed} == {
        k: v for k, v in before.items() if k not in changed
    }


def test_an_override_can_extend_the_built_in_template_it_replaces(project: Project) -> None:
    assert project.run("generate") == 0
    built_in = project.files()["docs/index.md"]
    _override(project, INDEX, '{% extends "builtin/docs_index.md.j2" %}\n')
    assert project.run("generate") == 0
    assert project.files()["docs/index.md"] == built_in


def test_an_override_that_replaces_no_target_s_template_is_an_error_naming_it(
    project: Project, capsys: pytest.CaptureFixture[str]
) -> None:
    _override(project, "docs_idnex.md.j2", "typo\n")
    assert project.run("generate") == 2
    err = capsys.readouterr().err
    assert err.startswith(f"{project.templates.as_posix()}/docs_idnex.md.j2: this template ")
    assert "replaces no target's template (docs_index.md.j2, docs_page.md.j2, " in err
    assert "start its name with _ if another template includes it" in err
    assert len(err.splitlines()) == 1
    assert not project.output.exists()


def test_partials_readmes_and_other_files_are_not_overrides(project: Project) -> None:
    (project.templates / "README.md").write_text("# notes\n", encoding="utf-8")
    (project.templates / "notes.txt").write_text("x\n", encoding="utf-8")
    _override(project, "_macros.j2", "{% macro title() %}# Via a macro{% endmacro %}\n")
    _override(project, "_parts/unused.j2", "never used\n")
    _override(
        project,
        INDEX,
        '{% import "_macros.j2" as m %}<!-- {{ header | html_comment }} -->\n\n{{ m.title() }}\n',
    )
    assert project.run("generate") == 0
    assert project.files()["docs/index.md"].endswith(b"\n\n# Via a macro\n")


def test_a_template_reaching_for_python_internals_is_refused_by_the_sandbox(
    project: Project, capsys: pytest.CaptureFixture[str]
) -> None:
    _override(project, INDEX, "# Index\n\n{{ ''.__class__.__mro__ }}\n")
    assert project.run("generate") == 2
    err = capsys.readouterr().err
    assert err == (
        f"{project.templates.as_posix()}/{INDEX}:3: refused by the sandbox: access to "
        "attribute '__class__' of 'str' object is unsafe; a template may only use the names, "
        "attributes and filters it is given (see docs/configuration.md)\n"
    )
    assert not project.output.exists()


def test_a_template_changing_the_catalog_is_refused_by_the_sandbox(
    project: Project, capsys: pytest.CaptureFixture[str]
) -> None:
    _override(project, INDEX, "{% set names = [] %}\n{{ names.append(catalog.module) }}\n")
    assert project.run("check") == 2
    err = capsys.readouterr().err
    assert err.startswith(f"{project.templates.as_posix()}/{INDEX}:2: refused by the sandbox: ")
    assert "append" in err
