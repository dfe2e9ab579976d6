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
from collections.abc import Callable, Iterator

from codegen.catalog.plain import NodePath, Problem
from codegen.catalog.rules.context import dicts, mapping
from codegen.errors import InputError
from codegen.limits import (
    MAX_ALIASES,
    MAX_ATTRIBUTES,
    MAX_CODE_SETS,
    MAX_CODES,
    MAX_GROUP_VALUES,
    MAX_LANGUAGES,
    MAX_MESSAGES,
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
    """A problem when the catalog has more codes, code sets, attributes, languages, messages
    (codes × languages), group values or aliases than the tools are made for (at the key
    holding them; docs/limits.md), the first found in that order: each costs memory in
    ``generate``, and these bounds keep every catalog ``validate`` accepts within 2 GiB."""
    root = data if isinstance(data, dict) else {}
    sets = root.get("code_sets")
    codes = [c for _, s in dicts(sets) if isinstance(c := s.get("codes"), list)]
    count = sum(map(len, codes))
    attributes = [a for _, s in dicts(sets) for _, a in dicts(s.get("attributes"))]
    languages = root.get("languages")
    langs = len(languages) if isinstance(languages, list) else 0
    bounds: list[tuple[Callable[[], int], int, str, str]] = [
        (lambda: count, MAX_CODES, "code_sets", "the catalog has {n} codes; {limit}: split it up"),
        (
            lambda: len(sets) if isinstance(sets, list) else 0,
            MAX_CODE_SETS,
            "code_sets",
            "the catalog has {n} code sets; {limit}: merge small code sets, or split the catalog",
        ),
        (
            lambda: len(attributes),
            MAX_ATTRIBUTES,
            "code_sets",
            (
                "the catalog has {n} attributes in its code sets; {limit}: keep only the columns "
                "clients need"
            ),
        ),
        (
            lambda: langs,
            MAX_LANGUAGES,
            "languages",
            "the catalog has {n} languages; {limit}: list each language of its texts once",
        ),
        (
            lambda: count * langs,
            MAX_MESSAGES,
            "languages",
            (
                f"the catalog has {count:,} codes in {langs:,} languages, {{n}} messages to "
                "generate; {limit}: each code is generated in each language, so split the "
                "catalog, or drop languages no client reads"
            ),
        ),
        (
            lambda: sum(len(v) for a in attributes if isinstance(v := a.get("values"), list)),
            MAX_GROUP_VALUES,
            "code_sets",
            (
                "the catalog's group attributes have {n} values; {limit}: a column of that many "
                "values is no group (make it a text attribute)"
            ),
        ),
        (
            lambda: _aliases(sets, codes),
            MAX_ALIASES,
            "code_sets",
            (
                "the catalog's codes and code sets have {n} aliases (former names); {limit}: keep "
                "the names clients may still use"
            ),
        ),
    ]
    for counted, limit, key, message in bounds:
        n = counted()
        if n > limit:
            shown = message.format(n=f"{n:,}", limit=f"the limit is {limit:,}")
            return Problem((key,), shown)
    return None


def _aliases(sets: object, codes: list[list[object]]) -> int:
    """The aliases (``curated.aliases``) of every code set and code."""
    owners = [s for _, s in dicts(sets)] + [c for each in codes for c in each]
    lists = (
        mapping(owner.get("curated")).get("aliases") for owner in owners if isinstance(owner, dict)
    )
    return sum(len(found) for found in lists if isinstance(found, list))


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
