"""A message's parameters as the JSON Schema, the OpenAPI document and the docs pages show
them (issue #20): each parameter's name, JSON type, placeholder as a text writes it and an
example value; which codes of a set take none; a docs page's cell listing them.

An error body carries the arguments of its message in the member ``params_field`` of
:class:`~codegen.render.views.schema.ResponseView` (``params``), beside the code
(docs/configuration.md, Error responses). Registered as Jinja filters in
:mod:`codegen.render.environment`; only the templates of a catalog with parameters
(``catalog.has_parameters``) call them.
"""

from __future__ import annotations

from dataclasses import dataclass

from codegen.catalog.model import Catalog, Code, CodeSet, Parameter
from codegen.catalog.placeholders import find
from codegen.render.views.escape import json_str, yaml_str
from codegen.render.views.markdown import md_code_spans

# An example value of each parameter type: JSON (and YAML) literals; a string's example is
# the parameter's own name, so that an example body shows which argument goes where.
_EXAMPLES = {"integer": "1", "number": "0.5"}


@dataclass(frozen=True)
class ParamView:
    """One parameter of a code's message: ``name`` (the member of ``params``), ``type``
    (``string``, ``integer`` or ``number``, the JSON Schema type), ``written`` (its
    placeholder as the text in the language asked for writes it, ``{0}``, ``%(rate).2f``;
    ``""`` when that text lacks it), ``json_example`` and ``yaml_example`` (an example
    value as a JSON and as a YAML literal)."""

    name: str
    type: str
    written: str
    json_example: str
    yaml_example: str


def code_params(code: Code, catalog: Catalog, lang: str = "") -> tuple[ParamView, ...]:
    """The parameters of ``code``'s message, in their recorded order, each with its
    placeholder as the message in ``lang`` (else the source language's) writes it."""
    if not code.parameters:
        return ()
    lang = lang if code.message.get(lang) else catalog.source_language
    text = code.message.get(lang, "")
    written: dict[object, str] = {}
    for placeholder in find(text, catalog.placeholders):
        written.setdefault(placeholder.key, text[placeholder.start : placeholder.end])
    return tuple(
        _view(parameter, written.get(parameter.placeholder, "")) for parameter in code.parameters
    )


def _view(parameter: Parameter, written: str) -> ParamView:
    example = _EXAMPLES.get(parameter.type)
    return ParamView(
        parameter.name,
        parameter.type,
        written,
        example or json_str(parameter.name),
        example or yaml_str(parameter.name),
    )


def codes_without_params(code_set: CodeSet) -> tuple[Code, ...]:
    """The codes of ``code_set`` whose message takes no parameters: an error body with one
    of them carries no arguments (its ``params``, if any, is an empty object)."""
    return tuple(code for code in code_set.codes if not code.parameters)


def set_has_params(code_set: CodeSet) -> bool:
    """Whether some code of ``code_set`` still returned takes parameters: its docs table
    then has a column listing them."""
    return any(code.parameters for code in code_set.current_codes)


def md_params(code: Code, catalog: Catalog, lang: str) -> str:
    """A docs page's cell listing the parameters of ``code``'s message, one per line
    (``<br>``): the name as code, its type, and the placeholder the message in ``lang``
    takes it at, as code (``<code>quota</code> (integer): <code>{0}</code>``); ``""``
    for a message without parameters. The message's own cell stays its text as written."""
    lines: list[str] = []
    for param in code_params(code, catalog, lang):
        line = f"{_code(param.name)} ({param.type})"
        if param.written:
            line += f": {_code(param.written)}"
        lines.append(line)
    return "<br>".join(lines)


def _code(text: str) -> str:
    """``text`` as one code span; as plain text when it holds a backtick (a placeholder's
    format spec may: ``{0:`<5}``), every character still shown as written."""
    return md_code_spans(text if "`" in text else f"`{text}`")
