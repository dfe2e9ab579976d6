"""check's diff leaves the common start and end out before comparing, and still prints
exactly the unified diff difflib gives for the whole files."""

from __future__ import annotations

import difflib

from hypothesis import given, settings
from hypothesis import strategies as st

from codegen.check import unified_diff


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


def test_a_change_deep_in_a_long_file_is_numbered_in_the_whole_file() -> None:
    old = "".join(f"row {i}\n" for i in range(100_000))
    new = old.replace("row 76543\n", "row 76543 changed\n")
    diff = unified_diff("f", old.encode(), new)
    assert diff == _difflib(old, new)
    assert "@@ -76541,7 +76541,7 @@" in diff
