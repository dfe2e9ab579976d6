"""One exception family for everything a user can get wrong, the exit codes, and how a
message names the kind of a value (never by its Python type)."""

from __future__ import annotations

import enum
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime, time


class ExitCode(enum.IntEnum):
    """Process exit codes; documented in the README."""

    OK = 0
    OUT_OF_DATE = 1  # `check` found generated/ stale, missing or orphaned files
    NOT_FOUND = 1  # `explain`: no code set has the code
    INVALID = 2  # invalid input, configuration or usage; nothing was written


@dataclass
class CodegenError(Exception):
    """A user error: printed as ``path:line:col: message``, never with a traceback.

    ``line`` and ``column`` are 1-based; 0 means unknown and is left out when printed.
    """

    message: str
    path: str = ""
    line: int = 0
    column: int = 0

    def __str__(self) -> str:
        where = self.path
        if where and self.line:
            where += f":{self.line}"
            if self.column:
                where += f":{self.column}"
        return f"{where}: {self.message}" if where else self.message


class InputError(CodegenError):
    """A document, catalog or option that cannot be used as it is."""


class SpecError(CodegenError):
    """The catalog breaks its documented format."""


class TemplateError(CodegenError):
    """A template failed to render, or rendered output that does not parse."""


class MultipleErrors(CodegenError):
    """Several problems found in one pass; each is printed on its own line."""

    def __init__(self, errors: list[CodegenError]) -> None:
        super().__init__("\n".join(str(e) for e in errors))
        self.errors = errors

    def __str__(self) -> str:
        return "\n".join(str(e) for e in self.errors)


def kind_of(value: object) -> str:
    """``value``'s kind as a template, JSON or YAML author would call it: ``a string``,
    ``an integer``, ``a number``, ``a list``, ``a mapping``, ``a date``, ... ."""
    kinds: tuple[tuple[type | tuple[type, ...], str], ...] = (
        (bool, "a boolean"),
        (int, "an integer"),
        (float, "a number"),
        (str, "a string"),
        ((list, tuple), "a list"),
        (Mapping, "a mapping"),
        (datetime, "a date and time"),
        (date, "a date"),
        (time, "a time"),
    )
    if value is None:
        return "none (an empty value)"
    for kind, name in kinds:
        if isinstance(value, kind):
            return name
    return "a value of another kind"
