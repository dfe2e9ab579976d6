"""Where a project's paths may lead: inside the project folder, never out through a link.

The project folder is the configuration file's folder, or the working directory without
one. A pull request's tree is untrusted (docs/security.md), configuration included, so:

- the configuration's ``catalog``, ``output`` and ``templates`` are relative paths that
  stay in the project folder: no absolute path, no ``..`` climbing out of it
  (:func:`check_configured`, an error at the key);
- a path inside the project folder, configured or given on the command line, must not
  leave it through a symbolic link, and the output folder must not be a link at all
  (:func:`check_links`), since generate writes and deletes through it and check prints
  what it reads there.

A path given on the command line outside the project folder is the caller's own choice and
is taken as given. ``allow_outside = true`` in the configuration lifts both rules, for a
configuration that is trusted. The files under these paths are then read within their
folder by :func:`codegen.files.read_limited` (``within``).
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from collections.abc import Set as AbstractSet
from pathlib import Path, PurePath
from typing import Any

from codegen.errors import InputError
from codegen.files import leads_outside, vcs_folder
from codegen.project.toml_positions import Located

PATH_KEYS = ("catalog", "output", "templates")
_ALLOW = "set allow_outside = true in the configuration if this tree is trusted (docs/security.md)"


def escapes(value: str) -> bool:
    """Whether the configured path ``value`` is absolute or climbs out of its folder with
    ``..`` (``spec/../../x``)."""
    path = PurePath(value)
    if path.is_absolute() or path.drive or path.root:
        return True
    return PurePath(os.path.normpath(value)).parts[:1] == ("..",)


def check_configured(section: Mapping[str, Any], located: Located) -> None:
    """Refuse a configured ``catalog``, ``output`` or ``templates`` outside the project
    folder, unless the (checked) ``section`` says ``allow_outside = true``. Raises
    InputError at the key."""
    output = section.get("output")
    if isinstance(output, str) and vcs_folder(os.path.normpath(output)):
        raise located.error(
            f"output {output!r} leads into {vcs_folder(os.path.normpath(output))}, a version "
            "control folder: generate would write files git reads and runs (its config, its "
            "hooks); choose another folder",
            ("output",),
        )
    if section.get("allow_outside", False):
        return
    for name in PATH_KEYS:
        if name in section and escapes(section[name]):
            raise located.error(
                f"{name} {section[name]!r} is outside the project folder (the configuration's "
                f"folder); give a path inside it, or {_ALLOW}",
                (name,),
            )


def check_links(
    paths: Mapping[str, str],
    root: Path,
    cwd: Path,
    configured: AbstractSet[str] = frozenset(),
    located: Located | None = None,
) -> None:
    """Refuse each of ``paths`` (``catalog``, ``output``, ``templates`` as shown, relative
    to ``cwd``) that lies in the project folder ``root`` but resolves outside it, every
    symbolic link followed, and an output folder that is a symbolic link. A path named in
    ``configured`` (it came from the configuration) is refused at its key in ``located``.
    Raises InputError."""
    for name, value in paths.items():
        path = cwd / value
        if name == "output" and vcs_folder(os.path.normpath(path)):
            raise InputError(
                f"the output folder leads into {vcs_folder(os.path.normpath(path))}, a version "
                "control folder: generate would write files git reads and runs; choose "
                "another folder",
                value,
            )
        if not Path(os.path.normpath(path)).is_relative_to(root):
            continue  # given on the command line: the caller's choice
        if leads_outside(path, root):
            problem = "leads outside the project folder through a symbolic link"
        elif name == "output" and path.is_symlink():
            problem = "is a symbolic link, and the output folder may not be one"
        else:
            continue
        fix = (
            "codegen follows no link out of the project: replace the link with the "
            f"{'file' if name == 'catalog' else 'folder'} itself, or {_ALLOW}"
        )
        if located is not None and name in configured:
            error = located.error(f"{name} {value!r} {problem}; {fix}", (name,))
            if error.line:  # the key is written in the file (not a default)
                raise error
        raise InputError(f"{problem}; {fix}", value)
