"""The catalog's YAML text, byte for byte as ruamel.yaml's round-trip dumper writes it, fast.

ruamel.yaml writes a catalog of 100,000 codes in about 50 s (a representer, a serializer and
an emitter, all pure Python, a dozen calls per scalar); :func:`emit` writes the same text in
a few seconds. It covers what a catalog holds: block mappings (the root, mapping values,
items of block sequences), block sequences as mapping values, flow or empty mappings and
sequences of scalars, scalars of the types the round-trip loader and the merge produce, and
the comment lines above the root (the schema comment).

The decisions that shape a scalar's text are ruamel's own, not copies: how a number or a
boolean is spelled (its representer), which plain texts would read back as another type
(its resolver's implicit resolvers, consulted as ``resolve`` consults them), and, for every
text that is not plainly safe, the analysis, the style and the writing (its emitter's
``analyze_scalar``, ``choose_scalar_style`` and ``write_*`` methods, called on an emitter
set up as the dumper sets it up). What this module writes itself is the layout around
the scalars, for the shapes above, and the plain texts that match :data:`_SAFE_PLAIN`.

Anything else (a comment below the root's first line, an anchor, a tag, a merge key, one
mapping or list at two places, another scalar type, a text of more than 100,000
characters, a sequence directly inside a sequence, a collection inside a flow collection)
makes :func:`emit` return ``None``, and :func:`codegen.roundtrip.dump` lets ruamel write
the whole file. tests/test_roundtrip_emit.py compares the output with ruamel's on the SMS
catalog, synthetic catalogs, catalogs after a merge, and random trees and texts.
"""

from __future__ import annotations

import io
import re
from collections import OrderedDict
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.anchor import Anchor
from ruamel.yaml.comments import Comment, CommentedMap, CommentedSeq, Format, merge_attrib
from ruamel.yaml.events import ScalarEvent
from ruamel.yaml.scalarbool import ScalarBoolean
from ruamel.yaml.scalarfloat import ScalarFloat
from ruamel.yaml.scalarint import BinaryInt, HexCapsInt, HexInt, OctalInt, ScalarInt
from ruamel.yaml.scalarstring import (
    DoubleQuotedScalarString,
    LiteralScalarString,
    SingleQuotedScalarString,
)
from ruamel.yaml.tag import Tag
from ruamel.yaml.tokens import CommentToken

from codegen.roundtrip import yaml11_not_text

_STR = "tag:yaml.org,2002:str"
_MAX_TEXT = 100_000  # ruamel folds at 1,000,000 columns (its width): never reached below this
_MAX_INDENT = 10_000
_BREAKS = "\n\x85\u2028\u2029"  # ruamel's line breaks
_MAX_SIMPLE_KEY = 128  # ruamel's Emitter.MAX_SIMPLE_KEY_LENGTH
_PLAIN_ATTRIBUTES = frozenset({Format.attrib, "_yaml_line_col"})  # no effect on the text
_STYLES = {DoubleQuotedScalarString: '"', SingleQuotedScalarString: "'", LiteralScalarString: "|"}
_REPRESENTED = (
    ScalarInt,
    BinaryInt,
    OctalInt,
    HexInt,
    HexCapsInt,
    ScalarFloat,
    ScalarBoolean,
    float,
)

# A text that ruamel's analyze_scalar lets be plain in flow and block context alike, on one
# line: no indicator first, no flow indicator, no ": " or " #", no leading or trailing
# space, only printable characters (tests/test_roundtrip_emit.py checks it against
# analyze_scalar on random texts). Whether it reads back as text is asked separately.
_UNPRINTABLE = "\\x00-\\x1f\\x7f-\\x9f\\ud800-\\udfff\\ufeff\\ufffe\\uffff\\u2028\\u2029"
_SAFE_PLAIN = re.compile(
    "(?!\\.\\.\\.)"
    f"[^-?:,\\[\\]{{}}#&*!|>'\"%@` {_UNPRINTABLE}]"
    f"(?:[^,\\[\\]{{}}:# {_UNPRINTABLE}]|:(?=[^ ])|(?<! )#| (?=.))*"
)


