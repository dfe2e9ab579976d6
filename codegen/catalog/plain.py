"""The catalog as plain data: what a safe YAML loader returns, and how a check points into it.

Both loaders (:mod:`codegen.catalog.parse`, :mod:`codegen.catalog.libyaml`) return dicts,
lists and scalars, with each mapping a :class:`LinedDict` that knows its first line. The
checks (:mod:`codegen.catalog.rules`) report :class:`Problem` s at a :data:`NodePath`, the
keys and list indexes from the root; :func:`codegen.catalog.parse.locate` turns a path into
a line and column only when there is a problem to report.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from functools import cache
from typing import Any


class LinedDict(dict[Any, Any]):
    """A mapping from the catalog that knows the line it starts on (1-based)."""

    __slots__ = ("line",)
    line: int


NodePath = tuple[Any, ...]  # keys and list indexes from the root: ("code_sets", 0, "codes")


def too_long_to_print(value: int) -> bool:
    """Whether the integer ``value`` has more decimal digits than Python converts to text
    (``sys.get_int_max_str_digits()``, 4,300 unless changed): the loaders refuse such a
    number (a hexadecimal one can be read, but never printed), so no catalog holds one.
    An integer of at most ``3 * limit`` bits (3,900 digits) costs one comparison."""
    limit = sys.get_int_max_str_digits()
    return 0 < limit and value.bit_length() > 3 * limit and abs(value) >= _power_of_ten(limit)


@cache
def _power_of_ten(digits: int) -> int:
    return int(10**digits)  # int: mypy types a power of a variable as Any


@dataclass(frozen=True, slots=True)  # slots: a catalog can have millions of them
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


def duplicate_key(key: Any, first_line: int) -> str:
    """How both loaders refuse a second ``key`` in a mapping whose first is on
    ``first_line`` (1-based)."""
    return f"duplicate key '{key}' (first defined at line {first_line}): keep only one"


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
