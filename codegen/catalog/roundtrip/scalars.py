"""The scalars of the fast emitter (:mod:`.emit`), written as ruamel.yaml's round-trip
dumper writes them.

The decisions that shape a scalar's text are ruamel's own, not copies: how a number or a
boolean is spelled (its representer), which plain texts would read back as another type
(its resolver's implicit resolvers, consulted as ``resolve`` consults them), and, for every
text that is not plainly safe, the analysis, the style and the writing (its emitter's
``analyze_scalar``, ``choose_scalar_style`` and ``write_*`` methods, called on an emitter
set up as the dumper sets it up). What is written here without asking ruamel is only a
plain text that matches :data:`SAFE_PLAIN` and reads back as text. A scalar ruamel would
write otherwise than this module can (a tag, a folded text, a complex key) raises
:class:`Unsupported`.
"""

from __future__ import annotations

import io
import re
from typing import Any

from ruamel.yaml import YAML
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

from codegen.catalog.roundtrip.dialect import STR_TAG, round_trip_yaml, yaml11_not_text

MAX_TEXT = 100_000  # ruamel folds at 1,000,000 columns (its width): never reached below this
BREAKS = "\n\x85\u2028\u2029"  # ruamel's line breaks
_MAX_SIMPLE_KEY = 128  # ruamel's Emitter.MAX_SIMPLE_KEY_LENGTH
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
# space, only printable characters (tests/catalog/roundtrip/test_emit.py checks it against
# analyze_scalar on random texts). Whether it reads back as text is asked separately.
_UNPRINTABLE = "\\x00-\\x1f\\x7f-\\x9f\\ud800-\\udfff\\ufeff\\ufffe\\uffff\\u2028\\u2029"
SAFE_PLAIN = re.compile(
    "(?!\\.\\.\\.)"
    f"[^-?:,\\[\\]{{}}#&*!|>'\"%@` {_UNPRINTABLE}]"
    f"(?:[^,\\[\\]{{}}:# {_UNPRINTABLE}]|:(?=[^ ])|(?<! )#| (?=.))*"
)


class Unsupported(Exception):
    """The tree has something only ruamel writes."""


class Scalars:
    """Scalars as ruamel writes them after ``:``, ``-`` or ``,``, by ruamel's own
    representer, resolver and emitter, each text written once per context."""

    def __init__(self) -> None:
        yaml: YAML = round_trip_yaml()
        resolver = yaml.resolver
        if resolver.versioned_resolver.get(None) or resolver.yaml_path_resolvers:
            raise Unsupported  # resolve() would look beyond the first character
        self.first_chars: dict[str, Any] = resolver.versioned_resolver
        self.representer = yaml.representer
        self.ruamel = yaml.emitter
        yaml.serializer  # noqa: B018 - analyze_scalar asks the serializer for the YAML version
        self.texts: dict[tuple[Any, ...], tuple[str, bool]] = {}
        self.plus = False  # the scalar just written is a "|+" literal

    def scalar(self, value: Any, flow: bool, key: bool, indent: int) -> str:
        """The scalar as written after ``:``, ``-`` or ``,``: with its leading space (and
        the lines of a literal block, with its last line break). ``indent``: the column of
        a literal's lines."""
        kind = type(value)
        if kind is str:
            text: str = value
            if (
                len(text) < MAX_TEXT
                and SAFE_PLAIN.fullmatch(text)
                and (not key or len(text) < _MAX_SIMPLE_KEY)
                and self.plain_is_text(text)
                and not yaml11_not_text(text)
            ):
                return " " + text
            style = "'" if text and yaml11_not_text(text) else None  # roundtrip._represent_str
            return self.written(text, STR_TAG, style, flow, key, indent)
        if kind is bool:
            return " true" if value else " false"
        if kind is int:
            return " " + str(value)  # ruamel's represent_int; plain, read back as that int
        if value is None:
            return " null"  # codegen.catalog.roundtrip.dialect._Representer
        style = _STYLES.get(kind)
        if style is not None:
            anchor = value.yaml_anchor(any=True)
            if anchor is not None and anchor.value is not None or getattr(value, "comment", None):
                raise Unsupported  # an anchor, or a comment after a literal's indicator
            return self.written(str(value), STR_TAG, style, flow, key, indent)
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
                return bool(tag == STR_TAG)
        return True

    def resolves_to(self, text: str) -> str:
        if not text:
            resolvers = self.first_chars.get("", ())
        else:
            resolvers = self.first_chars.get(text[0], ())
        for tag, regexp in resolvers:
            if regexp.match(text):
                return str(tag)
        return STR_TAG

    def written(
        self, text: str, tag: str, style: str | None, flow: bool, key: bool, indent: int
    ) -> str:
        """A scalar as ruamel's emitter writes it, by its own methods."""
        if len(text) >= MAX_TEXT:
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
        implicit = (self.resolves_to(text) == tag, tag == STR_TAG, True)
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
        elif chosen == "'" and not any(ch in text for ch in BREAKS):
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
