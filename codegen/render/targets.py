"""The outputs to generate: which template renders which file, and how it is checked.

The built-in templates are in ``codegen/templates`` (:data:`BUILTIN_TEMPLATES`); an override
folder's template of the same name replaces one, and ``builtin/NAME`` (:data:`BUILTIN_PREFIX`)
always names the built-in one. Targets are plain data, read from the configuration
(:mod:`codegen.project.config`); without one, :data:`DEFAULT_TARGETS` apply. An output path is
relative to the output folder and may hold two placeholders: ``{module}`` (the catalog's module
name) and ``{lang}`` (a target whose output holds ``{lang}`` renders one file per language of the
catalog).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING, Literal

from codegen.errors import InputError
from codegen.files import vcs_folder

if TYPE_CHECKING:  # the model is imported by catalog_for, not by the configuration
    from codegen.catalog.model import Catalog

Formatter = Literal["python", "ruff", "json", "yaml", "markdown", "none"]
FORMATTERS: tuple[Formatter, ...] = ("python", "ruff", "json", "yaml", "markdown", "none")
NO_OPTIONS: Mapping[str, object] = MappingProxyType({})
BUILTIN_TEMPLATES = Path(__file__).parent.parent / "templates"
BUILTIN_PREFIX = "builtin"
CODE_SETS = ("closed", "open")  # the values of the option code_sets; the first is the default
PYTHON_LINE_LENGTH = 100  # as the repository's own black configuration
PYTHON_TARGET_VERSION = "3.9"  # the oldest Python the generated module runs on


@dataclass(frozen=True)
class Target:
    """One template and the file(s) it renders.

    ``formatter`` formats and parses the output back before it is written (python: black,
    ruff: ``ruff format``, json: json.loads and a canonical dump, yaml: ruamel's safe
    loader, markdown and none: as rendered). ``options`` reach the template as ``options``
    and the formatter (for python and ruff: ``line_length``, ``target_version`` such as
    ``"3.9"``); the options ``module`` and ``title`` replace the catalog's for this target
    (:func:`catalog_for`).
    """

    template: str
    output: str
    formatter: Formatter = "none"
    options: Mapping[str, object] = field(default_factory=lambda: NO_OPTIONS, hash=False)


BUILTIN_OPTIONS: Mapping[str, Mapping[str, object]] = MappingProxyType(
    {"openapi.yaml.j2": MappingProxyType({"version": "1.0.0"})}
)


def builtin_options(template: str) -> Mapping[str, object]:
    """The options a target of the built-in template ``template`` (``openapi.yaml.j2`` or
    ``builtin/openapi.yaml.j2``) has before any are configured: ``{"version": "1.0.0"}``
    for OpenAPI, none for the others. Configured options go over them."""
    return BUILTIN_OPTIONS.get(template.removeprefix("builtin/"), NO_OPTIONS)


DEFAULT_TARGETS: tuple[Target, ...] = (
    Target("python_module.py.j2", "python/{module}.py", "python"),
    Target("jsonschema.json.j2", "jsonschema/{module}.schema.json", "json"),
    Target(
        "openapi.yaml.j2",
        "openapi/{module}.openapi.yaml",
        "yaml",
        builtin_options("openapi.yaml.j2"),
    ),
    Target("docs_index.md.j2", "docs/index.md", "markdown"),
    Target("docs_page.md.j2", "docs/{lang}.md", "markdown"),
)


def catalog_for(target: Target, catalog: Catalog) -> Catalog:
    """``catalog`` as ``target`` sees it: its options ``module`` (the module name and the
    ``{module}`` of the output path) and ``title`` (the title in every language) replace
    the catalog's. Options of another type are left alone (the configuration checks them)."""
    module, title = target.options.get("module"), target.options.get("title")
    if isinstance(module, str):
        catalog = replace(catalog, module=module)
    if isinstance(title, str):
        from codegen.catalog.model import texts  # not needed by the configuration

        catalog = replace(catalog, title=texts({lang: title for lang in catalog.languages}))
    return catalog


def outputs(target: Target, catalog: Catalog) -> tuple[tuple[str, str], ...]:
    """The ``(relative path, language)`` pairs ``target`` renders for ``catalog``: one per
    language when its output holds ``{lang}``, else one in the source language."""
    if target.formatter not in FORMATTERS:
        raise InputError(
            f"target {target.output}: unknown formatter {target.formatter!r}; "
            f"use one of {', '.join(FORMATTERS)}"
        )
    path = target.output.replace("{module}", catalog.module)
    if "{lang}" not in path:
        return ((checked_relative(path), catalog.source_language),)
    return tuple(
        (checked_relative(path.replace("{lang}", lang)), lang) for lang in catalog.languages
    )


MAX_FILE_NAME = 255  # bytes of one part of a path, as most file systems hold


def checked_relative(path: str) -> str:
    """``path`` if it is a plain relative path (``/``-separated, no ``..``, no control
    character, no part longer than a file name may be), else an InputError."""
    parts = path.split("/")
    if not path or path.startswith("/") or "\\" in path or ":" in parts[0]:
        raise InputError(f"output path {path!r} must be relative to the output folder")
    if any(part in ("", ".", "..") for part in parts):
        raise InputError(f"output path {path!r} may not hold empty, '.' or '..' parts")
    if not path.isprintable():
        raise InputError(f"output path {path!r} may not hold a control character")
    if vcs_folder(path):
        raise InputError(
            f"output path {path!r} leads into {vcs_folder(path)}, a version control folder: "
            "writing there could change what git runs; choose another path"
        )
    if problem := long_part_problem(path):
        raise InputError(f"output path {path[:60]!r}...: {problem}")
    return path


def long_part_problem(path: str) -> str | None:
    """Why a part of ``path`` (``/``-separated) cannot name a file: longer than
    :data:`MAX_FILE_NAME` bytes; None when none is."""
    if all(len(part.encode("utf-8", "surrogatepass")) <= MAX_FILE_NAME for part in path.split("/")):
        return None
    return f"a part of it is longer than {MAX_FILE_NAME} bytes, more than a file name holds: shorten it"


def runs_black(options: Mapping[str, object], laid_out: bool) -> bool:
    """Whether the ``python`` formatter runs black on a target with ``options``: not on a
    text ``laid_out`` in black's layout (the built-in template's, written for the default
    line length; ``tests/render/views/test_python_layout.py``), unless another
    ``line_length`` asks for a layout it was not written in."""
    return not laid_out or options.get("line_length", PYTHON_LINE_LENGTH) != PYTHON_LINE_LENGTH
