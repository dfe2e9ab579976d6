"""The round-trip tree of a catalog that has nothing only ruamel.yaml's loader keeps, fast.

ruamel's round-trip loader is pure Python and keeps every comment: about 1 ms per code
(12 s for a re-import of 10,000 codes). Most catalogs were written by ``import`` itself and
have no comment or hand layout to keep. For those, :func:`fast_tree` builds the same tree
from libyaml's events (PyYAML's C parser, as :mod:`codegen.catalog.libyaml` reads them):
the same mappings and lists with their flow or block style and their line and column
(``lc``), texts with their quoting (``"``, ``'``, ``|`` as ruamel's ``preserve_quotes``
keeps them), plain scalars as YAML 1.2 reads them. It then checks the tree: the project's
emitter (:mod:`.emit`) must write it back as the very text it was read from, byte for
byte. Where it does, nothing of the text is lost in the tree (no comment, blank line, odd
indentation or spelling of a number), so the merge and the write that follow make what
they make on ruamel's tree. Anything else (a comment, an anchor, a tag, ...) gives
``None``, and :func:`codegen.catalog.roundtrip.tree.load` reads the text with ruamel.

Comment lines at the very top (the schema comment, ``# yaml-language-server: ...``) are
taken along as the tree's start comment, as ruamel keeps them.
"""

from __future__ import annotations

import re
from collections import OrderedDict
from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq, Format, LineCol
from ruamel.yaml.nodes import ScalarNode
from ruamel.yaml.scalarbool import ScalarBoolean
from ruamel.yaml.scalarstring import (
    DoubleQuotedScalarString,
    LiteralScalarString,
    SingleQuotedScalarString,
)
from ruamel.yaml.tag import Tag
from yaml import CSafeLoader, YAMLError
from yaml.events import (
    DocumentEndEvent,
    DocumentStartEvent,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
    StreamEndEvent,
)

from codegen.catalog.libyaml import NOT_ALWAYS_TEXT, NOT_LIKE_RUAMEL, Unsure, scalar_value
from codegen.catalog.plain import LinedDict
from codegen.catalog.roundtrip.dialect import round_trip_yaml
from codegen.catalog.roundtrip.emit import emit
from codegen.limits import MAX_CATALOG_DEPTH, MAX_CATALOG_NODES

_QUOTED = {'"': DoubleQuotedScalarString, "'": SingleQuotedScalarString, "|": LiteralScalarString}
_NO_KEY: Any = object()  # a mapping waiting for its next key
_START_COMMENT = re.compile(r"(?:#(?: [^\n]*)?\n)+")  # "# text" and "#" lines above the root
_LINE_COL = LineCol.attrib
_DECIMAL = re.compile(r"-?[1-9][0-9]*")  # what ruamel reads as a plain int
_TAGS = {bool: "tag:yaml.org,2002:bool", int: "tag:yaml.org,2002:int"}
_TAGS[float] = "tag:yaml.org,2002:float"


def fast_tree(text: str) -> CommentedMap | None:
    """The round-trip tree of ``text`` (a catalog, LF line endings) as ruamel's round-trip
    loader builds it, or ``None`` when the emitter does not write the tree back as ``text``
    exactly (comments, hand layout), or libyaml or :mod:`codegen.catalog.libyaml` cannot
    vouch for the text: the caller reads it with ruamel then. Never raises for bad input."""
    if NOT_LIKE_RUAMEL.search(text):
        return None
    try:
        root = _build(text, CSafeLoader(text).get_event)
    except (Unsure, YAMLError, ValueError, RecursionError):
        return None
    if type(root) is not CommentedMap or not root:
        return None
    start = _START_COMMENT.match(text)  # libyaml skips comments: the lines are the text's
    if start:
        lines = start.group().splitlines()
        root.yaml_set_start_comment("\n".join(line[2:] for line in lines))
        for token, line in zip(root.ca.comment[1], lines):  # "#" as ruamel keeps it, not ""
            token.value = line + "\n"
    return root if emit(root) == text else None


def plain_data(root: CommentedMap) -> LinedDict:
    """The plain data of a tree :func:`fast_tree` built, exactly as
    :func:`codegen.catalog.parse.parse` returns it for the same text: both are made from
    the same libyaml events, every scalar of the tree equals libyaml's value for it
    (:class:`_Numbers` makes sure of the numbers), texts are ``str`` again, numbers
    ``int``, ``float`` or ``bool``, mappings :class:`LinedDict` with their 1-based line.
    So ``import`` checks the catalog it read from the one parse that built its tree."""
    return _plain(root)  # type: ignore[no-any-return]


def _plain(node: Any) -> Any:
    kind = type(node)
    if kind is str or kind is int or kind is bool or node is None:
        return node
    if kind is CommentedMap:
        mapping = LinedDict((_plain(key), _plain(value)) for key, value in node.items())
        mapping.line = getattr(node, _LINE_COL).line + 1
        return mapping
    if kind is CommentedSeq:
        return [_plain(item) for item in node]
    if isinstance(node, str):
        return str(node)  # quoted or literal: the text itself
    if isinstance(node, ScalarBoolean):
        return bool(node)
    if isinstance(node, int):
        return int(node)
    return float(node)  # fast_tree makes nothing else


