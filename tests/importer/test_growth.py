"""Import's cost grows with the page, never faster: a guard that counts function calls.

A deterministic profile (cProfile's count of Python and built-in calls) of the whole
``codegen import`` at 2,000 and at 8,000 codes: four times the codes may cost at most
4.5 times the calls. No clock is read, so a busy machine cannot fail it; a quadratic step
(a catalog-wide walk per code, a position map rebuilt per inserted code) fails it at once:
before issue #19 the one-table re-import below grew 10.5x (19.2 to 202 million calls).
"""

from __future__ import annotations

import copy
import cProfile
import pstats
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from bench import synth
from bench.documents import to_markdown
from codegen.cli import main

SMALL, LARGE = 2_000, 8_000
MAX_GROWTH = 4.5  # for 4x the codes


def _page(size: int, every: int = 0) -> str:
    """A synthetic Japanese page of ``size`` codes; without every ``every``-th code of each
    table when ``every`` is given."""
    catalog: dict[str, Any] = copy.deepcopy(synth.build_catalog(size))
    if every:
        for code_set in catalog["code_sets"]:
            code_set["codes"] = [c for i, c in enumerate(code_set["codes"]) if i % every]
    return to_markdown(catalog, "ja")


def _one_table(size: int, every: int = 0) -> str:
    """An English page of one table of ``size`` codes; without every ``every``-th code."""
    rows = [
        f"| {-code} | The request number {code} was refused by the server |"
        for code in range(1, size + 1)
        if not every or code % every
    ]
    return (
        "# Service\n\n## Result codes\n\n| code | message |\n|---|---|\n" + "\n".join(rows) + "\n"
    )


def _import(page: Path, catalog: Path) -> None:
    lang = "en" if page.read_text(encoding="utf-8").startswith("# Service") else "ja"
    code = main(["import", str(page), "--lang", lang, "--catalog", str(catalog)])
    assert code == 0


def _calls(action: Callable[[], None]) -> int:
    profile = cProfile.Profile()
    profile.enable()
    try:
        action()
    finally:
        profile.disable()
    return int(pstats.Stats(profile).total_calls)  # type: ignore[attr-defined]


def _fresh(folder: Path, size: int) -> int:
    """Calls of importing a page into no catalog."""
    page = folder / "page.md"
    page.write_text(_page(size), encoding="utf-8")
    return _calls(lambda: _import(page, folder / "codes.yaml"))


def _again(folder: Path, size: int) -> int:
    """Calls of importing a page into the catalog it made: nothing changes."""
    page = folder / "page.md"
    page.write_text(_page(size), encoding="utf-8")
    _import(page, folder / "codes.yaml")
    return _calls(lambda: _import(page, folder / "codes.yaml"))


def _between(folder: Path, size: int) -> int:
    """Calls of a re-import that adds a tenth of the codes between the others."""
    page = folder / "page.md"
    page.write_text(_page(size, every=10), encoding="utf-8")
    _import(page, folder / "codes.yaml")
    page.write_text(_page(size), encoding="utf-8")
    return _calls(lambda: _import(page, folder / "codes.yaml"))


def _half_between(folder: Path, size: int) -> int:
    """Calls of a re-import that adds every other code of one long table between the
    others (a position map rebuilt per inserted code made it quadratic)."""
    page = folder / "page.md"
    page.write_text(_one_table(size, every=2), encoding="utf-8")
    _import(page, folder / "codes.yaml")
    page.write_text(_one_table(size), encoding="utf-8")
    return _calls(lambda: _import(page, folder / "codes.yaml"))


@pytest.mark.parametrize(
    "scenario",
    [_fresh, _again, _between, _half_between],
    ids=["fresh", "again", "between", "half-between"],
)
def test_import_calls_grow_linearly_with_the_page(
    scenario: Callable[[Path, int], int],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    for folder in ("warm", "small", "large"):
        (tmp_path / folder).mkdir()
    scenario(tmp_path / "warm", 50)  # modules imported and caches filled before counting
    small = scenario(tmp_path / "small", SMALL)
    large = scenario(tmp_path / "large", LARGE)
    capsys.readouterr()
    assert large <= MAX_GROWTH * small, (
        f"{scenario.__name__}: {small:,} calls at {SMALL:,} codes, {large:,} at {LARGE:,}: "
        f"{large / small:.2f}x for 4x the codes (at most {MAX_GROWTH}x)"
    )
