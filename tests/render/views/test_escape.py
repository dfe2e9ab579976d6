"""The escapers, texts and anchors, each on its own: what goes in comes back out."""

from __future__ import annotations

import ast
import json
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from ruamel.yaml import YAML

from codegen.catalog.model import texts
from codegen.render.views import markdown
from codegen.render.views import texts as views_texts
from codegen.render.views.escape import json_str, py_comment, py_str, yaml_str
from codegen.render.views.links import code_anchor, set_anchor
from codegen.render.views.markdown import html_comment, md_block, md_code_spans, md_inline
from codegen.render.views.texts import localized, section_runs
from tests.support.catalogs import code, code_set, flag, group
from tests.support.text_readers import (
    CODE,
    PLAIN,
    cell_segments,
    inline_segments,
    link_mark,
    normalized,
    segments,
)

NASTY = [
    "",
    "plain",
    '"""',
    "'",
    "\\",
    "a\\nb",
    "|",
    "{{ x }}",
    "{% raw %}",
    "</script>",
    "<!--",
    "-->",
    "line\nbreak",
    "crlf\r\nend",
    "\ttab",
    "emoji 😀 and 🇯🇵",
    "right-to-left שלום مرحبا",
    "zero\u200bwidth\u200d\ufeff",
    "bidi \u202e override \u2066",
    "separator\u2028here\u2029",
    "del\x7fc1\x85",
    "  spaces around  ",
    "ends with backslash\\",
    '"quoted"',
]


@pytest.mark.parametrize("text", NASTY)
def test_py_str_evaluates_to_the_same_text(text: str) -> None:
    assert ast.literal_eval(py_str(text)) == text


@pytest.mark.parametrize("text", NASTY)
def test_py_str_writes_every_non_printable_character_as_an_escape(text: str) -> None:
    literal = py_str(text)
    assert all(c.isprintable() for c in literal)


@pytest.mark.parametrize("text", NASTY)
def test_py_comment_stays_on_one_line(text: str) -> None:
    source = f"# {py_comment(text)}\nx = 1\n"
    assert len(source.splitlines()) == 2
    assert ast.dump(ast.parse(source)) == ast.dump(ast.parse("x = 1\n"))


@pytest.mark.parametrize("text", NASTY)
def test_json_str_loads_as_the_same_text(text: str) -> None:
    encoded = json_str(text)
    assert json.loads(encoded) == text
    assert all(c.isprintable() for c in encoded)


@pytest.mark.parametrize("text", NASTY)
def test_yaml_str_loads_as_the_same_text(text: str) -> None:
    encoded = yaml_str(text)
    assert YAML(typ="safe", pure=True).load(f"key: {encoded}\n") == {"key": text}
    assert "\n" not in encoded


def test_json_escape_writes_astral_non_printables_as_surrogate_pairs() -> None:
    private_use = "\U000f0000"
    assert json_str(private_use) == '"\\udb80\\udc00"'
    assert json.loads(json_str(private_use)) == private_use


def _decoded(text: str) -> str:
    """``text`` as an HTML reader decodes it: DEL and NEXT LINE as U+FFFD."""
    return text.replace("\x85", "\ufffd").replace("\x7f", "\ufffd")


@pytest.mark.parametrize("text", [t for t in NASTY if t])
def test_md_inline_reads_back_as_the_same_text_in_a_table_cell(text: str) -> None:
    """None of these texts holds markup, so a reader sees each as written."""
    assert cell_segments(md_inline(text)) == ((_decoded(text), PLAIN),)


EM, STRONG = frozenset({"em"}), frozenset({"strong"})

# Texts in which the catalog's rule (markdown-it's code spans, emphasis and links, each
# line on its own, and nothing else) finds no markup: a reader sees each as written.
LITERAL = [
    *("&amp;", "&#42;", "<b>bold</b>", "![img](x)", "~~gone~~", "a | b", "# h"),
    *("<http://x.test>", "[ref][r]", "[r]", "[a] (x)", "[a](x", "[x](a b)"),
    *("snake_case_name", "2 * 3 * 4", "a ** b", "_ x _", "**a\nb**", "[a\nb](x)"),
    *("a lone ` backtick", "``", "```", "``one` two", "`a\nb`"),
]


@pytest.mark.parametrize("text", LITERAL)
def test_md_inline_shows_a_text_without_markup_as_written(text: str) -> None:
    assert cell_segments(md_inline(text)) == ((text, PLAIN),)
    assert segments(text) == ((text, PLAIN),)  # the rule, as the suite's expectations read it


