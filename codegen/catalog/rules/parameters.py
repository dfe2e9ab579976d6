"""The rules of message parameters: each code's ``curated.parameters`` records exactly the
placeholders of its source-language message, and every translation takes the same ones.

A translation with a placeholder the source message does not have is an error (a client
formatting it has no argument for it: the text would keep a raw ``{1}``); one that lacks
a placeholder of the source is a warning (:func:`missing_placeholders`: the formatted text
leaves that argument out, which a translator may mean). Placeholders are found in the
syntaxes the catalog's ``curated.placeholders`` lists (:mod:`codegen.catalog.placeholders`).
"""

from __future__ import annotations

import keyword
from typing import Any

from codegen.catalog.placeholders import (
    DEFAULT_SYNTAXES,
    SYNTAXES,
    Key,
    Placeholder,
    Syntax,
    by_key,
    find,
    shown_key,
)
from codegen.catalog.plain import NodePath, Problem
from codegen.catalog.rules.context import Context, describe_code, dicts, mapping

RESERVED = ("lang", "__proto__")  # the formatters' own argument; JavaScript's prototype slot
FORMATTER = "_format"  # what the Python module's formatters call: a parameter would hide it


def syntaxes_of(data: object) -> tuple[Syntax, ...]:
    """The placeholder syntaxes of catalog data: its ``curated.placeholders``, else the
    default ones; the known names only (the schema reports the others)."""
    listed = mapping(mapping(data).get("curated")).get("placeholders")
    if not isinstance(listed, list):
        return DEFAULT_SYNTAXES
    return tuple(s for s in SYNTAXES if s in listed)


def check_parameters(context: Context) -> None:
    """Every code's parameter records against its source message, and each translation's
    placeholders against the source's (extra ones only: missing ones are warnings)."""
    source = context.source
    if source is None:
        return
    syntaxes = syntaxes_of(context.data)
    for s, code_set in dicts(context.data.get("code_sets")):
        for c, code in dicts(code_set.get("codes")):
            path: NodePath = ("code_sets", s, "codes", c)
            messages = mapping(code.get("message"))
            text = messages.get(source)
            if not isinstance(text, str):
                continue
            found = find(text, syntaxes)
            what = describe_code(code, c)
            _check_mixed(context, path + ("message", source), found, what, source)
            keys = by_key(found)
            hidden = (mapping(code_set.get("curated")).get("name"), FORMATTER)
            _check_records(context, path, code, keys, what, source, hidden)
            for lang, other in messages.items():
                if lang == source or not isinstance(other, str) or _stale(code, lang):
                    continue  # a stale translation predates the source: a warning
                extra = [k for k in by_key(find(other, syntaxes)) if k not in keys]
                if extra:
                    context.add(
                        path + ("message", lang),
                        f"the {lang} message of {what} has {_listed(extra)}, which its "
                        f"{source} message does not have: a translation takes the source "
                        "message's parameters; fix the placeholder (or the source message)",
                    )


def _stale(code: dict[Any, Any], lang: str) -> bool:
    """Whether ``lang``'s message of ``code`` is marked stale (``curated.stale``)."""
    stale = mapping(code.get("curated")).get("stale")
    return isinstance(stale, list) and lang in stale


