"""`codegen import DOCUMENT`: merge a documentation page's code tables into the catalog.

A catalog with CRLF line endings (a Windows checkout) is read as LF and written back with
CRLF, so an unchanged page leaves it byte-identical.

Reads the page (at most 10 MiB of UTF-8), finds its code tables (:mod:`codegen.importers`),
merges them into the catalog (:mod:`codegen.importers.merge`) and writes the catalog only when its
text changed, through a temporary file and ``os.replace``. Any error leaves the catalog as it
was. Changes go to stdout; warnings and what needs a person go to stderr.

The roles of columns that the catalog records (the code, message and name headers of each
code set, and each attribute's header, key and kind) are given to the next import as if by
``--column``, so a mapping given once needs no flag again; ``--column`` wins over them,
but never renames an attribute the catalog has: it warns instead
(:mod:`codegen.importers.column_options`).
"""

from __future__ import annotations

import contextlib
import gc
import re
import sys
from argparse import Namespace
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ruamel.yaml.comments import CommentedMap

from codegen import roundtrip
from codegen.errors import CodegenError, ExitCode, InputError
from codegen.importers import Document, Form, detect_form, parse_document
from codegen.importers.column_options import renamed_attributes, stored_roles, unused_columns
from codegen.importers.headers import dictionary, languages_of
from codegen.importers.merge import MergeResult, merge_document
from codegen.importers.retire import check_options, retire
from codegen.init import module_name
from codegen.roundtrip import decode_utf8

MAX_DOCUMENT_BYTES = 10 * 1024 * 1024
_LANGUAGE = re.compile(r"[a-z]{2,3}(?:-[A-Za-z0-9]{1,8})*")


def run_import(args: Namespace) -> ExitCode:
    with _no_cycle_collection():
        return _run_import(args)


@contextlib.contextmanager
def _no_cycle_collection() -> Iterator[None]:
    """No cycle collection while importing. Almost everything the import allocates stays
    alive to its end (the page's tables, the catalog's tree, the text written), so the
    collector only walks ever more live objects: at 100,000 codes, even with the thresholds
    codegen.cli sets, 10-15% of the run (19.2 s -> 16.8 s, the same peak memory). The few
    cycles made (ruamel's YAML and its emitter point at each other) are freed at exit."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _run_import(args: Namespace) -> ExitCode:
    since: str | None = getattr(args, "since", None)
    check_options(getattr(args, "retire", False), since)
    catalog_path = Path(args.catalog)
    before = _read_catalog_bytes(catalog_path)
    crlf = before is not None and b"\r\n" in before  # a checkout with CRLF: kept CRLF
    text = before.replace(b"\r\n", b"\n") if before is not None else None
    root = roundtrip.load(text, str(catalog_path)) if text is not None else None
    lang = _language(args.lang, root, str(catalog_path))
    given_lang = args.lang is not None
    if root is not None and not root.get("code_sets") and lang != root["source_language"]:
        print(_adopt_language(root, lang, str(catalog_path)), file=sys.stderr)
    renamed = renamed_attributes(args.column, root, lang, args.catalog) if root is not None else []
    words = dictionary(args.column, stored_roles(root, lang) if root is not None else None)
    source = read_document(args.document)
    form: Form = detect_form(args.document, source) if args.format == "auto" else args.format
    document = parse_document(source, args.document, form, words)
    if not given_lang:
        _check_language(document, lang)
    if root is None:
        module = module_name(_project_folder(catalog_path))
        root = roundtrip.new_catalog(lang, module, schema_comment=_in_repository(catalog_path))
    result = merge_document(root, document, lang, str(catalog_path))
    if since:
        retire(root, result.removed, since, args.document)
    after = roundtrip.dump(root).encode("utf-8")
    if crlf:
        after = after.replace(b"\n", b"\r\n")
    for warning in [*document.warnings, *unused_columns(args.column, document), *renamed]:
        print(warning, file=sys.stderr)
    written = after.replace(b"\r\n", b"\n") if crlf else after
    for line in result.reports + _removed(result, root, written, str(catalog_path), args.document):
        print(line, file=sys.stderr)
    if after != before:
        roundtrip.write_atomically(catalog_path, after)
    if getattr(args, "explain", False):
        for line in _explanation(document):
            print(line)
    for line in result.changes:
        print(line)
    print(_summary(document, lang, result, str(catalog_path), after != before, bool(since)))
    return ExitCode.OK


def _explanation(document: Document) -> list[str]:
    """Each code table's column roles and the reasons for them, ``path:line:`` first."""
    lines = []
    for table in document.tables:
        title = f'"{table.title}"' if table.title else "without a title"
        lines.append(f"{document.path}:{table.line}: table {title}, {len(table.codes)} codes:")
        lines.extend(f"  {role}" for role in table.roles)
    return lines


def read_document(path: str) -> str:
    """The document's text; a one-line error when it is missing, too big or not UTF-8."""
    try:
        with open(path, "rb") as stream:
            data = stream.read(MAX_DOCUMENT_BYTES + 1)
    except FileNotFoundError:
        raise InputError("no such file; check the document path", path) from None
    except IsADirectoryError:
        raise InputError("is a folder; give the path of a document file", path) from None
    except OSError as error:
        raise InputError(f"cannot read the document: {error.strerror}", path) from None
    if len(data) > MAX_DOCUMENT_BYTES:
        raise InputError(
            f"the document is larger than {MAX_DOCUMENT_BYTES // (1024 * 1024)} MiB; import "
            "the page in parts",
            path,
        )
    text = decode_utf8(data, path, "save the document as UTF-8")
    return text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")


