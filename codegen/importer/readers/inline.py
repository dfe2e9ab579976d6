"""The text of a Markdown inline token, as the source wrote it: what a cell or a heading of
a Markdown page holds.

Inline code, emphasis and links keep their markup (the catalog's texts are the page's own
words, markup included); entities are decoded once; ``<br>`` is a line break; an image is
its alt text. Used by :mod:`.markdown`.
"""

from __future__ import annotations

import re

from markdown_it.token import Token

from codegen.importer.readers.blocks import code_span

_KEPT_MARKUP = frozenset({"strong_open", "strong_close", "em_open", "em_close"})


def _link_end(close: Token, inline: Token) -> str:
    """``](url)`` or ``](url "title")`` for the link that ``close`` ends."""
    children = inline.children or []
    at = children.index(close)
    depth = 0
    for token in reversed(children[:at]):
        if token.type == "link_close":
            depth += 1
        elif token.type == "link_open":
            if depth == 0:
                href = str(token.attrGet("href") or "")
                title = token.attrGet("title")
                return f']({href} "{title}")' if title else f"]({href})"
            depth -= 1
    return "]"


def inline_text(token: Token) -> str:
    """The text of an inline token as the source wrote it: inline code (`` `to` ``),
    emphasis (``**b**``, ``__proto__``) and links (``[docs](https://…)``) keep their markup;
    entities are decoded once; an image is its alt text. Inline HTML is read as a browser
    shows it: ``<br>`` (also ``</br>``, ``<br />``) and ``<p>`` break the line, a list item
    starts a line with a bullet (``• ``), ``<code>`` is a code span, ``<a href>`` a link;
    other tags are left out, their text kept. Words are never glued together."""
    parts: list[str] = []
    code_at: int | None = None  # where an open <code> starts in parts
    href: str | None = None  # the target of an open <a>
    for child in token.children or []:
        if child.type == "code_inline":
            parts.append(code_span(child.content))
        elif child.type in _KEPT_MARKUP:  # **bold**, _em_, __proto__: as the source wrote it
            parts.append(child.markup)
        elif child.type == "link_open":
            parts.append("<" if child.markup == "autolink" else "[")
        elif child.type == "link_close":
            parts.append(">" if child.markup == "autolink" else _link_end(child, token))
        elif child.type in ("text", "text_special"):
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append("\n")
        elif child.type == "html_inline":
            code_at, href = _html_tag(child.content, parts, code_at, href)
        elif child.type == "image":
            parts.append(inline_text(child))
    lines = "".join(parts).split("\n")
    return "\n".join(line.strip() for line in lines).strip()


_TAG = re.compile(r"<\s*(?:(/)\s*)?([A-Za-z][A-Za-z0-9]*)")  # no two \s* side by side
_HREF = re.compile(r"""href\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.IGNORECASE)
_BREAKS = frozenset({"p", "div", "ul", "ol", "tr", "table", "dl", "dt", "dd"})


def _html_tag(
    tag: str, parts: list[str], code_at: int | None, href: str | None
) -> tuple[int | None, str | None]:
    """Add to ``parts`` what one inline HTML tag stands for; the state of an open ``<code>``
    (where it starts in ``parts``) and ``<a>`` (its target), after it."""
    found = _TAG.match(tag)
    if found is None:
        return code_at, href  # a comment or a declaration: no text
    closing, name = bool(found[1]), found[2].lower()
    if name == "br":  # <br>, </br>, <br />: each one a line break, as a browser shows it
        parts.append("\n")
    elif name in _BREAKS:
        _break(parts)
    elif name == "li" and not closing:
        _break(parts)
        parts.append("• ")
    elif name == "code" and not closing:
        code_at = len(parts)
    elif name == "code" and code_at is not None:
        content = "".join(parts[code_at:])
        del parts[code_at:]
        parts.append(code_span(content))
        code_at = None
    elif name == "a" and not closing:
        target = _HREF.search(tag)
        href = next((g for g in target.groups() if g is not None), "") if target else ""
        parts.append("[")
    elif name == "a" and href is not None:
        parts.append(f"]({href})" if href else "]")
        href = None
    return code_at, href


def _break(parts: list[str]) -> None:
    """A line break, unless the text is empty so far or already at a line's start."""
    text = "".join(parts[-2:])
    if parts and not text.endswith("\n"):
        parts.append("\n")
