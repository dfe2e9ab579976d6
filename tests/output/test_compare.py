"""check's diff of a long file leaves the common start and end out before comparing: it
is still a correct unified diff, and difflib's own wherever lines do not repeat."""

from __future__ import annotations

import difflib
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from codegen.output import compare
from codegen.output.compare import unified_diff


@pytest.fixture(autouse=True)
def _always_trim(monkeypatch: pytest.MonkeyPatch) -> None:
    """Trim every file, not only long ones, so that small examples test the trimming."""
    monkeypatch.setattr(compare, "TRIM_ABOVE", 0)


def _difflib(old: str, new: str) -> str:
    lines = difflib.unified_diff(
        old.splitlines(keepends=True), new.splitlines(keepends=True), "a/f", "b/f"
    )
    return "".join(l if l.endswith("\n") else l + "\n\\ No newline at end of file\n" for l in lines)


@st.composite
def _edited(draw: st.DrawFn) -> tuple[str, str]:
    """A file of distinct lines, and the same file with a few blocks replaced, inserted
    or deleted (distinct lines: difflib has one best answer)."""
    size = draw(st.integers(0, 60))
    old = [f"line {i}\n" for i in range(size)]
    new = list(old)
    for edit in range(draw(st.integers(1, 3))):
        at = draw(st.integers(0, len(new)))
        cut = draw(st.integers(0, min(4, len(new) - at)))
        added = [f"new {edit}.{k}\n" for k in range(draw(st.integers(0, 4)))]
        new[at : at + cut] = added
    ends = draw(st.sampled_from(["\n", ""]))  # with or without a final newline
    text_old, text_new = "".join(old), "".join(new)
    if not ends:
        text_old, text_new = text_old.rstrip("\n"), text_new.rstrip("\n")
    return text_old, text_new


@settings(max_examples=300, deadline=None)
@given(_edited())
def test_the_diff_is_difflib_s_for_the_whole_files(pair: tuple[str, str]) -> None:
    old, new = pair
    assert unified_diff("f", old.encode(), new) == _difflib(old, new)


def _apply(old: str, diff: str) -> str:
    """``diff`` applied to ``old`` by its hunk headers, checking every context and removed
    line against ``old``: what `patch` does, without fuzz."""
    lines, out, at = old.splitlines(keepends=True), [], 0
    body = [line for line in diff.splitlines(keepends=True)[2:]]
    index = 0
    while index < len(body):
        header = re.match(r"@@ -(\d+)(?:,(\d+))? \+\d+(?:,\d+)? @@", body[index])
        assert header, body[index]
        first, count = int(header[1]), int(header[2] if header[2] is not None else 1)
        start = first - 1 if count else first
        out += lines[at:start]
        at = start
        index += 1
        while index < len(body) and not body[index].startswith("@@"):
            line = body[index]
            text = line[1:]
            if index + 1 < len(body) and body[index + 1].startswith("\\ No newline"):
                text = text.rstrip("\n")
                index += 1
            if line[0] in " -":
                assert lines[at] == text, (at, lines[at], text)
                at += 1
            if line[0] in " +":
                out.append(text)
            index += 1
    return "".join(out + lines[at:])


@settings(max_examples=500, deadline=None)
@given(
    st.lists(st.sampled_from(["a\n", "b\n", "\n", "c\n"]), max_size=40),
    st.lists(st.sampled_from(["a\n", "b\n", "\n", "c\n"]), max_size=40),
    st.booleans(),
)
def test_with_repeated_lines_the_diff_still_turns_the_old_file_into_the_new(
    old_lines: list[str], new_lines: list[str], final_newline: bool
) -> None:
    old, new = "".join(old_lines), "".join(new_lines)
    if not final_newline:
        old, new = old.rstrip("\n"), new.rstrip("\n")
    diff = unified_diff("f", old.encode(), new)
    assert (diff == "") == (old == new)
    if diff:
        assert _apply(old, diff) == new


def test_short_files_are_compared_whole(monkeypatch: pytest.MonkeyPatch) -> None:
    """The example of the review: difflib on the whole file starts the hunk with context."""
    monkeypatch.setattr(compare, "TRIM_ABOVE", 4000)
    old = "a a b a b a b b b a b a a b a b a a b a b a a a".replace(" ", "\n") + "\n"
    new_lines = old.splitlines(keepends=True)
    del new_lines[12]
    new = "".join(new_lines)
    assert unified_diff("f", old.encode(), new) == _difflib(old, new)


def test_a_change_deep_in_a_long_file_is_numbered_in_the_whole_file() -> None:
    old = "".join(f"row {i}\n" for i in range(100_000))
    new = old.replace("row 76543\n", "row 76543 changed\n")
    diff = unified_diff("f", old.encode(), new)
    assert diff == _difflib(old, new)
    assert "@@ -76541,7 +76541,7 @@" in diff


def test_a_long_diff_is_cut_with_a_line_saying_how_much_is_left_out() -> None:
    """A stale 200 MB output must not print 200 MB into a CI log."""
    from codegen.output.compare import SHOWN_DIFF_LINES, capped

    diff = "".join(f"+line {i}\n" for i in range(SHOWN_DIFF_LINES + 50))
    shown = capped(diff, "generated/docs/en.md")
    assert shown.count("\n") == SHOWN_DIFF_LINES + 1
    assert shown.endswith(
        "... 50 more lines of the diff not shown: run generate, then "
        "`git diff generated/docs/en.md` shows them all\n"
    )
    assert capped("+a\n-b\n", "x") == "+a\n-b\n"


def test_a_huge_line_is_cut_at_the_byte_budget() -> None:
    from codegen.output.compare import SHOWN_DIFF_BYTES, capped

    shown = capped("+" + "é" * SHOWN_DIFF_BYTES + "\n+next\n", "x")
    assert len(shown.encode("utf-8")) < SHOWN_DIFF_BYTES + 200
    assert " [cut]\n... 2 more lines of the diff not shown" in shown
