"""What ``check`` compares: the outputs rendered in memory against the output folder on disk.

:func:`compare` makes a :class:`Report`: a unified diff per changed file (long files
trimmed to their changed middle first, :func:`unified_diff`), the missing files, the
generated files generate would delete, the other (orphaned) files. :func:`report_text`
words it, each diff cut to a CI log's size (:func:`capped`), ending with the command that
fixes it.

The manifest (:mod:`codegen.output.manifest`) never decides the verdict: a manifest that is
missing, unreadable or made from other inputs or versions (a comment added to the catalog,
a new formatter) while every output is right passes, with a note that generate would
refresh it. Line endings are not compared: a checkout with git's ``core.autocrlf=true`` has
CRLF where generate writes LF (git stores LF again on commit). An output that differs only
in line endings passes, with a note naming it; a diff compares the texts as LF.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from codegen.files import FileTooLarge, as_lf, inside, read_limited
from codegen.output import manifest
from codegen.output.folder import leftovers
from codegen.render.header import DEFAULT_REGENERATE


@dataclass(frozen=True)
class Report:
    """How the output folder differs from what generate would write."""

    changed: dict[str, str] = field(default_factory=dict)  # path -> unified diff
    missing: tuple[str, ...] = ()
    stale: tuple[str, ...] = ()  # generated files that generate would delete
    orphaned: tuple[str, ...] = ()  # other files, which generate keeps
    manifest_stale: bool = False  # the manifest differs from the one generate would write
    line_endings: tuple[str, ...] = ()  # outputs that differ only by CRLF line endings
    manifest_missing: bool = False  # no manifest in the folder (deleted, or never committed)

    @property
    def up_to_date(self) -> bool:
        return not (self.changed or self.missing or self.stale or self.orphaned)


def compare(
    files: Mapping[str, str], output_dir: Path, shown: Callable[[str], str] = str
) -> Report:
    """Compare rendered ``files`` (text by relative path, the manifest among them) with
    ``output_dir``; ``shown`` names files in diffs. The manifest is never a difference,
    only ``manifest_stale``."""
    changed: dict[str, str] = {}
    missing: list[str] = []
    line_endings: list[str] = []
    for relative, text in files.items():
        if relative == manifest.MANIFEST:
            continue
        data = text.encode("utf-8")
        try:
            on_disk = _on_disk(output_dir, relative, manifest.on_disk_limit(len(data)), shown)
        except FileTooLarge as error:
            changed[relative] = f"{error.message}: not compared line by line\n"
            continue
        if on_disk is None:
            missing.append(relative)
        elif on_disk != data and as_lf(on_disk) == data:
            line_endings.append(relative)
        elif on_disk != data:
            changed[relative] = unified_diff(shown(relative), as_lf(on_disk), text)
    stale, orphaned = leftovers(output_dir, files)
    recorded = files.get(manifest.MANIFEST)
    limit = manifest.on_disk_limit(len((recorded or "").encode("utf-8")))
    try:
        on_disk = _on_disk(output_dir, manifest.MANIFEST, limit, shown)
    except FileTooLarge:
        on_disk = None
    manifest_stale = recorded is not None and (
        on_disk is None or as_lf(on_disk) != recorded.encode("utf-8")
    )
    return Report(
        changed,
        tuple(missing),
        tuple(stale),
        tuple(orphaned),
        manifest_stale,
        tuple(line_endings),
        recorded is not None and on_disk is None,
    )


def _on_disk(
    output_dir: Path, relative: str, limit: int, shown: Callable[[str], str]
) -> bytes | None:
    """The file ``relative`` of the output folder, None when missing; RefusedFile when it
    is not a regular file of the folder, FileTooLarge past ``limit`` bytes."""
    path = inside(output_dir, relative)
    too_large = f"the file on disk is larger than {limit:,} bytes, far more than generate writes"
    try:
        return read_limited(path, limit, shown(relative), within=output_dir, too_large=too_large)
    except FileNotFoundError:
        return None


CONTEXT = 3  # lines of context around each change, as `diff -u`
TRIM_ABOVE = 4000  # lines (both texts): shorter files are compared whole
SHOWN_DIFF_LINES = 400  # a diff printed for one file stops after this many lines...
SHOWN_DIFF_BYTES = 64 * 1024  # ...or bytes (UTF-8), so a CI log stays readable


def unified_diff(name: str, old: bytes, new: str) -> str:
    """A unified diff from the file on disk to the text generate would write.

    For long files (:data:`TRIM_ABOVE` lines), the lines both texts start and end with are
    left out before difflib compares the rest (keeping the context lines), and the hunk
    headers are shifted back: one changed message in a 100,000-line module costs
    milliseconds instead of seconds. The diff is still a correct one (applied to the file
    on disk it gives the new text), but where lines repeat, difflib may align the trimmed
    middle differently from the whole file, so hunks can differ from ``diff -u``'s."""
    try:
        old_lines = old.decode("utf-8").splitlines(keepends=True)
    except UnicodeDecodeError:
        return f"Binary file a/{name} differs (not UTF-8)\n"
    new_lines = new.splitlines(keepends=True)
    start, old_end, new_end = 0, len(old_lines), len(new_lines)
    if len(old_lines) + len(new_lines) > TRIM_ABOVE:
        start, old_end, new_end = _common_ends(old_lines, new_lines)
    lines = difflib.unified_diff(
        old_lines[start:old_end],
        new_lines[start:new_end],
        f"a/{name.lstrip('/')}",
        f"b/{name.lstrip('/')}",
        n=CONTEXT,
    )
    out: list[str] = []
    for line in lines:
        if line.startswith("@@ "):
            line = _shifted(line, start)
        out.append(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n")
    return "".join(out)


def _common_ends(old: list[str], new: list[str]) -> tuple[int, int, int]:
    """Where the compared middle starts (both texts), and ends in each: the common first
    and last lines left out, but for CONTEXT lines kept on each side."""
    limit = min(len(old), len(new))
    prefix = 0
    while prefix < limit and old[prefix] == new[prefix]:
        prefix += 1
    suffix = 0
    while suffix < limit - prefix and old[-1 - suffix] == new[-1 - suffix]:
        suffix += 1
    start = max(0, prefix - CONTEXT)
    keep = max(0, suffix - CONTEXT)
    return start, len(old) - keep, len(new) - keep


_HUNK = re.compile(r"@@ -(\d+)((?:,\d+)?) \+(\d+)((?:,\d+)?) @@")


def _shifted(header: str, offset: int) -> str:
    """A hunk header of the compared middle, in the line numbers of the whole file."""
    if not offset:
        return header
    return _HUNK.sub(
        lambda m: f"@@ -{int(m[1]) + offset}{m[2]} +{int(m[3]) + offset}{m[4]} @@", header, 1
    )


def report_text(report: Report, shown: Callable[[str], str], fix: str = DEFAULT_REGENERATE) -> str:
    """What check prints, ending with ``run: FIX`` when generate would fix something (an
    orphaned file only is not: generate keeps it); empty when the folder is up to date."""
    if report.up_to_date:
        return ""
    parts: list[str] = []
    for relative, diff in report.changed.items():
        parts.append(f"{shown(relative)}: out of date\n{capped(diff, shown(relative))}")
    parts += [f"{shown(r)}: missing\n" for r in report.missing]
    parts += [
        f"{shown(r)}: generated but no longer written (generate deletes it)\n" for r in report.stale
    ]
    parts += [
        f"{shown(r)}: orphaned: not written by codegen; delete it or move it out of the folder\n"
        for r in report.orphaned
    ]
    # generate keeps an orphaned file: its own line says what fixes it, not "run: generate"
    regenerates = report.changed or report.missing or report.stale
    return "".join(parts) + notes_text(report, shown) + (f"run: {fix}\n" if regenerates else "")


def capped(diff: str, name: str) -> str:
    """``diff`` as check prints it: whole when it is short, else its first
    :data:`SHOWN_DIFF_LINES` lines (at most :data:`SHOWN_DIFF_BYTES` bytes, a longer line
    cut) and a line saying how much was left out and how to see it. A stale 200 MB output
    would otherwise print hundreds of megabytes into a CI log."""
    lines = diff.splitlines(keepends=True)
    kept: list[str] = []
    size = 0
    cut = False
    for line in lines[:SHOWN_DIFF_LINES]:
        data = line.encode("utf-8")
        if size + len(data) > SHOWN_DIFF_BYTES:
            kept.append(data[: SHOWN_DIFF_BYTES - size].decode("utf-8", "ignore") + " [cut]\n")
            cut = True
            break
        kept.append(line)
        size += len(data)
    whole = len(kept) - cut
    if whole == len(lines):
        return diff
    return "".join(kept) + (
        f"... {len(lines) - whole:,} more lines of the diff not shown: run generate, then "
        f"`git diff {name}` shows them all\n"
    )


def notes_text(report: Report, shown: Callable[[str], str], fix: str = DEFAULT_REGENERATE) -> str:
    """What check adds to its verdict: the outputs that differ only in line endings, and
    (when the folder is up to date) that generate would refresh the manifest."""
    why = (
        "missing"
        if report.manifest_missing
        else "out of date though no output is (a comment in the catalog, a new codegen)"
    )
    return line_endings_note(report.line_endings, shown) + (
        f"note: {shown(manifest.MANIFEST)}, the cache that lets check skip rendering, is "
        f"{why}; run: {fix} to refresh it\n"
        if report.manifest_stale and report.up_to_date
        else ""
    )


SHOWN_FILES = 3  # files a note names before "and N more"


def line_endings_note(relatives: Sequence[str], shown: Callable[[str], str]) -> str:
    """The note on outputs that differ from what generate writes only in line endings;
    empty when there are none."""
    if not relatives:
        return ""
    names = ", ".join(shown(r) for r in relatives[:SHOWN_FILES])
    if len(relatives) > SHOWN_FILES:
        names += f" and {len(relatives) - SHOWN_FILES} more"
    return (
        f"note: {names} differ{'s' if len(relatives) == 1 else ''} from what generate writes "
        "only in line endings (CRLF on disk, LF generated, as git's core.autocrlf checks "
        'files out), which check ignores; mark the output folder "text eol=lf" in '
        ".gitattributes (as codegen init does) to keep it LF\n"
    )
