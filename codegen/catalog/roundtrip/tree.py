"""The catalog as a ruamel.yaml round-trip tree: read it safely, edit it, write it atomically.

Used by commands that edit spec/codes.yaml (``import``, ``names``): the round-trip loader
keeps every comment and quoting style; a catalog with nothing of that kind to keep is built
from libyaml's events instead (:mod:`.fast`), the same tree 20 times faster. Only plain YAML is accepted (maps, lists, text, numbers,
true/false, null): an explicit tag such as ``!!python/object`` is an error, never
constructed. Writing is deterministic (no folding of long messages, UTF-8 text, ``null`` for
empty cells) and goes through a temporary file in the same folder and ``os.replace``.
"""

from __future__ import annotations

import functools
import sys
from collections import OrderedDict
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq, Format, merge_attrib
from ruamel.yaml.composer import MaxDepthExceededError
from ruamel.yaml.constructor import RoundTripConstructor
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.nodes import MappingNode, Node, SequenceNode

from codegen.catalog.roundtrip.dialect import (
    dump_with_ruamel,
    round_trip_yaml,
)
from codegen.catalog.roundtrip.emit import emit
from codegen.catalog.roundtrip.fast import fast_tree
from codegen.catalog.rules.size import too_many_codes_in_text
from codegen.errors import InputError, SpecError
from codegen.files import decode_utf8, write_atomic
from codegen.limits import MAX_CATALOG_DEPTH

SCHEMA_COMMENT = "yaml-language-server: $schema=../codegen/schemas/catalog.schema.json"
_PLAIN_TAGS = frozenset(
    f"tag:yaml.org,2002:{name}" for name in ("str", "int", "bool", "null", "float", "map", "seq")
)


def load_fast(data: bytes, path: str) -> CommentedMap | None:
    """The catalog's tree when :func:`~codegen.catalog.roundtrip.fast.fast_tree` builds it
    and its shape is right, as :func:`load` would return it; ``None`` otherwise. Safe on
    any text (a catalog ``validate`` refuses included): only libyaml's parser reads it,
    after its codes are counted; ``import`` checks the tree's plain data
    (:func:`~codegen.catalog.roundtrip.fast.plain_data`) instead of parsing the text again,
    and reads the text with :func:`load` only when this gives ``None`` and the text is valid."""
    text = decode_utf8(data, path, "save the catalog as UTF-8")
    too_many_codes_in_text(text, path)  # before any tree is built of it
    fast = fast_tree(text)
    if fast is None:
        return None
    try:
        _check_shape(fast, path)
    except SpecError:
        return None
    return fast


def load(data: bytes, path: str) -> CommentedMap | None:
    """The catalog's tree, ``None`` for an empty file; a SpecError (one located line) for
    tags, nesting past :data:`~codegen.limits.MAX_CATALOG_DEPTH` or a wrong shape. The
    commands that edit the catalog check its text as ``validate`` does first
    (:func:`codegen.catalog.load.text_problems`); this only keeps the tree's own reading
    from ever failing with a traceback.

    A catalog the project's emitter writes back byte for byte (no comment or hand layout
    to keep, as ``import`` writes it) is built from libyaml's events
    (:func:`~codegen.catalog.roundtrip.fast.fast_tree`: 0.6 s at 10,000 codes); any other
    by one pass of ruamel's parser (12 s), whose composed document's tags are checked
    before anything is constructed. Errors are always ruamel's, with their line."""
    text = decode_utf8(data, path, "save the catalog as UTF-8")
    too_many_codes_in_text(text, path)  # before any tree is built of it
    fast = fast_tree(text)
    if fast is not None:
        try:
            _check_shape(fast, path)
            return fast
        except SpecError:
            pass  # ruamel's tree says where, as it always did
    yaml = round_trip_yaml()
    yaml.Constructor = _CheckingConstructor
    yaml.max_depth = MAX_CATALOG_DEPTH
    try:
        root: Any = yaml.load(text)
    except _TagRefused as refused:
        raise SpecError(
            f'tag "{refused.tag}" is not allowed; the catalog holds only plain YAML (mappings, '
            "lists, text, numbers, true/false, null): remove the tag",
            path,
            refused.node.start_mark.line + 1,
            refused.node.start_mark.column + 1,
        ) from None
    except MaxDepthExceededError as error:
        mark = error.problem_mark
        raise SpecError(
            f"the YAML nests deeper than {MAX_CATALOG_DEPTH} levels: a catalog nests 9",
            path,
            mark.line + 1,
            mark.column + 1,
        ) from None
    except MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (0, 0)
        raise SpecError(f"not valid YAML: {error.problem}; fix the catalog", path, line, column)
    except YAMLError as error:
        raise SpecError(f"not valid YAML: {error}; fix the catalog", path) from None
    except (RecursionError, ValueError) as error:  # too deep; an integer past Python's digits
        problem = str(error).split(";")[0]
        if isinstance(error, RecursionError):
            problem = "it nests too deeply"
        elif "integer string conversion" in problem:
            problem = f"an integer has more than {sys.get_int_max_str_digits():,} digits"
        raise SpecError(f"not a catalog: {problem}; run codegen validate", path) from None
    if root is None:
        return None
    _check_shape(root, path)
    return root  # type: ignore[no-any-return]


class _TagRefused(Exception):
    def __init__(self, tag: str, node: Node) -> None:
        super().__init__(tag)
        self.tag, self.node = tag, node


class _CheckingConstructor(RoundTripConstructor):
    """ruamel's round-trip constructor, refusing a document with a tag outside plain YAML
    before it constructs anything."""

    def construct_document(self, node: Any) -> Any:
        _check_tags(node)
        return super().construct_document(node)


