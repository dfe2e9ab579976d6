"""The catalog as a ruamel.yaml round-trip tree: read it safely, edit it, write it atomically.

Used by commands that edit spec/codes.yaml (``import``): the round-trip loader keeps every
comment and quoting style. Only plain YAML is accepted (maps, lists, text, numbers,
true/false, null): an explicit tag such as ``!!python/object`` is an error, never
constructed. Writing is deterministic (no folding of long messages, UTF-8 text, ``null`` for
empty cells) and goes through a temporary file in the same folder and ``os.replace``.
"""

from __future__ import annotations

import functools
import io
from collections import OrderedDict
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq, merge_attrib
from ruamel.yaml.constructor import RoundTripConstructor
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.nodes import MappingNode, Node, SequenceNode
from ruamel.yaml.representer import RoundTripRepresenter
from yaml.resolver import Resolver

from codegen.errors import InputError, SpecError
from codegen.writing import write_atomic

SCHEMA_COMMENT = "yaml-language-server: $schema=../codegen/schemas/catalog.schema.json"
_PLAIN_TAGS = frozenset(
    f"tag:yaml.org,2002:{name}" for name in ("str", "int", "bool", "null", "float", "map", "seq")
)


class _Representer(RoundTripRepresenter):
    """Writes an empty cell as ``null``, as the catalog format says."""


_Representer.add_representer(
    type(None),
    lambda representer, _: representer.represent_scalar("tag:yaml.org,2002:null", "null"),
)

# PyYAML's implicit resolvers by first character: what a YAML 1.1 reader makes of a plain
# scalar (the same table Resolver.resolve looks in).
_YAML11_FIRST: dict[str, list[tuple[str, Any]]] = Resolver.yaml_implicit_resolvers
_STR = "tag:yaml.org,2002:str"


def yaml11_not_text(text: str) -> bool:
    """Whether a YAML 1.1 reader (PyYAML, many editors and CI tools) reads ``text`` written
    plain as something other than text: ``Yes``, ``No``, ``on``, ``0777``, ``1:20``, ``~``."""
    if not text:
        return True  # null
    for tag, pattern in _YAML11_FIRST.get(text[0], ()):  # what Resolver.resolve consults
        if pattern.match(text):
            return bool(tag != _STR)
    return False


def _represent_str(representer: RoundTripRepresenter, data: str) -> Node:
    """A text, quoted (``'on'``) where a YAML 1.1 reader would read it plain as something
    else (:func:`yaml11_not_text`)."""
    if type(data) is str and yaml11_not_text(data):
        node: Node = representer.represent_scalar(_STR, data, style="'")
    else:
        node = representer.represent_str(data)
    return node


_Representer.add_representer(str, _represent_str)


def _yaml() -> YAML:
    yaml = YAML(typ="rt")
    yaml.Representer = _Representer
    yaml.preserve_quotes = True
    yaml.width = 1_000_000  # never fold a message
    yaml.allow_unicode = True
    yaml.indent(mapping=2, sequence=4, offset=2)
    return yaml


def decode_utf8(data: bytes, path: str, fix: str) -> str:
    """``data`` as text; an error naming the line and column of the first bad byte."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        line_start = data.rfind(b"\n", 0, error.start) + 1
        line = data.count(b"\n", 0, error.start) + 1
        column = len(data[line_start : error.start].decode("utf-8", errors="replace")) + 1
        raise InputError(
            f"not valid UTF-8 (byte 0x{data[error.start]:02x}); {fix}", path, line, column
        ) from None


def load(data: bytes, path: str) -> CommentedMap | None:
    """The catalog's tree, ``None`` for an empty file; an error for tags or a wrong shape.

    One pass of ruamel's parser: the composed document's tags are checked before anything
    is constructed (composing it once to check and again to load took twice as long)."""
    text = decode_utf8(data, path, "save the catalog as UTF-8")
    yaml = _yaml()
    yaml.Constructor = _CheckingConstructor
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
    except MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (0, 0)
        raise SpecError(f"not valid YAML: {error.problem}; fix the catalog", path, line, column)
    except YAMLError as error:
        raise SpecError(f"not valid YAML: {error}; fix the catalog", path) from None
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
    """The catalog's text as ruamel writes it: by :mod:`codegen.roundtrip_emit` (the same
    bytes, about 30 times faster) unless the tree has what only ruamel writes (comments
    other than those above the first line, anchors, tags...)."""
    from codegen.roundtrip_emit import emit

    text = emit(root)
    return text if text is not None else dump_with_ruamel(root)


def dump_with_ruamel(root: CommentedMap) -> str:
    stream = io.StringIO()
    _yaml().dump(root, stream)
    return stream.getvalue()


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
    node = CommentedMap(items)
    node.fa.set_flow_style()
    return node


def flow_seq(items: list[str]) -> CommentedSeq:
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
