"""Template inheritance, checked: an override that extends a template may only fill blocks
that template has.

Jinja renders a child template (``{% extends "builtin/docs_page.md.j2" %}``) by rendering
its parent with the child's blocks in place of the parent's blocks of the same name. A
block the parent does not have (a typo, a block of another template, a block that a
newer codegen renamed) is never rendered, and Jinja says nothing. :func:`check_extends`
makes it an error naming the block, before anything is rendered.

Only the child's top-level blocks are checked: a block nested inside another block of the
child is part of that block's text and is rendered with it.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Iterator, Sequence

from jinja2 import Environment, TemplateNotFound, nodes

from codegen.errors import TemplateError


def check_extends(environment: Environment, name: str, shown: Callable[[str], str]) -> None:
    """Fail when the template ``name``, or a template it extends, extends another and fills
    a block that the other (or a template that one extends in turn) does not define.

    ``shown`` turns a template's file name into the path errors name. A parent named by an
    expression rather than a string, or one that does not exist, is left to Jinja, which
    reports the latter when it renders. Raises :class:`TemplateError` at the first unknown
    block: ``templates/docs_page.md.j2:3: block 'footr' is not a block of ...``."""
    seen: set[str] = set()
    current: str | None = name
    while current is not None and current not in seen:
        seen.add(current)
        parsed = _parsed(environment, current)
        if parsed is None:
            return
        template, filename = parsed
        parent = _parent(template)
        known = None if parent is None else _all_blocks(environment, parent, {current})
        if parent is None or known is None:
            return
        for block in _top_level_blocks(template):
            if block.name not in known:
                raise TemplateError(
                    _unknown(block.name, parent, known), shown(filename or current), block.lineno
                )
        current = parent


def _unknown(block: str, parent: str, known: Sequence[str]) -> str:
    close = difflib.get_close_matches(block, known, n=1)
    hint = f"did you mean {close[0]}? " if close else ""
    return (
        f"block {block!r} is not a block of {parent}, so it would never be rendered; {hint}"
        f"(its blocks: {', '.join(known) or 'none'}; see docs/configuration.md)"
    )


def _parsed(environment: Environment, name: str) -> tuple[nodes.Template, str | None] | None:
    """The syntax tree of the template ``name`` and its file; None when it extends nothing
    (the common case, decided without parsing) or cannot be found."""
    if environment.loader is None:
        return None
    try:
        source, filename, _ = environment.loader.get_source(environment, name)
    except TemplateNotFound:
        return None
    if "extends" not in source:
        return None
    return environment.parse(source, name, filename), filename


def _parent(template: nodes.Template) -> str | None:
    """The template a child extends, when it names it by a string."""
    for node in template.find_all(nodes.Extends):
        if isinstance(node.template, nodes.Const) and isinstance(node.template.value, str):
            return node.template.value
        return None
    return None


def _all_blocks(environment: Environment, name: str, seen: set[str]) -> tuple[str, ...] | None:
    """Every block a template defines, nested ones too, then those of the templates it
    extends, in the order they appear; None when one of them cannot be read."""
    if name in seen or environment.loader is None:
        return None
    try:
        source, filename, _ = environment.loader.get_source(environment, name)
    except TemplateNotFound:
        return None
    template = environment.parse(source, name, filename)
    names = [block.name for block in template.find_all(nodes.Block)]
    parent = _parent(template)
    if parent is not None:
        inherited = _all_blocks(environment, parent, seen | {name})
        if inherited is None:
            return None
        names.extend(inherited)
    return tuple(dict.fromkeys(names))


def _top_level_blocks(node: nodes.Node) -> Iterator[nodes.Block]:
    """The blocks of ``node`` that sit in no other block, in order."""
    for child in node.iter_child_nodes():
        if isinstance(child, nodes.Block):
            yield child
        else:
            yield from _top_level_blocks(child)
