"""Names for what an import adds: code members, code sets and group values.

A new item gets a real name at import, so ``generate`` runs on the first try; a name the
catalog already has is never changed. In order of preference (issue #9):

- a **code**: the document's own name for it (a name or status column:
  ``QuotaExceeded`` -> ``QUOTA_EXCEEDED``); else the code itself when it is a word
  (``bad_recipient`` -> ``BAD_RECIPIENT``); else its English message
  (``Invalid app key`` -> ``INVALID_APP_KEY``); else the code (``-100`` and ``"-100"`` ->
  ``CODE_M100``, ``0x8004A001`` -> ``CODE_0X8004A001``, ``E915`` -> ``E915``);
- a **code set**: its title in PascalCase (``API result codes`` -> ``ApiResultCodes``,
  ``Kody błędów płatności`` -> ``KodyBledowPlatnosci``) when the title is written mostly
  in Latin letters, else ``CodeSet`` and its position;
- a **group value**: its label (``Send/Query`` -> ``SEND_QUERY``) when written in Latin
  letters, else the attribute key and its position (``CATEGORY_1``).

Letters are transliterated to ASCII by anyascii (``ł`` -> ``l``, ``ß`` -> ``ss``, ``Æ`` ->
``AE``); an apostrophe inside a word is no break (``key's`` -> ``KEYS``). A name made from
text (a message, a title, a label) keeps its first six words and 48 characters, cut
between words, and a cut never leaves a filler word at its end (:data:`FILLER_WORDS`); a
text kept whole ends as written (``Not logged in`` -> ``NOT_LOGGED_IN``). Every name fits the
catalog's rules (:mod:`codegen.catalog.naming`): it starts with a letter and never with the
placeholder ``TODO_``.

The last three kinds of choice are marked ``derived: true`` in the catalog, for a person to
check (``codegen validate`` lists them, ``codegen names --accept`` clears the marks); names
from the document itself are not. A name that is taken gets the code (or position)
appended, never a silent ``_2``.
"""

from __future__ import annotations

import keyword
import re
import unicodedata
from dataclasses import dataclass

from anyascii import anyascii

from codegen.catalog.naming import PLACEHOLDER


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_MAX_WORDS = 6
_MAX_LENGTH = 48
_SMALL_WORDS = frozenset({"a", "an", "the"})
# Words a cut name made from text never ends in: English articles, prepositions,
# conjunctions, auxiliaries and possessives, which only lead on to the words the cut left out
# ("API_KEY_IS_INVALID_OR_WAS", "AMOUNT_MUST_BE_POSITIVE_INTEGER_IN"). "not" and "no" are
# not among them: they carry the meaning ("CARD_IS_NOT" must not become "CARD").
FILLER_WORDS = _words(
    "a an the and or nor but of for to in on at by with from into onto via per as than"
    " that this these those which who whose if when while because unless until whether"
    " is are was were be been being"
    " am has have had do does did can could may might must shall should will would"
    " its their your our his her my"
)
_WORD_CODE = re.compile(r"[A-Za-z][A-Za-z0-9]*(?:[_.-][A-Za-z0-9]+)*")
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
_APOSTROPHES = frozenset("\u2019\u02bc")  # ’ ʼ: read as ' (key’s)
_INNER_APOSTROPHE = re.compile(r"(?<=[A-Za-z0-9])'(?=[A-Za-z])")
_CAMEL_BREAK = re.compile(r"(?<=[a-z])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])")  # camelCase, HTTPError
_WORD = re.compile(r"[A-Za-z0-9]+")
_ASCII_LETTER = re.compile(r"[A-Za-z]")


@dataclass(frozen=True)
class Name:
    """A name and whether it was made up by the import (``derived``) or is the document's."""

    text: str
    derived: bool


