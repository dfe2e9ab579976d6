"""What the templates lay out, decided from the model: the names a module declares, Python
types and literals. The response envelope's views are in :mod:`codegen.render.views.schema`.

A template asks these functions (registered as Jinja filters in :mod:`codegen.render.environment`)
instead of deciding itself which classes exist, what a property returns or which codes mean
success. Names are checked again here even though :mod:`codegen.catalog.load` validates them: they
are written into code unquoted, so nothing that is not a plain identifier may get through.
"""

from __future__ import annotations

import keyword
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from codegen.catalog.declared import IMPORTS, SetNames, clashes, declarations, reserved
from codegen.catalog.model import Attribute, Catalog, Code, CodeSet, CodeValue, GroupValue, Texts
from codegen.catalog.naming import (
    ANY_CODE_NAME,
    IMPORTED_NAMES,
    PASCAL,
    SNAKE,
    UPPER_SNAKE,
    attribute_key_problem,
    pascal,
)
from codegen.errors import SpecError
from codegen.render.targets import NO_OPTIONS
from codegen.render.views.escape import py_docstring, py_str, scalar
from codegen.render.views.links import docs_page_url, docs_url

IMPORTED = IMPORTED_NAMES  # by the module; validate refuses them too (catalog.rules.catalog)
ANY_CODE = ANY_CODE_NAME  # the union of every code set (AnyCode; AnyCodeInfo in TypeScript)
RETRYABLE_DOC = "Whether the same request can succeed when retried (curated); None where unknown."
DOCS_URL_DOC = "The URL of this code's entry in the documentation."
DEPRECATED_DOC = (
    "Since when the code is to be avoided and the name of the member to use instead; "
    "None when it is not deprecated."
)
REMOVED_DOC = (
    "Since when the API no longer returns the code, and why: a tombstone, kept so that a "
    "value read from an old log is recognised, and never reused; None while it is returned."
)


@dataclass(frozen=True)
class PyGroup:
    """The enum of one group attribute, e.g. ``ApiResultCodeService`` for ``service``."""

    class_name: str
    attribute: Attribute


@dataclass(frozen=True)
class PyProperty:
    """A typed property of a code set's members, with its value for each code in order."""

    name: str
    annotation: str
    doc: str
    values: tuple[str, ...]  # Python literals, one per code of the set


def _check(name: str, pattern: re.Pattern[str], what: str, catalog: Catalog, line: int) -> str:
    if not pattern.fullmatch(name) or keyword.iskeyword(name):
        raise SpecError(f"{what} {name!r} cannot be a Python name", catalog.path, line)
    return name


def group_types(code_set: CodeSet) -> tuple[PyGroup, ...]:
    """One type per group attribute, named ``{set name}{attribute key in PascalCase}``."""
    return tuple(
        PyGroup(code_set.name + pascal(a.key), a) for a in code_set.attributes if a.kind == "group"
    )


py_groups = group_types  # the Python module's name for them: its enums


def type_names(catalog: Catalog, suffixes: Sequence[str] = ()) -> tuple[str, ...]:
    """Every type a module declares, in order: per code set its group types, then the set;
    each name followed by the name plus each of ``suffixes`` (``["Info"]`` adds
    ``ApiResultCodeInfo``). Fails when a name is not an identifier, when two types share
    one, or when one is a name the module declares itself (``AnyCode`` plus a suffix, the
    union of every code set)."""
    return _declared(catalog, suffixes, False, "types")


def py_classes(catalog: Catalog) -> tuple[str, ...]:
    """Every class of the module in order (each set's group enums, then the set), after
    checking that every name is an identifier, that no two classes share one and that none
    is a name the module imports (``IMPORTED``) or declares (``AnyCode``)."""
    return _declared(catalog, (), True, "classes")


_SINGULAR = {"classes": "class", "types": "type"}


