"""``codegen validate``: check the catalog against its format, every problem at once.

Each problem is one ``path:line:col: message`` line on stderr (exit 2); a valid catalog
gets a summary on stdout (exit 0), after a ``warning:`` line per name the import derived,
per stale translation and per translation whose placeholders differ from its source message's
(:func:`~codegen.catalog.rules.parameters.missing_placeholders`), unless the
configuration's ``derived_names = "error"`` or ``stale_translations = "error"`` makes
those problems too.
"""

from __future__ import annotations

import sys

from codegen.catalog.load import (
    derived_warnings,
    load_catalog,
    placeholder_warnings,
    stale_warnings,
)
from codegen.errors import CodegenError, ExitCode, MultipleErrors, counted
from codegen.project.config import load_config


def run(*, config: str | None, catalog: str | None) -> ExitCode:
    """Validate the configured catalog (``catalog`` over the configuration's); print each
    problem, or the warnings and the summary."""
    configured = load_config(config, catalog=catalog)
    path = configured.catalog
    try:
        loaded = load_catalog(
            path, derived=configured.derived_names, stale=configured.stale_translations
        )
    except MultipleErrors as errors:
        problems = list(errors.errors)
    except CodegenError as error:
        problems = [error]
    else:
        codes = sum(len(code_set.codes) for code_set in loaded.code_sets)
        sets = counted(len(loaded.code_sets), "code set")
        derived, stale = derived_warnings(path), stale_warnings(path)
        lacking = placeholder_warnings(path)
        for warning in sorted([*derived, *stale, *lacking], key=lambda w: (w.line, w.column)):
            print(warning, file=sys.stderr)
        names = f", {counted(len(derived), 'derived name')} to check" if derived else ""
        if stale:
            names += f", {counted(len(stale), 'stale translation')}"
        if lacking:
            names += f", {counted(len(lacking), 'placeholder warning')}"
        print(f"{loaded.path}: {sets}, {counted(codes, 'code')}, valid{names}")
        return ExitCode.OK
    for problem in problems:
        print(problem, file=sys.stderr)
    return ExitCode.INVALID
