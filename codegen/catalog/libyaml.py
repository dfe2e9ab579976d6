"""The catalog's fast loader: libyaml's parser (PyYAML's C extension), its events turned into
plain data in one pass.

:func:`codegen.catalog.parse.parse` uses it when PyYAML is installed with libyaml. It builds
exactly the data of the reference loader (ruamel's pure safe loader, YAML 1.2): the same
values, :class:`~codegen.catalog.plain.LinedDict` mappings with the same lines. For anything the
reference loader refuses, and for the rare plain YAML it leaves to it (explicit tags, even
``!!str``; dates; ``%YAML`` directives), it raises :class:`Unsure` and the reference loader reads
the text again: its refusal, message and position, is the one the user sees.

Events, not nodes: composing nodes in C calls back into Python for every node and keeps every
node and mark alive for the garbage collector to walk again and again: 1.4 s at 10,000 codes,
against 0.2 s for this loop. Events also carry what the catalog refuses where it appears (an
anchor, an alias, a tag), which a composed node has forgotten.

Plain scalars mean what YAML 1.2's core schema says, as ruamel reads it, not what PyYAML's
YAML 1.1 resolver says: ``yes``, ``on``, ``1:20`` and ``=`` are text, ``0777`` is 777.
"""

from __future__ import annotations

from typing import Any

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

from codegen.catalog.plain import LinedDict, NodePath
from codegen.catalog.scalars import (
    NOT_ALWAYS_TEXT,
    NOT_LIKE_RUAMEL,
    Unsure,
    scalar_value,
)
from codegen.limits import MAX_CATALOG_DEPTH, MAX_CATALOG_NODES

__all__ = [
    "NOT_ALWAYS_TEXT",
    "NOT_LIKE_RUAMEL",
    "DuplicateKey",
    "TooManyNodes",
    "Unsure",
    "load",
    "marks",
    "scalar_value",
]

_NO_KEY: Any = object()  # a mapping waiting for its next key


class TooManyNodes(Exception):
    """The text has more than ``MAX_CATALOG_NODES`` nodes; ``mark`` is where the first node
    past the bound starts (0-based line and column, as ruamel's)."""

    def __init__(self, mark: Any) -> None:
        super().__init__()
        self.line, self.column = mark.line, mark.column


class DuplicateKey(Unsure):
    """The duplicate key ``key`` the reference loader refuses in a text that is plain YAML
    otherwise, at ``line`` and ``column`` (0-based, where the second key starts); its first
    is at ``first_line``. ``mapping`` is the number of its mapping in the text (1 the
    first), ``depth`` how many mappings and lists hold that mapping.

    Which one of many: the reference loader composes the whole text first (so any other
    refusal comes first: this loader is then :class:`Unsure`), then constructs it level by
    level (a mapping or list at depth 1 before any at depth 2), in the text's order within a
    level, and each mapping's keys in order: the first duplicate of the shallowest mapping
    that has one."""

    def __init__(self, key: Any, mark: Any, mapping: int, depth: int) -> None:
        super().__init__()
        self.key, self.line, self.column = key, mark.line, mark.column
        self.mapping, self.depth, self.first_line = mapping, depth, -1


def load(text: str) -> Any:
    """The catalog's data, as :func:`codegen.catalog.parse.parse` returns it; :class:`Unsure`
    when the text is not plain YAML or needs the reference loader, :class:`TooManyNodes` at
    its ``MAX_CATALOG_NODES + 1``-th node (as the reference loader refuses it),
    :class:`DuplicateKey` when a key is its only problem."""
    if NOT_LIKE_RUAMEL.search(text):
        raise Unsure
    try:
        return _build(text, CSafeLoader(text).get_event)
    except (YAMLError, ValueError):  # malformed YAML, a lone surrogate, a number that is not one
        raise Unsure from None


