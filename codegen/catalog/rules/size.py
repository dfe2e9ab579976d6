"""The catalog's size bounds: how many codes and code sets it may have, how long a text or
key may be.

Checked on the plain data before any other rule (docs/limits.md): a catalog past
:data:`~codegen.limits.MAX_CODES` codes or :data:`~codegen.limits.MAX_CODE_SETS` code sets
is reported alone, since each other check would only add to the cost of a file that cannot
be used. A code set costs as much as ten codes to generate (its enum and lookup tables), so
their count has its own bound.
"""

from __future__ import annotations

from collections.abc import Iterator

from codegen.catalog.plain import NodePath, Problem
from codegen.catalog.rules.context import dicts
from codegen.limits import MAX_CODE_SETS, MAX_CODES, MAX_STRING


def too_many_codes(data: object) -> Problem | None:
    """A problem when the catalog has more codes, or more code sets, than the tools are made
    for (at ``code_sets``)."""
    sets = data.get("code_sets") if isinstance(data, dict) else None
    count = sum(len(codes) for _, s in dicts(sets) if isinstance(codes := s.get("codes"), list))
    if count > MAX_CODES:
        message = f"the catalog has {count:,} codes; the limit is {MAX_CODES:,}: split it up"
        return Problem(("code_sets",), message)
    set_count = len(sets) if isinstance(sets, list) else 0
    if set_count > MAX_CODE_SETS:
        message = (
            f"the catalog has {set_count:,} code sets; the limit is {MAX_CODE_SETS:,}: "
            "merge small code sets, or split the catalog"
        )
        return Problem(("code_sets",), message)
    return None


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