def _declared(
    catalog: Catalog, suffixes: Sequence[str], imported: bool, what: str
) -> tuple[str, ...]:
    """The names of :func:`codegen.catalog.declared.declarations` (the one computation
    validate checks too), each set's followed by its former names, after checking them."""
    for code_set in catalog.code_sets:
        _check(code_set.name, PASCAL.pattern, "code set name", catalog, code_set.line)
        for alias in code_set.aliases:
            _check(alias, PASCAL.pattern, "former code set name", catalog, code_set.line)
    sets = [
        SetNames(s.name, s.line, tuple((a.key, s.line) for a in s.attributes if a.kind == "group"))
        for s in catalog.code_sets
    ]
    kept = reserved(suffixes, imported=imported)
    for clash in clashes(sets, suffixes, kept):
        first, line = clash.first, clash.declared.where
        if first is None:
            verb = "imports" if clash.reason == IMPORTS else "declares"
            message = (
                f"a {_SINGULAR[what]} may not be named {clash.name}: the module {verb} that name"
            )
        else:
            message = (
                f"two {what} would be named {clash.name} ({first.what}, and "
                f"{clash.declared.what}): rename a code set or an attribute"
            )
        raise SpecError(message, catalog.path, line)
    names = {d.name: d for d in declarations(sets, suffixes)}
    declared: list[str] = []
    for index, code_set in enumerate(catalog.code_sets):
        declared += [name for name, d in names.items() if d.index == index]
        for alias in code_set.aliases:
            if alias in kept or alias in names or alias in declared:
                raise SpecError(
                    f"the former name {alias} of code set {code_set.name} is already taken: "
                    "drop it, or rename the code set",
                    catalog.path,
                    code_set.line,
                )
            declared.append(alias)
        _check_members(code_set, catalog)
    return tuple(declared)


def _check_members(code_set: CodeSet, catalog: Catalog) -> None:
    codes = [(name, code.line) for code in code_set.codes for name in (code.name, *code.aliases)]
    groups = [
        (f"value name of {a.key}", [(v.name, v.line or code_set.line) for v in a.values])
        for a in code_set.attributes
    ]
    for what, members in [("code name", codes), *groups]:
        seen: set[str] = set()
        for name, line in members:
            _check(name, UPPER_SNAKE.pattern, what, catalog, line)
            if name in seen:
                raise SpecError(f"{code_set.name} has two {what}s {name}", catalog.path, line)
            seen.add(name)
    for attribute in code_set.attributes:
        _check(attribute.key, SNAKE.pattern, "attribute key", catalog, code_set.line)
        problem = attribute_key_problem(attribute.key, code_set.code_type, attribute.kind)
        if problem:  # validate refuses it first: the same rule (catalog.naming)
            raise SpecError(f"{code_set.name}: {problem}", catalog.path, code_set.line)


def py_enum_base(code_set: CodeSet) -> str:
    """``IntEnum`` for integer codes, ``str, Enum`` for string codes."""
    return "IntEnum" if code_set.code_type == "integer" else "str, Enum"


def py_code(value: CodeValue) -> str:
    """A code as a Python literal."""
    return scalar(value, py_str)


def py_texts(texts: Texts, languages: tuple[str, ...]) -> str:
    """A ``{language: text}`` mapping as a read-only ``MappingProxyType`` literal, in the
    catalog's language order; languages without a text are left out."""
    items = ", ".join(
        f"{py_str(lang)}: {py_str(texts[lang])}" for lang in languages if lang in texts
    )
    return f"MappingProxyType({{{items}}})"


def any_empty(code_set: CodeSet, key: str) -> bool:
    """Whether some code of the set has no value for ``key``: an attribute's key (an empty
    source cell) or ``retryable`` (the data says nothing)."""
    if key == "retryable":
        return any(code.retryable is None for code in code_set.codes)
    return any(code.attr(key) is None for code in code_set.codes)


