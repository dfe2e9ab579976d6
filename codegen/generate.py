"""``codegen generate``: render the catalog into every target and write what changed.

The catalog, output folder, template folder and targets come from the configuration
(:mod:`codegen.config`) and the command line. Before rendering, every target's template
must exist and every template of the override folder must be some target's (or a partial,
named with a leading ``_``): an override that replaces nothing is an error.

Files whose content is unchanged are not rewritten. A file under the output folder that
generate no longer writes is deleted only when it carries the DO-NOT-EDIT header of a
generated file; any other file is left alone (``codegen check`` reports it as orphaned).

Beside the outputs, generate writes the manifest (:mod:`codegen.manifest`): when it proves
the folder up to date, generate and check read no YAML and render nothing. Black's output
is cached in ``.codegen-cache/`` next to the configuration (:mod:`codegen.formatting`), and
Jinja's compiled templates in a per-user folder (:mod:`codegen.render`).

A run holds the locks of its catalog and output folder (:mod:`codegen.locks`) from before
it hashes its inputs to its last write, and first deletes the temporary files a killed run
left in the output folder, the catalog's folder and the formatting cache.
"""

from __future__ import annotations

import argparse
import os
import posixpath
from collections.abc import Mapping
from contextlib import AbstractContextManager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from codegen import manifest
from codegen.errors import CodegenError, ExitCode, InputError, MultipleErrors
from codegen.limits import DEFAULT_LIMITS, RenderLimits
from codegen.model import Catalog
from codegen.targets import DEFAULT_TARGETS, Target
from codegen.writing import (
    DEFAULT_REGENERATE,
    existing_files,
    is_generated,
    remove,
    remove_stale_temporaries,
    write_changed,
)

if TYPE_CHECKING:
    from codegen.config import Config

CACHE_FOLDER = ".codegen-cache"  # formatted text, next to the configuration (gitignored)

DEFAULT_TEMPLATES = "templates"  # the default folder; when it is missing, there is no override


@dataclass(frozen=True)
class Inputs:
    """What one run of generate or check works from."""

    catalog: Catalog
    template_dirs: tuple[Path, ...]
    output_dir: Path
    output_shown: str  # the output folder as given, for messages
    targets: tuple[Target, ...] = DEFAULT_TARGETS
    recorded: tuple[dict[str, str], dict[str, str]] | None = None  # manifest inputs, versions
    cache: Path | None = None  # the formatting cache folder
    regenerate: str = DEFAULT_REGENERATE  # the command the headers name
    limits: RenderLimits = DEFAULT_LIMITS  # per output: rendering time and size

    def shown(self, relative: str) -> str:
        return posixpath.join(self.output_shown, relative)

    def render(self) -> dict[str, str]:
        """Every output, and the manifest when the inputs could be hashed."""
        from codegen.formatting import formatting_cache
        from codegen.render import render_all  # imports jinja2: only on the full path

        with formatting_cache(self.cache):
            files = render_all(
                self.catalog,
                self.targets,
                self.template_dirs,
                True,
                self.regenerate,
                self.limits,
            )
        if self.recorded is not None:
            files[manifest.MANIFEST] = manifest.manifest_text(
                *self.recorded, files, self.regenerate
            )
        return files


@dataclass(frozen=True)
class Plan:
    """The configuration of a run and the hashes of its inputs, computed without reading
    the catalog's YAML: enough to tell whether the output folder is up to date."""

    config: Config
    output_dir: Path
    catalog_shown: str
    template_dirs: tuple[Path, ...]
    inputs: dict[str, str] | None
    versions: dict[str, str]

    @property
    def output_shown(self) -> str:
        return self.output_dir.as_posix()

    def shown(self, relative: str) -> str:
        return posixpath.join(self.output_shown, relative)

    def up_to_date(self) -> manifest.UpToDate | None:
        """What the manifest proves when it proves the folder up to date, else None."""
        return manifest.fast_path_holds(self.output_dir, self.inputs, self.versions)

    def load(self) -> Inputs:
        """The full path: the catalog loaded and validated, the templates checked."""
        from codegen.spec import load_catalog

        config = self.config
        catalog_path = Path(config.catalog)
        loaded = load_catalog(
            catalog_path, display_path=self.catalog_shown, derived=config.derived_names
        )
        catalog = config.check_catalog(loaded)
        check_templates(config, self.template_dirs)
        recorded = (self.inputs, self.versions) if self.inputs is not None else None
        root = config.root or self.output_dir.absolute().parent
        return Inputs(
            catalog,
            self.template_dirs,
            self.output_dir,
            self.output_shown,
            config.targets,
            recorded,
            root / CACHE_FOLDER,
            config.regenerate,
            config.limits,
        )


def plan(args: argparse.Namespace, config: Config | None = None) -> Plan:
    """The configuration (:func:`codegen.config.load_config`, unless given) and the hashes
    of the inputs."""
    from codegen.config import load_config

    config = config or load_config(args)
    output_dir = Path(config.output)
    shown = catalog_shown(Path(config.catalog), output_dir, config.root)
    folders = template_dirs(config.templates, required=config.templates_required)
    return Plan(
        config,
        output_dir,
        shown,
        folders,
        manifest.inputs(config, shown, folders),
        manifest.versions(config),
    )