def _build(text: str, next_event: Any) -> Any:
    """The document of a stream of events, as ruamel's round-trip constructor makes it.

    One loop over 200,000 events at 10,000 codes, so the common steps are written out
    (a plain text, an item, a key and its value) rather than called."""
    next_event()  # the stream starts
    start = next_event()
    if type(start) is not DocumentStartEvent or start.version or start.tags or start.explicit:
        raise Unsure
    numbers = _Numbers()
    root: Any = None
    parents: list[tuple[Any, Any, Any, Any]] = []
    container: Any = None  # the open mapping or list; None before the root
    positions: Any = None  # its lc.data, None until it has an item
    opened: Any = None  # the event that opened it
    key: Any = _NO_KEY
    key_mark: Any = None
    set_item = OrderedDict.__setitem__
    nodes = 0
    while True:
        event = next_event()
        kind = type(event)
        if kind is ScalarEvent:
            raw = event.value
            if event.style == "" and raw and raw[0] not in NOT_ALWAYS_TEXT:
                if event.anchor is not None or event.tag is not None:
                    raise Unsure
                value: Any = raw  # plain text, the common case
            else:
                value = _scalar(event, text, numbers)
        elif kind is MappingEndEvent or kind is SequenceEndEvent:
            if container and opened.flow_style is not None:  # as ruamel: not when empty
                style = Format()
                style._flow_style = opened.flow_style
                setattr(container, Format.attrib, style)
            container, positions, opened, key = parents.pop()
            continue
        elif kind is DocumentEndEvent:
            if event.explicit:
                raise Unsure
            break
        elif (
            (kind is MappingStartEvent or kind is SequenceStartEvent)
            and event.tag is None
            and event.anchor is None
            and len(parents) < MAX_CATALOG_DEPTH
        ):
            value = CommentedMap() if kind is MappingStartEvent else CommentedSeq()
            lines = LineCol()
            lines.line, lines.col = event.start_mark.line, event.start_mark.column
            setattr(value, _LINE_COL, lines)
        else:
            raise Unsure  # an alias, a tagged or anchored mapping or list, too deep
        nodes += 1
        if nodes > MAX_CATALOG_NODES:
            raise Unsure  # refused where the catalog is parsed, before this tree grows
        mark = event.start_mark
        if type(container) is CommentedSeq:
            if positions is None:
                positions = getattr(container, _LINE_COL).data = {}
            positions[len(container)] = [mark.line, mark.column]
            list.append(container, value)
        elif key is not _NO_KEY:
            if positions is None:
                positions = getattr(container, _LINE_COL).data = {}
            positions[key] = [key_mark.line, key_mark.column, mark.line, mark.column]
            set_item(container, key, value)
            container._ok.add(key)
            key = _NO_KEY
        elif container is None:
            root = value
        elif kind is ScalarEvent and not dict.__contains__(container, value):
            key, key_mark = value, mark
            continue
        else:
            raise Unsure  # a list or mapping as key, or a duplicate key
        if kind is not ScalarEvent:
            parents.append((container, positions, opened, key))
            container, positions, opened, key = value, None, event, _NO_KEY
    if type(next_event()) is not StreamEndEvent:
        raise Unsure
    return root


def _scalar(event: Any, text: str, numbers: _Numbers) -> Any:
    """A scalar that is not plain text: a number, true/false, null, a quoted or literal
    text, as ruamel's round-trip constructor makes it (``preserve_quotes``)."""
    if event.anchor is not None:
        raise Unsure
    value = scalar_value(event, text)
    if event.style:
        quoted = _QUOTED.get(event.style)
        if quoted is None or type(value) is not str:
            raise Unsure  # a folded text
        return quoted(value)
    if value is None or type(value) is str or type(value) is bool:
        return value
    if type(value) is int and _DECIMAL.fullmatch(event.value):
        return value
    return numbers.construct(value, event.value)  # 0, 1.5: ruamel keeps their spelling


class _Numbers:
    """Plain numbers and booleans as ruamel's round-trip constructor makes them (it keeps
    a number's spelling: ``0`` is a ``ScalarInt`` of width 1, ``1.50`` a ``ScalarFloat``)."""

    def __init__(self) -> None:
        self.constructor = round_trip_yaml().constructor

    def construct(self, value: Any, text: str) -> Any:
        """What ruamel makes of the plain scalar ``text``, read by libyaml as ``value``."""
        tag = _TAGS[type(value)]
        node = ScalarNode(Tag(suffix=tag), text)
        made = self.constructor.yaml_constructors[tag](self.constructor, node)
        if made != value:  # never seen; .nan: the plain data would not be libyaml's
            raise Unsure
        return made
