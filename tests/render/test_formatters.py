"""The formatters: the built-in Python module, already in black's layout, is parsed back in
pieces (as strict as parsing it whole, errors at the line of the whole text, never the tree
of the whole module in memory at once); ruff runs as a child process that dies with codegen
(codegen.children)."""

from __future__ import annotations

import ast
import sys
from pathlib import Path

import pytest

from codegen.errors import TemplateError
from codegen.render import formatters
from codegen.render.formatters import parse_python
from tests.support.children import gone, killed_while_its_child_runs, never_ending, python

MODULE = "".join(f'class C{i}:\n    """Doc {i}."""\n\n    x = {i}\n\n\n' for i in range(50))


@pytest.fixture
def pieces(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The line count of each text ``ast.parse`` is given, the pieces as small as can be."""
    seen: list[int] = []
    parse = ast.parse

    def counted(text: str, **options: object) -> ast.Module:
        seen.append(text.count("\n"))
        return parse(text, **options)  # type: ignore[arg-type]

    monkeypatch.setattr(formatters, "PARSE_LINES", 1)
    monkeypatch.setattr(formatters.ast, "parse", counted)
    return seen


def test_a_module_is_parsed_in_pieces_of_whole_top_level_statements(pieces: list[int]) -> None:
    parse_python(MODULE, {})
    assert sum(pieces) == MODULE.count("\n")
    assert pieces == [6] * 50  # one class a piece


def test_an_error_is_reported_at_its_line_of_the_whole_text(pieces: list[int]) -> None:
    broken = MODULE.replace("    x = 41\n", "    x = = 41\n")
    with pytest.raises(TemplateError) as raised:
        parse_python(broken, {})
    assert raised.value.line == MODULE.splitlines().index("    x = 41") + 1
    assert len(pieces) == 42  # and no piece after it


@pytest.mark.parametrize(
    "text",
    [
        "x = (\n    1,\n\n\ny = 2\n",  # a bracket left open across a cut
        's = """\n\n\nclass A:\n    pass\n',  # a string left open across a cut
        "class A:\n    x = 1\n\n\n  y = 2\n",  # an indent after a cut
    ],
)
def test_a_text_invalid_as_a_whole_is_refused_in_pieces_too(pieces: list[int], text: str) -> None:
    """A piece is cut only before a statement at the top level, and a cut inside a bracket
    or a string leaves a piece that does not parse: pieces can refuse more than the whole
    (never anything black writes), never less."""
    with pytest.raises(SyntaxError):
        ast.parse(text)
    with pytest.raises(TemplateError, match="invalid Python"):
        parse_python(text, {})


def test_the_target_version_s_syntax_is_checked(pieces: list[int]) -> None:
    """``match`` is Python 3.10."""
    text = "def f(x):\n    match x:\n        case 1:\n            pass\n"
    parse_python(text, {"target_version": "3.10"})
    with pytest.raises(TemplateError, match="invalid Python"):
        parse_python(text, {"target_version": "3.9"})


linux_only = pytest.mark.skipif(
    not sys.platform.startswith("linux"),
    reason="elsewhere a child outlives a kill -9 of codegen until its pipes close",
)

FORMATS_WITH = """
import sys
from codegen.render import formatters

formatters.ruff_command = lambda: sys.argv[1]
formatters.format_ruff("x = 1\\n", {})
"""


@linux_only
def test_ruff_dies_within_a_second_of_a_kill_9_of_codegen(tmp_path: Path) -> None:
    ruff, pid_file = never_ending(tmp_path, "ruff")
    with killed_while_its_child_runs(python(FORMATS_WITH, str(ruff)), pid_file) as child:
        assert gone(child, within=1.0), f"ruff (pid {child}) outlived codegen"
