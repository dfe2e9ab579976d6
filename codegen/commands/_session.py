"""What a command does around its work on a catalog and an output folder: hold their locks,
saying on stderr whom it waits for, and, for a command that writes, first remove what
killed runs left.

``import``, ``names --accept``, ``generate`` and ``check`` run inside :func:`session`
(``validate``, ``names`` without ``--accept``, ``explain`` and ``diff`` only read the
catalog, always written whole, and take no lock).
The locks are always taken in one order, catalog then output folder
(:mod:`codegen.project.locks`), so two runs never wait for each other. ``check`` only
reads: it takes the locks, so it never sees a ``generate`` half done, and deletes nothing.
"""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Iterator
from pathlib import Path

from codegen.files import remove_stale_temporaries
from codegen.project.config import Config
from codegen.project.locks import run_locked


def waiting(message: str) -> None:
    """Tell the user, on stderr, that this run waits for another (``waiting for ...``)."""
    print(message, file=sys.stderr, flush=True)


@contextlib.contextmanager
def session(config: Config, command: str, *, output: bool, writes: bool) -> Iterator[None]:
    """Hold the lock of ``config``'s catalog (and, with ``output``, of its output folder)
    while the block runs, ``command`` ("codegen generate") naming this run to waiting ones.
    A command that ``writes`` first deletes the temporary files of killed runs from the
    folders it writes: the catalog's (and the output folder and the formatting cache).
    Raises InputError when a lock is still held after the configured ``lock_timeout``."""
    with run_locked(
        config.catalog, config.output if output else None, config.lock_timeout, command, waiting
    ):
        if writes:
            remove_leftovers_of_killed_runs(config, output=output)
        yield


def remove_leftovers_of_killed_runs(config: Config, *, output: bool) -> None:
    """Delete the temporary files of runs that are gone from the catalog's folder and, with
    ``output``, the output folder (all its subfolders) and the formatting cache."""
    remove_stale_temporaries(Path(config.catalog).parent, recursive=False)
    if output:
        remove_stale_temporaries(Path(config.output), recursive=True)
        remove_stale_temporaries(config.cache_folder, recursive=False)
