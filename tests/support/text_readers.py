"""Each output read back by its real consumer, as the texts a reader gets, for the
property-based suite (test_text_properties.py) and its counterexamples.

Docs texts are compared as *segments*: a list of ``(text, is_code)``, since a text's inline
code (`` `to` ``) is shown as code, not as backticks (docs/catalog-format.md). ``expected``
segments come from the catalog text by CommonMark's code-span rule
(:func:`codegen.render.views.markdown.code_spans`); the read ones from markdown-it's tokens or the HTML
of the mkdocs-built page.
"""

from __future__ import annotations

import ast
import itertools
import json
import subprocess
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

from markdown_it import MarkdownIt

from codegen import children
from codegen.render.views.markdown import PRE_WRAP, code_spans
from tests.support.paths import REPO

Segments = tuple[tuple[str, bool], ...]


def segments(text: str) -> Segments:
    """What a docs reader sees of the catalog text ``text``: its pieces, code or not."""
    pieces: list[tuple[str, bool]] = []
    for index, line in enumerate(text.split("\n")):
        if index:
            pieces.append(("\n", False))
        pieces += code_spans(line)
    return normalized(pieces)


def normalized(pieces: list[tuple[str, bool]]) -> Segments:
    """Adjacent plain pieces joined, empty plain pieces dropped (code pieces kept as they are)."""
    out: list[tuple[str, bool]] = []
    for text, is_code in pieces:
        if not is_code and not text:
            continue
        if out and not is_code and not out[-1][1]:
            out[-1] = (out[-1][0] + text, False)
        else:
            out.append((text, is_code))
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
            read = _inline(token.children or [])
            if opened == "paragraph_open" and paragraphs is not None:
                paragraphs.append(read)
            else:
                found[read] += 1
            if opened == "heading_open" and token.content.startswith("<a id="):
                paragraphs = []
    if paragraphs:
        found[_joined(paragraphs)] += 1
    return found


def _joined(paragraphs: list[Segments]) -> Segments:
    pieces: list[tuple[str, bool]] = []
    for index, paragraph in enumerate(paragraphs):
        pieces += [("\n\n", False)] if index else []
        pieces += paragraph
    return normalized(pieces)


def _inline(children: list[Any]) -> Segments:
    pieces: list[tuple[str, bool]] = []
    code = skipping = False
    for child in children:
        content = child.content
        if child.type == "html_inline" and content in ("<sup>", "</sup>"):
            skipping = content == "<sup>"  # a language mark, after a space: not the text
            if skipping and pieces and pieces[-1][0].endswith(" "):
                pieces[-1] = (pieces[-1][0][:-1], pieces[-1][1])
        elif skipping or child.type in ("softbreak", "link_open", "link_close"):
            continue
        elif child.type == "text":
            pieces.append((content, code))
        elif child.type == "html_inline" and content == "<br>":
            pieces.append(("\n", False))
        elif child.type == "html_inline" and content in ("<code>", "</code>"):
            code = content == "<code>"
            if code:
                pieces.append(("", True))
        elif child.type == "html_inline" and (
            content.startswith(("<a id=", "<!--")) or content in ("</a>", PRE_WRAP, "</span>")
        ):
            continue  # an anchor, a comment, the span that keeps white space: not text
        else:
            raise AssertionError(f"markup {child.type} {content!r} in a text")
    return _code_joined(pieces)


def _code_joined(pieces: list[tuple[str, bool]]) -> Segments:
    """Pieces read inside one ``<code>`` element joined into one code piece."""
    out: list[tuple[str, bool]] = []
    for text, is_code in pieces:
        if is_code and text and out and out[-1][1]:
            out[-1] = (out[-1][0] + text, True)
        else:
            out.append((text, is_code))
    return normalized(out)


class _PageReader(HTMLParser):
    """The headings, cells and description paragraphs of an mkdocs page's content."""

    BLOCKS = frozenset({"h1", "h2", "h3", "td", "th", "p"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: Counter[Segments] = Counter()
        self.pieces: list[tuple[str, bool]] | None = None
        self.block = ""
        self.code = self.sup = self.after_br = self.in_content = False
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
        elif tag == "a" and any(name == "id" for name, _ in attrs) and self.block[:1] == "h":
            self.heading_has_anchor = True
        elif tag == "code" and self.pieces is not None:
            self.code = True
            self.pieces.append(("", True))
        elif tag == "br" and self.pieces is not None:
            self.pieces.append(("\n", False))
            self.after_br = True
        elif tag == "sup":
            self.sup = True  # a language mark, after a space: not the text
            if self.pieces and self.pieces[-1][0].endswith(" "):
                self.pieces[-1] = (self.pieces[-1][0][:-1], self.pieces[-1][1])

    def handle_endtag(self, tag: str) -> None:
        if tag == "code":
            self.code = False
        elif tag == "sup":
            self.sup = False
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
        self.pieces.append((data, self.code))


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
