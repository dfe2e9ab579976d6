"""What a column's header says it holds, as a hint to :mod:`.roles`; and the roles a person
gave.

The words are data, one table per language (:data:`~.words.WORDS`); headers are compared
case-folded, without spaces, ``_``, ``-`` and a trailing ``:`` or ``?``. A header matches
a word exactly (``resultCode``, ``コード値``), through a key in parentheses
(``결과 코드(resultCode)`` is read as ``결과 코드`` and as ``resultCode``), or, for the
code and message roles, by containing one of their stems (``Status code``, ``Fehlercode``,
``Código de estado``, ``Result code message``: the stem that ends last wins, so that last
one is a message). A hint never decides alone: :mod:`.roles` checks it against the cells.

``--column "HEADER=ROLE"`` (ROLE ``code``, ``message``, ``name`` or ``KEY:KIND`` with
KIND ``group``, ``flag`` or ``text``) overrides both the words and the cells; the
catalog's own headers (what an earlier import or a person recorded) come next.
"""

from __future__ import annotations

import hashlib
import keyword
import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from codegen.catalog.naming import attribute_key_problem
from codegen.errors import InputError
from codegen.importer.columns.words import (
    INTERNATIONAL,
    RETRY_STEMS,
    RETRYABLE,
    STEMS,
    WORDS,
    Role,
    RoleKind,
)

SINGLE = ("code", "message", "name")  # roles one column of a table has at most
RESERVED_KEYS = frozenset({"code", "message", "curated", "name"})
_KEY = re.compile(r"[a-z][a-z0-9_]*")
_PARENS = re.compile(r"^(?P<outer>[^(（]*)[(（](?P<inner>[^)）]*)[)）]\s*$")


def normalize(header: str) -> str:
    """The form headers are compared in: case-folded, NFC, without spaces, ``_``, ``-``,
    a trailing ``:``/``?`` or a leading ``¿``/``¡``."""
    text = unicodedata.normalize("NFC", header).casefold().rstrip(":：?？ ").lstrip("¿¡ ")
    return "".join(ch for ch in text if not ch.isspace() and ch not in "_-")


_KNOWN: dict[str, Role] = {}
for _table in WORDS.values():
    for _role, _words in _table:
        for _word in _words:
            _KNOWN.setdefault(normalize(_word), _role)  # the first language listed wins


_LANGUAGES: dict[str, set[str]] = {}
for _lang, _table in WORDS.items():
    for _role, _words in _table:
        for _word in _words:
            _LANGUAGES.setdefault(normalize(_word), set()).add(_lang)


# Words many languages write as they are: no sign of the page's language.
_INTERNATIONAL = frozenset(normalize(word) for word in INTERNATIONAL)


def languages_of(header: str) -> frozenset[str]:
    """The languages whose header words include ``header`` exactly (``Meldung``: de);
    none for a word many languages use as it is (``Code``, ``Status``, ``Text``)."""
    key = normalize(header)
    return frozenset() if key in _INTERNATIONAL else frozenset(_LANGUAGES.get(key, ()))


def hint(header: str) -> Role | None:
    """The role the header's words suggest, or None: exact word, key in parentheses, stem."""
    key = normalize(header)
    if not key:
        return None
    return _word_role(header) or _by_stem(key)


def _word_role(header: str) -> Role | None:
    """The role of a header that is one of the words, or has one in parentheses."""
    found = _KNOWN.get(normalize(header))
    if found is not None:
        return found
    parts = _PARENS.match(header)
    if parts is not None:
        for part in (parts["outer"], parts["inner"]):
            found = _KNOWN.get(normalize(part))
            if found is not None:
                return found
    return None


def _by_stem(key: str) -> Role | None:
    best: tuple[int, Role] | None = None
    for kind, stems in STEMS.items():
        for stem in stems:
            at = key.rfind(stem)
            if at >= 0 and (best is None or at + len(stem) > best[0]):
                best = (at + len(stem), Role(kind))
    if best is None and any(stem in key for stem in RETRY_STEMS):
        return RETRYABLE  # Will we retry?, Retry allowed?: a hint, the cells decide
    return best[1] if best else None


