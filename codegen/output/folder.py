"""The output folder on disk: what generate writes into it, and what else is there.

A run writes only files whose text changes (CRLF line endings on disk are not a change),
each through a temporary file in the same folder; all temporary files are written before
the first ``os.replace``, so a run that fails while writing leaves every output as it was.
No path may resolve outside the output folder, whatever symbolic links it holds. A file
generate no longer writes is deleted only when it carries the DO-NOT-EDIT header
(:func:`is_generated`); any other file is left alone, and ``check`` reports it as orphaned.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

from codegen.errors import InputError
from codegen.files import (
    existing_files,
    read_bytes,
    remove_stale_temporaries,
    same_text,
    write_temporary,
)
from codegen.project.config import Config
from codegen.render.format_cache import CACHE_FOLDER
from codegen.render.header import GENERATED_MARKER

MARKER_WINDOW = 1024  # the marker is looked for in this many bytes at the top of a file


def inside(output_dir: Path, relative: str) -> Path:
    """The path of ``relative`` under ``output_dir``; an error if it resolves outside."""
    root = output_dir.resolve()
    path = (root / relative).resolve()
    if not path.is_relative_to(root) or path == root:
        raise InputError(f"refusing to write {relative}: it resolves outside {output_dir}")
    return root / relative


def is_generated(path: Path) -> bool:
    """Whether the file carries the DO-NOT-EDIT header of a generated file."""
    try:
        with path.open("rb") as file:
            head = file.read(MARKER_WINDOW)
    except OSError:
        return False
    return GENERATED_MARKER.encode() in head


def write_changed(output_dir: Path, files: Mapping[str, str]) -> list[str]:
    """Write each file whose text differs from the disk; return their relative paths.

    Unchanged files are not touched, so their modification times stay as they were; a file
    that differs only in line endings (CRLF on disk, see :func:`codegen.files.as_lf`) is
    unchanged.
    """
    pending: list[tuple[str, Path, bytes]] = []
    for relative, text in files.items():
        path = inside(output_dir, relative)
        data = text.encode("utf-8")
        if not same_text(read_bytes(path), data):
            pending.append((relative, path, data))
    temporaries: list[tuple[str, Path]] = []
    try:
        for _, path, data in pending:
            temporaries.append((write_temporary(path, data), path))
    except BaseException:
        for temporary, _ in temporaries:
            Path(temporary).unlink(missing_ok=True)
        raise
    for temporary, path in temporaries:
        os.replace(temporary, path)
    return [relative for relative, _, _ in pending]


def remove(output_dir: Path, relatives: list[str]) -> None:
    """Delete these files under ``output_dir``."""
    for relative in relatives:
        inside(output_dir, relative).unlink(missing_ok=True)


def leftovers(output_dir: Path, files: Mapping[str, str]) -> tuple[list[str], list[str]]:
    """Files under the output folder that are not among ``files``: the generated ones
    (generate deletes them) and the others (generate keeps them; check reports them)."""
    extra = [relative for relative in existing_files(output_dir) if relative not in files]
    generated = [relative for relative in extra if is_generated(output_dir / relative)]
    return generated, [relative for relative in extra if relative not in generated]


def remove_leftovers_of_killed_runs(config: Config) -> None:
    """Delete the temporary files of runs that are gone from the output folder (all its
    subfolders), the catalog's folder and the formatting cache."""
    output_dir = Path(config.output)
    remove_stale_temporaries(output_dir, recursive=True)
    remove_stale_temporaries(Path(config.catalog).parent, recursive=False)
    root = config.root or output_dir.absolute().parent
    remove_stale_temporaries(root / CACHE_FOLDER, recursive=False)
