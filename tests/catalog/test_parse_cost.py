"""What a catalog costs to parse and to report is bounded by its nodes, not only its bytes
(issue #18, V2 of its trial: a 2 MB flow list of a million scalars took 79 s and 1.4 GB,
and a catalog with a problem waited minutes for ruamel's round-trip tree to say where).

Both loaders refuse the node past ``MAX_CATALOG_NODES`` with the same line; problems are
located from libyaml's events, at the very positions ruamel's round-trip tree gives; and
at most ``MAX_REPORTED_PROBLEMS`` are printed, then how many more there are.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml import YAML

from codegen.catalog import parse
from codegen.catalog.plain import NodePath, Problem
from codegen.catalog.roundtrip import fast as fast_tree
from codegen.cli import main
from codegen.errors import InputError
from tests.support.catalogs import SAMPLE
from tests.support.hostile import run_measured

libyaml = pytest.importorskip("codegen.catalog.libyaml", exc_type=ImportError)

HEAD = "format: 1\nsource_language: en\nlanguages: [en]\ncurated:\n  module: m\ncode_sets:\n"
SMALL = (
    HEAD + "  - title: {en: T}\n    codes:\n      - code: 1\n        message: {en: M, x: [a, b]}\n"
)


def _bound(monkeypatch: pytest.MonkeyPatch, nodes: int) -> None:
    for module in (libyaml, parse, fast_tree):
        monkeypatch.setattr(module, "MAX_CATALOG_NODES", nodes)


@pytest.mark.parametrize("nodes", [10, 14, 17])
def test_both_loaders_refuse_the_node_past_the_bound_at_the_same_place(
    monkeypatch: pytest.MonkeyPatch, nodes: int
) -> None:
    _bound(monkeypatch, nodes)
    refusals = []
    for loader in (parse.parse, lambda text, shown: parse._parse_pure(text, shown)):
        with pytest.raises(InputError) as refused:
            loader(SMALL, "spec/codes.yaml")
        refusals.append(str(refused.value))
    assert refusals[0] == refusals[1]
    assert "YAML nodes" in refusals[0] and refusals[0].startswith("spec/codes.yaml:")


def test_a_catalog_of_exactly_the_bound_is_read(monkeypatch: pytest.MonkeyPatch) -> None:
    paths = _every_path(parse.parse(SMALL, "x"))
    nodes = len(paths) + sum(1 for path in paths if path and isinstance(path[-1], str))  # keys
    assert nodes == 32
    _bound(monkeypatch, nodes)
    assert parse.parse(SMALL, "x")["code_sets"][0]["codes"][0]["code"] == 1
    assert parse._parse_pure(SMALL, "x")["format"] == 1
    _bound(monkeypatch, nodes - 1)
    with pytest.raises(InputError, match="YAML nodes"):
        parse.parse(SMALL, "x")


def _every_path(node: Any, path: NodePath = ()) -> list[NodePath]:
    paths = [path]
    if isinstance(node, dict):
        for key, value in node.items():
            paths += _every_path(value, path + (key,))
    elif isinstance(node, list):
        for index, item in enumerate(node):
            paths += _every_path(item, path + (index,))
    return paths


ODD = (
    "# a comment\nformat: 1\nsource_language: en\n'languages':\n- en\n- \"ja\"\n"
    "title: {en: \"T 😀\", ja: 'タ'}\ncurated:\n  module: m  # here\n  note: |\n    a\n    b\n"
    "code_sets:\n-   title:\n      en: >\n        folded\n    codes:\n    - {code: 0x1F, message: {en: x}}\n"
    "    -\n      code: 7\n      0: zero\n      true: yes\n      null: ~\n      1.5: [a, [b, {c: d}]]\n"
)


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(SAMPLE.read_text(encoding="utf-8"), id="sample"),
        pytest.param(ODD, id="odd-layout"),
        pytest.param(ODD.replace("\n", "\r\n"), id="crlf"),
    ],
)
def test_located_from_libyaml_events_exactly_where_ruamels_tree_says(text: str) -> None:
    """Every node's value and key position, and paths that lead nowhere (the nearest
    node's), from libyaml's events and from ruamel's round-trip tree."""
    data = parse.parse(text, "x")
    paths = _every_path(data)
    paths += [p + ("missing",) for p in paths[::3]] + [p + (99, "x") for p in paths[::5]]
    found = libyaml.marks(text, set(paths))
    assert found is not None
    tree = YAML(typ="rt").load(text)
    for path in paths:
        for at_key in (False, True):
            expected = parse.position(tree, path, at_key)
            assert parse._position_in(found, path, at_key) == expected, (path, at_key)


