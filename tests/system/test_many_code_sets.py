"""A catalog of many small code sets, which validate accepts, generates within the memory
bound docs/limits.md promises (2 GiB), held by the kernel: the run's address space is
capped at the bound, which its resident memory can never pass. Past the code sets' own
bounds (10,000 sets; black counting a set as ten codes) a run is refused before any
rendering, in one line."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from codegen.limits import MEMORY_BOUND_GIB
from tests.support.paths import REPO

# Runs codegen with its address space capped at argv[1] bytes (forks and formatters too).
CAPPED = (
    "import resource, sys\n"
    "limit = int(sys.argv[1])\n"
    "resource.setrlimit(resource.RLIMIT_AS, (limit, limit))\n"
    "from codegen.cli import main\n"
    "sys.exit(main(sys.argv[2:]))\n"
)


def one_code_sets(count: int) -> str:
    """The YAML of a catalog of ``count`` code sets of one code each."""
    lines = ["format: 1", "source_language: en", "languages: [en]", "title: {en: Sets}"]
    lines += ["curated:", "  module: many_sets", "code_sets:"]
    for i in range(count):
        lines += [
            f"  - title: {{en: Set {i}}}",
            "    code_type: integer",
            f"    curated: {{name: Set{i}}}",
            "    codes:",
            f"      - code: {i}",
            f"        message: {{en: Message {i}}}",
            f"        curated: {{name: CODE_{i}}}",
        ]
    return "\n".join(lines) + "\n"


def _project(folder: Path, sets: int, config: str = "") -> Path:
    """A project in ``folder`` whose catalog has ``sets`` code sets of one code each."""
    (folder / "spec").mkdir()
    (folder / "spec" / "codes.yaml").write_text(one_code_sets(sets), encoding="utf-8")
    (folder / "codegen.toml").write_text(f'catalog = "spec/codes.yaml"\n{config}', encoding="utf-8")
    return folder


def _refused(folder: Path, command: str) -> str:
    """The one line ``command`` fails with (exit 2), having written nothing."""
    done = _codegen(folder, command)
    assert done.returncode == 2, done.stderr
    assert done.stderr.count("\n") == 1, done.stderr
    assert not (folder / "generated").exists()
    return done.stderr


def _codegen(folder: Path, command: str) -> subprocess.CompletedProcess[str]:
    bound = MEMORY_BOUND_GIB * 2**30
    environment = {**os.environ, "PYTHONPATH": str(REPO)}
    return subprocess.run(
        [sys.executable, "-c", CAPPED, str(bound), command],
        cwd=folder,
        env=environment,
        capture_output=True,
        encoding="utf-8",
        check=False,
    )


@pytest.mark.slow
def test_five_thousand_one_code_sets_generate_within_the_memory_bound(tmp_path: Path) -> None:
    """87 s and 2.02 GiB before: black formatted 45 lines a set, and every set walked the
    catalog again."""
    _project(tmp_path, 5000)
    validated = _codegen(tmp_path, "validate")
    assert validated.returncode == 0, validated.stderr
    generated = _codegen(tmp_path, "generate")
    assert generated.returncode == 0, generated.stderr
    module = (tmp_path / "generated" / "python" / "many_sets.py").read_text(encoding="utf-8")
    assert module.count("(IntEnum):\n") == 5000


@pytest.mark.slow
def test_twenty_thousand_code_sets_are_refused_before_any_work(tmp_path: Path) -> None:
    """Past MAX_CODE_SETS: 20,000 sets of one code rendered for 26 s (up to 137 s and
    1.1 GiB at 100,000 sets, 3.7 GiB with ruff); validate refuses them, generate too.
    Slow: the refusal is located by the round-trip parse every problem of the catalog
    gets (about 30 s for these 3.6 MB)."""
    _project(tmp_path, 20_000)
    for command in ("validate", "generate"):
        err = _refused(tmp_path, command)
        assert ": the catalog has 20,000 code sets; the limit is 10,000: merge small" in err


def test_black_refuses_five_thousand_code_sets_before_rendering(tmp_path: Path) -> None:
    """Where black formats the module (a line length the template is not laid out for), a
    code set counts as ten codes: 5,000 sets of one code took black 204 s and 2.07 GiB."""
    _project(tmp_path, 5000, "[options]\nline_length = 99\n")
    assert _codegen(tmp_path, "validate").returncode == 0
    err = _refused(tmp_path, "generate")
    assert err.startswith("spec/codes.yaml: the catalog has 5,000 codes in 5,000 code sets")
