"""What a command does around its work on a catalog and an output folder: hold their locks,
saying on stderr whom it waits for, and first remove what killed runs left.

Every command that reads or writes the catalog or the output folder runs inside
:func:`session` (``validate``, ``explain`` and ``diff`` only read the catalog, atomically
written, and take no lock). The locks are always taken in one order, catalog then output
folder (:mod:`codegen.project.locks`), so two runs never wait for each other.
"""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Iterator
from pathlib import Path

from codegen.files import remove_stale_temporaries
from codegen.output.folder import remove_leftovers_of_killed_runs
from codegen.project.config import Config
from codegen.project.locks import run_locked


def waiting(message: str) -> None:
    """Tell the user, on stderr, that this run waits for another (``waiting for ...``)."""
    print(message, file=sys.stderr, flush=True)


@contextlib.contextmanager
def session(config: Config, command: str, *, output: bool) -> Iterator[None]:
    """Hold the lock of ``config``'s catalog (and, with ``output``, of its output folder)
    while the block runs, ``command`` ("codegen generate") naming this run to waiting ones;
    then delete the temporary files of killed runs from the catalog's folder (and the
    output folder and the formatting cache). Raises InputError when a lock is still held
    after the configured ``lock_timeout``."""
    with run_locked(
        config.catalog, config.output if output else None, config.lock_timeout, command, waiting
    ):
        if output:
            remove_leftovers_of_killed_runs(config)
        else:
            remove_stale_temporaries(Path(config.catalog).parent, recursive=False)
        yield
