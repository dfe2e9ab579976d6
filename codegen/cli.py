"""The command line: arguments parsed, then ``codegen.commands.VERB.run(**options)``.

Each verb's options are declared here (one ``_add_VERB`` each) and handed to its command
module as keywords (:mod:`codegen.commands`), which is imported only when that verb runs,
so a command never pays for the imports of another. A :class:`~codegen.errors.CodegenError`
is printed as its one line on stderr, exit 2; Ctrl-C exits 130, without a traceback.
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import importlib
import os
import sys
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

from codegen import __version__
from codegen.catalog.default import DEFAULT_CATALOG
from codegen.errors import CodegenError, ExitCode
from codegen.project.config import DEFAULT_OUTPUT, DEFAULT_TEMPLATES

PATHS_HELP = "{what} (default: from the configuration, else {default})"
CATALOG = ("--catalog", "PATH", "the catalog", DEFAULT_CATALOG)
MODULES = {"import": "import_"}
BROKEN_PIPE = 141  # as a shell reports a command killed by SIGPIPE (128 + 13)  # a verb whose module is named otherwise (a Python keyword)

if TYPE_CHECKING:
    Verbs = argparse._SubParsersAction[argparse.ArgumentParser]  # what add_subparsers returns


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
        description="Import error-code tables into one YAML catalog; generate code, schemas "
        "and docs.",
    )
    parser.add_argument("--version", action="version", version=f"codegen {__version__}")
    verbs = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for add in (_add_init, _add_import, _add_validate, _add_names, _add_explain):
        add(verbs)
    _add_generate_and_check(verbs)
    _add_diff(verbs)
    return parser


def _add_init(verbs: Verbs) -> None:
    init = verbs.add_parser("init", help="start a project here: configuration, catalog, templates")
    init.add_argument("--force", action="store_true", help="overwrite files init would write")
    init.add_argument(
        "--lang", default="en", help="the language of your documentation (default: en)"
    )


def _add_import(verbs: Verbs) -> None:
    imp = verbs.add_parser(
        "import", help="merge a documentation page's code tables into the catalog"
    )
    imp.add_argument("document", help="the page: plain text, Markdown or HTML")
    imp.add_argument(
        "--lang", help="language of the document (default: the catalog's source language)"
    )
    imp.add_argument(
        "--lang-mismatch-ok",
        action="store_true",
        help="import the document as --lang (or the source language) even when its texts "
        "are clearly in another language",
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
    imp.add_argument(
        "--dry-run",
        action="store_true",
        help="read the page and print what the import would change, writing nothing",
    )
    _common(imp, CATALOG)


def _add_validate(verbs: Verbs) -> None:
    _common(verbs.add_parser("validate", help="check the catalog against its format"), CATALOG)


def _add_names(verbs: Verbs) -> None:
    names = verbs.add_parser(
        "names", help="list the names import derived; accept them after review (--accept)"
    )
    names.add_argument(
        "--accept",
        nargs="*",
        metavar="NAME",
        help="remove derived: true from every derived name, or from the NAMEs given only; "
        "comments and quoting are kept",
    )
    names.add_argument(
        "--set", dest="set_name", metavar="NAME", help="only the code set with this name"
    )
    _common(names, CATALOG)


def _add_explain(verbs: Verbs) -> None:
    exp = verbs.add_parser(
        "explain", help="show every code set that has a code, as a log or a response shows it"
    )
    exp.add_argument("code", help="the code as it appears on the wire: -2016, E915, 0x8004A001")
    exp.add_argument(
        "--set", dest="set_name", metavar="NAME", help="only the code set with this name"
    )
    exp.add_argument("--lang", help="show texts in this language only (default: every language)")
    exp.add_argument(
        "--format", choices=("text", "json"), default="text", help="output format (default: text)"
    )
    _common(exp, CATALOG)


def _add_generate_and_check(verbs: Verbs) -> None:
    commands = {
        name: verbs.add_parser(name, help=text)
        for name, text in (
            ("generate", "write every generated file"),
            ("check", "exit 1 when generated files are stale, missing or orphaned"),
        )
    }
    for command in commands.values():
        _common(
            command,
            CATALOG,
            ("--templates", "DIR", "the template override folder", DEFAULT_TEMPLATES),
            ("--output", "DIR", "the output folder", DEFAULT_OUTPUT),
        )
    commands["check"].add_argument(
        "--breaking-against",
        metavar="REF",
        help="also exit 1 when the catalog breaks generated code's users compared with the "
        "catalog at git REF, e.g. origin/main (default: breaking_against in the "
        'configuration; "" turns it off)',
    )


def _add_diff(verbs: Verbs) -> None:
    dif = verbs.add_parser(
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
    _common(dif, CATALOG)


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
    """Run ``codegen`` with ``argv`` (default: the process's arguments); the exit status."""
    options = vars(_parser().parse_args(argv))
    verb = options.pop("command")
    with _few_collections():
        try:
            module = importlib.import_module(f"codegen.commands.{MODULES.get(verb, verb)}")
            status = int(module.run(**options))
            sys.stdout.flush()  # a reader gone (codegen names | head) shows here, not at exit
            return status
        except BrokenPipeError:  # stdout's reader stopped reading: nothing more to tell it
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            return BROKEN_PIPE
        except CodegenError as error:
            print(str(error), file=sys.stderr)
            return int(ExitCode.INVALID)
        except KeyboardInterrupt:
            return int(ExitCode.INTERRUPTED)
        except (
            MemoryError
        ):  # past a bound docs/limits.md should have had: one line, not a traceback
            print(
                f"codegen {verb}: out of memory (a catalog or page within codegen's bounds "
                "stays under 2 GiB: docs/limits.md); raise the memory limit, or make the input "
                "smaller",
                file=sys.stderr,
            )
            return int(ExitCode.INVALID)
