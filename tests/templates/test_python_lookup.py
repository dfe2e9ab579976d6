"""Looking codes up in the generated Python module: members are always true (also a code 0),
and the module-level ``lookup`` finds a code in every code set that has it."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

import pytest

from codegen.errors import SpecError
from codegen.render.engine import render_all
from codegen.render.targets import DEFAULT_TARGETS
from tests.support.catalogs import catalog, code, code_set

PYTHON = "python/sample_codes.py"


def _module(source: object) -> str:
    return render_all(source, DEFAULT_TARGETS[:1])[PYTHON]  # type: ignore[arg-type]


def shared_codes() -> object:
    """Two integer sets sharing the codes 0 and 7 (a page with two tables), and a string
    set whose codes look like theirs and an empty code."""
    return catalog(
        code_set(
            "Common", [code(0, "OK", "成功"), code(7, "BUSY", "混雑"), code(-1, "NG", "失敗")]
        ),
        code_set("Payment", [code(0, "PAID", "支払済"), code(7, "HELD", "保留")]),
        code_set("Delivery", [code("0", "SENT", "送信"), code("", "BLANK", "空")]),
    )


@pytest.fixture
def shared(load_module: Callable[[str], ModuleType]) -> ModuleType:
    return load_module(_module(shared_codes()))


def test_every_member_is_true_also_the_code_0_and_the_empty_code(shared: ModuleType) -> None:
    assert bool(shared.Common.OK) is True and shared.Common.OK == 0
    assert bool(shared.Delivery.BLANK) is True and shared.Delivery.BLANK == ""
    assert (shared.Common.lookup(0) or shared.Payment.lookup(0)) is shared.Common.OK
    assert (shared.Common.lookup(-5) or shared.Payment.lookup(0)) is shared.Payment.PAID
    assert not shared.Common.lookup(-5)


def test_the_module_lookup_returns_every_set_s_member_with_the_code_in_catalog_order(
    shared: ModuleType,
) -> None:
    assert shared.lookup(0) == (shared.Common.OK, shared.Payment.PAID)
    assert shared.lookup(7) == (shared.Common.BUSY, shared.Payment.HELD)
    assert shared.lookup(-1) == (shared.Common.NG,)
    assert shared.lookup("0") == (shared.Delivery.SENT,)
    assert shared.lookup("") == (shared.Delivery.BLANK,)
    assert shared.lookup(shared.Payment.HELD) == (shared.Common.BUSY, shared.Payment.HELD)


@pytest.mark.parametrize("value", [5, "7", True, False, 0.0, None, b"0", [], object()])
def test_the_module_lookup_returns_none_for_unknown_codes_and_other_types(
    shared: ModuleType, value: object
) -> None:
    assert shared.lookup(value) is None


USE_THE_LOOKUPS = """
from typing import Optional, Tuple
from sample_codes import AnyCode, Common, Delivery, lookup

found: Optional[Tuple[AnyCode, ...]] = lookup(0)
first: AnyCode = found[0] if found else Delivery.BLANK
member: Optional[Common] = Common.lookup(0) or Common.lookup(-1)
assert member is Common.OK and first is Common.OK
messages = [m.message for m in lookup(7) or ()]
print(first.name, member.name, messages, lookup("nope"))
"""


def test_mypy_strict_accepts_a_program_using_the_lookups_and_it_runs(tmp_path: Path) -> None:
    (tmp_path / "sample_codes.py").write_text(_module(shared_codes()), encoding="utf-8")
    (tmp_path / "use.py").write_text(USE_THE_LOOKUPS, encoding="utf-8")
    mypy = [sys.executable, "-m", "mypy", "--strict", "--no-incremental", "use.py"]
    checked = subprocess.run(mypy, cwd=tmp_path, capture_output=True, text=True, check=False)
    assert checked.returncode == 0, checked.stdout
    ran = subprocess.run(
        [sys.executable, "use.py"], cwd=tmp_path, capture_output=True, text=True, check=True
    )
    assert ran.stdout == "OK OK ['混雑', '保留'] None\n"


@pytest.mark.parametrize("name", ["AnyCode", "Union", "Iterable"])
def test_a_code_set_may_not_take_a_name_the_module_declares_or_imports(name: str) -> None:
    with pytest.raises(SpecError, match=f"a class may not be named {name}: the module "):
        _module(catalog(code_set(name, [code(0, "OK", "x")])))
