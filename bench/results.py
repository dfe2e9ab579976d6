"""The figures of one benchmark run, and the issue's targets judged against them."""

from __future__ import annotations

from dataclasses import dataclass, field

from bench.measure import Measurement

REAL_SIZE = 148
GIB = 1024.0  # MiB


@dataclass
class SizeResult:
    """Everything measured at one catalog size."""

    requested: int
    codes: int
    origin: str
    floor: Measurement
    steps: list[Measurement] = field(default_factory=list)
    linkml: list[Measurement] = field(default_factory=list)
    linkml_note: str = ""  # why there are no LinkML figures
    notes: list[str] = field(default_factory=list)  # said under the size's table

    def step(self, key: str) -> Measurement | None:
        return next((m for m in self.steps if m.key == key), None)

    def linkml_total(self) -> float | None:
        if not self.linkml or not all(m.ok for m in self.linkml):
            return None
        return sum(m.median for m in self.linkml)


@dataclass(frozen=True)
class Target:
    """One target of the issue: a measured figure against its limit."""

    size: str
    text: str
    measured: float | None = None
    limit: float | None = None
    unit: str = "s"
    note: str = ""

    @property
    def verdict(self) -> str:
        if self.measured is None or self.limit is None:
            return f"not measured: {self.note}" if self.note else "not measured"
        if self.measured <= self.limit:
            return "met"
        return f"missed by {(self.measured / self.limit - 1) * 100:.0f}%"


def evaluate(results: list[SizeResult]) -> list[Target]:
    by_size = {r.requested: r for r in results}
    return [
        *_real(by_size.get(REAL_SIZE)),
        *_ten_thousand(by_size.get(10_000)),
        *_hundred_thousand(by_size.get(100_000)),
        *_linkml(by_size.get(1_000)),
    ]


def _real(r: SizeResult | None) -> list[Target]:
    size = f"real catalog ({r.codes} codes, {r.origin})" if r else "real catalog"
    wanted = (
        ("generate", "generate from scratch ≤ 2× floor", 2.0),
        ("generate-noop", "generate, nothing changed ≤ 1.2× floor", 1.2),
        ("check", "check, up to date ≤ 1.2× floor", 1.2),
    )
    targets = []
    for key, text, factor in wanted:
        floor = r.floor.median if r and r.floor.ok else None
        targets.append(_against(size, text, r, key, None if floor is None else factor * floor))
    return targets


def _ten_thousand(r: SizeResult | None) -> list[Target]:
    size = "10,000 codes"
    return [
        _against(size, "generate from scratch with ruff ≤ 3 s", r, "generate-ruff", 3.0),
        _against(size, "generate from scratch with black ≤ 20 s", r, "generate", 20.0),
        _against(size, "check, up to date ≤ 0.5 s", r, _either(r, "check"), 0.5),
        _against(size, "check, one message changed, ruff ≤ 3 s", r, "check-changed-ruff", 3.0),
        _against(size, "import the Markdown page into an empty catalog ≤ 1.5 s", r, "import", 1.5),
    ]


def _hundred_thousand(r: SizeResult | None) -> list[Target]:
    size = "100,000 codes"
    return [
        _against(size, "generate from scratch with ruff ≤ 30 s", r, "generate-ruff", 30.0),
        _against(size, "check, up to date ≤ 2 s", r, _either(r, "check"), 2.0),
        _peak(size, r),
        _against(size, "import the Markdown page into an empty catalog ≤ 12 s", r, "import", 12.0),
        _import_peak(size, r),
    ]


def _either(r: SizeResult | None, key: str) -> str:
    """``key`` when it was timed with the repository's configuration, else its ruff row."""
    return key if r is None or r.step(key) is not None else f"{key}-ruff"


def _against(size: str, text: str, r: SizeResult | None, key: str, limit: float | None) -> Target:
    if r is None:
        return Target(size, text, note="size not run")
    m = r.step(key)
    if m is None or not m.ok:
        return Target(size, text, note=m.error if m else f"{key} not run")
    if limit is None:
        return Target(size, text, note=f"floor {r.floor.error or 'not measured'}")
    return Target(size, text, m.median, limit)


def _peak(size: str, r: SizeResult | None) -> Target:
    text = "peak memory of any codegen command ≤ 1.5 GiB"
    if r is None:
        return Target(size, text, unit="MiB", note="size not run")
    ok = [m for m in r.steps if m.ok]
    if not ok:
        return Target(size, text, unit="MiB", note="no codegen command succeeded")
    worst = max(ok, key=lambda m: m.peak_mib)
    return Target(size, f"{text} (worst: {worst.label})", worst.peak_mib, 1.5 * GIB, "MiB")


def _import_peak(size: str, r: SizeResult | None) -> Target:
    text = "peak memory of import ≤ 600 MiB"
    if r is None:
        return Target(size, text, unit="MiB", note="size not run")
    m = r.step("import")
    if m is None or not m.ok:
        return Target(size, text, unit="MiB", note=m.error if m else "import not run")
    return Target(size, text, m.peak_mib, 600.0, "MiB")


def _linkml(r: SizeResult | None) -> list[Target]:
    size = "1,000 codes"
    text = "generate ≥ 10× faster than LinkML's gen-python + gen-json-schema + gen-doc"
    if r is None:
        return [Target(size, text, note="size not run")]
    total = r.linkml_total()
    if total is None:
        return [Target(size, text, note=r.linkml_note or "a LinkML generator failed")]
    return [
        _against(size, f"{text} (LinkML: {total:.2f} s), {how}", r, key, total / 10)
        for key, how in (("generate", "black"), ("generate-ruff", "ruff"))
    ]
