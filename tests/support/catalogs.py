"""Helpers for the rendering tests: a builder of model objects, the sample, reading outputs back.

The builder makes catalogs the spec loader would refuse or that are awkward to write as
YAML (hostile texts, name collisions); ``load_sample()`` loads tests/fixtures/sample.yaml
through :func:`codegen.catalog.load.load_catalog`, as ``codegen generate`` does.
"""

from __future__ import annotations

import contextlib
import importlib.util
import sys
import uuid
from collections.abc import Iterator, Mapping
from pathlib import Path
from types import ModuleType
from typing import Any

from codegen.catalog.model import (
    Attribute,
    Catalog,
    Code,
    CodeSet,
    GroupValue,
    ResponseHeader,
    Texts,
    texts,
)
from tests.support.paths import TESTS

SAMPLE = TESTS / "fixtures" / "sample.yaml"
SAMPLE_SHOWN = "tests/fixtures/sample.yaml"


def _texts(value: Mapping[str, str] | str | None, lang: str = "ja") -> Texts:
    return texts({lang: value} if isinstance(value, str) else value)


def group(key: str, values: Mapping[str, Mapping[str, str] | str], header: Any = None) -> Attribute:
    """A group attribute; ``values`` maps each value's name to its label."""
    members = tuple(GroupValue(name, _texts(label)) for name, label in values.items())
    return Attribute(key, "group", _texts(header or key), members)


def flag(key: str, header: Any = None) -> Attribute:
    return Attribute(key, "flag", _texts(header or key))


def text(key: str, header: Any = None) -> Attribute:
    return Attribute(key, "text", _texts(header or key))


def code(
    value: int | str, name: str, message: Any, retryable: bool | None = None, **attrs: Any
) -> Code:
    """A code; a group attribute is given by its value's name, resolved by ``code_set``."""
    values = {k: (texts(v) if isinstance(v, dict) else v) for k, v in attrs.items()}
    return Code(value, name, _texts(message), values, retryable)


def code_set(
    name: str,
    codes: list[Code],
    attributes: tuple[Attribute, ...] = (),
    *,
    title: Any = None,
    section: Any = None,
    description: Any = None,
    columns: Mapping[str, Any] | None = None,
) -> CodeSet:
    """A code set; integer unless a code is a string."""
    groups = {a.key: {v.name: v for v in a.values} for a in attributes if a.kind == "group"}
    resolved = tuple(
        Code(
            c.value,
            c.name,
            c.message,
            {
                k: (groups[k][v] if k in groups and isinstance(v, str) else v)
                for k, v in c.attrs.items()
            },
            c.retryable,
            c.note,
            c.line,
        )
        for c in codes
    )
    code_type = "string" if any(isinstance(c.value, str) for c in codes) else "integer"
    return CodeSet(
        name,
        _texts(title or name),
        code_type,
        attributes,
        resolved,
        {k: _texts(v) for k, v in (columns or {}).items()},
        _texts(section),
        _texts(description),
    )


def catalog(
    *code_sets: CodeSet,
    module: str = "sample_codes",
    languages: tuple[str, ...] = ("ja", "en"),
    title: Any = "Codes",
    response: ResponseHeader | None = None,
    path: str = "spec/codes.yaml",
) -> Catalog:
    return Catalog(module, languages[0], languages, code_sets, _texts(title), response, path)


def load_sample(path: Path = SAMPLE, shown: str = SAMPLE_SHOWN) -> Catalog:
    """The sample fixture, loaded and validated as ``codegen generate`` loads a catalog."""
    from codegen.catalog.load import load_catalog

    return load_catalog(path, display_path=shown)


def markdown_tables(markdown: str) -> list[list[list[str]]]:
    """Every table of a Markdown page as rows of cell texts, read back by markdown-it-py as
    a reader sees them: entities decoded, ``<br>`` as a newline, anchors left out."""
    from markdown_it import MarkdownIt

    tables: list[list[list[str]]] = []
    row: list[str] = []
    in_cell = False
    for token in MarkdownIt("commonmark").enable("table").parse(markdown):
        if token.type == "table_open":
            tables.append([])
        elif token.type == "tr_open":
            row = []
        elif token.type == "tr_close":
            tables[-1].append(row)
        elif token.type in ("th_open", "td_open", "th_close", "td_close"):
            in_cell = token.type.endswith("open")
        elif token.type == "inline" and in_cell:
            row.append(inline_text(token.children or []))
    return tables


