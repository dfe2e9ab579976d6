"""The output folder on disk: what is there besides what generate writes.

generate writes its outputs with :func:`codegen.files.write_changed` (only what changed,
atomically, never outside the folder). A file it no longer writes is deleted only when it
carries the DO-NOT-EDIT header (:func:`is_generated`); any other file is left alone, and
``check`` reports it as orphaned (:func:`leftovers`).
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from codegen.files import RefusedFile, existing_files, inside, leads_outside, open_regular
from codegen.render.header import GENERATED_MARKER

MARKER_WINDOW = 1024  # the marker is looked for in this many bytes at the top of a file


def is_generated(path: Path) -> bool:
    """Whether the file carries the DO-NOT-EDIT header of a generated file; never for
    what is not a regular file (a FIFO is not opened in a way that could block)."""
    try:
        with open_regular(path) as file:
            head = file.read(MARKER_WINDOW)
    except (OSError, RefusedFile):
        return False
    return GENERATED_MARKER.encode() in head


def remove(output_dir: Path, relatives: list[str]) -> None:
    """Delete these files under ``output_dir``."""
    for relative in relatives:
        inside(output_dir, relative).unlink(missing_ok=True)


def leftovers(output_dir: Path, files: Mapping[str, str]) -> tuple[list[str], list[str]]:
    """Files under the output folder that are not among ``files``: the generated ones
    (generate deletes them) and the others (generate keeps them; check reports them)."""
    extra = [relative for relative in existing_files(output_dir) if relative not in files]
    generated = [
        relative
        for relative in extra
        if not leads_outside(output_dir / relative, output_dir)  # a link out: never deleted
        and is_generated(output_dir / relative)
    ]
    return generated, [relative for relative in extra if relative not in generated]
