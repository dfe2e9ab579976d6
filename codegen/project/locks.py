"""One run at a time per catalog and per output folder: runs of ``import``, ``generate``,
``check`` and ``init`` that share either wait for each other.

An editor's on-save hook, pre-commit and ``make -j`` can start several runs in one
repository at once; without a lock one run would read a half-updated folder or delete
another's work. Each run takes an exclusive lock (`filelock`_, ``flock`` on POSIX; a free
one is taken directly, :func:`codegen.files.flock_if_free`) on
the resolved path of the catalog, then on that of the output folder: always in that order,
so two runs can never wait for each other. A second run waits; after
:data:`NOTICE_AFTER` seconds it says on stderr whom it waits for, and after the lock
timeout (:data:`DEFAULT_TIMEOUT` seconds, else ``lock_timeout`` in the configuration,
else the ``CODEGEN_LOCK_TIMEOUT`` environment variable over both) it stops with exit 2 and
one line naming the holder.

The lock files are not in the project: they live in a per-user folder of the machine
(``CODEGEN_LOCK_DIR``, an absolute path, else ``$XDG_RUNTIME_DIR/codegen-locks``, else
``<temp>/codegen-locks-<uid>``), named by a hash of the locked path, so they never show up
in ``check`` or as untracked files in git, and two configurations that share an output
folder take the same lock. Beside each lock, ``NAME.holder`` names the pid, command and
start time of the run holding it, for the waiting message, which the command prints
(``notice``): this module prints nothing. The lock is released by the operating system
when its holder dies, even by ``kill -9``.

Other users of the machine are not trusted (docs/security.md). The folder is created with
mode 700 and used only when it is this user's own: not a symbolic link, owned by this
user, closed to everyone else (:func:`codegen.usercache.unsafe_folder`); a folder another
user made first (``/tmp`` is everyone's) is refused with one line, never written in. No
file in it is opened through a symbolic link: the lock file is refused when it is one,
and the holder record is written to a new file (``O_CREAT | O_EXCL | O_NOFOLLOW``, mode
600) renamed over the old.

.. _filelock: https://py-filelock.readthedocs.io
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import secrets
import stat
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from codegen.errors import InputError
from codegen.files import flock_if_free
from codegen.project.lockfolder import NEW_FILE, lock_folder

DEFAULT_TIMEOUT = 60  # seconds a run waits for a lock held by another
NOTICE_AFTER = 1.0  # seconds of waiting before saying whom for
TIMEOUT_VARIABLE = "CODEGEN_LOCK_TIMEOUT"
KINDS = ("catalog", "output")  # the order locks are always taken in


@dataclass(frozen=True)
class Resource:
    """A thing one run at a time may use: ``kind`` (one of :data:`KINDS`), its ``path``
    (a file or folder, existing or not) and how messages name it (``shown``)."""

    kind: str
    path: Path
    shown: str

    @property
    def key(self) -> str:
        """The lock's file name: the kind and a hash of the resolved path."""
        resolved = str(self.path.resolve())
        return f"{self.kind}-{hashlib.sha256(resolved.encode()).hexdigest()[:24]}"


def timeout(configured: int | None) -> float:
    """Seconds to wait for a lock: ``$CODEGEN_LOCK_TIMEOUT`` (a number of seconds, 0 for
    not waiting), else ``configured`` (the ``lock_timeout`` key), else the default.
    InputError when the variable is not a non-negative number."""
    given = os.environ.get(TIMEOUT_VARIABLE, "").strip()
    if not given:
        return float(DEFAULT_TIMEOUT if configured is None else configured)
    try:
        seconds = float(given)
    except ValueError:
        seconds = -1.0
    if not seconds >= 0 or seconds == float("inf"):
        raise InputError(
            f"{TIMEOUT_VARIABLE}={given!r} is not a number of seconds; give e.g. 60, or 0 "
            "not to wait"
        )
    return seconds


Notice = Callable[[str], None]  # tells the user a message while the run waits


@contextlib.contextmanager
def held(
    resources: Sequence[Resource], wait: float, command: str, notice: Notice
) -> Iterator[None]:
    """Hold the lock of every resource (in :data:`KINDS` order, each path once) while the
    block runs; ``command`` (e.g. "codegen generate") is recorded for waiting runs, and
    ``notice`` is told whom this run waits for once it has waited :data:`NOTICE_AFTER`
    seconds. Raises InputError, exit 2, naming the holder, when a lock is still held after
    ``wait`` seconds."""
    folder = lock_folder()
    chosen = {r.key: r for r in sorted(resources, key=lambda r: KINDS.index(r.kind))}
    deadline = time.monotonic() + wait
    with contextlib.ExitStack() as stack:
        for key, resource in chosen.items():
            path = folder / f"{key}.lock"
            _check_lock_file(path)
            free = flock_if_free(path)  # filelock's lock, without importing it (issue #19)
            if free is None:
                stack.callback(_acquired(resource, path, deadline, wait, notice))
            else:
                stack.callback(os.close, free)
            _record_holder(path, command)
        yield