def inline_text(children: list[Any]) -> str:
    """The text of inline tokens, its markup read back as the Markdown that wrote it:
    ``<code>`` as a backtick, ``<em>`` as ``*``, ``<strong>`` as ``**``, a link
    ``<a href="x" title="t">`` as ``[…](x "t")`` (`x`, *x*, **x** and [x](y) were written so);
    fails on any other markup but <br>, <sup>, anchors and the pre-wrap span."""
    from codegen.render.views.markdown import PRE_WRAP
    from tests.support.text_readers import tag_attributes

    parts = []
    links: list[str] = []  # what each open <a> closes with: "" for an anchor
    for child in children:
        content = child.content if child.type == "html_inline" else None
        if child.type == "text":
            parts.append(child.content)
        elif content == "<br>":
            parts.append("\n")
        elif content in _WRITTEN_AS:
            parts.append(_WRITTEN_AS[content])
        elif content in (PRE_WRAP, "</span>"):
            continue  # keeps the spaces a browser would collapse: not text
        elif content and content.startswith(("<a id=", "<a href=")):
            attributes = tag_attributes(content)
            title = f' "{attributes["title"]}"' if "title" in attributes else ""
            links.append(f"]({attributes['href']}{title})" if "href" in attributes else "")
            parts.append("[" if "href" in attributes else "")
        elif content == "</a>":
            parts.append(links.pop())
        elif child.type == "softbreak" or (content and content.startswith(("<sup>", "</sup>"))):
            continue  # follows a <br>, which made the line break; a language mark
        else:
            raise AssertionError(f"markup {child.type} {child.content!r} in a cell")
    return "".join(parts)


_WRITTEN_AS = {
    **dict.fromkeys(("<code>", "</code>"), "`"),
    **dict.fromkeys(("<em>", "</em>"), "*"),
    **dict.fromkeys(("<strong>", "</strong>"), "**"),
}


def mkdocs_pages(files: Mapping[str, str], folder: Path) -> dict[str, str]:
    """Build the ``docs/`` outputs of ``files`` with ``mkdocs build --strict`` and the
    repository's mkdocs.yml, under ``folder``; the HTML of each page by language (``"ja"``,
    ``"en"``; ``""`` for the index)."""
    import subprocess
    import sys

    from ruamel.yaml import YAML

    yaml = YAML(typ="safe", pure=True)
    config = yaml.load((TESTS.parent / "mkdocs.yml").read_text(encoding="utf-8"))
    for relative, text in files.items():
        if relative.startswith("docs/"):
            (folder / "generated" / relative).parent.mkdir(parents=True, exist_ok=True)
            (folder / "generated" / relative).write_text(text, encoding="utf-8")
    with (folder / "mkdocs.yml").open("w", encoding="utf-8") as file:
        yaml.dump(config, file)
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(folder / "site")]
    built = subprocess.run(command, cwd=folder, capture_output=True, text=True, check=False)
    assert built.returncode == 0, built.stderr
    return {
        page.parent.relative_to(folder / "site").as_posix().strip("."): page.read_text("utf-8")
        for page in (folder / "site").glob("**/index.html")
    }


class Project:
    """A project folder under tmp_path: spec/codes.yaml (the sample), templates/, generated/."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.catalog = root / "spec" / "codes.yaml"
        self.templates = root / "templates"
        self.output = root / "generated"
        self.catalog.parent.mkdir(parents=True)
        self.templates.mkdir()
        self.catalog.write_bytes((TESTS / "fixtures" / "sample.yaml").read_bytes())
        # Its own configuration (the defaults), so the repository's own is never found.
        self.config = root / "codegen.toml"
        self.config.write_text('catalog = "spec/codes.yaml"\n', encoding="utf-8")

    def run(self, command: str) -> int:
        """``codegen COMMAND`` on this project, in process, as the CLI runs it."""
        from codegen.cli import main

        return main(
            [
                command,
                "--config",
                str(self.config),
                "--catalog",
                str(self.catalog),
                "--templates",
                str(self.templates),
                "--output",
                str(self.output),
            ]
        )

    def files(self) -> dict[str, bytes]:
        """Every file under generated/, by relative path."""
        return {
            p.relative_to(self.output).as_posix(): p.read_bytes()
            for p in sorted(self.output.rglob("*"))
            if p.is_file()
        }


def assert_golden(golden: Path, rendered: str, update: bool) -> None:
    """``rendered`` is byte for byte the golden file ``golden``; with ``update``
    (``pytest --update-golden``) the golden file is rewritten first, for review in the
    commit's diff. Golden files never change any other way."""
    data = rendered.encode("utf-8")
    if update:
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_bytes(data)
    assert golden.is_file(), f"no golden file {golden}: run pytest --update-golden"
    assert golden.read_bytes() == data, f"{golden.name} differs from its golden file"


@contextlib.contextmanager
def imported(source: str, folder: Path) -> Iterator[ModuleType]:
    """Generated Python ``source`` written to a file in ``folder`` and imported from it, as
    a program that vendors it would, under a name of its own (so its dataclasses and
    ``from __future__`` annotations resolve); gone from ``sys.modules`` afterwards."""
    name = f"generated_{uuid.uuid4().hex}"
    path = folder / f"{name}.py"
    path.write_text(source, encoding="utf-8")
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    try:
        spec.loader.exec_module(module)
        yield module
    finally:
        sys.modules.pop(name, None)
