"""Faults: several codegen runs at once in one project (an editor's on-save hook,
pre-commit and ``make -j``), as real processes of the installed console script."""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

import pytest

from bench import synth
from codegen.errors import InputError
from codegen.project.locks import Resource, held, lock_folder, timeout
from tests.support.faults import outputs, run, start, temporaries, write_catalog

RUNS_AT_ONCE = 8
ROUNDS = 3


@pytest.fixture
def made(fault_states: dict[str, Path]) -> Path:
    """A project made by ``codegen init`` with the synthetic catalog, generated."""
    return fault_states["old"]


@pytest.fixture
def project(made: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "project"
    shutil.copytree(made, copy, symlinks=True)
    return copy


def wait_for_holder(project: Path, pid: int, within: float = 30) -> bool:
    """Whether process ``pid`` holds the output folder's lock, waiting until it does (or
    ``within`` seconds pass): its pid is in the lock's holder file."""
    locks = project.parent / f"{project.name}-locks"
    deadline = time.monotonic() + within
    while time.monotonic() < deadline:
        for holder in locks.glob("output-*.holder"):
            if holder.read_text("utf-8").split("\n")[0] == str(pid):
                return True
        time.sleep(0.005)
    return False


@pytest.mark.slow
def test_eight_generate_runs_at_once_take_turns_and_one_of_them_writes(project: Path) -> None:
    catalog = synth.build_catalog(300)
    for round_ in range(ROUNDS):
        catalog = synth.one_message_changed(catalog, f"(改訂{round_})")
        write_catalog(project, catalog)
        runs = [start(project, "generate") for _ in range(RUNS_AT_ONCE)]
        finished = [started.finish() for started in runs]
        assert [r.returncode for r in finished] == [0] * RUNS_AT_ONCE, [r.stderr for r in finished]
        writers = [r for r in finished if "wrote " in r.stdout]
        assert len(writers) == 1, [r.stdout for r in finished]
        assert all("files up to date" in r.stdout for r in finished if r not in writers)
        assert run(project, "check").returncode == 0
        assert temporaries(project) == []


@pytest.mark.slow
def test_check_started_while_generate_writes_waits_for_it_and_passes(project: Path) -> None:
    catalog = synth.one_message_changed(synth.build_catalog(300), "(改訂)")
    write_catalog(project, catalog)
    generate = start(project, "generate")
    assert wait_for_holder(project, generate.pid)
    still_running = generate.running()
    check = run(project, "check")
    assert generate.finish().returncode == 0
    assert still_running, "generate ended before check started: nothing was tested"
    assert check.returncode == 0, check.stdout + check.stderr


def test_a_run_that_waits_too_long_stops_with_one_line_naming_the_holder(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_catalog(project, synth.one_message_changed(synth.build_catalog(300), "(改訂)"))
    before = outputs(project)
    monkeypatch.setenv("CODEGEN_LOCK_DIR", str(project.parent / "project-locks"))
    with held([Resource("output", project / "generated", "generated")], 0, "a test", print):
        result = run(project, "generate", CODEGEN_LOCK_TIMEOUT="1.5")
    assert result.returncode == 2
    waiting, gave_up = result.stderr.splitlines()
    holder = f"held by pid {os.getpid()} (a test) since "
    assert waiting.startswith(f"waiting for the output folder generated, {holder}")
    assert gave_up.startswith(
        f"generated: gave up after 1.5 s waiting for the output folder generated, {holder}"
    )
    assert outputs(project) == before


def test_two_configurations_sharing_an_output_folder_take_one_lock(tmp_path: Path) -> None:
    (tmp_path / "generated").mkdir()
    (tmp_path / "link").symlink_to(tmp_path / "generated")
    keys = {
        Resource("output", path, "x").key
        for path in (
            tmp_path / "generated",
            tmp_path / "a" / ".." / "generated",
            tmp_path / "link",
        )
    }
    assert len(keys) == 1
    assert Resource("catalog", tmp_path / "generated", "x").key not in keys


def test_lock_files_live_outside_the_project(project: Path) -> None:
    result = run(project, "check")
    assert result.returncode == 0
    assert not [p for p in project.rglob("*") if p.suffix in (".lock", ".holder")]
    assert sorted(p.suffix for p in (project.parent / "project-locks").iterdir()) == [
        ".holder",
        ".holder",
        ".lock",
        ".lock",
    ]


def test_the_lock_folder_is_the_variable_s_else_a_private_one(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("CODEGEN_LOCK_DIR", str(tmp_path / "given"))
    assert lock_folder() == tmp_path / "given"
    monkeypatch.delenv("CODEGEN_LOCK_DIR")
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(tmp_path / "runtime"))
    assert lock_folder() == tmp_path / "runtime" / "codegen-locks"
    assert (tmp_path / "runtime" / "codegen-locks").stat().st_mode & 0o777 == 0o700


def test_the_lock_timeout_is_the_variable_s_else_the_configuration_s_else_60(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("CODEGEN_LOCK_TIMEOUT", raising=False)
    assert timeout(None) == 60
    assert timeout(5) == 5
    monkeypatch.setenv("CODEGEN_LOCK_TIMEOUT", "0.5")
    assert timeout(5) == 0.5
    for wrong in ("soon", "-1", "nan", "inf"):
        monkeypatch.setenv("CODEGEN_LOCK_TIMEOUT", wrong)
        with pytest.raises(InputError, match=f"CODEGEN_LOCK_TIMEOUT='{wrong}' is not a number"):
            timeout(None)
