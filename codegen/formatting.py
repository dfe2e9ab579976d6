"""Formatting rendered text, and proving it parses, before anything is written.

``format_text(text, formatter, options)`` returns the text to write or raises
:class:`~codegen.errors.TemplateError` saying what does not parse and where in the
rendered text; :mod:`codegen.render` adds the template and the output path.
"""

from __future__ import annotations

import ast
import json
from collections.abc import Mapping
from typing import Any

from codegen.errors import InputError, TemplateError
from codegen.filters import json_escape_nonprintable

PYTHON_LINE_LENGTH = 100  # as the repository's own black configuration
PYTHON_TARGET_VERSION = "3.9"  # the oldest Python the generated module runs on


def format_text(text: str, formatter: str, options: Mapping[str, object]) -> str:
    """``text`` formatted by ``formatter``, parsed back, ending in one newline."""
    if "\r" in text:
        line = text.count("\n", 0, text.index("\r")) + 1
        raise TemplateError("rendered a carriage return; escape it in the template", line=line)
    if formatter == "python":
        text = format_python(text, options)
    elif formatter == "json":
        text = format_json(text)
    elif formatter == "yaml":
        check_yaml(text)
    return text.rstrip("\n") + "\n"


def format_python(text: str, options: Mapping[str, object]) -> str:
    """``text`` formatted by black, which also proves it parses, then compiled by ``ast``
    for the target Python version."""
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
        ast.parse(formatted, feature_version=(major, minor))
    except SyntaxError as error:
        raise TemplateError(f"invalid Python: {error.msg}", line=error.lineno or 0) from None
    except ValueError as error:  # black.parsing.InvalidInput: "Cannot parse ...: 3:4: ..."
        raise TemplateError(f"invalid Python: {error}") from None
    return formatted


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    keys = [key for key, _ in pairs]
    duplicates = sorted({key for key in keys if keys.count(key) > 1})
    if duplicates:
        raise ValueError(f"duplicate key {duplicates[0]!r}")
    return dict(pairs)


def format_json(text: str) -> str:
    """``text`` parsed (duplicate keys refused) and dumped canonically: two-space indent,
    UTF-8 text, non-printable characters escaped."""
    try:
        document = json.loads(text, object_pairs_hook=_unique_keys)
    except json.JSONDecodeError as error:
        raise TemplateError(
            f"invalid JSON: {error.msg}", line=error.lineno, column=error.colno
        ) from None
    except ValueError as error:
        raise TemplateError(f"invalid JSON: {error}") from None
    return json_escape_nonprintable(json.dumps(document, indent=2, ensure_ascii=False))


def check_yaml(text: str) -> None:
    """Raise unless ``text`` loads with ruamel's safe loader (duplicate keys refused)."""
    from ruamel.yaml import YAML
    from ruamel.yaml.error import YAMLError

    try:
        YAML(typ="safe", pure=True).load(text)
    except YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 1 if mark is not None else 0
        problem = getattr(error, "problem", None) or str(error).splitlines()[0]
        raise TemplateError(f"invalid YAML: {problem}", line=line) from None
