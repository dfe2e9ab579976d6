"""``codegen generate``: render the catalog into every target and write what changed.

Files whose content is unchanged are not rewritten. A file under the output folder that
generate no longer writes is deleted only when it carries the DO-NOT-EDIT header of a
generated file; any other file is left alone (``codegen check`` reports it as orphaned).
"""

from __future__ import annotations

import argparse
import os
import posixpath
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from codegen.errors import ExitCode, InputError
from codegen.model import Catalog
from codegen.render import render_all
from codegen.targets import DEFAULT_TARGETS
from codegen.writing import existing_files, is_generated, remove, write_changed

DEFAULT_TEMPLATES = "templates"  # the CLI's default; a missing default folder is no error


@dataclass(frozen=True)
class Inputs:
    """What one run of generate or check works from."""

    catalog: Catalog
    template_dirs: tuple[Path, ...]
    output_dir: Path
    output_shown: str  # the output folder as given, for messages

    def shown(self, relative: str) -> str:
        return posixpath.join(self.output_shown, relative)

    def render(self) -> dict[str, str]:
        return render_all(self.catalog, DEFAULT_TARGETS, self.template_dirs)


def load_inputs(args: argparse.Namespace) -> Inputs:
    """The catalog, template folders and output folder named by the command line."""
    from codegen.spec import load_catalog

    output_dir = Path(args.output)
    catalog_path = Path(args.catalog)
    catalog = load_catalog(catalog_path, display_path=catalog_shown(catalog_path, output_dir))
    return Inputs(catalog, template_dirs(args.templates), output_dir, Path(args.output).as_posix())


def catalog_shown(catalog_path: Path, output_dir: Path) -> str:
    """The catalog's path as generated headers name it: relative to the folder that holds
    the output folder (the project), whatever the working directory, e.g. spec/codes.yaml."""
    project = output_dir.resolve().parent
    try:
        return Path(os.path.relpath(catalog_path.resolve(), project)).as_posix()
    except ValueError:  # another drive
        return catalog_path.name


def template_dirs(folder: str) -> tuple[Path, ...]:
    """The override folder, absolute; none when the default folder does not exist."""
    path = Path(folder)
    if path.is_dir():
        return (path.resolve(),)
    if folder == DEFAULT_TEMPLATES and not path.exists():
        return ()
    raise InputError(f"template folder {folder} does not exist", folder)


def leftovers(output_dir: Path, files: Mapping[str, str]) -> tuple[list[str], list[str]]:
    """Files under the output folder that are not among ``files``: the generated ones
    (generate deletes them) and the others (generate keeps them; check reports them)."""
    extra = [relative for relative in existing_files(output_dir) if relative not in files]
    generated = [relative for relative in extra if is_generated(output_dir / relative)]
    return generated, [relative for relative in extra if relative not in generated]


def run_generate(args: argparse.Namespace) -> ExitCode:
    """Write every target; print what was written and removed."""
    inputs = load_inputs(args)
    files = inputs.render()
    try:
        written = write_changed(inputs.output_dir, files)
        stale, _ = leftovers(inputs.output_dir, files)
        remove(inputs.output_dir, stale)
    except OSError as error:
        where = error.filename or inputs.output_shown
        raise InputError(f"cannot write {where}: {error.strerror or error}") from None
    for relative in written:
        print(f"wrote {inputs.shown(relative)}")
    for relative in stale:
        print(f"removed {inputs.shown(relative)} (generated, no longer written)")
    if not written and not stale:
        print(f"{inputs.output_shown}: {len(files)} files up to date")
    return ExitCode.OK
