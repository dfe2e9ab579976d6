"""Plain catalog data -> the texts the benchmark feeds to codegen: YAML and Markdown.

The YAML emitter is hand-rolled so 100,000 codes are written in about a second: block
mappings and sequences, flow style for small flat mappings and lists of scalars, and every
string quoted JSON-style (a JSON string is a valid YAML double-quoted scalar).
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Mapping, Sequence
from typing import Any

Data = Mapping[str, Any]  # in practice plain dicts, as built here or loaded from YAML

_PLAIN_KEY = re.compile(r"[A-Za-z_][A-Za-z0-9_]*\Z")
# Keys YAML 1.1 loaders (PyYAML, used by LinkML) would read as booleans or null.
_WORDS_TO_QUOTE = frozenset(["y", "n", "yes", "no", "on", "off", "true", "false", "null"])
_FLOW_MAX_KEYS = 4
_quote = json.JSONEncoder(ensure_ascii=False).encode  # one encoder: json.dumps builds one per call


def to_yaml(data: Data, comment: str = "") -> str:
    """``data`` as block YAML, with ``comment`` as a first ``#`` line when given."""
    lines = [f"# {comment}"] if comment else []
    _mapping(data, 0, lines, None)
    return "\n".join(lines) + "\n"


def _mapping(data: Data, indent: int, lines: list[str], first_lead: str | None) -> None:
    pad = " " * indent
    for index, (key, value) in enumerate(data.items()):
        lead = first_lead if index == 0 and first_lead is not None else pad
        head = f"{lead}{_key(key)}:"
        if _is_inline(value):
            lines.append(f"{head} {_inline(value)}")
        elif isinstance(value, dict):
            lines.append(head)
            _mapping(value, indent + 2, lines, None)
        else:
            lines.append(head)
            _sequence(value, indent + 2, lines)


def _sequence(items: Sequence[Any], indent: int, lines: list[str]) -> None:
    pad = " " * indent
    for item in items:
        if _is_inline(item):
            lines.append(f"{pad}- {_inline(item)}")
        elif isinstance(item, dict):
            _mapping(item, indent + 2, lines, pad + "- ")
        else:
            lines.append(f"{pad}-")
            _sequence(item, indent + 2, lines)


def _is_inline(value: Any) -> bool:
    if isinstance(value, dict):
        return len(value) <= _FLOW_MAX_KEYS and not any(
            isinstance(v, (dict, list, tuple)) for v in value.values()
        )
    if isinstance(value, (list, tuple)):
        return not any(isinstance(v, (dict, list, tuple)) for v in value)
    return True


def _inline(value: Any) -> str:
    if isinstance(value, dict):
        return "{" + ", ".join(f"{_key(k)}: {_scalar(v)}" for k, v in value.items()) + "}"
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(_scalar(v) for v in value) + "]"
    return _scalar(value)


def _scalar(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, str):
        return _quote(value)
    raise TypeError(f"cannot write {type(value).__name__} as YAML")


@functools.lru_cache(maxsize=4096)
def _key(key: Any) -> str:
    if isinstance(key, str) and _PLAIN_KEY.match(key) and key.lower() not in _WORDS_TO_QUOTE:
        return key
    return _quote(str(key))


def to_markdown(catalog: Data, lang: str) -> str:
    """The catalog as one documentation page in ``lang``: headings, notes, pipe tables."""
    out = [f"# {_text(catalog.get('title') or {lang: catalog['curated']['module']}, lang)}", ""]
    last_section: Any = None
    for code_set in catalog["code_sets"]:
        section = code_set.get("section")
        level = "##"
        if section:
            if section != last_section:
                out += [f"## {_text(section, lang)}", ""]
            level = "###"
        last_section = section
        out += [f"{level} {_text(code_set['title'], lang)}", ""]
        if code_set.get("description"):
            out += [_text(code_set["description"], lang), ""]
        out += _table(code_set, catalog["source_language"], lang)
        out.append("")
    return "\n".join(out)


def _table(code_set: Data, source: str, lang: str) -> list[str]:
    attributes = list(code_set.get("attributes", []))  # optional in the format
    # The code column sits after a leading `category` column (as in the EMMA table),
    # otherwise after every attribute (as in the API response code table).
    split = 1 if attributes and attributes[0]["key"] == "category" else len(attributes)
    columns: list[Any] = [*attributes[:split], "code", *attributes[split:], "message"]
    header = [_header(code_set, column, lang) for column in columns]
    lines = [_row(header), _row(["---"] * len(columns))]
    labels = {a["key"]: _labels(a, source, lang) for a in attributes if a["kind"] == "group"}
    for code in code_set["codes"]:
        lines.append(_row([_cell(code, column, labels, source, lang) for column in columns]))
    return lines


def _header(code_set: Data, column: Any, lang: str) -> str:
    if isinstance(column, str):
        return _text(code_set.get("columns", {}).get(column, {lang: column}), lang)
    return _text(column["header"], lang)


def _labels(attribute: Data, source: str, lang: str) -> dict[str, str]:
    return {v["label"][source]: _text(v["label"], lang) for v in attribute["values"]}


def _cell(
    code: Data, column: Any, labels: dict[str, dict[str, str]], source: str, lang: str
) -> str:
    if column == "code":
        return str(code["code"])
    if column == "message":
        return str(code["message"].get(lang, code["message"][source]))
    value = code.get(column["key"])
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if column["kind"] == "group":
        return labels[column["key"]].get(value, str(value))
    return _text(value, lang)


def _row(cells: list[str]) -> str:
    escaped = (c.replace("|", "\\|").replace("\n", "<br/>") for c in cells)
    return "| " + " | ".join(escaped) + " |"


def _text(texts: Mapping[str, str], lang: str) -> str:
    if lang in texts:
        return texts[lang]
    return next(iter(texts.values()), "")
