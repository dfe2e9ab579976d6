"""The two catalog loaders mean the same: libyaml's fast one builds exactly what ruamel's
reference one builds (YAML 1.2, lines included), and hands everything else to it."""

from __future__ import annotations

import datetime
import math
import os
import random
import subprocess
import sys
from typing import Any

import pytest

from codegen.catalog import parse
from codegen.errors import InputError
from tests.support.paths import REPO, TESTS

fast = pytest.importorskip("codegen.catalog.libyaml", exc_type=ImportError)

FIXTURES = TESTS / "fixtures" / "catalogs"
INF = float("inf")


def reference(text: str) -> Any:
    """What ruamel's pure safe loader, the reference, makes of ``text``."""
    return parse._parse_pure(text, "x")


def fast_or_unsure(text: str) -> Any:
    try:
        return fast.load(text)
    except fast.Unsure:
        return fast.Unsure


def same(one: Any, other: Any) -> bool:
    """Equal, of the same types, with the same lines, -0.0 and nan included."""
    if type(one) is not type(other):
        return False
    if isinstance(one, dict):
        return (
            getattr(one, "line", None) == getattr(other, "line", None)
            and len(one) == len(other)
            and all(same(k, j) and same(one[k], other[j]) for k, j in zip(one, other))
        )
    if isinstance(one, list):
        return len(one) == len(other) and all(map(same, one, other))
    if isinstance(one, float):
        return repr(one) == repr(other)
    return bool(one == other)


SCALARS = [
    # YAML 1.1 booleans are text in YAML 1.2
    ("yes", "yes"),
    ("no", "no"),
    ("on", "on"),
    ("off", "off"),
    ("y", "y"),
    ("Yes", "Yes"),
    ("true", True),
    ("True", True),
    ("TRUE", True),
    ("false", False),
    ("tRUE", "tRUE"),
    # numbers
    ("0777", 777),
    ("0o17", 15),
    ("0O17", "0O17"),
    ("0x1F", 31),
    ("-0x1F", -31),
    ("0X1F", "0X1F"),
    ("0b101", 5),
    ("1_000", 1000),
    ("1:20", "1:20"),
    ("09", 9),
    ("+1", 1),
    ("-0", 0),
    ("12345678901234567890", 12345678901234567890),
    ("1e3", 1000.0),
    ("1E3", 1000.0),
    ("3.14", 3.14),
    ("1.", 1.0),
    (".5", 0.5),
    ("-0.0", -0.0),
    ("+.5e+3", 500.0),
    (".inf", INF),
    ("-.inf", -INF),
    ("+.Inf", INF),
    ("-.nan", "-.nan"),
    # null
    ("~", None),
    ("null", None),
    ("Null", None),
    ("NULL", None),
    ("nULL", "nULL"),
    ("", None),
    # quoted and tagged are text
    ("''", ""),
    ('"null"', "null"),
    ("'true'", "true"),
    ('"0777"', "0777"),
    ("|\n  0x1F\n", "0x1F\n"),
    # text
    ("_", "_"),
    ("0x", "0x"),
    ("a b", "a b"),
    ("エラー", "エラー"),
]


@pytest.mark.parametrize(("written", "meant"), SCALARS, ids=[w or "empty" for w, _ in SCALARS])
def test_a_plain_scalar_means_what_yaml_1_2_says_to_both_loaders(written: str, meant: Any) -> None:
    text = f"value: {written}\n"
    assert same(reference(text)["value"], meant)
    assert same(fast.load(text)["value"], meant)


def test_nan_is_a_float_to_both_loaders() -> None:
    for loaded in (reference("v: .NaN\n"), fast.load("v: .NaN\n")):
        assert math.isnan(loaded["v"])


def test_keys_are_resolved_like_values() -> None:
    text = "1: a\nyes: b\n~: c\n0x10: d\n'2': e\n"
    expected = [(1, "a"), ("yes", "b"), (None, "c"), (16, "d"), ("2", "e")]
    for loaded in (reference(text), fast.load(text)):
        assert all(map(same, loaded.items(), expected)) and len(loaded) == len(expected)


