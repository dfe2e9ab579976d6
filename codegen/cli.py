"""The command line: the only layer that reads arguments and prints.

Every command is a function ``(args) -> ExitCode`` in its own module, imported only when
that command runs, so a command never pays for the imports of another.
"""

from __future__ import annotations

import argparse
import sys
from typing import Sequence

from codegen import __version__
from codegen.errors import CodegenError, ExitCode

DEFAULT_CATALOG = "spec/codes.yaml"


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="codegen",
        description="Import error-code tables into one YAML catalog; generate code, schemas and docs.",
    )
    parser.add_argument("--version", action="version", version=f"codegen {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    imp = commands.add_parser("import", help="merge a documentation page's code tables into the catalog")
    imp.add_argument("document", help="the page: plain text, Markdown or HTML")
    imp.add_argument("--lang", help="language of the document (default: the catalog's source language)")
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
        help="map a header the tool does not know: ROLE is code, message, or KEY:KIND "
        "(KIND group, flag or text); repeatable",
    )
    imp.add_argument("--catalog", default=DEFAULT_CATALOG, help=f"default: {DEFAULT_CATALOG}")

    val = commands.add_parser("validate", help="check the catalog against its format")
    val.add_argument("--catalog", default=DEFAULT_CATALOG, help=f"default: {DEFAULT_CATALOG}")

    for name, text in (
        ("generate", "write every generated file"),
        ("check", "exit 1 when generated files are stale, missing or orphaned"),
    ):
        sub = commands.add_parser(name, help=text)
        sub.add_argument("--catalog", default=DEFAULT_CATALOG, help=f"default: {DEFAULT_CATALOG}")
        sub.add_argument("--templates", default="templates", help="template folder (default: templates)")
        sub.add_argument("--output", default="generated", help="output folder (default: generated)")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        if args.command == "import":
            from codegen.importing import run_import

            return int(run_import(args))
        if args.command == "validate":
            from codegen.spec import run_validate

            return int(run_validate(args))
        if args.command == "generate":
            from codegen.generate import run_generate

            return int(run_generate(args))
        if args.command == "check":
            from codegen.check import run_check

            return int(run_check(args))
    except CodegenError as error:
        print(str(error), file=sys.stderr)
        return int(ExitCode.INVALID)
    except KeyboardInterrupt:
        return 130
    return int(ExitCode.INVALID)  # pragma: no cover - argparse rejects unknown commands
