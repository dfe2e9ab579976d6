"""The project's configuration: ``[tool.codegen]`` in pyproject.toml, or codegen.toml.

Found by walking up from the working directory to the first folder holding a codegen.toml
or a pyproject.toml with a ``[tool.codegen]`` table (both in one folder is an error);
``--config FILE`` names the file instead. Paths in it are relative to its folder; the
command line's ``--catalog``, ``--output`` and ``--templates`` override it. Without any
configuration the defaults apply, relative to the working directory. Every mistake is an
:class:`~codegen.errors.InputError` at the line and column of the key to fix; the keys
and their checks are in :mod:`codegen.project.keys` and docs/configuration.md. A command
passes what its command line gave as keywords (:func:`load_config`), never its parsed
arguments.
"""

from __future__ import annotations

import os
import re
import sys
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from codegen.catalog.model import DEFAULT_CATALOG, Catalog
from codegen.errors import InputError
from codegen.files import read_limited
from codegen.limits import MAX_CONFIG_BYTES, MAX_CONFIG_DEPTH
from codegen.project.keys import check_section, limits_of, targets_of
from codegen.project.paths import PATH_KEYS, check_configured, check_links
from codegen.project.toml_positions import KeyPath, Located, positions, too_deep
from codegen.render.bounds import DEFAULT_LIMITS, RenderLimits
from codegen.render.format_cache import CACHE_FOLDER
from codegen.render.header import DEFAULT_REGENERATE
from codegen.render.targets import DEFAULT_TARGETS, Target, catalog_for, outputs

CONFIG_FILE = "codegen.toml"
PYPROJECT = "pyproject.toml"
DEFAULT_OUTPUT = "generated"
DEFAULT_TEMPLATES = "templates"
_TOML_AT = re.compile(r"^(?P<message>.*) \(at line (?P<line>\d+), column (?P<column>\d+)\)$")


@dataclass(frozen=True)
class Config:
    """What a command works from. Paths are as shown to the user and usable from the
    working directory: as given on the command line, else relative to the working
    directory (``../spec/codes.yaml`` when run from a subfolder)."""

    catalog: str = DEFAULT_CATALOG
    output: str = DEFAULT_OUTPUT
    templates: str = DEFAULT_TEMPLATES
    templates_required: bool = False  # named by the configuration or the command line
    languages: tuple[str, ...] | None = None
    derived_names: str = "warn"  # "error": a name import derived stops validate and generate
    stale_translations: str = "warn"  # "error": a stale translation stops them too
    regenerate: str = DEFAULT_REGENERATE  # the command headers and check name
    breaking_against: str = ""  # a git ref check compares the catalog with; "" for none
    targets: tuple[Target, ...] = DEFAULT_TARGETS
    lock_timeout: int | None = None  # seconds to wait for another run (codegen.project.locks)
    limits: RenderLimits = DEFAULT_LIMITS  # render_timeout and max_output_mib
    allow_outside: bool = False  # paths may leave the project folder (codegen.project.paths)
    file: Path | None = None  # the configuration file, absolute; None: the defaults
    located: Located = field(default_factory=Located)

    @property
    def root(self) -> Path | None:
        """The project folder: the configuration file's folder."""
        return self.file.parent if self.file else None

    @property
    def cache_folder(self) -> Path:
        """The formatting cache, ``.codegen-cache/`` in the project folder (without a
        configuration file: beside the output folder)."""
        return (self.root or Path(self.output).absolute().parent) / CACHE_FOLDER

    def check_catalog(self, catalog: Catalog) -> Catalog:
        """``catalog`` as the targets render it: only the configured languages, in their
        order; an error at the key when a language or an output does not fit."""
        if self.languages is not None:
            for index, lang in enumerate(self.languages):
                if lang not in catalog.languages:
                    raise self.located.error(
                        f"language {lang!r} is not in the catalog ({catalog.path}); use some of "
                        f"{', '.join(catalog.languages)}",
                        ("languages", index),
                    )
            catalog = replace(catalog, languages=self.languages)
        self._check_outputs(catalog)
        return catalog

    def _check_outputs(self, catalog: Catalog) -> None:
        written: dict[str, int] = {}
        for index, target in enumerate(self.targets):
            try:
                made = outputs(target, catalog_for(target, catalog))
            except InputError as error:
                if not self.located.text:
                    raise
                raise self.located.error(error.message, ("targets", index, "output")) from None
            for output, _ in made:
                if output in written and self.located.text:
                    raise self.located.error(
                        f"targets[{index}] writes {output}, as targets[{written[output]}] "
                        "does; give each target its own output",
                        ("targets", index, "output"),
                    )
                written.setdefault(output, index)


