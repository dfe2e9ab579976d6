"""A page of many tables costs as many steps as it has tables, never their square (issue
#18: 2,000 two-code tables took 11.3 s, 4,000 took 42.7 s, 30,000 ran past 90 s: every new
code set recomputed the catalog's class names, the reader looked back over every earlier
heading, and each table was compared with every earlier one).

Guarded by counting calls (cProfile) at 250 and 1,000 tables: four times the tables may
cost at most 4.6 times the calls (the old code: far more)."""

from __future__ import annotations

import cProfile
import pstats
from pathlib import Path

import pytest

from codegen.cli import main
from tests.support.hostile import run_measured

SMALL, LARGE = 250, 1_000
MAX_GROWTH = 4.6  # for 4x the tables


def _page(path: Path, tables: int, form: str) -> Path:
    """``tables`` sections, each a heading and a table of two codes."""
    if form == "md":
        text = "\n".join(
            f"## Section {i}\n\n| Code | Message |\n|---|---|\n| {2 * i} | m{i} |\n"
            f"| {2 * i + 1} | n{i} |\n"
            for i in range(tables)
        )
    else:
        text = "<html><body>\n" + "\n".join(
            f"<h2>Section {i}</h2>\n<table><tr><th>Code</th><th>Message</th></tr>"
            f"<tr><td>{2 * i}</td><td>m{i}</td></tr>"
            f"<tr><td>{2 * i + 1}</td><td>n{i}</td></tr></table>"
            for i in range(tables)
        )
    path.write_text(text + "\n", encoding="utf-8")
    return path


def _calls(argv: list[str]) -> int:
    profile = cProfile.Profile()
    profile.enable()
    try:
        assert main(argv) == 0
    finally:
        profile.disable()
    return int(pstats.Stats(profile).total_calls)  # type: ignore[attr-defined]


def _import_calls(tmp_path: Path, tables: int, form: str) -> tuple[int, int]:
    """The calls of a first import of the page into a new catalog, then of a re-import."""
    page = _page(tmp_path / f"page{tables}.{form}", tables, form)
    argv = ["import", str(page), "--lang", "en", "--catalog", str(tmp_path / f"c{tables}.yaml")]
    return _calls(argv), _calls(argv)


@pytest.mark.parametrize("form", ["md", "html"])
def test_a_page_of_many_tables_costs_as_many_calls_as_tables(tmp_path: Path, form: str) -> None:
    main(
        [
            "import",
            str(_page(tmp_path / f"warm.{form}", 3, form)),
            "--lang",
            "en",
            "--catalog",
            str(tmp_path / "warm.yaml"),
        ]
    )  # imports and models loaded first
    (first_small, again_small), (first_large, again_large) = (
        _import_calls(tmp_path, n, form) for n in (SMALL, LARGE)
    )
    assert first_large < first_small * MAX_GROWTH, (first_small, first_large)
    assert again_large < again_small * MAX_GROWTH, (again_small, again_large)


@pytest.mark.slow
def test_a_page_of_10000_tables_imports_in_bounded_time(tmp_path: Path) -> None:
    """As many tables as a catalog may hold code sets: about 6 s and 330 MiB (2 cores)."""
    _page(tmp_path / "page.md", 10_000, "md")
    ran = run_measured(["import", "page.md", "--lang", "en"], tmp_path, timeout=90)
    assert ran.status == 0, ran.err
    assert ran.peak_mib < 1024, ran.peak_mib


@pytest.mark.slow
def test_a_page_of_more_tables_than_code_sets_is_refused_at_the_first_past_it(
    tmp_path: Path,
) -> None:
    _page(tmp_path / "page.md", 30_000, "md")
    ran = run_measured(["import", "page.md", "--lang", "en"], tmp_path, timeout=60)
    assert ran.status == 2
    assert ran.err.strip() == (
        "page.md:70003:1: the page has more than 10,000 code tables, the most code sets one "
        "catalog holds: import the page in parts, into more than one catalog"
    ), ran.err
