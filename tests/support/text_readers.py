"""Each output read back by its real consumer, as the texts a reader gets, for the
property-based suite (test_text_properties.py) and its counterexamples.

Docs texts are compared as *segments*: a tuple of pieces ``(text, marks)``, since a text's
inline markup is shown as markup, not as the characters that wrote it
(docs/catalog-format.md): ``marks`` is the set of elements the piece is shown in, ``"code"``,
``"em"``, ``"strong"`` and, inside a link, :func:`link_mark` of its target and title.
``expected`` segments come from the catalog text by the catalog's rule: each line read by
markdown-it with code spans, emphasis and links only
(:func:`codegen.render.views.markup.inline_tokens`), a link kept only when its target is
http, https, mailto or has no scheme (decided here with :func:`urllib.parse.urlsplit`, not
by codegen's own check). The read ones come from markdown-it's tokens or the HTML of the
mkdocs-built page.
"""

from __future__ import annotations

import ast
import itertools
import json
import subprocess
import urllib.parse
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

from markdown_it import MarkdownIt

from codegen import children
from codegen.render.views.markdown import PRE_WRAP, code_spans
from codegen.render.views.markup import inline_tokens
from tests.support.paths import REPO

Marks = frozenset[str]
Piece = tuple[str, Marks]
Segments = tuple[Piece, ...]
PLAIN: Marks = frozenset()
CODE: Marks = frozenset({"code"})


def link_mark(href: str, title: str = "") -> str:
    """The mark of a piece inside a link to ``href`` (with ``title``, its tooltip)."""
    return f"a href={href!r} title={title!r}"


def safe_link(href: str) -> bool:
    """Whether the docs may link to ``href``: no scheme, or http, https or mailto, as a URL
    parser reads it (leading controls and spaces stripped, tabs and line breaks removed)."""
    try:
        scheme = urllib.parse.urlsplit(href).scheme
    except ValueError:  # a bad [IPv6] host, read after the scheme: brackets do not change it
        scheme = urllib.parse.urlsplit(href.replace("[", "/").replace("]", "/")).scheme
    return scheme in ("", "http", "https", "mailto")


def segments(text: str, markup: bool = True, links: bool = True) -> Segments:
    """What a docs reader sees of the catalog text ``text``: its pieces, each with its marks.
    ``markup=False``: only code spans are markup (md_code_spans: codes, the module's name);
    ``links=False``: links show as their text (md_inline inside a link of the template)."""
    pieces: list[Piece] = []
    for index, line in enumerate(text.split("\n")):
        if index:
            pieces.append(("\n", PLAIN))
        if markup:
            pieces += _line_pieces(line, links)
        else:
            pieces += [(piece, CODE if is_code else PLAIN) for piece, is_code in code_spans(line)]
    return normalized(pieces)


def _line_pieces(line: str, links: bool) -> list[Piece]:
    pieces: list[Piece] = []
    opened: list[tuple[str, str]] = []  # (element, mark) of the open elements, innermost last
    for token in inline_tokens(line):
        marks = frozenset(mark for _, mark in opened if mark)
        element = token.type.rpartition("_")[0]
        if token.type == "text":
            pieces.append((token.content, marks))
        elif token.type == "code_inline":
            pieces.append((token.content, marks | CODE))
        elif token.type in ("em_open", "strong_open"):
            opened.append((element, element))
        elif token.type == "link_open":
            href, title = str(token.attrGet("href")), str(token.attrGet("title") or "")
            opened.append((element, link_mark(href, title) if links and safe_link(href) else ""))
        elif token.type.endswith("_close") and opened and opened[-1][0] == element:
            opened.pop()
        else:
            raise AssertionError(f"markup {token.type} read from {line!r}")
    return pieces


def normalized(pieces: list[Piece]) -> Segments:
    """Adjacent pieces with the same marks joined, empty pieces dropped; code pieces are
    kept as they are (an empty code span is one, and two spans side by side are two)."""
    out: list[Piece] = []
    for text, marks in pieces:
        if "code" in marks:
            out.append((text, marks))
        elif not text:
            continue
        elif out and out[-1][1] == marks:
            out[-1] = (out[-1][0] + text, marks)
        else:
            out.append((text, marks))
    return tuple(out)


