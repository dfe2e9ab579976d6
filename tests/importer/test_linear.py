"""An import costs as many steps as the page has columns, never their square (issue #18:
18,000 columns took 98 s, 4,000 columns 8-10 s, in the column roles and the merge).

Guarded by counting Python function calls (generator steps included) at two widths, not
by timing: doubling the columns may at most a little more than double the calls."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from types import FrameType

import pytest

from codegen.cli import main


def _page(path: Path, columns: int, cell: Callable[[int, int], str]) -> Path:
    def row(cells: list[str]) -> str:
        return "| " + " | ".join(cells) + " |"

    header = row(["Code", "Message", *(f"Column {i}" for i in range(columns))])
    rule = "|" + "---|" * (columns + 2)
    rows = [
        row([str(100 + k), f"Message {k}", *(cell(k, i) for i in range(columns))])
        for k in range(24)
    ]
    path.write_text("# Errors\n\n" + "\n".join([header, rule, *rows]) + "\n", encoding="utf-8")
    return path


def _calls(argv: list[str]) -> int:
    """The Python calls (and generator steps) ``codegen ARGV`` makes, its exit code aside."""
    count = 0

    def profile(frame: FrameType, event: str, arg: object) -> None:
        nonlocal count
        if event == "call":
            count += 1

    main(argv)  # imports, models and caches loaded before counting
    sys.setprofile(profile)
    try:
        main(argv)
    finally:
        sys.setprofile(None)
    return count


def _import_calls(tmp_path: Path, columns: int, cell: Callable[[int, int], str]) -> int:
    page = _page(tmp_path / f"errors{columns}.md", columns, cell)
    catalog = tmp_path / f"codes{columns}.yaml"
    return _calls(["import", str(page), "--lang", "en", "--catalog", str(catalog), "--dry-run"])


@pytest.mark.parametrize(
    "cell",
    [
        pytest.param(lambda k, i: f"g{k % 3}", id="group-columns"),
        pytest.param(lambda k, i: f"text {k} of column {i}", id="text-columns"),
        pytest.param(lambda k, i: "1", id="codes-in-every-column-refused"),
    ],
)
def test_a_first_import_costs_as_many_calls_as_columns(
    tmp_path: Path, cell: Callable[[int, int], str]
) -> None:
    narrow, wide = (_import_calls(tmp_path, n, cell) for n in (60, 120))
    assert wide < narrow * 2.3, (narrow, wide)
