"""The manifest: what the output folder was generated from, so an unchanged tree costs no work.

``generate`` writes ``.codegen-manifest.json`` into the output folder, next to what it
generated, and it is committed with them: a sha256 of each input (the catalog's bytes,
every template file of the search path, the effective configuration), the versions of
the tool and of the formatters in use, and a sha256 of every output file. It is written
deterministically (sorted keys, no timestamps), so committing it makes no noisy diff.

When the recorded inputs and versions equal the current ones, every recorded output file
hashes to its recorded hash and the folder holds nothing else, the folder is up to date
without reading the catalog's YAML or rendering anything (:func:`fast_path_holds`), but
only for a manifest this user's codegen vouched for after it rendered everything and found
the folder matching (:func:`codegen.usercache.vouch`, :meth:`codegen.output.plan.Plan.vouch`):
the manifest is in the tree, and a pull request could write one whose hashes say a stale
folder is up to date. On a new machine (CI) the first run always takes the full path. Any
other case takes the full path: render in memory and compare. After an upgrade of codegen
or a formatter the recorded versions differ, so the hashes are not trusted: ``check``
re-renders and fails only where an output really differs. The whole manifest is a cache,
not content: ``check`` never fails because of it (a comment added to the catalog changes
its recorded inputs and no output); ``generate`` rewrites it.

This module imports neither jinja2, black nor ruamel: it only hashes files.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from codegen import __version__
from codegen.errors import InputError
from codegen.files import FileTooLarge, as_lf, existing_files, hash_files, read_bytes, sha256
from codegen.limits import (
    MAX_CATALOG_BYTES,
    MAX_MANIFEST_BYTES,
    MAX_TEMPLATE_BYTES,
    OUTPUT_SLACK_BYTES,
)
from codegen.project.config import Config
from codegen.render.bounds import DEFAULT_LIMITS
from codegen.render.header import DEFAULT_REGENERATE, GENERATED_MARKER, regenerate_phrase
from codegen.render.targets import BUILTIN_TEMPLATES, Target, runs_black
from codegen.usercache import package_version, source_hash

MANIFEST = ".codegen-manifest.json"
FORMAT = 1


def templates_hash(template_dirs: Sequence[Path], shown: Sequence[str] = ()) -> str:
    """One hash of every file of the template search path (the override folders, named in
    errors as ``shown``, then the built-in templates), each by folder, relative path and
    contents, sorted by path. Each file is read as a template is: RefusedFile when it is
    not a regular file of at most :data:`~codegen.limits.MAX_TEMPLATE_BYTES`, or, in an
    override folder, when it leads out of that folder; an InputError naming a file that
    cannot be read."""
    digest = hashlib.sha256()
    for index, folder in enumerate((*template_dirs, BUILTIN_TEMPLATES)):
        own = index < len(template_dirs)  # the project's, not codegen's built-in templates
        name = shown[index] if index < len(shown) else ""
        relatives = existing_files(folder)
        label = f"{index}\0"
        try:
            hash_files(
                digest, folder, relatives, label, limit=MAX_TEMPLATE_BYTES, confined=own, shown=name
            )
        except OSError as error:
            raise InputError(
                f"cannot read this file of the template folder: {error.strerror or error}; "
                "keep only templates (and their partials) there",
                error.filename or name or str(folder),
            ) from None
    return digest.hexdigest()


def config_json(config: Config, catalog_shown: str) -> str:
    """The effective configuration as canonical JSON: what changes the rendered text."""
    effective = {
        "catalog": catalog_shown,
        "regenerate": config.regenerate,
        "languages": list(config.languages) if config.languages is not None else None,
        "targets": [
            {
                "template": target.template,
                "output": target.output,
                "formatter": target.formatter,
                "options": dict(target.options),
            }
            for target in config.targets
        ],
    }
    return json.dumps(effective, sort_keys=True, ensure_ascii=False, default=str)


def versions(config: Config, template_dirs: Sequence[Path] = ()) -> dict[str, str]:
    """The versions the output depends on: codegen's (its version and :func:`source_hash`),
    black's when black formats some target's output (:func:`black_runs`; not the built-in
    Python template's, written in black's style), ruff's when a target formats with ruff.
    Read from package metadata and files: imports nothing."""
    found = {"codegen": __version__, "codegen_source": source_hash()}
    formatters = {target.formatter for target in config.targets}
    if any(black_runs(target, template_dirs) for target in config.targets):
        found["black"] = package_version("black")
    if "ruff" in formatters:
        from codegen.render.formatters import ruff_version  # runs ruff: only when in use

        found["ruff"] = ruff_version()
    return found


def black_runs(target: Target, template_dirs: Sequence[Path]) -> bool:
    """Whether black formats ``target``'s output: a ``python`` target whose template is a
    user's (a file of ``template_dirs`` by that name, as the loader finds it; a name that
    is not a plain relative path counts as one), or the built-in one at another
    ``line_length`` (:func:`~codegen.render.targets.runs_black`). Without Jinja: the
    fast path imports none."""
    if target.formatter != "python":
        return False
    parts = target.template.split("/")
    user = (
        "\\" in target.template
        or any(part in ("", ".", "..") for part in parts)
        or any(
            os.path.lexists(Path(folder, *parts)) and not Path(folder, *parts).is_dir()
            for folder in template_dirs
        )
    )
    return runs_black(target.options, laid_out=not user)


def inputs(
    config: Config, catalog_shown: str, template_dirs: Sequence[Path]
) -> dict[str, str] | None:
    """The hash of each input, line endings aside (CRLF hashes as LF); None when the
    catalog cannot be read or is too large (the full path then reports why)."""
    path = Path(config.catalog)
    try:
        catalog = read_bytes(path, MAX_CATALOG_BYTES) if path.is_file() else None
    except FileTooLarge:
        return None
    if catalog is None:
        return None
    return {
        "catalog": sha256(as_lf(catalog)),
        "config": sha256(config_json(config, catalog_shown).encode("utf-8")),
        "templates": templates_hash(template_dirs, [config.templates] * len(template_dirs)),
    }


def manifest_text(
    recorded_inputs: Mapping[str, str],
    recorded_versions: Mapping[str, str],
    files: Mapping[str, str],
    regenerate: str = DEFAULT_REGENERATE,
) -> str:
    """The manifest for ``files`` (rendered text by relative path), deterministic; its
    note names ``regenerate`` as the command that rewrites it."""
    document = {
        "_note": f"{GENERATED_MARKER}; regenerate with {regenerate_phrase(regenerate)}.",
        "format": FORMAT,
        "inputs": dict(recorded_inputs),
        "versions": dict(recorded_versions),
        "outputs": {
            relative: sha256(text.encode("utf-8"))
            for relative, text in files.items()
            if relative != MANIFEST
        },
    }
    return json.dumps(document, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def read_manifest(output_dir: Path) -> dict[str, Any] | None:
    """The manifest in ``output_dir``; None when missing, unreadable, larger than
    :data:`~codegen.limits.MAX_MANIFEST_BYTES` or of another format. RefusedFile when it is
    not a regular file of the folder (a FIFO, a link to a device)."""
    path = output_dir / MANIFEST
    try:
        data = read_bytes(path, MAX_MANIFEST_BYTES, within=output_dir, shown=path.as_posix())
    except FileTooLarge:
        return None
    if data is None:
        return None
    try:
        document = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):  # RecursionError: nested deep
        return None
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        return None
    if not all(isinstance(document.get(key), dict) for key in ("inputs", "versions", "outputs")):
        return None
    return document


def on_disk_limit(text_bytes: int) -> int:
    """The most bytes read of an output on disk whose text generate writes in (at most)
    ``text_bytes``: twice that, as CRLF line endings may double it, plus a hand edit's
    worth (:data:`~codegen.limits.OUTPUT_SLACK_BYTES`). A larger file differs for sure."""
    return 2 * text_bytes + OUTPUT_SLACK_BYTES


@dataclass(frozen=True)
class UpToDate:
    """What the fast path found: the number of generated files (the manifest included),
    and the outputs whose copy on disk has CRLF line endings where generate writes LF."""

    files: int
    line_endings: tuple[str, ...] = ()
    manifest_sha256: str = ""  # of the manifest's bytes, what :func:`codegen.usercache.vouch` marks


def fast_path_holds(
    output_dir: Path,
    current_inputs: Mapping[str, str] | None,
    current_versions: Mapping[str, str],
    limit: int = on_disk_limit(DEFAULT_LIMITS.output_bytes),
) -> UpToDate | None:
    """The folder's state when it is known to be up to date from hashes alone; None when
    the full path must decide (an output larger than ``limit`` bytes among others). An
    output is hashed with LF line endings (:func:`as_lf`)."""
    manifest = read_manifest(output_dir)
    if manifest is None or current_inputs is None:
        return None
    if manifest["inputs"] != dict(current_inputs):
        return None
    if manifest["versions"] != dict(current_versions):
        return None
    outputs: dict[str, Any] = manifest["outputs"]
    if set(existing_files(output_dir)) != {*outputs, MANIFEST}:
        return None  # missing, stale or orphaned files: the full path names them
    line_endings: list[str] = []
    for relative, recorded in outputs.items():
        path = output_dir / relative
        try:
            data = read_bytes(path, limit, within=output_dir, shown=path.as_posix())
        except FileTooLarge:
            return None
        if data is None or sha256(as_lf(data)) != recorded:
            return None  # e.g. edited by hand: the full path shows the diff
        if b"\r" in data:
            line_endings.append(relative)
    path = output_dir / MANIFEST
    data = read_bytes(path, MAX_MANIFEST_BYTES, within=output_dir, shown=path.as_posix())
    return UpToDate(len(outputs) + 1, tuple(line_endings), sha256(data or b""))