def py_properties(
    code_set: CodeSet, catalog: Catalog, options: Mapping[str, object] = NO_OPTIONS
) -> tuple[PyProperty, ...]:
    """The typed properties a set's members carry besides ``message`` and ``messages``:
    one per attribute, ``retryable`` when any code says whether it is, and ``docs_url`` when
    the option ``docs_base_url`` is set (see :func:`.links.docs_page_url`)."""
    groups = {g.attribute.key: g.class_name for g in group_types(code_set)}
    properties = [
        _attribute_property(code_set, a, groups.get(a.key, ""), catalog)
        for a in code_set.attributes
    ]
    retryable = [code.retryable for code in code_set.codes]
    if any(r is not None for r in retryable):
        properties.append(_property("retryable", "bool", RETRYABLE_DOC, retryable))
    page = docs_page_url(options, catalog)
    if page:
        urls = [py_str(docs_url(page, code_set.name, code.value)) for code in code_set.codes]
        properties.append(_property("docs_url", "str", DOCS_URL_DOC, urls))
    if catalog.has_lifecycle:
        properties += _lifecycle_properties(code_set)
    return tuple(properties)


def _lifecycle_properties(code_set: CodeSet) -> list[PyProperty]:
    """``deprecated`` and ``removed``: a ``Deprecation(since, use)`` / ``Removal(since,
    reason)`` literal or None per code. On every set of a catalog that has a record, so
    that any member (a union of sets, as ``lookup`` returns) answers both."""
    deprecated, removed = [], []
    for code in code_set.codes:
        d, r = code.deprecated, code.removed
        use = py_str(d.use) if d and d.use else "None"
        deprecated.append(f"Deprecation({py_str(d.since)}, {use})" if d else "None")
        removed.append(f"Removal({py_str(r.since)}, {py_str(r.reason)})" if r else "None")
    return [
        PyProperty("deprecated", "Optional[Deprecation]", DEPRECATED_DOC, tuple(deprecated)),
        PyProperty("removed", "Optional[Removal]", REMOVED_DOC, tuple(removed)),
    ]


def lifecycle_note(code: Code) -> str:
    """What the docs of a deprecated or removed code say of it (English, one sentence); ""
    for another code: ``Deprecated since 2026-12: use INVALID_APPKEY instead.``, ``Removed
    since 2026-12: no longer returned, kept to recognise old logs, never reused. Reason: …``"""
    if code.deprecated:
        use = f": use {code.deprecated.use} instead" if code.deprecated.use else ""
        return f"Deprecated since {code.deprecated.since}{use}."
    if code.removed:
        reason = f" Reason: {code.removed.reason}" if code.removed.reason else ""
        return (
            f"Removed since {code.removed.since}: no longer returned, kept to recognise old "
            f"logs, never reused.{reason}"
        )
    return ""


def py_member_doc(code: Code, lang: str) -> str:
    """The string literal under a member: its message in ``lang``, and for a deprecated or
    removed code a paragraph saying so (:func:`lifecycle_note`)."""
    note = lifecycle_note(code)
    message = code.message.get(lang, "")
    return py_docstring(f"{message}\n\n{note}" if note else message)


def _property(name: str, type_: str, doc: str, values: Sequence[object]) -> PyProperty:
    optional = any(v is None for v in values)
    literals = tuple(v if isinstance(v, str) else repr(v) for v in values)
    return PyProperty(name, f"Optional[{type_}]" if optional else type_, doc, literals)


def _attribute_property(
    code_set: CodeSet, attribute: Attribute, group_class: str, catalog: Catalog
) -> PyProperty:
    source = catalog.source_language
    doc = f"The {attribute.header.get(source) or attribute.key} column of the source table."
    values: list[object] = []
    for code in code_set.codes:
        value = code.attr(attribute.key)
        if value is None or isinstance(value, bool):
            values.append(value)
        elif isinstance(value, GroupValue):
            if value.name not in {v.name for v in attribute.values}:
                raise SpecError(
                    f"{code.name} has a {attribute.key} that is not one of its values",
                    catalog.path,
                    code.line,
                )
            values.append(f"{group_class}.{value.name}")
        else:
            values.append(py_str(value.get(source, "")))
    type_ = {"group": group_class, "flag": "bool", "text": "str"}[attribute.kind]
    return _property(attribute.key, type_, doc, values)
