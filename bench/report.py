"""BENCHMARKS.md: the machine, the method, a table per size, and the targets."""

from __future__ import annotations

import datetime
import importlib.metadata
import os
import platform
import subprocess
from dataclasses import dataclass
from pathlib import Path

from bench.measure import Measurement
from bench.results import SizeResult, evaluate
from bench.scenarios import FLOOR_CODE, RUFF_CONFIG

ANALYSIS = "bench/analysis.md"  # the hand-written analysis, included as it is
PACKAGES = ("jinja2", "ruamel.yaml", "black", "ruff", "pyinstrument", "matplotlib")


@dataclass(frozen=True)
class RunInfo:
    """How the run was made, for the report's header."""

    command: str
    runs: int
    timeout: float
    python: str
    linkml_version: str  # "" when LinkML is not installed
    plot: str  # path relative to the report, or "" when no plot was made
    plot_note: str
    commit: str = ""  # the checkout when the run started (before it wrote anything)


def render(results: list[SizeResult], info: RunInfo, repo: Path) -> str:
    out = [
        "# Benchmarks",
        "",
        f"Made by `{info.command}`; the whole file is rewritten on every run.",
        f"Run on {datetime.date.today().isoformat()} at codegen {info.commit or commit(repo)}.",
        "",
        "## Machine",
        "",
        *_machine(info),
        "",
        "## Method",
        "",
        *_method(info),
        "",
        "## Results",
        "",
        (
            f"![median time against catalog size, log-log]({info.plot})"
            if info.plot
            else info.plot_note
        ),
        "",
    ]
    for result in results:
        out += _size_section(result, info)
    out += _targets(results)
    analysis = repo / ANALYSIS
    if analysis.is_file():  # written by hand: where the time of a missed target goes
        out += ["", analysis.read_text(encoding="utf-8").rstrip("\n")]
    return "\n".join(out).rstrip("\n") + "\n"


def _machine(info: RunInfo) -> list[str]:
    usable = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    versions = [f"{name} {_version(name)}" for name in PACKAGES]
    linkml = f"linkml {info.linkml_version}" if info.linkml_version else "linkml not installed"
    return [
        f"- CPU: {_cpu_model()}, {os.cpu_count()} cores ({usable} usable by this process)",
        f"- Memory: {_memory_gib():.1f} GiB",
        f"- OS: {platform.platform()}",
        f"- Python: {platform.python_implementation()} {platform.python_version()} (`{info.python}`)",
        f"- Packages: {', '.join(versions)}, {linkml}",
    ]


def _method(info: RunInfo) -> list[str]:
    few = " (fewer than 5: indicative only)" if info.runs < 5 else ""
    return [
        (
            f"- Every figure is the median of {info.runs} timed runs{few}, each a fresh process "
            "(`<python> -m codegen ...`, cwd a temporary repository: spec/codes.yaml, templates/, "
            "generated/), after one untimed warm-up run that also fills the bytecode cache. "
            "Min and max are over the timed runs."
        ),
        (
            "- Peak RSS is the child's `ru_maxrss` from `os.wait4`, the largest over the timed "
            "runs. Where codegen renders on two processes (a fork renders some outputs while "
            "the main process renders the others), it is the larger of the two, not their sum."
        ),
        (
            f"- The floor is `python -c '{FLOOR_CODE}'` timed the same way at each size; "
            "“× floor” divides a median by it. Absolute seconds move by up to 2× between runs on "
            "shared machines: compare ratios from the same run."
        ),
        (
            "- Catalog sizes other than the real one are synthetic (`bench/synth.py`, fixed "
            "seed): API, delivery and EMMA-like code sets with Japanese and English messages."
        ),
        (
            "- `import` reads the catalog rendered as one Markdown page (pipe tables under "
            "headings) into a catalog that does not exist yet; the re-import reads it again "
            "into the catalog the first import made (a merge that changes nothing)."
        ),
        (
            "- `check, one message changed` edits one message of the catalog after generating; "
            "its expected exit code is 1."
        ),
        (
            "- The configuration is this repository's (`pyproject.toml`: the built-in targets "
            "plus TypeScript), timed at every size; no formatter runs on the built-in outputs "
            "(the Python module is written in black's style and only compiled back). The row "
            f"marked [ruff] is `generate` with `--config {RUFF_CONFIG}`, that configuration "
            'with `formatter = "ruff"` for the Python module: what a project that asks ruff '
            "to format it pays."
        ),
        (
            "- `generate from scratch` starts from an empty `generated/` and no formatting "
            "cache (`.codegen-cache/`). Jinja's compiled templates (a per-user folder outside "
            "the project) are kept, as Python's `__pycache__` is: both are filled by the "
            "warm-up run. A machine's very first run compiles the templates (about 0.1 s more)."
        ),
        (
            f"- A run still going after {info.timeout:g} s is killed and shown as timed out; a "
            "run with an unexpected exit code as failed, with its first stderr line."
        ),
    ]


