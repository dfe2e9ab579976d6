"""``codegen init``: start a project in the current folder.

Writes the starting files of :mod:`codegen.project.starter` (codegen.toml, spec/codes.yaml,
templates/README.md, codegen.mk) and adds codegen's lines to .gitignore and
.gitattributes. It never overwrites a file without ``--force``, and refuses to start
where pyproject.toml already configures codegen. It holds the catalog's lock, so it never
writes while an ``import`` does.
"""

from __future__ import annotations

from pathlib import Path

from codegen.catalog.default import DEFAULT_CATALOG
from codegen.catalog.naming import LANGUAGE
from codegen.commands._session import waiting
from codegen.errors import ExitCode, InputError
from codegen.files import write_changed
from codegen.project.locks import run_locked
from codegen.project.starter import (
    git_files,
    module_name,
    refuse_second_configuration,
    starting_files,
)


def run(*, lang: str, force: bool) -> ExitCode:
    """Write the project's starting files for a documentation in ``lang``; refuse to
    overwrite any without ``force``. Prints each file written and what to do next."""
    folder = Path.cwd()
    if not LANGUAGE.fullmatch(lang):
        raise InputError(f'--lang "{lang}" is not a language code; use e.g. en, ja or ko')
    refuse_second_configuration(folder)
    with run_locked(DEFAULT_CATALOG, None, None, "codegen init", waiting):
        return _write_starting_files(folder, lang, force)


def _write_starting_files(folder: Path, lang: str, force: bool) -> ExitCode:
    files = starting_files(module_name(folder.name), lang)
    existing = [name for name in files if (folder / name).exists()]
    if existing and not force:
        raise InputError(
            f"codegen init would overwrite {', '.join(existing)}; pass --force to replace "
            "them, or run it in another folder"
        )
    added = git_files(folder)
    extended = {name for name in added if (folder / name).exists()}
    try:
        written = write_changed(folder, {**files, **added})
    except OSError as error:
        raise InputError(f"cannot write {error.filename}: {error.strerror}") from None
    for name in written:
        print(f"added codegen's lines to {name}" if name in extended else f"wrote {name}")
    print(
        f"next: codegen import YOUR-PAGE.md --lang {lang}; codegen generate; codegen "
        "names lists the names the import derived, to check (then codegen names --accept)\n"
        "to use the make targets, add this line to your Makefile: include codegen.mk"
    )
    return ExitCode.OK