def ascii_text(text: str, *, other_scripts: bool = True) -> str:
    """``text`` in ASCII: each letter and digit transliterated by anyascii (``ł`` -> ``l``,
    ``ß`` -> ``ss``, ``Æ`` -> ``AE``, ``١`` -> ``1``), cased as its neighbours (``ÆBLE`` ->
    ``AEBLE``, ``Ærø`` -> ``Aero``), any other non-ASCII character a space, and an
    apostrophe (``'``, ``’``) inside a word dropped (``key’s`` -> ``keys``). Without
    ``other_scripts`` letters of other scripts than Latin are dropped (``Łódź 日本`` ->
    ``Lodz``)."""
    if text.isascii():
        return _INNER_APOSTROPHE.sub("", text)

    def one(match: re.Match[str]) -> str:
        ch, at = match.group(), match.start()
        if ch in _APOSTROPHES:
            return "'"
        if unicodedata.category(ch)[0] not in "LNM":
            return " "
        if not other_scripts and ch.isalpha() and not _is_latin(ch):
            return ""
        folded = anyascii(ch)
        before = text[at - 1 : at]
        after = text[at + 1 : at + 2]
        if ch.isupper() and not after.islower():
            return folded.upper()  # Æ, ÆBLE
        if ch.islower() and before.isupper() and not after.islower():
            return folded.upper()  # STRAßE
        return folded

    return _INNER_APOSTROPHE.sub("", _NON_ASCII.sub(one, text))


def ascii_words(text: str) -> list[str]:
    """The ASCII words of ``text`` (:func:`ascii_text`): camelCase split, digits kept, an
    apostrophe inside a word no break (``key's`` -> ``keys``)."""
    return _WORD.findall(_CAMEL_BREAK.sub(" ", ascii_text(text)))


def upper_snake(text: str, max_words: int = _MAX_WORDS) -> str:
    """``text`` as UPPER_SNAKE, without ``a``, ``an``, ``the``: its first ``max_words``
    words, fewer when they pass 48 characters (a first word is kept whole); empty when it
    has no letter or digit. How a name the document gives is spelled."""
    return "_".join(_first_words(ascii_words(text), max_words))


def phrase_name(text: str) -> str:
    """A name made from a phrase (a message, a label): :func:`upper_snake`, and where that
    cut words off, without the filler words the cut left at its end (:data:`FILLER_WORDS`;
    a phrase of nothing but fillers keeps its first word). ``API key is invalid or was
    revoked by its owner`` -> ``API_KEY_IS_INVALID``; a phrase kept whole keeps its last
    word (``Not logged in`` -> ``NOT_LOGGED_IN``)."""
    words = [w.upper() for w in ascii_words(text) if w.lower() not in _SMALL_WORDS]
    return "_".join(_cut(words, _MAX_WORDS, _MAX_LENGTH))


def _first_words(words: list[str], max_words: int) -> list[str]:
    """The upper-cased words that fit, without a, an, the (:func:`upper_snake`)."""
    kept = [w.upper() for w in words if w.lower() not in _SMALL_WORDS]
    return kept[: _fitting(kept, max_words, _MAX_LENGTH)]


def _fitting(words: list[str], max_words: int, max_length: int | None) -> int:
    """How many of the first ``words`` fit in ``max_words`` words and, joined by ``_``,
    ``max_length`` characters; at least one, so a word is never cut."""
    count, length = 0, -1
    for word in words[:max_words]:
        if count and max_length is not None and length + 1 + len(word) > max_length:
            break
        count, length = count + 1, length + 1 + len(word)
    return count


def _cut(words: list[str], max_words: int, max_length: int | None) -> list[str]:
    """The first ``words`` that fit (:func:`_fitting`); when some were left out, without the
    filler words at the end, but never fewer than one word."""
    end = _fitting(words, max_words, max_length)
    if end < len(words):
        while end > 1 and words[end - 1].lower() in FILLER_WORDS:
            end -= 1
    return words[:end]


def pascal_case(text: str) -> str:
    """``text`` as PascalCase of at most six words, cut as :func:`phrase_name` cuts (no
    filler word left at the end of a cut title); empty unless it starts with a letter."""
    words = _cut(ascii_words(text), _MAX_WORDS, None)
    name = "".join(w[:1].upper() + (w[1:].lower() if w.isupper() else w[1:]) for w in words)
    return name if name[:1].isalpha() else ""


