"""Identical inputs give byte-identical files, whatever the hash seed, locale, time zone or
working directory of the process that generates them."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.support.catalogs import Project
from tests.support.paths import REPO


def _generate(project: Project, cwd: Path, **env: str) -> None:
    environment = {k: v for k, v in os.environ.items() if not k.startswith(("LC_", "PYTHON"))}
    environment.update(env, PYTHONPATH=str(REPO))
    command = [
        sys.executable,
        "-m",
        "codegen",
        "generate",
        "--catalog",
        str(project.catalog),
        "--templates",
        str(project.templates),
        "--output",
        str(project.output),
    ]
    result = subprocess.run(
        command, cwd=cwd, env=environment, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr


def test_two_runs_in_different_environments_write_byte_identical_files(tmp_path: Path) -> None:
    first, second = Project(tmp_path / "first"), Project(tmp_path / "second")
    _generate(first, first.root, PYTHONHASHSEED="0", LANG="C", TZ="UTC")
    _generate(
        second,
        Path("/"),
        PYTHONHASHSEED="4242",
        LANG="ja_JP.UTF-8",
        LC_ALL="ja_JP.UTF-8",
        TZ="Asia/Tokyo",
    )
    assert first.files() and first.files() == second.files()
