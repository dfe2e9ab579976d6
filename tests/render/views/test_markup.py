"""The inline markup of catalog texts as markup.py reads it: code spans, emphasis and links,
targets as written, nothing else; and which targets are safe to link to."""

from __future__ import annotations

import pytest

from codegen.render.views.markup import inline_tokens, may_hold_markup, safe_target


def _read(line: str) -> list[tuple[str, str, dict[str, str | int | float]]]:
    """The tokens of ``line``, but for empty texts (markdown-it leaves them by emphasis)."""
    tokens = inline_tokens(line)
    return [(t.type, t.content, dict(t.attrs)) for t in tokens if t.type != "text" or t.content]


def test_code_spans_emphasis_and_links_are_read() -> None:
    assert _read("**a** _b_ `c` [d](/e)") == [
        ("strong_open", "", {}),
        ("text", "a", {}),
        ("strong_close", "", {}),
        ("text", " ", {}),
        ("em_open", "", {}),
        ("text", "b", {}),
        ("em_close", "", {}),
        ("text", " ", {}),
        ("code_inline", "c", {}),
        ("text", " ", {}),
        ("link_open", "", {"href": "/e"}),
        ("text", "d", {}),
        ("link_close", "", {}),
    ]


@pytest.mark.parametrize(
    "line",
    [
        *("&amp; &#42; &lt;", "<b>x</b>", "<https://x.test>", "<a@x.test>", "![a](b)"),
        *("[a][b]", "[a]", "[a]: /b", "~~s~~", "a\x00b", "www.x.test"),
    ],
)
def test_nothing_else_is_markup_and_every_character_stays(line: str) -> None:
    """No entity, inline HTML, autolink, image, reference link, strikethrough or linkify;
    no character replaced (markdown-it's normalize would turn NUL into U+FFFD)."""
    assert _read(line) == [("text", line, {})]


def test_a_backslash_is_a_character_not_an_escape() -> None:
    assert _read("\\*a\\*") == [
        ("text", "\\", {}),
        ("em_open", "", {}),
        ("text", "a\\", {}),
        ("em_close", "", {}),
    ]


@pytest.mark.parametrize(
    ("line", "attrs"),
    [
        ('[a](<b c> "t&amp;")', {"href": "b c", "title": "t&amp;"}),
        ("[a](x\\)y 'q\\'')", {"href": "x\\)y", "title": "q\\'"}),
        ("[a](é%20&amp;?x=|)", {"href": "é%20&amp;?x=|"}),
        ("[a](javascript:alert(1))", {"href": "javascript:alert(1)"}),
    ],
)
def test_a_links_target_and_title_are_read_as_written(
    line: str, attrs: dict[str, str | int | float]
) -> None:
    """Neither unescaped, entity-decoded nor percent-encoded; of any scheme (safe_target
    decides what becomes a link)."""
    assert _read(line)[0] == ("link_open", "", attrs)


@pytest.mark.parametrize(
    "target",
    [
        *("javascript:alert(1)", "JavaScript:alert(1)", "java\tscript:alert(1)"),
        *(" javascript:alert(1)", "\x01javascript:a", "java\nscript:a", "data:text/html,x"),
        *("vbscript:a", "file:///etc/passwd", "a:b/c", "chrome://settings", "ftp://x.test"),
    ],
)
def test_a_target_of_another_scheme_is_not_safe(target: str) -> None:
    assert not safe_target(target)


@pytest.mark.parametrize(
    "target",
    [
        *("http://x.test", "HTTPS://x.test/a?b=1#c", " https://x.test", "mailto:a@x.test"),
        *("//x.test/a", "/docs/retries", "docs/a:b", "../a", "?q=1", "#fragment", ""),
        *("&#106;avascript:x", "ｊavascript:x"),
    ],
)
def test_an_http_https_mailto_or_schemeless_target_is_safe(target: str) -> None:
    """A character reference or a fullwidth letter makes no scheme: a browser reads the
    target as a relative path."""
    assert safe_target(target)


def test_may_hold_markup_is_false_only_where_markdown_it_finds_no_emphasis_or_link() -> None:
    lines = [
        *("CLIENT_MSG_KEY `to` a__b", "2 * 3", "_a_", "a_", "_a", "*", "[a](b)", "[a] (b)"),
        *("x_", "__init__", "**", "a *b*", "é_é", "1_000", "`*`", "[a](", "]("),
    ]
    for line in lines:
        kinds = {token.type for token in inline_tokens(line)}
        assert may_hold_markup(line) or kinds <= {"text", "code_inline"}, line
    assert not may_hold_markup("CLIENT_MSG_KEY `to` a__b 2 - 3")
