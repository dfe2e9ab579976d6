"""The page's language, against ``--lang`` and the catalog's languages.

A page in the source language adds and updates codes; a page in another language only
fills that language's texts (:mod:`codegen.importer.merge`). So the language decides what
an import may change: :func:`document_language` takes it from ``--lang`` (one
:data:`~codegen.catalog.naming.LANGUAGE` tag) or the catalog's source language;
:func:`check_text_language` refuses a page whose texts are clearly in another language
than the one it would be imported as (:mod:`codegen.importer.identify` tells it from the
texts), :func:`check_page_language` one imported without ``--lang`` whose header words
say so; and :func:`adopt_source_language` lets the first page of an empty catalog set its
source language.
"""

from __future__ import annotations

from collections import Counter

from ruamel.yaml.comments import CommentedMap

from codegen.catalog.naming import LANGUAGE
from codegen.errors import InputError
from codegen.importer.columns.headers import languages_of
from codegen.importer.document import Document
from codegen.importer.identify import Identified, identify_texts, primary

# The texts are "clearly" in another language Y than the one given, X, when the
# identification is this sure they are not in X (Identified.not_in: the script's word, or
# the model sure of Y) and gives X at most this probability. On 240 short API messages in
# 16 languages, read 1 to 15 at a time, no page came near it for its own language (the
# surest: 0.57, two Spanish messages read as Galician), while 98% of the pages of three
# messages were refused when given as any of the 15 other languages.
CLEAR_CONFIDENCE = 0.9
MAX_GIVEN_PROBABILITY = 0.05
MESSAGES_IN_LANG = 0.9  # a page whose messages alone are this probably in lang is not refused
# Languages close enough that the model may read a page in one as the other, so a page in
# one is never "clearly" not the other: a Norwegian page may come out Danish.
CLOSE = frozenset(
    frozenset(pair)
    for pair in (
        ("no", "da"),
        ("hr", "sr"),
        ("hr", "bs"),
        ("sr", "bs"),
        ("ms", "id"),
        ("gl", "pt"),
        ("gl", "es"),
        ("af", "nl"),
        ("fy", "nl"),
        ("lb", "de"),
        ("mk", "bg"),
    )
)


def document_language(option: str | None, root: CommentedMap | None, catalog: str) -> str:
    """The language the page is imported as: ``option`` (``--lang``), else the catalog's
    source language; InputError when ``option`` is not a language tag, or when there is no
    catalog (``root`` is None) and no ``option`` to start it with."""
    if option is None:
        if root is None:
            raise InputError(
                "there is no catalog yet: give the document's language with --lang "
                "(it becomes the catalog's source language)",
                catalog,
            )
        return str(root.get("source_language"))
    if not LANGUAGE.fullmatch(option):
        raise InputError(f'--lang "{option}" is not a language code; use e.g. ja, en or ko')
    return option


def page_texts(document: Document) -> list[str]:
    """The texts an import takes from the page as texts of its language: the page's
    title, each code table's title, section and description, its messages and the cells of
    its text columns (not the codes, headers, group labels or flags)."""
    texts = [document.title or ""]
    for table in document.tables:
        texts += [table.title or "", table.section or "", table.description or ""]
        keys = [column.key for column in table.attributes if column.kind == "text"]
        for code in table.codes:
            texts.append(code.message)
            texts += [value for key in keys if isinstance(value := code.attrs.get(key), str)]
    return [text for text in texts if text]


def identify_document(document: Document) -> Identified:
    """The language of the page's texts (:func:`page_texts`), read together."""
    return identify_texts(page_texts(document))


def clearly_other(identified: Identified, lang: str) -> bool:
    """Whether ``identified`` is clearly another language than ``lang`` (tags compared by
    primary subtag: ``en-US`` is ``en``, ``zh-Hant`` is ``zh``)."""
    return (
        identified.lang is not None
        and identified.lang != primary(lang)
        and frozenset((identified.lang, primary(lang))) not in CLOSE
        and identified.not_in(lang) >= CLEAR_CONFIDENCE
        and identified.probability(lang) <= MAX_GIVEN_PROBABILITY
    )


def check_text_language(document: Document, lang: str, given: bool) -> None:
    """Refuse a page whose texts are clearly in another language than ``lang``, the
    language it would be imported as (``given``: by ``--lang``, else the catalog's source
    language): its texts would become ``lang`` texts, overwriting them. A page whose
    messages alone read as ``lang`` is not refused (notes or a table in another language
    around them are common)."""
    found = identify_document(document)
    if not clearly_other(found, lang):
        return
    messages = [code.message for table in document.tables for code in table.codes]
    if identify_texts(messages).probability(lang) >= MESSAGES_IN_LANG:
        return  # the messages are in lang: English notes on a Korean page are no mismatch
    first = document.tables[0]
    sample = " ".join(_in_language(page_texts(document), str(found.lang)).split())
    shown = f' ("{sample[:40]}…")' if len(sample) > 40 else f' ("{sample}")' if sample else ""
    said = "as --lang says" if given else "the catalog's source language"
    raise InputError(
        f"the page's texts are in {found.lang}{shown}, not {lang}, {said}: import it with "
        f"--lang {found.lang}, or add --lang-mismatch-ok to import them as {lang} all the same",
        document.path,
        first.line,
        1,
    )


def _in_language(texts: list[str], lang: str) -> str:
    """The first of (the first 20 of) ``texts`` that reads as ``lang``, to show; else ""."""
    return next((text for text in texts[:20] if identify_texts([text]).lang == lang), "")


def clear_language(document: Document) -> str | None:
    """The language the page's texts are clearly in (a confidence of
    :data:`CLEAR_CONFIDENCE` at least), or None: what a fresh catalog takes as its source
    language when ``import`` is given no ``--lang``."""
    found = identify_document(document)
    if (
        found.lang is None
        or found.confidence < CLEAR_CONFIDENCE
        or not LANGUAGE.fullmatch(found.lang)
    ):
        return None
    return found.lang


def check_page_language(document: Document, lang: str) -> None:
    """Refuse a page imported without ``--lang`` whose header words are mostly of one
    other language than the catalog's source (two or more of them, more than of the
    source language): it would overwrite the source texts."""
    counts: Counter[str] = Counter()
    words: dict[str, list[str]] = {}
    own = primary(lang)  # pt-BR's words are pt's
    for table in document.tables:
        for header in table.headers:
            for language in languages_of(header):
                counts[language] += 1
                words.setdefault(language, []).append(header)
    others = sorted((-n, language) for language, n in counts.items() if language != own)
    if not others:
        return
    count, other = -others[0][0], others[0][1]
    if count < 2 or counts[own] >= count:
        return
    first = document.tables[0]
    raise InputError(
        f"the page's headers ({', '.join(words[other][:3])}) are {other} words but the "
        f"catalog's source language is {lang}: give the page's language with --lang "
        "(--lang-mismatch-ok imports it as the source language all the same)",
        document.path,
        first.line,
        1,
    )


def adopt_source_language(root: CommentedMap, lang: str, catalog: str) -> str:
    """Make ``lang`` the source language of a catalog without code sets (as ``init`` left
    it, perhaps for another language); the note to print."""
    previous = str(root["source_language"])
    root["source_language"] = lang
    languages = root["languages"]
    rest = [str(other) for other in languages if other not in (lang, previous)]
    del languages[:]
    languages.extend([lang, *rest])
    return (
        f"{catalog}: note: the catalog had no code set yet, so its source language is now "
        f"{lang} (was {previous})"
    )
