"""Where lock files live: a folder of this user's own, chosen from the environment,
created and verified before any lock file is opened in it (docs/security.md, "Other local
users").

``CODEGEN_LOCK_DIR`` (an absolute path), else ``$XDG_RUNTIME_DIR/codegen-locks`` (when that
folder is this user's), else ``<temp>/codegen-locks-<uid>``. The folder is created with mode
700 and used only when it is this user's own (:func:`codegen.usercache.unsafe_folder`), when
it was not made in a folder every user may write in without the sticky bit, and when a file
can be created in it (``/proc/self/fd`` cannot: every run would wait for a lock it can never
take). :mod:`codegen.project.locks` takes the locks.
"""

from __future__ import annotations

import os
import stat
import tempfile
from pathlib import Path

from codegen.errors import InputError
from codegen.usercache import unsafe_folder

FOLDER_VARIABLE = "CODEGEN_LOCK_DIR"
#: How every file in the lock folder is created: new, never through a symbolic link.
NEW_FILE = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)


def lock_folder() -> Path:
    """Where lock files live: ``$CODEGEN_LOCK_DIR`` (an absolute path), else
    ``$XDG_RUNTIME_DIR/codegen-locks`` (when that variable is absolute and names no folder of
    another user's), else ``<temp>/codegen-locks-<uid>``; created (mode 0700) when missing.
    InputError when the variable is relative, when the folder cannot be created, or when it
    is not this user's own (:func:`codegen.usercache.unsafe_folder`)."""
    folder = _chosen_folder()
    try:
        folder.parent.mkdir(parents=True, exist_ok=True)
        if not os.path.lexists(folder) and _open_to_all(folder.parent):
            raise InputError(
                "the lock folder would be in a folder every user may write in (without the "
                "sticky bit), so another user could put their own in its place; set "
                f"{FOLDER_VARIABLE} to a folder of your own (mode 700)",
                str(folder),
            )
        os.mkdir(folder, 0o700)
    except FileExistsError:
        pass  # checked below, whatever it is
    except OSError as error:
        raise InputError(
            f"cannot create the lock folder: {error.strerror}; set {FOLDER_VARIABLE} to a "
            "writable folder",
            str(folder),
        ) from None
    problem = unsafe_folder(folder)
    if problem:
        raise InputError(
            f"the lock folder {problem}, so another user could take or fake codegen's "
            f"locks; remove it, or set {FOLDER_VARIABLE} to a folder of your own (mode 700)",
            str(folder),
        )
    probe = folder / f".probe-{os.getpid()}"  # a file system that takes no file (/proc)
    try:
        os.close(os.open(probe, NEW_FILE, 0o600))
        os.unlink(probe)
    except OSError as error:
        raise InputError(
            f"cannot create a lock file in the lock folder ({error.strerror}); set "
            f"{FOLDER_VARIABLE} to a folder of your own (mode 700)",
            str(folder),
        ) from None
    return folder


def _open_to_all(folder: Path) -> bool:
    """Whether every user may write in ``folder`` and it has no sticky bit."""
    try:
        mode = os.stat(folder).st_mode
    except OSError:
        return False  # the creation below says why
    return bool(mode & stat.S_IWOTH and not mode & stat.S_ISVTX)


def _chosen_folder() -> Path:
    """The lock folder the environment names, not yet created or checked."""
    given = os.environ.get(FOLDER_VARIABLE, "").strip()
    if any(ord(character) < 32 or ord(character) == 127 for character in given):
        raise InputError(
            f"{FOLDER_VARIABLE}={given!r} has a control character (a line break, a tab); "
            "give the folder's plain absolute path"
        )
    if given:
        folder = Path(os.path.expanduser(given))
        if not folder.is_absolute():
            raise InputError(
                f"{FOLDER_VARIABLE}={given!r} is a relative path, so runs started in different "
                "folders would take different locks; give an absolute path"
            )
        return folder
    runtime = os.environ.get("XDG_RUNTIME_DIR", "").strip()
    if runtime and os.path.isabs(runtime) and _own_folder(Path(runtime)):
        return Path(runtime) / "codegen-locks"
    user = os.geteuid() if hasattr(os, "geteuid") else os.getlogin()
    return Path(tempfile.gettempdir()) / f"codegen-locks-{user}"


def _own_folder(path: Path) -> bool:
    """Whether ``path`` is a folder of this user's, or nothing yet (``$XDG_RUNTIME_DIR`` is
    one, by its specification; one inherited from another user, as ``su`` leaves it, is
    not)."""
    try:
        found = os.stat(path)
    except FileNotFoundError:
        return True  # made by this user below, and checked
    except OSError:
        return False
    owner = found.st_uid == os.geteuid() if hasattr(os, "geteuid") else True
    return stat.S_ISDIR(found.st_mode) and owner
