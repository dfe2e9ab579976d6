"""Peak memory of ``generate`` against the bound docs/limits.md documents.

The section "Peak memory of generate" of BENCHMARKS.md: ``generate`` from scratch at 10,000
and 100,000 codes and on the largest catalogs codegen accepts (the most codes, with
messages long enough to bring the YAML just under the size limit: :mod:`bench.largest`),
each beside the bound. ``python bench/run.py --memory-only`` measures only these rows and
replaces only this section of an existing BENCHMARKS.md (a full run writes it too).

A run's peak is the larger of its largest process's ``ru_maxrss`` and the PSS of its whole
process tree sampled every 0.1 s (:mod:`bench.measure`): the fork that renders beside the
main process, and the formatter it runs, count once each.
"""

from __future__ import annotations

import shutil
import statistics
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bench import synth
from bench.largest import largest_catalog
from bench.measure import Measurement, measure
from bench.scenarios import RUFF_CONFIG, Inputs, Repo
from codegen.limits import MAX_CATALOG_BYTES, MAX_CODES, MEMORY_BOUND_GIB

BEGIN, END = "<!-- memory: begin -->", "<!-- memory: end -->"


@dataclass(frozen=True)
class Case:
    """One catalog and configuration whose ``generate`` is measured."""

    label: str
    catalog: Callable[[], Inputs]
    config: str = ""  # "" for the repository's configuration, else RUFF_CONFIG
    expect: int = 0  # 2: refused before rendering


def _synthetic(size: int) -> Callable[[], Inputs]:
    def make() -> Inputs:
        catalog = synth.build_catalog(size)
        return _inputs(catalog, synth.catalog_yaml(catalog), "synthetic")

    return make


def _largest(codes: int) -> Callable[[], Inputs]:
    def make() -> Inputs:
        return _inputs(*largest_catalog(codes, MAX_CATALOG_BYTES), "largest")

    return make


def _inputs(catalog: dict[str, Any], text: str, origin: str) -> Inputs:
    """Only the catalog: no Markdown page or LinkML schema (generate reads neither)."""
    return Inputs(synth.count_codes(catalog), origin, text, "", "ja", "", catalog)


def cases() -> list[Case]:
    """The rows: the repository's configuration (no formatter runs on the built-in outputs)
    at 10,000 and 100,000 codes and on the largest catalog accepted, and ruff formatting
    the Python module at 100,000 codes and on the largest."""
    mib = MAX_CATALOG_BYTES // 2**20
    return [
        Case("10,000 codes, synthetic", _synthetic(10_000)),
        Case("100,000 codes, synthetic", _synthetic(100_000)),
        Case("100,000 codes, synthetic [ruff]", _synthetic(100_000), RUFF_CONFIG),
        Case(f"{MAX_CODES:,} codes, {mib} MiB: the largest accepted", _largest(MAX_CODES)),
        Case(
            f"{MAX_CODES:,} codes, {mib} MiB: the largest accepted [ruff]",
            _largest(MAX_CODES),
            RUFF_CONFIG,
        ),
    ]


def run_memory(
    source: Path,
    python: str,
    env: dict[str, str],
    runs: int,
    timeout: float,
    progress: Callable[[list[tuple[Case, Measurement]]], None] = lambda rows: None,
) -> list[tuple[Case, Measurement]]:
    """Each case's ``generate`` from scratch, ``runs`` times, one at a time; ``progress``
    gets the rows measured so far after each case."""
    results = []
    floor_case = Case("floor: `python -c pass`", _synthetic(synth.MIN_SIZE))
    for case in [floor_case, *cases()]:
        root = Path(tempfile.mkdtemp(prefix="codegen-bench-memory-"))
        try:
            repo = Repo(root, source, case.catalog(), python, env)
            argv = (
                [python, "-c", "pass"]
                if case is floor_case
                else repo.codegen("generate", *(("--config", case.config) if case.config else ()))
            )
            result = measure(
                "memory",
                case.label,
                argv,
                root,
                env,
                runs=runs,
                timeout=timeout,
                expect=case.expect,
                before_each=repo.clear_generated,
                warm_up=False,
            )
        finally:
            shutil.rmtree(root, ignore_errors=True)
        figure = f"{statistics.median(result.memory_mib()):.0f} MiB" if result.ok else result.error
        print(f"[memory] {case.label}: {figure}", flush=True)
        results.append((case, result))
        progress(results)
    return results


def section(results: list[tuple[Case, Measurement]], made_by: str) -> str:
    """The Markdown section, between its markers."""
    bound = MEMORY_BOUND_GIB * 1024
    lines = [
        BEGIN,
        "## Peak memory of generate",
        "",
        (
            f"Made by {made_by}. `generate` from scratch, each run a fresh process, no warm-up; "
            "peak is the larger of the largest process's `ru_maxrss` and the sampled PSS sum of "
            "its process tree (the fork and the formatter included). The bound is docs/limits.md's: "
            f"{MEMORY_BOUND_GIB} GiB for any catalog codegen accepts. Rows without [ruff] use this "
            "repository's configuration (no formatter runs on the built-in outputs)."
        ),
        "",
        "| catalog | exit | runs | median peak MiB | min | max | median s | bound MiB | result |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---|",
    ]
    for case, m in results:
        if not m.ok:
            lines.append(f"| {case.label} | | | {m.error} | | | | {bound} | not measured |")
            continue
        peaks = m.memory_mib()
        median = statistics.median(peaks)
        verdict = "within" if max(peaks) <= bound else f"over by {max(peaks) / bound - 1:.0%}"
        lines.append(
            f"| {case.label} | {case.expect} | {len(peaks)} | {median:.0f} | {min(peaks):.0f} | "
            f"{max(peaks):.0f} | {m.median:.1f} | {bound} | {verdict} |"
        )
    return "\n".join([*lines, "", END, ""])


def splice(report: str, text: str) -> str:
    """``report`` with its memory section replaced by ``text`` (before "## Targets" when
    it has none yet, else at the end)."""
    if BEGIN in report and END in report:
        start, end = report.index(BEGIN), report.index(END) + len(END)
        return report[:start] + text.rstrip("\n") + report[end:]
    anchor = report.find("## Targets")
    if anchor < 0:
        return report.rstrip("\n") + "\n\n" + text
    return report[:anchor] + text + "\n" + report[anchor:]
