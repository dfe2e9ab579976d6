"""The fast round-trip tree (libyaml's events, checked by the emitter) is ruamel's tree, or
nothing: the same nodes, types, styles and positions wherever it is taken."""

from __future__ import annotations

import math
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from ruamel.yaml.comments import CommentedMap, CommentedSeq

from bench import synth
from bench.documents import to_markdown
from codegen.catalog.parse import parse
from codegen.catalog.roundtrip import tree as roundtrip
from codegen.catalog.roundtrip.dialect import dump_with_ruamel, round_trip_yaml
from codegen.catalog.roundtrip.emit import emit
from codegen.catalog.roundtrip.fast import fast_tree, plain_data
from codegen.errors import SpecError
from codegen.importer.columns.headers import header_dictionary
from codegen.importer.document import parse_document
from codegen.importer.merge.sets import merge_document
from codegen.project.starter import CATALOG
from tests.catalog.roundtrip.test_emit import trees
from tests.support.paths import REPO

pytestmark = pytest.mark.filterwarnings("ignore::hypothesis.errors.HypothesisWarning")


def _ruamel(text: str) -> Any:
    yaml = round_trip_yaml()
    return yaml.load(text)


def _assert_alike(fast: Any, slow: Any, where: str = "root") -> None:
    """Same types, values, key order, flow or block style and positions, all the way down."""
    assert type(fast) is type(slow), where
    if isinstance(slow, (CommentedMap, CommentedSeq)):
        assert fast.fa._flow_style == slow.fa._flow_style, where
        assert (fast.lc.line, fast.lc.col) == (slow.lc.line, slow.lc.col), where
        assert (fast.lc.data or {}) == (slow.lc.data or {}), where
        if isinstance(slow, CommentedMap):
            assert list(fast) == list(slow), where
            for (key, value), (other_key, other) in zip(fast.items(), slow.items()):
                assert type(key) is type(other_key), f"{where}.{key}"
                _assert_alike(value, other, f"{where}.{key}")
        else:
            assert len(fast) == len(slow), where
            for index, (value, other) in enumerate(zip(fast, slow)):
                _assert_alike(value, other, f"{where}[{index}]")
    elif isinstance(slow, float) and math.isnan(slow):
        assert math.isnan(fast), where
    else:
        assert fast == slow, where


def _assert_same_data(data: Any, parsed: Any, where: str = "root") -> None:
    """The same plain data as :func:`parse` returns: types, values, key order, lines."""
    assert type(data) is type(parsed), where
    if isinstance(parsed, dict):
        assert data.line == parsed.line, where
        assert list(data) == list(parsed), where
        for key in parsed:
            assert type(next(k for k in data if k == key)) is type(key), f"{where}.{key}"
            _assert_same_data(data[key], parsed[key], f"{where}.{key}")
    elif isinstance(parsed, list):
        assert len(data) == len(parsed), where
        for index, (value, other) in enumerate(zip(data, parsed)):
            _assert_same_data(value, other, f"{where}[{index}]")
    else:
        assert data == parsed, where


def _imported(size: int, lang: str) -> str:
    """The catalog ``import`` writes for a synthetic page of ``size`` codes."""
    catalog = synth.build_catalog(size)
    document = parse_document(
        to_markdown(catalog, lang), "codes.md", "markdown", header_dictionary([])
    )
    root = roundtrip.new_catalog(lang, "codes", schema_comment=True)
    merge_document(root, document, lang, "codes.yaml")
    return roundtrip.dump(root)


@pytest.mark.parametrize(("size", "lang"), [(148, "ja"), (148, "en"), (600, "ja")])
def test_a_catalog_import_wrote_is_read_fast_as_ruamel_reads_it(size: int, lang: str) -> None:
    text = _imported(size, lang)
    fast = fast_tree(text)
    assert fast is not None
    _assert_alike(fast, _ruamel(text))
    assert roundtrip.dump(fast) == text
    _assert_same_data(plain_data(fast), parse(text, "codes.yaml"))


