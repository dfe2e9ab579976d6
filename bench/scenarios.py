"""What is timed, and the temporary repository each size is timed in.

A size's repository is laid out like a real one (spec/codes.yaml, templates/, generated/)
plus the inputs of the other commands: the catalog as a Markdown page (for `import`) and as
a LinkML schema (for the peer). Each step names the state the tree must be in before it
runs; :class:`Repo` gets it there without timing that work.
"""

from __future__ import annotations

import dataclasses
import json
import re
import shutil
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bench import synth
from bench.documents import Data, to_markdown
from bench.linkml_schema import linkml_schema_yaml
from bench.measure import describe_problem, run_once

CATALOG = "spec/codes.yaml"
MARKDOWN = "docs/codes.md"
IMPORTED = "imported/codes.yaml"
LINKML_SCHEMA = "linkml/schema.yaml"
LINKML_DOCS = "linkml/docs"
FLOOR_CODE = "import jinja2, ruamel.yaml"  # what generate needs; black only for user targets
CACHE_DIRS = (".codegen-cache",)
RUFF_CONFIG = "codegen-ruff.toml"  # the repository's configuration, Python formatted by ruff
SETUP_TIMEOUT = 1800.0


@dataclass(frozen=True)
class Inputs:
    """The files of one size, as text."""

    codes: int
    origin: str  # "real spec/codes.yaml" or "synthetic"
    catalog: str
    markdown: str
    markdown_lang: str
    linkml: str
    data: Data = field(repr=False)  # the catalog as plain data
    edit_at: int = -1  # where in `catalog` the first code's message ends; -1: not found

    def changed_catalog(self, run: int) -> str:
        """The catalog with the first code's message changed, differently for each ``run``.

        A different edit per run, so a cache codegen keeps cannot answer the run from an
        earlier one. The edit is made in place in the text when its position is known.
        """
        mark = f"(改訂{run})"
        if self.edit_at >= 0:
            return self.catalog[: self.edit_at] + mark + self.catalog[self.edit_at :]
        return synth.catalog_yaml(synth.one_message_changed(self.data, mark))


@dataclass(frozen=True)
class Step:
    """One codegen command to time, and the state it needs before each run."""

    key: str  # used on the command line (--profile) and in the plot
    label: str
    args: tuple[str, ...]
    state: str  # "scratch", "generated", "changed", "no-import" or "imported"
    expect: int = 0
    config: str = ""  # "" for the repository's own configuration, else RUFF_CONFIG


def codegen_steps(markdown_lang: str, ruff: bool = True) -> list[Step]:
    """The commands timed at one size: every command with the repository's configuration
    (no formatter runs on the built-in outputs), then, when ``ruff``, ``generate`` with
    RUFF_CONFIG (what a project that asks ruff to format its Python module pays), then
    ``import`` of the Markdown page into an empty catalog and again into the catalog it
    made (``reimport``)."""
    steps = [
        Step(key, label, (command,), state, expect)
        for key, label, command, state, expect in (
            ("generate", "generate from scratch", "generate", "scratch", 0),
            ("generate-noop", "generate, nothing changed", "generate", "generated", 0),
            ("check", "check, up to date", "check", "generated", 0),
            ("check-changed", "check, one message changed (exit 1)", "check", "changed", 1),
        )
    ]
    if ruff:
        args = ("generate", "--config", RUFF_CONFIG)
        steps.append(
            Step("generate-ruff", "generate from scratch [ruff]", args, "scratch", 0, RUFF_CONFIG)
        )
    import_args = ("import", MARKDOWN, "--lang", markdown_lang, "--catalog", IMPORTED)
    steps.append(
        Step("import", "import the Markdown page into an empty catalog", import_args, "no-import")
    )
    steps.append(
        Step(
            "reimport",
            "import the Markdown page again into the catalog it made",
            import_args,
            "imported",
        )
    )
    return steps


LINKML_GENERATORS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("gen-python", (LINKML_SCHEMA,)),
    ("gen-json-schema", (LINKML_SCHEMA,)),
    ("gen-doc", ("-d", LINKML_DOCS, LINKML_SCHEMA)),
)


def synthetic_inputs(size: int, origin: str = "synthetic") -> Inputs:
    catalog = synth.build_catalog(size)
    text = synth.catalog_yaml(catalog)
    return _inputs(catalog, origin, text, first_message_end(text, catalog))


def real_inputs(path: Path) -> Inputs:
    """The project's own catalog; its Markdown page and LinkML schema are made from it."""
    from ruamel.yaml import YAML

    text = path.read_text(encoding="utf-8")
    catalog = YAML(typ="safe", pure=True).load(text)
    edit_at = first_message_end(text, catalog)
    inputs = _inputs(catalog, f"real {CATALOG}", text, edit_at)
    wanted = synth.one_message_changed(catalog, "(改訂1)")
    if edit_at >= 0 and YAML(typ="safe", pure=True).load(inputs.changed_catalog(1)) != wanted:
        inputs = dataclasses.replace(inputs, edit_at=-1)  # the in-place edit is not safe here
    return inputs


def first_message_end(text: str, catalog: Data) -> int:
    """Where the first code's source-language message ends in ``text``; -1 when not found."""
    old = catalog["code_sets"][0]["codes"][0]["message"][catalog["source_language"]]
    start = text.find("message:", text.find("codes:"))
    end = text.find("\n", start)
    found = text.find(old, start, end) if start >= 0 and old else -1
    return found + len(old) if found >= 0 else -1


