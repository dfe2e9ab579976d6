"""Random catalogs for the property-based suite: hypothesis strategies, the catalog written
as YAML, and the texts each output must give back.

A :class:`Drawn` catalog is plain data (what ``spec/codes.yaml`` holds), drawn with hostile
texts in every text field and every language, random valid names and codes. ``to_yaml``
writes it with every string as a double-quoted scalar, so any character (also one the
catalog format refuses) reaches ``validate`` exactly as drawn.
"""

from __future__ import annotations

import keyword
from dataclasses import dataclass, field
from typing import Any

from hypothesis import strategies as st

# Pieces that broke, or could break, some output: quotes, escapes, template and comment
# syntax, Markdown and HTML, the inline markup texts may hold (emphasis, links of safe and
# unsafe targets, images, which are not markup), every kind of line break, controls, bidi
# and zero-width marks, whitespace HTML collapses, surrogates and noncharacters.
PIECES = [
    *('"', "'", '"""', "'''", "\\", "\\n", "\\u0041", "%s", "{0}"),
    *("{{", "}}", "{%", "%}", "{#", "#}", "${x}", "-->", "<!--", "*/", "/*", "//"),
    *("</script>", "<br>", "<b>", "&", "&amp;", "&#32;", "&#x41;", "&nbsp;"),
    *("|", "*", "_", "__", "[", "]", "(", ")", "<", ">", "`", "``", "#", "~", "~~", "$", "!"),
    *("- ", "+ ", "= ", "> ", "1. ", "2) ", "---", "===", "    ", ":", "@deprecated", "{@link x}"),
    *("**", "*a*", "_a_", "***", "](", "](x)", "](/docs/a_b?c=1&d=|)", '](<a b> "t")', "![", "[a]"),
    *("](#f)", "](https://x.test/`)", "](mailto:a@b)", "](javascript:x)", "](<JaVa\tScript:x>)"),
    *("](data:x)", "](&#106;avascript:x)", "](\\x)", "[a](/b)", '[*`a`*](x "t")'),
    *("\t", "\n", "\n\n", "\r\n", "\r", "\u2028", "\u2029", "\x85", "\x0b", "\x0c"),
    *("\x00", "\x1b", "\x1c", "\x1f", "\x7f", "\x80", "\x9f"),
    *("\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad", "\u034f"),
    *("\u200e", "\u200f", "\u202a", "\u202b", "\u202c", "\u202d", "\u202e"),
    *("\u2066", "\u2067", "\u2068", "\u2069", "\u061c"),
    *(" ", "  ", "\u00a0", "\u2003", "\u3000", "\u1680"),
    *("\ud800", "\udfff", "\ufffe", "\uffff", "\ufdd0", "\U0001fffe", "\U0010ffff"),
    *("\ue000", "\U000e0001", "\U0001f600", "\U0001f44d\U0001f3fd", "e\u0301"),
    *("שלום", "مرحبا", "日本語", "한국어", "Ω", "a", "b", "0", "Yes", "null", "~"),
]


def refused_class(char: str) -> str | None:
    """The class of characters the catalog format refuses ``char`` belongs to (the decision
    table of docs/catalog-format.md), or None for a character every output carries."""
    point = ord(char)
    if (point < 0x20 and char not in "\t\n") or 0x7F <= point <= 0x9F:
        return "control character"
    if 0xD800 <= point <= 0xDFFF:
        return "surrogate"
    if 0xFDD0 <= point <= 0xFDEF or (point & 0xFFFE) == 0xFFFE:
        return "noncharacter"
    return None


def without_refused(text: str) -> str:
    """``text`` without the characters the catalog format refuses."""
    return "".join(char for char in text if refused_class(char) is None)


HOSTILE_TEXT = st.lists(
    st.one_of(
        st.sampled_from(PIECES),
        st.text(st.characters(codec=None), max_size=3),
        st.text(st.characters(min_codepoint=0x20, max_codepoint=0x7E), max_size=4),
    ),
    max_size=6,
).map("".join)
CLEAN_TEXT = HOSTILE_TEXT.map(without_refused)
LANGUAGES = ["ja", "en", "ko", "zh-Hans", "fr"]


def _not_keyword(name: str) -> bool:
    return not keyword.iskeyword(name) and not keyword.issoftkeyword(name)


UPPER = st.from_regex(r"[A-Z][A-Z0-9_]{0,8}", fullmatch=True).filter(_not_keyword)
SNAKE_SUFFIX = st.from_regex(r"[a-z0-9_]{1,6}", fullmatch=True)
PASCAL_SUFFIX = st.from_regex(r"[A-Za-z0-9]{1,6}", fullmatch=True)


@dataclass
class Drawn:
    """A catalog as plain data, and the languages it has (the first is the source)."""

    data: dict[str, Any]
    languages: list[str]
    sets: list[dict[str, Any]] = field(default_factory=list)
    clean: bool = True  # drawn without a character the format refuses


@st.composite
def texts(
    draw: st.DrawFn, languages: list[str], clean: bool, nonempty: bool = False
) -> dict[str, str]:
    """A text object with a text in every language; ``clean``: no refused character."""
    strategy = _text(clean, nonempty)
    return {lang: draw(strategy) for lang in languages}


def _text(clean: bool, nonempty: bool = False) -> st.SearchStrategy[str]:
    strategy = CLEAN_TEXT if clean else HOSTILE_TEXT
    return strategy.filter(bool) if nonempty else strategy