def test_the_sms_catalog_is_read_fast_as_ruamel_reads_it() -> None:
    text = (REPO / "spec" / "codes.yaml").read_text(encoding="utf-8")
    fast = fast_tree(text)
    assert fast is not None
    _assert_alike(fast, _ruamel(text))
    _assert_same_data(plain_data(fast), parse(text, "codes.yaml"))


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_the_catalog_init_writes_is_read_fast_and_so_is_it_after_an_import(lang: str) -> None:
    """``init``'s catalog had an end-of-line comment and bare ``#`` lines, which sent every
    import into it to ruamel's loader and emitter: 43 s and 1.3 GiB for 100,000 codes, four
    times an import into a new catalog (issue #18's import trial)."""
    text = CATALOG.format(lang=lang, module="codes")
    fast = fast_tree(text)
    assert fast is not None
    _assert_alike(fast, _ruamel(text))
    assert [t.value for t in fast.ca.comment[1]] == [t.value for t in _ruamel(text).ca.comment[1]]
    catalog = synth.build_catalog(148)
    document = parse_document(
        to_markdown(catalog, lang), "codes.md", "markdown", header_dictionary([])
    )
    merge_document(fast, document, lang, "codes.yaml")
    written = roundtrip.dump(fast)
    assert written.startswith(text.split("format: 1")[0])
    assert fast_tree(written) is not None


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(trees)
def test_random_trees_are_read_fast_as_ruamel_reads_them_or_left_to_it(
    root: CommentedMap,
) -> None:
    text = dump_with_ruamel(root)
    fast = fast_tree(text)
    if fast is not None:
        _assert_alike(fast, _ruamel(text))
        assert emit(fast) == text
        _assert_same_data(plain_data(fast), parse(text, "codes.yaml"))


@pytest.mark.parametrize(
    "text",
    [
        "a: 1  # a comment\n",
        "a: 1\n# a comment below\nb: 2\n",
        "a: 1\n\nb: 2\n",  # a blank line
        "a:   1\n",  # hand spacing
        "a: {b: 1,  c: 2}\n",
        "a: &x 1\nb: *x\n",
        "a: !!str 1\n",
        "a: >\n  folded\n",
        "---\na: 1\n",
        "a: 1\n...\n",
        "a: 1\na: 2\n",  # a duplicate key: ruamel's error says where
        "a: 0x1F\n",  # ruamel keeps the spelling of a number
        "a: 007\n",
        "- a\n",  # not a mapping
        "a: 'it''s'\n",
        "a: yes\n",
        "#no space\na: 1\n",
    ],
)
def test_what_the_emitter_does_not_write_back_is_left_to_ruamel(text: str) -> None:
    fast = fast_tree(text)
    if fast is not None:  # only where the emitter writes it back exactly
        assert emit(fast) == text
        _assert_alike(fast, _ruamel(text))
    if "#" in text or "&" in text or "!!" in text or ">" in text or "..." in text:
        assert fast is None


def test_a_catalog_with_comments_keeps_them_through_load_and_dump() -> None:
    text = _imported(148, "ja").replace("code_sets:\n", "code_sets:  # kept\n", 1)
    root = roundtrip.load(text.encode("utf-8"), "codes.yaml")
    assert root is not None
    assert roundtrip.dump(root) == text


def test_a_wrong_shape_read_fast_is_reported_where_ruamel_reports_it() -> None:
    text = "format: 1\nsource_language: ja\nlanguages: [ja]\ncode_sets: 3\n"
    assert fast_tree(text) is not None
    with pytest.raises(SpecError) as raised:
        roundtrip.load(text.encode("utf-8"), "codes.yaml")
    assert (
        str(raised.value) == "codes.yaml:4:1: code_sets must be a list (see docs/catalog-format.md)"
    )
