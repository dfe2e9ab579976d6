"""A comparison in words: ``codegen diff``'s text, Markdown or JSON (docs/diff.md), and the
lines ``check --breaking-against`` prints (:func:`check_lines`).

Each change is described by one sentence (:func:`describe`), the same in text and Markdown
(where names and values are code spans and catalog text is escaped); breaking changes come
first with what to do instead (:mod:`codegen.evolution.breaking`). The JSON document follows
``codegen/schemas/diff.schema.json``; its ``version`` changes only when a field changes
meaning or goes away.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping

from codegen.catalog.naming import pascal
from codegen.errors import counted
from codegen.evolution.breaking import shown, verdict
from codegen.evolution.changes import Change
from codegen.evolution.comparison import Comparison
from codegen.evolution.revision import GroupCell
from codegen.render.views.markdown import md_code_spans

JSON_VERSION = 1
FORMATS = ("text", "markdown", "json")
Style = Callable[[object], str]


def _json(value: object) -> str:
    return json.dumps(_plain(value), ensure_ascii=False)


def describe(change: Change, name: Style = shown, value: Style = _json) -> str:
    """One sentence saying what changed, e.g. ``ApiResultCode.APPKEY_NOT_FOUND (-1001)
    removed``; ``name`` formats names, ``value`` codes and catalog texts."""
    c = change
    member = f"{name(f'{c.code_set}.{c.member}')} ({value(c.code)})"
    group = name(f"{c.code_set}{pascal(c.key)}")
    before, after = value(c.before), value(c.after)
    kept = " (old name kept as an alias)" if c.recorded else ""
    sentences: dict[str, Callable[[], str]] = {
        "module_renamed": lambda: f"module {name(c.before)} renamed to {name(c.after)}",
        "language_added": lambda: f"language {name(c.key)} added",
        "language_removed": lambda: f"language {name(c.key)} removed",
        "code_set_added": lambda: f"code set {name(c.code_set)} added ({counted(c.after, 'code')})",
        "code_set_removed": lambda: (
            f"code set {name(c.code_set)} removed ({counted(c.before, 'code')})"
        ),
        "code_set_renamed": lambda: f"code set {name(c.before)} renamed to {name(c.after)}{kept}",
        "code_set_alias_added": lambda: (
            f"code set {name(c.code_set)}: alias {name(c.member)} added"
        ),
        "code_set_alias_removed": lambda: (
            f"code set {name(c.code_set)}: alias {name(c.member)} removed"
        ),
        "code_type_changed": lambda: (
            f"code set {name(c.code_set)}: code type {name(c.before)} changed to {name(c.after)}"
        ),
        "attribute_added": lambda: f"{name(c.code_set)}: {c.after} attribute {name(c.key)} added",
        "attribute_removed": lambda: (
            f"{name(c.code_set)}: {c.before} attribute {name(c.key)} removed"
        ),
        "attribute_kind_changed": lambda: (
            f"{name(c.code_set)}: attribute {name(c.key)} changed from {c.before} to {c.after}"
        ),
        "group_value_added": lambda: f"group value {group}.{name(c.member)} added",
        "group_value_removed": lambda: f"group value {group}.{name(c.member)} removed",
        "group_value_renamed": lambda: (
            f"group value {group}.{name(c.before)} renamed to {name(c.after)}"
        ),
        "code_added": lambda: f"{member} added",
        "code_removed": lambda: f"{member} removed",
        "code_renamed": lambda: (
            f"{name(f'{c.code_set}.{c.before}')} ({value(c.code)}) renamed to {name(c.after)}{kept}"
        ),
        "code_value_changed": lambda: (
            f"{name(f'{c.code_set}.{c.member}')}: code {before} changed to {after}"
        ),
        "code_alias_added": lambda: f"{member}: alias {name(c.key)} added",
        "code_alias_removed": lambda: f"{member}: alias {name(c.key)} removed",
        "code_deprecated": lambda: f"{member} deprecated{_record(c.after, name, value)}",
        "code_undeprecated": lambda: f"{member} no longer deprecated",
        "code_retired": lambda: f"{member} retired as a tombstone{_record(c.after, name, value)}",
        "code_unretired": lambda: f"{member} is no longer a tombstone",
        "message_changed": lambda: f"{member}: {name(c.key)} message {_change(c, before, after)}",
        "parameter_added": lambda: f"{member}: {name(c.after)} parameter {name(c.key)} added",
        "parameter_removed": lambda: f"{member}: {name(c.before)} parameter {name(c.key)} removed",
        "parameter_renamed": lambda: (
            f"{member}: parameter {name(c.before)} renamed to {name(c.after)}"
        ),
        "parameter_retyped": lambda: (
            f"{member}: parameter {name(c.key)} changed from {name(c.before)} to {name(c.after)}"
        ),
        "attribute_value_changed": lambda: f"{member}: {name(c.key)} {_change(c, before, after)}",
        "success_changed": lambda: f"{member}: success flag {before} changed to {after}",
        "retryable_changed": lambda: f"{member}: retryable {before} changed to {after}",
    }
    return sentences[c.kind]()


def _change(change: Change, before: str, after: str) -> str:
    if change.before is None:
        return f"added: {after}"
    if change.after is None:
        return f"removed (was {before})"
    return f"changed from {before} to {after}"


def _record(record: object, name: Style, value: Style) -> str:
    """`` since 2026-12, use INVALID_APPKEY``: a deprecated or removed record."""
    if not isinstance(record, Mapping):
        return ""
    parts = [f"since {value(record['since'])}"] if "since" in record else []
    if record.get("use"):
        parts.append(f"use {name(record['use'])}")
    if record.get("reason"):
        parts.append(f"reason: {value(record['reason'])}")
    return f" ({', '.join(parts)})" if parts else ""


def as_text(comparison: Comparison) -> str:
    """The changes for a terminal: a heading line, then breaking changes (each with what
    to do), then the others."""
    lines = [_heading(comparison)]
    if comparison.breaking:
        lines.append("breaking:")
        for change in comparison.breaking:
            lines += [f"  {describe(change)}", f"    fix: {verdict(change).fix}"]
    if comparison.other:
        lines.append("not breaking:")
        lines += [f"  {describe(change)}" for change in comparison.other]
    return "\n".join(lines) + "\n"


def _heading(comparison: Comparison) -> str:
    where = f"{comparison.catalog} against {comparison.against}"
    if comparison.base.data is None:
        return f"{where}: the catalog did not exist there, so everything in it is new"
    if not comparison.changes:
        return f"{where}: no changes"
    breaking, other = len(comparison.breaking), len(comparison.other)
    return f"{where}: {counted(breaking, 'breaking change')}, {counted(other, 'other change')}"


def as_markdown(comparison: Comparison) -> str:
    """The changes for a pull-request comment or a CHANGELOG entry: a heading, a table of
    breaking changes with what to do, a list of the others."""
    lines = [f"### Error codes: {_md_heading(comparison)}", ""]
    if comparison.breaking:
        lines += [
            f"**{counted(len(comparison.breaking), 'breaking change')}**",
            "",
            "| change | what to do |",
            "|---|---|",
        ]
        lines += [
            f"| {describe(c, _md_name, _md_value)} | {md_code_spans(verdict(c).fix)} |"
            for c in comparison.breaking
        ]
        lines.append("")
    if comparison.other:
        lines += [f"**{counted(len(comparison.other), 'other change')}**", ""]
        lines += [f"- {describe(c, _md_name, _md_value)}" for c in comparison.other]
        lines.append("")
    return "\n".join(lines)


def _md_heading(comparison: Comparison) -> str:
    heading = _heading(comparison)
    where = f"{comparison.catalog} against {comparison.against}"
    rest = heading[len(where) :]
    base = comparison.base
    name = md_code_spans(base.name) if base.ref is None else _md_name(base.name)
    return f"{_md_name(comparison.catalog)} against {name} ({_md_name(base.short)}){rest}"


def _md_name(text: object) -> str:
    """A name or value as a code span, or escaped text when a code span cannot hold it (a
    backtick, a line break, or a pipe, which splits a table cell even in a code span)."""
    written = shown(text)
    if not written or any(c in written for c in "`|\n") or written != written.strip():
        return md_code_spans(written)
    return f"`{written}`"


def _md_value(value: object) -> str:
    return _md_name(_json(value))


def as_json(comparison: Comparison) -> str:
    """The document ``codegen/schemas/diff.schema.json`` describes, two-space indented."""
    base = comparison.base
    document = {
        "version": JSON_VERSION,
        "catalog": comparison.catalog,
        "base": {
            "ref": base.ref,
            "name": base.name,
            "commit": base.commit,
            "path": base.path,
            "exists": base.data is not None,
        },
        "summary": {"changes": len(comparison.changes), "breaking": len(comparison.breaking)},
        "changes": [_json_change(change) for change in comparison.changes],
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def _json_change(change: Change) -> dict[str, object]:
    judged = verdict(change)
    return {
        "kind": change.kind,
        "code_set": change.code_set or None,
        "code": change.code,
        "member": change.member or None,
        "key": change.key or None,
        "before": _plain(change.before),
        "after": _plain(change.after),
        "recorded": change.recorded,
        "breaking": judged.breaking,
        "fix": judged.fix or None,
        "summary": describe(change),
        "line": change.line or None,
        "base_line": change.base_line or None,
    }


def _plain(value: object) -> object:
    """A record or texts as a dict (JSON cannot write a read-only mapping), a group value
    as its name."""
    if isinstance(value, GroupCell):
        return value.name
    return dict(value) if isinstance(value, Mapping) else value


def formatted(comparison: Comparison, format: str) -> str:
    """The comparison in ``format``, one of :data:`FORMATS`."""
    renderers = {"text": as_text, "markdown": as_markdown, "json": as_json}
    return renderers[format](comparison)


def check_lines(
    comparison: Comparison, where: Callable[[Change], tuple[str, int, int]], most: int = 20
) -> str:
    """What ``check --breaking-against`` prints: a ``path:line:col: breaking change: what;
    fix`` line per breaking change in the order of their positions (``where`` gives each
    change's path, line and column), a ``note:`` line per other change (``most`` at most),
    then the verdict."""
    located = sorted(((where(c), c) for c in comparison.breaking), key=lambda p: p[0][1:])
    lines = [
        f"{_position(*at)}: breaking change: {describe(c)}; {verdict(c).fix}" for at, c in located
    ]
    others = comparison.other
    lines += [f"note: not breaking: {describe(c)}" for c in others[:most]]
    if len(others) > most:
        lines.append(
            f"note: and {len(others) - most} more (codegen diff {comparison.base.name} lists them)"
        )
    found = len(comparison.breaking)
    verdict_line = counted(found, "breaking change") if found else "no breaking change"
    lines.append(f"{comparison.catalog}: {verdict_line} against {comparison.against}")
    return "\n".join(lines) + "\n"


def _position(path: str, line: int, column: int) -> str:
    return f"{path}:{line}:{column}" if line else path