class Unsupported(Exception):
    """The tree has something only ruamel writes."""


def emit(root: Any) -> str | None:
    """The text ruamel's round-trip dumper (set up as :func:`codegen.roundtrip._yaml`)
    writes for ``root``, or ``None`` when the tree has anything this module leaves to it."""
    try:
        return _Emitter().document(root)
    except (Unsupported, RecursionError):
        return None


class _Emitter:
    def __init__(self) -> None:
        from codegen.roundtrip import _yaml

        yaml: YAML = _yaml()
        resolver = yaml.resolver
        if resolver.versioned_resolver.get(None) or resolver.yaml_path_resolvers:
            raise Unsupported  # resolve() would look beyond the first character
        self.first_chars: dict[str, Any] = resolver.versioned_resolver
        self.representer = yaml.representer
        self.ruamel = yaml.emitter
        yaml.serializer  # noqa: B018 - analyze_scalar asks the serializer for the YAML version
        self.out: list[str] = []
        self.seen: set[int] = set()
        self.texts: dict[tuple[Any, ...], tuple[str, bool]] = {}
        self.keys: dict[tuple[Any, ...], str] = {}
        self.plus = False  # the scalar just written is a "|+" literal
        self.open_at = -1  # the piece of out that ends with a "|+" literal

    # --- structure ------------------------------------------------------------------------

    def document(self, root: Any) -> str:
        if type(root) is not CommentedMap or not root or _flow(root):
            raise Unsupported
        self.out.extend(_start_comment(root))
        self.check(root, start_comment=True)
        self.block_map(root, 0, "")
        if self.open_at == len(self.out):  # ruamel would end the document with "..."
            raise Unsupported
        return "".join(self.out)

    def check(self, node: Any, start_comment: bool = False) -> None:
        """Refuse a mapping or list with anything but its items and flow style."""
        if id(node) in self.seen:  # ruamel would write an anchor and an alias
            raise Unsupported
        self.seen.add(id(node))
        attributes = node.__dict__
        if not _PLAIN_ATTRIBUTES.issuperset(attributes) and not _plain(attributes):
            raise Unsupported  # an anchor, a tag, a merge key, ...
        comment = getattr(node, Comment.attrib, None)
        if comment is not None and not start_comment and not _empty(comment):
            raise Unsupported

    def block_map(self, node: CommentedMap, indent: int, first: str) -> None:
        """Keys at column ``indent``; the first one after ``first`` (``"- "`` in a list).
        The caller has checked ``node``."""
        if indent > _MAX_INDENT:
            raise Unsupported
        pad = " " * indent
        out = self.out
        keys = self.keys
        safe = _SAFE_PLAIN.fullmatch
        first_chars = self.first_chars
        for key, value in _items(node):
            head = keys.get((type(key), key, False)) or self.key(key, False)
            if first:
                head, first = first + head + ":", ""
            else:
                head = pad + head + ":"
            kind = type(value)
            if (
                kind is str
                and len(value) < _MAX_TEXT
                and safe(value)
                and (value[0] not in first_chars or self.plain_is_text(value))
                and not yaml11_not_text(value)
            ):
                out.append(head + " " + value + "\n")
                continue
            if kind is CommentedMap or kind is CommentedSeq:
                if not value or _flow(value):
                    out.append(head + " " + self.flow(value) + "\n")
                elif kind is CommentedMap:
                    out.append(head + "\n")
                    self.check(value)
                    self.block_map(value, indent + 2, "")
                else:
                    out.append(head + "\n")
                    self.block_seq(value, indent + 2)
            else:
                out.append(_ended(head + self.scalar(value, False, False, indent + 2)))
                if self.plus:
                    self.open_at, self.plus = len(out), False

    def block_seq(self, node: CommentedSeq, dash: int) -> None:
        """Items with their dash at column ``dash``."""
        self.check(node)
        lead = " " * dash + "- "
        out = self.out
        for item in list.__iter__(node):
            kind = type(item)
            if kind is CommentedMap:
                if not item or _flow(item):
                    out.append(lead + self.flow(item) + "\n")
                else:
                    self.check(item)
                    self.block_map(item, dash + 2, lead)
            elif kind is CommentedSeq:
                if item and not _flow(item):
                    raise Unsupported  # "-   - x": a block list in a block list
                out.append(lead + self.flow(item) + "\n")
            else:
                out.append(_ended(lead[:-1] + self.scalar(item, False, False, dash + 2)))
                if self.plus:
                    self.open_at, self.plus = len(out), False

    def flow(self, node: Any) -> str:
        """A flow (or empty) mapping or list of scalars, on one line."""
        self.check(node)
        safe = _SAFE_PLAIN.fullmatch
        first_chars = self.first_chars
        items = []
        if type(node) is CommentedMap:
            keys = self.keys
            for key, value in _items(node):
                head = keys.get((type(key), key, True)) or self.key(key, True)
                if (
                    type(value) is str
                    and len(value) < _MAX_TEXT
                    and safe(value)
                    and (value[0] not in first_chars or self.plain_is_text(value))
                    and not yaml11_not_text(value)
                ):
                    items.append(head + ": " + value)
                else:
                    items.append(head + ":" + self.scalar(value, True, False, 0))
            text = "{" + ", ".join(items) + "}"
        else:
            for value in list.__iter__(node):
                items.append(self.scalar(value, True, False, 0)[1:])
            text = "[" + ", ".join(items) + "]"
        if len(text) > _MAX_TEXT:
            raise Unsupported
        return text

    def key(self, key: Any, flow: bool) -> str:
        text = self.scalar(key, flow, True, 0)[1:]
        if "\n" in text or not text:
            raise Unsupported
        self.keys[(type(key), key, flow)] = text
        return text

    # --- scalars -------------------------------------------------------------------------

    def scalar(self, value: Any, flow: bool, key: bool, indent: int) -> str:
        """The scalar as written after ``:``, ``-`` or ``,``: with its leading space (and
        the lines of a literal block, with its last line break). ``indent``: the column of
        a literal's lines."""
        kind = type(value)
        if kind is str:
            text: str = value
            if (
                len(text) < _MAX_TEXT
                and _SAFE_PLAIN.fullmatch(text)
                and (not key or len(text) < _MAX_SIMPLE_KEY)
                and self.plain_is_text(text)
                and not yaml11_not_text(text)
            ):
                return " " + text
            style = "'" if text and yaml11_not_text(text) else None  # roundtrip._represent_str
            return self.written(text, _STR, style, flow, key, indent)
        if kind is bool:
            return " true" if value else " false"
        if kind is int:
            return " " + str(value)  # ruamel's represent_int; plain, read back as that int
        if value is None:
            return " null"  # codegen.roundtrip._Representer
        style = _STYLES.get(kind)
        if style is not None:
            anchor = value.yaml_anchor(any=True)
            if anchor is not None and anchor.value is not None or getattr(value, "comment", None):
                raise Unsupported  # an anchor, or a comment after a literal's indicator
            return self.written(str(value), _STR, style, flow, key, indent)
        if kind in _REPRESENTED:
            node = self.representer.yaml_representers[kind](self.representer, value)
            if getattr(node.anchor, "value", None) is not None or node.comment is not None:
                raise Unsupported
            return self.written(str(node.value), str(node.tag), node.style, flow, key, indent)
        raise Unsupported

    def plain_is_text(self, value: str) -> bool:
        """Whether ``value`` written plain reads back as text: ruamel's resolver as its
        ``resolve`` uses it (the implicit resolvers of the first character, in order)."""
        for tag, regexp in self.first_chars.get(value[0], ()):
            if regexp.match(value):
                return bool(tag == _STR)
        return True

    def resolves_to(self, text: str) -> str:
        if not text:
            resolvers = self.first_chars.get("", ())
        else:
            resolvers = self.first_chars.get(text[0], ())
        for tag, regexp in resolvers:
            if regexp.match(text):
                return str(tag)
        return _STR

    def written(
        self, text: str, tag: str, style: str | None, flow: bool, key: bool, indent: int
    ) -> str:
        """A scalar as ruamel's emitter writes it, by its own methods."""
        if len(text) >= _MAX_TEXT:
            raise Unsupported
        cache_key = (text, tag, style, flow, key, indent)
        cached = self.texts.get(cache_key)
        if cached is None:
            cached = self.texts[cache_key] = self.write(text, tag, style, flow, key, indent)
        self.plus = cached[1]
        return cached[0]

    def write(
        self, text: str, tag: str, style: str | None, flow: bool, key: bool, indent: int
    ) -> tuple[str, bool]:
        emitter = self.ruamel
        implicit = (self.resolves_to(text) == tag, tag == _STR, True)
        emitter.event = ScalarEvent(None, Tag(suffix=tag), implicit, text, style=style)
        emitter.flow_context = ["{"] if flow else []
        emitter.simple_key_context = key
        emitter.root_context = False
        emitter.analysis = emitter.analyze_scalar(text)
        if key and (len(text) >= _MAX_SIMPLE_KEY or emitter.analysis.multiline):
            raise Unsupported  # ruamel would write a complex key ("? ...")
        chosen = emitter.choose_scalar_style()
        if not (chosen == "" and implicit[0] or chosen != "" and implicit[1]):
            raise Unsupported  # ruamel would write a tag
        stream = io.StringIO()
        emitter.stream = stream
        emitter.whitespace = False  # after ":", "-" or ",": the writers put one space
        emitter.indention = False
        emitter.column = 1
        emitter.indent = indent
        emitter.open_ended = False
        if chosen == '"':
            emitter.write_double_quoted(text, not key)
        elif chosen == "'" and not any(ch in text for ch in _BREAKS):
            emitter.write_single_quoted(text, not key)
        elif chosen == "|" and not flow and not key:
            emitter.write_literal(text, "")
        elif chosen == "" and text:
            emitter.write_plain(text, not key)
        else:
            raise Unsupported  # a folded or a multi-line single-quoted text
        emitter.analysis = None
        emitter.event = None
        emitter.stream = None
        return stream.getvalue(), chosen == "|" and bool(emitter.open_ended)