@dataclass(frozen=True)
class HeaderDictionary:
    """The roles given for this run: ``--column`` options first, then what the catalog
    recorded; the built-in words are only hints (:func:`hint`)."""

    overrides: Mapping[str, Role]
    stored: Mapping[str, Role] = field(default_factory=dict)
    max_words: int = 6

    def given(self, header: str) -> Role | None:
        """The role a person gave this header (option or catalog), or None."""
        key = normalize(header)
        return self.overrides.get(key) or self.stored.get(key)

    def given_roles(self, headers: Sequence[str]) -> list[Role | None]:
        """The role a person gave each header of a table (None where none), each role of
        :data:`SINGLE` to one column at most: where the catalog's record and a
        ``--column`` option give it to two columns, the option's column has it, and the
        other is read from its cells like any other (an attribute, never dropped)."""
        given = [self.given(header) for header in headers]
        kept = list(given)
        for kind in SINGLE:
            at = [i for i, role in enumerate(given) if role is not None and role.kind == kind]
            chosen = [i for i in at if normalize(headers[i]) in self.overrides] or at[:1]
            for i in at:
                if i not in chosen[:1]:
                    kept[i] = None
        return kept

    def role(self, header: str) -> Role | None:
        """The given role, else the words' hint."""
        return self.given(header) or hint(header)

    def split_line(self, line: str) -> list[str] | None:
        """Split a plain-text header line into known headers, longest match first.

        ``None`` when some word is not part of any known header.
        """
        words = line.split()
        headers: list[str] = []
        start = 0
        while start < len(words):
            for end in range(min(len(words), start + self.max_words), start, -1):
                candidate = " ".join(words[start:end])
                key = normalize(candidate)
                if key in _KNOWN or self.given(candidate) is not None:
                    headers.append(candidate)
                    start = end
                    break
            else:
                return None
        return headers


_ATTRIBUTE_KINDS: dict[str, RoleKind] = {"group": "group", "flag": "flag", "text": "text"}


def header_dictionary(
    column_options: Sequence[str], stored: Mapping[str, Role] | None = None
) -> HeaderDictionary:
    """The roles for one run, from the ``--column HEADER=ROLE`` options and the catalog's
    recorded headers (``stored``, by :func:`normalize` d header)."""
    overrides: dict[str, Role] = {}
    max_words = 6
    for option in column_options:
        header, role = _parse_option(option)
        overrides[normalize(header)] = role
        max_words = max(max_words, len(header.split()))
    for header in stored or {}:
        max_words = max(max_words, len(header.split()))
    return HeaderDictionary(overrides, dict(stored or {}), max_words)


def _parse_option(option: str) -> tuple[str, Role]:
    header, sep, role_text = option.rpartition("=")
    where = f'--column "{option}"'
    if not sep or not header.strip():
        raise InputError(f'{where}: expected HEADER=ROLE, e.g. --column "エラー番号=code"')
    role_text = role_text.strip()
    if role_text in ("code", "message", "name"):
        return header.strip(), Role(role_text)  # type: ignore[arg-type]
    key, colon, kind_text = role_text.partition(":")
    kind = _ATTRIBUTE_KINDS.get(kind_text)
    if not colon or kind is None:
        raise InputError(
            f'{where}: unknown role "{role_text}"; use code, message, name or KEY:KIND '
            "with KIND group, flag or text"
        )
    if not _KEY.fullmatch(key) or key in RESERVED_KEYS or keyword.iskeyword(key):
        raise InputError(
            f'{where}: "{key}" cannot be an attribute key; use snake_case other than '
            "code, message, curated, name or a Python keyword"
        )
    problem = attribute_key_problem(key, "integer", kind) or attribute_key_problem(
        key, "string", kind
    )
    if problem:  # what validate would refuse on every code
        raise InputError(f"{where}: {problem.split(': rename it')[0]}; choose another key")
    return header.strip(), Role(kind, key)


def attribute_key(header: str) -> str:
    """The attribute key a header gives: the words' key (``区分`` -> ``category``), else an
    ASCII key in parentheses (``성공 여부(isSuccessful)`` -> ``is_successful``), else the
    header folded to ASCII snake_case (``HTTP status`` -> ``http_status``), else, for a
    header without Latin letters, ``column_`` and 6 hex digits of its SHA-256 (stable)."""
    known = _word_role(header)  # a stem says what a column may be, never its key
    if known is not None and known.key:
        return known.key
    parts = _PARENS.match(header)
    for text in (parts["inner"], parts["outer"]) if parts else (header,):
        key = snake_case(text)
        if key:
            return key
    digest = hashlib.sha256(normalize(header).encode("utf-8")).hexdigest()[:6]
    return f"column_{digest}"


def snake_case(text: str) -> str:
    """``text`` as ASCII snake_case (``isSuccessful`` -> ``is_successful``, ``Código`` ->
    ``codigo``); empty when it has no Latin letter."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    spaced = re.sub(r"(?<=[a-z])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])", "_", ascii_text)
    key = re.sub(r"[^a-z0-9]+", "_", spaced.lower()).strip("_")
    if not re.search(r"[a-z]", key):
        return ""
    return key if key[0].isalpha() else f"column_{key}"
