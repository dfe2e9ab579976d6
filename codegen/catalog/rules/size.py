"""The catalog's size bounds: how many codes and code sets it may have, how long a text or
key may be.

Checked on the plain data before any other rule (docs/limits.md): a catalog past
:data:`~codegen.limits.MAX_CODES` codes or :data:`~codegen.limits.MAX_CODE_SETS` code sets
is reported alone, since each other check would only add to the cost of a file that cannot
be used. A code set costs as much as ten codes to generate (its enum and lookup tables), so
their count has its own bound.
The codes are also counted in the text, before it is parsed (:func:`too_many_codes_in_text`):
a 49 MiB catalog of 770,000 codes took minutes and gigabytes to parse before it was refused.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from codegen.catalog.plain import NodePath, Problem
from codegen.catalog.rules.context import dicts
from codegen.errors import InputError
from codegen.limits import (
    MAX_ATTRIBUTES,
    MAX_CODE_SETS,
    MAX_CODES,
    MAX_GROUP_VALUES,
    MAX_LANGUAGES,
    MAX_STRING,
)

# A code's ``code`` key: on a line (``code: 5``, ``- code: 5``) or first in a flow mapping
# (``{code: 5, ...}``), quoted or not, with a value on its line that is not a mapping (the
# ``columns: {code: {en: Code}}`` of a code set is no code). A key written another way is
# counted only once the catalog is parsed. Linear: each part stops at a character the next
# one cannot start with.
_CODE_KEY = re.compile(
    r"""(?:^|\{)[ \t]*(?:-[ \t]+)*(?:code|"code"|'code')[ \t]*:[ \t]*(?=[^ \t\r\n{#])""",
    re.MULTILINE,
)
# ``code_sets:`` and where its value starts (the first ``-``), where the count is reported
_CODE_SETS = re.compile(
    r"^code_sets[ \t]*:(?:[ \t]*(?:#[^\n]*)?\n)*?(?P<indent>[ \t]*)(?P<value>\S)", re.MULTILINE
)


def too_many_codes_in_text(text: str, shown: str) -> None:
    """Raise :class:`InputError` when the catalog's ``text`` has more than ``MAX_CODES``
    codes, counted as ``code`` keys in one linear scan (about 1 s for 50 MiB, constant
    memory) before any YAML is parsed; at the value of its ``code_sets:`` (``shown`` is its
    path), where the count after parsing is reported too.
    A key written some other way (escaped) is counted after parsing, by
    :func:`too_many_codes`."""
    count = sum(1 for _ in _CODE_KEY.finditer(text))
    if count <= MAX_CODES:
        return
    at = _CODE_SETS.search(text)
    start = at.start("value") if at else 0
    line = text.count("\n", 0, start) + 1 if at else 0
    column = start - (text.rfind("\n", 0, start) + 1) + 1 if at else 0
    raise InputError(
        f"the catalog has {count:,} codes; the limit is {MAX_CODES:,}: split it up",
        shown,
        line,
        column,
    )


def too_many_codes(data: object) -> Problem | None:
    """A problem when the catalog has more codes, code sets, attributes, languages or group
    values than the tools are made for (at ``code_sets``; docs/limits.md): each costs memory in
    ``generate``, and these bounds keep every catalog ``validate`` accepts within 2 GiB."""
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
    attributes = [a for _, s in dicts(sets) for _, a in dicts(s.get("attributes"))]
    if len(attributes) > MAX_ATTRIBUTES:
        message = (
            f"the catalog has {len(attributes):,} attributes in its code sets; the limit is "
            f"{MAX_ATTRIBUTES:,}: keep only the columns clients need"
        )
        return Problem(("code_sets",), message)
    languages = data.get("languages") if isinstance(data, dict) else None
    if isinstance(languages, list) and len(languages) > MAX_LANGUAGES:
        message = (
            f"the catalog has {len(languages):,} languages; the limit is {MAX_LANGUAGES:,}: "
            "list each language of its texts once"
        )
        return Problem(("languages",), message)
    values = sum(len(v) for a in attributes if isinstance(v := a.get("values"), list))
    if values > MAX_GROUP_VALUES:
        message = (
            f"the catalog's group attributes have {values:,} values; the limit is "
            f"{MAX_GROUP_VALUES:,}: a column of that many values is no group (make it a text "
            "attribute)"
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