def _acquired(
    resource: Resource, path: Path, deadline: float, wait: float, notice: Notice
) -> Callable[[], None]:
    """Take the lock ``path`` with filelock before ``deadline``, telling ``notice`` whom for
    once :data:`NOTICE_AFTER` seconds have passed; its release. InputError when the
    deadline passes or the lock cannot be taken."""
    from filelock import FileLock, Timeout  # imported only when the lock is not free at once

    lock = FileLock(path, mode=0o600, thread_local=False)
    try:
        lock.acquire(timeout=min(NOTICE_AFTER, _left(deadline)))
        return lock.release
    except Timeout:
        if _left(deadline) > 0:
            notice(f"waiting for {_described(resource, path)}")
    except OSError as error:
        raise InputError(f"cannot lock: {error.strerror}", str(path)) from None
    try:
        lock.acquire(timeout=_left(deadline))
        return lock.release
    except Timeout:  # a TimeoutError, so an OSError: caught first
        raise InputError(
            f"gave up after {wait:g} s waiting for {_described(resource, path)}; "
            f"let it finish, or wait longer with {TIMEOUT_VARIABLE} or lock_timeout",
            resource.shown,
        ) from None
    except OSError as error:
        raise InputError(f"cannot lock: {error.strerror}", str(path)) from None


def _left(deadline: float) -> float:
    return max(0.0, deadline - time.monotonic())


def _described(resource: Resource, path: Path) -> str:
    """E.g. "the output folder generated, held by pid 4242 (codegen generate) since
    10:24:27 UTC"."""
    what = "the catalog" if resource.kind == "catalog" else "the output folder"
    return f"{what} {resource.shown}, held by {holder(path)}"


def _check_lock_file(path: Path) -> None:
    """InputError when the lock file ``path`` exists and is not a file of this user's (a
    symbolic link, a folder, someone else's): opening it could write elsewhere."""
    try:
        found = os.lstat(path)
    except FileNotFoundError:
        return
    except OSError as error:
        raise InputError(f"cannot lock: {error.strerror}", str(path)) from None
    owner = found.st_uid == os.geteuid() if hasattr(os, "geteuid") else True
    if not stat.S_ISREG(found.st_mode) or not owner:
        raise InputError(
            "the lock file is not a file of this user's (a symbolic link, a folder or someone "
            "else's file), so it is not opened; remove it",
            str(path),
        )


HOLDER_BYTES = 4096  # at most this much of a holder record is read


def holder(lock: Path) -> str:
    """Who holds ``lock``, from its ``.holder`` file (never read through a symbolic link):
    "pid N (COMMAND) since HH:MM:SS UTC", or "another codegen run" when that is unknown."""
    try:
        flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOFOLLOW", 0)
        handle = os.open(lock.with_suffix(".holder"), flags)
        try:
            data = os.read(handle, HOLDER_BYTES)
        finally:
            os.close(handle)
        pid, command, since = data.decode("utf-8").split("\n")[:3]
        started = time.strftime("%H:%M:%S UTC", time.gmtime(float(since)))
    except (OSError, ValueError, UnicodeDecodeError):
        return "another codegen run"
    return f"pid {int(pid)} ({command}) since {started}"


def _record_holder(lock: Path, command: str) -> None:
    """Write this run's pid, command and start time beside ``lock`` (best effort, and not
    synced to disk: the record only makes a waiting run's message precise): into a new
    file, created here (never an existing file or link), then renamed over the record."""
    holder_file = lock.with_suffix(".holder")
    suffix = f"{os.getpid()}-{secrets.token_hex(4)}"
    temporary = lock.with_name(f".{holder_file.name}.codegen-{suffix}.tmp")
    data = f"{os.getpid()}\n{command}\n{time.time():.3f}\n".encode()
    try:
        handle = os.open(temporary, NEW_FILE, 0o600)
    except OSError:
        return
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(data)
        os.replace(temporary, holder_file)
    except OSError:
        with contextlib.suppress(OSError):
            os.unlink(temporary)


def resources(catalog: str | None, output: str | None) -> list[Resource]:
    """The catalog file and output folder a run uses, as given (None: not used)."""
    found = [Resource("catalog", Path(catalog), catalog)] if catalog else []
    return found + ([Resource("output", Path(output), output)] if output else [])


def run_locked(
    catalog: str | None,
    output: str | None,
    configured: int | None,
    command: str,
    notice: Notice,
) -> contextlib.AbstractContextManager[None]:
    """:func:`held` for a run on this catalog and output folder; the wait from
    :func:`timeout`."""
    return held(resources(catalog, output), timeout(configured), command, notice)
