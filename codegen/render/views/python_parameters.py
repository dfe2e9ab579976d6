"""The Python module's formatting of messages with parameters (issue #20), decided from the
model and laid out as black and ruff's formatter write it.

A catalog with parameters (``catalog.has_parameters``) gets ``format_message(member, /, *,
lang=None, **arguments)``, typed by one ``@overload`` per parameterised member
(``member: Literal[ApiError.QUOTA_EXCEEDED]`` with its keyword arguments) and one per code
set for its members without parameters (``member: _ApiError_plain``, a ``Literal`` alias of
them, lang only). There is no catch-all overload: it would let a parameterised member be
called without its arguments. ``format_any(member, arguments, lang)`` formats a member known
only at run time, checking names and types then. Formatting joins pieces generated as data
(:meth:`codegen.catalog.model.Code.message_pieces`: literal text, and the parameter's name in
every odd place), never ``str.format`` or ``%`` on catalog text.
"""

from __future__ import annotations

from dataclasses import dataclass

from codegen.catalog.model import Catalog, Code, CodeSet
from codegen.render.views.escape import py_str
from codegen.render.views.parameters import message_parts
from codegen.render.views.python_layout import INDENT, call_entry, fits_for_both

# The Python type an argument of each parameter type takes (number: int too, as PEP 484).
PY_TYPES = {"integer": "int", "number": "float", "string": "str"}
FUNCTION = "format_message"


@dataclass(frozen=True)
class PyFormats:
    """What one code set adds to the formatting: the alias of its members without
    parameters (``_ApiError_plain``, "" when it has none) and their names, and its
    parameterised codes."""

    plain_alias: str
    plain: tuple[str, ...]
    parameterised: tuple[Code, ...]


def py_formats(code_set: CodeSet) -> PyFormats:
    """The code set's members split into those without parameters and those with."""
    plain = tuple(f"{code_set.name}.{c.name}" for c in code_set.codes if not c.parameters)
    alias = f"_{code_set.name}_plain" if plain else ""
    return PyFormats(alias, plain, tuple(c for c in code_set.codes if c.parameters))


def _free(name: str, taken: set[str]) -> str:
    """``name``, or ``name`` with underscores added until no parameter has it."""
    while name in taken:
        name += "_"
    return name


def py_overload(member_type: str, code: Code | None = None) -> str:
    """The ``def`` line(s) of one overload of ``format_message`` (after ``@overload``), as
    black writes a stub: its positional-only member of type ``member_type``, then the
    keyword arguments of ``code``'s parameters (none without ``code``) and ``lang``."""
    parameters = code.parameters if code else ()
    member = _free("member", {p.name for p in parameters})
    arguments = [f"{member}: {member_type}", "/", "*"]
    arguments += [f"{p.name}: {PY_TYPES[p.type]}" for p in parameters]
    arguments.append("lang: Optional[str] = None")
    head, tail = f"def {FUNCTION}(", ") -> str: ..."
    one = head + ", ".join(arguments) + tail
    if fits_for_both(one):
        return one
    middle = INDENT + ", ".join(arguments)
    if fits_for_both(middle):
        return f"{head}\n{middle}\n{tail}"
    return "\n".join([head, *(f"{INDENT}{a}," for a in arguments), tail])


def py_parameters_entry(key: str, code: Code, depth: int = 2) -> str:
    """``key: MappingProxyType({name: type, ...}),``: the Python type each argument of
    ``code`` takes, by name, laid out as black would."""
    items = [f"{py_str(p.name)}: {PY_TYPES[p.type]}" for p in code.parameters]
    return call_entry(key, "MappingProxyType", items, depth)


def _tuple(items: list[str], head: str, depth: int) -> str:
    """``head(items),`` at ``depth`` indents: on one line when both formatters keep it there,
    else one item per line with a trailing comma (which both keep)."""
    pad = INDENT * depth
    if len(items) == 1:
        one = f"{pad}{head}({items[0]},),"
    else:
        one = f"{pad}{head}({', '.join(items)}),"
    if fits_for_both(one):
        return one
    return "\n".join([f"{pad}{head}(", *(f"{pad}{INDENT}{i}," for i in items), f"{pad}),"])


def py_pieces_entry(key: str, code: Code, catalog: Catalog, depth: int = 2) -> str:
    """``key: MappingProxyType({language: (piece, ...), ...}),``: ``code``'s message per
    language (those that have one, in catalog order) cut at its placeholders, literal text
    at even places and the parameter's name at odd ones, laid out as black would."""
    languages = [
        (py_str(lang), [py_str(part) for part in message_parts(code, lang, catalog)])
        for lang in catalog.languages
        if code.message.get(lang)
    ]
    pad = INDENT * depth
    inline = [
        f"{lang}: ({pieces[0]},)" if len(pieces) == 1 else f"{lang}: ({', '.join(pieces)})"
        for lang, pieces in languages
    ]
    one = f"{pad}{key}: MappingProxyType({{{', '.join(inline)}}}),"
    if fits_for_both(one):
        return one
    inner = pad + INDENT
    lines = [f"{pad}{key}: MappingProxyType(", f"{inner}{{"]
    lines += [_tuple(pieces, f"{lang}: ", depth + 2) for lang, pieces in languages]
    return "\n".join([*lines, f"{inner}}}", f"{pad}),"])
