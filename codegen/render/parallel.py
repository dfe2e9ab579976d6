"""Rendering on two cores: the outputs of a run split between this process and one fork.

Each output is rendered and formatted independently of the others, so a run's outputs can
be made in any order and in any process: the results, and the error reported when some
fail (the first failing output, in target order), are the same as one after another. The
split puts black, by far the slowest formatter, on one side and the rest on the other:
at 10,000 codes black takes 15 s of a 20 s run, and the other outputs are rendered while
it works.

Two processes only when it can pay: outputs of unequal weight (:mod:`codegen.render.weights`:
black's output, or the built-in outputs of a catalog large enough for the fork to save time
and small enough for its second copy of the memory to fit), at least two outputs, two
usable cores, and the ``fork`` start method (Linux; not macOS, where forking is unsafe). ``CODEGEN_JOBS=1`` turns it off. Anything
unexpected in the fork (a crash, a bug) falls back to doing its share here, so the fork can
only ever save time. The fork never outlives this process (:func:`die_with_parent`): a
``kill -9`` of codegen ends it too.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import signal
import sys
import threading
import time
from collections.abc import Callable, Sequence
from multiprocessing.connection import Connection
from typing import TypeVar

from codegen import children
from codegen.errors import CodegenError

Job = TypeVar("Job")
Outcome = tuple[bool, object]  # (True, result) or (False, the exception raised)


def run(jobs: Sequence[Job], work: Callable[[Job], str], weight: Callable[[Job], int]) -> list[str]:
    """``[work(job) for job in jobs]``, on two cores when :func:`usable`; a CodegenError
    raised by ``work`` is raised for the first job, in order, that raised one."""
    heavy = any(weight(job) > 1 for job in jobs)  # else one process is as fast, in less memory
    forked = _split(jobs, weight) if heavy and usable(len(jobs)) else set()
    if not forked:
        return [work(job) for job in jobs]
    outcomes = _run_forked(jobs, work, forked)
    results: list[str] = []
    for index, job in enumerate(jobs):
        outcome = outcomes.get(index)
        if outcome is None:  # not done in the fork: do it here
            outcome = _attempt(work, job)
        ok, value = outcome
        if not ok:
            assert isinstance(value, Exception)
            raise value  # the first failure in job order, as one after another would
        assert isinstance(value, str)
        results.append(value)
    return results


def usable(count: int) -> bool:
    """Whether ``count`` jobs would be split between two processes."""
    if count < 2 or os.environ.get("CODEGEN_JOBS", "").strip() == "1":
        return False
    if sys.platform == "darwin" or "fork" not in multiprocessing.get_all_start_methods():
        return False
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return (cores or 1) >= 2


def _split(jobs: Sequence[Job], weight: Callable[[Job], int]) -> set[int]:
    """The indices of the jobs for the fork: heaviest first, each to the lighter side."""
    loads = [0, 0]  # this process, the fork
    forked: set[int] = set()
    for index in sorted(range(len(jobs)), key=lambda i: -weight(jobs[i])):
        side = 1 if loads[1] <= loads[0] else 0
        loads[side] += weight(jobs[index])
        if side:
            forked.add(index)
    return forked


def _attempt(
    work: Callable[[Job], str], job: Job, caught: type[Exception] = CodegenError
) -> Outcome:
    """``work(job)``, or the ``caught`` exception it raised. Here, any exception is kept
    until the jobs before it are known to have succeeded; the fork sends only
    CodegenErrors (anything else may not pickle: this process redoes that job)."""
    try:
        return True, work(job)
    except caught as error:
        return False, error


def _run_forked(
    jobs: Sequence[Job], work: Callable[[Job], str], forked: set[int]
) -> dict[int, Outcome]:
    """The outcomes of every job: the forked ones from the fork, the others from here."""
    context = multiprocessing.get_context("fork")
    receive, send = context.Pipe(duplex=False)
    child = context.Process(
        target=_child,
        args=(send, receive, os.getpid(), jobs, work, sorted(forked)),
        daemon=True,
    )
    child.start()
    send.close()
    try:
        outcomes = {
            i: _attempt(work, job, Exception) for i, job in enumerate(jobs) if i not in forked
        }
        try:
            outcomes.update(receive.recv())
        except (EOFError, OSError):
            pass  # the fork died: its jobs are done here
    except BaseException:
        child.kill()  # Ctrl-C or an error here: the fork's work is no longer wanted
        raise
    finally:
        receive.close()
        child.join()
    return outcomes


def _child(
    send: Connection,
    receive: Connection,
    parent: int,
    jobs: Sequence[Job],
    work: Callable[[Job], str],
    indices: list[int],
) -> None:
    receive.close()  # else a dead parent's pipe stays open here and send() blocks forever
    # A Ctrl-C reaches the whole process group: the parent, interrupted, kills this fork;
    # here it would only print a second traceback.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    die_with_parent(parent)
    outcomes: dict[int, Outcome] = {}
    for index in indices:
        try:
            outcomes[index] = _attempt(work, jobs[index])
        except BaseException:  # noqa: BLE001 - a bug: this process redoes it, with its traceback
            break
    with contextlib.suppress(OSError):  # the parent is gone (a broken pipe): nobody to tell
        send.send(outcomes)
        send.close()


WATCH_EVERY = 0.2  # seconds between two looks at the parent, where prctl is missing


def die_with_parent(parent: int) -> None:
    """End this process (a fork of ``parent``) as soon as ``parent`` dies, even by
    ``kill -9``: on Linux the kernel sends SIGKILL (``prctl(PR_SET_PDEATHSIG)``); elsewhere
    a thread watches ``getppid()`` every :data:`WATCH_EVERY` seconds. Already orphaned
    (the parent died before this call): exit now."""
    armed = children.arm_death_signal()
    if os.getppid() != parent:
        os._exit(1)
    if not armed:
        threading.Thread(target=_watch, args=(parent,), daemon=True).start()


def _watch(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(WATCH_EVERY)
    os._exit(1)
