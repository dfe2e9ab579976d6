"""The catalog as plain data: what a safe YAML loader returns, and how a check points into it.

Both loaders (:mod:`codegen.catalog.parse`, :mod:`codegen.catalog.libyaml`) return dicts,
lists and scalars, with each mapping a :class:`LinedDict` that knows its first line. The
checks (:mod:`codegen.catalog.rules`) report :class:`Problem` s at a :data:`NodePath`, the
keys and list indexes from the root; :func:`codegen.catalog.parse.locate` turns a path into
a line and column only when there is a problem to report.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


class LinedDict(dict[Any, Any]):
    """A mapping from the catalog that knows the line it starts on (1-based)."""

    __slots__ = ("line",)
    line: int


NodePath = tuple[Any, ...]  # keys and list indexes from the root: ("code_sets", 0, "codes")


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the catalog, at ``path`` (keys and list indexes from the root).

    ``at_key`` points at the mapping key instead of its value (unknown keys). ``first`` is
    the path of an earlier node this one duplicates; the message then reads
    ``{message} (first defined at line N){tail}``.
    """

    path: NodePath
    message: str
    at_key: bool = False
    first: NodePath | None = None
    tail: str = ""


def node_at(data: object, path: NodePath) -> object:
    """The node at ``path`` from ``data``, or None where the path does not lead anywhere."""
    node = data
    for step in path:
        if isinstance(node, dict):
            node = node.get(step)
        elif isinstance(node, list) and isinstance(step, int) and 0 <= step < len(node):
            node = node[step]
        else:
            return None
    return node
