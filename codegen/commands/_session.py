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
import os
import sys
from collections.abc import Iterator
from pathlib import Path

from codegen.files import remove_stale_temporaries
from codegen.project.config import Config
from codegen.project.locks import run_locked
from codegen.render.format_cache import unusable


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
        if output:
            warn_of_an_unusable_cache(config.cache_folder)
        if writes:
            remove_leftovers_of_killed_runs(config, output=output)
        yield


def warn_of_an_unusable_cache(folder: Path) -> None:
    """Say on stderr, in one line, that the formatting cache ``folder`` is not used this
    run, when it is not (a symbolic link: :func:`codegen.render.format_cache.unusable`)."""
    problem = unusable(folder)
    if problem:
        shown = os.path.relpath(folder) if folder.is_relative_to(Path.cwd()) else str(folder)
        print(
            f"{shown}: {problem}, so the formatting cache is not used (nothing is read, "
            "written or deleted there); remove it, and codegen makes the folder itself",
            file=sys.stderr,
            flush=True,
        )


def remove_leftovers_of_killed_runs(config: Config, *, output: bool) -> None:
    """Delete the temporary files of runs that are gone from the catalog's folder and, with
    ``output``, the output folder (all its subfolders) and the formatting cache (unless it
    is not used: a symbolic link)."""
    remove_stale_temporaries(Path(config.catalog).parent, recursive=False)
    if output:
        remove_stale_temporaries(Path(config.output), recursive=True)
        if not unusable(config.cache_folder):
            remove_stale_temporaries(config.cache_folder, recursive=False)
