"""``codegen import DOCUMENT``: merge a documentation page's code tables into the catalog.

Holds the catalog's lock (:mod:`codegen.commands._session`); reads the page (at most
10 MiB of UTF-8), finds its code tables (:mod:`codegen.importer`), merges them into the
catalog's round-trip tree (:mod:`codegen.importer.merge`) and writes the catalog only when
its text changed, through a temporary file and ``os.replace``. Any error leaves the catalog
as it was. Changes go to stdout; warnings and what needs a person (codes no longer on the
page, translations a changed source message left stale) go to stderr. A catalog that
``validate`` refuses is neither read nor written: the import stops with validate's lines
(:func:`codegen.catalog.load.text_problems`); only a catalog without code sets yet, as
``init`` writes it, is read all the same.

A catalog with CRLF line endings (a Windows checkout) is read as LF and written back with
CRLF, so an unchanged page leaves it byte-identical. The roles of columns that the catalog
records are given to the next import as if by ``--column``, so a mapping given once needs
no flag again; ``--column`` wins over them, but never renames an attribute the catalog has:
it warns instead (:mod:`codegen.importer.columns.options`).
"""

from __future__ import annotations

import contextlib
import gc
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from codegen.catalog import roundtrip
from codegen.catalog.load import text_problems
from codegen.catalog.plain import LinedDict
from codegen.commands._session import session
from codegen.errors import ExitCode, InputError, MultipleErrors, counted
from codegen.files import decode_utf8, read_limited
from codegen.importer.bilingual import split_languages
from codegen.importer.columns.headers import header_dictionary
from codegen.importer.columns.options import renamed_attributes, stored_roles, unused_columns
from codegen.importer.document import Document, Form, detect_form, parse_document, read_document
from codegen.importer.language import (
    adopt_source_language,
    check_page_language,
    check_text_language,
    clear_language,
    document_language,
)
from codegen.importer.merge.removed import code_set_ids, removed_reports
from codegen.importer.merge.retire import check_options
from codegen.importer.merge.retire import retire as retire_codes
from codegen.importer.merge.sets import merge_document
from codegen.importer.merge.state import MergeResult
from codegen.limits import MAX_CATALOG_BYTES
from codegen.project.config import load_config
from codegen.project.starter import in_codegen_checkout, module_name, project_folder

if TYPE_CHECKING:
    from ruamel.yaml.comments import CommentedMap


def run(
    *,
    document: str,
    lang: str | None,
    lang_mismatch_ok: bool,
    format: str,
    column: Sequence[str],
    retire: bool,
    since: str | None,
    explain: bool,
    config: str | None,
    catalog: str | None,
    dry_run: bool = False,
) -> ExitCode:
    """Merge the page ``document`` (``format``: auto, text, markdown or html) written in
    ``lang`` (None: the catalog's source language) into the catalog, holding its lock;
    ``lang_mismatch_ok`` imports a page whose texts are clearly in another language, which
    is refused otherwise; ``column`` are the ``--column HEADER=ROLE`` options,
    ``retire``/``since`` mark the codes the page no longer has removed, ``explain`` prints
    each table's column roles; with ``dry_run`` the same lines are printed and nothing is
    written. Changes go to stdout, warnings and reports to stderr; exit 0, or InputError
    (exit 2) with the catalog as it was."""
    configured = load_config(config, catalog=catalog)
    writes = not dry_run
    with session(configured, "codegen import", output=False, writes=writes), _no_cycle_collection():
        check_options(retire, since)
        checked = not lang_mismatch_ok
        return _import(
            configured.catalog, document, lang, checked, format, column, since, explain, writes
        )


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