def _ended(line: str) -> str:
    """``line`` with a line break, unless it ends a literal block (already broken, maybe by
    one of the other line breaks a literal keeps)."""
    return line if line[-1] in _BREAKS else line + "\n"


def _items(node: CommentedMap) -> Any:
    """The items in ruamel's order: its ``items()`` walks the same OrderedDict, slowly."""
    return OrderedDict.items(node)


def _plain(attributes: dict[str, Any]) -> bool:
    """Whether a mapping's or list's attributes are all empty, as ruamel leaves them after
    it has written the node once (an anchor without a name, a tag without a value)."""
    for name, value in attributes.items():
        if name in _PLAIN_ATTRIBUTES:
            continue
        if name == Anchor.attrib and value.value is None:
            continue
        if name == Tag.attrib and not value.trval:
            continue
        if name == merge_attrib and not value:
            continue
        return False
    return True


def _flow(node: Any) -> bool:
    form = node.__dict__.get(Format.attrib)
    return form is not None and form._flow_style is True


def _empty(comment: Comment) -> bool:
    return not any(comment.comment or ()) and not comment.items and not comment.end


def _start_comment(root: CommentedMap) -> list[str]:
    """The comment lines above the root, as ruamel writes them; none when there are none."""
    comment = getattr(root, Comment.attrib, None)
    if comment is None or _empty(comment):
        return []
    before = comment.comment
    if comment.items or comment.end or len(before) != 2 or before[0] is not None:
        raise Unsupported
    lines = []
    for token in before[1] or ():
        if type(token) is not CommentToken or not token.value:
            raise Unsupported
        value = token.value
        lines.append(value if value.startswith("\n") else " " * token.start_mark.column + value)
    if lines and not lines[-1].endswith("\n"):
        raise Unsupported
    return lines
