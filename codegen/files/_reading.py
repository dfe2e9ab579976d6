"""Reading a file as every reader of codegen does: a regular file, within a byte limit,
and (with ``within``) inside its folder.

A pull request's tree is untrusted (docs/security.md): a "file" may be a FIFO that blocks
whoever opens it, a link to ``/dev/zero`` or to ``/proc/self/environ``, or gigabytes that
compress to nothing in git. :func:`read_limited` refuses the first before opening it (and
again once open, so a FIFO swapped in between cannot block: the open is non-blocking), the
second by ``within``, the third by ``fstat`` before reading, and reads one byte past the
limit at most, since a file of /proc says it is empty.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import BinaryIO

from codegen.errors import InputError
from codegen.limits import MAX_FILE_BYTES, MIB


class RefusedFile(InputError):
    """A file codegen will not read: not a regular file, past its reader's size limit
    (:class:`FileTooLarge`), or reached by a symbolic link leaving its folder."""


class FileTooLarge(RefusedFile):
    """A regular file larger than its reader's limit."""


_KINDS = {stat.S_IFDIR: "a folder", stat.S_IFIFO: "a FIFO (named pipe)", stat.S_IFSOCK: "a socket"}
_KINDS |= {stat.S_IFCHR: "a character device", stat.S_IFBLK: "a block device"}
_NONBLOCK = getattr(os, "O_NONBLOCK", 0)  # a FIFO swapped in after the check cannot block


def _regular(mode: int, shown: str) -> None:
    if not stat.S_ISREG(mode):
        raise RefusedFile(
            f"this is {_KINDS.get(stat.S_IFMT(mode), 'not a file')}, not a regular file; codegen "
            "reads only regular files: replace it with the file itself",
            shown,
        )


def open_regular(path: Path, shown: str = "") -> BinaryIO:
    """``path`` opened for reading, unbuffered; RefusedFile (naming ``shown``) when it is
    a folder, FIFO, device or socket (checked before opening, so nothing blocks, and
    again once open), OSError as ``open``."""
    _regular(os.stat(path).st_mode, shown or str(path))
    file = open(os.open(path, os.O_RDONLY | _NONBLOCK), "rb", buffering=0)  # noqa: SIM115
    try:
        _regular(os.fstat(file.fileno()).st_mode, shown or str(path))
    except RefusedFile:
        file.close()
        raise
    return file


def leads_outside(path: Path, folder: Path) -> bool:
    """Whether ``path``, every symbolic link on the way followed, is not inside ``folder``
    (itself resolved)."""
    return not Path(path).resolve().is_relative_to(Path(folder).resolve())


def read_limited(
    path: Path, limit: int, shown: str = "", *, within: Path | None = None, too_large: str = ""
) -> bytes:
    """The bytes of the regular file ``path`` (:func:`open_regular`), at most ``limit``.

    Raises :class:`RefusedFile` naming ``shown`` (default: ``path``) for a file that is
    not regular, or with ``within``, that resolves outside that folder;
    :class:`FileTooLarge` (message ``too_large``) past ``limit`` bytes, known by ``fstat``
    before reading or by a read that stops one byte past it (a file of /proc says it is
    empty); OSError (FileNotFoundError...) as ``open``."""
    shown = shown or str(path)
    if within is not None and leads_outside(path, within):
        raise RefusedFile(
            f"a symbolic link that leads outside {Path(within).name or within}; codegen "
            "follows no link out of the project (nor a template's out of the template "
            "folder): replace the link with the file itself",
            shown,
        )
    size = f"{limit // MIB} MiB" if limit % MIB == 0 else f"{limit:,} bytes"
    too_large = too_large or f"larger than {size}, the limit for this file"
    with open_regular(path, shown) as file:
        known = os.fstat(file.fileno()).st_size
        if known > limit:
            raise FileTooLarge(too_large, shown)
        parts = [file.read(known + 1)]
        total = len(parts[0])
        while parts[-1] and total <= limit:  # it grew, or said it was empty (/proc)
            parts.append(file.read(min(limit + 1 - total, MIB)))
            total += len(parts[-1])
    if total > limit:
        raise FileTooLarge(too_large, shown)
    return parts[0] if len(parts) == 2 else b"".join(parts)


def read_bytes(
    path: Path, limit: int = MAX_FILE_BYTES, *, within: Path | None = None, shown: str = ""
) -> bytes | None:
    """The file's bytes, or None when it does not exist; else as :func:`read_limited`."""
    try:
        return read_limited(path, limit, shown, within=within)
    except FileNotFoundError:
        return None