def _import(
    shown: str,
    path: str,
    given_lang: str | None,
    checked: bool,
    form: str,
    columns: Sequence[str],
    since: str | None,
    explain: bool,
    writes: bool,
) -> ExitCode:
    catalog_path = Path(shown)
    catalog = str(catalog_path)
    before = _read_catalog_bytes(catalog_path)
    crlf = before is not None and b"\r\n" in before  # a checkout with CRLF: kept CRLF
    text = before.replace(b"\r\n", b"\n") if before is not None else None
    root = _read_valid(text, catalog) if text is not None else None
    lang = document_language(given_lang, root, catalog)
    adopted = None  # said only when the import succeeds
    if root is not None and not root.get("code_sets") and lang != root["source_language"]:
        adopted = adopt_source_language(root, lang, catalog)
    renamed = renamed_attributes(columns, root, lang, shown) if root is not None else []
    words = header_dictionary(columns, stored_roles(root, lang) if root is not None else None)
    source = read_document(path)
    chosen: Form = detect_form(path, source) if form == "auto" else form  # type: ignore[assignment]
    document = parse_document(source, path, chosen, words)
    fresh = root is not None and not root.get("code_sets")
    if fresh and given_lang is None and (found := clear_language(document)) not in (None, lang):
        lang, given_lang = str(found), str(found)  # a fresh catalog takes the page's language
        assert root is not None
        adopted = adopt_source_language(root, lang, catalog)
    split = split_languages(document, lang, str(root["source_language"]) if root else lang)
    document = split.document  # the page's own language: its translation columns apart
    if checked and given_lang is None:
        check_page_language(document, lang)
    if checked:
        check_text_language(document, lang, given=given_lang is not None)
    if root is None:
        module = module_name(project_folder(catalog_path))
        root = roundtrip.new_catalog(lang, module, schema_comment=in_codegen_checkout(catalog_path))
    result = merge_document(root, document, lang, catalog)
    filled = [(lang, result.filled)]  # texts filled, by language
    for other, translation in split.by_language:
        merged = merge_document(root, translation, other, catalog)
        filled.append((other, merged.filled))
        result = result.then(merged)
    if since:
        retire_codes(root, result.removed, since, path)
    warnings = [*document.warnings, *unused_columns(columns, document), *renamed]
    page = _Page.of(document, explain)
    del source, document, split  # the page's tables, freed before the catalog is written
    after = roundtrip.dump(root).encode("utf-8")
    set_ids = code_set_ids(root)
    del root  # freed before the written text is parsed back: 300 MiB at 100,000 codes
    if crlf:
        after = after.replace(b"\n", b"\r\n")
    for warning in warnings:
        print(warning, file=sys.stderr)
    written = after.replace(b"\r\n", b"\n") if crlf else after
    if after != before:
        _refuse_invalid(written, catalog, writing=True)
    for line in result.reports + removed_reports(result, set_ids, written, catalog, path):
        print(line, file=sys.stderr)
    for line in result.stale:
        print(line, file=sys.stderr)
    if after != before and writes:
        roundtrip.write_atomically(catalog_path, after)
    if adopted:
        print(adopted, file=sys.stderr)
    for line in page.explanation:
        print(line)
    for line in result.changes:
        print(line)
    state = (
        ("written" if writes else "would be written (--dry-run)")
        if after != before
        else "unchanged"
    )
    print(_summary(page, filled, result, catalog, state, bool(since)))
    return ExitCode.OK


def _read_valid(text: bytes, catalog: str) -> CommentedMap | None:
    """The catalog's round-trip tree, after the checks of ``validate`` (a catalog without
    code sets yet passes too): from one parse when the fast load builds the tree, whose
    plain data is what ``validate`` parses (:func:`codegen.catalog.roundtrip.fast.plain_data`);
    else the text is checked first and only then read by ruamel's loader."""
    fast = None if text.startswith(b"\xef\xbb\xbf") else roundtrip.load_fast(text, catalog)
    data = roundtrip.plain_data(fast) if fast is not None else None
    _refuse_invalid(text, catalog, no_code_sets_ok=True, data=data)
    return fast if fast is not None else roundtrip.load(text, catalog)