def test_a_date_is_left_to_the_reference_loader_which_reads_a_date() -> None:
    text = "released: 2024-01-31\n"
    with pytest.raises(fast.Unsure):
        fast.load(text)
    for c_loader in (True, False):
        assert parse_with(c_loader, text) == {"released": datetime.date(2024, 1, 31)}


def parse_with(c_loader: bool, text: str) -> Any:
    saved = parse.C_LOADER
    parse.C_LOADER = c_loader
    try:
        return parse.parse(text, "spec/codes.yaml")
    finally:
        parse.C_LOADER = saved


LEFT_TO_THE_REFERENCE = {
    "anchor_and_alias": "a: &x 1\nb: *x\n",
    "anchor_never_used": "a: &x 1\n",
    "undefined_alias": "a: *x\n",
    "tag_on_a_scalar": "a: !!python/name:os.system\n",
    "non_specific_tag": "a: ! 1\n",
    "int_tag": "a: !!int '12'\n",
    "str_tag": "a: !!str 0777\n",
    "str_tag_in_a_flow_list": "a: [!!str, b]\n",
    "tag_on_a_mapping": "a: !!map {b: 1}\n",
    "tag_on_a_list": "a: !!seq [1]\n",
    "merge_key": "a: {b: 1}\n<<: {c: 2}\n",
    "duplicate_key_then_an_anchor": "a: 1\na: 2\nb: &x 1\n",
    "duplicate_key_then_a_tag": "a: 1\na: 2\nb: !!str x\n",
    "duplicate_key_then_a_date": "a: 1\na: 2\nb: 2024-01-31\n",
    "duplicate_key_then_too_deep": "a: 1\na: 2\nb: " + "[" * 40 + "]" * 40 + "\n",
    "duplicate_key_then_malformed": "a: 1\na: 2\nb: [1\n",
    "duplicate_key_then_a_list_as_key": "a: 1\na: 2\n? [b]\n: 1\n",
    "duplicate_key_then_a_tab": "a: 1\na: 2\nb: 'x\ty'\n",
    "duplicate_key_in_a_list": "- a: 1\n  a: 2\n",
    "list_as_key": "? [a]\n: 1\n",
    "mapping_as_key": "? {a: 1}\n: 1\n",
    "deep": "a: " + "[" * 40 + "]" * 40 + "\n",
    "two_documents": "a: 1\n---\na: 2\n",
    "yaml_1_1_directive": "%YAML 1.1\n---\na: yes\n",
    "tab_after_a_value": "a: 1\t\n",
    "tab_in_quotes": "a: 'x\ty'\n",
    "next_line_character": "a: x\x85y\n",
    "line_separator": "a: x\u2028y\n",
    "byte_order_mark_inside": "a: x\ufeffy\n",
    "comment_touching_a_block_header": "a: |#\n  x\n",
    "block_scalar_with_a_spaces_only_first_line": "a: |\n \n  x\n",
    "not_an_integer": "a: 0x_\n",
    "not_a_number": "a: ._\n",
    "too_long_an_integer": "a: " + "1" * 5000 + "\n",
    "control_character": "a: x\x07\n",
    "malformed": "a: [1, 2\nb: 3\n",
    "empty": "",
    "a_list": "- 1\n",
    "a_scalar": "1\n",
}


@pytest.mark.parametrize("case", list(LEFT_TO_THE_REFERENCE))
def test_the_fast_loader_leaves_what_it_cannot_vouch_for_to_the_reference(case: str) -> None:
    """So a refusal reads the same, message and position, whatever is installed."""
    text = LEFT_TO_THE_REFERENCE[case]
    with pytest.raises(fast.Unsure) as unsure:
        fast.load(text)
    assert type(unsure.value) is fast.Unsure  # not a refusal of its own
    assert outcome(True, text) == outcome(False, text)


