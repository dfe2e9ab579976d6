"""Each formatter by its configuration name, and the proof that its output parses, before
anything is written.

``format_text(text, formatter, options)`` returns the text to write or raises
:class:`~codegen.errors.TemplateError` saying what does not parse and where in the rendered
text; :mod:`codegen.render.engine` adds the template and the output path. The formatters
(:data:`codegen.render.targets.FORMATTERS`):

- ``python``: black, then ``ast.parse`` for the target Python version; its output is kept
  in the formatting cache (:mod:`codegen.render.format_cache`), so a hit imports no black.
  The built-in template's output, already in black's layout, is only parsed back, in
  pieces (:func:`runs_black`, :func:`parse_python`).
- ``ruff``: ``ruff format --isolated`` (no configuration file is read, so the output does
  not depend on the working directory), then ``ruff check`` for syntax errors of the target
  version (:func:`format_ruff`); ruff is the ``ruff`` package of this Python, else the
  ``ruff`` on the PATH, 0.12 or later for version-aware syntax errors.
- ``json``: parsed (duplicate keys refused) and dumped canonically; ``yaml``: loaded by a
  safe loader; ``markdown`` and ``none``: as rendered.
"""

from __future__ import annotations

import ast
import gc
import importlib
import json
import re
import shutil
import subprocess
from collections import Counter
from collections.abc import Iterator, Mapping
from typing import Any

from codegen import children
from codegen.errors import InputError, TemplateError
from codegen.render.format_cache import cached
from codegen.render.targets import PYTHON_LINE_LENGTH, PYTHON_TARGET_VERSION, runs_black
from codegen.render.views.escape import json_escape_nonprintable
from codegen.usercache import package_version

# What a parse-back says of an output nested deeper than Python's parsers recurse.
TOO_DEEP = "it nests too deeply to be read back (hundreds of levels): flatten it"


def format_text(
    text: str, formatter: str, options: Mapping[str, object], laid_out: bool = False
) -> str:
    """``text`` formatted by ``formatter``, parsed back, ending in one newline. ``laid_out``:
    the text is already in the formatter's layout (a built-in template's); for ``python``
    at the default line length black is then not run (:func:`runs_black`) and the text is
    only parsed back (:func:`parse_python`)."""
    if "\r" in text:
        line = text.count("\n", 0, text.index("\r")) + 1
        raise TemplateError("rendered a carriage return; escape it in the template", line=line)
    if formatter == "python" and not runs_black(options, laid_out):
        parse_python(text, options, versioned=False)
    elif formatter == "python":
        text = format_python(text, options)
    elif formatter == "json":
        text = format_json(text)
    elif formatter == "yaml":
        check_yaml(text)
    return text.rstrip("\n") + "\n"


PARSE_LINES = 20_000  # lines of Python parsed at once by parse_python: a few MiB of syntax tree


def parse_python(text: str, options: Mapping[str, object], versioned: bool = True) -> None:
    """Raise a TemplateError at the line unless ``text`` parses for the target Python
    version (``ast.parse``), without ever holding the syntax tree of the whole text: it is
    parsed in pieces of about :data:`PARSE_LINES` lines, cut only before a line that
    starts a statement at the top level after two blank lines (black's separation of
    top-level statements), each tree freed before the next piece. The tree of a whole
    module costs about 2.6 KB a line (600 MiB for 5,000 code sets of one code); a piece,
    a few MiB.

    Not ``versioned`` (the built-in template's output): each piece is compiled to code
    instead, in this Python's grammar, no node made a Python object: the same parser and
    errors (and a few more a module raises on import, ``return`` outside a function) in
    less than half the time (0.58 against 1.34 s for the 100,000 lines of a 10,000-code
    module), without the check of syntax newer than ``target_version``, which only the
    template's own text could bring (every catalog text, name and code reaches it through
    ``py_str``, ``py_docstring``, ``py_code`` or as a checked identifier; the tests parse
    its output for 3.9).

    As strict as parsing the whole: a text whose pieces all parse is a sequence of whole
    statements, so it parses too. A cut inside a bracket or a string leaves a piece that
    does not parse, so the text is refused: a piece can only be stricter, never laxer."""
    major, minor = _version(options)
    first = 1  # the text's line number of the piece's first line
    for piece in _pieces(text, PARSE_LINES):
        try:
            if versioned:
                ast.parse(piece, feature_version=(major, minor))
            else:
                compile(piece, "<output>", "exec", dont_inherit=True)
        except SyntaxError as error:
            line = first + (error.lineno or 1) - 1
            raise TemplateError(f"invalid Python: {error.msg}", line=line) from None
        first += piece.count("\n")


_NOT_A_STATEMENT = frozenset(" \t\n)]}")  # after two blank lines: still inside something


