"""The ``git`` command as :mod:`.gitref` and :mod:`.moved` run it: in a child process that
dies with codegen (:mod:`codegen.children`), no standard input, no prompt, its output
captured."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

from codegen import children
from codegen.errors import InputError

_NO_PROMPT = {"GIT_TERMINAL_PROMPT": "0", "GIT_OPTIONAL_LOCKS": "0"}


def git(folder: Path, *args: str) -> subprocess.CompletedProcess[bytes]:
    """``git ARGS`` in ``folder``, in a child process that dies with codegen
    (:mod:`codegen.children`), no standard input, its output captured."""
    env = {**os.environ, **_NO_PROMPT}
    try:
        return children.run(["git", *args], cwd=folder, env=env)
    except FileNotFoundError:
        raise InputError("git is not installed (or not on the PATH); install git") from None


def out(done: subprocess.CompletedProcess[bytes]) -> str:
    """A git command's standard output as text, stripped (undecodable bytes replaced)."""
    return done.stdout.decode("utf-8", "replace").strip()


def is_blob(root: Path, commit: str, relative: str) -> bool:
    """Whether ``relative`` names a file (or a link) in ``commit``; not a folder."""
    kind = git(root, "cat-file", "-t", f"{commit}:{relative}")
    return kind.returncode == 0 and out(kind) == "blob"
