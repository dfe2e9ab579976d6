"""Escaping, texts and anchors: the pure functions templates call as Jinja filters.

Each output language gets its own escaper, and every text taken from the catalog goes
through one before it reaches a template's output:

- ``py_str`` / ``py_comment`` for Python, ``json_str`` for JSON (and the string literals
  of JavaScript and TypeScript), ``yaml_str`` / ``yaml_comment`` for YAML (double-quoted
  scalars), ``doc_comment`` for C-family comments and doc comments; the Markdown ones
  (``md_inline``, ``md_block``, ``html_comment``) are in :mod:`codegen.markdown`.
- Characters that are not printable (controls, format characters such as zero-width and
  bidirectional marks, line and paragraph separators) are always written as escapes, so a
  reviewer sees them and no reader takes them for line breaks.

``safe_integers`` refuses integer codes a JavaScript number cannot hold exactly.
``camel`` names a snake_case key in camelCase. ``docs_page_url`` and ``docs_url`` link a code
to its row in the Markdown docs, by the same ``code_anchor`` the docs page uses.

Names, literals and types for the Python module, and the facts of the response header, are
in :mod:`codegen.views`; the one Jinja environment that registers both is in
:mod:`codegen.render`.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from urllib.parse import quote, urlsplit

from codegen.errors import InputError, SpecError, kind_of
from codegen.model import Attribute, Catalog, Code, CodeSet, CodeValue, GroupValue, Texts


def _hex_escape(char: str) -> str:
    """``\\xhh``, ``\\uhhhh`` or ``\\Uhhhhhhhh``: the notation Python and YAML share."""
    point = ord(char)
    if point < 0x100:
        return f"\\x{point:02x}"
    if point < 0x10000:
        return f"\\u{point:04x}"
    return f"\\U{point:08x}"


def _json_escape(char: str) -> str:
    """``\\uhhhh``, as a surrogate pair above the basic plane."""
    point = ord(char)
    if point < 0x10000:
        return f"\\u{point:04x}"
    point -= 0x10000
    return f"\\u{0xD800 + (point >> 10):04x}\\u{0xDC00 + (point & 0x3FF):04x}"


def _escape(text: str, table: dict[str, str], other: Callable[[str], str]) -> str:
    """``text`` with each character in ``table`` replaced, and each other non-printable
    character written by ``other``."""
    if text.isprintable() and not any(c in text for c in table):
        return text  # the common case, without a loop in Python over every character
    return "".join(table[c] if c in table else c if c.isprintable() else other(c) for c in text)


_BACKSLASH_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t"}
_SINGLE_QUOTED_ESCAPES = {"\\": "\\\\", "'": "\\'", "\n": "\\n", "\r": "\\r", "\t": "\\t"}
_COMMENT_ESCAPES = {"\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t"}


def py_str(text: str) -> str:
    """A Python string literal that evaluates to exactly ``text``, quoted as black quotes
    it: double quotes, unless ``text`` holds more of them than single quotes."""
    if text.count('"') > text.count("'"):
        return "'" + _escape(text, _SINGLE_QUOTED_ESCAPES, _hex_escape) + "'"
    return '"' + _escape(text, _BACKSLASH_ESCAPES, _hex_escape) + '"'


def py_docstring(text: str) -> str:
    """A Python string literal for a docstring whose ``__doc__`` (and what Sphinx or an IDE
    reads from the source) is exactly ``text``: :func:`py_str`, with the spaces at either end
    written ``\\x20`` and a quote at either end ``\\x22`` / ``\\x27``. black strips a
    docstring's surrounding whitespace and pads a quote at its ends with a space; neither
    touches an escape."""
    literal = py_str(text)
    quote, body = literal[0], literal[1:-1]
    escaped_quote, hex_quote = "\\" + quote, f"\\x{ord(quote):02x}"
    if body.startswith(escaped_quote):
        body = hex_quote + body[2:]
    if body.endswith(escaped_quote) and body != hex_quote:  # a quote is always escaped
        body = body[:-2] + hex_quote
    lead = len(body) - len(body.lstrip(" "))
    body = "\\x20" * lead + body[lead:]
    trail = len(body) - len(body.rstrip(" "))
    body = body[: len(body) - trail] + "\\x20" * trail
    return quote + body + quote


def py_comment(text: str) -> str:
    """``text`` made safe to follow ``#`` on one line: line breaks become ``\\n``."""
    return _escape(text, _COMMENT_ESCAPES, _hex_escape)


