"""Child processes that never outlive codegen: ruff (:mod:`codegen.render.formatters`), git
(:mod:`codegen.evolution.gitref`), and the fork of :mod:`codegen.render.parallel`.

A ``kill -9`` of codegen (a CI job cancelled, a timeout, an editor killing its hook) runs
no code of codegen's, so only the kernel can end its children. :func:`run` starts each
child with two guards:

- **Linux**: ``prctl(PR_SET_PDEATHSIG, SIGKILL)`` in the child before it runs the program
  (:func:`arm_death_signal`, from ``preexec_fn``): the kernel kills it the moment codegen
  dies, however it dies. A child whose parent died before that call exits at once.
- **Every POSIX system**: the child leads a process group of its own, and when codegen
  stops waiting for it otherwise than by its end (an exception, Ctrl-C), the whole group
  is killed, with whatever the child started.

macOS has no ``PR_SET_PDEATHSIG``: there, after a ``kill -9`` of codegen, a child runs on
until it next reads its standard input (at its end, now that codegen's side is closed) or
writes its output (a broken pipe): ruff finishes the one text it was given, git the one
command. Windows has neither guard (no ``preexec_fn``, no process groups). The
arrangement is stated in docs/security.md.
"""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

PR_SET_PDEATHSIG = 1  # prctl(2): the signal this process gets when its parent dies


def _prctl() -> Callable[..., int] | None:
    """libc's ``prctl``, on Linux; None elsewhere or when it cannot be found."""
    if not sys.platform.startswith("linux"):
        return None
    import ctypes  # only for a run that starts a child

    try:
        prctl: Callable[..., int] = ctypes.CDLL(None, use_errno=True).prctl
        return prctl
    except (OSError, AttributeError):
        return None


def arm_death_signal() -> bool:
    """Have the kernel send this process SIGKILL when its parent dies (Linux); whether it
    will. Called in a child: a fork of codegen, or a child before it runs its program."""
    prctl = _prctl()
    return prctl is not None and prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0) == 0


def options() -> dict[str, Any]:
    """The keyword arguments of :class:`subprocess.Popen` that make the child die with
    this process (see the module's text): on POSIX, a process group of its own and, on
    Linux, the death signal armed before the program runs; none on Windows. For callers
    that need ``subprocess`` itself (the tests' node and tsc); codegen uses :func:`run`."""
    if os.name != "posix":
        return {}
    prctl = _prctl()  # looked up here: the child, between fork and exec, only calls it
    parent = os.getpid()

    def in_the_child() -> None:
        if prctl is not None:
            prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
        if os.getppid() != parent:  # codegen died before the signal was armed
            os._exit(1)

    return {"process_group": 0, "preexec_fn": in_the_child}


def run(
    command: Sequence[str],
    *,
    input: bytes | None = None,
    cwd: Path | None = None,
    env: Mapping[str, str] | None = None,
) -> subprocess.CompletedProcess[bytes]:
    """``command`` run to its end with ``input`` on its standard input (None: empty), its
    output and errors captured as bytes, as ``subprocess.run(..., capture_output=True)``
    does; the child dies with this process (:func:`options`). Raises OSError when the
    program cannot be started."""
    with subprocess.Popen(
        command,
        stdin=subprocess.PIPE if input is not None else subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        cwd=cwd,
        env=env,
        **options(),
    ) as process:
        try:
            stdout, stderr = process.communicate(input)
        except BaseException:
            _kill_group(process)
            raise
    return subprocess.CompletedProcess(process.args, process.returncode, stdout, stderr)


def _kill_group(process: subprocess.Popen[bytes]) -> None:
    """Kill ``process`` and its process group (what it started), while it is not yet
    reaped (its group id cannot have been reused), then wait for it."""
    if process.poll() is None:
        with contextlib.suppress(OSError):
            if os.name == "posix":
                os.killpg(process.pid, signal.SIGKILL)
            else:
                process.kill()
    process.wait()
