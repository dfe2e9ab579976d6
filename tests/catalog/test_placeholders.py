"""Placeholders: found in every syntax real pages use, never in what only looks like one."""

from __future__ import annotations

import pytest

from codegen.catalog.placeholders import SYNTAXES, derived_name, find, keys, pieces


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("容量{0}MBを使い切りました", [(0, "string", "braces")]),
        ("{} and {}", [(0, "string", "braces"), (1, "string", "braces")]),
        ("{field} at most {max:d}", [("field", "string", "braces"), ("max", "integer", "braces")]),
        ("rate {r:.2f}", [("r", "number", "braces")]),
        ("{0:>10}", [(0, "string", "braces")]),
        ("Invalid: %s (%d)", [(0, "string", "printf"), (1, "integer", "printf")]),
        (
            "%-5s|%05.2f|%i",
            [(0, "string", "printf"), (1, "number", "printf"), (2, "integer", "printf")],
        ),
        ("%(quota)d left", [("quota", "integer", "printf")]),
        ("Hello ${user}", [("user", "string", "dollar")]),
        ("Got %s%s", [(0, "string", "printf"), (1, "string", "printf")]),  # adjacent
        ("x%(a)s%(b)s", [("a", "string", "printf"), ("b", "string", "printf")]),
        ("容量%dMBを使い切り", [(0, "integer", "printf")]),  # a unit right after it
        ("{{count}} new, {{ count }} again", [("count", "string", "mustache")] * 2),
    ],
)
def test_each_syntax_is_found_with_its_key_and_type(text: str, expected: list[object]) -> None:
    assert [(p.key, p.type, p.syntax) for p in find(text)] == expected


@pytest.mark.parametrize(
    "text",
    [
        "100%% done",  # an escaped percent sign
        "{{}} is an empty object",  # escaped braces
        '{"a": 1}',  # JSON in a message
        "{a:b c}",  # braces around text, not a format spec
        "50% des utilisateurs",  # a percent sign in prose
        "5%faster",  # a conversion letter inside a word
        "an %error occurred",  # %e before a letter
        "%e3%81%82",  # percent-encoded bytes
        "100%d",  # right after a digit
        "Error: name required",  # a colon in prose (colon syntax is off anyway)
        "SMS $5 {",  # a dollar sign and a lone brace
    ],
)
def test_what_only_looks_like_a_placeholder_is_text(text: str) -> None:
    assert find(text) == ()
    assert pieces(text, keys(text)) == (text,)


def test_the_colon_syntax_only_when_listed() -> None:
    assert find("Missing :field here") == ()
    found = find("Missing :field here, see http://x and 10:30", SYNTAXES)
    assert [(p.key, p.syntax) for p in found] == [("field", "colon")]


def test_keys_are_listed_once_in_order_and_numbered_ones_get_derived_names() -> None:
    assert keys("{1} {0} {1}") == (1, 0)
    assert [derived_name(k) for k in keys("%s then %(name)s then %d")] == ["arg0", "name", "arg1"]


def test_pieces_alternate_text_and_parameter_indices() -> None:
    assert pieces("{b} and {a}, {b}", ["a", "b"]) == ("", 1, " and ", 0, ", ", 1, "")
    assert pieces("a placeholder {gone}", ["other"]) == ("a placeholder {gone}",)


def test_pieces_unescape_only_the_escapes_of_the_syntax_in_use() -> None:
    assert pieces("100%% of %d", [0]) == ("100% of ", 0, "")
    assert pieces("{{literal}} {0}%%", [0]) == ("{{literal}} ", 0, "%%")  # {{literal}}: mustache
    assert pieces("{{}} {0} %%", [0]) == ("{} ", 0, " %%")


def test_mustache_braces_are_escapes_when_mustache_is_off() -> None:
    """With braces but not mustache, ``{{id}}`` is Python's escaped braces around ``id``:
    formatted, it reads ``{id}`` (a review of #20)."""
    syntaxes = ["braces", "printf"]
    assert [p.key for p in find("Use {{id}} for {0}", syntaxes)] == [0]
    assert pieces("Use {{id}} for {0}", [0], syntaxes) == ("Use {id} for ", 0, "")
