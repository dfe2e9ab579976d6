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
    """Issue #19's targets, in its order, each judged against this run's figures."""
    by_size = {r.requested: r for r in results}
    return [
        *_real(by_size.get(REAL_SIZE)),
        *_thousand(by_size.get(1_000)),
        *_ten_thousand(by_size.get(10_000)),
        *_hundred_thousand(by_size.get(100_000)),
    ]


def _real(r: SizeResult | None) -> list[Target]:
    size = f"real catalog ({r.codes} codes, {r.origin})" if r else "real catalog"
    wanted = (
        ("generate", "generate from scratch ≤ 1.5× floor", 1.5),
        ("check-changed", "check, one message changed ≤ 1.5× floor", 1.5),
        ("check", "check, up to date ≤ 0.5× floor", 0.5),
        ("generate-noop", "generate, nothing changed ≤ 0.5× floor", 0.5),
    )
    return [_floored(size, text, r, key, factor) for key, text, factor in wanted]


def _thousand(r: SizeResult | None) -> list[Target]:
    size = "1,000 codes"
    return [
        _floored(size, "generate from scratch ≤ 2.5× floor", r, "generate", 2.5),
        _linkml(size, r, 10),
    ]


def _ten_thousand(r: SizeResult | None) -> list[Target]:
    size = "10,000 codes"
    return [
        _against(size, "generate from scratch ≤ 1.5 s", r, "generate", 1.5),
        _peak(size, "generate from scratch: peak memory ≤ 250 MiB", r, "generate", 250.0),
        _linkml(size, r, 20),
        _against(size, "import the Markdown page into an empty catalog ≤ 1.5 s", r, "import", 1.5),
        _against(size, "re-import the page into the catalog it made ≤ 1.5 s", r, "reimport", 1.5),
    ]


def _hundred_thousand(r: SizeResult | None) -> list[Target]:
    size = "100,000 codes"
    return [
        _against(size, "generate from scratch ≤ 12 s", r, "generate", 12.0),
        _peak(size, "generate from scratch: peak memory ≤ 1 GiB", r, "generate", GIB),
        _against(size, "import the Markdown page into an empty catalog ≤ 12 s", r, "import", 12.0),
        _peak(size, "import: peak memory ≤ 600 MiB", r, "import", 600.0),
    ]


def _floored(size: str, text: str, r: SizeResult | None, key: str, factor: float) -> Target:
    """``key``'s median against ``factor`` times the floor of the same run."""
    floor = r.floor.median if r and r.floor.ok else None
    return _against(size, text, r, key, None if floor is None else factor * floor)


def _against(size: str, text: str, r: SizeResult | None, key: str, limit: float | None) -> Target:
    if r is None:
        return Target(size, text, note="size not run")
    m = r.step(key)
    if m is None or not m.ok:
        return Target(size, text, note=m.error if m else f"{key} not run")
    if limit is None:
        return Target(size, text, note=f"floor {r.floor.error or 'not measured'}")
    return Target(size, text, m.median, limit)


def _peak(size: str, text: str, r: SizeResult | None, key: str, limit: float) -> Target:
    """The peak memory of ``key`` (MiB) against ``limit``."""
    if r is None:
        return Target(size, text, unit="MiB", note="size not run")
    m = r.step(key)
    if m is None or not m.ok:
        return Target(size, text, unit="MiB", note=m.error if m else f"{key} not run")
    return Target(size, text, m.peak_mib, limit, "MiB")


def _linkml(size: str, r: SizeResult | None, factor: int) -> Target:
    """LinkML's three generators at least ``factor`` times slower than our ``generate``
    from scratch, in the same run: our median against their total divided by ``factor``."""
    text = f"LinkML's gen-python + gen-json-schema + gen-doc ≥ {factor}× slower than generate"
    if r is None:
        return Target(size, text, note="size not run")
    total = r.linkml_total()
    if total is None:
        return Target(size, text, note=r.linkml_note or "a LinkML generator failed")
    return _against(size, f"{text} (LinkML: {total:.2f} s)", r, "generate", total / factor)
