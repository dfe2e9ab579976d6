"""The syntax of a GitHub pipe table, read from the source lines: how many cells a row has
(markdown-it pads short rows and drops extra cells), a delimiter row, a table written
without one, and a paragraph that is a table but for its delimiter row's cell count.
"""

from __future__ import annotations

import re

from markdown_it.token import Token

from codegen.errors import InputError
from codegen.importer.readers.blocks import skipped

DELIMITER_CELL = re.compile(r"\s*:?-+:?\s*")


PREFIX = re.compile(r"^\s*(?:>\s?)*")


def broken_table(token: Token, lines: list[str], path: str, warnings: list[InputError]) -> None:
    """Report a paragraph that is a pipe table but for its delimiter row's cell count."""
    if token.type != "paragraph_open" or not token.map or token.map[1] - token.map[0] < 2:
        return
    first = PREFIX.sub("", lines[token.map[0]])
    second = PREFIX.sub("", lines[token.map[0] + 1]).strip().strip("|")
    cells = second.split("|")
    if "|" not in first or not all(DELIMITER_CELL.fullmatch(cell) for cell in cells):
        return
    header = source_cells(first)
    if header != len(cells):
        warnings.append(
            skipped(
                f"table has {header} header cells but {len(cells)} in its delimiter row, "
                "so it is not a table in Markdown",
                "Give the delimiter row one |---| per column",
                path,
                token.map[0] + 1,
            )
        )


def pipe_rows(lines: list[str]) -> list[list[str]] | None:
    """The cells' sources of a paragraph that is a pipe table without a delimiter row: two
    lines or more, each starting with ``|`` and holding the same number (two or more) of
    cells; else None. Cells split at every unescaped ``|``."""
    if len(lines) < 2 or not all(line.lstrip().startswith("|") for line in lines):
        return None
    rows = [split_row(line) for line in lines]
    width = len(rows[0])
    if width < 2 or any(len(row) != width for row in rows):
        return None
    return rows


_SHAPES = (
    ("integer", re.compile(r"[-+]?[0-9]+")),
    ("constant", re.compile(r"[A-Z0-9][A-Z0-9_.:-]*")),
    ("code span", re.compile(r"`[^`]+`")),
)


def shape(cell: str) -> str:
    """What a code cell looks like: ``integer``, ``constant`` (upper-case letters, digits,
    ``_.:-``), ``code span``, or ``text`` (anything else, a header word among them)."""
    return next((name for name, pattern in _SHAPES if pattern.fullmatch(cell)), "text")


def continues(column: list[str], cells: list[str]) -> bool:
    """Whether ``cells`` (the first cells of pipe rows after a blank line) have the one
    shape, other than text, that every cell of a table's first ``column`` has: rows of
    that table, not a new table whose first row is its header (``Code`` is text)."""
    shapes = {shape(cell) for cell in column}
    return len(shapes) == 1 and "text" not in shapes and {shape(c) for c in cells} == shapes


def split_row(line: str) -> list[str]:
    """A pipe-table row's cell sources, split at unescaped pipes (``\\|`` stays in its cell,
    for the inline parser), without the outer pipes."""
    text = line.strip().removeprefix("|")
    if text.endswith("|") and not text.endswith("\\|"):
        text = text[:-1]
    cells: list[str] = []
    current: list[str] = []
    escaped = False
    for char in text:
        if char == "|" and not escaped:
            cells.append("".join(current))
            current = []
        else:
            current.append(char)
        escaped = char == "\\" and not escaped
    cells.append("".join(current))
    return [cell.strip() for cell in cells]


def source_cells(line: str) -> int:
    """How many cells a pipe-table row has in the source (markdown-it pads and truncates)."""
    text = PREFIX.sub("", line).strip()
    text = text.removeprefix("|")
    if text.endswith("|") and not text.endswith("\\|"):
        text = text[:-1]
    if "\\" not in text:
        return text.count("|") + 1
    count, escaped = 1, False
    for char in text:
        if escaped:
            escaped = False
        elif char == "\\":
            escaped = True
        elif char == "|":
            count += 1
    return count
