"""``codegen explain CODE``: every code set that has a code, and all the catalog says of it.

For the engineer who found ``-2016`` or ``E915`` in a log: the code as it appears on the
wire is matched against every set (:mod:`codegen.catalog.lookup`), and each match is shown
with its generated member (``module.Set.MEMBER``), its message in each language, its
attributes, its curated flags and its docs URL. Exit 0 when some set has the code, 1 when none has
it (with near misses, e.g. another case or leading zeros), 2 for an invalid catalog or
usage, or a number no code can be (more digits than Python reads). ``--format json``
prints the same as one JSON document (:func:`as_json`).
"""

from __future__ import annotations

import json
import posixpath
import sys
from collections.abc import Iterator, Mapping
from dataclasses import dataclass

from codegen.catalog.load import load_catalog
from codegen.catalog.lookup import Match, found_in, near_misses, too_many_digits
from codegen.catalog.model import Catalog, Code, CodeSet, CodeValue, GroupValue
from codegen.errors import ExitCode, InputError
from codegen.project.config import load_config
from codegen.render.targets import Target, catalog_for, outputs
from codegen.render.views.links import code_anchor, docs_page_url
from codegen.render.views.texts import localized

Fact = bool | str | list[str] | dict[str, str]  # as JSON gives it; as_text words it


@dataclass(frozen=True)
class Explained:
    """What ``explain`` shows of one match, every text in the languages asked for."""

    set_name: str
    set_title: dict[str, str]
    member: str  # module.Set.MEMBER, as the generated Python names it
    code: CodeValue
    message: dict[str, str]
    attributes: dict[str, Fact]  # key -> a flag, a text, or a group's {label, name}
    curated: dict[str, Fact]  # removed, deprecated, aliases, retryable, note: what we added
    docs: str  # URL, or the docs file and anchor; "" without a docs target
    where: str  # catalog path:line


def explain(
    catalog: Catalog, match: Match, langs: tuple[str, ...], docs: DocsLink | None
) -> Explained:
    """The facts of ``match`` in ``langs`` (the first one for attribute labels); a text
    missing in a language is given in the source language, under that language's key."""
    code_set, code = match.code_set, match.code
    source = catalog.source_language
    return Explained(
        set_name=code_set.name,
        set_title=_in(code_set.title, langs, source),
        member=f"{catalog.module}.{code_set.name}.{code.name}",
        code=code.value,
        message=_in(code.message, langs, source),
        attributes=dict(_attributes(code_set, code, langs[0], source)),
        curated=dict(_curated(code)),
        docs=docs.url(code_set, code) if docs else "",
        where=f"{catalog.path}:{code.line}" if code.line else catalog.path,
    )


def _in(texts: Mapping[str, str], langs: tuple[str, ...], source: str) -> dict[str, str]:
    """The text in each of ``langs``, keyed by the language it is in: the source
    language's text where a translation is missing (once, however many are missing)."""
    shown: dict[str, str] = {}
    for lang in langs:
        text = localized(texts, lang, source)
        if text.text:
            shown.setdefault(text.lang, text.text)
    return shown


def _attributes(
    code_set: CodeSet, code: Code, lang: str, source: str
) -> Iterator[tuple[str, Fact]]:
    """Each attribute the code has a value for: a flag's bool, a text attribute's text, a
    group's ``{label, name}`` (the label in ``lang``, the generated enum member's name)."""
    for attribute in code_set.attributes:
        value = code.attr(attribute.key)
        if value is None:
            continue
        if isinstance(value, bool):
            yield attribute.key, value
        elif isinstance(value, GroupValue):
            label = localized(value.label, lang, source).text
            yield attribute.key, {"label": label, "name": value.name}
        else:
            yield attribute.key, localized(value, lang, source).text


def _curated(code: Code) -> Iterator[tuple[str, Fact]]:
    """What we recorded of the code: its evolution first (a 2 a.m. reader must see that
    a code is removed before anything else), then the flags and the note. ``removed`` is
    ``{since, reason}``, ``deprecated`` ``{since, use}``, as in the catalog."""
    if code.removed is not None:
        yield "removed", {"since": code.removed.since, "reason": code.removed.reason}
    if code.deprecated is not None:
        yield "deprecated", {"since": code.deprecated.since, "use": code.deprecated.use}
    if code.aliases:
        yield "aliases", list(code.aliases)
    if code.retryable is not None:
        yield "retryable", code.retryable
    if code.note:
        yield "note", code.note


def worded(key: str, fact: Fact) -> str:
    """A fact as the text output words it: ``true``, ``共通 (COMMON)``, ``since 2.1: not in
    v2.1 (no longer returned)``, ``since 2.0; use SEVEN instead``, ``A, B``."""
    if isinstance(fact, bool):
        return "true" if fact else "false"
    if isinstance(fact, list):
        return ", ".join(fact)
    if isinstance(fact, str):
        return fact
    if key == "removed":
        reason = f": {fact['reason']}" if fact.get("reason") else ""
        return f"since {fact['since']}{reason} (no longer returned)"
    if key == "deprecated":
        use = f"; use {fact['use']} instead" if fact.get("use") else ""
        return f"since {fact['since']}{use}"
    return f"{fact['label']} ({fact['name']})"  # a group value