def missing_placeholders(data: object) -> list[Problem]:
    """Every translation that lacks a placeholder of its source message, and every stale
    translation (``curated.stale``) with a placeholder its source message no longer has,
    as a problem at that translation: warnings for ``validate``. A source page re-imported
    without a placeholder its translations still have marks them stale; refusing that
    import would leave no order of imports that works. Run on a catalog the rules
    passed."""
    root = mapping(data)
    source = root.get("source_language")
    syntaxes = syntaxes_of(root)
    found: list[Problem] = []
    for s, code_set in dicts(root.get("code_sets")):
        for c, code in dicts(code_set.get("codes")):
            messages = mapping(code.get("message"))
            text = messages.get(source)
            if not isinstance(text, str):
                continue
            keys = by_key(find(text, syntaxes))
            for lang, other in messages.items():
                if lang == source or not isinstance(other, str):
                    continue
                its = by_key(find(other, syntaxes))
                at = ("code_sets", s, "codes", c, "message", lang)
                what = describe_code(code, c)
                extra = [k for k in its if k not in keys] if _stale(code, lang) else []
                if extra:
                    found.append(
                        Problem(
                            at,
                            f"the stale {lang} message of {what} has {_listed(extra)}, which its "
                            f"{source} message no longer has: formatted, it shows as written; "
                            "re-import the translated page",
                        )
                    )
                lacking = [k for k in keys if k not in its]
                if lacking:
                    found.append(
                        Problem(
                            at,
                            f"the {lang} message of {what} lacks {_listed(lacking)} of its "
                            f"{source} message: formatted, it leaves that argument out; add the "
                            "placeholder to the translation",
                        )
                    )
    return found


def _listed(keys: list[Key]) -> str:
    shown = ", ".join(shown_key(key) for key in keys)
    return f"placeholder{'s' if len(keys) > 1 else ''} {shown}"


def _check_mixed(
    context: Context, path: NodePath, found: tuple[Placeholder, ...], what: str, lang: str
) -> None:
    """Numbered and unnumbered placeholders in one text would take the same numbers."""
    syntaxes = {p.syntax for p in found if isinstance(p.key, int)}
    if len(syntaxes) > 1:
        context.add(
            path,
            f"the {lang} message of {what} mixes numbered placeholders of "
            f"{' and '.join(sorted(syntaxes))}: use one syntax, so each number names one "
            "parameter",
        )


def _check_records(
    context: Context,
    path: NodePath,
    code: dict[Any, Any],
    keys: dict[Key, Placeholder],
    what: str,
    source: str,
    hidden: tuple[object, ...],
) -> None:
    """The records name each placeholder of the source message once, and nothing else;
    no name is one the Python formatter's body needs (``hidden``: the code set's name and
    :data:`FORMATTER`)."""
    curated = mapping(code.get("curated"))
    records = curated.get("parameters")
    listed = path + ("curated", "parameters")
    recorded: dict[Key, NodePath] = {}
    names: dict[str, NodePath] = {}
    for r, record in dicts(records):
        at = listed + (r,)
        key = record.get("placeholder")
        name = record.get("name")
        if isinstance(name, str):
            if keyword.iskeyword(name) or name in RESERVED:
                context.add(
                    at + ("name",),
                    f"parameter name {name} of {what} is a Python keyword, the formatting "
                    "functions' own argument (lang) or JavaScript's prototype slot "
                    "(__proto__): rename it",
                )
            elif name in hidden:
                context.add(
                    at + ("name",),
                    f"parameter name {name} of {what} would hide a name the generated Python "
                    "formatter uses (its code set's class, or _format): rename it",
                )
            else:
                context.first_time(names, name, at + ("name",), "parameter name", "rename it")
        if isinstance(key, bool) or not isinstance(key, (int, str)):
            continue  # the schema's problem
        if not context.first_time(
            recorded, key, at + ("placeholder",), "parameter placeholder", "remove one record"
        ):
            continue
        if key not in keys:
            context.add(
                at + ("placeholder",),
                f"parameter {name} of {what} is for placeholder {shown_key(key)}, which its "
                f"{source} message does not have: remove the record, or fix its placeholder",
            )
    missing = [key for key in keys if key not in recorded]
    if missing:
        fix = ", ".join(f"{{name: ..., type: {keys[k].type}, placeholder: {k}}}" for k in missing)
        context.add(
            listed if isinstance(records, list) else path + ("curated",),
            f"the {source} message of {what} has {_listed(missing)} but "
            f"curated.parameters records no parameter for {'them' if len(missing) > 1 else 'it'}: "
            f"add {fix} (or import the page again, which records it)",
        )
