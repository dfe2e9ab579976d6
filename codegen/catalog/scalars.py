"""What a scalar of libyaml's events means to the fast loader (:mod:`codegen.catalog.libyaml`):
a plain one as YAML 1.2's core schema says, as ruamel (the reference loader) reads it, not
as PyYAML's YAML 1.1 resolver does; :class:`Unsure` for what the reference loader must read.
No import of PyYAML here: the events come from the caller."""

from __future__ import annotations

import re
from typing import Any

from codegen.catalog.plain import too_long_to_print

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
