"""``codegen check``: render in memory and compare with the output folder on disk.

Exit 0 when the folder holds exactly what ``codegen generate`` would write; exit 1
otherwise, printing a unified diff per changed file, the missing files, the generated files
generate would delete, the other (orphaned) files, and the command that fixes it
(:mod:`codegen.output.compare`). When the manifest proves the folder up to date from
hashes, nothing is loaded or rendered (:mod:`codegen.output.plan`).

With a base to compare with (``--breaking-against REF``, else the configuration's
``breaking_against``), the catalog is also checked for changes that break clients of the
generated code against the catalog at that git ref (:mod:`codegen.evolution`): one
``path:line:col`` line per breaking change, both verdicts printed, exit 1 when either
fails. check holds the locks generate holds (:mod:`codegen.commands._session`), so it
never reads a folder or catalog that a running generate has half written.
"""

from __future__ import annotations

import shlex
import sys
from collections.abc import Mapping
from typing import TYPE_CHECKING

from codegen.commands._session import session
from codegen.errors import ExitCode
from codegen.output.compare import compare, line_endings_note, notes_text, report_text
from codegen.output.plan import Plan, plan
from codegen.project.config import load_config
from codegen.render.header import DEFAULT_REGENERATE

if TYPE_CHECKING:
    from codegen.evolution.changes import Change
    from codegen.project.config import Config


def run(
    *,
    config: str | None,
    catalog: str | None,
    templates: str | None,
    output: str | None,
    breaking_against: str | None,
) -> ExitCode:
    """Exit 0 when the output folder is up to date (and, with a base, nothing breaks),
    1 when it is not; the paths given override the configuration's, ``breaking_against``
    (None: the configuration's, "": none) names the git ref to compare the catalog with."""
    paths = {"config": config, "catalog": catalog, "templates": templates, "output": output}
    configured = load_config(config, catalog=catalog, templates=templates, output=output)
    with session(configured, "codegen check", output=True, writes=False):
        known = plan(configured)
        staleness = _staleness(known, paths)
        against = configured.breaking_against if breaking_against is None else breaking_against
        if not against:
            return staleness
        from codegen.evolution.gitref import UnknownRef  # not on the up-to-date path

        try:
            breaking = _breaking(configured, against, follow=catalog is None)
        except UnknownRef as error:
            if breaking_against is not None:
                raise
            raise configured.located.error(error.message, ("breaking_against",)) from None
        return max(staleness, breaking)


def _staleness(known: Plan, paths: Mapping[str, str | None]) -> ExitCode:
    found = known.up_to_date()
    if found is not None:
        print(f"{known.output_shown}: up to date")
        print(line_endings_note(found.line_endings, known.shown), end="")
        return ExitCode.OK
    inputs = known.load()
    report = compare(inputs.render(), inputs.output_dir, inputs.shown)
    fix = fix_command(inputs.regenerate, paths)
    if report.up_to_date:
        known.vouch()  # every output compared equal: the manifest may be trusted next time
        print(f"{inputs.output_shown}: up to date")
        print(notes_text(report, inputs.shown, fix), end="")
        return ExitCode.OK
    print(report_text(report, inputs.shown, fix), end="")
    return ExitCode.OUT_OF_DATE


def fix_command(regenerate: str, paths: Mapping[str, str | None]) -> str:
    """The command that makes the folder up to date, as check prints it: the configured
    ``regenerate`` command, and ``codegen generate`` with the path options check was given
    (``paths``: option name -> value, None when not given), e.g. "make generate (or
    codegen generate --config examples/payments/codegen.toml)"."""
    direct = DEFAULT_REGENERATE + "".join(
        f" --{name} {shlex.quote(value)}" for name, value in paths.items() if value is not None
    )
    return direct if regenerate == DEFAULT_REGENERATE else f"{regenerate} (or {direct})"


def _breaking(configured: Config, ref: str, *, follow: bool) -> ExitCode:
    """Print one ``catalog:line:col: ...`` line per breaking change against ``ref``, a note
    per other change and a verdict; BREAKING when something breaks, else OK."""
    from codegen.evolution import comparison  # reads YAML: not on the up-to-date path
    from codegen.evolution.report import check_lines

    catalog = configured.catalog
    compared, text = comparison.compare_with_ref(catalog, ref, configured.file, follow)
    lines = text.splitlines()

    def where(change: Change) -> tuple[str, int, int]:
        return (catalog, *comparison.location(change, lines))

    sys.stdout.write(check_lines(compared, where))
    return ExitCode.BREAKING if compared.breaking else ExitCode.OK
