"""Every regular expression that sees page text runs in linear time (issue #18: patterns
of form detection, HTML whitespace and range cells took 17-93 s on 90 KB pages).

Each pattern (or the function that replaced it) gets the input it backtracked worst on,
90,000 characters long; each must finish within 1 s, a bound far above linear time (a few
milliseconds) and far below what the quadratic patterns took."""

from __future__ import annotations

import time
from collections.abc import Callable

import pytest

from codegen.importer.columns.cells import range_of
from codegen.importer.columns.languages import header_language
from codegen.importer.document import detect_form
from codegen.importer.identify.words import words
from codegen.importer.readers import lines, text
from codegen.importer.readers.aligned import is_rule
from codegen.importer.readers.html import read_html
from codegen.importer.readers.inline import _html_tag
from codegen.importer.readers.metadata import heading_text, strip_metadata

N = 90_000
SPACES = " " * N

WORST: dict[str, Callable[[], object]] = {
    "form: a pipe delimiter row of spaces": lambda: detect_form("page", SPACES + "x\n"),
    "HTML: layout whitespace without a line break": lambda: read_html(f"<p>x{SPACES}y</p>", "p"),
    "inline tag: spaces after <": lambda: _html_tag("<" + SPACES, [], None, None),
    "range cell: a~a~a~...": lambda: range_of("a~" * (N // 2) + " b"),
    "list code: underscores": lambda: lines._CODELIKE.fullmatch("_" * N + "!"),
    "list code: digits before a line break": lambda: lines._CODELIKE.fullmatch("1" * N + "\nx"),
    "aligned gap: ideographic spaces": lambda: text._ALIGNED_GAP.search("x" + "\u3000" * N),
    "border rule: dashes then a letter": lambda: is_rule("-" * N + "x"),
    "heading id: spaces before a brace": lambda: heading_text("a" + SPACES + "{"),
    "front matter title: spaces inside": lambda: strip_metadata(f"---\ntitle: a{SPACES}b\n---\n"),
    "shortcodes: unclosed openings": lambda: strip_metadata("{{<" * (N // 3) + "\n"),
    "shortcodes: one closed, then unclosed": lambda: strip_metadata(
        "{{< a >}}" + "{{<" * (N // 3) + "\n"
    ),
    "language tag in a header: spaces": lambda: header_language("(ab" + SPACES + "x"),
    "words: many <": lambda: words("<" * N),
    "words: a long word, no @": lambda: words("a" * N),
    "words: many {": lambda: words("{" * N),
}


@pytest.mark.parametrize("case", list(WORST))
def test_each_pattern_is_linear_on_its_worst_input(case: str) -> None:
    started = time.monotonic()
    WORST[case]()
    assert time.monotonic() - started < 1.0, case