@dataclass(frozen=True)
class DocsLink:
    """Where the docs of a language show a code: the site's page URL (the option
    ``docs_base_url``) or, without one, the generated Markdown file."""

    page: str  # URL or path of the page, without the anchor

    def url(self, code_set: CodeSet, code: Code) -> str:
        return f"{self.page}#{code_anchor(code_set.name, code.value)}"


def docs_link(
    catalog: Catalog, targets: tuple[Target, ...], output: str, lang: str
) -> DocsLink | None:
    """The docs page of ``lang``: the first Markdown target rendering one page per
    language (output ``….md`` holding ``{lang}``); None when no target does."""
    for target in targets:
        if "{lang}" not in target.output or not target.output.endswith(".md"):
            continue
        if "docs_base_url" in target.options:
            options = {**target.options, "docs_lang": lang}
            return DocsLink(docs_page_url(options, catalog_for(target, catalog)))
        pages = {
            page_lang: path for path, page_lang in outputs(target, catalog_for(target, catalog))
        }
        return DocsLink(posixpath.join(output, pages[lang]))
    return None


def as_text(found: list[Explained]) -> str:
    """The matches as aligned ``label: value`` blocks, one per set, blank-line separated."""
    blocks: list[str] = []
    for item in found:
        title = " / ".join(item.set_title.values())
        rows: list[tuple[str, str]] = [("member", item.member)]
        rows += [(f"message [{lang}]", text) for lang, text in item.message.items()]
        facts = [*item.attributes.items(), *item.curated.items()]
        rows += [(key, worded(key, fact)) for key, fact in facts]
        rows += [("docs", item.docs)] if item.docs else []
        rows.append(("catalog", item.where))
        width = max(len(label) for label, _ in rows)
        lines = [f"{item.code} in {item.set_name}" + (f" ({title})" if title else "")]
        lines += [f"  {label + ':':<{width + 1}} {_one_line(value)}" for label, value in rows]
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks)


def _one_line(text: str) -> str:
    """A multi-line text (a note) continued on indented lines, never breaking the block."""
    return text.replace("\n", "\n    ")


def as_json(found: list[Explained]) -> str:
    """The matches as ``{"matches": [{set, title, member, code, message, attributes,
    curated, docs, catalog}]}``, keys in that order, texts by language; an attribute is a
    flag's bool, a text, or a group's ``{label, name}``; ``curated`` holds ``removed:
    {since, reason}``, ``deprecated: {since, use}``, ``aliases: [names]``, ``retryable:
    bool`` and ``note``, each only when the catalog has it."""
    items = [
        {
            "set": item.set_name,
            "title": item.set_title,
            "member": item.member,
            "code": item.code,
            "message": item.message,
            "attributes": item.attributes,
            "curated": item.curated,
            "docs": item.docs,
            "catalog": item.where,
        }
        for item in found
    ]
    return json.dumps({"matches": items}, ensure_ascii=False, indent=2)


def run(
    *,
    code: str,
    set_name: str | None,
    lang: str | None,
    format: str,
    config: str | None,
    catalog: str | None,
) -> ExitCode:
    """Print every set's entry for ``code`` (only the set ``set_name``, when given) in
    ``lang`` (None: every language), as text or JSON (``format``); NOT_FOUND (exit 1) when
    no set has it."""
    configured = load_config(config, catalog=catalog)
    loaded = configured.check_catalog(
        load_catalog(configured.catalog, derived=configured.derived_names)
    )
    if lang is not None and lang not in loaded.languages:
        raise InputError(
            f"language {lang!r} is not in the catalog; use one of {', '.join(loaded.languages)}",
            loaded.path,
        )
    langs = (lang,) if lang else loaded.languages
    found = found_in(loaded, code, set_name)
    if not found and too_many_digits(code.strip()):
        digits = len(code.strip().lstrip("+-"))
        raise InputError(
            f"{code.strip()[:20]}… has {digits:,} digits; no code has more than "
            f"{sys.get_int_max_str_digits():,}: check what was pasted",
            "codegen explain",
        )
    if not found:
        _not_found(loaded, code, set_name, format)
        return ExitCode.NOT_FOUND
    docs = docs_link(loaded, configured.targets, configured.output, lang or loaded.source_language)
    explained = [explain(loaded, match, langs, docs) for match in found]
    print(as_json(explained) if format == "json" else as_text(explained))
    return ExitCode.OK


def _not_found(catalog: Catalog, code: str, set_name: str | None, format: str) -> None:
    where = f"code set {set_name}" if set_name else f"any code set of {catalog.path}"
    close = near_misses(catalog, code)
    hint = ""
    if close:
        named = ", ".join(f"{m.code.value} ({m.code_set.name})" for m in close[:5])
        hint = f"; did you mean {named}?"
    print(f"codegen explain: {code!r} is not a code of {where}{hint}", file=sys.stderr)
    if format == "json":
        print(as_json([]))
