"""Helpers of the fault suite (tests/system/test_faults_*.py): real ``codegen`` processes on a
project made by ``codegen init`` with a synthetic catalog, and what every run cost.

Each run is the installed console script in its own session (process group), so that a
test can ``kill -9`` it and then ask whether any process of it is left. Its wall time and
peak memory (``ru_maxrss`` of the run and the processes it waited for) are recorded in
:data:`RUNS`; the session's summary prints them (tests/conftest.py). A new session makes
Python fork rather than vfork, so ``ru_maxrss`` is at least what the child shared with
pytest before exec: in a full test run it is pytest's size, not codegen's.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bench import synth

CODES = 300  # codes of the fault suite's catalog: a run takes about a second
SEED = 20261130  # the random moments of the kill tests: a failure reproduces
TEMPORARY = re.compile(r".*\.tmp\Z")  # any temporary file, whoever named it


@dataclass(frozen=True)
class Run:
    """One finished codegen process."""

    argv: tuple[str, ...]
    returncode: int
    stdout: str
    stderr: str
    seconds: float
    max_rss_kib: int


RUNS: list[Run] = []


def codegen_script() -> str:
    """The installed ``codegen`` console script of the Python running the tests."""
    beside = Path(sys.executable).with_name("codegen")
    found = str(beside) if beside.exists() else shutil.which("codegen")
    assert found, "the codegen console script is not installed (pip install -e .)"
    return found


def environment(project: Path, **extra: str) -> dict[str, str]:
    """The environment of a run: the test's, with the project's own lock folder and no
    codegen variable of the caller's."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("CODEGEN_")}
    env["CODEGEN_LOCK_DIR"] = str(project.parent / f"{project.name}-locks")
    return {**env, **extra}


@dataclass
class Started:
    """A codegen process that has been started; :meth:`finish` waits for it."""

    process: subprocess.Popen[bytes]
    argv: tuple[str, ...]
    began: float
    out: Path
    err: Path

    @property
    def pid(self) -> int:
        return self.process.pid

    def running(self) -> bool:
        """Whether the process has not ended yet (it is not reaped: :meth:`finish` does)."""
        ended = os.waitid(os.P_PID, self.pid, os.WEXITED | os.WNOHANG | os.WNOWAIT)
        return ended is None

    def finish(self, timeout: float = 120) -> Run:
        """Wait for the process (``os.wait4``, for its peak memory) and record the run."""
        deadline = time.monotonic() + timeout
        while True:
            pid, status, usage = os.wait4(self.pid, os.WNOHANG)
            if pid:
                break
            assert time.monotonic() < deadline, f"{self.argv} still runs after {timeout} s"
            time.sleep(0.01)
        self.process.returncode = os.waitstatus_to_exitcode(status)
        run = Run(
            self.argv,
            self.process.returncode,
            self.out.read_text("utf-8"),
            self.err.read_text("utf-8"),
            time.monotonic() - self.began,
            usage.ru_maxrss,
        )
        RUNS.append(run)
        return run


def start(project: Path, *args: str, prefix: Sequence[str] = (), **env: str) -> Started:
    """``codegen ARGS`` in ``project``, in a session of its own; ``prefix`` is a command
    (e.g. setpriv's) that runs it."""
    logs = project.parent / f"{project.name}-logs"
    logs.mkdir(exist_ok=True)
    name = f"{len(RUNS)}-{time.monotonic_ns()}"
    out, err = logs / f"{name}.out", logs / f"{name}.err"
    argv = (*prefix, codegen_script(), *args)
    with out.open("wb") as stdout, err.open("wb") as stderr:
        process = subprocess.Popen(
            argv,
            cwd=project,
            env=environment(project, **env),
            stdin=subprocess.DEVNULL,
            stdout=stdout,
            stderr=stderr,
            start_new_session=True,
        )
    return Started(process, tuple(args), time.monotonic(), out, err)


def run(project: Path, *args: str, **env: str) -> Run:
    """``codegen ARGS`` in ``project``, to its end."""
    return start(project, *args, **env).finish()


def make_project(folder: Path, size: int = CODES) -> Path:
    """``codegen init`` in ``folder``, then a synthetic catalog of ``size`` codes as
    spec/codes.yaml; nothing generated yet."""
    folder.mkdir(parents=True)
    assert run(folder, "init").returncode == 0
    write_catalog(folder, synth.build_catalog(size))
    return folder


def write_catalog(project: Path, catalog: dict[str, Any]) -> None:
    (project / "spec" / "codes.yaml").write_text(
        synth.catalog_yaml(catalog), encoding="utf-8", newline="\n"
    )


def outputs(project: Path) -> dict[str, bytes]:
    """Every file under generated/, temporary files included, by relative path."""
    output = project / "generated"
    return {
        p.relative_to(output).as_posix(): p.read_bytes()
        for p in sorted(output.rglob("*"))
        if p.is_file()
    }


def temporaries(project: Path) -> list[str]:
    """Every temporary file left in the project, by relative path."""
    return sorted(
        p.relative_to(project).as_posix()
        for p in project.rglob("*")
        if TEMPORARY.match(p.name) and p.is_file()
    )


def session_gone(pgid: int, within: float = 1.0) -> bool:
    """Whether no live process of process group or session ``pgid`` is left (a child that
    leads a group of its own, as ruff and git do, is still in codegen's session), waiting
    up to ``within`` seconds. A zombie (dead, not yet reaped by a container's init) counts
    as gone."""
    deadline = time.monotonic() + within
    while _group_members(pgid):
        if time.monotonic() > deadline:
            return False
        time.sleep(0.01)
    return True


def _group_members(pgid: int) -> list[int]:
    """The pids of the live processes of group or session ``pgid``, from /proc (Linux)."""
    if not Path("/proc/self/stat").exists():
        try:
            os.killpg(pgid, 0)
        except ProcessLookupError:
            return []
        return [pgid]
    members = []
    for entry in Path("/proc").iterdir():
        try:
            fields = (entry / "stat").read_text().rpartition(")")[2].split()
        except (OSError, ValueError):
            continue  # not a process, or gone meanwhile
        if fields[0] != "Z" and pgid in (int(fields[2]), int(fields[3])):
            members.append(int(entry.name))
    return members


def summary() -> str:
    """One line: runs, failures (a non-zero exit no test expected is a test failure, so
    this counts exits other than 0 whatever the reason), worst wall time, peak memory."""
    worst = max(RUNS, key=lambda r: r.seconds)
    peak = max(r.max_rss_kib for r in RUNS)
    nonzero = sum(1 for r in RUNS if r.returncode != 0)
    return (
        f"fault suite: {len(RUNS)} codegen runs, {nonzero} exited non-zero (killed or "
        f"expected errors included); worst wall time {worst.seconds:.2f} s "
        f"(codegen {' '.join(worst.argv)}), peak memory of a run {peak / 1024:.0f} MiB"
    )