def load_config(
    config_file: str | None = None,
    *,
    catalog: str | None = None,
    output: str | None = None,
    templates: str | None = None,
    cwd: Path | None = None,
) -> Config:
    """The configuration for a command: the file ``config_file`` names (``--config``), else
    the one :func:`find_config` finds from ``cwd`` (default: the working directory), else
    the defaults; then the paths given on the command line over it (None: not given).
    Raises InputError at the line and column of a key to fix."""
    cwd = (cwd or Path.cwd()).absolute()
    if config_file:
        path = Path(config_file)
        if not path.is_file():
            raise InputError("no such configuration file; check the --config path", config_file)
        config = read_config(path.absolute(), cwd)
    else:
        found = find_config(cwd)
        config = read_config(found, cwd) if found else Config()
    given = {"catalog": catalog, "output": output, "templates": templates}
    overrides: dict[str, Any] = {name: value for name, value in given.items() if value is not None}
    if templates is not None:
        overrides["templates_required"] = True
    config = _replace(config, overrides)
    if not config.allow_outside:
        paths = {name: getattr(config, name) for name in PATH_KEYS}
        configured = {name for name in PATH_KEYS if given[name] is None}
        check_links(paths, config.root or cwd, cwd, configured, config.located)
    return config


def _replace(config: Config, changes: Mapping[str, Any]) -> Config:
    return replace(config, **changes) if changes else config


def find_config(start: Path) -> Path | None:
    """The first codegen.toml, or pyproject.toml with a ``[tool.codegen]`` table, in
    ``start`` or a folder above it. InputError when one of them is there but is not a
    regular file (a FIFO, a device, a folder, a link to one or to nothing): passing it over
    would let a configuration further up decide the paths."""
    for folder in (start, *start.parents):
        own = folder / CONFIG_FILE
        project = folder / PYPROJECT
        for path in (own, project):
            if os.path.lexists(path) and not path.is_file():
                raise InputError(
                    "this is not a regular file (a folder, a FIFO, a device, or a link to one "
                    "or to nothing), so codegen cannot read its configuration here: replace "
                    "it with a file, or remove it",
                    _shown(path, start, folder),
                )
        in_project = project.is_file() and _has_table(project, start)
        if own.is_file() and in_project:
            text = _read(project, start, within=None)
            line, column = positions(text).get(("tool", "codegen"), (0, 0))
            raise InputError(
                f"both {PYPROJECT} [tool.codegen] and {CONFIG_FILE} configure codegen here; "
                f"keep one of them",
                _shown(project, start, folder),
                line,
                column,
            )
        if own.is_file():
            return own
        if in_project:
            return project
    return None


def _has_table(project: Path, cwd: Path) -> bool:
    text = _read(project, cwd, within=None)  # a link is refused if it is the one chosen
    if "codegen" not in text:
        return False
    tool = _parse(text, _shown(project, cwd, project.parent)).get("tool")
    return isinstance(tool, dict) and "codegen" in tool


