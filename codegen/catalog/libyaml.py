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

import re
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

from codegen.catalog.plain import LinedDict, NodePath, too_long_to_print
from codegen.limits import MAX_CATALOG_DEPTH, MAX_CATALOG_NODES

_NO_KEY: Any = object()  # a mapping waiting for its next key
_INF = float("inf")
_NAN = -_INF / _INF  # one object, as ruamel's: two .nan keys are the same key there too

# The first characters of the plain scalars that are not text, and ruamel's YAML 1.2 patterns.
NOT_ALWAYS_TEXT = frozenset("tTfF-+0123456789.~nN<=!&*")
_NULLS = frozenset(("~", "null", "Null", "NULL"))
_BOOL = re.compile("true|True|TRUE|false|False|FALSE")
_FLOAT = re.compile(
    r"""[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+]?[0-9]+)?
    |[-+]?(?:[0-9][0-9_]*)(?:[eE][-+]?[0-9]+)
    |[-+]?\.[0-9_]+(?:[eE][-+][0-9]+)?
    |[-+]?\.(?:inf|Inf|INF)
    |\.(?:nan|NaN|NAN)""",
    re.VERBOSE,
)
_INT = re.compile(r"[-+]?0b[0-1_]+|[-+]?0o?[0-7_]+|[-+]?[0-9_]+|[-+]?0x[0-9a-fA-F_]+")
# Left to the reference loader: dates (a superset of YAML's timestamps), merge keys and the
# other tags ruamel resolves plain scalars to.
_LEFT_TO_REFERENCE = re.compile(r"[0-9]{4}-|(?:<<|=|!|&|\*)\Z")
# Where libyaml (YAML 1.1) accepts what ruamel refuses or reads otherwise: tabs, the line
# breaks of YAML 1.1 (NEL, LS, PS), byte order marks inside the text; a block scalar whose
# header touches a comment (``|#``) or whose first line is spaces only, which ruamel refuses
# when a later line is indented more. Rare in a catalog: the reference loader reads those.
NOT_LIKE_RUAMEL = re.compile("[\t\x85\u2028\u2029\ufeff]")
_BLOCK_HEADER = re.compile(r"[|>][-+0-9]*(?:#|[^\r\n]*(?:\r\n?|\n) +[\r\n])")


class Unsure(Exception):
    """This loader cannot vouch for the text: the reference loader must read it."""


class TooManyNodes(Exception):
    """The text has more than ``MAX_CATALOG_NODES`` nodes; ``mark`` is where the first node
    past the bound starts (0-based line and column, as ruamel's)."""

    def __init__(self, mark: Any) -> None:
        super().__init__()
        self.line, self.column = mark.line, mark.column


def load(text: str) -> Any:
    """The catalog's data, as :func:`codegen.catalog.parse.parse` returns it; :class:`Unsure`
    when the text is not plain YAML or needs the reference loader, :class:`TooManyNodes` at
    its ``MAX_CATALOG_NODES + 1``-th node (as the reference loader refuses it)."""
    if NOT_LIKE_RUAMEL.search(text):
        raise Unsure
    try:
        return _build(text, CSafeLoader(text).get_event)
    except (YAMLError, ValueError):  # malformed YAML, a lone surrogate, a number that is not one
        raise Unsure from None


def _build(text: str, next_event: Any) -> Any:
    """The document of a stream of events; one document, plain YAML only."""
    next_event()  # the stream starts
    start = next_event()
    if type(start) is not DocumentStartEvent or start.version or start.tags:
        raise Unsure  # empty, or %YAML / %TAG directives
    root: Any = None
    parents: list[tuple[Any, Any]] = []
    container: Any = None  # the open mapping or list; None before the root
    key: Any = _NO_KEY
    nodes = 0
    while True:
        event = next_event()
        kind = type(event)
        if kind is MappingEndEvent or kind is SequenceEndEvent:
            container, key = parents.pop()
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
        elif kind is ScalarEvent and value not in container:
            key = value
            continue
        else:
            raise Unsure  # a list or mapping as key, or a duplicate key
        if kind is not ScalarEvent:
            parents.append((container, key))
            container, key = value, _NO_KEY
    if type(next_event()) is not StreamEndEvent or type(root) is not LinedDict:
        raise Unsure  # a second document, or not a catalog (where a block scalar can be)
    return root


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


def scalar_value(event: Any, text: str) -> Any:
    """The value of a ScalarEvent of ``text``: a quoted or block text as written, a plain
    one as YAML 1.2 reads it; :class:`Unsure` for a tag, a date, a merge key or a block
    header the reference loader reads otherwise."""
    if event.tag is not None:  # even !!str: ruamel and libyaml end a tag at different places
        raise Unsure
    if event.style in ("|", ">") and _BLOCK_HEADER.match(text, event.start_mark.index):
        raise Unsure
    return _plain(event.value) if event.implicit[0] else event.value


def _plain(value: str) -> Any:
    """A plain (unquoted) scalar as YAML 1.2's core schema reads it, as ruamel does."""
    if not value or value in _NULLS:
        return None
    if value[0] not in NOT_ALWAYS_TEXT:
        return value
    if _BOOL.fullmatch(value):
        return value[0] in "tT"
    if _FLOAT.fullmatch(value):
        return _float(value)
    if _INT.fullmatch(value):
        return _int(value)
    if _LEFT_TO_REFERENCE.match(value):
        raise Unsure
    return value


def _float(value: str) -> float:
    text = value.replace("_", "").lower()
    sign = -1 if text[0] == "-" else 1
    text = text[1:] if text[0] in "+-" else text
    if text == ".inf":
        return sign * _INF
    if text == ".nan":
        return _NAN
    return sign * float(text)


def _int(value: str) -> int:
    text = value.replace("_", "")
    sign = -1 if text[0] == "-" else 1
    text = text[1:] if text[0] in "+-" else text
    for prefix, base in (("0b", 2), ("0x", 16), ("0o", 8)):
        if text.startswith(prefix):
            number = int(text[len(prefix) :], base)
            if too_long_to_print(number):
                raise Unsure  # refused by the reference loader, at its place
            return sign * number
    return sign * int(text)  # ValueError for the int pattern's non-numbers (``-_``)
