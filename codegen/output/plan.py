"""What one run of ``generate`` or ``check`` works from: its plan, then its inputs.

A :class:`Plan` is the configuration (:mod:`codegen.project.config`) and the hashes of the
inputs, computed without reading the catalog's YAML: enough for the manifest
(:mod:`codegen.output.manifest`) to prove the output folder up to date, in which case
nothing is loaded or rendered. Otherwise :meth:`Plan.load` takes the full path: the catalog
loaded and validated, every target's template found, every template of the override folder
some target's (or a partial, named with a leading ``_``: an override that replaces nothing
is an error), and :meth:`Inputs.render` renders every output and the manifest, in memory.

Black's output is cached in ``.codegen-cache/`` next to the configuration
(:mod:`codegen.render.format_cache`), Jinja's compiled templates in a per-user folder
(:mod:`codegen.usercache`).
"""

from __future__ import annotations

import os
import posixpath
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from codegen import usercache
from codegen.errors import CodegenError, InputError, MultipleErrors
from codegen.files import sha256
from codegen.output import manifest
from codegen.project.config import Config
from codegen.render.bounds import DEFAULT_LIMITS, RenderLimits
from codegen.render.header import DEFAULT_REGENERATE
from codegen.render.targets import DEFAULT_TARGETS, Target

if TYPE_CHECKING:
    from codegen.catalog.model import Catalog


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
        from codegen.render.engine import render_all  # imports jinja2: only on the full path
        from codegen.render.format_cache import formatting_cache

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
        """What the manifest proves when it proves the folder up to date and this user's
        codegen vouched for it (:meth:`vouch`), else None."""
        found = self._manifest_holds()
        return found if found is not None and usercache.vouched(self._vouching(found)) else None

    def vouch(self) -> None:
        """After the full path made or compared every output and found the folder as it
        should be: vouch for its manifest when it holds, so the next run may trust it."""
        found = self._manifest_holds()
        if found is not None:
            usercache.vouch(self._vouching(found))

    def _manifest_holds(self) -> manifest.UpToDate | None:
        limit = manifest.on_disk_limit(self.config.limits.output_bytes)
        return manifest.fast_path_holds(self.output_dir, self.inputs, self.versions, limit)

    def _vouching(self, found: manifest.UpToDate) -> str:
        """What a vouch is for: the manifest, the folder it describes, and the settings
        that decide whether its catalog passes (they change no output, so no input hash)."""
        config = self.config
        text = "\0".join(
            (
                found.manifest_sha256,
                str(self.output_dir.resolve()),
                config.derived_names,
                config.stale_translations,
            )
        )
        return sha256(text.encode("utf-8", "surrogateescape"))

    def load(self) -> Inputs:
        """The full path: the catalog loaded and validated, the templates checked."""
        from codegen.catalog.load import load_catalog

        config = self.config
        catalog_path = Path(config.catalog)
        loaded = load_catalog(
            catalog_path,
            display_path=self.catalog_shown,
            derived=config.derived_names,
            stale=config.stale_translations,
        )
        catalog = config.check_catalog(loaded)
        check_templates(config, self.template_dirs)
        recorded = (self.inputs, self.versions) if self.inputs is not None else None
        return Inputs(
            catalog,
            self.template_dirs,
            self.output_dir,
            self.output_shown,
            config.targets,
            recorded,
            config.cache_folder,
            config.regenerate,
            config.limits,
        )


def plan(config: Config) -> Plan:
    """The plan of a run with ``config``: its paths as shown, its template folders and the
    hashes of its inputs; reads files, but no YAML."""
    output_dir = Path(config.output)
    shown = catalog_shown(Path(config.catalog), output_dir, config.root)
    folders = template_dirs(config.templates, required=config.templates_required)
    for folder in folders:
        if output_dir.resolve().is_relative_to(folder):
            raise config.located.error(
                f"the template folder {config.templates} holds the output folder "
                f"{config.output}, so every output would count as a template: give the "
                "templates a folder of their own",
                ("templates",),
            )
    return Plan(
        config,
        output_dir,
        shown,
        folders,
        manifest.inputs(config, shown, folders),
        manifest.versions(config, folders),
    )


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
    from codegen.render.environment import template_exists, unused_overrides

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
        raise MultipleErrors.of(errors)
