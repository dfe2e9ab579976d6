"""The files ``codegen init`` writes (:mod:`codegen.commands.init`), and the name of a new
project's module.

codegen.toml (the configuration, the defaults stated), spec/codes.yaml (a catalog without
code sets, ready for ``codegen import``), templates/README.md (the override rules) and
codegen.mk (make targets for a Makefile to include). init always writes codegen.toml, never
editing a pyproject.toml. :func:`module_name` also names the catalog a first ``import``
creates.

init also adds lines to .gitignore (the formatting cache, ``.codegen-cache/``) and to
.gitattributes (the outputs and the catalog keep LF line endings in every checkout), each
created when missing: only the lines a file lacks are appended, every other line is kept,
so running init again changes neither.
"""

from __future__ import annotations

import keyword
import os
import re
import sys
from pathlib import Path

from codegen.catalog.default import DEFAULT_CATALOG
from codegen.errors import InputError
from codegen.files import read_limited
from codegen.limits import MAX_CONFIG_BYTES

CONFIG = """\
# codegen's configuration (docs/configuration.md of codegen). Paths are relative to this
# file's folder; codegen finds this file from this folder and every folder below it.
catalog = "spec/codes.yaml"  # the catalog: fill it with `codegen import`
output = "generated"  # every generated file goes under this folder
templates = "templates"  # your template overrides: see templates/README.md

# The command generated headers and `codegen check` tell people to run to regenerate the
# outputs (default: codegen generate), e.g. once your Makefile has `include codegen.mk`:
# regenerate = "make generate"

# Names import derives are warnings until accepted (`codegen names --accept`); "error"
# stops validate and generate on them:
# derived_names = "error"

# The languages to render, some of the catalog's, in this order (default: all of them).
# languages = ["{lang}"]

# Options every template receives as `options`, e.g. where the docs pages are served:
# [options]
# docs_base_url = "https://example.org/errors"

# Without [[targets]] the built-in outputs are written: python/{{module}}.py,
# jsonschema/{{module}}.schema.json, openapi/{{module}}.openapi.yaml, docs/index.md and
# docs/{{lang}}.md. To choose the outputs, list each one, e.g.:
# [[targets]]
# template = "python_module.py.j2"
# output = "python/{{module}}.py"
# formatter = "python"
"""

CATALOG = """\
# The error-code catalog (format 1, see docs/catalog-format.md of codegen): the code
# tables of your API's documentation, copied by `codegen import`, and the names you give
# them, always under a `curated:` key.
#
# A new catalog has no code set, and `codegen validate` and `codegen generate` stop with
# "code_sets must not be empty" until one is imported. Import your documentation first:
#     codegen import YOUR-PAGE.md --lang {lang}
# The first page's language becomes the source language below. The import names every
# code it adds; `codegen names` lists the names it derived (marked `derived: true`) for
# you to check, and `codegen names --accept` accepts them. Then run `codegen generate`.
# `curated.module` names the Python module and is the file stem of every output.
format: 1
source_language: {lang}
languages: [{lang}]
curated:
  module: {module}
code_sets: []
"""

TEMPLATES_README = """\
# Template overrides

`codegen generate` looks for each target's template in this folder first, then among the
templates built into codegen. To change an output, put a template here under the name of
the built-in one it replaces (e.g. `python_module.py.j2`, `docs_page.md.j2`), or one named
by a `[[targets]]` entry of codegen.toml. `{% extends "builtin/docs_page.md.j2" %}` always
names the built-in template, so an override can change a block and keep the rest.

Every `.j2` file here must be used: a template that no target renders is an error, never
silently ignored. Name a file (or a folder) with a leading `_`, like `_macros.j2`, when it
is only included or extended by another template. Files not ending in `.j2` (this README)
are not templates.

Templates run in Jinja's sandbox: they receive the catalog, `lang`, `options`, `output`
and `header`, and the filters listed in docs/configuration.md of codegen; anything else,
such as Python internals, is refused with an error naming the template and line.
"""

MAKEFILE = """\
# codegen's make targets. To use them, add this line to your Makefile:
#     include codegen.mk
CODEGEN ?= codegen

.PHONY: generate check

generate: ## render the catalog into the output folder
\t$(CODEGEN) generate

check: ## fail when generated files are stale, missing or orphaned
\t$(CODEGEN) check
"""


GIT_LINES: dict[str, tuple[str, ...]] = {
    ".gitignore": (
        "# codegen's formatting cache: rebuilt when missing, never to be committed",
        ".codegen-cache/",
        "# a codegen run killed while writing leaves these; the next run removes them",
        ".*.codegen-*.tmp",
    ),
    ".gitattributes": (
        "# codegen writes LF; keep its outputs and catalog LF in every checkout, whatever",
        "# core.autocrlf says",
        "/generated/** text eol=lf",
        "/spec/codes.yaml text eol=lf",
    ),
}


