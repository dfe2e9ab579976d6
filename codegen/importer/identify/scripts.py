"""Which script a letter is in, and which languages a script writes.

A Han, kana or Hangul character counts for :data:`CJK_WEIGHT` letters (about what a
Latin letter-run carries); Han and kana count as one script, CJK, since Japanese writes
both. The languages are named as py3langid names them (primary subtags).
"""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter

CJK_WEIGHT = 3

# Each script by its first code point; a code point belongs to the last start at or below
# it (a letter of none of these is "Other").
_RANGES: tuple[tuple[int, str], ...] = (
    (0x0000, "Latin"),
    (0x0250, "Other"),
    (0x0370, "Greek"),
    (0x0400, "Cyrillic"),
    (0x0530, "Other"),
    (0x0590, "Hebrew"),
    (0x0600, "Arabic"),
    (0x0700, "Other"),
    (0x0750, "Arabic"),
    (0x0780, "Other"),
    (0x0900, "Devanagari"),
    (0x0980, "Other"),
    (0x0E00, "Thai"),
    (0x0E80, "Other"),
    (0x1100, "Hangul"),
    (0x1200, "Other"),
    (0x1E00, "Latin"),
    (0x1F00, "Greek"),
    (0x2000, "Other"),
    (0x3040, "Kana"),
    (0x3100, "Other"),
    (0x3130, "Hangul"),
    (0x3190, "Other"),
    (0x31F0, "Kana"),
    (0x3200, "Other"),
    (0x3400, "Han"),
    (0x4DC0, "Other"),
    (0x4E00, "Han"),
    (0xA000, "Other"),
    (0xAC00, "Hangul"),
    (0xD7B0, "Other"),
    (0xF900, "Han"),
    (0xFB00, "Other"),
    (0xFB1D, "Hebrew"),
    (0xFB50, "Arabic"),
    (0xFE00, "Other"),
    (0xFE70, "Arabic"),
    (0xFF00, "Latin"),  # fullwidth Latin
    (0xFF66, "Kana"),  # halfwidth katakana
    (0xFFA0, "Hangul"),
    (0xFFE0, "Other"),
    (0x20000, "Han"),
    (0x30000, "Other"),
)
_STARTS = tuple(start for start, _ in _RANGES)

# The languages a script writes, as py3langid names them (its primary subtags); a script
# not here (Latin, Other) leaves every language open but those written only in others.
SCRIPT_LANGUAGES: dict[str, tuple[str, ...]] = {
    "Hangul": ("ko",),
    "Kana": ("ja",),
    "Han": ("zh", "ja"),
    "Hebrew": ("he", "yi"),
    "Greek": ("el",),
    "Thai": ("th",),
    "Cyrillic": ("ru", "uk", "bg", "be", "sr", "mk", "kk", "ky", "mn", "tg", "tt", "ba"),
    "Arabic": ("ar", "fa", "ur", "ps", "ug", "sd", "ku"),
    "Devanagari": ("hi", "mr", "ne", "sa", "gom"),
}
_ALSO_LATIN = frozenset({"sr", "kk", "tt", "ku", "uz", "az", "tk", "ba", "ug"})
NON_LATIN = frozenset(
    lang for langs in SCRIPT_LANGUAGES.values() for lang in langs if lang not in _ALSO_LATIN
) | frozenset({"am", "hy", "ka", "km", "lo", "my", "si", "ta", "te", "kn", "ml", "gu", "pa"})


def group(char: str) -> str:
    """The script of a letter, Han and kana as one (``CJK``); ``Other`` for a script not
    named here (Armenian, Georgian, ...)."""
    script = _RANGES[bisect_right(_STARTS, ord(char)) - 1][1]
    return "CJK" if script in ("Han", "Kana") else script


def is_kana(char: str) -> bool:
    """Whether ``char`` is hiragana or katakana (halfwidth too): Japanese, never Chinese."""
    return (
        0x3040 <= ord(char) < 0x3100 or 0x31F0 <= ord(char) < 0x3200 or 0xFF66 <= ord(char) < 0xFFA0
    )


def script_counts(words: list[str]) -> tuple[Counter[str], int]:
    """Letters per script of ``words`` (a CJK character counting :data:`CJK_WEIGHT`), and
    the number of kana among them."""
    counts: Counter[str] = Counter()
    kana = 0
    for word in words:
        for char in word:
            if not char.isalpha():
                continue
            script = group(char)
            counts[script] += CJK_WEIGHT if script == "CJK" else 1
            kana += is_kana(char)
    return counts, kana


def in_script(words: list[str], main: str) -> str:
    """``words`` as one text with every letter of another script than ``main`` blanked
    out (the Latin identifiers and loanwords of a Japanese page)."""
    return " ".join(
        "".join(ch if not ch.isalpha() or group(ch) == main else " " for ch in word)
        for word in words
    )


def writes(script: str | None, lang: str) -> bool:
    """Whether ``script`` writes the language ``lang`` (a primary subtag): Hangul only
    ``ko``; Latin any but those written only in other scripts (not ``ja``, ``ru``); a script
    not named here, any."""
    allowed = SCRIPT_LANGUAGES.get(script or "Other")
    if allowed is not None:
        return lang in allowed
    return script != "Latin" or lang not in NON_LATIN
