"""Markdown for the docs pages: catalog texts written so a Markdown reader shows them as
the page they came from did: their code spans, emphasis and links as such
(:mod:`codegen.render.views.markup` reads them), every other character as written.

``md_inline`` writes a table cell or a heading, ``md_block`` paragraphs, ``md_code_spans`` a
text whose only markup is its code spans, ``html_comment`` the inside of ``<!-- -->``. They are Jinja filters (registered in :mod:`codegen.render.environment`), like the
escapers of the other output languages in :mod:`codegen.render.views.escape`. ``untranslated`` says
whether a page needs its legend of untranslated texts, ``stale_marked`` its legend of stale
translations.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator

from codegen.catalog.model import Catalog, GroupValue, Texts
from codegen.render.views.escape import py_comment
from codegen.render.views.markup import inline_tokens, may_hold_markup, safe_target

# Markdown: characters that can start or end markup inside a paragraph or a table cell
# (CommonMark, GFM tables and strikethrough, Python-Markdown, attribute lists, math), and
# the HTML characters. They become numeric character references, which every Markdown
# reader decodes to the character itself and never reads as markup.
_MD_SPECIAL = set("\\`*[]|~{}#!$")
_HTML_ESCAPES = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}
_MD_BLOCK_START = set("-+=")


def _md_char(text: str, index: int) -> str:
    char = text[index]
    if char == "\n":
        return "<br>"
    if char in _HTML_ESCAPES:
        return _HTML_ESCAPES[char]
    if char in _MD_SPECIAL or not char.isprintable():
        return f"&#{ord(char)};"
    if char == "_":  # only an underscore inside a word can never be emphasis
        inside = 0 < index < len(text) - 1
        if not (inside and text[index - 1].isalnum() and text[index + 1].isalnum()):
            return "&#95;"
    return char


_MD_PLAIN = re.compile(r"[^\\`*\[\]|~{}#!$&<>_ ]([^\\`*\[\]|~{}#!$&<>_]*[^\\`*\[\]|~{}#!$&<>_ ])?")


def md_inline(text: str, links: bool = True) -> str:
    """``text`` as Markdown inline content (a table cell, a heading) that a reader sees as
    ``text`` with its inline markup shown as the page it came from showed it, and as nothing
    else: code spans (`` `to` ``, see :func:`code_spans`) as ``<code>to</code>``, emphasis
    (``**b**``, ``*em*``, ``_em_``) as ``<strong>``/``<em>`` and links
    (``[retry rules](/docs/retries)``) as ``<a href>``, each line read on its own by
    :func:`codegen.render.views.markup.inline_tokens`. Every other character reads back as
    written: ``&amp;``, a backslash, ``<b>``, ``![x](y)`` and ``~~x~~`` are shown as they
    are; a character that could start markup is a character reference. Only a target that
    :func:`~codegen.render.views.markup.safe_target` allows becomes a link, and with
    ``links=False`` (a text inside a link of the template) none does: the link's text is
    shown without it. Newlines become ``<br>``; leading and trailing spaces survive. A text
    whose shown text has spaces or tabs a browser would collapse or drop (see
    :func:`keep_white_space`) is wrapped in a ``white-space: pre-wrap`` span, so the page
    also *shows* them. The result holds no ``|`` and no line break: it fits a table cell."""
    return _inline(text, True, links)


def md_code_spans(text: str) -> str:
    """``text`` as Markdown inline content whose only markup is its code spans, written as
    ``<code>`` elements as :func:`md_inline` writes them: every other character, also an
    asterisk or a link, reads back as written. For texts that are not a page's own words:
    ``codegen diff``'s names and values."""
    return _inline(text, False, False)


def _inline(text: str, emphasis: bool, links: bool) -> str:
    if text.isprintable() and _MD_PLAIN.fullmatch(text):
        # nothing to escape: most texts, without a loop over their characters
        return keep_white_space(text, text)
    chars: list[str] = []
    shown: list[str] = []
    for index, line in enumerate(text.split("\n")):
        line_chars, line_shown = _escaped_line(line, emphasis, links)
        chars += [*(["<br>"] if index else []), *line_chars]
        shown += [*(["\n"] if index else []), line_shown]
    for index in range(len(chars)):  # leading spaces would be trimmed
        if chars[index] != " ":
            break
        chars[index] = "&#32;"
    for index in reversed(range(len(chars))):
        if chars[index] != " ":
            break
        chars[index] = "&#32;"
    return keep_white_space("".join(shown), "".join(chars))


