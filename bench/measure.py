"""Timing one command in fresh processes: wall time, peak memory, timeouts, failures.

Each run is a new process, started by a small launcher process that reaps it with
``os.wait4``: the usage it returns is that child's alone (with its own reaped children, e.g.
a formatter it runs), so ``ru_maxrss`` is the peak RSS of that one run. ``RUSAGE_CHILDREN``
deltas would not do (it keeps the maximum over every child ever reaped), nor would forking
from the harness itself (the child would start with the harness's peak).
"""

from __future__ import annotations

import json
import os
import signal
import statistics
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True)
class Sample:
    """One run of a command."""

    seconds: float
    peak_kib: int  # ru_maxrss, KiB on Linux
    exit_code: int
    timed_out: bool
    stderr: str
    tree_kib: int = 0  # the largest PSS sum of the process and its children seen; 0: no /proc


@dataclass
class Measurement:
    """Every timed run of one command at one size, or why there are none."""

    key: str  # e.g. "check-changed"; used on the command line and in the plot
    label: str  # what the report says
    samples: list[Sample] = field(default_factory=list)
    error: str = ""  # "timed out after N s" or "failed: <first stderr line>"

    @property
    def ok(self) -> bool:
        return not self.error and bool(self.samples)

    @property
    def median(self) -> float:
        return statistics.median(s.seconds for s in self.samples)

    @property
    def minimum(self) -> float:
        return min(s.seconds for s in self.samples)

    @property
    def maximum(self) -> float:
        return max(s.seconds for s in self.samples)

    @property
    def peak_mib(self) -> float:
        return max(s.peak_kib for s in self.samples) / 1024

    def memory_mib(self) -> list[float]:
        """Each run's peak memory in MiB: the larger of its largest process's ``ru_maxrss``
        and the sampled PSS sum of its whole process tree (a fork and a formatter with it)."""
        return [max(s.peak_kib, s.tree_kib) / 1024 for s in self.samples]


# Runs the command and writes its wall time, exit code and own ru_maxrss to argv[1]. The
# command is forked from this small process, not from the harness: a forked child's
# ru_maxrss starts at its parent's peak (Linux keeps the pre-exec high-water mark). Every
# 0.1 s a thread also sums the PSS (each shared page split between its sharers) of the
# command and its descendants from /proc, so that a fork's memory is counted once, with the
# parent's; the main thread waits for the command, so its end is timed exactly (a loop that
# slept 0.1 s between polls rounded every time up to the next tenth of a second).
_LAUNCHER = """
import json, os, subprocess, sys, threading, time
def tree(root):
    kids = {}
    for name in os.listdir('/proc'):
        if name.isdigit():
            try:
                with open('/proc/' + name + '/stat') as f:
                    kids.setdefault(int(f.read().rsplit(')', 1)[1].split()[1]), []).append(int(name))
            except (OSError, IndexError, ValueError):
                pass
    found, todo = [], [root]
    while todo:
        pid = todo.pop()
        found.append(pid)
        todo += kids.get(pid, [])
    return found
def pss(pid):
    try:
        with open('/proc/%d/smaps_rollup' % pid) as f:
            return sum(int(l.split()[1]) for l in f if l.startswith('Pss:'))
    except (OSError, ValueError):
        return 0
start = time.perf_counter()
child = subprocess.Popen(sys.argv[2:])
peak, done = [0], threading.Event()
def sample():
    while not done.wait(0.1):
        peak[0] = max(peak[0], sum(pss(p) for p in tree(child.pid)))
if os.path.isdir('/proc'):
    threading.Thread(target=sample, daemon=True).start()
pid, status, usage = os.wait4(child.pid, 0)
seconds = time.perf_counter() - start
done.set()
tree_kib = peak[0]
child.returncode = code = os.waitstatus_to_exitcode(status)
with open(sys.argv[1], "w") as out:
    json.dump({"seconds": seconds, "peak_kib": usage.ru_maxrss, "exit_code": code,
               "tree_kib": tree_kib}, out)
"""


def run_once(argv: Sequence[str], cwd: Path, env: dict[str, str], timeout: float) -> Sample:
    """Run ``argv`` once in a new process group; kill the group after ``timeout`` seconds."""
    timed_out = threading.Event()
    figures = cwd / ".bench-figures.json"
    figures.unlink(missing_ok=True)
    launcher = [sys.executable, "-I", "-S", "-c", _LAUNCHER, str(figures), *argv]
    with open(cwd / ".bench-stdout", "wb") as out, open(cwd / ".bench-stderr", "wb+") as err:
        start = time.perf_counter()
        process = subprocess.Popen(
            launcher,
            cwd=cwd,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=out,
            stderr=err,
            start_new_session=True,
        )
        timer = threading.Timer(timeout, _kill_group, (process.pid, timed_out))
        timer.start()
        try:
            process.wait()
        finally:
            timer.cancel()
        seconds = time.perf_counter() - start
        err.seek(0)
        stderr = err.read().decode("utf-8", "replace")
    if timed_out.is_set() or not figures.is_file():  # killed, or the command could not start
        return Sample(seconds, 0, process.returncode, timed_out.is_set(), stderr)
    found = json.loads(figures.read_text(encoding="utf-8"))
    return Sample(
        found["seconds"],
        found["peak_kib"],
        found["exit_code"],
        False,
        stderr,
        found.get("tree_kib", 0),
    )


def _kill_group(pid: int, timed_out: threading.Event) -> None:
    timed_out.set()
    try:
        os.killpg(pid, signal.SIGKILL)  # the group of the process started above, and only it
    except ProcessLookupError:
        pass


def measure(
    key: str,
    label: str,
    argv: Sequence[str],
    cwd: Path,
    env: dict[str, str],
    *,
    runs: int,
    timeout: float,
    expect: int = 0,
    before_each: Callable[[], None] = lambda: None,
    warm_up: bool = True,
) -> Measurement:
    """One untimed warm-up run (unless not ``warm_up``), then ``runs`` timed runs; stops at
    the first bad run."""
    result = Measurement(key, label)
    first = 0 if warm_up else 1
    for index in range(first, runs + 1):
        before_each()
        sample = run_once(argv, cwd, env, timeout)
        problem = describe_problem(sample, expect, timeout)
        if problem:
            result.error = problem
            result.samples.clear()
            return result
        if index:
            result.samples.append(sample)
    return result


def describe_problem(sample: Sample, expect: int, timeout: float) -> str:
    """'' for a run that exited as expected; else what the report shows instead of figures."""
    if sample.timed_out:
        return f"timed out after {timeout:g} s"
    if sample.exit_code == expect:
        return ""
    return f"failed: {first_error_line(sample.stderr)} (exit {sample.exit_code}, expected {expect})"


def first_error_line(stderr: str) -> str:
    """The first stderr line, or the exception line when stderr is a Python traceback."""
    lines = [line.strip() for line in stderr.splitlines() if line.strip()]
    if not lines:
        return "no output on stderr"
    if lines[0].startswith("Traceback (most recent call last)"):
        return lines[-1]
    return lines[0]
