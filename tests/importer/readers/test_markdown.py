"""The Markdown reader that folds tables into one token reads every page as the reader that
kept markdown-it's tokens did (tests/support/markdown_reference.py): same blocks, same cells."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from codegen.importer.readers.markdown import read_markdown
from tests.support import markdown_reference
from tests.support.paths import TESTS

# Characters that matter to Markdown inline and block rules, and some that do not.
_MARKUP = "\\`*_[]()!<>&~#-:|=+{}$%@^\"' \t;/.,0123456789aZ日本語é\u00a0"
_cell = st.text(alphabet=st.sampled_from(list(_MARKUP)), max_size=24)
_word = st.text(alphabet=st.sampled_from(list("abcXYZ日本 *_`[]&<>!:-")), min_size=1, max_size=12)
_INLINE = [
    "**bold**",
    "*em*",
    "_em_",
    "`code`",
    "`a|b`",
    "[link](http://x/)",
    "[ref]",
    "![img](i.png)",
    "![alt *x*](i.png)",
    "<br>",
    "<br/>",
    "a<br />b",
    "<b>x</b>",
    "&amp;",
    "&lt;tag&gt;",
    "&#124;",
    "\\|",
    "\\*",
    "a\\\\",
    "<http://auto.link>",
    "~~strike~~",
    "x  ",
    " - ",
    "-1000",
    "(最大: 20)",
]
_rich_cell = st.one_of(
    _cell, st.sampled_from(_INLINE), st.lists(st.sampled_from(_INLINE)).map(" ".join)
)


@st.composite
def _table(draw: st.DrawFn) -> str:
    width = draw(st.integers(1, 4))
    header = [draw(_word) for _ in range(width)]
    lines = ["| " + " | ".join(h.replace("|", "\\|") for h in header) + " |"]
    lines.append(
        draw(
            st.sampled_from(
                [
                    "|" + "---|" * width,
                    "| " + " | ".join(["---"] * width) + " |",
                    "|" + ":-:|" * width,
                ]
            )
        )
    )
    for _ in range(draw(st.integers(0, 5))):
        cells = draw(st.lists(_rich_cell, min_size=max(0, width - 1), max_size=width + 1))
        row = " | ".join(cells)
        lines.append(draw(st.sampled_from([f"| {row} |", f"| {row}", f"{row} |", f"|{row}|"])))
    return "\n".join(lines)


_block = st.one_of(
    _table(),
    _word.map(lambda w: f"# {w}"),
    _word.map(lambda w: f"## {w} *x*"),
    _word.map(lambda w: f"### {w}"),
    _rich_cell.map(lambda t: f"A note: {t}"),
    _table().map(lambda t: "> " + t.replace("\n", "\n> ")),
    _table().map(lambda t: "- item\n\n  " + t.replace("\n", "\n  ")),
    _table().map(lambda t: "Paragraph line\n" + t),
    st.just("[ref]: http://example.com/ref"),
    st.just("```\n| a | b |\n|---|---|\n| 1 | 2 |\n```"),
    st.just(
        "<table>\n<tr><th>Code</th><th>Message</th></tr>\n\n<tr><td>1</td><td>x</td></tr>\n</table>"
    ),
    st.just("---"),
    st.just("1) first\n2) second"),
)
_page = st.lists(_block, min_size=1, max_size=6).map("\n\n".join)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_page)
def test_the_folded_reader_reads_a_page_as_markdown_its_tokens_did(page: str) -> None:
    assert read_markdown(page, "p.md") == markdown_reference.read_markdown(page, "p.md")


@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(_rich_cell, min_size=2, max_size=2), min_size=1, max_size=4))
def test_every_cell_reads_as_markdown_its_inline_rule_reads_it(rows: list[list[str]]) -> None:
    body = "\n".join("| " + " | ".join(cells) + " |" for cells in rows)
    page = f"[ref]: http://example.com/\n\n| Code | Message |\n|---|---|\n{body}\n"
    assert read_markdown(page, "p.md") == markdown_reference.read_markdown(page, "p.md")


def test_the_synthetic_and_sms_pages_read_the_same() -> None:

    from bench import synth
    from bench.documents import to_markdown

    pages = [to_markdown(synth.build_catalog(1000), lang) for lang in ("ja", "en")]
    for path in sorted((TESTS / "import_cases").glob("*.md")):
        pages.append(path.read_text(encoding="utf-8"))
    for page in pages:
        assert read_markdown(page, "p.md") == markdown_reference.read_markdown(page, "p.md")


@settings(max_examples=1000, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("|\\ a日`")), max_size=20))
def test_cells_are_counted_on_the_source_line_as_before(line: str) -> None:
    from codegen.importer.readers.pipes import source_cells

    assert source_cells(line) == markdown_reference._source_cells(line)
