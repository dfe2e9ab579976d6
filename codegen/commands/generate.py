"""``codegen generate``: render the catalog into every target and write what changed.

Holds the locks of the catalog and the output folder from before it hashes its inputs to
its last write, after deleting what killed runs left (:mod:`codegen.commands._session`).
When the manifest proves the output folder up to date, nothing is loaded or rendered
(:mod:`codegen.output.plan`). Otherwise it renders every output, writes only the files
whose text changed and deletes the generated files it no longer writes; any other file is
left alone (``check`` reports it as orphaned) (:mod:`codegen.output.folder`).
"""

from __future__ import annotations

from pathlib import Path

from codegen.commands._session import session
from codegen.errors import ExitCode, InputError
from codegen.files import write_changed
from codegen.output.folder import leftovers, remove
from codegen.output.plan import Inputs, Plan, plan
from codegen.project.config import load_config


def run(
    *, config: str | None, catalog: str | None, templates: str | None, output: str | None
) -> ExitCode:
    """Write every target of the configuration (the paths given over it); print what was
    written and removed, or that the output folder is up to date."""
    configured = load_config(config, catalog=catalog, templates=templates, output=output)
    with session(configured, "codegen generate", output=True, writes=True):
        return _generate(plan(configured))


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
    known.vouch()  # the folder holds what was rendered: its manifest may be trusted next time
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
