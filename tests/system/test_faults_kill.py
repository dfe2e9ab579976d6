"""Faults: ``kill -9`` of codegen at random moments of ``generate`` and ``import``.

After each kill: every output (and the catalog) holds either its old or its new bytes, no
process of the run is left (the fork of codegen.render.parallel dies with it), and the next run
leaves no temporary file and the right outputs. The moments are fractions of a measured
run, drawn from a fixed seed, so a failure names the fraction that reproduces it.
"""

from __future__ import annotations

import contextlib
import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from bench import synth
from bench.documents import to_markdown
from codegen.render import formatters, parallel
from tests.support.catalogs import Project
from tests.support.children import gone, killed_while_its_child_runs, never_ending, python
from tests.support.faults import (
    SEED,
    Started,
    outputs,
    run,
    session_gone,
    start,
    temporaries,
)

KILLS = 3  # per command; plus one kill as soon as a temporary file appears


@pytest.fixture
def states(fault_states: dict[str, Path]) -> dict[str, Path]:
    return fault_states


def fresh(states: dict[str, Path], folder: Path) -> Path:
    """A copy of the old project whose catalog is the new one: generate has work to do."""
    project = folder / "project"
    shutil.rmtree(folder / "project-locks", ignore_errors=True)
    shutil.rmtree(project, ignore_errors=True)
    shutil.copytree(states["old"], project, symlinks=True)
    shutil.copy(states["new"] / "spec" / "codes.yaml", project / "spec" / "codes.yaml")
    return project


def kill_when(started: Started, moment: float | None, project: Path) -> None:
    """``kill -9`` the run after ``moment`` seconds, or (None) as soon as a temporary file
    appears in the project, or when it has ended."""
    if moment is not None:
        time.sleep(moment)  # the random moment is the point: there is no event to wait on
    else:
        while started.running() and not temporaries(project):
            pass
    os.kill(started.pid, signal.SIGKILL)


def moments(duration: float) -> list[float | None]:
    rng = random.Random(SEED)
    return [None, *(round(rng.uniform(0.05, 1.1) * duration, 3) for _ in range(KILLS))]


@pytest.mark.slow
def test_generate_killed_at_any_moment_leaves_old_or_new_files_and_no_process(
    states: dict[str, Path], tmp_path: Path
) -> None:
    old, new = outputs(states["old"]), outputs(states["new"])
    duration = run(fresh(states, tmp_path), "generate").seconds
    for moment in moments(duration):
        project = fresh(states, tmp_path)
        started = start(project, "generate")
        kill_when(started, moment, project)
        started.finish()
        assert session_gone(started.pid), f"a process outlived codegen killed at {moment}"
        for relative, data in outputs(project).items():
            if not relative.endswith(".tmp"):
                assert data in (old.get(relative), new.get(relative)), (relative, moment)
        again = run(project, "generate")
        assert again.returncode == 0, again.stderr
        assert temporaries(project) == [], moment
        assert outputs(project) == new, moment


@pytest.mark.slow
def test_import_killed_at_any_moment_leaves_the_old_or_new_catalog(
    states: dict[str, Path], tmp_path: Path
) -> None:
    page = tmp_path / "codes.ja.md"
    page.write_text(to_markdown(synth.build_catalog(300), "ja"), encoding="utf-8")
    changed = tmp_path / "changed.ja.md"
    catalog = synth.one_message_changed(synth.build_catalog(300), "(改訂)")
    changed.write_text(to_markdown(catalog, "ja"), encoding="utf-8")
    before = (states["old"] / "spec" / "codes.yaml").read_bytes()
    first = fresh(states, tmp_path)
    shutil.copy(states["old"] / "spec" / "codes.yaml", first / "spec" / "codes.yaml")
    done = run(first, "import", str(changed))
    assert done.returncode == 0, done.stderr
    after = (first / "spec" / "codes.yaml").read_bytes()
    assert after != before
    for moment in moments(done.seconds):
        project = fresh(states, tmp_path)
        catalog_path = project / "spec" / "codes.yaml"
        catalog_path.write_bytes(before)
        started = start(project, "import", str(changed))
        kill_when(started, moment, project)
        started.finish()
        assert session_gone(started.pid), moment
        assert catalog_path.read_bytes() in (before, after), moment
        again = run(project, "import", str(changed))
        assert again.returncode == 0, again.stderr
        assert temporaries(project) == [], moment
        assert catalog_path.read_bytes() == after, moment


FORK_BLOCKS = """
import os, sys, threading
from codegen.render import formatters, parallel

def work(job):
    if job == "fork":
        with open(sys.argv[1] + ".tmp", "w") as file:
            file.write(str(os.getpid()))
        os.replace(sys.argv[1] + ".tmp", sys.argv[1])
    threading.Event().wait()  # both sides block until killed
    return ""

parallel.run(["fork", "here"], work, lambda job: 2 if job == "fork" else 1)
"""


def test_the_fork_dies_within_a_second_of_a_kill_9_of_codegen(tmp_path: Path) -> None:
    if not parallel.usable(2):
        pytest.skip("one core, or no fork start method: codegen does not fork here")
    pid_file = tmp_path / "fork.pid"
    env = {k: v for k, v in os.environ.items() if k != "CODEGEN_JOBS"}
    parent = subprocess.Popen(
        [sys.executable, "-c", FORK_BLOCKS, str(pid_file)], env=env, start_new_session=True
    )
    try:
        deadline = time.monotonic() + 60
        while not pid_file.exists() and parent.poll() is None and time.monotonic() < deadline:
            time.sleep(0.01)
        fork = int(pid_file.read_text())
        os.kill(parent.pid, signal.SIGKILL)
        parent.wait()
        assert session_gone(parent.pid, within=1.0), f"the fork {fork} outlived its parent"
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(parent.pid, signal.SIGKILL)


GENERATES_WITH = """
import sys
from codegen.render import formatters

formatters.ruff_command = lambda: sys.argv[1]  # a ruff that never ends
from codegen.cli import main

raise SystemExit(main(["generate"]))
"""


@pytest.mark.slow
@pytest.mark.skipif(formatters.ruff_command() is None, reason="ruff is not installed")
def test_ruff_dies_within_a_second_of_a_kill_9_of_codegen_generate(tmp_path: Path) -> None:
    """Linux: the kernel kills it (PR_SET_PDEATHSIG); nothing of the run is left."""
    project = Project(tmp_path / "project")
    project.config.write_text(
        'catalog = "spec/codes.yaml"\n[[targets]]\ntemplate = "python_module.py.j2"\n'
        'output = "codes.py"\nformatter = "ruff"\n',
        encoding="utf-8",
    )
    ruff, pid_file = never_ending(tmp_path / "bin", "ruff")
    argv = python(GENERATES_WITH, str(ruff))
    with killed_while_its_child_runs(argv, pid_file, cwd=project.root) as child:
        assert gone(child, within=1.0), f"ruff (pid {child}) outlived codegen generate"
    assert not (project.output / "codes.py").exists()
