"""What a pull request may leave in the output folder never hangs, fills memory or leaks:
a FIFO, a file far larger than any output. (A link to /dev/zero
is in tests/system/test_hostile_inputs.py: a regression would read it without end, so it
runs in a process of bounded memory.)"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.support.catalogs import Project
from tests.support.hostile import returns_within

CONFIG = (
    'catalog = "spec/codes.yaml"\n'
    '[[targets]]\ntemplate = "docs_index.md.j2"\noutput = "docs/index.md"\nformatter = "markdown"\n'
)


@pytest.fixture
def generated(project: Project, capsys: pytest.CaptureFixture[str]) -> Project:
    """The project with one small target, generated."""
    project.config.write_text(CONFIG, encoding="utf-8")
    assert project.run("generate") == 0
    capsys.readouterr()
    return project


def _check(
    project: Project, capsys: pytest.CaptureFixture[str], fifo: Path | None = None
) -> tuple[int, str, str]:
    status = returns_within(30, lambda: project.run("check"), fifo)
    out = capsys.readouterr()
    return status, out.out, out.err


def test_a_fifo_among_the_outputs_is_orphaned_and_never_opened(
    generated: Project, capsys: pytest.CaptureFixture[str]
) -> None:
    fifo = generated.output / "docs" / "pipe"
    os.mkfifo(fifo)
    status, out, _ = _check(generated, capsys, fifo)
    assert status == 1
    assert f"{generated.output}/docs/pipe: orphaned" in out
    assert returns_within(30, lambda: generated.run("generate"), fifo) == 0
    assert fifo.exists()  # not generated: kept


def test_a_fifo_where_an_output_goes_is_refused_in_one_line(
    generated: Project, capsys: pytest.CaptureFixture[str]
) -> None:
    output = generated.output / "docs" / "index.md"
    output.unlink()
    os.mkfifo(output)
    status, _, err = _check(generated, capsys, output)
    assert status == 2
    assert err == (
        f"{output}: this is a FIFO (named pipe), not a regular file; codegen reads only regular "
        "files: replace it with the file itself\n"
    )


def test_an_output_far_larger_than_what_generate_writes_is_not_read_whole(
    generated: Project, capsys: pytest.CaptureFixture[str]
) -> None:
    output = generated.output / "docs" / "index.md"
    with output.open("r+b") as file:
        file.truncate(2**30)  # sparse; a regression reads 1 GiB, not the machine's memory
    status, out, _ = _check(generated, capsys)
    assert status == 1
    assert "far more than generate writes: not compared line by line" in out