DUPLICATES = {
    "at_the_root": "a: 1\nb: 2\na: 3\n",
    "one_and_true": "1: a\ntrue: b\n",
    "one_and_one_point_zero": "1: a\nb: c\n1.0: d\n",
    "nan": ".nan: a\n.NaN: b\n",
    "quoted_and_plain": "'a': 1\n\"b\": 2\na: 3\n",
    "nested_block_mapping": "a:\n  b: 1\n  c: 2\n  b: 3\nd: 4\n",
    "flow_mapping_in_a_list": "a:\n- {x: 1}\n- {x: 1, y: 2, x: 3}\n",
    "whose_values_are_mappings": "a: {b: 1}\nc: [d]\na: {b: 2, e: [1, {f: g}]}\n",
    "after_many_mappings": "m1: {a: 1}\nm2: [{b: 1}, {b: 2}]\nm3:\n  c: 1\n  d: [{e: 1}]\n  c: 2\n",
    "in_the_last_mapping": "a: {b: {c: 1}}\nd:\n  - e: {f: 1}\n    g: 2\n    e: 3\n",
    "crlf": "a: 1\r\nb:\r\n  c: 1\r\n  c: 2\r\n",
    "two": "a: 1\na: 2\nb: 1\nb: 2\n",
    "one_key_many_times": "a: 1\n" * 50,
    "nested_before_a_shallower_one": "m: {b: 1, b: 2}\na: 1\na: 2\n",
    "in_a_list_before_a_shallower_one": "a: [[{x: 1, x: 2}]]\nb: [{y: 1, y: 2}]\n",
    "in_two_mappings_of_one_depth": "a: [{x: 1, x: 2}, {y: 1, y: 2}]\nb: [{z: 1, z: 2}]\n",
    "with_comments_and_block_text": "# c\na: |\n  x\n  y\nb: 1  # c\na: >\n  z\n",
}


@pytest.mark.parametrize("case", list(DUPLICATES))
def test_both_loaders_refuse_a_duplicate_key_alike_the_fast_one_alone(
    monkeypatch: pytest.MonkeyPatch, case: str
) -> None:
    """A duplicate key that is the text's only problem: the fast loader refuses it with the
    reference loader's message and position, without the reference reading the text."""
    text = DUPLICATES[case]
    with pytest.raises(InputError) as by_reference:
        reference(text)
    assert "duplicate key" in str(by_reference.value)
    monkeypatch.setattr(parse, "C_LOADER", True)
    monkeypatch.setattr(parse, "_parse_pure", _must_not_be_called)
    with pytest.raises(InputError) as by_fast:
        parse.parse(text, "x")
    assert str(by_fast.value) == str(by_reference.value)


