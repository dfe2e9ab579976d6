"""Taking a free ``flock`` without filelock: what an uncontended run needs (issue #19).

The lock is the one filelock takes on POSIX (an exclusive ``flock`` on the lock file,
opened as it opens one: never through a symbolic link, created mode 600), so a run that
takes it here and a run that takes it with filelock exclude each other;
:mod:`codegen.project.locks` uses filelock whenever the lock is not free at once.
"""

from __future__ import annotations

import os
from pathlib import Path


def flock_if_free(path: Path) -> int | None:
    """A descriptor of the file ``path`` holding its exclusive ``flock``, when the lock is
    free now (closing it releases the lock); None when it is held, when the file was
    replaced meanwhile, or when it cannot be taken this way (no ``fcntl``, a file system
    without flock, any error). The descriptor is not inherited by child processes."""
    try:
        import fcntl
    except ImportError:  # Windows: filelock's msvcrt lock
        return None
    flags = os.O_RDWR | os.O_CREAT | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOFOLLOW", 0)
    try:
        handle = os.open(path, flags, 0o600)
    except OSError:
        return None
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        opened, named = os.fstat(handle), os.lstat(path)
        if (opened.st_dev, opened.st_ino) == (named.st_dev, named.st_ino):
            return handle
    except OSError:
        pass
    os.close(handle)  # held, or not the file at path any more: releases any flock taken
    return None