def _link(href: str, title: str = "") -> frozenset[str]:
    return frozenset({link_mark(href, title)})


# Texts with markup, and what a reader sees: pieces of text with the elements they are in.
MARKED = [
    ("**Note**", (("Note", STRONG),)),
    ("*e* and _e_", (("e", EM), (" and ", PLAIN), ("e", EM))),
    ("***x***", (("x", EM | STRONG),)),
    (
        "see [retry rules](/docs/retries)",
        (("see ", PLAIN), ("retry rules", _link("/docs/retries"))),
    ),
    ('[a](<b c> "t&amp;")', (("a", _link("b c", "t&amp;")),)),
    ("[a](/x?y=1&amp;z=|)", (("a", _link("/x?y=1&amp;z=|")),)),
    ("[a](x\\y)", (("a", _link("x\\y")),)),
    ("[*a* `b`](#f)", (("a", EM | _link("#f")), (" ", _link("#f")), ("b", CODE | _link("#f")))),
    ("[a [b](c)](d)", (("[a ", PLAIN), ("b", _link("c")), ("](d)", PLAIN))),
    ("![x](y) [z](w)", (("![x](y) ", PLAIN), ("z", _link("w")))),
    ("\\*a\\*", (("\\", PLAIN), ("a\\", EM))),
    ("**a** `**b**`", (("a", STRONG), (" ", PLAIN), ("**b**", CODE))),
    ("CLIENT_MSG_KEY _x_", (("CLIENT_MSG_KEY ", PLAIN), ("x", EM))),
]


@pytest.mark.parametrize(("text", "shown"), MARKED)
def test_md_inline_shows_emphasis_and_links_as_the_page_did(
    text: str, shown: tuple[tuple[str, frozenset[str]], ...]
) -> None:
    assert cell_segments(md_inline(text)) == shown
    assert segments(text) == shown


def test_md_inline_writes_markup_as_html_elements() -> None:
    text = "**Note**: *retry* _later_, see [retry rules](/docs/retries) and `to`"
    assert md_inline(text) == (
        "<strong>Note</strong>: <em>retry</em> <em>later</em>, see "
        '<a href="/docs/retries">retry rules</a> and <code>to</code>'
    )


UNSAFE = [
    *("javascript:alert(1)", "JavaScript:alert(1)", "<java\tscript:alert(1)>"),
    *("< javascript:alert(1)>", "<\x01javascript:a>", "data:text/html,x", "vbscript:a"),
    *("file:///etc/passwd", "a:b/c", "chrome://settings"),
]


@pytest.mark.parametrize("target", UNSAFE)
def test_a_link_to_another_scheme_shows_as_its_text_only(target: str) -> None:
    written = md_inline(f"see [*the* rules]({target})")
    assert "<a" not in written and "href" not in written
    assert cell_segments(written) == (("see ", PLAIN), ("the", EM), (" rules", PLAIN))


@pytest.mark.parametrize(
    "target",
    [
        *("http://x.test", "HTTPS://x.test/a?b=1#c", "mailto:a@x.test", "//x.test/a"),
        *("/docs/retries", "docs/a:b", "../a", "?q=1", "#fragment"),
    ],
)
def test_a_link_to_http_https_mailto_or_a_relative_target_is_a_link(target: str) -> None:
    assert cell_segments(md_inline(f"[x]({target})")) == (("x", _link(target)),)


def test_an_href_holds_the_target_exactly_and_cannot_break_out() -> None:
    target = '/x"y>z|w`v[u]t&s*_'
    written = md_inline(f"[a]({target} 'say \"hi\" | <b>')")
    assert written == (
        '<a href="/x&#34;y&#62;z&#124;w&#96;v&#91;u&#93;t&#38;s&#42;_" '
        'title="say&#32;&#34;hi&#34;&#32;&#124;&#32;&#60;b&#62;">a</a>'
    )
    assert cell_segments(written) == (("a", _link(target, 'say "hi" | <b>')),)


def test_md_inline_without_links_shows_a_links_text() -> None:
    """For a text inside a link of the template (the index's), which cannot hold another."""
    assert md_inline("[a](/b) *c*", links=False) == "a <em>c</em>"


def test_md_code_spans_makes_no_markup_but_code_spans() -> None:
    text = "**a** _b_ [c](d) `e`"
    assert cell_segments(md_code_spans(text)) == (("**a** _b_ [c](d) ", PLAIN), ("e", CODE))


