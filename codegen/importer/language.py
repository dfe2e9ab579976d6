"""The page's language, against ``--lang`` and the catalog's languages.

A page in the source language adds and updates codes; a page in another language only
fills that language's texts (:mod:`codegen.importer.merge`). So the language decides what
an import may change: :func:`document_language` takes it from ``--lang`` (one
:data:`~codegen.catalog.naming.LANGUAGE` tag) or the catalog's source language,
:func:`check_page_language` refuses a page whose headers say it is in another language than
the one it would be imported as, and :func:`adopt_source_language` lets the first page of an
empty catalog set its source language.
"""

from __future__ import annotations

from collections import Counter

from ruamel.yaml.comments import CommentedMap

from codegen.catalog.naming import LANGUAGE
from codegen.errors import InputError
from codegen.importer.columns.headers import languages_of
from codegen.importer.document import Document


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


def check_page_language(document: Document, lang: str) -> None:
    """Refuse a page imported without ``--lang`` whose header words are mostly of one
    other language than the catalog's source (two or more of them, more than of the
    source language): it would overwrite the source texts."""
    counts: Counter[str] = Counter()
    words: dict[str, list[str]] = {}
    for table in document.tables:
        for header in table.headers:
            for language in languages_of(header):
                counts[language] += 1
                words.setdefault(language, []).append(header)
    others = sorted((-n, language) for language, n in counts.items() if language != lang)
    if not others:
        return
    count, other = -others[0][0], others[0][1]
    if count < 2 or counts[lang] >= count:
        return
    raise InputError(
        f"the page's headers ({', '.join(words[other][:3])}) are {other} words but the "
        f"catalog's source language is {lang}: give the page's language with --lang "
        f"(--lang {lang} imports it as the source language all the same)",
        document.path,
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
