"""One random catalog through ``validate``, ``generate`` and ``check``, and every text read
back from every output by its consumer: the property the suite checks, also run on its
minimised counterexamples (test_text_exact.py).

Either ``validate`` refuses the catalog, each error located (``path:line:col:``) at a text
holding a character of a class docs/catalog-format.md refuses, or every text reads back
exactly.
"""

from __future__ import annotations

import contextlib
import io
import json
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML

from codegen.cli import main
from tests.support.catalogs import imported
from tests.support.python_style import assert_formatters_keep
from tests.support.random_catalogs import Drawn, refused_class, to_yaml
from tests.support.text_readers import (
    PLAIN,
    TSC,
    Segments,
    html_texts,
    markdown_texts,
    member_docstrings,
    normalized,
    segments,
    typescript_exports,
)

CONFIG = """catalog = "codes.yaml"
output = "generated"

[[targets]]
template = "python_module.py.j2"
output = "python/{module}.py"
formatter = "python"

[[targets]]
template = "jsonschema.json.j2"
output = "jsonschema/{module}.schema.json"
formatter = "json"

[[targets]]
template = "openapi.yaml.j2"
output = "openapi/{module}.openapi.yaml"
formatter = "yaml"

[[targets]]
template = "docs_index.md.j2"
output = "docs/index.md"
formatter = "markdown"

[[targets]]
template = "docs_page.md.j2"
output = "docs/{lang}.md"
formatter = "markdown"

[[targets]]
template = "typescript_module.ts.j2"
output = "typescript/{module}.ts"
formatter = "none"
"""
LOCATED = re.compile(r"codes\.yaml:(\d+):(\d+): (.*)")


@dataclass
class Tally:
    """How many exact comparisons were made, and on how many catalogs."""

    checks: int = 0
    catalogs: int = 0
    refused: int = 0
    seen: list[str] = field(default_factory=list)

    def equal(self, got: object, expected: object, where: str) -> None:
        """Assert ``got == expected`` and count it."""
        self.checks += 1
        assert got == expected, f"{where}: {got!r} != {expected!r}"


TALLY = Tally()


def cli(command: str, folder: Path) -> tuple[int, str]:
    """``codegen COMMAND`` in ``folder``, in process: its exit code and what it printed to stderr."""
    err = io.StringIO()
    with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
        code = main([command, "--config", str(folder / "codegen.toml")])
    return code, err.getvalue()


def refused_texts(node: object) -> list[str]:
    """Every string in ``node`` holding a character the format refuses."""
    if isinstance(node, str):
        return [node] if any(refused_class(c) for c in node) else []
    values = node.values() if isinstance(node, dict) else node if isinstance(node, list) else []
    return [text for value in values for text in refused_texts(value)]


def run(drawn: Drawn, folder: Path) -> dict[str, str] | None:
    """Validate, generate and check the catalog in ``folder``; its outputs, or None when
    ``validate`` refused it (after checking each error is located at a refused text)."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "codes.yaml").write_text(to_yaml(drawn.data), encoding="utf-8")
    (folder / "codegen.toml").write_text(CONFIG, encoding="utf-8")
    TALLY.catalogs += 1
    code, err = cli("validate", folder)
    expected_refusal = refused_texts(drawn.data)
    if code == 2:
        _check_refusal(err, folder, bool(expected_refusal))
        return None
    assert not expected_refusal, f"validate accepted {expected_refusal[0]!r}"
    assert code == 0, err
    for command in ("generate", "check"):
        code, err = cli(command, folder)
        TALLY.equal(code, 0, f"{command}: {err}")
    output = folder / "generated"
    return {
        p.relative_to(output).as_posix(): p.read_text(encoding="utf-8")
        for p in output.rglob("*")
        if p.is_file() and not p.name.startswith(".")
    }


def _check_refusal(err: str, folder: Path, expected: bool) -> None:
    assert expected, f"validate refused a catalog without a refused character: {err}"
    TALLY.refused += 1
    lines = (folder / "codes.yaml").read_text(encoding="utf-8").split("\n")
    errors = err.strip().split("\n")
    assert errors
    for error in errors:
        match = LOCATED.search(error)
        assert match, f"an error without a location: {error}"
        line, column, message = int(match[1]), int(match[2]), match[3]
        scalar = YAML(typ="safe", pure=True).load("v: " + lines[line - 1][column - 1 :])["v"]
        classes = {refused_class(c) for c in scalar} - {None}
        TALLY.equal(bool(classes), True, f"{error} points at {scalar!r}")
        assert any(str(name) in message for name in classes), error


def _src(texts: dict[str, str], source: str) -> str:
    return texts.get(source, "")


def check_python(drawn: Drawn, files: dict[str, str], folder: Path) -> None:
    """The module in black's and ruff's style already (no formatter runs on it), imported,
    and its docstrings read from the source as Sphinx reads them."""
    source = files["python/random_codes.py"]
    assert_formatters_keep(source)
    with imported(source, folder) as module:
        _check_module(drawn, module, source)


def _check_module(drawn: Drawn, module: Any, source: str) -> None:
    src = drawn.languages[0]
    for data in drawn.sets:
        name = data["curated"]["name"]
        cls = getattr(module, name)
        TALLY.equal(cls.__doc__, _src(data["title"], src) or name, f"{name}.__doc__")
        docstrings = member_docstrings(source, name)
        group, note = data["attributes"][0], data["attributes"][1]
        key = group["key"]
        for code in data["codes"]:
            member = cls.lookup(code["code"])
            where = f"{name}.{code['curated']['name']}"
            TALLY.equal(member.name, code["curated"]["name"], where)
            TALLY.equal(member.message, code["message"][src], f"{where}.message")
            expected = {lang: text for lang, text in code["message"].items() if text}
            TALLY.equal(dict(member.messages), expected, f"{where}.messages")
            TALLY.equal(docstrings[member.name], code["message"][src], f"{where} docstring")
            TALLY.equal(getattr(member, key).label, code[key], f"{where}.{key}.label")
            TALLY.equal(getattr(member, note["key"]), _src(code[note["key"]], src), where)
        group_cls = type(getattr(cls.lookup(data["codes"][0]["code"]), key))
        head = _src(group["header"], src) or key
        TALLY.equal(group_cls.__doc__, f"The values of {name}.{key}: {head}", "group doc")
        value_docs = member_docstrings(source, group_cls.__name__)
        for value in group["values"]:
            member = group_cls[value["curated"]["name"]]
            expected = {lang: text for lang, text in value["label"].items() if text}
            TALLY.equal(dict(member.labels), expected, f"{member} labels")
            TALLY.equal(value_docs[member.name], value["label"][src], f"{member} docstring")


def check_schemas(drawn: Drawn, files: dict[str, str]) -> None:
    """The JSON Schema (json) and the OpenAPI document (ruamel, safe): titles, descriptions
    and each code's message."""
    src = drawn.languages[0]
    schema = json.loads(files["jsonschema/random_codes.schema.json"])
    openapi: Any = YAML(typ="safe", pure=True).load(files["openapi/random_codes.openapi.yaml"])
    title = _src(drawn.data["title"], src) or "random_codes"
    TALLY.equal(schema["title"], title, "schema title")
    TALLY.equal(openapi["info"]["title"], title, "openapi title")
    for document, defs in ((schema, schema["$defs"]), (openapi, openapi["components"]["schemas"])):
        for data in drawn.sets:
            name = data["curated"]["name"]
            found = defs[name]
            TALLY.equal(found["title"], _src(data["title"], src), f"{name} title")
            TALLY.equal(found.get("description", ""), _src(data["description"], src), name)
            messages = [code["message"][src] for code in data["codes"]]
            TALLY.equal([item["description"] for item in found["oneOf"]], messages, name)
            TALLY.equal(
                [item["const"] for item in found["oneOf"]], [c["code"] for c in data["codes"]], name
            )
            TALLY.equal(found["x-enum-descriptions"], messages, name)
    assert document is openapi