# Lines of the pieces markup is made of, for the property tests below.
MARKUP_TEXTS = st.lists(
    st.sampled_from(
        [
            *("*", "**", "_", "__", "`", "[", "]", "](", ")", "(", "<", ">", "!", "\\"),
            *(" ", "  ", "\t", "a", "b", "1.", "- ", "# ", "|", "&amp;", "<b>", "~~", "\n"),
            *("](x)", "](/a_b?c=1&d)", "](javascript:x)", '](<a b> "t")', "](#f)", "é", "😀"),
            *("*a*", "**a**", "_a_", "`a`", "[a](x)", "[a](javascript:x)", "[*a*](<b c>)"),
        ]
    ),
    max_size=12,
).map("".join)
PROPERTY = settings(derandomize=True, database=None, max_examples=400, deadline=None)


@PROPERTY
@given(MARKUP_TEXTS)
def test_every_text_reads_back_from_a_table_cell_as_the_rule_reads_it(text: str) -> None:
    """A reader of the cell sees the text's markup by the catalog's rule and every other
    character as written; the cell stays one cell; only safe targets are linked."""
    written = md_inline(text)
    assert "\n" not in written
    assert cell_segments(written) == segments(text)
    html = MarkdownIt("commonmark").enable("table").render(f"| h |\n| --- |\n| {written} |\n")
    tags = set(re.findall(r"<([a-z]+)", html)) - {"table", "thead", "tbody", "tr", "th", "td"}
    assert tags <= {"br", "code", "em", "strong", "a", "span"}
    assert "javascript" not in "".join(re.findall(r'href="([^"]*)"', html))


@PROPERTY
@given(MARKUP_TEXTS)
def test_every_text_reads_back_from_paragraphs_that_start_no_block(text: str) -> None:
    tokens = MarkdownIt("commonmark").parse(md_block(text))
    assert {t.type for t in tokens} <= {"paragraph_open", "inline", "paragraph_close"}
    pieces = []
    for index, token in enumerate(t for t in tokens if t.type == "inline"):
        pieces += [("\n\n", PLAIN)] if index else []
        pieces += inline_segments(token.children or [])
    assert normalized(pieces) == segments(text)


@pytest.mark.parametrize(
    ("line", "pieces"),
    [
        ("use `to` here", [("use ", False), ("to", True), (" here", False)]),
        ("``a ` b``", [("a ` b", True)]),
        ("`a``b`", [("a``b", True)]),
        ("` a `", [("a", True)]),
        ("`  a  `", [(" a ", True)]),
        ("` `", [(" ", True)]),
        ("x ` y", [("x ` y", False)]),
        ("``x` y", [("``x` y", False)]),
        ("`a` and `b`", [("a", True), (" and ", False), ("b", True)]),
        ("\\`x`", [("\\", False), ("x", True)]),
    ],
)
def test_code_spans_follow_the_commonmark_rule_within_a_line(
    line: str, pieces: list[tuple[str, bool]]
) -> None:
    assert markdown.code_spans(line) == pieces


def _cell_code(markdown_text: str) -> list[tuple[str, str]]:
    """The pieces of a one-cell table's body cell as markdown-it reads it: ("code", text)
    for the text inside <code>...</code>, ("text", text) outside it."""
    tokens = (
        MarkdownIt("commonmark").enable("table").parse(f"| h |\n| --- |\n| {markdown_text} |\n")
    )
    pieces: list[tuple[str, str]] = []
    kind = "text"
    for child in [t for t in tokens if t.type == "inline"][1].children or []:
        if child.type == "html_inline":
            kind = "code" if child.content == "<code>" else "text"
            assert child.content in ("<code>", "</code>"), child.content
        else:
            assert child.type == "text", child.type
            pieces.append((kind, child.content))
    return pieces


def test_md_inline_renders_code_spans_as_code_and_escapes_their_content() -> None:
    text = "set `to` | `a|b` `<b>*x*</b>` `x_y` and `` `tick` ``"
    assert md_inline(text) == (
        "set <code>to</code> &#124; <code>a&#124;b</code> "
        "<code>&lt;b&gt;&#42;x&#42;&lt;/b&gt;</code> <code>x_y</code> and <code>&#96;tick&#96;</code>"
    )
    assert _cell_code(md_inline(text)) == [
        ("text", "set "),
        ("code", "to"),
        ("text", " | "),
        ("code", "a|b"),
        ("text", " "),
        ("code", "<b>*x*</b>"),
        ("text", " "),
        ("code", "x_y"),
        ("text", " and "),
        ("code", "`tick`"),
    ]