def doc_comment(text: str) -> str:
    """``text`` made safe on one line of a C-family comment or doc comment (``//``, ``/* */``,
    JSDoc, TSDoc, Javadoc, KDoc): line breaks become ``\\n``, other non-printables
    ``\\uhhhh``, backslashes ``\\\\``; ``*/`` becomes ``*\\/`` so it cannot close the comment,
    and ``@`` not preceded by a letter or digit (``@deprecated``, ``{@link}``) ``\\@`` so it
    starts no doc tag. Editors render these Markdown escapes as ``@``, ``*/`` and ``\\``."""
    escaped = _escape(text, _COMMENT_ESCAPES, _json_escape).replace("*/", "*\\/")
    return re.sub(r"(?<![A-Za-z0-9])@", r"\\@", escaped)


def yaml_str(text: str) -> str:
    """A double-quoted YAML scalar that loads as exactly ``text`` (YAML 1.1 and 1.2)."""
    return '"' + _escape(text, _BACKSLASH_ESCAPES, _hex_escape) + '"'


yaml_comment = py_comment


def json_str(text: str) -> str:
    """A JSON string that loads as exactly ``text``; non-printables as ``\\uhhhh``."""
    if isinstance(text, str) and text.isprintable() and '"' not in text and "\\" not in text:
        return f'"{text}"'  # what json.dumps would write, without its cost
    return json_escape_nonprintable(json.dumps(text, ensure_ascii=False))


def json_escape_nonprintable(document: str) -> str:
    """A JSON document with every non-printable character left raw by ``json.dumps``
    written as ``\\uhhhh``. Such characters only occur inside strings."""
    lines = document.split("\n")
    return "\n".join(
        line if line.isprintable() else _escape(line, {}, _json_escape) for line in lines
    )


def scalar(value: CodeValue, quote: Callable[[str], str]) -> str:
    """A code as a literal: integers as digits, strings through ``quote``."""
    if isinstance(value, bool) or not isinstance(value, (int, str)):
        raise TypeError(f"a code is an integer or a string, not {kind_of(value)}")
    return str(value) if isinstance(value, int) else quote(value)


# Number.MAX_SAFE_INTEGER: beyond it an IEEE 754 double (a JavaScript number) skips integers.
MAX_SAFE_INTEGER = 2**53 - 1


def safe_integers(catalog: Catalog, target: str) -> Catalog:
    """``catalog`` itself, after checking that every integer code is within ±(2^53 − 1), the
    integers an IEEE 754 double holds exactly (ECMAScript's ``Number.MAX_SAFE_INTEGER``):
    beyond them a JavaScript or TypeScript number, and ``JSON.parse`` on the wire, turn two
    codes into one number or a code into another. Raises :class:`SpecError` at the first
    code outside, naming ``target`` (``"TypeScript"``) as the output that cannot hold it."""
    for code_set in catalog.code_sets:
        for code in code_set.codes:
            value = code.value
            if isinstance(value, int) and abs(value) > MAX_SAFE_INTEGER:
                raise SpecError(
                    f"code {value} of {code_set.name} is outside ±(2^53 − 1), so a {target} "
                    f"number cannot hold it exactly ({_as_double(value)}); drop the {target} "
                    f"target, or make {code_set.name} a string set (code_type: string, codes "
                    "quoted) if the API sends its codes as strings",
                    catalog.path,
                    code.line,
                )
    return catalog


def _as_double(value: int) -> str:
    """What a JavaScript number makes of the integer ``value``, said for an error."""
    try:
        double = int(float(value))
    except OverflowError:
        return f"it reads as {'' if value > 0 else '-'}Infinity"
    if double != value:
        return f"it reads as {double}"
    return f"{value + (1 if value > 0 else -1)} reads as it too"


def _id_safe(text: str, keep: str) -> str:
    rest = text
    for char in keep:
        rest = rest.replace(char, "")
    if text.isascii() and (rest.isalnum() or not rest):
        return text
    return "".join(
        c if (c.isascii() and c.isalnum()) or c in keep else f".{ord(c):x}." for c in text
    )


def set_anchor(set_name: str) -> str:
    """The HTML id of a code set's heading in the Markdown docs: its name (see code_anchor)."""
    return _id_safe(set_name, "_")


def code_anchor(set_name: str, code: CodeValue) -> str:
    """The HTML id of a code's row in the Markdown docs, computable from the code alone.

    ``{set_name}-{code}``, with every character of the code outside ``[A-Za-z0-9_-]``
    (of the set name: outside ``[A-Za-z0-9_]``) written as ``.{hex}.``:
    ``("ApiResultCode", -1000)`` gives ``ApiResultCode--1000``, ``("EmmaResultCode",
    "E900")`` gives ``EmmaResultCode-E900``, a code ``"a b"`` gives ``…-a.20.b``. It is
    injective, case-sensitive and safe in a URL fragment and an HTML attribute. The page
    of language ``lang`` is ``docs/{lang}.md``, so in a site built by mkdocs.yml a code
    is at ``{lang}/#{code_anchor(set_name, code)}``.
    """
    return f"{set_anchor(set_name)}-{_id_safe(str(code), '_-')}"


