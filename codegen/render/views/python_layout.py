"""Python literals laid out the way black lays them out, so black has nothing to change.

The built-in Python template writes black's layout itself: with the default line length
its output is written as rendered, only parsed back, and black never runs on it
(:func:`codegen.render.formatters.format_text`, ``laid_out``). Black builds a syntax tree
of the whole module, time and memory for every line, and a module has about 10 lines a
code and 45 a code set. ``tests/render/views/test_python_layout.py`` renders the built-in template
over real, synthetic and hostile catalogs and checks that black changes nothing; a
layout that differed from black's would be written as it is (valid Python: it is
parsed back), not reformatted.

Widths are counted as black counts them (:func:`str_width`, by black's table copied into
:mod:`codegen.render.views.widths`): East Asian wide and fullwidth characters and emoji
take two columns, every other character one.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from codegen.render.views import widths
from codegen.render.views.escape import py_str

LINE_LENGTH = 100  # black's line length in this project (targets.PYTHON_LINE_LENGTH)
INDENT = "    "


def str_width(text: str) -> int:
    """The columns ``text`` takes in a terminal, as black measures a line: by codegen's copy
    of black's table of East Asian widths (:mod:`codegen.render.views.widths`; wide and
    fullwidth characters and emoji take two columns), which comes from a newer Unicode
    than some Pythons ship, so that the layout is black's whatever the Python and
    whichever black is installed."""
    return widths.str_width(text)


def fits(line: str, line_length: int = LINE_LENGTH) -> bool:
    """Whether ``line`` is at most ``line_length`` columns wide."""
    if len(line) > line_length:
        return False  # no character is narrower than one column
    return 2 * len(line) <= line_length or str_width(line) <= line_length


def _table_form(head: str, call: str) -> str:
    """How black writes ``head = call({...})`` (``head`` is ``name: Annotation[...]``):
    "plain" when ``head = call(`` fits; else "wrapped" (the right-hand side in parentheses)
    when ``head = (`` fits; else "split" (the annotation's brackets split)."""
    if fits(f"{head} = {call}("):
        return "plain"
    if fits(f"{head} = (") or "[" not in head or not head.endswith("]"):
        return "wrapped"
    return "split"


def table_depth(head: str, call: str = "MappingProxyType") -> int:
    """The indents of the entries of the table ``head = call({...})``: 3 when black wraps
    the right-hand side in parentheses, else 2."""
    return 3 if _table_form(head, call) == "wrapped" else 2


def table_open(head: str, call: str = "MappingProxyType") -> str:
    """The lines that open the table ``head = call({``, as black writes them."""
    form = _table_form(head, call)
    if form == "plain":
        return f"{head} = {call}(\n{INDENT}{{"
    if form == "wrapped":
        return f"{head} = (\n{INDENT}{call}(\n{INDENT * 2}{{"
    name, _, arguments = head[:-1].partition("[")
    return f"{name}[\n{INDENT}{arguments}\n] = {call}(\n{INDENT}{{"


def table_close(head: str, call: str = "MappingProxyType") -> str:
    """The lines that close what :func:`table_open` opened."""
    if _table_form(head, call) == "wrapped":
        return f"{INDENT * 2}}}\n{INDENT})\n)"
    return f"{INDENT}}}\n)"


def indented(line: str, depth: int = 2) -> str:
    """``line`` at ``depth`` indents."""
    return INDENT * depth + line


def fits_for_both(line: str, line_length: int = LINE_LENGTH) -> bool:
    """Whether black and ruff's formatter both count ``line`` at most ``line_length``
    columns wide (:func:`~codegen.render.views.widths.width_range`)."""
    return len(line) <= line_length and widths.width_range(line)[1] <= line_length


def too_long_for_both(line: str, line_length: int = LINE_LENGTH) -> bool:
    """Whether black and ruff's formatter both count ``line`` wider than ``line_length``."""
    return widths.width_range(line)[0] > line_length


def call_entry(
    key: str, call: str, items: Sequence[str], depth: int = 2, line_length: int = LINE_LENGTH
) -> str:
    """The dict entry ``key: call({item, ...}),`` at ``depth`` indents, as black and ruff's
    formatter split it: on one line when it fits; else the ``{...}`` on a line of its
    own; else one item per line, each with a trailing comma. A text whose width the two
    count differently (a combining mark, an emoji modifier) can make one of them join a
    line the other splits: where the first two forms are not certain for both, the items
    go one per line, whose magic trailing comma both keep."""
    pad = INDENT * depth
    body = "{" + ", ".join(items) + "}"
    one = f"{pad}{key}: {call}({body}),"
    if fits_for_both(one, line_length):
        return one
    inner = pad + INDENT
    middle = inner + body
    if not items or (too_long_for_both(one, line_length) and fits_for_both(middle, line_length)):
        return f"{pad}{key}: {call}(\n{middle}\n{pad}),"
    deeper = inner + INDENT
    lines = [f"{pad}{key}: {call}(", f"{inner}{{", *(f"{deeper}{item}," for item in items)]
    return "\n".join([*lines, f"{inner}}}", f"{pad}),"])


def bracketed(head: str, items: Sequence[str], close: str = ")") -> str:
    """The statement ``head`` + the items joined by commas + ``close`` (``head`` ends with the
    opening bracket: ``"x = f("``, ``"T = Union["``), at the top level, as black splits it: on
    one line when it fits; else the items on one line of their own; else one item per line,
    each with a trailing comma."""
    one = f"{head}{', '.join(items)}{close}"
    if fits(one):
        return one
    middle = INDENT + ", ".join(items)
    if fits(middle) or len(items) < 2:
        return f"{head}\n{middle}\n{close}"
    return "\n".join([head, *(f"{INDENT}{item}," for item in items), close])


def py_texts_entry(
    key: str, texts: Mapping[str, str], languages: Sequence[str], depth: int = 2
) -> str:
    """``key: MappingProxyType({language: text, ...}),`` laid out as black would, in the
    catalog's language order; languages without a text are left out."""
    items = [f"{py_str(lang)}: {py_str(texts[lang])}" for lang in languages if lang in texts]
    return call_entry(key, "MappingProxyType", items, depth)
