"""The keys of the configuration table, their types and checks, and the targets they make.

:func:`check_section` checks a parsed ``[tool.codegen]`` table (or codegen.toml) and
:func:`targets_of` turns it into :class:`~codegen.render.targets.Target` s; every problem is an
:class:`~codegen.errors.InputError` at the line and column of the key, found in the file's
text by :mod:`codegen.project.toml_positions` only when there is a problem to report.
"""

from __future__ import annotations

import difflib
import keyword
import re
from collections.abc import Mapping
from datetime import date, datetime, time
from types import MappingProxyType
from typing import Any

from codegen.catalog.naming import LANGUAGE, module_length_problem
from codegen.errors import InputError
from codegen.files import vcs_folder
from codegen.limits import (
    MAX_LOCK_SECONDS,
    MAX_OUTPUT_MIB,
    MAX_RENDER_SECONDS,
    MAX_TEMPLATE_CPU_SECONDS,
    MAX_TEMPLATE_MEMORY_MIB,
    MIB,
)
from codegen.project.toml_positions import KeyPath, Located
from codegen.render.bounds import RenderLimits
from codegen.render.targets import (
    CODE_SETS,
    DEFAULT_TARGETS,
    FORMATTERS,
    Target,
    builtin_options,
    checked_relative,
    long_part_problem,
)

__all__ = ["check_section", "limits_of", "targets_of"]

SECTION_KEYS: Mapping[str, type] = {
    "catalog": str,
    "output": str,
    "templates": str,
    "languages": list,
    "options": dict,
    "targets": list,
    "derived_names": str,
    "stale_translations": str,
    "regenerate": str,
    "lock_timeout": int,
    "breaking_against": str,
    "render_timeout": int,
    "max_output_mib": int,
    "template_memory_mib": int,
    "template_cpu_seconds": int,
    "allow_outside": bool,
}
LIMIT_KEYS: Mapping[str, int] = {  # the largest value of each limit key; the smallest is 1
    "render_timeout": MAX_RENDER_SECONDS,
    "max_output_mib": MAX_OUTPUT_MIB,
    "template_memory_mib": MAX_TEMPLATE_MEMORY_MIB,
    "template_cpu_seconds": MAX_TEMPLATE_CPU_SECONDS,
}
DERIVED_NAMES = ("warn", "error")  # also the values of stale_translations
TARGET_KEYS: Mapping[str, type] = {
    "template": str,
    "output": str,
    "formatter": str,
    "options": dict,
}
REQUIRED_TARGET_KEYS = ("template", "output")
KNOWN_OPTIONS: Mapping[str, type] = {
    "module": str,
    "title": str,
    "version": str,
    "docs_base_url": str,
    "docs_lang": str,
    "docs_page": str,
    "target_version": str,
    "line_length": int,
    "code_sets": str,
}
OPTION_VALUES: Mapping[str, tuple[str, ...]] = {"code_sets": CODE_SETS}
_MODULE = re.compile(r"[a-z][a-z0-9_]*")


def check_section(data: object, located: Located) -> dict[str, Any]:
    """The configuration table, every key known and of the right type."""
    if not isinstance(data, dict):
        raise located.error(f"{located.table} must be a table of settings", ())
    _check_keys(data, SECTION_KEYS, (), located)
    for name in ("catalog", "output", "templates"):
        if name in data and not data[name].strip():
            raise located.error(f"{name} is empty; give a path or remove the key", (name,))
    for name in ("catalog", "output", "templates", "breaking_against"):
        _check_no_control(data, name, (), located)
    if "languages" in data:
        _check_languages(data["languages"], located)
    for key in ("derived_names", "stale_translations"):
        if data.get(key, "warn") not in DERIVED_NAMES:
            raise located.error(f'{key} must be "warn" or "error", not {data[key]!r}', (key,))
    if "regenerate" in data:
        _check_regenerate(data["regenerate"], located)
    if data.get("lock_timeout", 0) < 0:
        raise located.error(
            "lock_timeout must be 0 or more seconds (0: do not wait for another run)",
            ("lock_timeout",),
        )
    if data.get("lock_timeout", 0) > MAX_LOCK_SECONDS:
        raise located.error(
            f"lock_timeout must be at most {MAX_LOCK_SECONDS:,} seconds (a day): a run that "
            "holds a lock longer is stuck",
            ("lock_timeout",),
        )
    if "breaking_against" in data and not data["breaking_against"].strip():
        raise located.error(
            'breaking_against is empty; give a git ref such as "origin/main", or remove the key',
            ("breaking_against",),
        )
    for key, largest in LIMIT_KEYS.items():
        if key in data and not 1 <= data[key] <= largest:
            raise located.error(
                f"{key} must be from 1 to {largest:,}, not {data[key]:,} (see docs/limits.md)",
                (key,),
            )
    _check_options(data.get("options", {}), ("options",), located)
    targets = data.get("targets")
    if targets is not None and not targets:
        raise located.error(
            "targets is empty; add a [[targets]] table or remove the key to use the defaults",
            ("targets",),
        )
    for index, target in enumerate(targets or ()):
        _check_target(target, index, located)
    return data


