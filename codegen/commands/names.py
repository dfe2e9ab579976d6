"""``codegen names``: list the names ``import`` derived, and accept them after review.

Without ``--accept`` it prints one ``path:line:col:`` line per derived name (a code set's,
a group value's or a code's, marked ``derived: true``) and a summary on stdout, exit 0,
like the warnings of ``validate``. ``--accept`` removes the mark from every derived name,
``--accept NAME...`` from those names only (each must be a derived name, else exit 2 and
nothing written); ``--set NAME`` limits either to one code set. Accepting holds the
catalog's lock (:mod:`codegen.commands._session`) and edits the round-trip tree
(:mod:`codegen.catalog.roundtrip.derived`), so every comment and quoting stays, and writes
the catalog atomically, with the line endings it had, only when a mark was removed. A
catalog that ``validate`` refuses is refused the same way: its problems on stderr, exit 2.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from codegen.catalog import roundtrip
from codegen.catalog.load import text_problems
from codegen.catalog.parse import read_text
from codegen.commands._session import session
from codegen.errors import ExitCode, InputError, counted
from codegen.project.config import load_config

if TYPE_CHECKING:
    from ruamel.yaml.comments import CommentedMap

    from codegen.catalog.roundtrip import DerivedName


def run(
    *,
    accept: Sequence[str] | None,
    set_name: str | None,
    config: str | None,
    catalog: str | None,
) -> ExitCode:
    """List the derived names of the configured catalog (``catalog`` over the
    configuration's), or with ``accept`` (empty: all of them) remove their marks; only the
    code set named ``set_name`` when given. InputError (exit 2) for a set or a name that is
    not there; the problems and exit 2 for an invalid catalog."""
    configured = load_config(config, catalog=catalog)
    path = configured.catalog
    if accept is None:
        return _list(path, set_name)
    with session(configured, "codegen names", output=False, writes=True):
        return _accept(path, set_name, accept)


def _list(path: str, set_name: str | None) -> ExitCode:
    loaded = _load(path, set_name)
    if loaded is None:
        return ExitCode.INVALID
    _, _, derived = loaded
    for name in derived:
        print(f"{path}:{name.line}:{name.column}: {_describe(name)}")
    if derived:
        print(
            f"{path}: {counted(len(derived), 'derived name')} to check; after review, "
            "codegen names --accept accepts them all, --accept NAME... some"
        )
    else:
        print(f"{path}: no derived names")
    return ExitCode.OK


def _accept(path: str, set_name: str | None, names: Sequence[str]) -> ExitCode:
    loaded = _load(path, set_name)
    if loaded is None:
        return ExitCode.INVALID
    before, root, derived = loaded
    chosen = [d for d in derived if not names or d.name in names]
    missing = sorted(set(names) - {d.name for d in derived})
    if missing:
        where = f" in code set {set_name}" if set_name else ""
        raise InputError(
            f"{', '.join(missing)}: not a derived name{where}; run codegen names to list "
            "the derived names, and accept only those",
            path,
        )
    roundtrip.accept_derived(chosen)
    if chosen:
        crlf = b"\r\n" in before
        after = roundtrip.dump(root).encode("utf-8")
        roundtrip.write_atomically(Path(path), after.replace(b"\n", b"\r\n") if crlf else after)
    for name in chosen:
        print(f"{path}:{name.line}:{name.column}: accepted {_describe(name)}")
    left = len(roundtrip.find_derived(root))
    state = "written" if chosen else "unchanged"
    print(
        f"{path} {state}: {counted(len(chosen), 'derived name')} accepted, "
        f"{counted(left, 'derived name')} left"
    )
    return ExitCode.OK


def _load(path: str, set_name: str | None) -> tuple[bytes, CommentedMap, list[DerivedName]] | None:
    """The catalog's bytes, its tree and its derived names (those of ``set_name``), or
    None after printing the problems of an invalid catalog."""
    text = read_text(path, path)  # what validate reads, bounded, read once
    problems = text_problems(text, path)
    if problems:
        for problem in problems:
            print(problem, file=sys.stderr)
        return None
    before = text.encode("utf-8")
    root = roundtrip.load(before.replace(b"\r\n", b"\n"), path)
    if root is None:  # pragma: no cover - validate refuses an empty catalog
        raise InputError("the catalog is empty", path)
    if set_name is not None:
        sets = [str((s.get("curated") or {}).get("name")) for s in root["code_sets"]]
        if set_name not in sets:
            raise InputError(
                f"no code set is named {set_name}: use one of {', '.join(sets) or 'none'}", path
            )
    return before, root, roundtrip.find_derived(root, set_name)


def _describe(name: DerivedName) -> str:
    """``INVALID_APP_KEY, the derived name of code -100 in ApiResultCode``."""
    owner = "a code set" if name.what == "code set" else f"{name.what} in {name.set_name}"
    return f"{name.name}, the derived name of {owner}"
