"""The wheel, built from a copy of the sources and installed into a fresh virtual environment
(its dependencies from the package registry), as a user gets codegen. The session fixture
``installed`` (tests/system/conftest.py) builds it once for every test that needs it."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from tests.support.paths import REPO

SOURCES = ("codegen", "pyproject.toml", "README.md")


@dataclass(frozen=True)
class Installed:
    """The wheel installed into a fresh virtual environment."""

    wheel: Path
    python: Path
    codegen: Path


def run_clean(command: Sequence[str | Path], cwd: Path) -> subprocess.CompletedProcess[str]:
    """Run ``command`` with no trace of this test environment (no PYTHONPATH, no virtual
    environment of the tests), capturing what it prints."""
    environment = {
        k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV")
    }
    return subprocess.run(
        [str(part) for part in command],
        cwd=cwd,
        env=environment,
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )


def run_ok(command: Sequence[str | Path], cwd: Path) -> str:
    """:func:`run_clean`, which must exit 0: its stdout, or a failure showing all it printed."""
    done = run_clean(command, cwd)
    assert done.returncode == 0, f"{command} exited {done.returncode}\n{done.stdout}{done.stderr}"
    return done.stdout


def build_wheel(folder: Path) -> Path:
    """Build from a copy of the sources, so that the build writes nothing into the repo."""
    source = folder / "source"
    source.mkdir()
    for name in SOURCES:
        if (REPO / name).is_dir():
            shutil.copytree(
                REPO / name, source / name, ignore=shutil.ignore_patterns("__pycache__")
            )
        else:
            shutil.copy2(REPO / name, source / name)
    wheels = folder / "wheels"
    run_ok([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", wheels, source], folder)
    (wheel,) = wheels.glob("*.whl")
    return wheel


def install(folder: Path) -> Installed:
    """The wheel built under ``folder`` and installed into a new virtual environment there."""
    wheel = build_wheel(folder)
    venv = folder / "venv"
    run_ok([sys.executable, "-m", "venv", venv], folder)
    run_ok([venv / "bin" / "python", "-m", "pip", "install", "-q", wheel], folder)
    return Installed(wheel, venv / "bin" / "python", venv / "bin" / "codegen")