def targets_of(section: Mapping[str, Any], located: Located) -> tuple[Target, ...]:
    """The configured targets, or the default ones; ``options`` applies to every target.
    A target of a built-in template, listed or default, starts from that template's
    options (:func:`~codegen.render.targets.builtin_options`: the OpenAPI version); the shared
    ``options`` go over them, and a listed target's own options over those."""
    shared = section.get("options", {})
    if "targets" not in section:
        return tuple(
            Target(t.template, t.output, t.formatter, _frozen({**t.options, **shared}))
            for t in DEFAULT_TARGETS
        )
    return tuple(
        Target(
            raw["template"],
            raw["output"],
            raw.get("formatter", "none"),
            _frozen({**builtin_options(raw["template"]), **shared, **raw.get("options", {})}),
        )
        for raw in section["targets"]
    )


def limits_of(section: Mapping[str, Any]) -> RenderLimits:
    """The bounds on rendering one output: ``render_timeout`` (seconds),
    ``max_output_mib`` (MiB), and for a user template ``template_memory_mib`` (MiB) and
    ``template_cpu_seconds`` (seconds), of the checked section, else the defaults."""
    default = RenderLimits()
    return RenderLimits(
        seconds=section.get("render_timeout", default.seconds),
        output_bytes=_mib(section, "max_output_mib", default.output_bytes),
        memory_bytes=_mib(section, "template_memory_mib", default.memory_bytes),
        cpu_seconds=section.get("template_cpu_seconds", default.cpu_seconds),
    )


def _mib(section: Mapping[str, Any], key: str, default: int) -> int:
    """The value of ``key``, in MiB, as bytes; ``default`` (bytes) without it."""
    return section[key] * MIB if key in section else default


def _frozen(options: Mapping[str, Any]) -> Mapping[str, object]:
    return MappingProxyType(dict(options))


def _check_keys(
    table: Mapping[str, Any], known: Mapping[str, type], path: KeyPath, located: Located
) -> None:
    where = _name(path) or located.table
    for key, value in table.items():
        if key not in known:
            close = difflib.get_close_matches(key, list(known), n=1)
            hint = f"did you mean {close[0]}?" if close else f"use one of {', '.join(known)}"
            raise located.error(f"unknown key {key!r} in {where}; {hint}", path + (key,))
        _check_type(value, known[key], path + (key,), located)


def _check_type(value: object, expected: type, path: KeyPath, located: Located) -> None:
    if isinstance(value, expected) and not (expected is int and isinstance(value, bool)):
        return
    raise located.error(
        f"{_name(path)} must be {_TYPE_NAMES[expected]}, not {_type_name(value)}", path
    )


def _check_languages(languages: list[Any], located: Located) -> None:
    if not languages:
        raise located.error("languages is empty; list some or remove the key", ("languages",))
    for index, lang in enumerate(languages):
        path: KeyPath = ("languages", index)
        _check_type(lang, str, path, located)
        if not LANGUAGE.fullmatch(lang):
            raise located.error(f"{lang!r} is not a language code; use e.g. en, ja or en-US", path)
        if lang in languages[:index]:
            raise located.error(f"language {lang!r} is listed twice; list it once", path)


def _check_regenerate(command: str, located: Located) -> None:
    """The command headers name: one line, shown in backticks, so none of its own."""
    if not command.strip() or command != command.strip() or not command.isprintable():
        problem = "is empty" if not command.strip() else "must be one line without spaces around it"
    elif "`" in command:
        problem = "must not hold a backtick (headers show it in backticks)"
    else:
        return
    raise located.error(
        f'regenerate {problem}; give the command that regenerates the outputs, e.g. "make '
        'generate", or remove the key for "codegen generate"',
        ("regenerate",),
    )


