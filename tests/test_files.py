"""Every file codegen reads is a regular file, read within a byte limit, and (with
``within``) only inside its folder: :func:`codegen.files.read_limited` and the readers
built on it. docs/security.md, "Inputs: symbolic links and bounded reads"."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from codegen.files import (
    FileTooLarge,
    RefusedFile,
    read_bytes,
    read_limited,
    write_atomic,
    write_changed,
)
from tests.support.hostile import returns_within


def test_a_regular_file_within_its_limit_is_read_whole(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes(b"x" * 100)
    assert read_limited(tmp_path / "a.txt", 100) == b"x" * 100
    assert read_limited(tmp_path / "a.txt", 100, within=tmp_path) == b"x" * 100


def test_a_fifo_is_refused_without_blocking(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    with pytest.raises(RefusedFile) as refused:
        returns_within(5, lambda: read_limited(fifo, 100, "generated/pipe"), fifo)
    assert str(refused.value) == (
        "generated/pipe: this is a FIFO (named pipe), not a regular file; codegen reads only "
        "regular files: replace it with the file itself"
    )


def test_a_device_is_refused_before_it_is_read(tmp_path: Path) -> None:
    (tmp_path / "zero").symlink_to("/dev/zero")
    with pytest.raises(RefusedFile, match="this is a character device, not a regular file"):
        read_limited(tmp_path / "zero", 2**30)


def test_a_link_out_of_the_folder_is_refused_and_one_inside_it_is_read(tmp_path: Path) -> None:
    folder = tmp_path / "templates"
    (folder / "sub").mkdir(parents=True)
    (tmp_path / "secret.txt").write_text("secret\n", encoding="utf-8")
    (folder / "page.j2").write_text("page\n", encoding="utf-8")
    (folder / "out.j2").symlink_to(tmp_path / "secret.txt")
    (folder / "sub" / "in.j2").symlink_to("../page.j2")
    with pytest.raises(RefusedFile) as refused:
        read_limited(folder / "out.j2", 100, "templates/out.j2", within=folder)
    assert "a symbolic link that leads outside templates" in str(refused.value)
    assert "secret" not in str(refused.value)
    assert read_limited(folder / "sub" / "in.j2", 100, within=folder) == b"page\n"


def test_a_file_past_its_limit_is_refused_without_being_read_whole(tmp_path: Path) -> None:
    huge = tmp_path / "huge.yaml"
    with huge.open("wb") as file:
        file.truncate(2**30)  # sparse; a regression reads 1 GiB, not the machine's memory
    with pytest.raises(FileTooLarge, match="^spec/codes.yaml: too big$"):
        returns_within(5, lambda: read_limited(huge, 2**20, "spec/codes.yaml", too_large="too big"))


def test_a_file_that_says_it_is_empty_is_still_read_no_further_than_the_limit() -> None:
    """A file of /proc has size 0 by ``stat``: only the bounded read tells its length."""
    environ = Path("/proc/self/environ")
    if not environ.exists():
        pytest.skip("no /proc")
    assert os.stat(environ).st_size == 0 and len(environ.read_bytes()) > 16
    with pytest.raises(FileTooLarge, match="larger than 16 bytes"):
        read_limited(environ, 16)


def test_a_missing_file_reads_as_none(tmp_path: Path) -> None:
    assert read_bytes(tmp_path / "nowhere", 10) is None


def test_generate_refuses_a_fifo_where_an_output_goes_and_writes_nothing(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("old\n", encoding="utf-8")
    os.mkfifo(tmp_path / "b.txt")
    with pytest.raises(RefusedFile, match="b.txt: this is a FIFO"):
        returns_within(
            5,
            lambda: write_changed(tmp_path, {"a.txt": "new\n", "b.txt": "b\n"}),
            tmp_path / "b.txt",
        )
    assert (tmp_path / "a.txt").read_text(encoding="utf-8") == "old\n"


def test_an_output_far_larger_than_its_new_text_is_rewritten_without_being_read(
    tmp_path: Path,
) -> None:
    with (tmp_path / "a.txt").open("wb") as file:
        file.truncate(2**30)  # sparse
    assert returns_within(5, lambda: write_changed(tmp_path, {"a.txt": "a\n"})) == ["a.txt"]
    assert (tmp_path / "a.txt").read_text(encoding="utf-8") == "a\n"


def test_a_file_replaced_through_a_link_takes_a_new_files_mode_not_its_targets(
    tmp_path: Path,
) -> None:
    """A committed output that links to a file open to everyone (0777) made the file written
    in its place open to everyone too (issue #18's trial)."""
    target = tmp_path / "open.txt"
    target.write_text("x", encoding="utf-8")
    target.chmod(0o777)
    output = tmp_path / "out.txt"
    output.symlink_to(target)
    write_atomic(output, b"new")
    umask = os.umask(0)
    os.umask(umask)
    assert not output.is_symlink() and output.read_bytes() == b"new"
    assert output.stat().st_mode & 0o777 == 0o666 & ~umask
    assert target.read_text(encoding="utf-8") == "x"
    kept = tmp_path / "kept.txt"
    kept.write_text("x", encoding="utf-8")
    kept.chmod(0o600)
    write_atomic(kept, b"new")
    assert kept.stat().st_mode & 0o777 == 0o600  # a regular file keeps its own mode
