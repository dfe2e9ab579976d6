"""Where each key of a TOML document is written: ``{key path: (line, column)}``.

``tomllib`` parses TOML but gives no positions, and a configuration error should point at
the line to fix. :func:`positions` scans text that ``tomllib`` already accepted and records,
1-based, the position of every key (``("tool", "codegen", "output")``), of every table
header, and of every array item (``("targets", 0)``, ``("languages", 1)``); array-of-tables
headers get their index (``[[targets]]`` twice: ``("targets", 0)`` and ``("targets", 1)``).
The scan trusts the syntax (``tomllib`` checked it) and only tracks structure and strings.
:class:`Located` is the configuration file as text, to raise an error at a key.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from codegen.errors import InputError

KeyPath = tuple[str | int, ...]
Position = tuple[int, int]

_BARE_END = frozenset(" \t\r\n=.,]}#")


def positions(text: str) -> dict[KeyPath, Position]:
    """Every key path of ``text`` (valid TOML) and where it is written; see the module doc."""
    scanner = _Scanner(text)
    scanner.document()
    return scanner.found


def too_deep(text: str, limit: int) -> Position | None:
    """Where ``text`` (any text, valid TOML or not) first nests arrays and inline tables
    more than ``limit`` deep, or None. A linear scan that skips strings and comments:
    ``tomllib`` (and :func:`positions`) recurse once per level, so a document nested
    thousands deep must be refused before either reads it."""
    depth, at, size = 0, 0, len(text)
    while at < size:
        char = text[at]
        if char == "#":
            end = text.find("\n", at)
            at = size if end < 0 else end
        elif char in "\"'":
            at = _string_end(text, at)
        elif char in "[{":
            depth += 1
            if depth > limit:
                return _Scanner(text).position(at)
            at += 1
        else:
            depth -= char in "]}" and depth > 0
            at += 1
    return None


def _string_end(text: str, at: int) -> int:
    """The index after the string that starts at ``at`` (its end, or the line's, or the
    text's when it is not closed)."""
    quote = text[at]
    closing, start = (quote * 3, at + 3) if text.startswith(quote * 3, at) else (quote, at + 1)
    end = text.find(closing, start)
    while end > 0 and quote == '"' and _escaped(text, end):
        end = text.find(closing, end + 1)
    if len(closing) == 1:
        line_end = text.find("\n", start)
        if line_end >= 0 and (end < 0 or line_end < end):
            return line_end
    return len(text) if end < 0 else end + len(closing)


def locate(found: dict[KeyPath, Position], path: KeyPath) -> Position:
    """The position of ``path`` or, when it is not written (a missing key), of its nearest
    written parent; ``(0, 0)`` when none is."""
    for end in range(len(path), 0, -1):
        if path[:end] in found:
            return found[path[:end]]
    return (0, 0)


@dataclass
class _Scanner:
    text: str
    at: int = 0
    found: dict[KeyPath, Position] = field(default_factory=dict)
    tables: dict[KeyPath, int] = field(default_factory=dict)  # array of tables -> last index

    def position(self, index: int) -> Position:
        line_start = self.text.rfind("\n", 0, index) + 1
        return self.text.count("\n", 0, index) + 1, index - line_start + 1

    def record(self, path: KeyPath, index: int) -> None:
        self.found.setdefault(path, self.position(index))

    def peek(self, size: int = 1) -> str:
        return self.text[self.at : self.at + size]

    def skip_space(self, newlines: bool) -> None:
        """Skip blanks (and comments and newlines when ``newlines``)."""
        while self.at < len(self.text):
            char = self.text[self.at]
            if char in " \t" or (newlines and char in "\r\n"):
                self.at += 1
            elif char == "#":
                end = self.text.find("\n", self.at)
                self.at = len(self.text) if end < 0 else end
            else:
                return

    def document(self) -> None:
        table: KeyPath = ()
        while True:
            self.skip_space(newlines=True)
            if self.at >= len(self.text):
                return
            if self.peek() == "[":
                table = self.header()
            else:
                self.key_value(table)

    def header(self) -> KeyPath:
        start = self.at
        array = self.peek(2) == "[["
        self.at += 2 if array else 1
        self.skip_space(newlines=False)
        keys = self.key()
        self.at += 2 if array else 1
        path: KeyPath = ()
        for index, key in enumerate(keys):
            path += (key,)
            last = index == len(keys) - 1
            if array and last:
                self.tables[path] = self.tables.get(path, -1) + 1
                path += (self.tables[path],)
            elif path in self.tables:
                path += (self.tables[path],)
        self.record(path, start)
        return path

    def key(self) -> list[str]:
        """A dotted key; leaves the scanner after it and the blanks that follow."""
        keys: list[str] = []
        while True:
            keys.append(self.key_part())
            self.skip_space(newlines=False)
            if self.peek() != ".":
                return keys
            self.at += 1
            self.skip_space(newlines=False)

    def key_part(self) -> str:
        if self.peek() in ('"', "'"):
            start = self.at
            self.string()
            return _unquote(self.text[start : self.at])
        start = self.at
        while self.at < len(self.text) and self.text[self.at] not in _BARE_END:
            self.at += 1
        return self.text[start : self.at]

    def key_value(self, table: KeyPath) -> None:
        start = self.at
        path = table
        for key in self.key():
            path += (key,)
            self.record(path, start)
        self.at += 1  # "="
        self.skip_space(newlines=False)
        self.value(path)

    def value(self, path: KeyPath) -> None:
        char = self.peek()
        if char == "[":
            self.array(path)
        elif char == "{":
            self.inline_table(path)
        elif char in ('"', "'"):
            self.string()
        else:
            while self.at < len(self.text) and self.text[self.at] not in " \t\r\n,]}#":
                self.at += 1

    def array(self, path: KeyPath) -> None:
        self.at += 1
        index = 0
        while True:
            self.skip_space(newlines=True)
            if self.peek() == "]":
                self.at += 1
                return
            self.record(path + (index,), self.at)
            self.value(path + (index,))
            index += 1
            self.skip_space(newlines=True)
            if self.peek() == ",":
                self.at += 1

    def inline_table(self, path: KeyPath) -> None:
        self.at += 1
        while True:
            self.skip_space(newlines=False)
            if self.peek() == "}":
                self.at += 1
                return
            if self.peek() == ",":
                self.at += 1
                continue
            self.key_value(path)

    def string(self) -> None:
        quote = self.peek()
        if self.peek(3) == quote * 3:
            end = self.text.find(quote * 3, self.at + 3)
            while quote == '"' and end > 0 and _escaped(self.text, end):
                end = self.text.find(quote * 3, end + 1)
            end += 3
            while self.text[end : end + 1] == quote:  # up to two quotes may end the content
                end += 1
            self.at = end
            return
        end = self.text.find(quote, self.at + 1)
        while quote == '"' and _escaped(self.text, end):
            end = self.text.find(quote, end + 1)
        self.at = end + 1


def _escaped(text: str, index: int) -> bool:
    """Whether the character at ``index`` follows an odd number of backslashes."""
    count = 0
    while index - count - 1 >= 0 and text[index - count - 1] == "\\":
        count += 1
    return count % 2 == 1


def _unquote(quoted: str) -> str:
    if quoted.startswith("'"):
        return quoted[1:-1]
    import tomllib

    return str(tomllib.loads(f"k = {quoted}")["k"])


@dataclass(frozen=True)
class Located:
    """The configuration file as text, to point errors at its keys."""

    shown: str = ""  # the file as shown to the user; "" for the built-in defaults
    text: str = ""
    prefix: KeyPath = ()  # ("tool", "codegen") in pyproject.toml

    @property
    def table(self) -> str:
        return "[tool.codegen]" if self.prefix else self.shown

    def error(self, message: str, path: KeyPath) -> InputError:
        line, column = locate(positions(self.text), self.prefix + path) if self.text else (0, 0)
        return InputError(message, self.shown, line, column)
