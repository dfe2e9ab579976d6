"""The inline Markdown a catalog text may hold, read by markdown-it: code spans, emphasis
and links, nothing else.

Catalog texts are copied from documentation pages with their inline markup
(docs/catalog-format.md). :func:`inline_tokens` reads one line of a text by CommonMark's
rules for code spans (`` `to` ``), emphasis (``**bold**``, ``*em*``, ``_em_``) and inline
links (``[retry rules](/docs/retries)``, ``[x](<a b> "title")``), and by no other rule:
no character references (``&amp;`` is five characters), no backslash escapes (a backslash
is a character), no inline HTML, no autolinks, no reference links, and an image
(``![x](y)``) is its own source text. A link's target and title are taken as written, and
:func:`safe_target` says which targets a page may link to. markdown-it is imported on the
first text that needs it (:func:`may_hold_markup` says which lines do).
"""

from __future__ import annotations

import functools
import re
import types
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.rules_inline import StateInline
    from markdown_it.token import Token

# A line may hold emphasis or a link only with an asterisk, a link's "](", or an underscore
# not inside a word (CommonMark: a run of underscores between two letters or digits neither
# opens nor closes emphasis). Other lines keep the fast paths of markdown.md_inline.
_MAY_HOLD_MARKUP = re.compile(r"\*|\]\(|(?<!\w)_|_(?!\w)")


def may_hold_markup(line: str) -> bool:
    """Whether ``line`` may hold emphasis or a link (it may not when this is false)."""
    return _MAY_HOLD_MARKUP.search(line) is not None


def inline_tokens(line: str) -> list[Token]:
    """One line of a catalog text as markdown-it's inline tokens: ``text``, ``code_inline``,
    ``em_open``/``em_close``, ``strong_open``/``strong_close`` and ``link_open``/``link_close``
    (whose ``href`` and ``title`` are as the text wrote them, of any scheme). Emphasis and
    links that a line break would cut are not read: each line is read on its own."""
    tokens = _parser().parseInline(line)
    return list(tokens[0].children or []) if tokens else []


# Characters the URL parser of a browser strips from a target's ends (C0 controls and the
# space) and removes anywhere in it (tab, line feed, carriage return) before it reads the scheme.
_URL_ENDS = "".join(map(chr, range(0x21)))
_URL_REMOVED = str.maketrans("", "", "\t\n\r")
_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.\-]*:")
SAFE_SCHEMES = frozenset({"http", "https", "mailto"})


def safe_target(target: str) -> bool:
    """Whether a page may link to ``target``: an http, https or mailto URL, or a URL with no
    scheme (a relative path, ``//host/path``, ``?query``, ``#fragment``). Any other scheme
    (``javascript:``, ``data:``, ``vbscript:``, ``file:``, …) is not, also when written with
    capitals or with spaces, tabs or controls a browser would remove."""
    url = target.strip(_URL_ENDS).translate(_URL_REMOVED)
    scheme = _SCHEME.match(url)
    return scheme is None or scheme[0][:-1].lower() in SAFE_SCHEMES


@functools.cache
def _parser() -> MarkdownIt:
    """markdown-it with only the rules of the catalog's inline markup (the module's doc)."""
    from markdown_it import MarkdownIt, helpers
    from markdown_it.rules_inline import image

    class _Parser(MarkdownIt):
        def validateLink(self, url: str) -> bool:  # markdown-it's names
            return True  # every target is read; safe_target decides what becomes a link

        def normalizeLink(self, url: str) -> str:
            return url  # as written: no percent-encoding

    def destination(string: str, pos: int, maximum: int) -> helpers.parse_link_destination._Result:
        found = helpers.parseLinkDestination(string, pos, maximum)
        if found.ok:  # the target as written: neither unescaped nor entity-decoded
            angled = string[pos] == "<"
            found.str = string[pos + angled : found.pos - angled]
        return found

    def title(
        string: str, start: int, maximum: int, prev: helpers.parse_link_title._State | None = None
    ) -> helpers.parse_link_title._State:
        found = helpers.parseLinkTitle(string, start, maximum, prev)
        if found.ok:  # between its quotes or parentheses, as written
            found.str = string[start + 1 : found.pos - 1]
        return found

    def image_as_text(state: StateInline, silent: bool) -> bool:
        start = state.pos
        if not image(state, True):  # silent: finds where the image ends, makes no token
            return False
        if not silent:
            state.push("text", "", 0).content = state.src[start : state.pos]
        return True

    parser = _Parser("zero").enable(["backticks", "emphasis", "link"])
    parser.core.ruler.disable("normalize")  # no NUL replaced, no line ends rewritten
    parser.inline.ruler.before("link", "image_as_text", image_as_text)
    link_helpers = types.ModuleType(f"{__name__}.link_helpers")
    vars(link_helpers).update(
        parseLinkLabel=helpers.parseLinkLabel,
        parseLinkDestination=destination,
        parseLinkTitle=title,
    )
    parser.helpers = link_helpers
    return parser
