"""The catalog's texts as a page or a module shows them: in the language asked for, else the
source language's (marked), and so in a docs page's cell; a code's message, marked when it is a stale translation; a
code's cell in a column; code sets grouped under their section; integer codes a JavaScript
number can hold.

Jinja filters of the built-in templates (:mod:`codegen.render.environment`), used by
``explain`` too.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace

from codegen.catalog.model import Attribute, Catalog, Code, CodeSet, GroupValue, Texts
from codegen.errors import SpecError
from codegen.render.views.markdown import md_inline

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


@dataclass(frozen=True)
class Localized:
    """A text in the language asked for, or in the source language when it is missing."""

    text: str
    lang: str  # the language ``text`` is in
    fallback: bool  # True when ``lang`` is not the language asked for
    stale: bool = False  # True for a translation of an earlier source text (curated.stale)


def localized(texts: Texts | None, lang: str, source: str) -> Localized:
    """The text for ``lang``; the ``source`` language's text (marked) when it is missing."""
    texts = texts or {}
    if texts.get(lang):
        return Localized(texts[lang], lang, False)
    if texts.get(source):
        return Localized(texts[source], source, True)
    return Localized("", lang, False)


def md_shown(shown: Localized) -> str:
    """``shown`` as a docs page's table cell: its text through
    :func:`~codegen.render.views.markdown.md_inline`, then ``<sup>LANG</sup>`` when it is
    the source language's text for want of a translation and ``<sup>†</sup>`` when it is a
    stale translation. The docs page's ``show`` macro, in Python: it is written once per
    cell (a macro call costs several times a filter's)."""
    text = md_inline(shown.text)
    if shown.fallback:
        text += f" <sup>{md_inline(shown.lang)}</sup>"
    return text + " <sup>†</sup>" if shown.stale else text


def code_message(code: Code, lang: str, source: str) -> Localized:
    """The code's message as :func:`localized` gives it, ``stale`` when it is the code's
    message in ``lang`` and the catalog marks it stale (``curated.stale``): a translation
    written for an earlier source-language message."""
    shown = localized(code.message, lang, source)
    if shown.fallback or not code.is_stale(lang):
        return shown
    return replace(shown, stale=True)


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