# Spaces and tabs HTML collapses into one space or drops: at either end of a line, two in a
# row, a tab. ``white-space: pre-wrap`` keeps them as written and still wraps long lines.
_COLLAPSED = re.compile(r"^[ \t]|[ \t]$|[ \t]{2}|\t", re.MULTILINE)
PRE_WRAP = '<span style="white-space: pre-wrap">'


def keep_white_space(text: str, markdown: str) -> str:
    """``markdown`` (the escaped ``text``, which a reader sees as ``text``) wrapped in a
    ``white-space: pre-wrap`` span when ``text`` has spaces or tabs a browser would collapse
    or drop; else as it is."""
    if _COLLAPSED.search(text) is None:
        return markdown
    return f"{PRE_WRAP}{markdown}</span>"


def _escaped_line(line: str, emphasis: bool, links: bool) -> tuple[list[str], str]:
    """One line of a text, escaped character by character, each code span (and with
    ``emphasis``, each emphasis and link) one element; and the line's text as a reader sees
    it (without the markup)."""
    if emphasis and may_hold_markup(line):
        return _marked_up_line(line, links)
    if "`" not in line:
        return _escaped(line), line
    parts: list[str] = []
    for piece, is_code in code_spans(line):
        escaped = _escaped(piece)
        parts += [f"<code>{''.join(escaped)}</code>"] if is_code else escaped
    return parts, line


def _escaped(piece: str) -> list[str]:
    return [_md_char(piece, i) for i in range(len(piece))]


_TAGS = {
    "em_open": "<em>",
    "em_close": "</em>",
    "strong_open": "<strong>",
    "strong_close": "</strong>",
}


def _marked_up_line(line: str, links: bool) -> tuple[list[str], str]:
    """A line that may hold emphasis or a link, read by markdown-it
    (:func:`~codegen.render.views.markup.inline_tokens`), as HTML elements around escaped
    text: the markup cannot depend on what surrounds it in the cell or paragraph."""
    parts: list[str] = []
    shown: list[str] = []
    linked = False  # whether the open link is written as one (links never nest)
    for token in inline_tokens(line):
        if token.type in ("text", "code_inline"):
            escaped = _escaped(token.content)
            parts += escaped if token.type == "text" else [f"<code>{''.join(escaped)}</code>"]
            shown.append(token.content)
        elif token.type in _TAGS:
            parts.append(_TAGS[token.type])
        elif token.type == "link_open":
            href = str(token.attrGet("href") or "")
            linked = links and safe_target(href)
            parts += [_link_tag(href, str(token.attrGet("title") or ""))] if linked else []
        elif token.type == "link_close":
            parts += ["</a>"] if linked else []
    return parts, "".join(shown)


# Characters an href or a title attribute keeps as they are; every other one is written as a
# character reference, which the browser decodes to the character, so the attribute holds
# the text's target exactly, and neither a Markdown reader (a | splits a table cell, a
# backtick or bracket is markup to Python-Markdown before it sees the tag) nor the HTML
# parser (a quote or > ends the attribute) can misread it.
_ATTRIBUTE_PLAIN = frozenset("-./:?=#%,;+_@()'")


def _link_tag(href: str, title: str) -> str:
    written = f' title="{_attribute(title)}"' if title else ""
    return f'<a href="{_attribute(href)}"{written}>'


def _attribute(value: str) -> str:
    return "".join(
        char if char.isalnum() or char in _ATTRIBUTE_PLAIN else f"&#{ord(char)};" for char in value
    )


_BACKTICKS = re.compile(r"`+")


def code_spans(line: str) -> list[tuple[str, bool]]:
    """``line`` cut into pieces ``(text, is_code)``, by CommonMark's rule for code spans: a
    run of backticks opens a span that the next run of exactly as many backticks on the
    same line closes (`` ``a ` b`` `` holds ``a ` b``); one space is taken off each end of
    the content when both ends have one and it is not all spaces. A run that nothing closes
    is text, and so is a backslash (catalog texts are plain text, but for their inline
    markup). The same rule as markdown-it's, for lines with no emphasis or link
    (:func:`codegen.render.views.markup.inline_tokens` reads the others)."""
    runs = list(_BACKTICKS.finditer(line))
    pieces: list[tuple[str, bool]] = []
    done = index = 0  # the end of the last piece; the run that may open a span
    while index < len(runs):
        opening = runs[index]
        width = opening.end() - opening.start()
        closing = next(
            (j for j in range(index + 1, len(runs)) if runs[j].end() - runs[j].start() == width),
            None,
        )
        if closing is None:
            index += 1
            continue
        content = line[opening.end() : runs[closing].start()]
        if content[:1] == content[-1:] == " " and content.strip(" "):
            content = content[1:-1]
        pieces += [(line[done : opening.start()], False), (content, True)]
        done, index = runs[closing].end(), closing + 1
    pieces.append((line[done:], False))
    return [(piece, is_code) for piece, is_code in pieces if piece or is_code]


