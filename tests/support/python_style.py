"""The proof that the built-in Python module is written in its formatters' style: black (at
the version the tests pin) and ruff's formatter, as a ``formatter = "ruff"`` target runs it,
change nothing, and it parses for the oldest Python it supports. Used by the layout tests
and the property suite."""

from __future__ import annotations

import ast

import black
import pytest

from codegen.render.formatters import format_ruff
from codegen.render.targets import PYTHON_LINE_LENGTH, PYTHON_TARGET_VERSION

MODE = black.Mode(
    target_versions={black.TargetVersion[f"PY{PYTHON_TARGET_VERSION.replace('.', '')}"]},
    line_length=PYTHON_LINE_LENGTH,
)
VERSION = tuple(int(part) for part in PYTHON_TARGET_VERSION.split("."))


def first_difference(ours: str, theirs: str, who: str) -> str:
    """Where ``theirs`` (a formatter's output) first differs from ``ours``, as a message."""
    lines = zip(ours.splitlines(), theirs.splitlines(), strict=False)
    found = next(((n, p) for n, p in enumerate(lines, 1) if p[0] != p[1]), None)
    if found is None:
        return f"{who} changes the line count or the ends of lines"
    number, (mine, formatted) = found
    return f"{who} changes line {number}:\n  ours:  {mine!r}\n  {who}: {formatted!r}"


def assert_black_keeps(text: str) -> None:
    formatted = black.format_str(text, mode=MODE)
    if formatted != text:  # show the first difference, not two whole modules
        pytest.fail(first_difference(text, formatted, "black"))


def assert_ruff_keeps(text: str) -> None:
    formatted = format_ruff(text, {})
    if formatted != text:
        pytest.fail(first_difference(text, formatted, "ruff"))


def assert_formatters_keep(text: str) -> None:
    """black and ``ruff format`` leave ``text`` unchanged, and it parses for the oldest
    Python the module supports (``feature_version``)."""
    ast.parse(text, feature_version=(VERSION[0], VERSION[1]))
    assert_black_keeps(text)
    assert_ruff_keeps(text)
