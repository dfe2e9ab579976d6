"""The command line: the only layer that reads arguments and prints.

Every command is a function ``(args) -> ExitCode`` in its own module, imported only when
that command runs, so a command never pays for the imports of another.
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path

from codegen import __version__
from codegen.errors import CodegenError, ExitCode

DEFAULT_CATALOG = "spec/codes.yaml"
PATHS_HELP = "{what} (default: from the configuration, else {default})"


def _common(command: argparse.ArgumentParser, *paths: tuple[str, str, str, str]) -> None:
    """``--config`` and path options whose default comes from the configuration."""
    command.add_argument(
        "--config",
        metavar="FILE",
        help="the configuration file (default: the first codegen.toml, or pyproject.toml "
        "with [tool.codegen], in this folder or above)",
    )
    for option, metavar, what, default in paths:
        command.add_argument(
            option, metavar=metavar, help=PATHS_HELP.format(what=what, default=default)
        )


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="codegen",
        description="Import error-code tables into one YAML catalog; generate code, schemas and docs.",
    )
    parser.add_argument("--version", action="version", version=f"codegen {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    catalog = ("--catalog", "PATH", "the catalog", DEFAULT_CATALOG)

    init = commands.add_parser(
        "init", help="start a project here: configuration, catalog, templates"
    )
    init.add_argument("--force", action="store_true", help="overwrite files init would write")
    init.add_argument(
        "--lang", default="en", help="the language of your documentation (default: en)"
    )

    imp = commands.add_parser(
        "import", help="merge a documentation page's code tables into the catalog"
    )
    imp.add_argument("document", help="the page: plain text, Markdown or HTML")
    imp.add_argument(
        "--lang", help="language of the document (default: the catalog's source language)"
    )
    imp.add_argument(
        "--format",
        choices=("auto", "text", "markdown", "html"),
        default="auto",
        help="force the input form instead of detecting it",
    )
    imp.add_argument(
        "--column",
        action="append",
        default=[],
        metavar="HEADER=ROLE",
        help="give a column its role, over what the cells suggest: ROLE is code, message, "
        "name, or KEY:KIND (KIND group, flag or text); repeatable, and recorded in the "
        "catalog for the next import",
    )
    imp.add_argument(
        "--retire",
        action="store_true",
        help="mark each code the document no longer has as removed (a tombstone, never "
        "deleted); needs --since",
    )
    imp.add_argument(
        "--since",
        metavar="VERSION",
        help="with --retire: the version or date written as removed.since (e.g. 2026-12)",
    )
    imp.add_argument(
        "--explain",
        action="store_true",
        help="print each code table's column roles and why they were chosen",
    )
    _common(imp, catalog)

    val = commands.add_parser("validate", help="check the catalog against its format")
    _common(val, catalog)

    exp = commands.add_parser(
        "explain", help="show every code set that has a code, as a log or a response shows it"
    )
    exp.add_argument("code", help="the code as it appears on the wire: -2016, E915, 0x8004A001")
    exp.add_argument("--set", metavar="NAME", help="only the code set with this name")
    exp.add_argument("--lang", help="show texts in this language only (default: every language)")
    exp.add_argument(
        "--format", choices=("text", "json"), default="text", help="output format (default: text)"
    )
    _common(exp, catalog)

    for name, text in (
        ("generate", "write every generated file"),
        ("check", "exit 1 when generated files are stale, missing or orphaned"),
    ):
        sub = commands.add_parser(name, help=text)
        _common(
            sub,
            catalog,
            ("--templates", "DIR", "the template override folder", "templates"),
            ("--output", "DIR", "the output folder", "generated"),
        )
    sub.add_argument(
        "--breaking-against",
        metavar="REF",
        help="also exit 1 when the catalog breaks generated code's users compared with the "
        "catalog at git REF, e.g. origin/main (default: breaking_against in the "
        'configuration; "" turns it off)',
    )

    dif = commands.add_parser(
        "diff", help="list the catalog's changes since a git ref, by meaning; always exit 0"
    )
    dif.add_argument(
        "ref",
        nargs="?",
        metavar="REF",
        help="the git ref to compare with (default: the merge base of HEAD and origin/HEAD, "
        "else main or master, else HEAD)",
    )
    dif.add_argument(
        "--format",
        choices=("text", "markdown", "json"),
        default="text",
        help="text (default), markdown (a pull-request comment, a CHANGELOG entry) or json "
        "(docs/diff.md)",
    )
    _common(dif, catalog)
    return parser


def _catalog_from_config(args: argparse.Namespace) -> None:
    """Set ``args.catalog`` (and the lock timeout) from the configuration unless the
    command line gave it."""
    from codegen.config import load_config

    config = load_config(args)
    args.catalog = config.catalog
    args.derived_names = config.derived_names
    args.lock_timeout = config.lock_timeout


@contextlib.contextmanager
def _few_collections() -> Iterator[None]:
    """Python's cycle collector, run far less often while a command runs: it would scan
    the catalog and the formatter's trees again and again (at 10,000 codes, black takes
    16 s with the default thresholds and 10 s with these). Cycles are still collected;
    a command is one short process. The thresholds are restored afterwards."""
    before = gc.get_threshold()
    gc.set_threshold(200_000, 20, 1000)
    try:
        yield
    finally:
        gc.set_threshold(*before)


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    with _few_collections():
        return _run(args)


def _run(args: argparse.Namespace) -> int:
    try:
        if args.command == "init":
            from codegen.init import run_init

            return int(run_init(args))
        if args.command in ("import", "validate"):
            _catalog_from_config(args)
        if args.command == "import":
            from codegen.importing import run_import
            from codegen.locks import run_locked
            from codegen.writing import remove_stale_temporaries

            with run_locked(args.catalog, None, args.lock_timeout, "codegen import"):
                remove_stale_temporaries(Path(args.catalog).parent, recursive=False)
                return int(run_import(args))
        if args.command == "validate":
            from codegen.spec import run_validate

            return int(run_validate(args))
        if args.command == "explain":
            from codegen.explain import run_explain

            return int(run_explain(args))
        if args.command == "generate":
            from codegen.generate import run_generate

            return int(run_generate(args))
        if args.command == "check":
            from codegen.check import run_check

            return int(run_check(args))
        if args.command == "diff":
            from codegen.diffing import run_diff

            return int(run_diff(args))
    except CodegenError as error:
        print(str(error), file=sys.stderr)
        return int(ExitCode.INVALID)
    except KeyboardInterrupt:
        return 130
    return int(ExitCode.INVALID)  # pragma: no cover - argparse rejects unknown commands
