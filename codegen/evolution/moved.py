"""Where the catalog was at a git ref when its path in the working tree did not exist there:
a pull request that moves the catalog (``git mv``) and points the configuration at the new
path must still be compared with the catalog it moved, or ``check --breaking-against``
would see an empty base and let any change through (issue #18's trial).

The base's catalog is the one codegen at the base would have read: the configuration found
at that revision the way :func:`codegen.project.config.find_config` finds it (the same
configuration file path, then a codegen.toml or a pyproject.toml with ``[tool.codegen]`` in
the working directory or a folder above it, up to the repository root), its ``catalog`` key
(default ``spec/codes.yaml``) resolved from that configuration's folder; without any
configuration there, the default catalog from the working directory. Failing that, git's
rename detection between the ref and the working tree may name the file the catalog was
moved from. Only when none of these exists is the base empty: a project adopting codegen.
A base with a configuration whose catalog is not there is refused. Every blob is sized with
``git cat-file -s`` before it is read (:data:`~codegen.limits.MAX_CONFIG_BYTES` for a
configuration).
"""

from __future__ import annotations

import posixpath
import tomllib
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from codegen.catalog.default import DEFAULT_CATALOG
from codegen.errors import InputError
from codegen.evolution.gitcmd import git, out
from codegen.evolution.gitcmd import is_blob as exists
from codegen.limits import MAX_CONFIG_BYTES, MAX_CONFIG_DEPTH
from codegen.project.config import CONFIG_FILE, PYPROJECT
from codegen.project.toml_positions import too_deep


def base_catalog(
    root: Path,
    commit: str,
    label: str,
    relative: str,
    folders: Sequence[str],
    config: str | None,
    follow: bool,
) -> tuple[str, str] | None:
    """``(path, how)`` of the base's catalog in ``commit``, the working tree's being at
    ``relative`` (from the repository root): ``how`` is ``""`` for ``relative`` itself,
    ``"configuration"`` when the base's configuration (or, without one, the default) put it
    elsewhere, ``"rename"`` when git pairs another path with ``relative``; None when the
    base has neither a codegen configuration nor a catalog (a project adopting codegen).
    ``follow`` (the catalog was not named on the command line): the base's configuration
    decides even when ``relative`` is in the base, so a catalog moved onto a file the base
    already had is still compared with the base's catalog. ``folders`` are the working
    directory's folders from the repository root (deepest first, ``""`` the root),
    ``config`` the configuration file's path from the root (None: none); ``label`` names
    the ref in messages. InputError when the base's configuration cannot be read, or names
    a catalog that is not there while ``relative`` is not either."""
    here = exists(root, commit, relative)
    if here and not follow:
        return relative, ""
    found = _base_config(root, commit, label, folders, config)
    if found is not None:
        path, section = found
        catalog = _catalog_of(section, posixpath.dirname(path), f"{label}:{path}")
        if exists(root, commit, catalog):
            return catalog, "" if catalog == relative else "configuration"
        if here:
            return relative, ""
        raise InputError(
            f"the configuration at this revision names the catalog {catalog!r}, which is not "
            f"there, nor is {relative!r}, so there is nothing to compare with: compare with a "
            "revision that has the catalog",
            f"{label}:{path}",
        )
    if here:
        return relative, ""
    catalog = posixpath.normpath(posixpath.join(folders[0] if folders else "", DEFAULT_CATALOG))
    if exists(root, commit, catalog):
        return catalog, "configuration"
    renamed = _renamed_to(root, commit, relative)
    if renamed is not None and exists(root, commit, renamed):
        return renamed, "rename"
    return None


def _base_config(
    root: Path, commit: str, label: str, folders: Iterable[str], config: str | None
) -> tuple[str, dict[str, Any]] | None:
    """The first configuration in ``commit`` (its path and its codegen table): ``config``,
    then codegen.toml or a pyproject.toml with ``[tool.codegen]`` in each of ``folders``."""
    candidates = [config] if config is not None else []
    for folder in folders:
        candidates += [posixpath.join(folder, CONFIG_FILE), posixpath.join(folder, PYPROJECT)]
    seen = set()
    for path in candidates:
        if path in seen:
            continue
        seen.add(path)
        section = _read_config(root, commit, path, f"{label}:{path}")
        if section is not None:
            return path, section
    return None


def _read_config(root: Path, commit: str, path: str, shown: str) -> dict[str, Any] | None:
    """The codegen table of the TOML file ``path`` in ``commit``; None when there is no file
    there, or it is a pyproject.toml without ``[tool.codegen]``."""
    size = git(root, "cat-file", "-s", f"{commit}:{path}")
    if size.returncode != 0 or not exists(root, commit, path):
        return None
    if int(out(size)) > MAX_CONFIG_BYTES:
        limit = MAX_CONFIG_BYTES // 2**20
        raise InputError(f"the configuration is larger than {limit} MiB, the limit", shown)
    blob = git(root, "cat-file", "blob", f"{commit}:{path}")
    try:
        text = blob.stdout.decode("utf-8")
    except UnicodeDecodeError:
        raise InputError("not UTF-8 at this revision: cannot read its catalog key", shown) from None
    if too_deep(text, MAX_CONFIG_DEPTH) is not None:
        raise InputError(f"nests deeper than {MAX_CONFIG_DEPTH} levels at this revision", shown)
    try:
        data: dict[str, Any] = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise InputError(f"not valid TOML at this revision: {error}", shown) from None
    if posixpath.basename(path) != PYPROJECT:
        return data
    tool = data.get("tool")
    codegen = tool.get("codegen") if isinstance(tool, dict) else None
    return codegen if isinstance(codegen, dict) else None


def _catalog_of(section: dict[str, Any], folder: str, shown: str) -> str:
    """The ``catalog`` key of a base configuration in ``folder``, from the repository root."""
    catalog = section.get("catalog", DEFAULT_CATALOG)
    if not isinstance(catalog, str) or not catalog.strip():
        raise InputError("catalog is not a path at this revision", shown)
    path = posixpath.normpath(posixpath.join(folder, catalog))
    if posixpath.isabs(catalog) or path == ".." or path.startswith("../"):
        raise InputError(
            f"the catalog {catalog!r} is outside the repository at this revision, so git "
            "history does not hold it: compare with a revision where it is inside",
            shown,
        )
    return path


def _renamed_to(root: Path, commit: str, relative: str) -> str | None:
    """The path in ``commit`` that git's rename detection pairs with ``relative`` in the
    working tree (committed, staged or not, for a tracked file), or None."""
    done = git(
        root,
        "diff",
        "--no-ext-diff",
        "--no-textconv",
        "--name-status",
        "-z",
        "-M",
        "--diff-filter=R",
        commit,
        "--",
    )
    if done.returncode != 0:
        return None
    fields = done.stdout.split(b"\0")
    for at in range(0, len(fields) - 2, 3):
        old, new = (f.decode("utf-8", "surrogateescape") for f in fields[at + 1 : at + 3])
        if fields[at].startswith(b"R") and new == relative:
            return old
    return None
