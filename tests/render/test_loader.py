"""A template, and every file it includes, imports or extends, is read as any input is: a
regular file of its template folder, at most 1 MiB (codegen.render.loader)."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from codegen.errors import CodegenError
from codegen.files import FileTooLarge, RefusedFile
from codegen.limits import MAX_TEMPLATE_BYTES
from codegen.render.engine import render_all
from codegen.render.targets import Target
from tests.support.catalogs import catalog, code, code_set
from tests.support.hostile import returns_within

LINK_OUT = (
    "a symbolic link that leads outside templates; codegen follows no link out of the "
    "project (nor a template's out of the template folder): replace the link with the file "
    "itself"
)


def _render(folder: Path, template: str = "page.txt.j2") -> dict[str, str]:
    small = catalog(code_set("Api", [code(0, "OK", "成功")]), path="spec/codes.yaml")
    return render_all(small, [Target(template, "page.txt")], [folder])


@pytest.fixture
def templates(tmp_path: Path) -> Path:
    folder = tmp_path / "templates"
    folder.mkdir()
    return folder


def test_an_included_link_to_the_environment_is_refused_and_never_shown(templates: Path) -> None:
    (templates / "_e.j2").symlink_to("/proc/self/environ")
    (templates / "page.txt.j2").write_text('{% include "_e.j2" %}\n', encoding="utf-8")
    with pytest.raises(RefusedFile) as refused:
        _render(templates)
    assert str(refused.value) == f"{templates / '_e.j2'}: {LINK_OUT}"


def test_a_template_linked_out_of_its_folder_is_refused_and_one_linked_inside_it_is_read(
    tmp_path: Path, templates: Path
) -> None:
    (tmp_path / "secret.txt").write_text("the secret\n", encoding="utf-8")
    (templates / "page.txt.j2").symlink_to(tmp_path / "secret.txt")
    with pytest.raises(RefusedFile) as refused:
        _render(templates)
    assert "the secret" not in str(refused.value) and LINK_OUT in str(refused.value)
    (templates / "page.txt.j2").unlink()
    (templates / "_parts").mkdir()
    (templates / "_parts" / "body.j2").write_text("body {{ lang }}\n", encoding="utf-8")
    (templates / "_body.j2").symlink_to("_parts/body.j2")
    (templates / "page.txt.j2").write_text('{% include "_body.j2" %}', encoding="utf-8")
    assert _render(templates)["page.txt"] == "body ja\n"


def test_a_device_as_template_is_refused(templates: Path) -> None:
    (templates / "page.txt.j2").symlink_to("/dev/zero")
    with pytest.raises(RefusedFile, match=re.escape(LINK_OUT)):
        _render(templates)


def test_a_fifo_as_template_is_refused_without_blocking(templates: Path) -> None:
    os.mkfifo(templates / "page.txt.j2")
    with pytest.raises(RefusedFile, match="this is a FIFO"):
        returns_within(5, lambda: _render(templates), templates / "page.txt.j2")


def test_a_template_past_1_mib_is_refused_and_one_within_reads_as_jinja_reads_it(
    templates: Path,
) -> None:
    """UTF-8, CRLF or CR line endings made LF (Jinja's own loader reads in text mode)."""
    (templates / "page.txt.j2").write_text("x" * MAX_TEMPLATE_BYTES + "\n", encoding="utf-8")
    with pytest.raises(FileTooLarge, match="the template is larger than 1 MiB"):
        _render(templates)
    (templates / "page.txt.j2").write_bytes("成功 {{ lang }}\r\nline\rend\n".encode())
    assert _render(templates)["page.txt"] == "成功 ja\nline\nend\n"
    (templates / "page.txt.j2").write_bytes(b"\xff\n")
    with pytest.raises(CodegenError, match="not valid UTF-8"):
        _render(templates)


def test_a_link_to_nothing_in_place_of_a_built_in_template_is_refused_not_passed_over(
    templates: Path,
) -> None:
    (templates / "docs_index.md.j2").symlink_to(templates / "gone.j2")
    small = catalog(code_set("Api", [code(0, "OK", "成功")]), path="spec/codes.yaml")
    with pytest.raises(RefusedFile) as refused:
        render_all(small, [Target("docs_index.md.j2", "docs/index.md")], [templates])
    assert str(refused.value).startswith(f"{templates / 'docs_index.md.j2'}: ")
    assert "a symbolic link to nothing" in str(refused.value)
