"""One exception family for everything a user can get wrong, the exit codes, and how a
message words a value: by its kind (never by its Python type) and its count."""

from __future__ import annotations

import enum
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime, time
from typing import Self


class ExitCode(enum.IntEnum):
    """Process exit codes (README, "Exit codes"): 0 ok, 1 a verdict against (stale outputs,
    a breaking change, a code not found), 2 invalid input or usage, 130 interrupted.

    Every member has its own name, so a test or a log shows which verdict it was, even
    where two share a status: ``ExitCode.NOT_FOUND`` is 1 like ``OUT_OF_DATE``, and prints
    as ``NOT_FOUND``. A member is its status as an int (``int(code)``, ``sys.exit(code)``);
    its ``value`` is ``(status, meaning)``. ``ExitCode(1)`` is the first member of status 1,
    ``OUT_OF_DATE``."""

    OK = 0, "the command did what was asked"
    OUT_OF_DATE = 1, "check: the output folder is stale, missing or has orphaned files"
    BREAKING = 1, "check --breaking-against: the catalog breaks clients of the generated code"
    NOT_FOUND = 1, "explain: no code set has the code"
    INVALID = 2, "invalid input, configuration or usage; nothing was written"
    INTERRUPTED = 130, "interrupted (Ctrl-C): 128 + SIGINT, as shells report it"

    meaning: str

    def __new__(cls, status: int, meaning: str) -> Self:
        member = int.__new__(cls, status)
        # A distinct value, so that no member is another's alias (Enum aliases equal values).
        member._value_ = (status, meaning)  # type: ignore[assignment]
        member.meaning = meaning
        return member

    def __repr__(self) -> str:
        return f"<ExitCode.{self.name}: {int(self)}>"

    @classmethod
    def _missing_(cls, value: object) -> ExitCode | None:
        """``ExitCode(1)``: the first member of that status."""
        return next((member for member in cls if member == value), None)


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

    @staticmethod
    def of(errors: list[CodegenError]) -> CodegenError:
        """What to raise for ``errors`` (at least one): the error itself when there is one,
        else a MultipleErrors listing them all."""
        return errors[0] if len(errors) == 1 else MultipleErrors(errors)

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


def counted(number: object, noun: str) -> str:
    """``1 code``, ``2 codes``: a count and its noun, plural unless the count is 1."""
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"
