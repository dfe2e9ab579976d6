"""The benchmark's memory rows: the largest catalog and the section they are written into.

Nothing here is timed or measures memory."""

from __future__ import annotations

from pathlib import Path

from bench import memory, synth
from bench.largest import largest_catalog
from bench.measure import Measurement, Sample
from codegen.catalog.load import validate_catalog


def test_the_largest_catalog_is_just_under_the_size_it_is_given(tmp_path: Path) -> None:
    catalog, text = largest_catalog(200, 300_000)
    size = len(text.encode("utf-8"))
    assert 297_000 <= size <= 300_000
    assert synth.count_codes(catalog) == 200
    path = tmp_path / "codes.yaml"
    path.write_text(text, encoding="utf-8")
    assert validate_catalog(path, display_path="codes.yaml") == []


def _rows(peaks_kib: list[tuple[int, int]]) -> list[tuple[memory.Case, Measurement]]:
    samples = [Sample(1.0, rss, 0, False, "", tree) for rss, tree in peaks_kib]
    case = memory.Case("c", memory._synthetic(10))
    return [(case, Measurement("memory", "c", samples))]


def test_a_runs_peak_is_the_larger_of_its_largest_process_and_its_process_tree() -> None:
    [(_, measured)] = _rows([(100 * 1024, 300 * 1024), (500 * 1024, 200 * 1024)])
    assert measured.memory_mib() == [300, 500]


def test_the_section_judges_the_worst_run_against_the_bound() -> None:
    within = memory.section(_rows([(2048 * 1024, 0)]), "test")
    over = memory.section(_rows([(1024 * 1024, 0), (2100 * 1024, 0)]), "test")
    assert "| 2048 | within |" in within
    assert "| 2048 | over by 3% |" in over


def test_the_section_replaces_only_itself_in_the_report() -> None:
    report = "# Benchmarks\n\nintro\n\n## Targets\n\nrows\n"
    first = memory.splice(report, memory.section(_rows([(10, 0)]), "one"))
    assert first.index(memory.BEGIN) < first.index("## Targets")
    second = memory.splice(first, memory.section(_rows([(10, 0)]), "two"))
    assert "Made by two" in second and "Made by one" not in second
    assert second.replace("two", "one") == first