def test_a_duplicate_key_before_the_node_past_the_bound_is_refused_as_too_many_nodes(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The reference loader composes the whole text before it constructs: the node count
    comes first."""
    monkeypatch.setattr(fast, "MAX_CATALOG_NODES", 6)
    monkeypatch.setattr(parse, "MAX_CATALOG_NODES", 6)
    text = "a: 1\na: 2\nb: [1, 2, 3]\n"
    with pytest.raises(fast.TooManyNodes):  # the fast loader reads on past the duplicate
        fast.load(text)
    assert outcome(True, text) == outcome(False, text)
    assert "YAML nodes" in outcome(True, text) and outcome(True, text).startswith(
        "spec/codes.yaml:3:"
    )


def outcome(c_loader: bool, text: str) -> str:
    try:
        return repr(parse_with(c_loader, text))
    except InputError as error:
        return str(error)


def test_a_valid_catalog_is_read_by_the_fast_loader_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(parse, "C_LOADER", True)
    monkeypatch.setattr(parse, "_parse_pure", _must_not_be_called)
    assert parse.parse((FIXTURES / "minimal.yaml").read_text("utf-8"), "x")["format"] == 1


def _must_not_be_called(*args: object) -> None:
    raise AssertionError("must not be called")


@pytest.mark.parametrize("name", ["minimal.yaml", "full.yaml"])
def test_both_loaders_build_the_same_catalog_lines_included(name: str) -> None:
    text = (FIXTURES / name).read_text("utf-8")
    assert same(fast.load(text), reference(text))


def test_lines_agree_for_flow_mappings_crlf_comments_and_block_scalars() -> None:
    text = (
        "# head\r\n\r\nformat: 1\r\ntitle: {en: a,\r\n  ja: b}\r\nnote: |\r\n  x\r\n\r\n"
        "  y\r\nsets:\r\n- {a: 1}\r\n-   b: 2\r\n    c:\r\n      - d: >-\r\n          folded\r\n"
        "          text\r\n        e: [{f: 1}, {g: 2}]\r\n"
    )
    loaded = fast.load(text)
    assert same(loaded, reference(text))
    sets = loaded["sets"]
    assert (loaded.line, sets[0].line, sets[1].line, sets[1]["c"][0].line) == (3, 11, 12, 14)


def test_a_refused_number_is_one_line_with_its_position(monkeypatch: pytest.MonkeyPatch) -> None:
    for c_loader in (True, False):
        with pytest.raises(InputError) as error:
            parse_with(c_loader, "format: 1\nversion: 0x_\n")
        assert str(error.value) == (
            "spec/codes.yaml:2:10: '0x_' is not an integer: quote it if it is text"
        )


@pytest.mark.parametrize(
    ("number", "column"),
    [
        ("0x" + "f" * 4000, 7),
        ("-0o" + "7" * 5000, 7),
        ("0b" + "1" * 15000, 7),
        ("[1, 0x" + "f" * 4000 + "]", 11),
    ],
)
def test_an_integer_too_long_to_print_is_refused_by_both_loaders(number: str, column: int) -> None:
    """Hexadecimal, octal and binary integers are read in any length, but more than 4,300
    decimal digits (``sys.get_int_max_str_digits()``) cannot be printed: refused at once,
    where every message, diff or output would have failed on it."""
    text = f"format: 1\ncode: {number}\n"
    shown = number.removeprefix("[1, ")[:39] + "…"
    for c_loader in (True, False):
        assert outcome(c_loader, text) == (
            f"spec/codes.yaml:2:{column}: '{shown}' is an integer of more than 4,300 decimal "
            "digits, more than any code has: quote it if it is text"
        )
        longest = f"a: {'9' * 4300}\nb: 0x{'f' * 3500}\n"  # 4,300 and 4,215 digits: read
        assert parse_with(c_loader, longest) == {"a": int("9" * 4300), "b": int("f" * 3500, 16)}


def test_a_duplicate_nan_key_names_its_first_line() -> None:
    with pytest.raises(InputError) as error:
        reference("a: 1\n.nan: 2\n.NaN: 3\n")
    assert str(error.value) == "x:3:1: duplicate key 'nan' (first defined at line 2): keep only one"


def test_without_libyaml_the_reference_loader_reads_the_catalog(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(parse, "C_LOADER", True)
    monkeypatch.setitem(sys.modules, "codegen.catalog.libyaml", None)  # importing it fails
    text = (FIXTURES / "minimal.yaml").read_text("utf-8")
    assert same(parse.parse(text, "x"), reference(text))


@pytest.mark.parametrize(("value", "c_loader"), [("", True), ("1", False)])
def test_codegen_pure_yaml_turns_the_c_loader_off(value: str, c_loader: bool) -> None:
    environment = {**os.environ, "CODEGEN_PURE_YAML": value}
    command = "from codegen.catalog import parse; print(parse.C_LOADER)"
    result = subprocess.run(
        [sys.executable, "-c", command],
        capture_output=True,
        text=True,
        env=environment,
        cwd=REPO,
        check=True,
    )
    assert result.stdout.strip() == str(c_loader)


# Differential tests: YAML, valid or not, put together at random from pieces (seeded: the
# same texts on every run). Whatever the fast loader builds, the reference builds identically.
PIECES = [
    *"ab yn:-?#,[]{}!&*|>'\"%@`~<=_.0123456789exob+\\\t\r\n",
    *["\x85", "\u2028", "\ufeff", "\xa0", "エ", "\n  ", "\n- ", ": ", "- ", "---", "...", "\r\n"],
    *["true", "null", "0x1F", "1_0", "0o7", ".inf", '"\\/"', "'a''b'", '"\\u00e9"', '"\\N"'],
    *["|\n ", ">-\n  ", "|2\n", "\n \n", "{a: 1}", "[1, 2]", "? ", "#c\n", "%YAML 1.2\n---\n"],
]
PREFIXES = ["", "k: ", "k:\n  ", "a:\n- ", "k: |\n ", "k: >-\n  x\n", "k:\n  - a: "]


def random_text(rng: random.Random) -> str:
    return rng.choice(PREFIXES) + "".join(rng.choices(PIECES, k=rng.randint(1, 16)))


KEYS = ["a", "b", "'a'", "1", "yes", "~", '"k k"', "? q"]
SCALAR_TEXTS = [written for written, _ in SCALARS] + ['"a\n  b"', "'x\n\n  y'"]


def random_block_document(rng: random.Random, indent: int = 0, depth: int = 0) -> str:
    """A block mapping, often valid, with nested mappings, lists, flow and block scalars."""
    lines = []
    pad = " " * indent
    for _ in range(rng.randint(1, 3)):
        key = rng.choice(KEYS)
        kind = rng.choice(["scalar", "flow", "map", "list", "block"])
        if depth > 2 or kind == "scalar":
            lines.append(f"{pad}{key}: {rng.choice(SCALAR_TEXTS)}")
        elif kind == "flow":
            lines.append(f"{pad}{key}: {{x: [{rng.choice(SCALAR_TEXTS)}, {{y: 1}}], z: ''}}")
        elif kind == "map":
            inner = random_block_document(rng, indent + rng.choice([1, 2, 4]), depth + 1)
            lines.append(f"{pad}{key}:\n{inner}")
        elif kind == "list":
            inner = random_block_document(rng, indent + 2, depth + 1).lstrip(" ")
            lines.append(f"{pad}{key}:\n{pad}- {inner}\n{pad}- {rng.choice(SCALAR_TEXTS)}")
        else:
            header = rng.choice(["|", ">", "|-", ">+", "|2"])
            body = rng.choices(["x", "  y", "", "z ", "   "], k=rng.randint(0, 4))
            lines.append(f"{pad}{key}: {header}\n" + "\n".join(f"{pad}  {b}" for b in body))
        lines.append(rng.choice(["", "", f"{pad}# note"]))
    return "\n".join(line for line in lines if line)


def test_what_the_fast_loader_builds_from_random_pieces_the_reference_builds() -> None:
    rng = random.Random(2024)
    built = 0
    for _ in range(3000):
        text = random_text(rng)
        loaded = fast_or_unsure(text)
        if loaded is not fast.Unsure:
            built += 1
            assert same(loaded, reference(text)), text
    assert built > 300  # the comparison ran often enough to mean something


def test_both_loaders_build_the_same_random_block_documents() -> None:
    rng = random.Random(2025)
    built = 0
    for _ in range(600):
        text = random_block_document(rng).replace("\n", rng.choice(["\n", "\r\n"])) + "\n"
        loaded = fast_or_unsure(text)
        if loaded is not fast.Unsure:
            built += 1
            assert same(loaded, reference(text)), text
    assert built > 150


def test_both_loaders_refuse_the_duplicate_keys_of_random_block_documents_alike() -> None:
    rng = random.Random(2026)
    refused = 0
    for _ in range(600):
        text = random_block_document(rng).replace("\n", rng.choice(["\n", "\r\n"])) + "\n"
        try:
            fast.load(text)
        except fast.DuplicateKey:
            refused += 1
            assert outcome(True, text) == outcome(False, text), text
        except fast.Unsure:
            pass
    assert refused > 30  # the comparison ran often enough to mean something