def _size_section(result: SizeResult, info: RunInfo) -> list[str]:
    floor = result.floor
    out = [f"### {result.codes:,} codes ({result.origin})", ""]
    if floor.ok:
        out.append(
            f"Floor: {_s(floor.median)} s (min {_s(floor.minimum)}, max {_s(floor.maximum)}), "
            f"peak {floor.peak_mib:.0f} MiB."
        )
    else:
        out.append(f"Floor: {floor.error}.")
    out += [
        "",
        "| command | median s | min s | max s | × floor | peak RSS MiB |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    out += [_row(m, floor) for m in result.steps]
    out.append("")
    for note in result.notes:
        out += [note, ""]
    out += _linkml_table(result, info)
    return out


def _linkml_table(result: SizeResult, info: RunInfo) -> list[str]:
    if not result.linkml:
        return [f"{result.linkml_note or 'LinkML not run'}.", ""]
    bases = [result.step("generate"), result.step("generate-ruff")]
    medians = [m.median if m and m.ok else None for m in bases]
    out = [
        (
            "| LinkML generator | median s | min s | max s | × floor "
            "| × our generate | × our generate [ruff] | peak RSS MiB |"
        ),
        "|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for m in result.linkml:
        ratios = [f"{m.median / base:.2f}" if base and m.ok else "–" for base in medians]
        out.append(_row(m, result.floor, extra=ratios))
    total = result.linkml_total()
    if total is not None:
        ratios = [f"{total / base:.2f}" if base else "–" for base in medians]
        out.append(
            f"| all three | {_s(total)} | | | {_ratio(total, result.floor)} "
            f"| {' | '.join(ratios)} | |"
        )
    return out + [""]


def _row(m: Measurement, floor: Measurement, extra: list[str] | None = None) -> str:
    cells = [m.label]
    if m.ok:
        cells += [_s(m.median), _s(m.minimum), _s(m.maximum), _ratio(m.median, floor)]
        cells += extra or []
        cells.append(f"{m.peak_mib:.0f}")
    else:
        cells += [m.error.replace("|", "\\|"), "", "", ""] + [""] * len(extra or []) + [""]
    return "| " + " | ".join(cells) + " |"


def _targets(results: list[SizeResult]) -> list[str]:
    out = [
        "## Targets",
        "",
        (
            "The targets of issue #19 (generation at the speed of writing the files), each met "
            "or missed in this run; a ratio is against the floor, or LinkML's three generators "
            "against our `generate` from scratch, measured in the same run."
        ),
        "",
        "| size | target | measured | limit | result |",
        "|---|---|---:|---:|---|",
    ]
    for target in evaluate(results):
        fmt = _s if target.unit == "s" else (lambda v: f"{v:.0f}")
        measured = f"{fmt(target.measured)} {target.unit}" if target.measured is not None else "–"
        limit = f"{fmt(target.limit)} {target.unit}" if target.limit is not None else "–"
        verdict = target.verdict.replace("|", "\\|")
        out.append(f"| {target.size} | {target.text} | {measured} | {limit} | {verdict} |")
    return out


def _s(seconds: float) -> str:
    return f"{seconds:.3f}" if seconds < 10 else f"{seconds:.1f}"


def _ratio(seconds: float, floor: Measurement) -> str:
    return f"{seconds / floor.median:.2f}" if floor.ok and floor.median > 0 else "–"


def _version(name: str) -> str:
    try:
        return importlib.metadata.version(name)
    except importlib.metadata.PackageNotFoundError:
        return "not installed"


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown CPU"


def _memory_gib() -> float:
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                return int(line.split()[1]) / 1024 / 1024
    except OSError:
        pass
    return 0.0


def commit(repo: Path) -> str:
    """The checkout's commit (read-only git commands), marked when the tree has changes."""
    try:
        head = subprocess.run(
            ["git", "-C", str(repo), "rev-parse", "--short", "HEAD"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        dirty = subprocess.run(
            ["git", "-C", str(repo), "status", "--porcelain"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "(not a git checkout)"
    return f"`{head}`" + (" with uncommitted changes" if dirty else "")
