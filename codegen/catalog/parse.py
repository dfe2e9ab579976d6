"""spec/codes.yaml as text: read it, parse it into plain data, and locate problems in it.

Parsing is the fast path every run takes: a safe loader (it never constructs arbitrary
Python objects) that returns plain dicts, lists and scalars, and refuses what a catalog
never needs: tags, anchors and aliases (so no alias expansion to bound), duplicate keys,
deep nesting. Mappings remember their first line (:class:`LinedDict`) for the model.

Two loaders parse, with one meaning (YAML 1.2) and one set of refusals. The fast one,
:mod:`codegen.catalog.libyaml`, is libyaml in C through PyYAML, used when installed; it hands
anything it cannot vouch for to the reference one, ruamel's pure safe loader, which is used
alone when PyYAML or its C extension is missing, or when :data:`C_LOADER` is False (tests;
``CODEGEN_PURE_YAML=1`` for a whole run). Every refusal comes from the reference loader, so
messages and positions do not depend on what is installed.

Locating is the slow path, taken only when a check found problems: the text is parsed
again with ruamel's round-trip loader, whose nodes know the line and column of every key
and value, and each problem's path is looked up there.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.composer import Composer, MaxDepthExceededError
from ruamel.yaml.constructor import SafeConstructor
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.events import AliasEvent
from ruamel.yaml.nodes import ScalarNode
from ruamel.yaml.reader import ReaderError

from codegen.catalog.plain import LinedDict, NodePath, Problem, duplicate_key, too_long_to_print
from codegen.catalog.rules.size import too_many_codes_in_text
from codegen.errors import CodegenError, InputError, SpecError
from codegen.files import read_limited
from codegen.limits import (
    MAX_CATALOG_BYTES,
    MAX_CATALOG_DEPTH,
    MAX_CATALOG_NODES,
    MAX_REPORTED_PROBLEMS,
)

_CORE = "tag:yaml.org,2002:"
_PLAIN_TAGS = {_CORE + name for name in ("str", "int", "float", "bool", "null", "map", "seq")}
_PLAIN = "the catalog is plain YAML: mappings, lists, strings, numbers, true/false and null"
_KINDS = {_CORE + "int": "an integer", _CORE + "float": "a number", _CORE + "bool": "true/false"}

TOO_MANY_NODES = (
    f"the catalog has more than {MAX_CATALOG_NODES:,} YAML nodes (keys, values, lists and "
    "mappings), the limit (a catalog has about 20 a code): remove what is no part of the "
    "catalog, or split it up"
)

#: Parse with the C loader when it is installed; False forces the reference loader.
C_LOADER = not os.environ.get("CODEGEN_PURE_YAML")


class _Refused(Exception):
    """Something the catalog's YAML may not contain, at a position (0-based, as ruamel's)."""

    def __init__(self, message: str, mark: Any) -> None:
        super().__init__(message)
        self.message, self.line, self.column = message, mark.line, mark.column


class _StrictComposer(Composer):
    """Refuses anchors, aliases and tags outside the YAML core schema, where they appear,
    and the node past ``MAX_CATALOG_NODES``."""

    nodes = 0

    def compose_node(self, parent: Any, index: Any) -> Any:
        event = self.parser.peek_event()
        self.nodes += 1
        if self.nodes > MAX_CATALOG_NODES:
            raise _Refused(TOO_MANY_NODES, event.start_mark)
        if isinstance(event, AliasEvent) or event.anchor is not None:
            name = event.anchor
            raise _Refused(
                f"anchors and aliases (&{name}, *{name}) are not allowed in the catalog:"
                " write the value out in full",
                event.start_mark,
            )
        tag = event.tag
        if tag is not None and tag not in _PLAIN_TAGS:
            shown = "!!" + tag[len(_CORE) :] if tag.startswith(_CORE) else tag
            raise _Refused(f"the tag {shown} is not allowed: remove it; {_PLAIN}", event.start_mark)
        return super().compose_node(parent, index)


class _LinedConstructor(SafeConstructor):
    """The safe constructor, building :class:`LinedDict` mappings and naming duplicate keys."""

    def construct_lined_map(self, node: Any) -> Iterator[LinedDict]:
        data = LinedDict()
        data.line = node.start_mark.line + 1
        yield data
        data.update(self.construct_mapping(node))

    def construct_non_recursive_object(self, node: Any, tag: str | None = None) -> Any:
        try:
            data = super().construct_non_recursive_object(node, tag)
        except (ValueError, KeyError):  # what int(), float(), a date or a bool refuse
            if not isinstance(node, ScalarNode):
                raise
            kind = _KINDS.get(tag or node.tag or "", "a date")
            message = f"'{_short(node.value)}' is not {kind}: quote it if it is text"
            raise _Refused(message, node.start_mark) from None
        if type(data) is int and too_long_to_print(data):  # hexadecimal, octal or binary
            digits = sys.get_int_max_str_digits()
            message = (
                f"'{_short(node.value)}' is an integer of more than {digits:,} decimal digits, "
                "more than any code has: quote it if it is text"
            )
            raise _Refused(message, node.start_mark)
        return data

    def flatten_mapping(self, node: Any) -> Any:
        for key_node, _ in node.value:
            if key_node.tag == _CORE + "merge":
                message = "merge keys (<<) are not allowed in the catalog: write the keys out"
                raise _Refused(message, key_node.start_mark)
        return super().flatten_mapping(node)

    def check_mapping_key(
        self, node: Any, key_node: Any, mapping: Any, key: Any, value: Any
    ) -> bool:
        if isinstance(key, tuple):  # the safe loader's version of a list or mapping as key
            raise _Refused(
                f"a key must be a plain word, not a list or mapping; {_PLAIN}", key_node.start_mark
            )
        if key not in mapping:
            return True
        first = next(k for k, _ in node.value if _same(self.construct_object(k, deep=True), key))
        raise _Refused(duplicate_key(key, first.start_mark.line + 1), key_node.start_mark)


def _short(value: str) -> str:
    """``value``, cut to 40 characters for a message."""
    return value if len(value) <= 40 else value[:39] + "…"


def _same(first: Any, key: Any) -> bool:
    return first is key or first == key  # `is` for .nan, which is not equal to itself


_LinedConstructor.add_constructor(_CORE + "map", _LinedConstructor.construct_lined_map)


def read_text(path: str | os.PathLike[str], shown: str) -> str:
    """The catalog's text; InputError when it is missing, too large, not a regular file
    (a FIFO, a device: :func:`codegen.files.read_limited`) or not UTF-8."""
    file = Path(path)
    too_large = (
        f"the catalog is larger than {MAX_CATALOG_BYTES // 2**20} MiB, the limit: split it up"
    )
    try:
        if file.is_dir():
            raise InputError("this is a folder, not a catalog file: pass the YAML file", shown)
        raw = read_limited(file, MAX_CATALOG_BYTES, shown, too_large=too_large)
    except FileNotFoundError:
        raise InputError(
            "no catalog here: create it with `codegen import DOCUMENT`, or pass --catalog", shown
        ) from None
    except OSError as error:
        raise InputError(f"cannot read the catalog: {error.strerror or error}", shown) from None
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        column = error.start - (raw.rfind(b"\n", 0, error.start) + 1) + 1
        message = (
            f"not UTF-8 (byte 0x{raw[error.start]:02x} cannot be decoded): save the file as UTF-8"
        )
        raise InputError(message, shown, line, column) from None


def parse(text: str, shown: str) -> Any:
    """The catalog as plain data (mappings are :class:`LinedDict`); InputError if it is not
    plain YAML, with the position ruamel reports, if its text has more codes than
    ``MAX_CODES`` (counted before it is parsed), or at its node past ``MAX_CATALOG_NODES``
    (counted while it is parsed: a 2 MB flow list of a million scalars took 79 s and
    1.4 GB before); at its duplicate key, when the fast loader proves it the only problem
    (the reference loader took 75 s and 1.7 GB to find one in 1.5 million keys)."""
    too_many_codes_in_text(text, shown)
    if C_LOADER:
        try:
            from codegen.catalog.libyaml import DuplicateKey, TooManyNodes, Unsure, load
        except ImportError:  # no PyYAML, or PyYAML without libyaml
            pass
        else:
            try:
                return load(text)
            except DuplicateKey as error:  # its only problem: as the reference loader says it
                message = duplicate_key(error.key, error.first_line + 1)
                raise InputError(message, shown, error.line + 1, error.column + 1) from None
            except Unsure:
                pass  # the reference loader refuses it with its position, or builds it
            except TooManyNodes as error:  # where the reference loader refuses it
                raise InputError(TOO_MANY_NODES, shown, error.line + 1, error.column + 1) from None
    return _parse_pure(text, shown)


def _parse_pure(text: str, shown: str) -> Any:
    yaml = YAML(typ="safe", pure=True)
    yaml.Composer = _StrictComposer
    yaml.Constructor = _LinedConstructor
    yaml.max_depth = MAX_CATALOG_DEPTH
    try:
        return yaml.load(text)
    except _Refused as error:
        raise InputError(error.message, shown, error.line + 1, error.column + 1) from None
    except MaxDepthExceededError as error:
        mark = error.problem_mark
        message = f"the YAML nests deeper than {MAX_CATALOG_DEPTH} levels: {_PLAIN}"
        raise InputError(message, shown, mark.line + 1, mark.column + 1) from None
    except MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        problem = f"{error.problem} ({error.context})" if error.context else str(error.problem)
        line, column = (mark.line + 1, mark.column + 1) if mark else (0, 0)
        raise InputError(f"invalid YAML: {problem}", shown, line, column) from None
    except ReaderError as error:
        line = text.count("\n", 0, error.position) + 1
        column = error.position - (text.rfind("\n", 0, error.position) + 1) + 1
        message = f"invalid YAML: character U+{error.character:04X} is not allowed: remove it"
        raise InputError(message, shown, line, column) from None
    except YAMLError as error:
        raise InputError(f"invalid YAML: {str(error).splitlines()[0]}", shown) from None
    except RecursionError:
        raise InputError(f"the YAML nests too deeply: {_PLAIN}", shown) from None


def locate(text: str, problems: list[Problem], shown: str) -> list[CodegenError]:
    """The problems as errors with their line and column, ordered by position; at most
    ``MAX_REPORTED_PROBLEMS`` of them (the first the checks found), then one line saying
    how many more there are: a catalog with a million problems is reported in a second."""
    more = len(problems) - MAX_REPORTED_PROBLEMS
    problems = problems[:MAX_REPORTED_PROBLEMS]
    paths = {p.path for p in problems} | {p.first for p in problems if p.first is not None}
    where = _marked(text, paths)
    errors: list[CodegenError] = []
    for problem in problems:
        line, column = where(problem.path, problem.at_key)
        message = problem.message
        if problem.first is not None:
            message += f" (first defined at line {where(problem.first, False)[0]})"
        errors.append(SpecError(message + problem.tail, shown, line, column))
    errors.sort(key=lambda error: (error.line, error.column))
    if more > 0:
        message = f"and {more:,} more problems like these: fix these, then run validate again"
        errors.append(SpecError(message, shown))
    return errors


def _marked(text: str, paths: set[NodePath]) -> Callable[[NodePath, bool], tuple[int, int]]:
    """A function giving the position of a path of ``paths`` in ``text``: from libyaml's
    events when installed (:func:`codegen.catalog.libyaml.marks`), else from ruamel's
    round-trip tree; both give the position ruamel's tree has."""
    if C_LOADER:
        try:
            from codegen.catalog.libyaml import marks
        except ImportError:  # no PyYAML, or PyYAML without libyaml
            pass
        else:
            found = marks(text, paths)
            if found is not None:
                return lambda path, at_key: _position_in(found, path, at_key)
    try:
        tree = YAML(typ="rt").load(text)
    except (YAMLError, RecursionError):  # pragma: no cover - the text already parsed safely
        tree = None
    return lambda path, at_key: position(tree, path, at_key)