def _build(text: str, next_event: Any) -> Any:
    """The document of a stream of events; one document, plain YAML only; at its end,
    :class:`DuplicateKey` for the duplicate key the reference loader refuses first."""
    next_event()  # the stream starts
    start = next_event()
    if type(start) is not DocumentStartEvent or start.version or start.tags:
        raise Unsure  # empty, or %YAML / %TAG directives
    root: Any = None
    parents: list[tuple[Any, Any, int]] = []
    container: Any = None  # the open mapping or list; None before the root
    key: Any = _NO_KEY
    nodes = mappings = opened = 0  # opened: the number of the open mapping, in the text
    duplicate: DuplicateKey | None = None
    while True:
        event = next_event()
        kind = type(event)
        if kind is MappingEndEvent or kind is SequenceEndEvent:
            container, key, opened = parents.pop()
            continue
        if kind is DocumentEndEvent:
            break
        nodes += 1
        if nodes > MAX_CATALOG_NODES:
            raise TooManyNodes(event.start_mark)
        if event.anchor is not None or len(parents) >= MAX_CATALOG_DEPTH:
            raise Unsure  # an alias (its anchor), an anchor, or too deep
        if kind is ScalarEvent:
            value = scalar_value(event, text)
        elif kind is MappingStartEvent and event.tag is None:
            value = LinedDict()
            value.line = event.start_mark.line + 1
        elif kind is SequenceStartEvent and event.tag is None:
            value = []
        else:
            raise Unsure  # a tagged mapping or list
        if type(container) is list:
            container.append(value)
        elif container is None:
            root = value
        elif key is not _NO_KEY:
            container[key] = value
            key = _NO_KEY
        elif kind is not ScalarEvent:
            raise Unsure  # a list or mapping as key
        else:  # a key: a duplicate one is refused after the rest is read, and is plain
            if value in container and (duplicate is None or len(parents) < duplicate.depth):
                duplicate = DuplicateKey(value, event.start_mark, opened, len(parents))
            key = value
            continue
        if kind is not ScalarEvent:
            parents.append((container, key, opened))
            container, key = value, _NO_KEY
            if kind is MappingStartEvent:
                mappings += 1
                opened = mappings
    if type(next_event()) is not StreamEndEvent or type(root) is not LinedDict:
        raise Unsure  # a second document, or not a catalog (where a block scalar can be)
    if duplicate is not None:
        duplicate.first_line = _first_key_line(CSafeLoader(text).get_event, text, duplicate)
        raise duplicate
    return root


def _first_key_line(next_event: Any, text: str, duplicate: DuplicateKey) -> int:
    """The 0-based line where ``duplicate``'s mapping has its key first."""
    opened = 0
    while opened < duplicate.mapping:
        opened += type(next_event()) is MappingStartEvent
    while True:  # the mapping's keys and values, in turn
        event = next_event()
        value = scalar_value(event, text)
        if value is duplicate.key or value == duplicate.key:  # `is` for .nan
            return int(event.start_mark.line)
        if type(next_event()) in (MappingStartEvent, SequenceStartEvent):
            _skip(next_event)


Mark = tuple[int, int]  # a 0-based line and column, as ruamel's marks


def marks(text: str, paths: set[NodePath]) -> dict[NodePath, tuple[Mark | None, Mark]] | None:
    """Where the nodes on the way to each of ``paths`` start in ``text`` (a catalog that
    :func:`load` or the reference loader read): ``{path: (key mark, value mark)}`` for
    every prefix of a path that leads to a node (no key mark for the root and list items);
    ``None`` when this loader cannot vouch for the text (the caller asks ruamel's round-trip
    loader). The marks are those ruamel's round-trip tree has (``lc``), without building
    one: one pass over libyaml's events, skipping every subtree no path enters (about 2 s
    for a million nodes, where ruamel took two minutes and a gigabyte)."""
    if NOT_LIKE_RUAMEL.search(text):
        return None
    found: dict[NodePath, tuple[Mark | None, Mark]] = {}
    try:
        _walk(
            CSafeLoader(text).get_event,
            {p[:n] for p in paths for n in range(len(p) + 1)},
            found,
            text,
        )
    except (Unsure, YAMLError, ValueError):
        return None
    return found


def _walk(next_event: Any, wanted: set[NodePath], found: dict[NodePath, Any], text: str) -> None:
    """Fill ``found`` with the marks of the nodes at the ``wanted`` paths."""
    next_event()  # the stream starts
    if type(next_event()) is not DocumentStartEvent:
        raise Unsure
    open_: list[list[Any]] = []  # per open container entered: [path, is a mapping, key or index]
    key_mark: Mark | None = None
    while True:
        event = next_event()
        kind = type(event)
        if kind is DocumentEndEvent:
            return
        if kind is MappingEndEvent or kind is SequenceEndEvent:
            open_.pop()
            _advance(open_)
            continue
        mark = (event.start_mark.line, event.start_mark.column)
        if not open_:
            path: NodePath = ()
        else:
            parent = open_[-1]
            if parent[1] and parent[2] is _NO_KEY:  # a key
                if kind is not ScalarEvent:
                    raise Unsure
                parent[2], key_mark = scalar_value(event, text), mark
                continue
            path = parent[0] + (parent[2],)
        if path not in wanted:
            if kind is not ScalarEvent:
                _skip(next_event)
            _advance(open_)
            continue
        found[path] = (key_mark if open_ and open_[-1][1] else None, mark)
        if kind is ScalarEvent:
            _advance(open_)
        else:
            open_.append(
                [path, kind is MappingStartEvent, _NO_KEY if kind is MappingStartEvent else 0]
            )


def _advance(open_: list[list[Any]]) -> None:
    """The innermost open container has read a value: next comes a key, or the next item."""
    if open_:
        parent = open_[-1]
        parent[2] = _NO_KEY if parent[1] else parent[2] + 1


def _skip(next_event: Any) -> None:
    """Read the events of a mapping or list up to its end, its start already read."""
    depth = 1
    while depth:
        kind = type(next_event())
        if kind is MappingStartEvent or kind is SequenceStartEvent:
            depth += 1
        elif kind is MappingEndEvent or kind is SequenceEndEvent:
            depth -= 1
