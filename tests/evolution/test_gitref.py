"""git runs as a child process that dies with codegen (codegen.children)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from tests.support.children import gone, killed_while_its_child_runs, never_ending, python

READS_A_REF = """
import sys
from pathlib import Path
from codegen.evolution import gitref

gitref.repository_root(Path(sys.argv[1]), "spec/codes.yaml")
"""


@pytest.mark.skipif(
    not sys.platform.startswith("linux"),
    reason="elsewhere a child outlives a kill -9 of codegen until its pipes close",
)
def test_git_dies_within_a_second_of_a_kill_9_of_codegen(tmp_path: Path) -> None:
    git, pid_file = never_ending(tmp_path / "bin", "git")
    env = {**os.environ, "PATH": f"{git.parent}{os.pathsep}{os.environ['PATH']}"}
    argv = python(READS_A_REF, str(tmp_path / "codes.yaml"))
    with killed_while_its_child_runs(argv, pid_file, env) as child:
        assert gone(child, within=1.0), f"git (pid {child}) outlived codegen"
