"""The names the generated modules declare for a catalog's code sets, and which of them
clash: one computation for ``validate`` (:mod:`codegen.catalog.rules.catalog`), for the
filters that name the types of a module (:mod:`codegen.render.views.python`) and for the
names ``import`` gives the code sets it adds (:mod:`codegen.importer.merge.sets`), so that
what one of them refuses, the others refuse too.

Each code set declares, in order, one type per group attribute, ``{set name}{Key}``
(:func:`~codegen.catalog.naming.pascal`: ``ApiResultCodeService``), then its own type,
``{set name}``. The TypeScript module declares beside each type its info record,
``{type}Info`` (:data:`TYPE_SUFFIXES`), so ``ApiCode`` and ``ApiCodeInfo`` cannot both be
code sets. The modules import some names and declare a few of their own
(:func:`reserved`): no type may take one. A former name of a set (``curated.aliases``) is
a name too; :mod:`codegen.catalog.rules.records` checks those against :func:`taken`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Generic, Literal, TypeVar

from codegen.catalog.naming import ANY_CODE_NAME, IMPORTED_NAMES, SCHEMA_NAMES, pascal

W = TypeVar("W")  # where a name is written: a NodePath for validate, a line for a template
Kind = Literal["set", "group", "record"]

#: What the built-in TypeScript module declares beside each type: ``{type}Info``.
TYPE_SUFFIXES: tuple[str, ...] = ("Info",)
IMPORTS = "a name the generated module imports"
DECLARES = "a name the generated module declares"


def reserved(suffixes: Sequence[str] = TYPE_SUFFIXES, *, imported: bool = True) -> dict[str, str]:
    """The names no type may take, each with why: those the Python module imports (with
    ``imported``) and those the modules declare themselves (``AnyCode`` and ``AnyCode``
    plus each of ``suffixes``, the lifecycle records, the response schemas)."""
    names = dict.fromkeys(IMPORTED_NAMES, IMPORTS) if imported else {}
    names |= dict.fromkeys(SCHEMA_NAMES, DECLARES)
    names |= {ANY_CODE_NAME + suffix: DECLARES for suffix in suffixes}
    return names


@dataclass(frozen=True)
class SetNames(Generic[W]):
    """What one code set contributes: its name, the keys of its group attributes, each
    with where it is written (``where``: the name's)."""

    name: str
    where: W
    groups: tuple[tuple[str, W], ...] = ()


@dataclass(frozen=True)
class Declared(Generic[W]):
    """One declared name: ``kind`` set (the set's own type), group (a group's enum) or
    record (a type plus a suffix: ``ApiCodeInfo``, of the type ``of``); ``what`` says
    whose it is, for messages; ``index`` is its set's position in the sets given."""

    name: str
    kind: Kind
    what: str
    where: W
    index: int
    of: str  # the type it belongs to: itself, or the type a record is of
    owner: str  # the set that declares it: ``code set Api``


@dataclass(frozen=True)
class Clash(Generic[W]):
    """``declared`` takes a name that ``first`` declared before it, or, when ``first`` is
    None, a name the modules keep for themselves (``reason``: :data:`IMPORTS` or
    :data:`DECLARES`)."""

    declared: Declared[W]
    first: Declared[W] | None = None
    reason: str = ""

    @property
    def name(self) -> str:
        return self.declared.name

    @property
    def records(self) -> bool:
        """Whether one of the names is a record: only the TypeScript module has the clash."""
        return "record" in (self.declared.kind, self.first.kind if self.first else "")


def declarations(
    sets: Iterable[SetNames[W]], suffixes: Sequence[str] = TYPE_SUFFIXES
) -> list[Declared[W]]:
    """Every name the modules declare for ``sets``, in order: per set, each group's enum,
    then the set's own type, each followed by itself plus each of ``suffixes``."""
    found: list[Declared[W]] = []
    for index, code_set in enumerate(sets):
        owner = f"code set {code_set.name}"
        types: list[tuple[str, Kind, str, W]] = [
            (code_set.name + pascal(key), "group", f"the enum of attribute '{key}' of {owner}", at)
            for key, at in code_set.groups
        ]
        types.append((code_set.name, "set", owner, code_set.where))
        for name, kind, what, where in types:
            found.append(Declared(name, kind, what, where, index, name, owner))
            for suffix in suffixes:
                record = f"the {suffix.lower()} type of {what}"
                found.append(Declared(name + suffix, "record", record, where, index, name, owner))
    return found


def clashes(
    sets: Iterable[SetNames[W]],
    suffixes: Sequence[str] = TYPE_SUFFIXES,
    kept: Mapping[str, str] | None = None,
) -> list[Clash[W]]:
    """Each name of :func:`declarations` that ``kept`` (default: :func:`reserved` for
    ``suffixes``) holds, or that a name declared before it already took; at most one
    clash per type (the records of a type that clashes are not reported again)."""
    kept = reserved(suffixes) if kept is None else kept
    seen: dict[str, Declared[W]] = {}
    found: list[Clash[W]] = []
    clashed: set[tuple[int, str]] = set()
    for declared in declarations(sets, suffixes):
        if (declared.index, declared.of) in clashed:
            continue
        clash = None
        if declared.name in kept:
            clash = Clash(declared, reason=kept[declared.name])
        elif declared.name in seen:
            clash = Clash(declared, seen[declared.name])
        if clash is None:
            seen[declared.name] = declared
        else:
            found.append(clash)
            clashed.add((declared.index, declared.of))
    return found


def taken(sets: Iterable[SetNames[W]], suffixes: Sequence[str] = TYPE_SUFFIXES) -> dict[str, str]:
    """Every name :func:`reserved` keeps or a set declares, with whose it is (``a name the
    generated module imports``, ``the name of a class of code set Api``, ``the name of a
    TypeScript type of code set Api``): what a former name of a set may not be."""
    names = reserved(suffixes)
    for declared in declarations(sets, suffixes):
        kind = "TypeScript type" if declared.kind == "record" else "class"
        names.setdefault(declared.name, f"the name of a {kind} of {declared.owner}")
    return names
