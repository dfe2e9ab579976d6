"""The project-local cache of formatted text, ``.codegen-cache/`` next to the configuration.

Inside ``with formatting_cache(folder):`` black's output is cached in ``folder`` by the hash
of (formatter, its version, its options, the unformatted text), so the same text is never
formatted twice and a hit does not even import black. The cache is never required: a
missing, unreadable or unwritable folder only costs the formatting; entries are written
atomically and at most :data:`CACHE_ENTRIES` are kept (the least recently used go first).
Each entry starts with a line naming its key and the hash of the text below it
(:func:`cache_entry`); an entry whose line does not match (edited, checked out with CRLF
line endings, copied under another key, written by an older codegen) is not used, so a
cached result never brings a carriage return, or anything else, into an output.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
from collections.abc import Callable, Iterator
from pathlib import Path

from codegen.files import write_atomic

CACHE_FOLDER = ".codegen-cache"  # next to the configuration (gitignored)
CACHE_ENTRIES = 64
_cache_folder: list[Path] = []  # the folder of the innermost formatting_cache(), if any


@contextlib.contextmanager
def formatting_cache(folder: Path | None) -> Iterator[None]:
    """Cache formatted text in ``folder`` (None: no cache) while the block runs; prune it
    to :data:`CACHE_ENTRIES` entries afterwards."""
    if folder is None:
        yield
        return
    _cache_folder.append(folder)
    try:
        yield
    finally:
        _cache_folder.pop()
        _prune(folder)


def cached(key: tuple[object, ...], text: str, produce: Callable[[], str]) -> str:
    """``produce()``, which formats ``text`` as ``key`` (formatter, version, options) says;
    from the cache folder when it holds it."""
    if not _cache_folder:
        return produce()
    name = hashlib.sha256(json.dumps([*key, text], default=str).encode("utf-8")).hexdigest()
    path = _cache_folder[-1] / f"{name}.txt"
    found = read_entry(path)
    if found is not None:
        with contextlib.suppress(OSError):
            os.utime(path)  # recently used: kept by the pruning
        return found
    formatted = produce()
    with contextlib.suppress(OSError):
        write_atomic(path, cache_entry(name, formatted))
    return formatted


ENTRY_FORMAT = "codegen-cache-1"  # the first word of an entry's first line


def cache_entry(name: str, text: str) -> bytes:
    """The bytes of the cache entry ``name`` (its file's stem, the key's hash) holding
    ``text``: the line ``codegen-cache-1 NAME SHA256-OF-TEXT``, then ``text``."""
    data = text.encode("utf-8")
    return f"{ENTRY_FORMAT} {name} {hashlib.sha256(data).hexdigest()}\n".encode() + data


def read_entry(path: Path) -> str | None:
    """The text of the cache entry at ``path``; None when there is none, or when its first
    line does not name the file's key and the hash of the text below it."""
    try:
        head, _, data = path.read_bytes().partition(b"\n")
        text = data.decode("utf-8")
    except (OSError, UnicodeDecodeError):
        return None
    expected = f"{ENTRY_FORMAT} {path.stem} {hashlib.sha256(data).hexdigest()}"
    if head != expected.encode() or "\r" in text:
        return None
    return text


def _prune(folder: Path) -> None:
    """Delete all but the :data:`CACHE_ENTRIES` most recently used entries."""
    with contextlib.suppress(OSError):
        entries = sorted(folder.glob("*.txt"), key=lambda p: p.stat().st_mtime_ns, reverse=True)
        for path in entries[CACHE_ENTRIES:]:
            path.unlink(missing_ok=True)