def _position_in(found: dict[NodePath, Any], path: NodePath, at_key: bool) -> tuple[int, int]:
    """As :func:`position`, from the marks of :func:`codegen.catalog.libyaml.marks`."""
    depth = len(path)
    while depth and path[:depth] not in found:
        depth -= 1
    key_mark, value_mark = found.get(path[:depth], (None, (-1, -1)))
    line, column = key_mark if at_key and depth == len(path) and key_mark else value_mark
    return line + 1, column + 1


def position(tree: Any, path: NodePath, at_key: bool) -> tuple[int, int]:
    """The 1-based line and column of the node at ``path`` (its key with ``at_key``), or of
    the deepest node on the way there that exists."""
    line, column = (tree.lc.line, tree.lc.col) if hasattr(tree, "lc") else (0, 0)
    node = tree
    for depth, step in enumerate(path):
        try:
            if isinstance(node, CommentedMap):
                last = depth == len(path) - 1
                line, column = node.lc.key(step) if last and at_key else node.lc.value(step)
            elif isinstance(node, CommentedSeq) and isinstance(step, int):
                line, column = node.lc.item(step)
            else:
                break
            node = node[step]
        except (KeyError, IndexError, TypeError):  # not in the tree: keep the nearest position
            break
    return line + 1, column + 1
