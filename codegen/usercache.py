"""codegen's per-user cache of compiled code: Jinja's templates and the catalog schema's
validator, kept between runs as Python keeps ``__pycache__``; the keys that say which
codegen and which tools made what is cached (:func:`source_hash`, :func:`package_version`),
which the manifest records too; and the manifests this user's codegen proved (:func:`vouch`).

Everything lives in this user's folder ``<temp>/codegen-<uid>`` (:func:`base_folder`), made
closed to other users and used only when it is this user's own, not a link; compiled code
in ``compiled-JINJAVERSION-CODEHASH`` inside it. It is never inside a project, so no file a
repository holds is ever loaded as compiled code. Nothing here is required: a folder that
cannot be used, or an entry that cannot be read, only costs compiling or rendering again.

:func:`secret` is this user's key for signing what codegen keeps in projects and trusts
later, kept in that folder, so that what a repository brings is never used: the formatting
cache's entries (:mod:`codegen.render.format_cache`) and the manifests' vouching marks.

:func:`unsafe_folder` says why a folder may not be trusted as this user's own (a symbolic
link, someone else's, open to other users): codegen's own folder here is checked with it,
and so is the lock folder (:mod:`codegen.project.locks`).
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import hmac
import marshal
import os
import stat
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from types import CodeType

from codegen.files import existing_files, hash_files, write_atomic


@functools.cache
def base_folder() -> Path | None:
    """This user's folder for codegen's caches, ``<temp>/codegen-<uid>``, created (mode
    700) when missing; None when it cannot be used: it is a link, someone else's, open to
    other users, or in a folder every user may write in without the sticky bit
    (:func:`unsafe_folder`). Nothing is ever changed on what is found there (Jinja's own
    default folder is made closed with ``chmod``, which follows a planted link and closed
    another user's folder: issue #18's trial)."""
    user = os.geteuid() if hasattr(os, "geteuid") else os.getpid()
    found = Path(tempfile.gettempdir()) / f"codegen-{user}"
    with contextlib.suppress(OSError):
        os.mkdir(found, 0o700)
    return None if unsafe_folder(found) else found


@functools.cache
def folder() -> Path | None:
    """The folder of compiled code, created when missing; None when it cannot be used."""
    from jinja2 import __version__ as jinja_version

    # Jinja looks compiled templates up by name, file and source only, not by the settings
    # of the environment that compiled them: the folder changes with codegen's own code.
    base = base_folder()
    if base is None:
        return None
    found = base / f"compiled-{jinja_version}-{source_hash()[:16]}"
    with contextlib.suppress(OSError):
        os.mkdir(found, 0o700)
    return None if unsafe_folder(found) else found


SECRET_FILE = "secret.key"  # in :func:`base_folder`
SECRET_BYTES = 32


@functools.cache
def secret() -> bytes | None:
    """This user's key for what codegen keeps in projects and trusts later: the formatting
    cache's entries (:mod:`codegen.render.format_cache`) and the manifests it vouched for
    (:func:`vouch`), so that what a repository brings is never taken for what this user's
    codegen wrote: :data:`SECRET_BYTES` random bytes in :func:`base_folder`, made on first
    use (mode 600, never through a link). None when there is no such folder, or the file is
    not :data:`SECRET_BYTES` bytes: then nothing is cached or vouched for."""
    nofollow = getattr(os, "O_NOFOLLOW", 0)
    base = base_folder()
    if base is None:
        return None
    path = base / SECRET_FILE
    if not os.path.lexists(path):
        _make_secret(path)
    try:
        handle = os.open(path, os.O_RDONLY | nofollow)
        with os.fdopen(handle, "rb") as file:
            found = file.read(SECRET_BYTES + 1)
    except OSError:
        return None
    return found if len(found) == SECRET_BYTES else None


VOUCHED = "vouched"  # the folder of :func:`vouch`'s marks, in :func:`base_folder`
MAX_VOUCHED = 1000  # marks kept; past it the folder is emptied (a mark only saves work)


def vouch(digest: str) -> None:
    """Record that this user's codegen proved ``digest`` (a sha256 of a manifest and the
    folder it describes) true: rendered everything, and found or wrote exactly what the
    manifest says. A file named by the digest's HMAC under this user's :func:`secret`, so
    no repository can bring one: ``check`` trusts a manifest's hashes only when vouched
    (a pull request's hand-made manifest made a stale folder pass, issue #18's trial).
    Best effort: nothing happens when the folder cannot be used."""
    mark = _mark(digest)
    if mark is None:
        return
    with contextlib.suppress(OSError):
        with contextlib.suppress(FileExistsError):
            os.mkdir(mark.parent, 0o700)
        if unsafe_folder(mark.parent):
            return
        names = os.listdir(mark.parent)
        if len(names) >= MAX_VOUCHED:
            for name in names:
                if len(name) == 64:
                    with contextlib.suppress(OSError):
                        os.unlink(mark.parent / name)
        flags = os.O_WRONLY | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0)
        os.close(os.open(mark, flags, 0o600))


def vouched(digest: str) -> bool:
    """Whether :func:`vouch` recorded ``digest`` for this user."""
    mark = _mark(digest)
    return mark is not None and os.path.isfile(mark) and not os.path.islink(mark)


def _mark(digest: str) -> Path | None:
    key, base = secret(), base_folder()
    if key is None or base is None:
        return None
    return base / VOUCHED / hmac.new(key, digest.encode(), hashlib.sha256).hexdigest()


def _make_secret(path: Path) -> None:
    """Write a new key to ``path`` unless a run at the same time wrote one first: whole,
    through a temporary file (mode 600) linked to its name, never over an existing file."""
    with contextlib.suppress(OSError):
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
        try:
            with os.fdopen(handle, "wb") as file:
                file.write(os.urandom(SECRET_BYTES))
            with contextlib.suppress(FileExistsError):
                os.link(temporary, path)
        finally:
            os.unlink(temporary)


def unsafe_folder(path: Path) -> str | None:
    """Why ``path`` cannot be trusted as a folder only this user writes in, or None when it
    can: it is a symbolic link, not a folder, someone else's, or open to other users (any
    group or other permission bit), or it sits in a folder every user may write in without
    the sticky bit (where anyone could rename it and put their own in its place). Reads
    the folder's own entry (``lstat``), never what a link points at. On Windows only the
    link and the kind are checked (it has no POSIX owners and modes)."""
    try:
        found = os.lstat(path)
    except OSError as error:
        return f"cannot be read ({error.strerror})"
    if stat.S_ISLNK(found.st_mode):
        return "is a symbolic link"
    if not stat.S_ISDIR(found.st_mode):
        return "is not a folder"
    if os.name != "posix":
        return None
    if found.st_uid != os.geteuid():
        return f"belongs to uid {found.st_uid}, not to this user (uid {os.geteuid()})"
    if found.st_mode & 0o077:
        return f"is open to other users (mode {stat.S_IMODE(found.st_mode):o}, not 700)"
    try:
        parent = os.stat(path.parent).st_mode
    except OSError as error:
        return f"its folder cannot be read ({error.strerror})"
    if parent & stat.S_IWOTH and not parent & stat.S_ISVTX:
        return "is in a folder every user may write in (without the sticky bit)"
    return None


def compiled(key: str, produce: Callable[[], CodeType]) -> CodeType:
    """``produce()``, a code object, from the cache when it holds it under ``key`` for this
    Python (marshalled code is specific to the interpreter's version)."""
    base = folder()
    if base is None:
        return produce()
    tag = f"{sys.implementation.cache_tag}\0{key}".encode()
    path = base / f"{hashlib.sha256(tag).hexdigest()}.code"
    with contextlib.suppress(OSError, ValueError, EOFError, TypeError):
        code = marshal.loads(path.read_bytes())
        if isinstance(code, CodeType):
            return code
    code = produce()
    with contextlib.suppress(OSError):
        write_atomic(path, marshal.dumps(code))
    return code


def package_version(package: str) -> str:
    """The installed version of ``package``: from the name of its ``.dist-info`` folder on
    ``sys.path`` when there is exactly one (importlib.metadata costs 20 ms of imports),
    else from importlib.metadata."""
    prefix = f"{package}-"
    for entry in sys.path:
        try:
            names = [n for n in os.listdir(entry or ".") if n.startswith(prefix)]
        except OSError:
            continue
        found = [n[len(prefix) : -len(".dist-info")] for n in names if n.endswith(".dist-info")]
        if len(found) == 1 and "-" not in found[0]:
            return found[0]
        if found:
            break
    from importlib import metadata

    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return "not installed"


@functools.cache
def source_hash() -> str:
    """A sha256 of codegen's own code (its ``.py`` and ``.json`` files; the templates are
    an input of their own): it changes with any change to what renders, even where the
    version number does not (a development checkout), so such a change is never trusted
    to the recorded hashes."""
    root = Path(__file__).parent
    digest = hashlib.sha256()
    code = [r for r in existing_files(root) if r.endswith((".py", ".json"))]
    hash_files(digest, root, [r for r in code if "__pycache__" not in r])
    return digest.hexdigest()
