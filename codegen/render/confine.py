"""Work on untrusted input done in a child process whose memory and CPU time the kernel
bounds: how a user template's output is made (:mod:`codegen.render.engine`).

Jinja's sandbox keeps a template from reaching names it is not given, and
:mod:`codegen.render.bounds` refuses the operations known to build a lot in one step, but
the ways to make gigabytes or minutes of work from a few characters of template do not
end (``'%*d' % (3000000000, 1)``, ``batch``, ``join``, ``replace``, doubling with ``~``).
So :func:`run` does ``work(job)`` in a fork of this process, under two limits the kernel
enforces whatever the work does (``setrlimit(2)``):

- memory: ``RLIMIT_AS``, the child's address space when it starts (what it inherits from
  this process, mostly shared with it) plus ``memory_bytes``. An allocation past it fails:
  Python raises ``MemoryError`` where the template asked for the memory, and a C call
  building a huge text fails before it has built anything.
- CPU time: ``RLIMIT_CPU``. At ``cpu_seconds`` the kernel sends ``SIGXCPU``, which raises
  :class:`CpuTimeExceeded` in the child; :data:`GRACE_SECONDS` later, ``SIGKILL``, for a C
  call that never returns to Python. A formatter the child runs (``ruff``) inherits both
  limits.

The child's result (the ``str`` ``work`` returned, or the :class:`~codegen.errors.CodegenError`
it raised) comes back pickled through a pipe; a child that left none is :class:`Stopped`,
with the reason read from its exit status and CPU time (``os.wait4``). The child ends with
this process (:func:`codegen.render.parallel.die_with_parent`) and leaves by ``os._exit``:
nothing of this process (``atexit`` handlers, buffered output, a test runner) runs in it.

Only where the kernel can be asked (:func:`available`: Linux, with ``fork``, ``resource``
and ``/proc/self/statm``). Elsewhere :func:`run` does the work in this process, bounded by
the sandbox, :mod:`codegen.render.bounds` and the deadline alone (docs/security.md).
"""

from __future__ import annotations

import os
import pickle
import signal
import sys
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from types import FrameType
from typing import TypeVar

from codegen.errors import CodegenError
from codegen.render.parallel import die_with_parent

try:
    import resource
except ImportError:  # Windows: no kernel limits to ask for
    resource = None  # type: ignore[assignment]

Job = TypeVar("Job")

GRACE_SECONDS = 2  # from SIGXCPU (the soft CPU limit) to SIGKILL (the hard one)
READ_BYTES = 2**20  # read from the child's pipe at a time
MEMORY_EXIT = 3  # the child's exit status when it could not even report a MemoryError
FAILED_EXIT = 4  # the child's exit status when it could not report what happened


@dataclass(frozen=True)
class ChildLimits:
    """What the kernel lets the child use: ``memory_bytes`` of address space beyond what
    it starts with, ``cpu_seconds`` of CPU time."""

    memory_bytes: int
    cpu_seconds: int


class CpuTimeExceeded(BaseException):
    """Raised in the child when it passes its CPU time (``SIGXCPU``). A BaseException, so
    that no ``except Exception`` between the template and the child's top swallows it."""


class Stopped(Exception):
    """The child ended without a result: ``reason`` is ``"memory"`` (it ran out of its
    address space even to report it), ``"cpu"`` (killed at its CPU time) or
    ``"signal"``/``"exit"`` (killed by ``signal_name``, or exited with ``status``
    otherwise: a crash, or the kernel's out-of-memory killer)."""

    def __init__(self, reason: str, signal_name: str = "", status: int = 0) -> None:
        super().__init__(reason, signal_name, status)
        self.reason = reason
        self.signal_name = signal_name
        self.status = status


class ChildFailed(Exception):
    """The work raised something other than a CodegenError in the child: a bug of
    codegen's; ``args[0]`` is the child's traceback. Never redone here, outside the
    limits."""


def available() -> bool:
    """Whether :func:`run` can do work in a child under kernel limits here."""
    return (
        sys.platform.startswith("linux")
        and hasattr(os, "fork")
        and hasattr(os, "wait4")
        and resource is not None
        and _address_space() > 0
    )