def test_a_text_libyaml_cannot_vouch_for_is_located_by_ruamel() -> None:
    text = "format: 1\ncode_sets:\n\t- x\n"  # a tab: libyaml and ruamel read it differently
    assert libyaml.marks(text, {("code_sets",)}) is None
    problem = Problem(("code_sets",), "wrong")
    assert [str(e) for e in parse.locate("a: 1\nb:\n  - x\n", [problem], "f")] == ["f:1:1: wrong"]


def test_a_million_problems_are_reported_as_a_thousand_and_a_count(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    catalog = tmp_path / "codes.yaml"
    aliases = "curated: {name: SUCCESS, aliases: [" + ", ".join(["1"] * 3000) + "]}"
    catalog.write_text(
        SAMPLE.read_text(encoding="utf-8").replace("curated: {name: SUCCESS}", aliases, 1),
        encoding="utf-8",
    )
    assert "aliases: [1, 1" in catalog.read_text(encoding="utf-8")
    assert main(["validate", "--catalog", str(catalog)]) == 2
    lines = capsys.readouterr().err.splitlines()
    assert len(lines) == 1001
    more = re.fullmatch(
        f"{re.escape(str(catalog))}: and ([0-9,]+) more problems like these: fix these, then run validate again",
        lines[-1],
    )
    assert more and int(more.group(1).replace(",", "")) >= 1999  # each duplicate, each "ja" text
    assert all(re.match(f"{re.escape(str(catalog))}:[0-9]+:[0-9]+: ", line) for line in lines[:-1])


def _flow_list_catalog(root: Path, items: int) -> Path:
    """The sample catalog with a code whose ``curated.aliases`` is a flow list of ``items``
    scalars, each a problem (an integer, not a name)."""
    (root / "spec").mkdir(parents=True)
    catalog = root / "spec" / "codes.yaml"
    text = SAMPLE.read_text(encoding="utf-8")
    catalog.write_text(
        text.replace(
            "curated: {name: SUCCESS}",
            "curated: {name: SUCCESS, aliases: [" + ",".join(["1"] * items) + "]}",
            1,
        ),
        encoding="utf-8",
    )
    return catalog


@pytest.mark.slow
@pytest.mark.parametrize("command", ["validate", "generate"])
def test_a_flow_list_past_the_node_bound_is_refused_in_seconds(
    tmp_path: Path, command: str
) -> None:
    """The trial's attack, past the bound: 3.1 million scalars in 9 MB."""
    _flow_list_catalog(tmp_path, 3_100_000)
    ran = run_measured([command, "--catalog", "spec/codes.yaml"], tmp_path, timeout=60)
    assert ran.status == 2 and "Traceback" not in ran.err, ran.err[-2000:]
    assert "3,000,000 YAML nodes" in ran.err and ran.err.count("\n") == 1
    assert ran.peak_mib < 600 and ran.seconds < 20, (ran.peak_mib, ran.seconds)


@pytest.mark.slow
def test_a_million_scalar_flow_list_is_refused_alone_in_bounded_memory(tmp_path: Path) -> None:
    """The trial's attack itself: a million scalars (2 MB), each a problem: 79 s and
    1.4 GB before, a MemoryError traceback under a 1.2 GB cap. Every list of a catalog is
    bounded now (here: the aliases), so it is one line."""
    _flow_list_catalog(tmp_path, 1_000_000)
    ran = run_measured(
        ["validate", "--catalog", "spec/codes.yaml"], tmp_path, timeout=90, address_space_mib=1200
    )
    assert ran.status == 2 and "Traceback" not in ran.err, ran.err[-2000:]
    assert ran.err.count("\n") == 1 and "1,000,000 aliases" in ran.err
    assert ran.peak_mib < 400, ran.peak_mib


@pytest.mark.slow
def test_the_most_problems_a_catalog_within_the_counts_has_stay_bounded(tmp_path: Path) -> None:
    """99,999 codes, each without its message and name: 200,000 problems, a thousand
    printed, then their count."""
    (tmp_path / "spec").mkdir()
    codes = "".join(f"      - {{code: {i}}}\n" for i in range(99_999))
    (tmp_path / "spec" / "codes.yaml").write_text(
        HEAD.replace(
            "code_sets:\n", "code_sets:\n  - title: {en: T}\n    code_type: integer\n    codes:\n"
        )
        + codes,
        encoding="utf-8",
    )
    ran = run_measured(
        ["validate", "--catalog", "spec/codes.yaml"], tmp_path, timeout=90, address_space_mib=1200
    )
    assert ran.status == 2 and "Traceback" not in ran.err, ran.err[-2000:]
    assert ran.err.count("\n") == 1001 and "more problems like these" in ran.err
    assert ran.peak_mib < 800, ran.peak_mib