def _pieces(text: str, lines: int) -> Iterator[str]:
    """``text`` cut into pieces of at least ``lines`` lines (the last may be shorter), each
    cut just after two blank lines and before a character that can start a statement at
    the top level."""
    start = searched = counted = 0
    count = 0  # lines between ``start`` and ``counted``
    while (found := text.find("\n\n\n", searched)) >= 0:
        searched = cut = found + 3
        if text[cut : cut + 1] in _NOT_A_STATEMENT or cut == len(text):
            continue
        count += text.count("\n", counted, cut)
        counted = cut
        if count >= lines:
            yield text[start:cut]
            start, count = cut, 0
    yield text[start:]


def _version(options: Mapping[str, object]) -> tuple[int, int]:
    """The target Python version of ``options`` (``target_version``, default
    :data:`PYTHON_TARGET_VERSION`) as ``(major, minor)``."""
    version = str(options.get("target_version", PYTHON_TARGET_VERSION))
    try:
        major, minor = (int(part) for part in version.split("."))
    except ValueError:
        raise InputError(f"target_version {version!r} is not a Python version like 3.9") from None
    return major, minor


def format_python(text: str, options: Mapping[str, object]) -> str:
    """``text`` formatted by black, which also proves it parses, then compiled by ``ast``
    for the target Python version; from the formatting cache when it holds it."""
    version = str(options.get("target_version", PYTHON_TARGET_VERSION))
    line_length = options.get("line_length", PYTHON_LINE_LENGTH)
    length = line_length if isinstance(line_length, int) else None
    key = ("black", package_version("black"), version, length)
    return cached(key, text, lambda: _black(text, options))


def _black(text: str, options: Mapping[str, object]) -> str:
    import black  # slow to import: only for commands that write Python
    from black.mode import TargetVersion

    version = str(options.get("target_version", PYTHON_TARGET_VERSION))
    try:
        major, minor = (int(part) for part in version.split("."))
        target = TargetVersion[f"PY{major}{minor}"]
    except (ValueError, KeyError):
        raise InputError(
            f"target_version {version!r} is not a Python version black knows"
        ) from None
    line_length = options.get("line_length", PYTHON_LINE_LENGTH)
    mode = black.Mode(
        target_versions={target},
        line_length=line_length if isinstance(line_length, int) else PYTHON_LINE_LENGTH,
    )
    try:
        formatted = black.format_str(text, mode=mode)
        # Black's syntax tree is cyclic (parents and children point at each other): only the
        # cycle collector frees it, and the CLI runs that rarely (codegen.cli). Freed now,
        # its memory holds the AST below instead of adding to it: 427 instead of 595 MiB at
        # 10,000 codes, for about 5% of black's time.
        gc.collect()
        ast.parse(formatted, feature_version=(major, minor))
    except SyntaxError as error:
        raise TemplateError(f"invalid Python: {error.msg}", line=error.lineno or 0) from None
    except ValueError as error:  # black.parsing.InvalidInput: "Cannot parse ...: 3:4: ..."
        raise TemplateError(f"invalid Python: {error}") from None
    except RecursionError:
        raise TemplateError(f"invalid Python: {TOO_DEEP}") from None
    return formatted


def unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """The JSON object of ``pairs`` (``json.loads``'s ``object_pairs_hook``); a ValueError
    naming the first duplicate key, in sorted order. Hashes each key once: an object of
    one key per code set has up to 100,000 keys (comparing each with every other, 10^10
    comparisons)."""
    found = dict(pairs)
    if len(found) < len(pairs):
        counts = Counter(key for key, _ in pairs)
        raise ValueError(f"duplicate key {min(k for k, n in counts.items() if n > 1)!r}")
    return found


def format_json(text: str) -> str:
    """``text`` parsed (duplicate keys refused) and dumped canonically: two-space indent,
    UTF-8 text, non-printable characters escaped."""
    try:
        document = json.loads(text, object_pairs_hook=unique_keys)
    except json.JSONDecodeError as error:
        raise TemplateError(
            f"invalid JSON: {error.msg}", line=error.lineno, column=error.colno
        ) from None
    except ValueError as error:
        raise TemplateError(f"invalid JSON: {error}") from None
    except RecursionError:
        raise TemplateError(f"invalid JSON: {TOO_DEEP}") from None
    return json_escape_nonprintable(json.dumps(document, indent=2, ensure_ascii=False))


