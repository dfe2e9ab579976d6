"""What a catalog with many problems costs to check grows with the catalog, never faster
(issue #18, the second trial: one flow line of 30,000 nested lists, each a problem, took
53 s, and 99,000 of them would have taken ten minutes; a code with 1.5 million unknown keys
took 104 s and 800 MB), and a mapping with more unknown keys than are printed is one problem.
"""

from __future__ import annotations

import cProfile
import pstats
from pathlib import Path
from typing import Any

import pytest

from codegen.catalog.parse import parse
from codegen.catalog.rules.schema import schema_problems
from codegen.limits import MAX_REPORTED_PROBLEMS
from tests.support.hostile import run_measured

HEAD = """format: 1
source_language: de
languages: [de]
title: {de: T}
curated: {module: repo}
code_sets:
  - title: {de: A}
    code_type: integer
    columns: {code: {de: Code}, message: {de: Meldung}}
    curated: {name: AllgemeineFehler}
    codes:
      - code: 1
        message: {de: x}
"""


def nested_aliases(count: int, depth: int = 28) -> str:
    """The trial's catalog: ``count`` lists nested ``depth`` deep as the code's aliases,
    on one line, each a problem."""
    items = ",".join(["[" * depth + "a" + "]" * depth] * count)
    return HEAD + f"        curated: {{name: A, aliases: [{items}]}}\n"


def unknown_keys(count: int, where: str = "code") -> str:
    """The trial's catalog: a code (or the catalog's ``curated``) with ``count`` unknown keys."""
    if where == "code":
        keys = "".join(f"        k{index}: 1\n" for index in range(count))
        return HEAD + "        curated: {name: A}\n" + keys
    keys = "".join(f"  k{index}: 1\n" for index in range(count))
    return HEAD.replace("curated: {module: repo}", "curated:\n  module: repo\n" + keys) + (
        "        curated: {name: A}\n"
    )


def _calls(function: Any, *args: Any) -> int:
    profile = cProfile.Profile()
    profile.runcall(function, *args)
    return int(pstats.Stats(profile).total_calls)  # type: ignore[attr-defined]


def test_schema_problems_cost_grows_with_their_number_not_faster() -> None:
    small, large = (parse(nested_aliases(count), "x") for count in (400, 800))
    assert len(schema_problems(large)) == 800
    assert _calls(schema_problems, large) < 2.2 * _calls(schema_problems, small)


def test_jsonschema_does_not_visit_each_unknown_key_of_a_code() -> None:
    """The rules report unknown keys; jsonschema used to check each one's value too (14
    calls a key: 75 s for 1.5 million)."""
    data = parse(unknown_keys(4000), "x")
    data["format"] = 2  # so that jsonschema runs at all
    assert [p.message for p in schema_problems(data)] == [
        "format must be 1, the only format this codegen reads, not 2"
    ]
    assert _calls(schema_problems, data) < 4000


@pytest.mark.parametrize("where", ["code", "curated"])
def test_a_mapping_with_more_unknown_keys_than_are_printed_is_one_problem(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], where: str
) -> None:
    from codegen.cli import main

    catalog = tmp_path / "codes.yaml"
    catalog.write_text(unknown_keys(MAX_REPORTED_PROBLEMS + 1, where), encoding="utf-8")
    assert main(["validate", "--catalog", str(catalog)]) == 2
    lines = capsys.readouterr().err.splitlines()
    owner = "code 1" if where == "code" else "curated"
    first = 15 if where == "code" else 7
    assert lines == [
        f"{catalog}:{first}:{9 if where == 'code' else 3}: {owner} has 1,001 unknown keys"
        f" ('k0', 'k1', 'k2', ...): "
        + (
            "declare them under attributes or remove them"
            if where == "code"
            else "remove them (expected one of module, response, placeholders)"
        )
    ]


@pytest.mark.slow
def test_a_line_of_99000_nested_lists_each_a_problem_is_reported_in_seconds(
    tmp_path: Path,
) -> None:
    """The trial's attack at its largest (5.7 MB, 2.87 million nodes): ten minutes before."""
    (tmp_path / "codes.yaml").write_text(nested_aliases(99_000), encoding="utf-8")
    ran = run_measured(
        ["validate", "--catalog", "codes.yaml"], tmp_path, timeout=120, address_space_mib=2048
    )
    assert ran.status == 2 and "Traceback" not in ran.err, ran.err[-2000:]
    assert ran.err.count("\n") == 1001 and "and 98,000 more problems" in ran.err
    assert ran.seconds < 60 and ran.peak_mib < 1536, (ran.seconds, ran.peak_mib)


@pytest.mark.slow
def test_a_code_with_a_million_and_a_half_unknown_keys_is_reported_in_seconds(
    tmp_path: Path,
) -> None:
    """The trial's attack (28.7 MB): 104 s and 800 MB before."""
    (tmp_path / "codes.yaml").write_text(unknown_keys(1_490_000), encoding="utf-8")
    ran = run_measured(
        ["validate", "--catalog", "codes.yaml"], tmp_path, timeout=120, address_space_mib=2048
    )
    assert ran.status == 2 and "Traceback" not in ran.err, ran.err[-2000:]
    assert ran.err.count("\n") == 1 and "code 1 has 1,490,000 unknown keys" in ran.err
    assert ran.seconds < 60 and ran.peak_mib < 1536, (ran.seconds, ran.peak_mib)


@pytest.mark.slow
def test_a_mapping_with_a_million_and_a_half_duplicate_keys_is_refused_in_seconds(
    tmp_path: Path,
) -> None:
    """The trial's attack (19 MB): the fast loader handed it to the reference one, which
    composed all 3 million nodes before it found the duplicate: 75 s and 1.7 GB before."""
    keys = "".join("        k: 1\n" for _ in range(1_490_000))
    (tmp_path / "codes.yaml").write_text(HEAD + "        curated: {name: A}\n" + keys, "utf-8")
    ran = run_measured(
        ["validate", "--catalog", "codes.yaml"], tmp_path, timeout=120, address_space_mib=2048
    )
    assert ran.status == 2 and "Traceback" not in ran.err, ran.err[-2000:]
    assert (
        ran.err == "codes.yaml:16:9: duplicate key 'k' (first defined at line 15): keep only one\n"
    )
    assert ran.seconds < 60 and ran.peak_mib < 1536, (ran.seconds, ran.peak_mib)