def _inputs(catalog: Data, origin: str, text: str, edit_at: int) -> Inputs:
    lang = catalog["source_language"]
    return Inputs(
        codes=synth.count_codes(catalog),
        origin=origin,
        catalog=text,
        markdown=to_markdown(catalog, lang),
        markdown_lang=lang,
        linkml=linkml_schema_yaml(catalog),
        data=catalog,
        edit_at=edit_at,
    )


class Repo:
    """A temporary repository for one size, and the state of its generated/ folder."""

    def __init__(self, root: Path, source: Path, inputs: Inputs, python: str, env: dict[str, str]):
        self.root, self.inputs, self.python, self.env = root, inputs, python, env
        self.state = "scratch"
        self.changes = 0  # catalog edits made so far, each one different
        for relative, text in (
            (CATALOG, inputs.catalog),
            (MARKDOWN, inputs.markdown),
            (LINKML_SCHEMA, inputs.linkml),
        ):
            self._write(relative, text)
        (root / "generated").mkdir()
        (root / "imported").mkdir()
        if (source / "templates").is_dir():
            shutil.copytree(source / "templates", root / "templates")
        else:
            (root / "templates").mkdir()
        if (source / "pyproject.toml").is_file():  # a [tool.codegen] table, when there is one
            shutil.copy2(source / "pyproject.toml", root / "pyproject.toml")
        self._write(RUFF_CONFIG, ruff_config(source / "pyproject.toml"))
        self.generated_by: str | None = None  # the configuration generated/ was made with

    def codegen(self, *args: str) -> list[str]:
        return [self.python, "-m", "codegen", *args]

    def before_each(self, step: Step) -> Callable[[], None]:
        if step.state == "scratch":
            return self.clear_generated
        if step.state == "no-import":
            return lambda: (self.root / IMPORTED).unlink(missing_ok=True)
        if step.state == "changed":
            return self._change_one_message
        return lambda: None

    def enter(self, step: Step) -> str:
        """Bring the tree into ``step.state``; '' when done, else why it could not."""
        if step.state == "imported" and not (self.root / IMPORTED).is_file():
            sample = run_once(self.codegen(*step.args), self.root, self.env, SETUP_TIMEOUT)
            problem = describe_problem(sample, 0, SETUP_TIMEOUT)
            return f"setup (import) {problem}" if problem else ""
        ready = self.state == "generated" and self.generated_by == step.config
        if step.state in ("generated", "changed") and not ready:
            self._write(CATALOG, self.inputs.catalog)
            self.clear_generated()
            generate = ("generate", "--config", step.config) if step.config else ("generate",)
            sample = run_once(self.codegen(*generate), self.root, self.env, SETUP_TIMEOUT)
            problem = describe_problem(sample, 0, SETUP_TIMEOUT)
            if problem:
                self.state = "scratch"
                return f"setup (generate) {problem}"
            self.state, self.generated_by = "generated", step.config
        return ""

    def leave(self, step: Step, ok: bool) -> None:
        """Record the state ``step`` left the tree in, restoring the catalog it changed."""
        if step.state == "changed":
            self._write(CATALOG, self.inputs.catalog)
        elif step.state == "scratch":
            generated = ok and step.args[0] == "generate"
            self.state = "generated" if generated else "scratch"
            self.generated_by = step.config if generated else None

    def _change_one_message(self) -> None:
        self.changes += 1
        self._write(CATALOG, self.inputs.changed_catalog(self.changes))

    def clear_generated(self) -> None:
        for path in (self.root / "generated").iterdir():
            shutil.rmtree(path) if path.is_dir() else path.unlink()
        for name in CACHE_DIRS:
            shutil.rmtree(self.root / name, ignore_errors=True)

    def clear_linkml_docs(self) -> None:
        shutil.rmtree(self.root / LINKML_DOCS, ignore_errors=True)

    def _write(self, relative: str, text: str) -> None:
        path = self.root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8", newline="\n")


def ruff_config(pyproject: Path) -> str:
    """A codegen.toml equal to ``pyproject``'s [tool.codegen] table (the built-in targets
    when it has none) with every Python target formatted by ruff instead of black."""
    import tomllib

    from codegen.render.targets import DEFAULT_TARGETS

    table: dict[str, Any] = {}
    if pyproject.is_file():
        table = tomllib.loads(pyproject.read_text("utf-8")).get("tool", {}).get("codegen", {})
    table = dict(table)
    targets = table.pop("targets", None) or [
        {"template": t.template, "output": t.output, "formatter": t.formatter, **_options(t)}
        for t in DEFAULT_TARGETS
    ]
    lines = ["# Written by bench/scenarios.py: this repository's configuration, with ruff", ""]
    lines += [f"{_toml_key(key)} = {_toml(value)}" for key, value in table.items()]
    for target in targets:
        target = {**target}
        if target.get("formatter") == "python":
            target["formatter"] = "ruff"
        lines += ["", "[[targets]]", *(f"{_toml_key(k)} = {_toml(v)}" for k, v in target.items())]
    return "\n".join(lines) + "\n"


def _options(target: Any) -> dict[str, Any]:
    return {"options": dict(target.options)} if target.options else {}


def _toml_key(key: str) -> str:
    return key if re.fullmatch(r"[A-Za-z0-9_-]+", key) else json.dumps(key, ensure_ascii=False)


def _toml(value: Any) -> str:
    """``value`` (a string, boolean, number, list or table) as TOML."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, list):
        return "[" + ", ".join(_toml(item) for item in value) + "]"
    if isinstance(value, dict):
        items = ", ".join(f"{_toml_key(k)} = {_toml(v)}" for k, v in value.items())
        return "{ " + items + " }" if items else "{}"
    raise TypeError(f"cannot write {type(value).__name__} as TOML")