@st.composite
def catalogs(draw: st.DrawFn, max_sets: int = 2, max_codes: int = 4) -> Drawn:
    """A random catalog: 1 to ``max_sets`` code sets of 1 to ``max_codes`` codes, integer and
    string, each with a group, a text and a flag attribute, texts in 1 to 3 languages. Its
    texts are literal (``curated.placeholders: []``): a random ``{0}`` or ``%d`` would be a
    placeholder without a parameter record, which ``validate`` rightly refuses; parameters
    have their own tests (tests/templates/test_python_parameters.py and others)."""
    languages = draw(st.lists(st.sampled_from(LANGUAGES), min_size=1, max_size=3, unique=True))
    clean = draw(st.integers(0, 3)) > 0
    sets = []
    for index in range(draw(st.integers(1, max_sets))):
        sets.append(draw(_code_set(languages, f"S{index}", clean, max_codes)))
    data = {
        "format": 1,
        "source_language": languages[0],
        "languages": languages,
        "title": draw(texts(languages, clean)),
        "curated": {"module": "random_codes", "placeholders": []},
        "code_sets": sets,
    }
    return Drawn(data, languages, sets, clean)


@st.composite
def _code_set(
    draw: st.DrawFn, languages: list[str], prefix: str, clean: bool, max_codes: int
) -> dict[str, Any]:
    source = languages[0]
    string = draw(st.booleans())
    count = draw(st.integers(1, max_codes))
    if string:
        values: list[Any] = draw(
            st.lists(_text(clean, True), min_size=count, max_size=count, unique=True)
        )
    else:
        bound = 2**53 - 1
        values = draw(
            st.lists(st.integers(-bound, bound), min_size=count, max_size=count, unique=True)
        )
    labels = draw(
        st.lists(
            texts(languages, clean, nonempty=True),
            min_size=1,
            max_size=3,
            unique_by=lambda label: label[source],
        )
    )
    names = draw(st.lists(UPPER, min_size=count, max_size=count, unique=True))
    value_names = draw(st.lists(UPPER, min_size=len(labels), max_size=len(labels), unique=True))
    key = "g_" + draw(SNAKE_SUFFIX)
    note = "t_" + draw(SNAKE_SUFFIX)
    codes = []
    for value, name in zip(values, names, strict=True):
        codes.append(
            {
                "code": value,
                key: draw(st.sampled_from(labels))[source],
                note: draw(texts(languages, clean)),
                "is_ok": draw(st.booleans()),
                "message": draw(texts(languages, clean, nonempty=True)),
                "curated": {"name": name},
            }
        )
    code_set: dict[str, Any] = {
        "title": draw(texts(languages, clean, nonempty=True)),
        "section": draw(texts(languages, clean)),
        "description": draw(texts(languages, clean)),
        "code_type": "string" if string else "integer",
        "columns": {
            "code": draw(texts(languages, clean)),
            "message": draw(texts(languages, clean)),
        },
        "attributes": [
            {
                "key": key,
                "kind": "group",
                "header": draw(texts(languages, clean)),
                "values": [
                    {"label": label, "curated": {"name": value_name}}
                    for label, value_name in zip(labels, value_names, strict=True)
                ],
            },
            {"key": note, "kind": "text", "header": draw(texts(languages, clean))},
            {"key": "is_ok", "kind": "flag", "header": draw(texts(languages, clean))},
        ],
        "curated": {"name": prefix + draw(PASCAL_SUFFIX)},
        "codes": codes,
    }
    return code_set


def _quoted(text: str) -> str:
    """A YAML double-quoted scalar of exactly ``text``: every character outside printable
    ASCII (but space) escaped, so the file itself holds nothing YAML refuses."""
    out = []
    for char in text:
        point = ord(char)
        if char in '"\\':
            out.append("\\" + char)
        elif 0x20 <= point < 0x7F:
            out.append(char)
        elif point < 0x100:
            out.append(f"\\x{point:02x}")
        elif point < 0x10000:
            out.append(f"\\u{point:04x}")
        else:
            out.append(f"\\U{point:08x}")
    return '"' + "".join(out) + '"'


def to_yaml(node: object, indent: str = "") -> str:
    """``node`` as a YAML block document; every string double-quoted by ``_quoted``."""
    lines: list[str] = []
    _emit(node, indent, lines)
    return "\n".join(lines) + "\n"


def _scalar(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    assert isinstance(value, str)
    return _quoted(value)


def _emit(node: object, indent: str, lines: list[str]) -> None:
    if isinstance(node, dict):
        for key, value in node.items():
            if isinstance(value, (dict, list)) and value:
                lines.append(f"{indent}{_scalar(key)}:")
                _emit(value, indent + "  ", lines)
            else:
                lines.append(f"{indent}{_scalar(key)}: {_flow(value)}")
    else:
        assert isinstance(node, list)
        for item in node:
            if isinstance(item, dict) and item:
                sub: list[str] = []
                _emit(item, indent + "  ", sub)
                lines.append(indent + "- " + sub[0][len(indent) + 2 :])
                lines.extend(sub[1:])
            else:
                lines.append(f"{indent}- {_flow(item)}")


def _flow(value: object) -> str:
    if isinstance(value, dict):
        return (
            "{}"
            if not value
            else "{" + ", ".join(f"{_scalar(k)}: {_flow(v)}" for k, v in value.items()) + "}"
        )
    if isinstance(value, list):
        return "[" + ", ".join(_flow(v) for v in value) + "]"
    return _scalar(value)
