"""Placeholders in a message: where a text takes an argument, and which.

A message like ``容量{0}MBを使い切りました`` or ``{field} must be at most {max} characters``
is a template: the client fills ``{0}``, ``{field}`` and ``{max}`` in. The catalog keeps the
text exactly as written; this module finds its placeholders, so the catalog can record each
code's parameters (``curated.parameters``), ``validate`` can check that every translation
takes the same ones, and the outputs can format a message without guessing its syntax.

The syntaxes (:data:`SYNTAXES`) are those real pages use:

- ``braces``: Python's and .NET's ``{0}``, ``{}``, ``{name}``, with an optional format spec
  after a colon (``{0:d}``, ``{rate:.2f}``); ``{{`` and ``}}`` are literal braces;
- ``printf``: ``%s``, ``%d``, ``%i``, ``%f`` with flags, width and precision (``%-5s``,
  ``%.2f``), and ``%(name)s``; ``%%`` is a literal percent sign. A ``%`` right after an
  ASCII digit is a percentage, not a placeholder (``100%d``, ``5%faster``), and so are
  ``%i``, ``%f``, ``%e`` and ``%g`` right before a letter or digit (``%error``, ``%e3``);
  ``%s`` and ``%d`` may touch text (``%dMB``, ``%s%s``);
- ``dollar``: ``${name}`` (JavaScript template literals, shell, Spring);
- ``mustache``: ``{{name}}`` (Mustache, Handlebars, i18next);
- ``colon``: ``:name`` (Laravel, Rails routes), only when the catalog's
  ``curated.placeholders`` lists it: ``Error: name`` is prose far more often.

Each placeholder has a *key*: its name for a named one, its number for ``{0}``, and for an
unnumbered one (``{}``, ``%s``) its position among the text's unnumbered ones (0 the
first), as Python numbers ``{}`` and C numbers ``%s``. Two texts take the same parameters
when their keys are the same; the key is what a parameter record's ``placeholder`` holds.
The type follows the syntax: ``d``/``i`` are integers, ``f``/``e``/``g`` numbers, anything
else a string.

Nothing here evaluates a text: a placeholder is found by one compiled pattern, left to
right, and a format spec is read for its type letter only.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Literal

Syntax = Literal["braces", "printf", "dollar", "mustache", "colon"]
SYNTAXES: tuple[Syntax, ...] = ("braces", "printf", "dollar", "mustache", "colon")
DEFAULT_SYNTAXES: tuple[Syntax, ...] = ("braces", "printf", "dollar", "mustache")
ParameterType = Literal["string", "integer", "number"]
PARAMETER_TYPES: tuple[ParameterType, ...] = ("string", "integer", "number")
Key = int | str  # a placeholder's number (or position) or name

_NAME = r"[A-Za-z_][A-Za-z0-9_]*"
_PATTERN = re.compile(
    r"(?P<percent>%%)"
    rf"|\{{\{{\s*(?P<mustache>{_NAME})\s*\}}\}}"
    r"|(?P<brace_escape>\{\{|\}\})"
    rf"|\$\{{(?P<dollar>{_NAME})\}}"
    rf"|\{{(?P<brace>\d+|{_NAME})?(?::(?P<spec>[^{{}}]*))?\}}"
    rf"|(?<![0-9])%(?:\((?P<printf_name>{_NAME})\))?[-+#0]*\d*(?:\.\d+)?"
    r"(?P<conversion>[sd]|[ifeg](?![A-Za-z0-9]))"
    rf"|(?<![\w:/]):(?P<colon>{_NAME})"
)
_SPEC = re.compile(r"(?:.?[<>=^])?[-+ ]?#?0?\d*[,_]?(?:\.\d+)?[bcdeEfFgGnosxX%]?")


@dataclass(frozen=True)
class Placeholder:
    """One placeholder of a text: ``text[start:end]`` is how it is written, ``key`` which
    parameter it takes (:mod:`module docs <codegen.catalog.placeholders>`), ``type`` what
    its syntax says of the argument, ``syntax`` which of :data:`SYNTAXES` it is in."""

    start: int
    end: int
    key: Key
    type: ParameterType
    syntax: Syntax


def find(text: str, syntaxes: Iterable[Syntax] = DEFAULT_SYNTAXES) -> tuple[Placeholder, ...]:
    """The placeholders of ``text`` in the given syntaxes, in order. Escapes (``%%``,
    ``{{``, ``}}``) are skipped; a match of a syntax not given is text. A text without
    ``{``, ``%``, ``$`` (or ``:``, with the colon syntax) is answered without the pattern."""
    allowed = frozenset(syntaxes)
    if "{" not in text and "%" not in text and "$" not in text:
        if ":" not in text or "colon" not in allowed:
            return ()
    return tuple(f for f in _scan(text, allowed) if isinstance(f, Placeholder))


_Escape = tuple[int, int, None, str]  # start, end, None, the character it stands for


def _scan(text: str, allowed: frozenset[Syntax]) -> Iterator[Placeholder | _Escape]:
    """Every placeholder of the ``allowed`` syntaxes and every escape, in order."""
    unnumbered = 0
    for match in _PATTERN.finditer(text):
        group = match.lastgroup
        if group == "percent":
            yield (match.start(), match.end(), None, "%")
            continue
        if group == "brace_escape":
            yield (match.start(), match.end(), None, match[0][0])
            continue
        key: Key
        kind: ParameterType = "string"
        if group == "mustache" and "mustache" not in allowed:  # {{name}}: escaped braces
            yield (match.start(), match.start() + 2, None, "{")
            yield (match.end() - 2, match.end(), None, "}")
            continue
        if group == "mustache":
            syntax: Syntax = "mustache"
            key = match["mustache"]
        elif group == "dollar":
            syntax, key = "dollar", match["dollar"]
        elif group == "colon":
            syntax, key = "colon", match["colon"]
        elif match["conversion"] is not None:
            syntax = "printf"
            kind = _conversion_type(match["conversion"])
            name = match["printf_name"]
            if name is not None:
                key = name
            else:
                key, unnumbered = unnumbered, unnumbered + (syntax in allowed)
        else:
            syntax = "braces"
            field, spec = match["brace"], match["spec"] or ""
            if not _SPEC.fullmatch(spec):
                continue  # not a format spec: text in braces, e.g. {a:b c}
            kind = _conversion_type(spec[-1:]) if spec else "string"
            if field is None:
                key, unnumbered = unnumbered, unnumbered + (syntax in allowed)
            else:
                key = int(field) if field.isdigit() else field
        if syntax in allowed:
            yield Placeholder(match.start(), match.end(), key, kind, syntax)


def _conversion_type(letter: str) -> ParameterType:
    if letter in ("d", "i", "n", "x", "X", "o", "b"):
        return "integer"
    if letter in ("f", "F", "e", "E", "g", "G", "%"):
        return "number"
    return "string"


def keys(text: str, syntaxes: Iterable[Syntax] = DEFAULT_SYNTAXES) -> tuple[Key, ...]:
    """The keys of ``text``'s placeholders, each once, in order of first appearance."""
    return tuple(by_key(find(text, syntaxes)))


def by_key(found: Iterable[Placeholder]) -> dict[Key, Placeholder]:
    """Each key of ``found`` once, at its first placeholder, in order."""
    first: dict[Key, Placeholder] = {}
    for placeholder in found:
        first.setdefault(placeholder.key, placeholder)
    return first


def shown_key(key: object) -> str:
    """A key as messages name it: ``{0}`` for a number, ``'quota'`` for a name."""
    return f"{{{key}}}" if isinstance(key, int) else repr(key)


def derived_name(key: Key) -> str:
    """The parameter name ``import`` gives a placeholder: its own name, else ``arg`` and
    its number (``{0}`` and the first ``%s`` are ``arg0``)."""
    return f"arg{key}" if isinstance(key, int) else key


def without_placeholders(text: str, syntaxes: Iterable[Syntax] = DEFAULT_SYNTAXES) -> str:
    """``text`` with each placeholder replaced by a space: what a name made from a message
    reads (``The quota of {0} MB`` is ``QUOTA_OF_MB``, not ``QUOTA_OF_0_MB``; ``Project
    {project} was not found`` is ``PROJECT_WAS_NOT_FOUND``, not ``PROJECT_PROJECT_...``)."""
    parts: list[str] = []
    at = 0
    for placeholder in find(text, syntaxes):
        parts.extend((text[at : placeholder.start], " "))
        at = placeholder.end
    parts.append(text[at:])
    return "".join(parts)


Piece = str | int  # literal text, or the index of a parameter in the code's parameters


def pieces(
    text: str, parameters: Sequence[Key], syntaxes: Iterable[Syntax] = DEFAULT_SYNTAXES
) -> tuple[Piece, ...]:
    """``text`` cut at its placeholders, for formatting it: literal strings and, for each
    placeholder, the index in ``parameters`` (the keys of the code's parameter records, in
    order) of the parameter it takes; strings and ints alternate, starting and ending with
    a string (maybe empty). The escapes of a syntax the text's placeholders use are
    unescaped in the strings (``%%`` is ``%`` when the text has a printf placeholder,
    ``{{`` is ``{`` when it has a braces one), as formatting it with that syntax's own
    function would; the escapes of another syntax, and a placeholder whose key no record
    has (``validate`` reports it), stay as written."""
    index = {key: i for i, key in enumerate(parameters)}
    found = list(_scan(text, frozenset(syntaxes)))
    used = {f.syntax for f in found if isinstance(f, Placeholder) and f.key in index}
    unescape = {"%": "printf" in used, "{": "braces" in used, "}": "braces" in used}
    result: list[Piece] = []
    literal: list[str] = []
    at = 0
    for item in found:
        if isinstance(item, Placeholder):
            number = index.get(item.key)
            if number is None:
                continue
            literal.append(text[at : item.start])
            result.extend(("".join(literal), number))
            literal, at = [], item.end
        elif unescape[item[3]]:
            literal.extend((text[at : item[0]], item[3]))
            at = item[1]
    literal.append(text[at:])
    result.append("".join(literal))
    return tuple(result)
