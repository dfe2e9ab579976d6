"""One escaper per output syntax: every text taken from the catalog goes through one
before it reaches a template's output.

- ``py_str`` / ``py_docstring`` / ``py_comment`` for Python, ``json_str`` for JSON (and the
  string literals of JavaScript and TypeScript), ``yaml_str`` / ``yaml_comment`` for YAML
  (double-quoted scalars), ``doc_comment`` for C-family comments and doc comments; the
  Markdown ones (``md_inline``, ``md_block``, ``html_comment``) are in
  :mod:`codegen.render.views.markdown`.
- Characters that are not printable (controls, format characters such as zero-width and
  bidirectional marks, line and paragraph separators) are always written as escapes, so a
  reviewer sees them and no reader takes them for line breaks.

The environment (:mod:`codegen.render.environment`) registers them as Jinja filters.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Mapping, Sequence

from codegen.catalog.model import CodeValue
from codegen.errors import kind_of


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


def json_texts(texts: Mapping[str, str], languages: Sequence[str]) -> str:
    """The object literal (JSON, JavaScript, TypeScript) of ``texts`` in the order of
    ``languages`` (those ``texts`` has), each key and text through :func:`json_str`:
    ``{ "ja": "…", "en": "…" }``; ``{  }`` when it has none. Written once per code and
    per group value, so a filter rather than a loop of the template."""
    pairs = (f"{json_str(lang)}: {json_str(texts[lang])}" for lang in languages if lang in texts)
    return "{ " + ", ".join(pairs) + " }"


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
