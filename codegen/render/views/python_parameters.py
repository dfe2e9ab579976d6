"""The Python module's formatting of messages with parameters (issue #20), decided from the
model and laid out as black and ruff's formatter write it.

A catalog with parameters (``catalog.has_parameters``) gets, per code set, a class of typed
formatters, one static method per member named as the member:
``ApiErrorMessages.QUOTA_EXCEEDED(*, quota: int, lang: Optional[str] = None) -> str``, so
mypy names the member and the argument of a bad call ("Missing named argument "quota" for
"QUOTA_EXCEEDED" of "ApiErrorMessages""). Overloads of one function keyed on each member's
``Literal`` were the first design: mypy resolves a call that matches no overload against
another one, so a missing argument was reported as the member not being one of those
without parameters. ``format_message(member, arguments, lang)`` formats a member known only
at run time, checking names and types then. Formatting joins pieces generated as data
(:func:`codegen.render.views.parameters.message_parts`), never ``str.format`` or ``%`` on
catalog text.
"""

from __future__ import annotations

import keyword

from codegen.catalog.model import Catalog, Code
from codegen.catalog.rules.parameters import FORMATTER
from codegen.errors import SpecError
from codegen.render.views.escape import py_str
from codegen.render.views.parameters import message_parts
from codegen.render.views.python_layout import INDENT, call_entry, fits_for_both

# The Python type an argument of each parameter type takes (number: int too, as PEP 484).
PY_TYPES = {"integer": "int", "number": "float", "string": "str"}
CALLED = FORMATTER  # what each formatter calls: a parameter may not take its name (validate)
SUFFIX = "Messages"  # the class of a code set's formatters: ApiErrorMessages


def _split(head: str, items: list[str], tail: str, depth: int) -> str:
    """``head`` + items + ``tail`` at ``depth`` indents, as black splits a call or a
    ``def``: on one line when it fits; else the items on one line of their own; else one
    item per line with a trailing comma."""
    pad = INDENT * depth
    one = f"{pad}{head}{', '.join(items)}{tail}"
    if fits_for_both(one):
        return one
    middle = pad + INDENT + ", ".join(items)
    if fits_for_both(middle):
        return f"{pad}{head}\n{middle}\n{pad}{tail}"
    return "\n".join([pad + head, *(f"{pad}{INDENT}{item}," for item in items), pad + tail])


def py_formatter(code: Code, set_name: str, doc: str, catalog: Catalog) -> str:
    """The static method of ``{set_name}Messages`` that formats ``code``'s message: named as
    the member, a keyword argument per parameter (typed: int, float or str) and ``lang``;
    ``doc`` (a string literal) its docstring. A parameter may not be named as the code set
    or as the function it calls (it would hide them), and must be a Python name (checked
    again here: it is written into code unquoted)."""
    for parameter in code.parameters:
        if not parameter.name.isidentifier() or keyword.iskeyword(parameter.name):
            raise SpecError(
                f"parameter name {parameter.name!r} of {set_name}.{code.name} cannot be a "
                "Python name",
                catalog.path,
                parameter.line or code.line,
            )
        if parameter.name in (set_name, CALLED):
            raise SpecError(
                f"parameter name {parameter.name} of {set_name}.{code.name} is a name the "
                "Python module uses in its formatter: rename it",
                catalog.path,
                parameter.line or code.line,
            )
    arguments = ["*", *(f"{p.name}: {PY_TYPES[p.type]}" for p in code.parameters)]
    arguments.append("lang: Optional[str] = None")
    called = [f"{set_name}.{code.name}", "lang", *(f"{p.name}={p.name}" for p in code.parameters)]
    return "\n".join(
        [
            f"{INDENT}@staticmethod",
            _split(f"def {code.name}(", arguments, ") -> str:", 1),
            f"{INDENT * 2}{doc}",
            _split(f"return {CALLED}(", called, ")", 2),
        ]
    )


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