def read_config(path: Path, cwd: Path) -> Config:
    """The configuration in ``path`` (absolute), its paths relative to ``cwd``."""
    shown = _shown(path, cwd, path.parent)
    text = _read(path, cwd, within=path.parent)
    data: Any = _parse(text, shown)
    prefix: KeyPath = ()
    if path.name == PYPROJECT:
        prefix = ("tool", "codegen")
        tool = data.get("tool")
        if not isinstance(tool, dict) or "codegen" not in tool:
            raise InputError(f"{PYPROJECT} has no [tool.codegen] table; add one", shown)
        data = tool["codegen"]
    located = Located(shown, text, prefix)
    section = check_section(data, located)
    check_configured(section, located)
    root = path.parent
    config = Config(file=path, located=located)
    defaults = {
        "catalog": DEFAULT_CATALOG,
        "output": DEFAULT_OUTPUT,
        "templates": DEFAULT_TEMPLATES,
    }
    changes: dict[str, Any] = {
        name: _shown(root / section.get(name, default), cwd, root)
        for name, default in defaults.items()
    }
    changes["templates_required"] = "templates" in section
    if "languages" in section:
        changes["languages"] = tuple(section["languages"])
    for name in (
        "derived_names",
        "stale_translations",
        "regenerate",
        "lock_timeout",
        "breaking_against",
        "allow_outside",
    ):
        if name in section:
            changes[name] = section[name]
    changes["targets"] = targets_of(section, located)
    changes["limits"] = limits_of(section)
    return _replace(config, changes)


def _read(path: Path, cwd: Path, *, within: Path | None) -> str:
    """The text of a TOML file: a regular file of at most 1 MiB (and with ``within``, not
    a link out of that folder: :func:`codegen.files.read_limited`), as UTF-8, newlines
    made LF as ``read_text`` makes them."""
    shown = _shown(path, cwd, path.parent)
    try:
        data = read_limited(path, MAX_CONFIG_BYTES, shown, within=within)
        return data.decode("utf-8").replace("\r\n", "\n").replace("\r", "\n")
    except UnicodeDecodeError:
        raise InputError(
            "not valid UTF-8; save the file as UTF-8", _shown(path, cwd, path.parent)
        ) from None
    except OSError as error:
        raise InputError(
            f"cannot read it: {error.strerror}", _shown(path, cwd, path.parent)
        ) from None


_DIGIT_RUN = re.compile("[0-9_]+")


def _parse(text: str, shown: str) -> dict[str, Any]:
    """``text`` as TOML; an InputError at the line and column of what is wrong, also for
    what ``tomllib`` would fail on otherwise: nesting past
    :data:`~codegen.limits.MAX_CONFIG_DEPTH`, an integer with more digits than Python
    reads."""
    deep = too_deep(text, MAX_CONFIG_DEPTH)
    if deep is not None:
        raise InputError(
            f"not valid TOML here: arrays or tables nest deeper than {MAX_CONFIG_DEPTH} levels "
            "(a configuration nests 3)",
            shown,
            *deep,
        )
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        match = _TOML_AT.match(str(error))
        if match is None:
            raise InputError(f"not valid TOML: {error}", shown) from None
        raise InputError(
            f"not valid TOML: {match['message']}",
            shown,
            int(match["line"]),
            int(match["column"]),
        ) from None
    except ValueError:  # int() of more digits than Python converts (4,300)
        digits = sys.get_int_max_str_digits()
        runs = _DIGIT_RUN.finditer(text)  # one pass: no run is scanned twice
        found = next((r for r in runs if len(r.group().replace("_", "")) > digits), None)
        at = (
            (
                text.count("\n", 0, found.start()) + 1,
                found.start() - text.rfind("\n", 0, found.start()),
            )
            if found
            else (0, 0)
        )
        raise InputError(
            f"an integer of more than {digits:,} digits: no setting takes one; shorten it",
            shown,
            *at,
        ) from None


def _shown(path: Path, cwd: Path, root: Path | None = None) -> str:
    """``path`` as a user would type it: relative to ``cwd`` when it is inside it, or when
    ``cwd`` is inside the project folder ``root`` (``../spec/codes.yaml``); else absolute."""
    if path.is_relative_to(cwd) or (root is not None and cwd.is_relative_to(root)):
        try:
            return Path(os.path.relpath(path, cwd)).as_posix()
        except ValueError:  # another drive
            pass
    return path.as_posix()
