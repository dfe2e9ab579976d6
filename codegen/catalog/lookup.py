"""A code as seen on the wire, found in the catalog: the sets and codes a log's text stands for.

``codegen explain`` (:mod:`codegen.commands.explain`) shows what :func:`found_in` finds:
the code as a log or a response shows it is matched against every set
(:func:`wire_values`: ``-2016``, ``E915``, hex such as ``0x8004A001``, also as a signed
32-bit value), else a member's name or former name, else a code inside a pasted log
fragment; :func:`near_misses` names what was probably meant when nothing matches.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass

from codegen.catalog.model import Catalog, Code, CodeSet, CodeValue
from codegen.errors import InputError

INT32 = 2**32
_INTEGER = re.compile(r"[+-]?[0-9]+")
_HEX = re.compile(r"([+-]?)0[xX]([0-9A-Fa-f]+)")


def wire_values(text: str) -> tuple[CodeValue, ...]:
    """The code values ``text`` can stand for, as a log or a response shows a code.

    The text itself, without the quotes or backticks and the trailing comma it was pasted
    with (a string code: ``E915``, ``0x8004A001``, ``007``); for an integer
    set, its decimal value (``-2016``, ``007`` -> 7) or its hexadecimal value
    (``0x8004A001`` -> 2147786753), and for a hexadecimal number of 32 bits with the top
    bit set, also the signed 32-bit value it spells (-2147180543): Windows HRESULTs and
    other status words are written in hex and stored either way.
    """
    stripped = text.strip().rstrip(",").strip()
    if len(stripped) >= 2 and stripped[0] == stripped[-1] and stripped[0] in "\"'`":
        stripped = stripped[1:-1]  # pasted from JSON, a log or Markdown: "E915", `E915`
    values: list[CodeValue] = [stripped]
    if _INTEGER.fullmatch(stripped) and not too_many_digits(stripped):
        values.append(int(stripped))
    elif found := _HEX.fullmatch(stripped):
        sign, digits = found.groups()
        number = int(digits, 16)
        values.append(-number if sign == "-" else number)
        if not sign and INT32 // 2 <= number < INT32:
            values.append(number - INT32)
    return tuple(values)


def too_many_digits(text: str) -> bool:
    """Whether ``text`` spells a decimal integer of more digits than Python reads (4,300,
    ``sys.get_int_max_str_digits()``): no integer code of a catalog has that many, since
    no catalog holding one loads."""
    limit = sys.get_int_max_str_digits()
    return bool(_INTEGER.fullmatch(text)) and 0 < limit < len(text.lstrip("+-"))


@dataclass(frozen=True)
class Match:
    """A code of one set that the wire text stands for."""

    code_set: CodeSet
    code: Code


def matches(catalog: Catalog, text: str, set_name: str | None = None) -> list[Match]:
    """Every (set, code) whose value is one of :func:`wire_values` of ``text``, in catalog
    order; only the set named ``set_name`` when given (an InputError listing the sets when
    none has that name). An integer set matches the number ``text`` spells, a string set
    ``text`` exactly as written: ``7`` finds the integer code 7, never the string ``"007"``.
    """
    wanted = wire_values(text)
    found: list[Match] = []
    for code_set in _sets(catalog, set_name):
        for code in code_set.codes:
            if code.value in wanted:
                found.append(Match(code_set, code))
    return found


_TOKEN = re.compile(r"[^\s=:,;\"'`()\[\]{}<>]+")


def found_in(catalog: Catalog, text: str, set_name: str | None = None) -> list[Match]:
    """What ``explain`` shows for ``text``: the codes it stands for (:func:`matches`); else
    the code whose member name or former name it is (``TOO_MANY_RECIPIENTS``, any case);
    else the codes of the first word of it that is one, for a pasted log fragment
    (``error.code=PAY-0012``, ``{"resultCode": -2016}``)."""
    found = matches(catalog, text, set_name)
    if found:
        return found
    name = text.strip().upper()
    found = [
        Match(code_set, code)
        for code_set in _sets(catalog, set_name)
        for code in code_set.codes
        if name == code.name or name in code.aliases
    ]
    for word in [] if found else _TOKEN.findall(text):
        if word != text.strip() and (found := matches(catalog, word, set_name)):
            break
    return found


def near_misses(catalog: Catalog, text: str) -> list[Match]:
    """Codes ``text`` probably meant when it matches none: the same letters in another
    case, or the same number without its leading zeros or with another sign written."""
    key = _loose(text)
    return [
        Match(code_set, code)
        for code_set in catalog.code_sets
        for code in code_set.codes
        if _loose(str(code.value)) == key
    ]


def _loose(text: str) -> str:
    text = text.strip().casefold().lstrip("+")
    sign = "-" if text.startswith("-") else ""
    return sign + (text.lstrip("-").lstrip("0") or "0")


def _sets(catalog: Catalog, set_name: str | None) -> tuple[CodeSet, ...]:
    if set_name is None:
        return catalog.code_sets
    code_set = catalog.code_set(set_name) or next(
        (s for s in catalog.code_sets if set_name in s.aliases), None
    )  # a set's former name (``curated.aliases``) still finds it
    if code_set is None:
        names = ", ".join(s.name for s in catalog.code_sets)
        raise InputError(f"no code set is named {set_name!r}; use one of {names}", catalog.path)
    return (code_set,)