def load_inputs(args: argparse.Namespace) -> Inputs:
    """The catalog, templates, targets and output folder named by the configuration and
    the command line."""
    return plan(args).load()


def catalog_shown(catalog_path: Path, output_dir: Path, project: Path | None = None) -> str:
    """The catalog's path as generated headers name it, whatever the working directory:
    relative to the ``project`` folder (the configuration's) when it holds the catalog,
    else to the folder that holds the output folder; e.g. spec/codes.yaml."""
    catalog = catalog_path.resolve()
    if project is not None and catalog.is_relative_to(project.resolve()):
        return catalog.relative_to(project.resolve()).as_posix()
    try:
        return Path(os.path.relpath(catalog, output_dir.resolve().parent)).as_posix()
    except ValueError:  # another drive
        return catalog_path.name


def template_dirs(folder: str, *, required: bool = False) -> tuple[Path, ...]:
    """The override folder, absolute; none when it does not exist and was not named by
    the configuration or the command line (``required``)."""
    path = Path(folder)
    if path.is_dir():
        return (path.resolve(),)
    if not required and not path.exists():
        return ()
    raise InputError(f"template folder {folder} does not exist; create it or fix the path", folder)


def check_templates(config: Config, folders: tuple[Path, ...]) -> None:
    """Every target's template exists, and every template of the override folder is used:
    an override that replaces nothing is an error, never silently ignored."""
    from codegen.render import template_exists, unused_overrides

    names = {target.template for target in config.targets}
    for index, target in enumerate(config.targets):
        if not template_exists(target.template, folders):
            raise config.located.error(
                f"template {target.template!r} is neither in {config.templates}/ nor a "
                "built-in template; fix the name or add the file",
                ("targets", index, "template"),
            )
    errors: list[CodegenError] = [
        InputError(
            "this template replaces no target's template "
            f"({', '.join(sorted(names))}); rename it to one of them, start its name "
            "with _ if another template includes it, or add a target for it",
            posixpath.join(Path(config.templates).as_posix(), relative),
        )
        for folder in folders
        for relative in unused_overrides(folder, names)
    ]
    if errors:
        raise errors[0] if len(errors) == 1 else MultipleErrors(errors)


def leftovers(output_dir: Path, files: Mapping[str, str]) -> tuple[list[str], list[str]]:
    """Files under the output folder that are not among ``files``: the generated ones
    (generate deletes them) and the others (generate keeps them; check reports them)."""
    extra = [relative for relative in existing_files(output_dir) if relative not in files]
    generated = [relative for relative in extra if is_generated(output_dir / relative)]
    return generated, [relative for relative in extra if relative not in generated]


def locked(args: argparse.Namespace, command: str) -> tuple[Config, AbstractContextManager[None]]:
    """The configuration, and the locks of its catalog and output folder to hold while
    ``command`` ("codegen generate", "codegen check") reads or writes them."""
    from codegen.config import load_config
    from codegen.locks import run_locked

    config = load_config(args)
    return config, run_locked(config.catalog, config.output, config.lock_timeout, command)


def remove_leftovers_of_killed_runs(config: Config) -> None:
    """Delete the temporary files of runs that are gone from the output folder (all its
    subfolders), the catalog's folder and the formatting cache."""
    output_dir = Path(config.output)
    remove_stale_temporaries(output_dir, recursive=True)
    remove_stale_temporaries(Path(config.catalog).parent, recursive=False)
    root = config.root or output_dir.absolute().parent
    remove_stale_temporaries(root / CACHE_FOLDER, recursive=False)


def run_generate(args: argparse.Namespace) -> ExitCode:
    """Write every target; print what was written and removed. Nothing is loaded or
    rendered when the manifest proves the output folder up to date."""
    config, lock = locked(args, "codegen generate")
    with lock:
        remove_leftovers_of_killed_runs(config)
        return _generate(plan(args, config))


def _generate(known: Plan) -> ExitCode:
    found = known.up_to_date()
    if found is not None:
        print(f"{known.output_shown}: {found.files} files up to date")
        return ExitCode.OK
    inputs = known.load()
    files = inputs.render()
    try:
        written = write_changed(inputs.output_dir, files)
        stale, _ = leftovers(inputs.output_dir, files)
        remove(inputs.output_dir, stale)
    except OSError as error:
        where = _shown_path(inputs, error.filename)
        raise InputError(f"cannot write {where}: {error.strerror or error}") from None
    for relative in written:
        print(f"wrote {inputs.shown(relative)}")
    for relative in stale:
        print(f"removed {inputs.shown(relative)} (generated, no longer written)")
    if not written and not stale:
        print(f"{inputs.output_shown}: {len(files)} files up to date")
    return ExitCode.OK


def _shown_path(inputs: Inputs, filename: object) -> str:
    """A path an OSError names, as the user knows it: under the output folder as given."""
    if not isinstance(filename, str) or not filename:
        return inputs.output_shown
    path, root = Path(filename), inputs.output_dir.resolve()
    if path.is_absolute() and path.is_relative_to(root):
        return inputs.shown(path.relative_to(root).as_posix())
    return filename