def starting_files(module: str, lang: str) -> dict[str, str]:
    """The files init writes, by path relative to the project folder."""
    return {
        "codegen.toml": CONFIG.format(lang=lang),
        DEFAULT_CATALOG: CATALOG.format(lang=lang, module=module),
        "templates/README.md": TEMPLATES_README,
        "codegen.mk": MAKEFILE,
    }


def git_files(folder: Path) -> dict[str, str]:
    """The .gitignore and .gitattributes of ``folder`` with the lines of
    :data:`GIT_LINES` they lack appended (the whole block for a missing file), by name;
    a file that has them all is left out."""
    updated: dict[str, str] = {}
    for name, block in GIT_LINES.items():
        path = folder / name
        try:
            exists = os.path.lexists(path)
            text = read_limited(path, MAX_CONFIG_BYTES, name).decode() if exists else ""
        except (OSError, UnicodeDecodeError) as error:
            problem = getattr(error, "strerror", None) or "not valid UTF-8"
            raise InputError(f"cannot read it ({problem}); fix or remove it", name) from None
        merged = with_lines(text, block)
        if merged != text:
            updated[name] = merged
    return updated


def with_lines(text: str, block: tuple[str, ...]) -> str:
    """``text`` (a .gitignore or .gitattributes) with the rules of ``block`` it lacks
    appended after it, in ``text``'s line endings; the comments above a group of rules of
    ``block`` come along only when one of those rules does. Lines compare by their words,
    without a leading or trailing ``/`` (``/.codegen-cache`` already ignores the cache)."""
    present = {_rule(line) for line in text.splitlines()}
    groups: list[tuple[list[str], list[str]]] = []  # (comments, the rules under them)
    for line in block:
        if line.startswith("#") and (not groups or groups[-1][1]):
            groups.append(([], []))
        if not groups:
            groups.append(([], []))
        groups[-1][0 if line.startswith("#") else 1].append(line)
    missing: list[str] = []
    for comments, rules in groups:
        lacking = [rule for rule in rules if _rule(rule) not in present]
        if lacking:
            missing += [*comments, *lacking]
    if not missing:
        return text
    newline = "\r\n" if "\r\n" in text else "\n"
    separator = newline if text and not text.endswith("\n") else ""
    return text + separator + "".join(line + newline for line in missing)


def _rule(line: str) -> str:
    return " ".join(line.split()).strip("/")


def module_name(folder: str) -> str:
    """A catalog module name made from a folder name: lowercase ASCII snake_case, its Latin
    letters transliterated as import's names are (``Łódź`` -> ``lodz``, other scripts
    dropped), not a Python keyword nor a standard-library module the generated code could
    shadow."""
    from codegen.importer.merge.names import ascii_text  # names are folded in one place

    ascii_name = ascii_text(folder, other_scripts=False)
    name = re.sub(r"[^a-z0-9]+", "_", ascii_name.lower()).strip("_") or "codes"
    if name[0].isdigit():
        name = f"codes_{name}"
    if keyword.iskeyword(name) or name in sys.stdlib_module_names or name.startswith("todo"):
        name = f"{name}_codes"
    return name


def refuse_second_configuration(folder: Path) -> None:
    """Refuse, as an InputError at pyproject.toml, to start a project where pyproject.toml
    already configures codegen: init writes codegen.toml, and two configurations in one
    folder are an error."""
    import tomllib

    project = folder / "pyproject.toml"
    try:
        data = read_limited(project, MAX_CONFIG_BYTES, "pyproject.toml")
        tool = tomllib.loads(data.decode("utf-8").replace("\r\n", "\n")).get("tool")
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return
    if isinstance(tool, dict) and "codegen" in tool:
        raise InputError(
            "already configures codegen in [tool.codegen]; init writes codegen.toml and "
            "codegen refuses two configurations: keep this one and skip init, or remove the "
            "table first",
            "pyproject.toml",
        )


def project_folder(catalog: Path) -> str:
    """The folder a new catalog's module is named after: the project's, for spec/codes.yaml."""
    folder = catalog.absolute().parent
    return folder.parent.name if folder.name == "spec" else folder.name


def in_codegen_checkout(catalog: Path) -> bool:
    """Whether ``catalog`` is ``spec/codes.yaml`` of a checkout of codegen itself, where the
    catalog's first line points editors at ``codegen/schemas/catalog.schema.json``."""
    resolved = catalog.resolve()
    return (
        resolved.name == "codes.yaml"
        and resolved.parent.name == "spec"
        and (resolved.parent.parent / "codegen" / "schemas").is_dir()
    )
