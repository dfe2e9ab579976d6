"""Texts that try to break out: every output still parses, nothing from the catalog becomes
code or markup (but a text's own code spans, emphasis and links on the docs pages), and
reading each output back gives exactly the original text."""

from __future__ import annotations

import ast
import json
import re
from collections.abc import Callable
from types import ModuleType
from typing import Any

import pytest
from markdown_it import MarkdownIt
from ruamel.yaml import YAML

from codegen.catalog.model import Catalog, ResponseHeader
from codegen.render.engine import render_all
from codegen.render.targets import DEFAULT_TARGETS
from tests.support.catalogs import (
    catalog,
    code,
    code_set,
    flag,
    group,
    inline_text,
    markdown_tables,
)

HOSTILE = [
    'triple """ quotes',
    "single ' quote",
    "back\\slash\\",
    "pipe | in | cell",
    "{{ x }} and {{ catalog.module }}",
    "{% raw %}not raw{% endraw %}",
    "</script><script>alert(1)</script>",
    "<!-- a comment",
    "end of comment -->",
    "new\nline",
    "crlf\r\nline",
    "tab\there",
    "emoji 😀👍🏽",
    "right-to-left שלום עולם مرحبا",
    "zero\u200bwidth\u200cjoin\u200d\ufeff",
    "line\u2028separator",
    "  leading and trailing spaces  ",
    "**bold** *em* `code` [a link](/docs/a_b?c=1&d=|) ~~not struck~~ # not heading",
    "![not an image](x) <b>not html</b> &amp; [not a link] snake_case_name 2 * 3 a\\_b",
    '\\""\\\'',
    '") ; import os; os.system("echo pwned") #',
]
TITLE = 'Title """ | {{ x }}\n</script> <!-- -->\r\n😀 שלום\u2028\\'
WEIRD_CODES = ["|", '"""', "<!--", "{{ x }}", "a\\b", " lead", "E900"]


def _texts(text: str) -> dict[str, str]:
    return {"ja": text, "en": text[::-1]}


def hostile_catalog() -> Catalog:
    service = group(
        "service", {f"G{i}": _texts(t) for i, t in enumerate(HOSTILE[:4])}, _texts(TITLE)
    )
    codes = [
        code(-i, f"CODE_{i}", _texts(text), service=f"G{i % 4}", is_success=i == 0)
        for i, text in enumerate(HOSTILE)
    ]
    api = code_set(
        "Api",
        codes,
        (service, flag("is_success", _texts(TITLE))),
        title=_texts(TITLE),
        section=_texts(TITLE),
        description=_texts("\n".join(HOSTILE)),
        columns={"code": _texts(TITLE), "message": _texts(TITLE)},
    )
    weird = code_set("Weird", [code(c, f"W{i}", _texts(c)) for i, c in enumerate(WEIRD_CODES)])
    return catalog(
        api,
        weird,
        title=_texts(TITLE),
        response=ResponseHeader("Api", "is_success"),
        path='spec/"x".yaml',
    )


@pytest.fixture(scope="module")
def files() -> dict[str, str]:
    return render_all(hostile_catalog(), DEFAULT_TARGETS)


def test_the_python_module_gives_back_every_text_exactly(
    files: dict[str, str], load_module: Callable[[str], ModuleType]
) -> None:
    module = load_module(files["python/sample_codes.py"])
    for i, text in enumerate(HOSTILE):
        member = module.Api(-i)
        assert member.message == text and dict(member.messages) == _texts(text)
    assert [g.label for g in module.ApiService] == HOSTILE[:4]
    for i, value in enumerate(WEIRD_CODES):
        assert module.Weird.lookup(value) is module.Weird[f"W{i}"]


def test_nothing_in_a_text_becomes_python_code(files: dict[str, str]) -> None:
    tree = ast.parse(files["python/sample_codes.py"])
    kinds = {type(node).__name__ for node in tree.body}
    assert kinds == {"Expr", "ImportFrom", "Assign", "ClassDef", "AnnAssign", "FunctionDef"}
    functions = [n.name for n in tree.body if isinstance(n, ast.FunctionDef)]
    assert functions == ["lookup", "_index"]
    classes = [n for n in tree.body if isinstance(n, ast.ClassDef)]
    assert [c.name for c in classes] == ["ApiService", "Api", "Weird"]
    api = classes[1]
    members = [n.targets[0].id for n in api.body if isinstance(n, ast.Assign)]  # type: ignore[attr-defined]
    methods = [n.name for n in api.body if isinstance(n, ast.FunctionDef)]
    assert members == [f"CODE_{i}" for i in range(len(HOSTILE))]
    assert methods == [
        *("lookup", "__bool__", "message", "messages", "message_in"),
        *("service", "is_success"),
    ]
    calls = {
        n.func.id
        for n in ast.walk(tree)
        if isinstance(n, ast.Call) and isinstance(n.func, ast.Name)
    }
    assert calls <= {"MappingProxyType", "isinstance", "_index"}
    assert not any(isinstance(n, ast.Import) for n in ast.walk(tree))


