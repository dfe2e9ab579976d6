"""Anchors and docs URLs: where a code's row is on the generated docs page.

``code_anchor`` is the HTML id of a code's row, computable from the code alone; the docs
page (``docs_page.md.j2``) writes it, and ``docs_page_url`` and ``docs_url`` link a member to
it from generated code (``.docs_url``), ``explain`` and problem ``type`` URIs.
"""

from __future__ import annotations

from collections.abc import Mapping
from urllib.parse import quote, urlsplit

from codegen.catalog.model import Catalog, CodeValue
from codegen.errors import InputError, kind_of


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
