"""The ``ruff`` formatter: Python formatted by ``ruff format`` instead of black.

Runs ``ruff format --isolated`` (no configuration file is read, so the output does not
depend on the working directory) with the target's ``line_length`` (default 100) and
``target_version`` (default 3.9), then compiles the result with ``ast`` for that version,
as the ``python`` formatter does. ruff is found as the ``ruff`` package of this Python
first, then as a ``ruff`` executable on the PATH.
"""

from __future__ import annotations

import ast
import importlib
import shutil
import subprocess
from collections.abc import Mapping

from codegen.errors import InputError, TemplateError

LINE_LENGTH = 100
TARGET_VERSION = "3.9"
NOT_INSTALLED = (
    "formatter 'ruff' needs ruff, which is not installed: pip install ruff, "
    'or use formatter = "python" (black)'
)


def ruff_command() -> str | None:
    """The ruff executable, or None when there is none."""
    try:
        return str(importlib.import_module("ruff").find_ruff_bin())
    except (ImportError, AttributeError, FileNotFoundError):
        return shutil.which("ruff")


def format_ruff(text: str, options: Mapping[str, object]) -> str:
    """``text`` formatted by ruff and compiled for the target Python version."""
    executable = ruff_command()
    if executable is None:
        raise InputError(NOT_INSTALLED)
    version = str(options.get("target_version", TARGET_VERSION))
    try:
        major, minor = (int(part) for part in version.split("."))
    except ValueError:
        raise InputError(f"target_version {version!r} is not a Python version like 3.9") from None
    line_length = options.get("line_length", LINE_LENGTH)
    command = [
        executable,
        "format",
        "--isolated",
        "--line-length",
        str(line_length if isinstance(line_length, int) else LINE_LENGTH),
        "--target-version",
        f"py{major}{minor}",
        "-",
    ]
    try:
        done = subprocess.run(
            command, input=text, capture_output=True, encoding="utf-8", check=False
        )
    except OSError as error:
        raise InputError(f"cannot run ruff ({executable}): {error.strerror}") from None
    if done.returncode != 0:
        problem = (done.stderr.strip().splitlines() or ["ruff format failed"])[0]
        raise TemplateError(f"invalid Python: {problem.removeprefix('error: ')}")
    try:
        ast.parse(done.stdout, feature_version=(major, minor))
    except SyntaxError as error:
        raise TemplateError(f"invalid Python: {error.msg}", line=error.lineno or 0) from None
    return done.stdout