def md_block(text: str) -> str:
    """``text`` as Markdown paragraphs that read back as ``text``, each line's markup as
    :func:`md_inline` shows it: a blank line between two lines of text separates
    paragraphs; every other line break (also at either end, or a third in a row) becomes
    ``<br>``, and no line can start a list, a heading, a quote, a code block or an HTML
    block (a line of only ``<br>``)."""
    paragraphs = []
    for paragraph in _PARAGRAPH_BREAK.split(text):
        lines = [_md_line(line) for line in paragraph.split("\n")]
        out = lines[0]
        for before, line in itertools.pairwise(lines):
            out += "<br>\n" + line if before and line else "<br>" + line
        paragraphs.append(_BR_ALONE if out == "<br>" else out)
    return "\n\n".join(p for p in paragraphs if p)


# A blank line between two lines of text (not at the ends, not part of a longer run).
_PARAGRAPH_BREAK = re.compile(r"(?<=[^\n])\n\n(?=[^\n])")
# A paragraph of one line break: ``<br>`` alone on a line would start an HTML block, which
# Markdown readers pass through as raw HTML, not as a paragraph's text.
_BR_ALONE = "<br><!-- a line break -->"


def _md_line(line: str) -> str:
    escaped = md_inline(line)
    if escaped[:1] in _MD_BLOCK_START:
        return f"&#{ord(escaped[0])};{escaped[1:]}"
    digits = len(escaped) - len(escaped.lstrip("0123456789"))
    if digits and escaped[digits : digits + 1] in (".", ")"):  # an ordered list item
        return f"{escaped[:digits]}&#{ord(escaped[digits])};{escaped[digits + 1 :]}"
    return escaped


def html_comment(text: str) -> str:
    """``text`` made safe inside ``<!-- … -->``: no ``--``, ``<``, ``>`` or line break."""
    out = py_comment(text).replace("<", "&lt;").replace(">", "&gt;")
    while "--" in out:
        out = out.replace("--", "-&#45;")
    return out


def untranslated(catalog: Catalog, lang: str) -> bool:
    """Whether the built-in docs page in ``lang`` shows some text in the source language
    because ``lang`` has none (``localized(...).fallback``, marked with its language code):
    the page then needs the legend that explains the marks. Never on the source language's
    page; on another language's page only when some title, section, note, column header,
    message or cell it shows is untranslated."""
    source = catalog.source_language
    return any(  # localized(texts, lang, source).fallback, without building the Localized
        texts and not texts.get(lang) and texts.get(source) for texts in _page_texts(catalog)
    )


def _page_texts(catalog: Catalog) -> Iterator[Texts | None]:
    """Every text the built-in docs page shows, as docs_page.md.j2 lays them out."""
    yield catalog.title
    for code_set in catalog.code_sets:
        yield from (code_set.section, code_set.title, code_set.description)
        keys = ["code", "message"]
        if any(code.retryable is not None for code in code_set.codes):
            keys.append("retryable")
        yield from (code_set.columns.get(key) for key in keys)
        yield from (attribute.header for attribute in code_set.attributes)
        for code in code_set.codes:
            yield code.message
            for attribute in code_set.attributes:
                value = code.attr(attribute.key)
                if isinstance(value, GroupValue):
                    yield value.label
                elif not isinstance(value, bool):
                    yield value


def stale_marked(catalog: Catalog, lang: str) -> bool:
    """Whether the built-in docs page in ``lang`` shows a stale translation: the message of
    some code (current or removed) in ``lang`` that the catalog marks stale
    (``code_message(...).stale``, marked ``†``); the page then needs the legend of that
    mark. Never on the source language's page, whose messages are never stale."""
    return any(code.is_stale(lang) for code_set in catalog.code_sets for code in code_set.codes)