def _check_options(options: Mapping[str, Any], path: KeyPath, located: Located) -> None:
    for key, value in options.items():
        if key in KNOWN_OPTIONS:
            _check_type(value, KNOWN_OPTIONS[key], path + (key,), located)
        if key in OPTION_VALUES and value not in OPTION_VALUES[key]:
            allowed = " or ".join(f'"{v}"' for v in OPTION_VALUES[key])
            raise located.error(f"option {key} must be {allowed}, not {value!r}", path + (key,))
    module = options.get("module")
    if too_long := module_length_problem(module):
        raise located.error(f"option module: {too_long}", path + ("module",))
    if module is not None and (
        not _MODULE.fullmatch(module) or keyword.iskeyword(module) or module.startswith("todo_")
    ):
        raise located.error(
            f"option module {module!r} must be a lowercase snake_case name that is not a "
            "Python keyword, e.g. my_api_codes",
            path + ("module",),
        )


def _check_target(target: object, index: int, located: Located) -> None:
    path: KeyPath = ("targets", index)
    if not isinstance(target, dict):
        raise located.error(f"{_name(path)} must be a table, not {_type_name(target)}", path)
    _check_keys(target, TARGET_KEYS, path, located)
    for key in REQUIRED_TARGET_KEYS:
        if key not in target:
            raise located.error(f'{_name(path)} has no {key}; add {key} = "..."', path)
    formatter = target.get("formatter", "none")
    if formatter not in FORMATTERS:
        raise located.error(
            f"unknown formatter {formatter!r}; use one of {', '.join(FORMATTERS)}",
            path + ("formatter",),
        )
    if formatter == "ruff" and _ruff_missing():
        raise located.error(
            "formatter 'ruff' needs ruff, which is not installed: pip install ruff, "
            'or use formatter = "python" (black)',
            path + ("formatter",),
        )
    for key in REQUIRED_TARGET_KEYS:
        _check_no_control(target, key, path, located)
    example = target["output"].replace("{module}", "module").replace("{lang}", "en")
    if too_long := long_part_problem(example):
        raise located.error(f"output {target['output'][:60]!r}...: {too_long}", path + ("output",))
    if folder := vcs_folder(example):
        raise located.error(
            f"output {target['output']!r} leads into {folder}, a version control folder: "
            "writing there could change what git runs; choose another path",
            path + ("output",),
        )
    try:
        checked_relative(example)
    except InputError:
        raise located.error(
            f"output {target['output']!r} must stay inside the output folder: a relative "
            "path without '..', '.' or empty parts, like \"python/{module}.py\"",
            path + ("output",),
        ) from None
    _check_options(target.get("options", {}), path + ("options",), located)


def _check_no_control(table: Mapping[str, Any], key: str, path: KeyPath, located: Located) -> None:
    """A path or a git ref holds no control character (a NUL would reach the system as
    the end of the name)."""
    value = table.get(key)
    found = _CONTROL.search(value) if isinstance(value, str) else None
    if found:
        raise located.error(
            f"{_name(path + (key,))} holds the control character U+{ord(found.group()):04X} at "
            f"character {found.start() + 1}: remove it",
            path + (key,),
        )


_CONTROL = re.compile("[\x00-\x1f\x7f]")


def _name(path: KeyPath) -> str:
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else part)
    return text


_TYPE_NAMES: Mapping[type, str] = {
    bool: "true or false",
    str: 'a string (in quotes: "...")',
    int: "an integer",
    list: "an array ([...])",
    dict: "a table",
}


def _type_name(value: object) -> str:
    for kind, name in (
        (bool, "a boolean"),
        (int, "an integer"),
        (float, "a number"),
        (str, "a string"),
        (list, "an array"),
        (dict, "a table"),
        ((datetime, date, time), "a date or time"),
    ):
        if isinstance(value, kind):
            return name
    return "a value of another kind"


def _ruff_missing() -> bool:
    """Whether no ruff is installed for ``formatter = "ruff"``; imports the formatters (and
    their subprocess machinery) only for a configuration that names ruff."""
    from codegen.render.formatters import ruff_command

    return ruff_command() is None
