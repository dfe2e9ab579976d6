"""Files on disk, for every stage that reads or writes one: atomic writes, listings, hashes.

A file is replaced through a temporary file in the same folder and ``os.replace``, so a
run that fails while writing leaves the file as it was; :func:`write_changed` writes a set
of files under a folder, every temporary file before the first replace, and only those
whose text changed. No path may resolve outside that folder (:func:`inside`), whatever
symbolic links it holds. A temporary file is named
``.NAME.codegen-PID-RANDOM.tmp`` (:data:`TEMPORARY`): a run only ever removes its own, or
those of a run that is gone (:func:`remove_stale_temporaries`), and no listing of a folder
(:func:`existing_files`) counts one. Text is compared and hashed with LF line endings
(:func:`as_lf`), so a CRLF checkout is the same text as the LF file codegen writes.

Every file is read by :func:`read_limited` (:mod:`._reading`): a regular file only
(nothing that could block), within the reader's byte limit (``fstat``, then a bounded
read), and with ``within`` only if every symbolic link on its path stays in that folder.

What is written where, and which folder is whose, is the stages' business: the output
folder in :mod:`codegen.output.folder`, the catalog in :mod:`codegen.catalog.roundtrip`.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import posixpath
import re
import stat
import sys
import tempfile
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from codegen.errors import InputError
from codegen.files._flock import flock_if_free
from codegen.files._reading import (
    FileTooLarge,
    RefusedFile,
    leads_outside,
    open_regular,
    read_bytes,
    read_limited,
)
from codegen.limits import MAX_FILE_BYTES

__all__ = [
    "IGNORED_FOLDERS",
    "TEMPORARY",
    "VCS_FOLDERS",
    "FileTooLarge",
    "RefusedFile",
    "as_lf",
    "decode_utf8",
    "existing_files",
    "flock_if_free",
    "hash_files",
    "inside",
    "leads_outside",
    "open_regular",
    "read_bytes",
    "read_limited",
    "remove_stale_temporaries",
    "same_text",
    "sha256",
    "vcs_folder",
    "write_atomic",
    "write_changed",
    "write_temporary",
]

IGNORED_FOLDERS = frozenset({"__pycache__"})  # written by Python when a module is used in place
VCS_FOLDERS = (".git", ".hg", ".svn")  # what a version control system reads, and may run


def vcs_folder(path: str) -> str | None:
    """The version control folder (``.git``, ``.hg``, ``.svn``, in any case, as a
    case-insensitive file system finds it) that a part of ``path`` (``/`` or ``\\``
    separated) names; None when none does. Nothing codegen writes may go there: a
    generated ``.git/config`` or hook is a command git runs (docs/security.md)."""
    for part in path.replace("\\", "/").split("/"):
        if part.casefold() in VCS_FOLDERS:
            return part
    return None


TEMPORARY = re.compile(r"\..+\.codegen-(?P<pid>[0-9]+)-[A-Za-z0-9_]+\.tmp")  # ours, any run's


def as_lf(data: bytes) -> bytes:
    """``data`` with every CRLF line ending made LF: a checkout with git's
    ``core.autocrlf=true`` (the Windows default) writes text files with CRLF, while
    codegen writes and hashes LF."""
    return data.replace(b"\r\n", b"\n") if b"\r" in data else data


def same_text(on_disk: bytes | None, data: bytes) -> bool:
    """Whether the file's bytes ``on_disk`` (None: no file) are ``data``, line endings
    aside: a CRLF copy of LF ``data`` is the same text."""
    return on_disk is not None and (on_disk == data or as_lf(on_disk) == data)


def existing_files(folder: Path) -> list[str]:
    """Every file under ``folder`` as a sorted ``/``-separated relative path, leaving
    out ``__pycache__`` folders and temporary files (:data:`TEMPORARY`, a run's own)."""
    if not folder.is_dir():
        return []
    found: list[str] = []
    for current, subfolders, names in os.walk(folder):
        subfolders[:] = sorted(
            d for d in subfolders if d not in IGNORED_FOLDERS and not vcs_folder(d)
        )
        base = Path(current).relative_to(folder)
        found.extend((base / name).as_posix() for name in names if not TEMPORARY.fullmatch(name))
    return sorted(found)


def remove_stale_temporaries(folder: Path, *, recursive: bool) -> list[Path]:
    """Delete the temporary files (:data:`TEMPORARY`) in ``folder`` (and its subfolders
    when ``recursive``) whose run is gone, as a ``kill -9`` leaves them; return them. A
    file whose pid is a live process is kept, whoever it is. Best effort: a file that
    cannot be deleted is left. Run while holding the folder's lock
    (:mod:`codegen.project.locks`)."""
    removed: list[Path] = []
    walk = os.walk(folder) if recursive else [(str(folder), [], _names(folder))]
    for base, _, names in walk:
        for name in names:
            match = TEMPORARY.fullmatch(name)
            if match and not _alive(int(match["pid"])):
                with contextlib.suppress(OSError):
                    (Path(base) / name).unlink()
                    removed.append(Path(base) / name)
    return removed


def _names(folder: Path) -> list[str]:
    try:
        return os.listdir(folder)
    except OSError:
        return []


def _alive(pid: int) -> bool:
    """Whether process ``pid`` exists (on Windows, where that is not asked this way,
    every process counts as alive: nothing is removed)."""
    if pid == os.getpid() or sys.platform == "win32":
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # e.g. another user's process
        return True
    return True


def write_atomic(path: Path, data: bytes) -> None:
    """Replace ``path`` with ``data`` through a temporary file in the same folder, so a
    failure leaves the old file as it was. Raises OSError."""
    temporary = write_temporary(path, data)
    try:
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def write_temporary(path: Path, data: bytes) -> str:
    """``data`` in a new temporary file next to ``path`` (named as :data:`TEMPORARY`),
    with the mode ``path`` has (or would get under the current umask). An OSError names
    ``path``."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        mode = _mode_for(path)
        prefix = f".{path.name}.codegen-{os.getpid()}-"
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=prefix, suffix=".tmp")
    except OSError as error:
        raise OSError(error.errno, error.strerror, str(path)) from None
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(data)
            file.flush()
            os.fsync(file.fileno())
        os.chmod(temporary, mode)
    except BaseException as error:
        Path(temporary).unlink(missing_ok=True)
        if isinstance(error, OSError):
            raise OSError(error.errno, error.strerror, str(path)) from None
        raise
    return temporary


def _mode_for(path: Path) -> int:
    """The permissions of the regular file at ``path``; for anything else (nothing yet, a
    symbolic link: never the mode of what it points at) those of a new file."""
    try:
        found = os.lstat(path)
    except FileNotFoundError:
        found = None
    if found is not None and stat.S_ISREG(found.st_mode):
        return found.st_mode & 0o777
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def sha256(data: bytes) -> str:
    """The SHA-256 of ``data``, as 64 lowercase hex digits."""
    return hashlib.sha256(data).hexdigest()


def hash_files(
    digest: Any,
    folder: Path,
    relatives: Iterable[str],
    label: str = "",
    *,
    limit: int = MAX_FILE_BYTES,
    confined: bool = False,
    shown: str = "",
) -> None:
    """Feed each file of ``folder`` (by ``/``-separated relative path) into ``digest`` (a
    ``hashlib`` object): ``label``, relative path and length, then contents with LF line
    endings (a CRLF checkout hashes as an LF one). A missing file hashes as empty; one
    that is not a regular file, is past ``limit`` bytes or (when ``confined``) resolves
    outside ``folder`` is refused (:func:`read_limited`), named under ``shown`` (the name
    of ``folder``)."""
    within = folder if confined else None
    for relative in relatives:
        where = posixpath.join(shown or folder.as_posix(), relative)
        data = as_lf(read_bytes(folder / relative, limit, within=within, shown=where) or b"")
        digest.update(f"{label}{relative}\0{len(data)}\0".encode())
        digest.update(data)


def decode_utf8(data: bytes, path: str, fix: str) -> str:
    """``data`` as text; an error naming the line and column of the first bad byte."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        line_start = data.rfind(b"\n", 0, error.start) + 1
        line = data.count(b"\n", 0, error.start) + 1
        column = len(data[line_start : error.start].decode("utf-8", errors="replace")) + 1
        raise InputError(
            f"not valid UTF-8 (byte 0x{data[error.start]:02x}); {fix}", path, line, column
        ) from None


def inside(folder: Path, relative: str) -> Path:
    """The path of ``relative`` (``/``-separated) under ``folder``; InputError if it
    resolves outside, or into a version control folder (:func:`vcs_folder`), following
    every symbolic link on the way (a committed link ``gitlink -> .git`` included)."""
    root = folder.resolve()
    path = (root / relative).resolve()
    if not path.is_relative_to(root) or path == root:
        raise InputError(f"refusing to write {relative}: it resolves outside {folder}")
    if folder_name := vcs_folder(path.relative_to(root).as_posix()):
        raise InputError(
            f"refusing to write {relative}: it resolves into {folder_name}, a version control "
            "folder (through a symbolic link), where a file could change what git runs"
        )
    return root / relative


def write_changed(folder: Path, files: Mapping[str, str]) -> list[str]:
    """Write each of ``files`` (text by path relative to ``folder``) whose text differs from
    the disk; return their relative paths. Raises OSError, or RefusedFile for a file on
    disk that is not a regular file, the old files left as they were.

    Unchanged files are not touched, so their modification times stay as they were; a file
    that differs only in line endings (CRLF on disk, see :func:`as_lf`) is unchanged. A
    file on disk is read only up to twice the new text's size, as much as it may have.
    """
    pending: list[tuple[str, Path, bytes]] = []
    for relative, text in files.items():
        path = inside(folder, relative)
        data = text.encode("utf-8")
        try:
            same = same_text(
                read_bytes(path, 2 * len(data), shown=(folder / relative).as_posix()), data
            )
        except FileTooLarge:
            same = False
        if not same:
            pending.append((relative, path, data))
    temporaries: list[tuple[str, Path]] = []
    try:
        for _, path, data in pending:
            temporaries.append((write_temporary(path, data), path))
    except BaseException:
        for temporary, _ in temporaries:
            Path(temporary).unlink(missing_ok=True)
        raise
    for temporary, path in temporaries:
        os.replace(temporary, path)
    return [relative for relative, _, _ in pending]
