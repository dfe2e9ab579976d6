"""The text of a Markdown inline token, as the source wrote it: what a cell or a heading of
a Markdown page holds.

Inline code, emphasis and links keep their markup (the catalog's texts are the page's own
words, markup included); entities are decoded once; ``<br>`` is a line break; an image is
its alt text. Used by :mod:`.markdown`.
"""

from __future__ import annotations

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
    entities are decoded once, ``<br>`` is a newline, an image is its alt text."""
    parts: list[str] = []
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
        elif (
            child.type in ("softbreak", "hardbreak")
            or child.type == "html_inline"
            and child.content.lower().startswith("<br")
        ):
            parts.append("\n")
        elif child.type == "image":
            parts.append(inline_text(child))
    lines = "".join(parts).split("\n")
    return "\n".join(line.strip() for line in lines).strip()