def run(work: Callable[[Job], str], job: Job, limits: ChildLimits) -> str:
    """``work(job)``, done in a child process under ``limits`` when :func:`available`
    (else here). Returns what it returned; raises the CodegenError it raised (anything
    of the work's, a MemoryError or CpuTimeExceeded included, must be turned into one
    there to name a line); :class:`Stopped` when the child left no result;
    :class:`ChildFailed` for a bug in the child."""
    if not available():
        return work(job)
    read, write = os.pipe()
    parent = os.getpid()
    pid = os.fork()
    if pid == 0:  # the child: never returns
        os.close(read)
        _child(work, job, limits, write, parent)
    os.close(write)
    try:
        data = _read_all(read)
    except BaseException:
        os.kill(pid, signal.SIGKILL)  # interrupted: the child must not go on alone
        raise
    finally:
        os.close(read)
        _, status, usage = os.wait4(pid, 0)
    return _outcome(data, status, usage.ru_utime + usage.ru_stime, limits)


def _outcome(data: bytes, status: int, cpu: float, limits: ChildLimits) -> str:
    """What the child sent, raised or returned; else why it left nothing."""
    try:
        kind, value = pickle.loads(data) if data else (None, None)
    except (pickle.UnpicklingError, EOFError, ValueError):
        kind, value = None, None  # cut short: killed while sending
    if kind == "text" and isinstance(value, str):
        return value
    if kind == "error" and isinstance(value, CodegenError):
        raise value
    if kind == "memory":
        raise Stopped("memory")
    if kind == "cpu" or cpu >= limits.cpu_seconds:
        raise Stopped("cpu")
    if kind == "bug":
        raise ChildFailed(str(value))
    if os.WIFSIGNALED(status):
        raise Stopped("signal", signal.Signals(os.WTERMSIG(status)).name)
    code = os.waitstatus_to_exitcode(status)
    raise Stopped("memory" if code == MEMORY_EXIT else "exit", status=code)


def _child(
    work: Callable[[Job], str], job: Job, limits: ChildLimits, write: int, parent: int
) -> None:
    """The child's whole life: limits, work, its outcome down the pipe, ``os._exit``."""
    status = FAILED_EXIT
    try:
        die_with_parent(parent)
        _limit(limits)
        try:
            outcome: tuple[str, object] = ("text", work(job))
        except CodegenError as error:
            outcome = ("error", error)
        except MemoryError:
            outcome = ("memory", None)
        except CpuTimeExceeded:
            outcome = ("cpu", None)
        except Exception:  # noqa: BLE001 - a bug: reported, never redone outside the limits
            outcome = ("bug", traceback.format_exc())
        _write_all(write, pickle.dumps(outcome, protocol=pickle.HIGHEST_PROTOCOL))
        status = 0
    except MemoryError:
        status = MEMORY_EXIT
    except BaseException:  # noqa: BLE001 - whatever it was, the child must end here
        status = FAILED_EXIT
    finally:
        os._exit(status)


def _limit(limits: ChildLimits) -> None:
    """Set this process's limits: its address space now plus ``memory_bytes``, and
    ``cpu_seconds`` of CPU time (then ``SIGXCPU``; ``SIGKILL`` :data:`GRACE_SECONDS`
    later)."""
    signal.signal(signal.SIGXCPU, _cpu_exceeded)
    space = _address_space() + limits.memory_bytes
    resource.setrlimit(resource.RLIMIT_AS, (space, space))
    seconds = max(1, limits.cpu_seconds)
    resource.setrlimit(resource.RLIMIT_CPU, (seconds, seconds + GRACE_SECONDS))


def _cpu_exceeded(signum: int, frame: FrameType | None) -> None:
    signal.signal(signal.SIGXCPU, signal.SIG_IGN)  # once: leave the grace to report it
    raise CpuTimeExceeded


def _address_space() -> int:
    """This process's address space in bytes (``/proc/self/statm``), 0 where unknown."""
    try:
        with open("/proc/self/statm", "rb") as statm:
            pages = int(statm.read().split()[0])
    except (OSError, ValueError, IndexError):
        return 0
    return pages * os.sysconf("SC_PAGE_SIZE")


def _read_all(fd: int) -> bytes:
    chunks: list[bytes] = []
    while chunk := os.read(fd, READ_BYTES):
        chunks.append(chunk)
    return b"".join(chunks)


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view) :]
