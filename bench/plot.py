"""bench/plot.png: median time against catalog size, log-log, one line per command."""

from __future__ import annotations

from pathlib import Path

from bench.measure import Measurement
from bench.results import SizeResult


def plot(results: list[SizeResult], path: Path) -> str:
    """Draw the plot into ``path``; '' on success, else why there is no plot."""
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
        from matplotlib import ticker
    except ImportError:
        return "No plot: matplotlib is not installed (`pip install -e '.[bench]'`)."
    lines = _lines(results)
    if not lines:
        return "No plot: no command succeeded."
    figure, axes = plt.subplots(figsize=(11, 6), dpi=100)
    for label, points in lines.items():
        xs, ys = zip(*points)
        style = ":" if label.startswith("floor") else "--" if label.startswith("LinkML") else "-"
        axes.plot(xs, ys, style, marker="o", label=label)
    axes.set_xscale("log")
    axes.set_yscale("log")
    sizes = sorted({codes for points in lines.values() for codes, _ in points})
    axes.set_xticks(sizes, [f"{codes:,}" for codes in sizes])
    axes.xaxis.set_minor_locator(ticker.NullLocator())
    axes.yaxis.set_major_locator(ticker.LogLocator(subs=(1.0, 2.0, 5.0)))
    axes.yaxis.set_major_formatter(ticker.FuncFormatter(lambda y, _: f"{y:g}"))
    axes.yaxis.set_minor_formatter(ticker.NullFormatter())
    axes.set_xlabel("codes in the catalog")
    axes.set_ylabel("median seconds per cold run")
    axes.set_title("codegen: time against catalog size")
    axes.grid(True, which="both", alpha=0.3)
    axes.legend(fontsize="small", loc="upper left", bbox_to_anchor=(1.01, 1.0))
    figure.tight_layout()
    path.parent.mkdir(parents=True, exist_ok=True)
    figure.savefig(path, metadata={"Software": None})
    plt.close(figure)
    return ""


def _lines(results: list[SizeResult]) -> dict[str, list[tuple[int, float]]]:
    lines: dict[str, list[tuple[int, float]]] = {}

    def add(label: str, m: Measurement, codes: int) -> None:
        if m.ok:
            lines.setdefault(label, []).append((codes, m.median))

    for result in sorted(results, key=lambda r: r.codes):
        add("floor (import jinja2, ruamel.yaml)", result.floor, result.codes)
        for m in result.steps:
            add(m.label, m, result.codes)
        for m in result.linkml:
            add(f"LinkML {m.label}", m, result.codes)
    return lines
