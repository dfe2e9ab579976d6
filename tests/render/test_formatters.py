"""The ruff formatter runs as a child process that dies with codegen (codegen.children)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from tests.support.children import gone, killed_while_its_child_runs, never_ending, python

linux_only = pytest.mark.skipif(
    not sys.platform.startswith("linux"),
    reason="elsewhere a child outlives a kill -9 of codegen until its pipes close",
)

FORMATS_WITH = """
import sys
from codegen.render import formatters

formatters.ruff_command = lambda: sys.argv[1]
formatters.format_ruff("x = 1\\n", {})
"""


@linux_only
def test_ruff_dies_within_a_second_of_a_kill_9_of_codegen(tmp_path: Path) -> None:
    ruff, pid_file = never_ending(tmp_path, "ruff")
    with killed_while_its_child_runs(python(FORMATS_WITH, str(ruff)), pid_file) as child:
        assert gone(child, within=1.0), f"ruff (pid {child}) outlived codegen"