def camel(key: str) -> str:
    """A snake_case key in camelCase: ``is_success`` -> ``isSuccess``. Only an underscore
    followed by a lowercase letter is dropped (``a_1`` and ``a__b`` keep theirs), so two
    keys never get the same name."""
    return re.sub(r"_([a-z])", lambda match: match.group(1).upper(), key)


DOCS_PAGE = "{lang}/"  # docs/{lang}.md of the Markdown target, as mkdocs serves it
_URL_SAFE = "/:@!$&'()*+,;=~%"  # kept as written: reserved characters and escapes


def docs_page_url(options: Mapping[str, object], catalog: Catalog) -> str:
    """The URL of the docs page generated code links its codes to; "" without the option
    ``docs_base_url`` (an absolute URL: where the docs site is served).

    That URL and the page, joined by exactly one ``/``: the option ``docs_page`` (default
    ``{lang}/``, the page docs/{lang}.md as mkdocs serves it) with ``{lang}`` replaced by the
    option ``docs_lang`` (default: the source language). What a URL path cannot hold as it
    is (spaces, non-ASCII) is percent-encoded.
    """
    if "docs_base_url" not in options:
        return ""
    base = _str_option(options, "docs_base_url", "")
    lang = _str_option(options, "docs_lang", catalog.source_language)
    page = _str_option(options, "docs_page", DOCS_PAGE)
    parts = urlsplit(base)
    if not (parts.scheme and parts.netloc) or "?" in base or "#" in base:
        raise InputError(
            f"option docs_base_url {base!r} must be an absolute URL without ? or #, "
            "like https://example.org/errors"
        )
    if lang not in catalog.languages:
        raise InputError(
            f"option docs_lang {lang!r} is not a language of the catalog: "
            f"use one of {', '.join(catalog.languages)}"
        )
    path = parts.path.rstrip("/") + "/" + page.replace("{lang}", lang).lstrip("/")
    return f"{parts.scheme}://{parts.netloc}{quote(path, safe=_URL_SAFE)}"


def _str_option(options: Mapping[str, object], name: str, default: str) -> str:
    value = options.get(name, default)
    if not isinstance(value, str):
        raise InputError(f"option {name} must be a string, not {kind_of(value)}")
    return value


def docs_url(page_url: str, set_name: str, code: CodeValue) -> str:
    """The URL of a code's row on the docs page at ``page_url``: the page and the row's
    anchor, ``code_anchor(set_name, code)`` (URL-safe as it is)."""
    return f"{page_url}#{code_anchor(set_name, code)}"


@dataclass(frozen=True)
class Localized:
    """A text in the language asked for, or in the source language when it is missing."""

    text: str
    lang: str  # the language ``text`` is in
    fallback: bool  # True when ``lang`` is not the language asked for


def localized(texts: Texts | None, lang: str, source: str) -> Localized:
    """The text for ``lang``; the ``source`` language's text (marked) when it is missing."""
    texts = texts or {}
    if texts.get(lang):
        return Localized(texts[lang], lang, False)
    if texts.get(source):
        return Localized(texts[source], source, True)
    return Localized("", lang, False)


def cell(code: Code, attribute: Attribute, lang: str, source: str) -> Localized:
    """What a code shows in the column of ``attribute``: a group's label, a flag's
    ``true``/``false``, a text; empty when the source cell was empty."""
    value = code.attr(attribute.key)
    if isinstance(value, bool):
        return Localized("true" if value else "false", lang, False)
    if isinstance(value, GroupValue):
        return localized(value.label, lang, source)
    return localized(value, lang, source)


@dataclass(frozen=True)
class SectionRun:
    """Consecutive code sets under the same section heading (none when ``section`` is empty)."""

    section: Texts
    code_sets: tuple[CodeSet, ...]


def section_runs(code_sets: Iterable[CodeSet]) -> tuple[SectionRun, ...]:
    """The code sets in source order, grouped where consecutive sets share a section."""
    runs: list[SectionRun] = []
    for code_set in code_sets:
        if runs and runs[-1].section and dict(runs[-1].section) == dict(code_set.section):
            runs[-1] = SectionRun(runs[-1].section, runs[-1].code_sets + (code_set,))
        else:
            runs.append(SectionRun(code_set.section, (code_set,)))
    return tuple(runs)
