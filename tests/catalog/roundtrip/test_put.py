"""roundtrip.put puts a new key where it put it before it was made faster."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st
from ruamel.yaml.comments import CommentedMap

from codegen.catalog.roundtrip.dialect import dump_with_ruamel
from codegen.catalog.roundtrip.tree import flow_map, new_map, put

_NAMES = ["code", "service", "is_success", "message", "curated", "a", "b", "c"]


def _former_put(owner: CommentedMap, key: str, value: Any, order: Sequence[str]) -> None:
    if key in owner or key not in order:
        owner[key] = value
        return
    later = set(order[order.index(key) + 1 :])
    position = next((i for i, k in enumerate(owner) if k in later), len(owner))
    owner.insert(position, key, value)


@settings(max_examples=1000, deadline=None)
@given(
    st.lists(st.sampled_from(_NAMES), unique=True),
    st.lists(st.sampled_from(_NAMES), unique=True),
    st.lists(st.sampled_from(_NAMES), min_size=1),
)
def test_put_orders_keys_as_before(present: list[str], order: list[str], keys: list[str]) -> None:
    ours = CommentedMap((name, 0) for name in present)
    theirs = CommentedMap((name, 0) for name in present)
    for number, key in enumerate(keys, 1):
        put(ours, key, number, order)
        _former_put(theirs, key, number, tuple(order))
    assert list(ours.items()) == list(theirs.items())


def test_put_in_a_mapping_with_a_merge_key() -> None:
    from ruamel.yaml import YAML

    text = "base: &b {x: 1}\nm:\n  <<: *b\n  code: 1\n  curated: 2\n"
    ours, theirs = YAML().load(text)["m"], YAML().load(text)["m"]
    for owner, function in ((ours, put), (theirs, _former_put)):
        function(owner, "message", 3, ("code", "message", "curated"))
        function(owner, "zz", 4, ("code", "message", "curated", "zz"))
    assert list(ours.items()) == list(theirs.items())
    assert list(ours.non_merged_items()) == list(theirs.non_merged_items())


def test_new_map_and_flow_map_are_what_ruamel_builds_for_the_same_items() -> None:
    items = {"code": -1, "service": "共通", "is_success": False, "message": None}
    built = CommentedMap(items)
    ours = new_map(items.items())
    assert list(ours.items()) == list(built.items()) and ours._ok == built._ok
    assert dump_with_ruamel(CommentedMap(root=ours)) == dump_with_ruamel(CommentedMap(root=built))
    built.fa.set_flow_style()
    flow = flow_map(items)
    assert flow.fa.flow_style() is True and flow._ok == built._ok
    assert dump_with_ruamel(CommentedMap(root=flow)) == dump_with_ruamel(CommentedMap(root=built))
    assert list(new_map([("a", 1), ("b", 2), ("a", 3)]).items()) == [("a", 3), ("b", 2)]
