"""The project-local cache of formatted text, ``.codegen-cache/`` next to the configuration.

Inside ``with formatting_cache(folder):`` black's output is cached in ``folder`` by the hash
of (formatter, its version, its options, the unformatted text), so the same text is never
formatted twice and a hit does not even import black. The cache is never required: a
missing, unreadable or unwritable folder only costs the formatting; entries are written
atomically and at most :data:`CACHE_ENTRIES` are kept (the least recently used go first).
Each entry starts with a line naming its key and a keyed hash (HMAC-SHA256) of the key and
the text below it, made with this user's secret (:func:`codegen.usercache.secret`, kept
outside every project): an entry whose line does not match (edited, checked out with CRLF
line endings, copied under another key, written by an older codegen, or brought by the
repository: made without the secret) is not used, so a cached result never brings a
carriage return, or anything else, into an output. Without a secret nothing is cached.

The folder is the repository's, so it is not trusted (docs/security.md): a
``.codegen-cache`` that is a symbolic link (to ``~/notes``, or a committed ``-> ..``) is not
used at all (:func:`unusable`; the command says so in one line), and the pruning deletes
only entries: files named ``SHA256.txt`` whose first line is an entry's
(:func:`is_entry`), never a file by its age alone, never through a link.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import json
import os
import re
import stat
from collections.abc import Callable, Iterator
from pathlib import Path

from codegen.files import write_atomic
from codegen.limits import MIB
from codegen.usercache import secret

CACHE_FOLDER = ".codegen-cache"  # next to the configuration (gitignored)
CACHE_ENTRIES = 64
_cache_folder: list[Path] = []  # the folder of the innermost formatting_cache(), if any


@contextlib.contextmanager
def formatting_cache(folder: Path | None) -> Iterator[None]:
    """Cache formatted text in ``folder`` (None: no cache) while the block runs; prune it
    to :data:`CACHE_ENTRIES` entries afterwards."""
    if folder is None or unusable(folder):
        yield
        return
    _cache_folder.append(folder)
    try:
        yield
    finally:
        _cache_folder.pop()
        _prune(folder)


def unusable(folder: Path) -> str | None:
    """Why the cache ``folder`` is not used this run (it is a symbolic link, or exists and
    is not a folder), or None when it may be (it is a folder, or does not exist yet)."""
    try:
        found = os.lstat(folder)
    except FileNotFoundError:
        return None
    except OSError as error:
        return f"cannot be read ({error.strerror})"
    if stat.S_ISLNK(found.st_mode):
        return "is a symbolic link"
    return None if stat.S_ISDIR(found.st_mode) else "is not a folder"


def cached(key: tuple[object, ...], text: str, produce: Callable[[], str]) -> str:
    """``produce()``, which formats ``text`` as ``key`` (formatter, version, options) says;
    from the cache folder when it holds it."""
    if not _cache_folder or secret() is None:
        return produce()
    name = hashlib.sha256(json.dumps([*key, text], default=str).encode("utf-8")).hexdigest()
    path = _cache_folder[-1] / f"{name}.txt"
    found = read_entry(path, HEAD_BYTES + 2 * len(text.encode("utf-8")) + MIB)
    if found is not None:
        with contextlib.suppress(OSError):
            os.utime(path)  # recently used: kept by the pruning
        return found
    formatted = produce()
    with contextlib.suppress(OSError):
        write_atomic(path, cache_entry(name, formatted))
    return formatted


ENTRY_FORMAT = "codegen-cache-2"  # the first word of an entry's first line
OLD_FORMATS = ("codegen-cache-1",)  # entries of older codegens: never used, pruned


def cache_entry(name: str, text: str) -> bytes:
    """The bytes of the cache entry ``name`` (its file's stem, the key's hash) holding
    ``text``: the line ``codegen-cache-2 NAME HMAC``, then ``text``; the HMAC is made with
    this user's secret over the name and the text (:func:`signature`). Raises
    RuntimeError when there is no secret (:func:`cached` caches nothing then)."""
    data = text.encode("utf-8")
    return f"{ENTRY_FORMAT} {name} {signature(name, data)}\n".encode() + data


def signature(name: str, data: bytes) -> str:
    """HMAC-SHA256, in hex, of the entry name ``name`` and the text's bytes ``data``, with
    this user's secret; RuntimeError when there is none."""
    key = secret()
    if key is None:
        raise RuntimeError("no secret for the formatting cache")
    return hmac.new(key, name.encode() + b"\n" + data, hashlib.sha256).hexdigest()


def read_entry(path: Path, limit: int = -1) -> str | None:
    """The text of the cache entry at ``path``; None when there is none, when it is a
    symbolic link, when it has more than ``limit`` bytes (-1: no limit; a formatted text
    is never much longer than the text formatted, so a larger entry is planted and is
    not read whole), or when its first line does not name the file's key and the hash of
    the text below it."""
    try:
        raw = _read(path, limit + 1 if limit >= 0 else -1)
        if 0 <= limit < len(raw):
            return None
        head, _, data = raw.partition(b"\n")
        text = data.decode("utf-8")
        expected = f"{ENTRY_FORMAT} {path.stem} {signature(path.stem, data)}"
    except (OSError, UnicodeDecodeError, RuntimeError):
        return None
    if not hmac.compare_digest(head, expected.encode()) or "\r" in text:
        return None
    return text


_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_NONBLOCK = getattr(os, "O_NONBLOCK", 0)
ENTRY_NAME = re.compile(r"[0-9a-f]{64}\.txt")  # an entry's file name: its key's sha256
HEAD_BYTES = len(ENTRY_FORMAT) + 2 * 64 + 3  # an entry's first line, with its line break


def _read(path: Path, size: int = -1) -> bytes:
    """The first ``size`` bytes (-1: all) of the file ``path``; OSError when it is a
    symbolic link."""
    handle = os.open(path, os.O_RDONLY | _NONBLOCK | _NOFOLLOW)  # a FIFO never blocks
    with os.fdopen(handle, "rb") as file:
        return file.read(size)


def is_entry(path: Path) -> bool:
    """Whether ``path`` is a cache entry, as this cache (or an older codegen's) writes them:
    named ``SHA256.txt``, a file (not a link), whose first line is ``codegen-cache-2 SHA256
    HMAC`` (or ``codegen-cache-1 SHA256 SHA256-OF-TEXT``) with its own name. A user's file is never one (its text is not checked: an entry whose
    text was edited is still the cache's, and not used)."""
    if not ENTRY_NAME.fullmatch(path.name):
        return False
    try:
        head = _read(path, HEAD_BYTES)
    except OSError:
        return False
    formats = "|".join((ENTRY_FORMAT, *OLD_FORMATS))
    return re.fullmatch(rf"(?:{formats}) {path.stem} [0-9a-f]{{64}}\n".encode(), head) is not None


def _prune(folder: Path) -> None:
    """Delete all but the :data:`CACHE_ENTRIES` most recently used entries
    (:func:`is_entry`); any other file is left alone, whatever its age."""
    if unusable(folder):
        return
    with contextlib.suppress(OSError):
        entries = [p for p in folder.iterdir() if is_entry(p)]
        entries.sort(key=lambda p: p.lstat().st_mtime_ns, reverse=True)
        for path in entries[CACHE_ENTRIES:]:
            path.unlink(missing_ok=True)