def _check_tags(root: Node) -> None:
    seen: set[int] = set()
    stack = [root]
    while stack:
        node = stack.pop()
        if id(node) in seen:  # an alias: already checked
            continue
        seen.add(id(node))
        tag = str(getattr(node.tag, "value", node.tag))
        if tag not in _PLAIN_TAGS:
            raise _TagRefused(tag, node)
        if isinstance(node, MappingNode):
            stack.extend(item for pair in node.value for item in pair)
        elif isinstance(node, SequenceNode):
            stack.extend(node.value)


def _check_shape(root: Any, path: str) -> None:
    """The parts of the catalog an edit relies on: a clear error instead of a traceback."""
    if not isinstance(root, CommentedMap):
        raise SpecError("the catalog must be a mapping (see docs/catalog-format.md)", path, 1, 1)
    _need(root, "source_language", str, path)
    if not all(isinstance(lang, str) for lang in _need(root, "languages", CommentedSeq, path)):
        raise SpecError("languages must be a list of language codes", path, *_at(root, "languages"))
    for code_set in _need(root, "code_sets", CommentedSeq, path):
        if not isinstance(code_set, CommentedMap):
            raise SpecError("each code set must be a mapping", path, *_at(root, "code_sets"))
        for code in _need(code_set, "codes", CommentedSeq, path):
            if not isinstance(code, CommentedMap) or "code" not in code:
                raise SpecError("each code needs a code", path, *_at(code_set, "codes"))
        attributes = code_set.get("attributes") or []
        if not all(isinstance(a, CommentedMap) and "key" in a for a in attributes):
            raise SpecError("each attribute needs a key", path, *_at(code_set, "attributes"))


def _need(node: CommentedMap, key: str, kind: type, path: str) -> Any:
    value = node.get(key)
    if not isinstance(value, kind):
        what = "a list" if kind is CommentedSeq else "text"
        raise SpecError(f"{key} must be {what} (see docs/catalog-format.md)", path, *_at(node, key))
    return value


def _at(node: CommentedMap, key: str) -> tuple[int, int]:
    try:
        line, column = node.lc.key(key)
    except (KeyError, TypeError):
        return node.lc.line + 1, node.lc.col + 1
    return int(line) + 1, int(column) + 1


def dump(root: CommentedMap) -> str:
    """The catalog's text as ruamel writes it: by :mod:`codegen.catalog.roundtrip.emit` (the
    same bytes, about 30 times faster) unless the tree has what only ruamel writes (comments
    other than those above the first line, anchors, tags...)."""
    text = emit(root)
    return text if text is not None else dump_with_ruamel(root)


def write_atomically(path: Path, data: bytes) -> None:
    """Replace the catalog at ``path`` with ``data`` atomically; InputError on failure."""
    try:
        write_atomic(path, data)
    except OSError as error:
        raise InputError(f"cannot write the catalog: {error.strerror}", str(path)) from None


def new_catalog(lang: str, module: str, schema_comment: bool) -> CommentedMap:
    """An empty catalog whose source language is ``lang`` and module ``module``."""
    root = CommentedMap()
    root["format"] = 1
    root["source_language"] = lang
    root["languages"] = flow_seq([lang])
    root["curated"] = CommentedMap(module=module)
    root["code_sets"] = CommentedSeq()
    if schema_comment:
        root.yaml_set_start_comment(SCHEMA_COMMENT)
    return root


def flow_map(items: dict[str, Any]) -> CommentedMap:
    """A mapping written on one line, ``{ja: ..., en: ...}``, as the catalog's texts are."""
    node = new_map(items.items())
    style = Format()
    style._flow_style = True  # as node.fa.set_flow_style(), without the property's lookups
    setattr(node, Format.attrib, style)
    return node


def new_map(pairs: Iterable[tuple[Any, Any]]) -> CommentedMap:
    """A new block mapping of ``pairs`` (key, value), in their order; a later pair with the
    key of an earlier one replaces its value. As ``CommentedMap(pairs)``, without ruamel's
    per-key checks for an existing key (two of the merge's calls a code)."""
    node = CommentedMap()
    set_item, own = OrderedDict.__setitem__, node._ok.add
    for key, value in pairs:
        set_item(node, key, value)
        own(key)
    return node


def flow_seq(items: list[str]) -> CommentedSeq:
    """A list written on one line, ``[ja, en]``, as the catalog's languages are."""
    node = CommentedSeq(items)
    node.fa.set_flow_style()
    return node


def put(owner: CommentedMap, key: str, value: Any, order: Sequence[str]) -> None:
    """Set ``owner[key]``; a new key goes where ``order`` puts it among the keys present.

    Called for every attribute of every new code: the keys that go after ``key`` are
    computed once per ``order``, and a key that goes last is set, not inserted (ruamel's
    ``insert`` lists and moves the keys; it is still used for a mapping with merge keys)."""
    if dict.__contains__(owner, key) or key not in order:
        owner[key] = value
        return
    later = _later(tuple(order), key)
    position = len(owner)
    for index, present in enumerate(OrderedDict.__iter__(owner)):
        if present in later:
            position = index
            break
    if position == len(owner) and not getattr(owner, merge_attrib, None):
        owner[key] = value
    else:
        owner.insert(position, key, value)


@functools.lru_cache(maxsize=1024)
def _later(order: tuple[str, ...], key: str) -> frozenset[str]:
    return frozenset(order[order.index(key) + 1 :])