def _read_catalog_bytes(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        return None
    except OSError as error:
        raise InputError(f"cannot read the catalog: {error.strerror}", str(path)) from None


def _language(option: str | None, root: CommentedMap | None, catalog: str) -> str:
    if option is None:
        if root is None:
            raise InputError(
                "there is no catalog yet: give the document's language with --lang "
                "(it becomes the catalog's source language)",
                catalog,
            )
        return str(root.get("source_language"))
    if not _LANGUAGE.fullmatch(option):
        raise InputError(f'--lang "{option}" is not a language code; use e.g. ja, en or ko')
    return option


def _check_language(document: Document, lang: str) -> None:
    """Refuse a page imported without ``--lang`` whose header words are mostly of one
    other language than the catalog's source (two or more of them, more than of the
    source language): it would overwrite the source texts."""
    counts: Counter[str] = Counter()
    words: dict[str, list[str]] = {}
    for table in document.tables:
        for header in table.headers:
            for language in languages_of(header):
                counts[language] += 1
                words.setdefault(language, []).append(header)
    others = sorted((-n, language) for language, n in counts.items() if language != lang)
    if not others:
        return
    count, other = -others[0][0], others[0][1]
    if count < 2 or counts[lang] >= count:
        return
    raise InputError(
        f"the page's headers ({', '.join(words[other][:3])}) are {other} words but the "
        f"catalog's source language is {lang}: give the page's language with --lang "
        f"(--lang {lang} imports it as the source language all the same)",
        document.path,
    )


def _adopt_language(root: CommentedMap, lang: str, catalog: str) -> str:
    """Make ``lang`` the source language of a catalog without code sets (as ``init`` left
    it, perhaps for another language); the note to print."""
    previous = str(root["source_language"])
    root["source_language"] = lang
    languages = root["languages"]
    rest = [str(other) for other in languages if other not in (lang, previous)]
    del languages[:]
    languages.extend([lang, *rest])
    return (
        f"{catalog}: note: the catalog had no code set yet, so its source language is now "
        f"{lang} (was {previous})"
    )


def _project_folder(catalog: Path) -> str:
    """The folder a new catalog's module is named after: the project's, for spec/codes.yaml."""
    folder = catalog.absolute().parent
    return folder.parent.name if folder.name == "spec" else folder.name


def _in_repository(catalog: Path) -> bool:
    resolved = catalog.resolve()
    return (
        resolved.name == "codes.yaml"
        and resolved.parent.name == "spec"
        and (resolved.parent.parent / "codegen" / "schemas").is_dir()
    )


def _removed(
    result: MergeResult, root: CommentedMap, written: bytes, catalog: str, document: str
) -> list[str]:
    """Reports of the codes the document no longer has (or that ``--retire`` marked
    removed), with their line in the written file."""
    if not result.removed:
        return []
    lines = _code_lines(root, written, catalog)
    return [
        removed.report(catalog, lines.get((removed.code_set, removed.code), 0), document)
        for removed in result.removed
    ]


def _code_lines(root: CommentedMap, written: bytes, catalog: str) -> dict[tuple[int, str], int]:
    """The line of each code in the written file, by its code set's ``id`` and its code.

    The file is read back by the catalog's fast loader (:func:`codegen.spec_yaml.parse`,
    libyaml: 0.2 s at 10,000 codes), whose mappings know their first line as ruamel's do;
    only a file it does not read is read by ruamel's round-trip loader (10 s at 10,000)."""
    from codegen.spec_yaml import LinedDict, parse

    try:
        data: Any = parse(written.decode("utf-8"), catalog)
    except CodegenError:
        data = None
    lines: dict[tuple[int, str], int] = {}
    if isinstance(data, LinedDict):
        for ours, theirs in zip(root["code_sets"], data.get("code_sets") or []):
            for node in theirs["codes"]:
                lines[(id(ours), str(node["code"]))] = node.line
        return lines
    reloaded = roundtrip.load(written, catalog) or CommentedMap()
    for ours, theirs in zip(root["code_sets"], reloaded.get("code_sets") or []):
        for node in theirs["codes"]:
            lines[(id(ours), str(node["code"]))] = node.lc.line + 1
    return lines


def _summary(
    document: Document,
    document_lang: str,
    result: MergeResult,
    catalog: str,
    written: bool,
    retired: bool,
) -> str:
    """One line: what the page holds and what the merge did to the catalog, e.g. "page.md:
    2 code tables (20, 8), 28 codes; spec/codes.yaml written: 0 code sets and 1 code
    added, 0 de texts filled, 1 change, 2 codes retired, 0 reports"."""
    codes = sum(len(table.codes) for table in document.tables)
    counts = ", ".join(f"{len(t.codes)}" for t in document.tables)
    state = "written" if written else "unchanged"
    missing = len(result.removed)
    reports = len(result.reports) + (0 if retired else missing)
    return (
        f"{document.path}: {_n(len(document.tables), 'code table')} ({counts}), "
        f"{_n(codes, 'code')}; {catalog} {state}: {_n(result.added_sets, 'code set')} and "
        f"{_n(result.added_codes, 'code')} added, {result.filled} {document_lang} "
        f"{'text' if result.filled == 1 else 'texts'} filled, {_n(len(result.changes), 'change')}, "
        + (f"{_n(missing, 'code')} retired, " if retired else "")
        + _n(reports, "report")
    )


def _n(count: int, noun: str) -> str:
    """``1 code``, ``2 codes``: a count and its noun, plural when it is not 1."""
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"