def check_yaml(text: str) -> None:
    """Raise unless ``text`` loads with ruamel's safe loader (duplicate keys refused).

    libyaml proves it first when installed (30× faster); anything it is unsure of
    (duplicate keys, anchors, deep nesting, odd scalars) goes to ruamel for the verdict."""
    from codegen.catalog import parse  # its C_LOADER says whether libyaml may be used

    if parse.C_LOADER:
        try:
            from codegen.catalog.libyaml import Unsure, load
        except ImportError:
            pass
        else:
            try:
                load(text)
                return
            except Unsure:
                pass
    from ruamel.yaml import YAML
    from ruamel.yaml.error import YAMLError

    try:
        YAML(typ="safe", pure=True).load(text)
    except YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 1 if mark is not None else 0
        problem = getattr(error, "problem", None) or str(error).splitlines()[0]
        raise TemplateError(f"invalid YAML: {problem}", line=line) from None
    except RecursionError:
        raise TemplateError(f"invalid YAML: {TOO_DEEP}") from None


NOT_INSTALLED = (
    "formatter 'ruff' needs ruff, which is not installed: pip install ruff, "
    'or use formatter = "python" (black)'
)


def ruff_command() -> str | None:
    """The ruff executable, or None when there is none."""
    try:
        return str(importlib.import_module("ruff").find_ruff_bin())
    except (ImportError, AttributeError, FileNotFoundError):
        return shutil.which("ruff")


def format_ruff(text: str, options: Mapping[str, object]) -> str:
    """``text`` formatted by ruff and compiled for the target Python version. A MemoryError
    when ruff ran out of memory (it inherits a user template's memory limit,
    :mod:`codegen.render.confine`); a TemplateError when the text is not valid Python."""
    executable = ruff_command()
    if executable is None:
        raise InputError(NOT_INSTALLED)
    version = str(options.get("target_version", PYTHON_TARGET_VERSION))
    try:
        major, minor = (int(part) for part in version.split("."))
    except ValueError:
        raise InputError(f"target_version {version!r} is not a Python version like 3.9") from None
    line_length = options.get("line_length", PYTHON_LINE_LENGTH)
    command = [
        executable,
        "format",
        "--isolated",
        "--line-length",
        str(line_length if isinstance(line_length, int) else PYTHON_LINE_LENGTH),
        "--target-version",
        f"py{major}{minor}",
        "-",
    ]
    done = _run(command, text)
    if done.returncode != 0:
        problem = _first_line(done.stderr, "ruff format failed")
        if problem.startswith("memory allocation of"):  # Rust's abort: out of its memory limit
            raise MemoryError(f"ruff: {problem}")
        raise TemplateError(f"invalid Python: {problem.removeprefix('error: ')}")
    _check_syntax(executable, done.stdout, f"py{major}{minor}")
    return done.stdout


def _check_syntax(executable: str, text: str, version: str) -> None:
    """Raise unless ``text`` is valid Python for ``version``, by ``ruff check`` with every
    rule off: it still reports syntax errors, and syntax newer than ``version`` (a
    ``match`` statement for py39). As strict as ``ast.parse(feature_version=...)``, which
    the black path uses, at a tenth of the time and without building the module's AST
    (200 MB at 10,000 codes)."""
    command = [executable, "check", "--isolated", "--no-cache", "--ignore", "ALL"]
    command += ["--output-format", "concise", "--target-version", version, "-"]
    done = _run(command, text)
    if done.returncode == 0:
        return
    for line in done.stdout.splitlines():
        found = _DIAGNOSTIC.match(line)
        if found:
            message = found.group(3).removeprefix("invalid-syntax: ")
            raise TemplateError(f"invalid Python: {message}", line=int(found.group(1)))
    problem = _first_line(done.stderr, "ruff check failed")
    if problem.startswith("memory allocation of"):
        raise MemoryError(f"ruff: {problem}")
    raise InputError(f"ruff check failed on the formatted text: {problem}")


def _run(command: list[str], text: str) -> subprocess.CompletedProcess[str]:
    """``command`` (ruff) with ``text`` on its standard input, in a child process that dies
    with codegen (:mod:`codegen.children`); its output and errors as text."""
    try:
        done = children.run(command, input=text.encode("utf-8"))
    except OSError as error:
        raise InputError(f"cannot run ruff ({command[0]}): {error.strerror}") from None
    stdout, stderr = done.stdout.decode("utf-8"), done.stderr.decode("utf-8", "replace")
    return subprocess.CompletedProcess(command, done.returncode, stdout, stderr)


def _first_line(output: str, default: str) -> str:
    return (output.strip().splitlines() or [default])[0]


_DIAGNOSTIC = re.compile(r"-:(\d+):(\d+): (.*)")


def ruff_version() -> str:
    """ruff's version: of the ``ruff`` package, else of the ``ruff`` on the PATH; "not
    installed" when there is neither (the manifest records it)."""
    version = package_version("ruff")
    if version != "not installed":
        return version
    executable = ruff_command()
    if executable is None:
        return version
    try:
        done = children.run([executable, "--version"])
    except OSError:
        return version
    return done.stdout.decode("utf-8", "replace").strip() or version
