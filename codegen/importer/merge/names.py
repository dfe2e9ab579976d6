"""Names for what an import adds: code members, code sets and group values.

A new item gets a real name at import, so ``generate`` runs on the first try; a name the
catalog already has is never changed. In order of preference (issue #9):

- a **code**: the document's own name for it (a name or status column:
  ``QuotaExceeded`` -> ``QUOTA_EXCEEDED``); else the code itself when it is a word
  (``bad_recipient`` -> ``BAD_RECIPIENT``); else its English message
  (``Invalid app key`` -> ``INVALID_APP_KEY``); else the code (``-100`` -> ``CODE_M100``,
  ``0x8004A001`` -> ``CODE_0X8004A001``, ``E915`` -> ``E915``);
- a **code set**: its title in PascalCase, folded to ASCII (``API result codes`` ->
  ``ApiResultCodes``, ``Códigos de estado`` -> ``CodigosDeEstado``) when the title is
  written in Latin letters, else ``CodeSet`` and its position;
- a **group value**: its label (``Send/Query`` -> ``SEND_QUERY``) when written in Latin
  letters, else the attribute key and its position (``CATEGORY_1``).

The last three kinds of choice are marked ``derived: true`` in the catalog, for a person to
check (``codegen validate`` lists them); names from the document itself are not.
A name that is taken gets the code (or position) appended, never a silent ``_2``.
"""

from __future__ import annotations

import keyword
import re
import unicodedata
from dataclasses import dataclass

_MAX_WORDS = 6
_MAX_LENGTH = 48
_SMALL_WORDS = frozenset({"a", "an", "the"})
_WORD_CODE = re.compile(r"[A-Za-z][A-Za-z0-9]*(?:[_.-][A-Za-z0-9]+)*")


@dataclass(frozen=True)
class Name:
    """A name and whether it was made up by the import (``derived``) or is the document's."""

    text: str
    derived: bool


def ascii_words(text: str) -> list[str]:
    """The ASCII words of ``text``: accents dropped, camelCase split, digits kept."""
    folded = unicodedata.normalize("NFKD", text)
    folded = "".join(_ascii_digit(ch) for ch in folded).encode("ascii", "ignore").decode()
    spaced = re.sub(r"(?<=[a-z])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])", " ", folded)
    return re.findall(r"[A-Za-z0-9]+", spaced)


def _ascii_digit(ch: str) -> str:
    value = unicodedata.decimal(ch, None)
    return str(value) if value is not None and not ch.isascii() else ch


def upper_snake(text: str, max_words: int = _MAX_WORDS) -> str:
    """``text`` as UPPER_SNAKE of at most ``max_words`` words and 48 characters; empty
    when it has no ASCII letter or digit."""
    words = [w.upper() for w in ascii_words(text) if w.lower() not in _SMALL_WORDS]
    name = ""
    for word in words[:max_words]:
        candidate = f"{name}_{word}" if name else word
        if len(candidate) > _MAX_LENGTH and name:
            break
        name = candidate
    return name


def pascal_case(text: str) -> str:
    """``text`` as PascalCase of at most six words; empty without ASCII letters."""
    words = ascii_words(text)[:_MAX_WORDS]
    name = "".join(w[:1].upper() + (w[1:].lower() if w.isupper() else w[1:]) for w in words)
    return name if name[:1].isalpha() else ""


def code_slug(code: int | str) -> str:
    """The code in a name: ``-100`` -> ``M100``, ``0x8004a0ff`` -> ``0X8004A0FF``."""
    text = str(code)
    sign = "M" if text.startswith("-") else ""
    words = ascii_words(text.lstrip("-"))
    return sign + "_".join(w.upper() for w in words)


def code_name(
    code: int | str, message: str | None, document_name: str | None, taken: set[str]
) -> Name:
    """The name of a new code: see the module doc. ``message`` is its English message, if
    any; ``document_name`` the cell of the table's name column, if any. The result is not in
    ``taken`` (the set's names); the caller adds it."""
    slug = code_slug(code)
    if document_name and (name := upper_snake(document_name, max_words=12)):
        return Name(_free(_valid(name, "CODE"), slug, taken), derived=False)
    if isinstance(code, str) and _is_word(code) and (name := upper_snake(code, 12)):
        return Name(_free(_valid(name, "CODE"), slug, taken), derived=False)
    if message and (name := upper_snake(message)):
        return Name(_free(_valid(name, "CODE"), slug, taken), derived=True)
    if isinstance(code, str) and slug[:1].isalpha():
        return Name(_free(slug, "", taken), derived=True)  # E915, X100
    return Name(_free(f"CODE_{slug}" if slug else "CODE", "", taken), derived=True)


def latin(text: str) -> bool:
    """Whether at least 80% of the letters of ``text`` are Latin (``Códigos`` is,
    ``APIレスポンスコード`` is not): only such a text is worth folding into a name."""
    letters = [ch for ch in text if ch.isalpha()]
    ascii_letters = sum(1 for ch in letters if unicodedata.normalize("NFKD", ch)[0].isascii())
    return bool(letters) and ascii_letters * 5 >= len(letters) * 4


def set_name(
    title: str | None, position: int, taken: set[str], suffixes: tuple[str, ...] = ()
) -> Name:
    """The name of a new code set from its (Latin) title, else ``CodeSet{position}``; free
    in ``taken`` (the module's other class names) together with each name plus one of
    ``suffixes`` (the set's group enums, ``{name}{Key}``)."""
    name = pascal_case(title) if title and latin(title) else ""
    if not name or keyword.iskeyword(name):
        name = f"CodeSet{position}"
    classes = taken | {base + suffix for base in taken for suffix in suffixes}
    candidates = [name, f"{name}{position}", *(f"{name}{position}_{n}" for n in range(2, 99))]
    for candidate in candidates:
        mine = {candidate, *(candidate + suffix for suffix in suffixes)}
        if not mine & classes and not any(candidate + s in taken for s in ("", *suffixes)):
            return Name(candidate, derived=True)
    raise AssertionError("unreachable: 99 candidates cannot all be taken")  # pragma: no cover


def value_name(label: str, key: str, position: int, taken: set[str]) -> Name:
    """The name of a new group value from its label, else ``{KEY}_{position}``."""
    name = upper_snake(label) if latin(label) or label.isascii() else ""
    if not name or not name[0].isalpha():
        stem = key.upper()
        name = f"{stem}_{name}" if name else f"{stem}_{position}"
    return Name(_free(name, str(position), taken), derived=True)


def _is_word(code: str) -> bool:
    """A code that reads as a name: words joined by ``_``, the last of at least three
    letters (``bad_recipient``, ``OAUTH2_CLIENT_UNKNOWN``; not ``PAY_1001`` or ``E915``)."""
    if not _WORD_CODE.fullmatch(code):
        return False
    last = re.split(r"[_.-]", code)[-1]
    return re.search(r"[A-Za-z]{3}", last) is not None and "-" not in code


def _valid(name: str, prefix: str) -> str:
    return name if name[0].isalpha() else f"{prefix}_{name}"


def _free(name: str, suffix: str, taken: set[str], separator: str = "_") -> str:
    """``name``, else ``name`` + the code or position, else that + a counter."""
    if name not in taken:
        return name
    if suffix:
        name = f"{name}{separator}{suffix}"
    candidate, count = name, 2
    while candidate in taken:
        candidate, count = f"{name}{separator}{count}", count + 1
    return candidate
