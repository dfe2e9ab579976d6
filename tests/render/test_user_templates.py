"""Which templates are the project's (untrusted: compiled, rendered and formatted in a child
process under the kernel's limits) and which are codegen's own (rendered here)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from codegen.catalog.model import Catalog
from codegen.errors import CodegenError, TemplateError
from codegen.render import confine
from codegen.render.bounds import RenderLimits
from codegen.render.engine import render_all
from codegen.render.environment import user_template
from codegen.render.targets import DEFAULT_TARGETS, Target
from tests.support.catalogs import catalog, code, code_set


def small() -> Catalog:
    return catalog(code_set("Api", [code(0, "OK", "成功")]), path="spec/codes.yaml")


@pytest.fixture
def confined(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The outputs made through :func:`confine.run`, in order."""
    made: list[str] = []
    run = confine.run

    def counted(work: Callable[[object], str], job: object, limits: confine.ChildLimits) -> str:
        made.append(job.output)  # type: ignore[attr-defined]
        return run(work, job, limits)

    monkeypatch.setattr(confine, "run", counted)
    return made


def test_the_built_in_templates_render_in_this_process(confined: list[str]) -> None:
    render_all(small(), DEFAULT_TARGETS)
    assert confined == []


def test_a_template_of_the_template_folder_renders_in_a_child(
    tmp_path: Path, confined: list[str]
) -> None:
    """Also one that extends a built-in template: its blocks are the project's code."""
    (tmp_path / "docs_index.md.j2").write_text(
        '{% extends "builtin/docs_index.md.j2" %}{% block footer %}\nmine\n{% endblock %}',
        encoding="utf-8",
    )
    files = render_all(small(), DEFAULT_TARGETS, [tmp_path])
    assert confined == ["docs/index.md"]
    assert files["docs/index.md"].endswith("\nmine\n")


def test_a_builtin_name_the_template_folder_holds_is_the_folder_s(
    tmp_path: Path, confined: list[str]
) -> None:
    """The loader looks in the template folder first, also for ``builtin/NAME``."""
    (tmp_path / "builtin").mkdir()
    (tmp_path / "builtin" / "docs_index.md.j2").write_text("shadowed\n", encoding="utf-8")
    target = Target("builtin/docs_index.md.j2", "index.md")
    assert render_all(small(), [target], [tmp_path])["index.md"] == "shadowed\n"
    assert confined == ["index.md"]
    assert user_template("builtin/docs_index.md.j2", [tmp_path]) == (
        tmp_path / "builtin" / "docs_index.md.j2"
    )
    assert user_template("docs_page.md.j2", [tmp_path]) is None
    assert user_template("../escape.j2", [tmp_path]) == Path("../escape.j2")  # refused there


@pytest.mark.skipif(not confine.available(), reason="no kernel limits here")
def test_a_child_the_kernel_kills_is_reported_naming_the_template(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def killed(work: object, job: object, limits: object) -> str:
        raise confine.Stopped("signal", "SIGKILL")

    monkeypatch.setattr(confine, "run", killed)
    (tmp_path / "t.j2").write_text("ok\n", encoding="utf-8")
    with pytest.raises(TemplateError) as raised:
        render_all(small(), [Target("t.j2", "t.txt")], [tmp_path], limits=RenderLimits())
    assert raised.value.path == str(tmp_path / "t.j2")
    assert "the child process rendering it was killed by SIGKILL" in raised.value.message


def test_a_link_named_as_a_built_in_template_is_the_folder_s_and_refused(
    tmp_path: Path, confined: list[str]
) -> None:
    """As the folder's loader finds it: a link to a device is refused there, never passed
    over for the built-in template of that name."""
    (tmp_path / "docs_index.md.j2").symlink_to("/dev/zero")
    assert user_template("docs_index.md.j2", [tmp_path]) == tmp_path / "docs_index.md.j2"
    with pytest.raises(CodegenError, match="docs_index.md.j2"):
        render_all(small(), [Target("docs_index.md.j2", "index.md")], [tmp_path])
    assert confined == ["index.md"]