def test_md_block_renders_code_spans_and_still_starts_no_block() -> None:
    html = MarkdownIt("commonmark").render(md_block("`1.` first\n- `x`\n\n`# h`"))
    assert html == ("<p><code>1.</code> first<br>\n- <code>x</code></p>\n<p><code># h</code></p>\n")


def test_md_block_renders_emphasis_and_links_and_still_starts_no_block() -> None:
    text = "[a](/b)\n**1.** x\n[- y](#z)\n\n*# h*\n1. [not](javascript:x) a list"
    html = MarkdownIt("commonmark").render(md_block(text))
    assert html == (
        '<p><a href="/b">a</a><br>\n<strong>1.</strong> x<br>\n<a href="#z">- y</a></p>\n'
        "<p><em># h</em><br>\n1. not a list</p>\n"
    )


def test_md_inline_keeps_underscores_inside_words_readable() -> None:
    assert md_inline("CLIENT_MSG_KEYがない") == "CLIENT_MSG_KEYがない"
    assert md_inline("snake_case_") == "snake_case&#95;"
    assert md_inline("_x_") == "<em>x</em>"


def test_md_block_keeps_paragraphs_and_line_breaks_and_starts_no_block() -> None:
    text = "1. not a list\n- not an item\n# not a heading\n\n> not a quote\n=== not a rule"
    html = MarkdownIt("commonmark").render(md_block(text))
    assert html.count("<p>") == 2
    for tag in ("<ol", "<ul", "<h1", "<blockquote", "<h2", "<hr"):
        assert tag not in html


def test_html_comment_cannot_close_the_comment() -> None:
    for text in ("-->", "--!>", "a---b", "x\n-->\n<!--"):
        assert "--" not in html_comment(text)
        assert ">" not in html_comment(text) and "\n" not in html_comment(text)


def test_code_anchor_is_the_set_name_and_the_code() -> None:
    assert code_anchor("ApiResultCode", -1000) == "ApiResultCode--1000"
    assert code_anchor("ApiResultCode", 0) == "ApiResultCode-0"
    assert code_anchor("EmmaResultCode", "E900") == "EmmaResultCode-E900"
    assert code_anchor("ReceiveResultCode", "MTR2_1") == "ReceiveResultCode-MTR2_1"


def test_code_anchor_encodes_other_characters_so_no_two_codes_share_an_anchor() -> None:
    codes = ["a b", "a.20.b", "a.b", "e900", "E900", "é", "<x>", '"', "-1", "1"]
    anchors = [code_anchor("Set", c) for c in codes]
    assert len(set(anchors)) == len(anchors)
    assert all(c.isascii() and (c.isalnum() or c in "_-.") for a in anchors for c in a)
    assert set_anchor('Bad"Name') == "Bad.22.Name"


def test_localized_falls_back_to_the_source_language_and_says_so() -> None:
    message = texts({"ja": "成功"})
    assert localized(message, "en", "ja") == views_texts.Localized("成功", "ja", True)
    assert localized(texts({"ja": "成功", "en": "Success"}), "en", "ja").fallback is False
    assert localized(None, "en", "ja") == views_texts.Localized("", "en", False)


def test_cell_shows_group_labels_flags_and_empty_cells() -> None:
    service = group("service", {"COMMON": {"ja": "共通", "en": "Common"}})
    success = flag("is_success")
    codes = code_set(
        "Api",
        [
            code(0, "OK", "成功", service="COMMON", is_success=True),
            code(1, "NG", "x", service=None),
        ],
        (service, success),
    ).codes
    assert views_texts.cell(codes[0], service, "en", "ja").text == "Common"
    assert views_texts.cell(codes[0], success, "en", "ja").text == "true"
    assert views_texts.cell(codes[1], service, "en", "ja").text == ""


def test_section_runs_group_consecutive_sets_of_one_section() -> None:
    one = code_set("One", [code(1, "A", "a")])
    two = code_set("Two", [code(1, "A", "a")], section="S")
    three = code_set("Three", [code(1, "A", "a")], section="S")
    four = code_set("Four", [code(1, "A", "a")])
    runs = section_runs([one, two, three, four])
    assert [[s.name for s in run.code_sets] for run in runs] == [
        ["One"],
        ["Two", "Three"],
        ["Four"],
    ]
    assert [dict(run.section) for run in runs] == [{}, {"ja": "S"}, {}]