def markdown_texts(markdown: str) -> Counter[Segments]:
    """Every heading and table cell of a page, and the paragraphs below each code set's
    heading joined by a blank line, as markdown-it reads them."""
    found: Counter[Segments] = Counter()
    paragraphs: list[Segments] | None = None
    tokens = MarkdownIt("commonmark").enable("table").parse(markdown)
    opened = ""
    for token in tokens:
        if token.type.endswith("_open"):
            opened = token.type
            if token.type in ("heading_open", "table_open") and paragraphs:
                found[_joined(paragraphs)] += 1
                paragraphs = None
        elif token.type == "inline":
            read = inline_segments(token.children or [])
            if opened == "paragraph_open" and paragraphs is not None:
                paragraphs.append(read)
            else:
                found[read] += 1
            if opened == "heading_open" and token.content.startswith("<a id="):
                paragraphs = []
    if paragraphs:
        found[_joined(paragraphs)] += 1
    return found


def cell_segments(markdown: str) -> Segments:
    """What a reader sees of ``markdown`` in the body cell of a one-column table; fails
    when it does not stay in that one cell."""
    tokens = MarkdownIt("commonmark").enable("table").parse(f"| h |\n| --- |\n| {markdown} |\n")
    assert [t.type for t in tokens].count("td_open") == 1, markdown
    return inline_segments([t for t in tokens if t.type == "inline"][1].children or [])


def _joined(paragraphs: list[Segments]) -> Segments:
    pieces: list[Piece] = []
    for index, paragraph in enumerate(paragraphs):
        pieces += [("\n\n", PLAIN)] if index else []
        pieces += paragraph
    return normalized(pieces)


def tag_attributes(tag: str) -> dict[str, str]:
    """The attributes of one start tag, as a browser reads them (references decoded)."""
    return {name: value or "" for name, value in _Tag(tag).attrs.items()}


class _Tag(HTMLParser):
    """One start tag's name and attributes, as a browser reads them (references decoded)."""

    def __init__(self, tag: str) -> None:
        super().__init__(convert_charrefs=True)
        self.name, self.attrs = "", dict[str, str | None]()
        self.feed(tag)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.name, self.attrs = tag, dict(attrs)


class _Marks:
    """The elements open around the text being read: code, em, strong, links; an element
    that is not markup of the text (a heading's anchor ``<a id>``) is open as ``""``."""

    SIMPLE = frozenset({"code", "em", "strong"})

    def __init__(self) -> None:
        self.open: list[tuple[str, str]] = []  # (tag, mark)

    def start(self, tag: str, attrs: dict[str, str | None]) -> bool:
        """Open ``tag``; whether it is one of the marks."""
        if tag in self.SIMPLE:
            self.open.append((tag, tag))
        elif tag == "a" and "href" in attrs:
            self.open.append((tag, link_mark(attrs["href"] or "", attrs.get("title") or "")))
        elif tag == "a":
            self.open.append((tag, ""))
        else:
            return False
        return True

    def end(self, tag: str) -> bool:
        """Close ``tag``; whether it is one of the marks."""
        if not self.open or self.open[-1][0] != tag:
            return False
        self.open.pop()
        return True

    @property
    def marks(self) -> Marks:
        return frozenset(mark for _, mark in self.open if mark)


def inline_segments(children: list[Any]) -> Segments:
    """The segments of markdown-it's inline tokens of a page's cell, heading or paragraph;
    fails on markup a text cannot make."""
    pieces: list[Piece] = []
    marks = _Marks()
    skipping = False
    for child in children:
        content = child.type == "html_inline" and child.content
        if content in ("<sup>", "</sup>"):
            skipping = content == "<sup>"  # a language mark, after a space: not the text
            if skipping and pieces and pieces[-1][0].endswith(" "):
                pieces[-1] = (pieces[-1][0][:-1], pieces[-1][1])
        elif skipping or child.type in ("softbreak", "link_open", "link_close"):
            continue  # a link of the template (the index's), or the line end after a <br>
        elif child.type == "text":
            pieces.append((child.content, marks.marks))
        elif content == "<br>":
            pieces.append(("\n", marks.marks))
        elif content in (PRE_WRAP, "</span>") or (content and content.startswith("<!--")):
            continue  # the span that keeps white space, a comment: not text
        elif content and content.startswith("</"):
            if not marks.end(content[2:-1]):
                raise AssertionError(f"markup {content!r} in a text")
        elif content:
            tag = _Tag(content)
            if not marks.start(tag.name, tag.attrs):
                raise AssertionError(f"markup {content!r} in a text")
            if tag.name == "code":
                pieces.append(("", marks.marks))  # where this code element starts
        else:
            raise AssertionError(f"markup {child.type} {child.content!r} in a text")
    return _code_joined(pieces)


def _code_joined(pieces: list[Piece]) -> Segments:
    """Pieces read inside one ``<code>`` element joined into one code piece (each element
    starts with an empty piece, so two elements side by side stay two)."""
    out: list[Piece] = []
    for text, marks in pieces:
        if "code" in marks and text and out and out[-1][1] == marks:
            out[-1] = (out[-1][0] + text, marks)
        else:
            out.append((text, marks))
    return normalized(out)