def _refuse_invalid(
    text: bytes,
    catalog: str,
    *,
    no_code_sets_ok: bool = False,
    writing: bool = False,
    data: LinedDict | None = None,
) -> None:
    """Raise what ``validate`` reports for the catalog text ``text`` (LF), if anything:
    ``import`` reads only a catalog ``validate`` accepts (or one without code sets yet, as
    ``init`` writes it), and writes only such a catalog (``writing``: the lines then point
    into the text it would have written). ``data``: what parsing ``text`` gives, when
    known."""
    decoded = decode_utf8(text, catalog, "save the catalog as UTF-8").removeprefix("\ufeff")
    problems = text_problems(decoded, catalog, no_code_sets_ok=no_code_sets_ok, data=data)
    if writing:
        for problem in problems:
            problem.message += " (in the catalog as this import would write it; nothing written)"
    if problems:
        raise MultipleErrors.of(problems)


@dataclass(frozen=True)
class _Page:
    """What the summary and ``--explain`` tell of the page: its path, the number of codes
    of each code table, and with ``--explain`` each table's column roles and the reasons
    for them, ``path:line:`` first. Kept instead of the parsed page, whose tables take as
    much memory again as the catalog's tree (120 MiB at 100,000 codes)."""

    path: str
    table_codes: tuple[int, ...]
    explanation: tuple[str, ...]

    @classmethod
    def of(cls, document: Document, explain: bool) -> _Page:
        lines = []
        for table in document.tables if explain else ():
            title = f'"{table.title}"' if table.title else "without a title"
            lines.append(f"{document.path}:{table.line}: table {title}, {len(table.codes)} codes:")
            lines.extend(f"  {role}" for role in table.roles)
        codes = tuple(len(table.codes) for table in document.tables)
        return cls(document.path, codes, tuple(lines))


def _read_catalog_bytes(path: Path) -> bytes | None:
    """The catalog's bytes, None when there is none yet; InputError when it cannot be
    read, is not a regular file or is past the catalog's size limit."""
    too_large = f"the catalog is larger than {MAX_CATALOG_BYTES // 2**20} MiB, the limit"
    try:
        return read_limited(
            path, MAX_CATALOG_BYTES, str(path), too_large=too_large + ": split it up"
        )
    except FileNotFoundError:
        return None
    except OSError as error:
        raise InputError(f"cannot read the catalog: {error.strerror}", str(path)) from None


def _summary(
    page: _Page,
    filled: list[tuple[str, int]],
    result: MergeResult,
    catalog: str,
    state: str,
    retired: bool,
) -> str:
    """One line: what the page holds and what the merge did to the catalog (``state``:
    written, unchanged, would be written), e.g. "page.md:
    2 code tables (20, 8), 28 codes; spec/codes.yaml written: 0 code sets and 1 code
    added, 0 de texts filled, 1 change, 2 codes retired, 1 code with stale translations,
    0 reports" (the retired codes with ``--retire``, the stale ones when there are some;
    ``filled`` the texts filled by language, the page's first, then its translations')."""
    codes = sum(page.table_codes)
    counts = ", ".join(f"{n}" for n in page.table_codes)
    missing = len(result.removed)
    reports = len(result.reports) + (0 if retired else missing)
    return (
        f"{page.path}: {counted(len(page.table_codes), 'code table')} ({counts}), "
        f"{counted(codes, 'code')}; {catalog} {state}: {counted(result.added_sets, 'code set')} and "
        f"{counted(result.added_codes, 'code')} added, "
        + ", ".join(f"{n} {lang} {'text' if n == 1 else 'texts'}" for lang, n in filled)
        + f" filled, {counted(len(result.changes), 'change')}, "
        + (f"{counted(missing, 'code')} retired, " if retired else "")
        + (
            f"{counted(len(result.stale), 'code')} with stale translations, "
            if result.stale
            else ""
        )
        + counted(reports, "report")
    )
