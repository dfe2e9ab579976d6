"""Faults of the disk: a full disk for one write, a read-only output folder, and the
temporary files a killed run leaves behind."""

from __future__ import annotations

import errno
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from bench import synth
from bench.documents import to_markdown
from codegen.cli import main
from codegen.files import existing_files, remove_stale_temporaries
from tests.support.faults import outputs, start, temporaries, write_catalog


@pytest.fixture
def made(fault_states: dict[str, Path]) -> Path:
    """A project made by ``codegen init`` with the synthetic catalog, generated."""
    return fault_states["old"]


@pytest.fixture
def project(made: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the generated project whose catalog has one message changed; the
    working directory, for runs in this process."""
    copy = tmp_path / "project"
    shutil.copytree(made, copy, symlinks=True)
    write_catalog(copy, synth.one_message_changed(synth.build_catalog(300), "(改訂)"))
    monkeypatch.chdir(copy)
    return copy


def disk_full_on(monkeypatch: pytest.MonkeyPatch, chosen: Callable[[str], bool]) -> list[str]:
    """Make the first ``os.fsync`` of a file whose path is ``chosen`` fail as a full disk
    does (ENOSPC); return the paths it failed for."""
    real = os.fsync
    failed: list[str] = []

    def fsync(fd: int) -> None:
        path = os.readlink(f"/proc/self/fd/{fd}")
        if chosen(path) and not failed:
            failed.append(path)
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        real(fd)

    monkeypatch.setattr(os, "fsync", fsync)
    return failed


needs_proc = pytest.mark.skipif(
    not Path("/proc/self/fd").is_dir(), reason="finds the written file through /proc"
)


@needs_proc
def test_a_full_disk_during_generate_leaves_every_output_as_it_was(
    project: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    before = outputs(project)
    failed = disk_full_on(monkeypatch, lambda path: "/generated/jsonschema/" in path)
    assert main(["generate"]) == 2
    assert failed
    assert capsys.readouterr().err == (
        "cannot write generated/jsonschema/bench_codes.schema.json: No space left on device\n"
    )
    assert outputs(project) == before
    assert temporaries(project) == []


@needs_proc
def test_a_full_disk_during_import_leaves_the_catalog_as_it_was(
    project: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    catalog = project / "spec" / "codes.yaml"
    page = project.parent / "page.ja.md"
    page.write_text(to_markdown(synth.build_catalog(300), "ja"), encoding="utf-8")
    before = catalog.read_bytes()
    failed = disk_full_on(monkeypatch, lambda path: "/spec/" in path)
    assert main(["import", str(page)]) == 2
    assert failed
    assert capsys.readouterr().err.splitlines()[-1] == (
        "spec/codes.yaml: cannot write the catalog: No space left on device"
    )
    assert catalog.read_bytes() == before
    assert temporaries(project) == []


PROBE = "import os, sys; sys.exit(os.access(sys.argv[1], os.W_OK))"  # 0: not writable


def without_write_permission(scratch: Path) -> list[str]:
    """A command prefix under which permission bits bind: none for a user other than
    root; for root, ``setpriv`` dropping every capability (CAP_DAC_OVERRIDE among them),
    so a folder without write permission is one for it too. Skips the test when neither
    works here."""
    if os.geteuid() != 0:
        return []
    prefix = ["setpriv", "--inh-caps=-all", "--bounding-set=-all", "--"]
    if shutil.which("setpriv"):
        scratch.mkdir(mode=0o555)
        probe = subprocess.run(
            [*prefix, sys.executable, "-c", PROBE, str(scratch)],
            check=False,
        )
        if probe.returncode == 0:
            return prefix
    pytest.skip("root, and setpriv cannot drop CAP_DAC_OVERRIDE here")


def test_a_read_only_output_folder_stops_generate_with_the_path_and_nothing_written(
    project: Path,
) -> None:
    prefix = without_write_permission(project.parent / "read-only")
    output = project / "generated"
    before = outputs(project)
    folders = [output, *(p for p in output.rglob("*") if p.is_dir())]
    for folder in folders:
        folder.chmod(0o555)
    try:
        result = start(project, "generate", prefix=prefix).finish()
    finally:
        for folder in folders:
            folder.chmod(0o755)
    assert result.returncode == 2
    assert result.stderr == ("cannot write generated/python/bench_codes.py: Permission denied\n")
    assert outputs(project) == before
    assert temporaries(project) == []


def dead_pid() -> int:
    """The pid of a process that has ended."""
    process = subprocess.Popen([sys.executable, "-c", "pass"])
    process.wait()
    return process.pid


def test_generate_removes_the_temporary_files_of_a_run_that_is_gone(project: Path) -> None:
    gone, alive = dead_pid(), os.getppid()
    stale = [
        project / "generated" / "python" / f".bench_codes.py.codegen-{gone}-abc123.tmp",
        project / "spec" / f".codes.yaml.codegen-{gone}-x_y.tmp",
        project / ".codegen-cache" / f".0123.txt.codegen-{gone}-q.tmp",
    ]
    kept = [
        project / "generated" / f".index.md.codegen-{alive}-abc.tmp",  # a live run's
        project / "generated" / "notes.tmp",  # not codegen's: check reports it
    ]
    for path in stale + kept:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("# DO NOT EDIT: generated by codegen\n" if path.name != "notes.tmp" else "")
    assert main(["generate"]) == 0
    assert [p for p in stale if p.exists()] == []
    assert [p for p in kept if p.exists()] == kept


def test_a_temporary_file_is_never_an_output_nor_a_leftover(tmp_path: Path) -> None:
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "en.md").write_text("x")
    (tmp_path / "docs" / f".en.md.codegen-{os.getpid()}-k2j_x9.tmp").write_text("x")
    assert existing_files(tmp_path) == ["docs/en.md"]
    assert remove_stale_temporaries(tmp_path, recursive=True) == []  # our own: kept
