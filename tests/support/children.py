"""Helpers of the tests that kill codegen while a child of it runs (codegen.children): a
stand-in program that never ends, a ``kill -9`` of the process that started it, and
whether the stand-in is gone after it."""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path

STARTS_WITHIN = 60.0  # seconds a test waits for the stand-in to start


def never_ending(folder: Path, name: str) -> tuple[Path, Path]:
    """An executable ``folder/name`` that writes its pid to ``folder/name.pid``, then sleeps
    until it is killed (a ruff or git that hangs); its path and its pid file's."""
    folder.mkdir(parents=True, exist_ok=True)
    program, pid_file = folder / name, folder / f"{name}.pid"
    program.write_text(
        f'#!/bin/sh\necho $$ > "{pid_file}.tmp" && mv "{pid_file}.tmp" "{pid_file}"\n'
        "exec sleep 600\n",
        encoding="utf-8",
    )
    program.chmod(0o755)
    return program, pid_file


def gone(pid: int, within: float = 1.0) -> bool:
    """Whether process ``pid`` has ended, waiting up to ``within`` seconds. A zombie (dead,
    not yet reaped by a container's init) counts as ended."""
    deadline = time.monotonic() + within
    while _alive(pid):
        if time.monotonic() > deadline:
            return False
        time.sleep(0.01)
    return True


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()[0]
    except (OSError, IndexError):
        if Path("/proc/self/stat").exists():
            return False
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return False
        return True
    return state != "Z"


@contextlib.contextmanager
def killed_while_its_child_runs(
    argv: Sequence[str],
    pid_file: Path,
    env: Mapping[str, str] | None = None,
    cwd: Path | None = None,
) -> Iterator[int]:
    """Start ``argv`` (in ``cwd``, in a session of its own), wait until the stand-in it runs has
    written ``pid_file``, ``kill -9`` it and reap it; yield the stand-in's pid. Whatever
    the test finds, the stand-in and the session are killed afterwards."""
    parent = subprocess.Popen(
        [*argv], env=dict(env) if env is not None else None, cwd=cwd, start_new_session=True
    )
    child = 0
    try:
        deadline = time.monotonic() + STARTS_WITHIN
        while not pid_file.exists() and parent.poll() is None and time.monotonic() < deadline:
            time.sleep(0.01)
        assert pid_file.exists(), f"{argv} never started its child (exit {parent.poll()})"
        child = int(pid_file.read_text())
        os.kill(parent.pid, signal.SIGKILL)
        parent.wait()
        yield child
    finally:
        for pid in (child, -parent.pid):
            with contextlib.suppress(ProcessLookupError, PermissionError):
                if pid:
                    os.kill(pid, signal.SIGKILL)
        parent.wait()


def python(script: str, *args: str) -> list[str]:
    """The command that runs ``script`` with this test run's Python."""
    return [sys.executable, "-c", script, *args]