def check_typescript(drawn: Drawn, files: dict[str, str], folder: Path) -> None:
    """The TypeScript module run by node: each info record's messages and labels."""
    if not TSC.exists():
        return
    exported = typescript_exports(files["typescript/random_codes.ts"], folder)
    src = drawn.languages[0]
    for data in drawn.sets:
        name = data["curated"]["name"]
        records = {record["code"]: record for record in exported[f"{name}Info"].values()}
        for code in data["codes"]:
            record = records[code["code"]]
            TALLY.equal(record["message"], code["message"][src], f"{name} message")
            expected = {lang: text for lang, text in code["message"].items() if text}
            TALLY.equal(record["messages"], expected, f"{name} messages")


def page_texts(drawn: Drawn, lang: str) -> Counter[Segments]:
    """Every catalog text the docs page of ``lang`` shows, as segments (each may show up
    more than once on the page; the page must hold each at least once): its code spans,
    emphasis and links as markup, but for the codes, which are not prose (md_code_spans)."""
    src = drawn.languages[0]

    def shown(texts: dict[str, str]) -> str:
        return texts.get(lang) or texts.get(src) or ""

    expected: Counter[Segments] = Counter()
    expected[segments(shown(drawn.data["title"]))] += 1
    for data in drawn.sets:
        for texts in (data["title"], data["section"], data["description"]):
            if shown(texts):
                expected[segments(shown(texts))] += 1
        for column in ("code", "message"):
            if shown(data["columns"][column]):
                expected[segments(shown(data["columns"][column]))] += 1
        for attribute in data["attributes"]:
            expected[segments(shown(attribute["header"]))] += 1
        labels = {v["label"][src]: v["label"] for v in data["attributes"][0]["values"]}
        note = data["attributes"][1]["key"]
        for code in data["codes"]:
            expected[segments(str(code["code"]), markup=False)] += 1
            expected[segments(shown(code["message"]))] += 1
            expected[segments(shown(labels[code[data["attributes"][0]["key"]]]))] += 1
            expected[segments(shown(code[note]))] += 1
    return expected


def check_markdown(drawn: Drawn, files: dict[str, str]) -> None:
    """Each language's page read by markdown-it holds every text it shows; the index links
    each page by its title (the title's own links shown as their text)."""
    src = drawn.languages[0]
    index = markdown_texts(files["docs/index.md"])
    for lang in drawn.languages:
        title = drawn.data["title"].get(lang) or drawn.data["title"].get(src)
        shown = segments(title, links=False) if title else segments("random_codes", markup=False)
        link = normalized([*shown, (f" ({lang})", PLAIN)])
        TALLY.equal(link in index, True, f"index lacks {title!r}: {link!r}; has {list(index)}")
    for lang in drawn.languages:
        read = markdown_texts(files[f"docs/{lang}.md"])
        for text in page_texts(drawn, lang):
            TALLY.equal(text in read, True, f"docs/{lang}.md lacks {text!r}; has {list(read)}")


def check_site(drawn: Drawn, pages: dict[str, str]) -> None:
    """Each language's page in the mkdocs-built site holds every text it shows."""
    for lang in drawn.languages:
        read = html_texts(pages[lang])
        for text in page_texts(drawn, lang):
            TALLY.equal(text in read, True, f"{lang}/index.html lacks {text!r}; has {list(read)}")