def test_the_json_schema_gives_back_every_text_exactly(files: dict[str, str]) -> None:
    schema = json.loads(files["jsonschema/sample_codes.schema.json"])
    api = schema["$defs"]["Api"]
    assert [item["description"] for item in api["oneOf"]] == HOSTILE
    assert api["x-enum-descriptions"] == HOSTILE
    assert api["title"] == TITLE and schema["title"] == TITLE
    assert api["description"] == "\n".join(HOSTILE)
    assert [item["const"] for item in schema["$defs"]["Weird"]["oneOf"]] == WEIRD_CODES
    assert schema["$comment"].startswith('DO NOT EDIT: generated by codegen from spec/"x".yaml;')


def test_the_openapi_document_gives_back_every_text_exactly(files: dict[str, str]) -> None:
    document: Any = YAML(typ="safe", pure=True).load(files["openapi/sample_codes.openapi.yaml"])
    schemas = document["components"]["schemas"]
    assert [item["description"] for item in schemas["Api"]["oneOf"]] == HOSTILE
    messages = [
        e["value"]["header"]["resultMessage"] for e in document["components"]["examples"].values()
    ]
    assert messages == HOSTILE[1:]
    assert document["info"]["title"] == TITLE
    assert [item["const"] for item in schemas["Weird"]["oneOf"]] == WEIRD_CODES


def test_the_yaml_header_comment_stays_one_comment_line(files: dict[str, str]) -> None:
    first, second = files["openapi/sample_codes.openapi.yaml"].splitlines()[:2]
    assert first.startswith("# DO NOT EDIT") and second == 'openapi: "3.1.0"'


@pytest.mark.parametrize(
    ("page", "pick"), [("docs/ja.md", lambda t: t), ("docs/en.md", lambda t: t[::-1])]
)
def test_the_markdown_tables_give_back_every_text_exactly(
    files: dict[str, str], page: str, pick: Callable[[str], str]
) -> None:
    api, weird = markdown_tables(files[page])
    assert api[0] == [pick(TITLE)] * 4
    assert [row[1] for row in api[1:]] == [pick(t) for t in HOSTILE]
    assert [row[2] for row in api[1:]] == [pick(HOSTILE[i % 4]) for i in range(len(HOSTILE))]
    assert [row[0] for row in weird[1:]] == WEIRD_CODES


def test_markdown_headings_and_descriptions_give_back_their_text(files: dict[str, str]) -> None:
    tokens = MarkdownIt("commonmark").enable("table").parse(files["docs/ja.md"])
    headings = [
        inline_text(tokens[i + 1].children or [])
        for i, t in enumerate(tokens)
        if t.type == "heading_open"
    ]
    assert headings == [TITLE, TITLE, TITLE, "Weird"]
    paragraphs = [
        inline_text(tokens[i + 1].children or [])
        for i, t in enumerate(tokens)
        if t.type == "paragraph_open" and not t.hidden
    ]
    assert "\n\n".join(paragraphs) == "\n".join(HOSTILE)


def test_nothing_in_a_text_becomes_markup_but_its_code_spans_emphasis_and_links(
    files: dict[str, str],
) -> None:
    """Only the markup of one hostile text is markup: `code`, **bold**, *em* and its link, in
    its message and the description; on the English page (the texts reversed) only the
    code span and the emphasis survive, and the index has none."""
    for page, spans, links in (("docs/ja.md", 2, 2), ("docs/en.md", 2, 0), ("docs/index.md", 0, 0)):
        html = MarkdownIt("commonmark").enable("table").render(files[page])
        for tag in ("code", "strong", "em"):
            assert html.count(f"<{tag}>") == spans and html.count(f"</{tag}>") == spans, page
        assert html.count('<a href="/docs/a_b?c=1&#38;d=&#124;">a link</a>') == links, page
        assert "<code>code</code>" in html or "<code>edoc</code>" in html or not spans
        tags = set(re.findall(r"</?([a-zA-Z][a-zA-Z0-9]*)", html)) - {"code", "strong", "em"}
        assert tags <= {
            "h1",
            "h2",
            "h3",
            "p",
            "br",
            "a",
            "sup",
            "ul",
            "li",
            "table",
            "thead",
            "tbody",
            "tr",
            "th",
            "td",
            "span",
        }, page
        assert html.count("<!--") == 1 and html.count("-->") == 1, page
        assert "<script" not in html
        assert all(t.type != "code_block" for t in MarkdownIt("commonmark").parse(files[page]))
