"""The catalog as plain frozen dataclasses: what templates and generators receive.

Built once from spec/codes.yaml by :mod:`codegen.catalog.load`, validated once, never mutated.
Texts are ``{language: text}`` mappings; the catalog's source language is always present
on messages. Source order is kept everywhere (code sets, attributes, values, codes).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property
from types import MappingProxyType
from typing import Literal

from codegen.catalog.default import DEFAULT_CATALOG
from codegen.catalog.placeholders import (
    DEFAULT_SYNTAXES,
    Key,
    ParameterType,
    Piece,
    Syntax,
    pieces,
)

Texts = Mapping[str, str]
AttributeKind = Literal["group", "flag", "text"]
CodeValue = int | str

EMPTY_TEXTS: Texts = MappingProxyType({})


def texts(mapping: Mapping[str, str] | None) -> Texts:
    """A read-only copy of a ``{language: text}`` mapping."""
    return MappingProxyType(dict(mapping or {}))


@dataclass(frozen=True)
class GroupValue:
    """One value of a group attribute, e.g. the service ``共通`` / ``Common``."""

    name: str  # curated, UPPER_SNAKE
    label: Texts  # source, per language
    line: int = 0  # where it is defined in the catalog (1-based), for error messages

    def text(self, lang: str) -> str:
        return self.label.get(lang, "")


@dataclass(frozen=True)
class Attribute:
    """A column of a code table other than the code and the message."""

    key: str  # snake_case property name
    kind: AttributeKind
    header: Texts
    values: tuple[GroupValue, ...] = ()  # for kind == "group"

    def value_named(self, label: str, lang: str) -> GroupValue | None:
        """The first value whose label in ``lang`` is ``label``, or None. A dict lookup
        (made once per language, on first use): the loader asks it once per code."""
        return self._values_by_label(lang).get(label)

    def _values_by_label(self, lang: str) -> Mapping[str, GroupValue]:
        by_lang: dict[str, dict[str, GroupValue]] = self.__dict__.setdefault("_by_label", {})
        found = by_lang.get(lang)
        if found is None:
            found = by_lang[lang] = {}
            for value in self.values:
                label = value.label.get(lang)
                if label is not None:
                    found.setdefault(label, value)
        return found


AttrValue = GroupValue | bool | Texts | None


@dataclass(frozen=True)
class Deprecation:
    """A code still returned but to be avoided (curated ``deprecated: {since, use}``)."""

    since: str  # a version or a date, as the catalog writes it
    use: str = ""  # the name of the member of the same set to use instead; "" when none


@dataclass(frozen=True)
class Removal:
    """A tombstone: a code no longer returned and never to be reused (curated
    ``removed: {since, reason}``); the code keeps its message and attributes."""

    since: str  # a version or a date, as the catalog writes it
    reason: str = ""


@dataclass(frozen=True)
class Parameter:
    """An argument a code's message takes (curated ``parameters``): ``name`` is its name in
    generated code, ``type`` what it takes (``string``, ``integer`` or ``number``),
    ``placeholder`` the key of its placeholder in the texts (a name, or a number for
    ``{0}``, ``%s``, ``{}``: :mod:`codegen.catalog.placeholders`); ``derived`` when
    ``import`` made the name up (``arg0`` for ``{0}``)."""

    name: str
    type: ParameterType
    placeholder: Key
    derived: bool = False
    line: int = 0


@dataclass(frozen=True)
class Code:
    """One code of a code set; a removed one (``removed``) is a tombstone, kept so that a
    value read from an old log is still recognised."""

    value: CodeValue
    name: str  # curated, UPPER_SNAKE
    message: Texts  # source, per language
    attrs: Mapping[str, AttrValue] = field(default_factory=lambda: MappingProxyType({}))
    retryable: bool | None = None  # curated; None where the data says nothing
    note: str = ""  # curated
    line: int = 0
    deprecated: Deprecation | None = None  # curated
    removed: Removal | None = None  # curated
    aliases: tuple[str, ...] = ()  # curated: former names (UPPER_SNAKE), deprecated
    stale: tuple[str, ...] = ()  # curated: languages whose message predates the source's
    parameters: tuple[Parameter, ...] = ()  # curated: the arguments its message takes

    def attr(self, key: str) -> AttrValue:
        return self.attrs.get(key)

    def message_pieces(
        self, lang: str, syntaxes: tuple[Syntax, ...] = DEFAULT_SYNTAXES
    ) -> tuple[Piece, ...]:
        """The message in ``lang`` cut at its placeholders, for formatting it: strings and
        indices into :attr:`parameters`, alternating (:func:`~codegen.catalog.placeholders.pieces`);
        ``("",)`` when it has no message in ``lang``."""
        keys = [parameter.placeholder for parameter in self.parameters]
        return pieces(self.message.get(lang, ""), keys, syntaxes)

    def is_stale(self, lang: str) -> bool:
        """Whether the message in ``lang`` is a stale translation: the code has one, and it
        was written for an earlier source-language message (``curated.stale``)."""
        return lang in self.stale and lang in self.message


@dataclass(frozen=True)
class CodeSet:
    """One table of codes, e.g. the API response codes."""

    name: str  # curated, PascalCase
    title: Texts
    code_type: Literal["integer", "string"]
    attributes: tuple[Attribute, ...]
    codes: tuple[Code, ...]
    columns: Mapping[str, Texts] = field(default_factory=lambda: MappingProxyType({}))
    section: Texts = field(default_factory=lambda: EMPTY_TEXTS)
    description: Texts = field(default_factory=lambda: EMPTY_TEXTS)
    line: int = 0
    aliases: tuple[str, ...] = ()  # curated: former names (PascalCase), deprecated

    def attribute(self, key: str) -> Attribute | None:
        for attribute in self.attributes:
            if attribute.key == key:
                return attribute
        return None

    def code_named(self, name: str) -> Code | None:
        """The code whose curated name is ``name`` (not an alias), or None. A dict lookup:
        the docs page asks it once per deprecated code."""
        return self._codes_by_name.get(name)

    @cached_property
    def _codes_by_name(self) -> Mapping[str, Code]:
        """Each code by its curated name (the first, should two share one), made on first use."""
        found: dict[str, Code] = {}
        for code in self.codes:
            found.setdefault(code.name, code)
        return found

    @property
    def current_codes(self) -> tuple[Code, ...]:
        """The codes still returned (deprecated ones included), in source order."""
        return tuple(code for code in self.codes if code.removed is None)

    @property
    def removed_codes(self) -> tuple[Code, ...]:
        """The tombstones, in source order."""
        return tuple(code for code in self.codes if code.removed is not None)


Envelope = Literal["header", "flat", "nested", "problem"]
ENVELOPES: tuple[Envelope, ...] = ("header", "flat", "nested", "problem")
# Each envelope's JSON member names, by their key under ``curated.response.fields``, when
# the catalog does not name them. Problem details (RFC 9457) carry the message in their
# own members, ``title`` or ``detail``.
ENVELOPE_FIELDS: Mapping[Envelope, Mapping[str, str]] = MappingProxyType(
    {
        "header": {"success": "isSuccessful", "code": "resultCode", "message": "resultMessage"},
        "flat": {"code": "code", "message": "message"},
        "nested": {"error": "error", "code": "code", "message": "message"},
        "problem": {"code": "code"},
    }
)


# The member, beside the code, that holds the arguments of the code's message (issue #20),
# in every envelope, unless ``curated.response.fields.params`` names it otherwise.
PARAMS_FIELD = "params"


@dataclass(frozen=True)
class ResponseEnvelope:
    """How the API's responses carry a code of one set (curated, ``curated.response``).

    ``envelope`` is the shape of an error body: ``header``, ``{"header": {success, code,
    message}}``; ``flat``, ``{code, message}``; ``nested``, ``{error_field: {code,
    message}}``; ``problem``, RFC 9457 problem details with the code as an extension
    member. The defaults are the header envelope's; :func:`response_envelope` fills in
    another envelope's. An empty string is a member the envelope does not have.
    """

    code_set: str  # CodeSet.name
    success_flag: str = ""  # key of a flag attribute of that set; "" when there is none
    success_field: str = "isSuccessful"
    code_field: str = "resultCode"
    message_field: str = "resultMessage"
    envelope: Envelope = "header"
    error_field: str = ""  # nested: the member holding the error object
    problem_type: str = ""  # problem: each code's type URI, ``{code}`` standing for the code
    params_field: str = PARAMS_FIELD  # the member holding a message's parameters (any envelope)


ResponseHeader = ResponseEnvelope  # its name while the header was the only envelope


def response_envelope(
    code_set: str,
    envelope: Envelope = "header",
    success_flag: str = "",
    fields: Mapping[str, str] = EMPTY_TEXTS,
    problem_type: str = "",
) -> ResponseEnvelope:
    """The response of ``envelope``, its member names from ``fields`` (keys ``success``,
    ``code``, ``message``, ``error``) else :data:`ENVELOPE_FIELDS`, and ``params`` else
    :data:`PARAMS_FIELD`."""
    names = {**ENVELOPE_FIELDS[envelope], **fields}
    return ResponseEnvelope(
        code_set=code_set,
        success_flag=success_flag,
        success_field=names.get("success", ""),
        code_field=names.get("code", ""),
        message_field=names.get("message", ""),
        envelope=envelope,
        error_field=names.get("error", ""),
        problem_type=problem_type,
        params_field=names.get("params", PARAMS_FIELD),
    )


@dataclass(frozen=True)
class Catalog:
    """Everything spec/codes.yaml says."""

    module: str  # curated: Python module / output file stem
    source_language: str
    languages: tuple[str, ...]
    code_sets: tuple[CodeSet, ...]
    title: Texts = field(default_factory=lambda: EMPTY_TEXTS)
    response: ResponseEnvelope | None = None
    path: str = DEFAULT_CATALOG  # as given on the command line, for headers and errors
    placeholders: tuple[Syntax, ...] = DEFAULT_SYNTAXES  # curated: the texts' syntaxes

    def code_set(self, name: str) -> CodeSet | None:
        for code_set in self.code_sets:
            if code_set.name == name:
                return code_set
        return None

    @cached_property
    def has_lifecycle(self) -> bool:
        """Whether some code is deprecated or removed: the outputs then carry both records
        on every set, so a member of any set answers ``deprecated`` and ``removed``.
        Walks the catalog once, on first use: templates ask it once per set or per code."""
        return any(
            code.deprecated is not None or code.removed is not None
            for code_set in self.code_sets
            for code in code_set.codes
        )

    @cached_property
    def has_parameters(self) -> bool:
        """Whether some code's message takes parameters: the outputs then carry the typed
        formatting functions. Walks the catalog once, on first use."""
        return any(code.parameters for code_set in self.code_sets for code in code_set.codes)
