"""The catalog's size bounds: how many codes it may have, how long a text or key may be.

Checked on the plain data before any other rule (docs/limits.md): a catalog past
:data:`~codegen.limits.MAX_CODES` codes is reported alone, since each other check would only
add to the cost of a file that cannot be used.
"""

from __future__ import annotations

from collections.abc import Iterator

from codegen.catalog.plain import NodePath, Problem
from codegen.catalog.rules.context import dicts
from codegen.limits import MAX_CODES, MAX_STRING


def too_many_codes(data: object) -> Problem | None:
    """A problem when the catalog has more codes than the tools are made for."""
    sets = data.get("code_sets") if isinstance(data, dict) else None
    count = sum(len(codes) for _, s in dicts(sets) if isinstance(codes := s.get("codes"), list))
    if count <= MAX_CODES:
        return None
    message = f"the catalog has {count:,} codes; the limit is {MAX_CODES:,}: split it up"
    return Problem(("code_sets",), message)


def long_strings(data: object) -> list[Problem]:
    """Every key or string longer than the tools are made for."""
    return list(_long_strings(data, ()))


def _long_strings(node: object, path: NodePath) -> Iterator[Problem]:
    if isinstance(node, str) and len(node) > MAX_STRING:
        yield Problem(path, f"this string has {len(node):,} characters; {_limit()}")
    elif isinstance(node, dict):
        for key, value in node.items():
            if isinstance(key, str) and len(key) > MAX_STRING:
                message = f"this key has {len(key):,} characters; {_limit()}"
                yield Problem(path + (key,), message, at_key=True)
            yield from _long_strings(value, path + (key,))
    elif isinstance(node, list):
        for index, item in enumerate(node):
            yield from _long_strings(item, path + (index,))


def _limit() -> str:
    return f"the limit is {MAX_STRING:,} characters: shorten it"
