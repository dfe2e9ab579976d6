"""The escapers, texts and anchors, each on its own: what goes in comes back out."""

from __future__ import annotations

import ast
import json

import pytest
from markdown_it import MarkdownIt
from ruamel.yaml import YAML

from codegen.catalog.model import texts
from codegen.render.views import markdown
from codegen.render.views import texts as views_texts
from codegen.render.views.escape import json_str, py_comment, py_str, yaml_str
from codegen.render.views.links import code_anchor, set_anchor
from codegen.render.views.markdown import PRE_WRAP, html_comment, md_block, md_inline
from codegen.render.views.texts import localized, section_runs
from tests.support.catalogs import code, code_set, flag, group

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


def _cell_text(markdown: str) -> str:
    """The text of a one-cell table's body cell as a Markdown reader renders it, decoded:
    text as is, <br> as a newline."""
    tokens = MarkdownIt("commonmark").enable("table").parse(f"| h |\n| --- |\n| {markdown} |\n")
    inline = [t for t in tokens if t.type == "inline"][1]
    parts = []
    for child in inline.children or []:
        if child.type == "html_inline" and child.content == "<br>":
            parts.append("\n")
        elif child.type == "html_inline" and child.content in (PRE_WRAP, "</span>"):
            continue
        else:
            assert child.type == "text", f"{child.type} in {markdown!r}"
            parts.append(child.content)
    return "".join(parts)


@pytest.mark.parametrize("text", [t for t in NASTY if t])
def test_md_inline_reads_back_as_the_same_text_in_a_table_cell(text: str) -> None:
    assert _cell_text(md_inline(text)) == text.replace("\x85", "\ufffd").replace("\x7f", "\ufffd")


@pytest.mark.parametrize(
    "text",
    [
        *("*bold*", "_em_", "[link](x)", "![img](x)", "<b>", "~~gone~~", "a | b", "# h"),
        *("a lone ` backtick", "``", "```", "``one` two", "`a\nb`"),
    ],
)
def test_md_inline_never_makes_markup_except_code_spans(text: str) -> None:
    assert _cell_text(md_inline(text)) == text


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


def test_md_inline_keeps_underscores_inside_words_readable() -> None:
    assert md_inline("CLIENT_MSG_KEYがない") == "CLIENT_MSG_KEYがない"
    assert md_inline("_x_") == "&#95;x&#95;"


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