class _PageReader(HTMLParser):
    """The headings, cells and description paragraphs of an mkdocs page's content."""

    BLOCKS = frozenset({"h1", "h2", "h3", "td", "th", "p"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: Counter[Segments] = Counter()
        self.pieces: list[Piece] | None = None
        self.marks = _Marks()
        self.block = ""
        self.sup = self.after_br = self.in_content = False
        self.paragraphs: list[Segments] | None = None
        self.heading_has_anchor = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "div" and ("role", "main") in attrs:
            self.in_content = True
        if not self.in_content:
            return
        if tag in self.BLOCKS:
            if tag != "p" and self.paragraphs:
                self.found[_joined(self.paragraphs)] += 1
                self.paragraphs = None
            self.block, self.pieces, self.heading_has_anchor = tag, [], False
        elif self.pieces is not None and self.marks.start(tag, dict(attrs)):
            if tag == "code":
                self.pieces.append(("", self.marks.marks))  # where this code element starts
            if tag == "a" and "id" in dict(attrs) and self.block[:1] == "h":
                self.heading_has_anchor = True
        elif tag == "br" and self.pieces is not None:
            self.pieces.append(("\n", self.marks.marks))
            self.after_br = True
        elif tag == "sup":
            self.sup = True  # a language mark, after a space: not the text
            if self.pieces and self.pieces[-1][0].endswith(" "):
                self.pieces[-1] = (self.pieces[-1][0][:-1], self.pieces[-1][1])

    def handle_endtag(self, tag: str) -> None:
        if tag == "sup":
            self.sup = False
        elif self.pieces is not None and self.marks.end(tag):
            return
        elif tag == self.block and self.pieces is not None:
            read = _code_joined(self.pieces)
            if tag == "p" and self.paragraphs is not None:
                self.paragraphs.append(read)
            else:
                self.found[read] += 1
            if tag in ("h2", "h3") and self.heading_has_anchor:
                self.paragraphs = []
            self.block, self.pieces = "", None
        elif tag == "article" or (tag == "table" and self.paragraphs):
            if self.paragraphs:
                self.found[_joined(self.paragraphs)] += 1
            self.paragraphs = None

    def handle_data(self, data: str) -> None:
        if self.pieces is None or self.sup:
            return
        if self.after_br and data.startswith("\n"):
            data = data[1:]  # the line break after <br> in the page's source
        self.after_br = False
        self.pieces.append((data, self.marks.marks))


def html_texts(html: str) -> Counter[Segments]:
    """Every heading, table cell and description of an mkdocs-built page, as the text nodes
    a browser holds (character references decoded, ``<br>`` as a line break)."""
    reader = _PageReader()
    reader.feed(html)
    reader.close()
    return reader.found


def member_docstrings(source: str, class_name: str) -> dict[str, str]:
    """The attribute docstrings of a class's members (the string after ``NAME = value``),
    as Sphinx autodoc and IDEs read them from the source."""
    tree = ast.parse(source)
    found: dict[str, str] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.ClassDef) and node.name == class_name:
            body = node.body
            for first, second in itertools.pairwise(body):
                if (
                    isinstance(first, ast.Assign)
                    and isinstance(first.targets[0], ast.Name)
                    and isinstance(second, ast.Expr)
                    and isinstance(second.value, ast.Constant)
                    and isinstance(second.value.value, str)
                ):
                    found[first.targets[0].id] = second.value.value
    return found


TSC = REPO / "node_modules" / ".bin" / "tsc"
NODE_RUNNER = """
const fs = require("fs");
fs.writeFileSync("exports.json", JSON.stringify(require("./out/module.js")), "utf8");
"""


def typescript_exports(source: str, folder: Path) -> dict[str, Any]:
    """The values a TypeScript module exports, compiled by the pinned tsc (strict) and run by
    node, through JSON."""
    (folder / "module.ts").write_text(source, encoding="utf-8")
    (folder / "run.js").write_text(NODE_RUNNER, encoding="utf-8")
    options = ["--strict", "--target", "es2020", "--module", "commonjs", "--outDir", "out"]
    for command in ([str(TSC), *options, "module.ts"], ["node", "run.js"]):
        ran = subprocess.run(
            command, cwd=folder, capture_output=True, text=True, check=False, **children.options()
        )
        assert ran.returncode == 0, ran.stdout + ran.stderr
    exported: dict[str, Any] = json.loads((folder / "exports.json").read_text(encoding="utf-8"))
    return exported
