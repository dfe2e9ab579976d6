"""Formatting rendered text, and proving it parses, before anything is written.

``format_text(text, formatter, options)`` returns the text to write or raises
:class:`~codegen.errors.TemplateError` saying what does not parse and where in the
rendered text; :mod:`codegen.render` adds the template and the output path.

Inside ``with formatting_cache(folder):`` black's output is cached in ``folder`` by
the hash of (formatter, its version, its options, the unformatted text), so the same text
is never formatted twice and a hit does not even import black. The cache is never
required: a missing, unreadable or unwritable folder only costs the formatting; entries
are written atomically and at most :data:`CACHE_ENTRIES` are kept (the least recently
used go first). Each entry starts with a line naming its key and the hash of the text
below it (:func:`cache_entry`); an entry whose line does not match (edited, checked out
with CRLF line endings, copied under another key, written by an older codegen) is not
used, so a cached result never brings a carriage return, or anything else, into an output.
"""

from __future__ import annotations

import ast
import contextlib
import gc
import hashlib
import json
import os
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import Any

from codegen.errors import InputError, TemplateError
from codegen.filters import json_escape_nonprintable
from codegen.manifest import package_version
from codegen.writing import write_atomic

CACHE_ENTRIES = 64
_cache_folder: list[Path] = []  # the folder of the innermost formatting_cache(), if any

PYTHON_LINE_LENGTH = 100  # as the repository's own black configuration
PYTHON_TARGET_VERSION = "3.9"  # the oldest Python the generated module runs on


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


def format_text(text: str, formatter: str, options: Mapping[str, object]) -> str:
    """``text`` formatted by ``formatter``, parsed back, ending in one newline."""
    if "\r" in text:
        line = text.count("\n", 0, text.index("\r")) + 1
        raise TemplateError("rendered a carriage return; escape it in the template", line=line)
    if formatter == "python":
        text = format_python(text, options)
    elif formatter == "json":
        text = format_json(text)
    elif formatter == "yaml":
        check_yaml(text)
    return text.rstrip("\n") + "\n"


def format_python(text: str, options: Mapping[str, object]) -> str:
    """``text`` formatted by black, which also proves it parses, then compiled by ``ast``
    for the target Python version; from the formatting cache when it holds it."""
    version = str(options.get("target_version", PYTHON_TARGET_VERSION))
    line_length = options.get("line_length", PYTHON_LINE_LENGTH)
    length = line_length if isinstance(line_length, int) else None
    key = ("black", package_version("black"), version, length)
    return cached(key, text, lambda: _black(text, options))


def _black(text: str, options: Mapping[str, object]) -> str:
    import black  # slow to import: only for commands that write Python
    from black.mode import TargetVersion

    version = str(options.get("target_version", PYTHON_TARGET_VERSION))
    try:
        major, minor = (int(part) for part in version.split("."))
        target = TargetVersion[f"PY{major}{minor}"]
    except (ValueError, KeyError):
        raise InputError(
            f"target_version {version!r} is not a Python version black knows"
        ) from None
    line_length = options.get("line_length", PYTHON_LINE_LENGTH)
    mode = black.Mode(
        target_versions={target},
        line_length=line_length if isinstance(line_length, int) else PYTHON_LINE_LENGTH,
    )
    try:
        formatted = black.format_str(text, mode=mode)
        # Black's syntax tree is cyclic (parents and children point at each other): only the
        # cycle collector frees it, and the CLI runs that rarely (codegen.cli). Freed now,
        # its memory holds the AST below instead of adding to it: 427 instead of 595 MiB at
        # 10,000 codes, for about 5% of black's time.
        gc.collect()
        ast.parse(formatted, feature_version=(major, minor))
    except SyntaxError as error:
        raise TemplateError(f"invalid Python: {error.msg}", line=error.lineno or 0) from None
    except ValueError as error:  # black.parsing.InvalidInput: "Cannot parse ...: 3:4: ..."
        raise TemplateError(f"invalid Python: {error}") from None
    return formatted


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    keys = [key for key, _ in pairs]
    duplicates = sorted({key for key in keys if keys.count(key) > 1})
    if duplicates:
        raise ValueError(f"duplicate key {duplicates[0]!r}")
    return dict(pairs)


def format_json(text: str) -> str:
    """``text`` parsed (duplicate keys refused) and dumped canonically: two-space indent,
    UTF-8 text, non-printable characters escaped."""
    try:
        document = json.loads(text, object_pairs_hook=_unique_keys)
    except json.JSONDecodeError as error:
        raise TemplateError(
            f"invalid JSON: {error.msg}", line=error.lineno, column=error.colno
        ) from None
    except ValueError as error:
        raise TemplateError(f"invalid JSON: {error}") from None
    return json_escape_nonprintable(json.dumps(document, indent=2, ensure_ascii=False))


def check_yaml(text: str) -> None:
    """Raise unless ``text`` loads with ruamel's safe loader (duplicate keys refused).

    libyaml proves it first when installed (30× faster); anything it is unsure of
    (duplicate keys, anchors, deep nesting, odd scalars) goes to ruamel for the verdict."""
    from codegen import spec_yaml

    if spec_yaml.C_LOADER:
        try:
            from codegen.spec_yaml_fast import Unsure, load
        except ImportError:
            pass
        else:
            try:
                load(text)
                return
            except Unsure:
                pass
    from ruamel.yaml import YAML
    from ruamel.yaml.error import YAMLError

    try:
        YAML(typ="safe", pure=True).load(text)
    except YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 1 if mark is not None else 0
        problem = getattr(error, "problem", None) or str(error).splitlines()[0]
        raise TemplateError(f"invalid YAML: {problem}", line=line) from None