def code_slug(code: int | str) -> str:
    """The code in a name: ``-100`` -> ``M100``, ``0x8004a0ff`` -> ``0X8004A0FF``."""
    if type(code) is int:
        return ("M" if code < 0 else "") + str(abs(code))  # digits only: one word
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
    if document_name and _foldable(document_name) and (name := upper_snake(document_name, 12)):
        return Name(_free(_valid(name, "CODE"), slug, taken), derived=False)
    if isinstance(code, str) and _is_word(code) and (name := upper_snake(code, 12)):
        return Name(_free(_valid(name, "CODE"), slug, taken), derived=False)
    if message and (name := phrase_name(message)):
        return Name(_free(_valid(name, "CODE"), slug, taken), derived=True)
    if isinstance(code, str) and not code.startswith("-") and slug[:1].isalpha():
        return Name(_free(_valid(slug, "CODE"), "", taken), derived=True)  # E915, X100
    return Name(_free(f"CODE_{slug}" if slug else "CODE", "", taken), derived=True)


def latin(text: str) -> bool:
    """Whether at least 80% of the letters of ``text`` are Latin (``Códigos`` and
    ``Kody błędów`` are, ``APIレスポンスコード`` and ``Коды ошибок`` are not): only such a
    text is worth folding into a name."""
    if text.isascii():
        return _ASCII_LETTER.search(text) is not None  # every ASCII letter is Latin
    letters = [ch for ch in text if ch.isalpha()]
    latin_letters = sum(1 for ch in letters if _is_latin(ch))
    return bool(letters) and latin_letters * 5 >= len(letters) * 4


def _is_latin(letter: str) -> bool:
    """A letter of the Latin script: ``é``, ``ł``, ``ß``, ``ø``, ``ı``, ``ﬁ``, ``Ａ``."""
    return letter.isascii() or "LATIN" in unicodedata.name(letter, "").split()


def _foldable(text: str) -> bool:
    """Whether ``text`` may become a name: ASCII, or mostly Latin letters (:func:`latin`)."""
    return text.isascii() or latin(text)


def set_name(
    title: str | None, position: int, taken: set[str], suffixes: tuple[str, ...] = ()
) -> Name:
    """The name of a new code set from its (Latin) title, else ``CodeSet{position}``; free
    in ``taken`` (the module's other class names) together with each name plus one of
    ``suffixes`` (the set's group enums, ``{name}{Key}``)."""
    name = pascal_case(title) if title and latin(title) else ""
    if not name or keyword.iskeyword(name):
        name = f"CodeSet{position}"
    candidates = [name, f"{name}{position}", *(f"{name}{position}Alt{n}" for n in range(2, 99))]
    for candidate in candidates:
        if not _clashes(candidate, taken, suffixes):
            return Name(candidate, derived=True)
    raise AssertionError("unreachable: 99 candidates cannot all be taken")  # pragma: no cover


def _clashes(candidate: str, taken: set[str], suffixes: tuple[str, ...]) -> bool:
    """Whether ``candidate`` or it plus one of ``suffixes`` is in ``taken``, or is a name
    of ``taken`` plus one of ``suffixes``: set lookups, as many as the suffixes' square,
    whatever the size of ``taken``."""
    for mine in (candidate, *(candidate + suffix for suffix in suffixes)):
        if mine in taken:
            return True
        if any(s and mine.endswith(s) and mine[: -len(s)] in taken for s in suffixes):
            return True
    return False


def value_name(label: str, key: str, position: int, taken: set[str]) -> Name:
    """The name of a new group value from its label (:func:`phrase_name`: ``Send/Query``
    -> ``SEND_QUERY``), else ``{KEY}_{position}``; ``{KEY}_`` goes before a name that
    would not start with a letter (``400`` -> ``HTTP_STATUS_400``)."""
    stem = key.upper()
    name = phrase_name(label) if _foldable(label) else ""
    name = _valid(name, stem) if name else f"{stem}_{position}"
    return Name(_free(_valid(name, "VALUE"), str(position), taken), derived=True)


def _is_word(code: str) -> bool:
    """A code that reads as a name: words joined by ``_``, the last of at least three
    letters (``bad_recipient``, ``OAUTH2_CLIENT_UNKNOWN``; not ``PAY_1001`` or ``E915``)."""
    if not _WORD_CODE.fullmatch(code):
        return False
    last = re.split(r"[_.-]", code)[-1]
    return re.search(r"[A-Za-z]{3}", last) is not None and "-" not in code


def _valid(name: str, prefix: str) -> str:
    """``name``, or ``{prefix}_{name}`` when it does not start with a letter or starts like
    a placeholder (``TODO_``), which the catalog refuses."""
    if name[:1].isalpha() and not name.startswith(PLACEHOLDER):
        return name
    return f"{prefix}_{name}"


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
