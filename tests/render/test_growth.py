"""Rendering each built-in output costs what the catalog's size does, never more: the
Python function calls of rendering it (a deterministic profile, cProfile's count) at
2,000 and at 8,000 codes of the benchmark's synthetic catalog grow at most 4.5 times for
4 times the codes. A catalog-wide fact asked per code (``has_lifecycle`` before it was
cached: 9.5 times), a per-code walk of a code set or a check of each key against every
other makes the count grow with the square of the catalog, and this fails. Counted,
never timed: the count is the same on a loaded machine."""

from __future__ import annotations

import cProfile
import pstats
from typing import Any

import pytest

from bench import synth
from codegen.catalog.load import build_catalog
from codegen.catalog.model import Catalog
from codegen.render.engine import render_all
from codegen.render.targets import DEFAULT_TARGETS, Target

TARGETS = (*DEFAULT_TARGETS, Target("typescript_module.ts.j2", "typescript/{module}.ts"))
SMALL, LARGE = 2_000, 8_000
MAX_GROWTH = 4.5  # for 4 times the codes: linear, plus room for per-set and fixed costs


def with_lifecycle(data: dict[str, Any]) -> dict[str, Any]:
    """``data`` (a synthetic catalog) with lifecycle records in its last code set only:
    every 7th code deprecated for the code before it, every 11th removed, every 13th with
    a former name. So the outputs' lifecycle records are rendered, and a walk of the
    catalog looking for one (``has_lifecycle``) goes through every code before it finds
    one."""
    codes = data["code_sets"][-1]["codes"]
    for index, raw in enumerate(codes):
        curated = raw["curated"]
        if index % 11 == 10:
            curated["removed"] = {"since": "2026-12", "reason": "gone"}
        elif index % 7 == 6 and "removed" not in codes[index - 1]["curated"]:
            curated["deprecated"] = {"since": "2026-12", "use": codes[index - 1]["curated"]["name"]}
        if index % 13 == 12:
            curated["aliases"] = [f"{curated['name']}_OLD"]
    return data


def with_parameters(data: dict[str, Any]) -> dict[str, Any]:
    """``data`` with every 5th code of its last code set taking two parameters, ``{0}`` and
    ``%(count)d`` appended to each of its messages: so the typed formatting is rendered,
    and ``has_parameters`` walks every code before it finds one."""
    for index, raw in enumerate(data["code_sets"][-1]["codes"]):
        if index % 5 == 4:
            raw["message"] = {
                lang: f"{text} {{0}} %(count)d" for lang, text in raw["message"].items()
            }
            raw["curated"]["parameters"] = [
                {"name": "arg0", "type": "string", "placeholder": 0},
                {"name": "count", "type": "integer", "placeholder": "count"},
            ]
    return data


def synthetic(size: int) -> Catalog:
    data = with_parameters(with_lifecycle(synth.build_catalog(size)))
    return build_catalog(data, "spec/codes.yaml")


def calls(catalog: Catalog, target: Target) -> int:
    """The function calls (Python and built-in) of rendering ``target``'s outputs."""
    profile = cProfile.Profile()
    profile.enable()
    render_all(catalog, (target,))
    profile.disable()
    return pstats.Stats(profile).total_calls  # type: ignore[attr-defined, no-any-return]


@pytest.fixture(scope="module")
def catalogs() -> tuple[Catalog, Catalog]:
    return synthetic(SMALL), synthetic(LARGE)


@pytest.mark.parametrize("target", TARGETS, ids=lambda target: target.template)
def test_rendering_a_built_in_output_grows_linearly_with_the_catalog(
    target: Target, catalogs: tuple[Catalog, Catalog], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CODEGEN_JOBS", "1")  # every call in this process, counted
    small, large = catalogs
    render_all(small, (target,))  # Jinja's compiled template and the filters' caches
    growth = calls(large, target) / calls(small, target)
    message = f"{target.template}: {growth:.2f} times the calls for 4 times the codes"
    assert growth <= MAX_GROWTH, message
