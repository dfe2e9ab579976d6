"""Rendering costs the same for every code set: no work per set or per code walks the whole
catalog, no check compares every key of an object with every other, and black, whose
memory grows fastest, never formats the built-in Python module (already in its layout).
Counted in calls and comparisons, never timed; tests/system/test_many_code_sets.py holds
5,000 sets to the memory bound."""

from __future__ import annotations

import cProfile
import pstats
from collections.abc import Iterator

import pytest

from codegen.catalog.model import Catalog
from codegen.render import formatters
from codegen.render.engine import render_all
from codegen.render.targets import DEFAULT_TARGETS, Target
from tests.support.catalogs import catalog, code, code_set

TARGETS = (*DEFAULT_TARGETS, Target("typescript_module.ts.j2", "typescript/{module}.ts"))


def one_code_sets(count: int) -> Catalog:
    """``count`` code sets of one code each."""
    return catalog(
        *(
            code_set(
                f"Set{i}", [code(i, f"CODE_{i}", {"ja": f"メッセージ{i}", "en": f"Message {i}"})]
            )
            for i in range(count)
        )
    )


def _calls(count: int) -> int:
    """The Python and built-in function calls rendering every built-in output makes."""
    profile = cProfile.Profile()
    sets = one_code_sets(count)
    profile.enable()
    render_all(sets, TARGETS)
    profile.disable()
    return pstats.Stats(profile).total_calls  # type: ignore[attr-defined, no-any-return]


def test_every_further_code_set_costs_the_same_calls(monkeypatch: pytest.MonkeyPatch) -> None:
    """The calls for sets 100-200 and 200-300: equal, when no set's work grows with the
    number of sets (a walk of the catalog per set or per code made the second 9% larger)."""
    monkeypatch.setenv("CODEGEN_JOBS", "1")  # every call in this process, counted
    _calls(1)  # Jinja's lexer and the caches of filters, made once per process
    first, second, third = (_calls(count) for count in (100, 200, 300))
    assert third - second <= 1.02 * (second - first), (first, second, third)


def _no_black(text: str, options: object) -> str:
    raise AssertionError("black formatted the built-in Python module")


def test_black_formats_the_built_in_module_only_at_another_line_length(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The template lays the module out as black would at its line length 100."""
    monkeypatch.setattr(formatters, "_black", _no_black)
    module = render_all(one_code_sets(3), DEFAULT_TARGETS)["python/sample_codes.py"]
    assert "class Set2(IntEnum):" in module
    python, *_ = DEFAULT_TARGETS
    narrow = Target(python.template, python.output, python.formatter, {"line_length": 88})
    with pytest.raises(AssertionError, match="black formatted"):
        render_all(one_code_sets(3), [narrow])


class Key(str):
    """A JSON key that counts how often it is compared with another."""

    compared = 0

    def __eq__(self, other: object) -> bool:
        Key.compared += 1
        return str.__eq__(self, other)

    def __hash__(self) -> int:
        return str.__hash__(self)


def _keys(count: int) -> Iterator[tuple[str, int]]:
    return ((Key(f"Set{i}"), i) for i in range(count))


def test_an_object_s_keys_are_checked_without_comparing_each_with_every_other() -> None:
    Key.compared = 0
    assert len(formatters.unique_keys(list(_keys(2000)))) == 2000
    assert Key.compared < 100  # 2,000 × 2,000 when each key was counted in the list
