"""Which language some texts are in, read together: :func:`identify_texts`.

Pure: texts in, an :class:`Identified` out (the model is read from the installed py3langid
package on the first call that needs it; nothing is downloaded).

All the texts are read as one: an error message of three words says little, a page of
them says a lot. What is not language is dropped first (:mod:`.words`). Then the script
speaks (:mod:`.scripts`): the script with the most letters is the main one, and letters in
other scripts are dropped (the English identifiers of a Japanese page). Hangul is Korean,
kana Japanese, Greek and Thai their languages; Han without kana, Hebrew, Cyrillic, Arabic,
Devanagari and Latin write several, and among those the model decides (:mod:`.model`).

The confidence is the language's probability, times how much of the page is in the main
script (in full from :data:`MAIN_SHARE` of the letters: a page half in one script and half
in another is clearly neither), times how much there is to read (:data:`FULL_EVIDENCE`
letters count in full, fewer proportionally less, so three short messages are not clearly
anything unless their script says so).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from codegen.importer.identify.model import primary, rank
from codegen.importer.identify.scripts import (
    CJK_WEIGHT,
    SCRIPT_LANGUAGES,
    in_script,
    script_counts,
    writes,
)
from codegen.importer.identify.words import words as words_of

MAX_SAMPLE = 20_000  # characters read of the texts, spread over all of them
FULL_EVIDENCE = 40  # letters of the main script (CJK counting 3) for the model's full word
SCRIPT_EVIDENCE = 24  # the same where the script alone names the language (8 Hangul)
HAN_EVIDENCE = 180  # the same for Han without kana: no kana says Chinese only at length (60)
MAIN_SHARE = 0.75  # of the letters, in the main script, for the script's full word
KANA_SHARE = 0.1  # of the CJK characters of a Japanese text, at least, are kana
MIN_KANA = 2  # kana, at least, in a Japanese text (a Chinese one may have a stray ー)


@dataclass(frozen=True)
class Identified:
    """What language some texts are in.

    ``lang`` is a primary language subtag (``ja``, ``de``), or None when the texts have no
    letters; ``confidence`` (0 to 1) is how sure, length and mixed scripts included;
    ``letters`` how much there was to read (letters of the main script, a CJK character
    counting 3); ``script`` the main script (``Latin``, ``Han``, ``Kana``, ``Hangul``,
    ``Cyrillic``, ...) and ``share`` its share of all letters (a CJK character counting 3
    here too); ``probabilities`` the
    likeliest languages the main script writes, best first (of all of them, summing to 1).
    """

    lang: str | None
    confidence: float
    letters: int
    script: str | None
    share: float
    probabilities: tuple[tuple[str, float], ...]

    def probability(self, lang: str) -> float:
        """The probability of ``lang`` (any tag: its primary subtag is compared); 0 when
        the main script does not write it or it is not among the likeliest."""
        wanted = primary(lang)
        return next((p for other, p in self.probabilities if other == wanted), 0.0)

    def not_in(self, lang: str) -> float:
        """How sure (0 to 1) the texts are not in ``lang``. Where the main script does not
        write ``lang``, the script says so: its share of the letters (in full from
        :data:`MAIN_SHARE`), times how much there was to read (in full from
        :data:`SCRIPT_EVIDENCE` letters). Where it does, only a
        language the model is sure of rules ``lang`` out: the smaller of the confidence and
        1 - the probability of ``lang`` (texts the model cannot place are in no language
        clearly, so not clearly not in ``lang``)."""
        if self.lang is None:
            return 0.0
        if not writes(self.script, primary(lang)):
            return _mostly(self.share) * min(1.0, self.letters / SCRIPT_EVIDENCE)
        if primary(lang) == self.lang:
            return 0.0
        return min(self.confidence, 1.0 - self.probability(lang))


UNKNOWN = Identified(None, 0.0, 0, None, 0.0, ())


def identify_column(cells: Sequence[str]) -> Identified:
    """The language of one column's cells, read together as one text.

    Cells without letters (codes, numbers, flags) count for nothing, and a column of
    identifiers or codes has ``lang`` None. Two message columns in two languages
    (``中文说明 | English message``) come out as two languages, each with a high
    confidence when it has a few cells of real text; a column of three one-word cells has
    a low one. Pure; the first call that needs the model loads it (about 0.5 s)."""
    return identify_texts(cells)


def identify_texts(texts: Iterable[str]) -> Identified:
    """The language of ``texts`` read together (a sample of about :data:`MAX_SAMPLE`
    characters spread over them when they are longer); see the module's docstring."""
    words = [word for text in _sample(list(texts)) for word in words_of(text)]
    counts, kana = script_counts(words)
    total = sum(counts.values())
    if not total:
        return UNKNOWN
    main = max(sorted(counts), key=counts.__getitem__)
    letters = counts[main]
    script = main
    if main == "CJK":
        japanese = kana >= MIN_KANA and kana >= KANA_SHARE * letters / CJK_WEIGHT
        script = "Kana" if japanese else "Han"
    allowed = SCRIPT_LANGUAGES.get(script, ())
    if len(allowed) == 1:
        probabilities: tuple[tuple[str, float], ...] = ((allowed[0], 1.0),)
        needed = SCRIPT_EVIDENCE
    else:
        probabilities = rank(in_script(words, main), script)
        needed = HAN_EVIDENCE if script == "Han" else FULL_EVIDENCE
    share = letters / total
    if not probabilities:
        return Identified(None, 0.0, letters, script, share, ())
    lang, p = probabilities[0]
    confidence = round(p * _mostly(share) * min(1.0, letters / needed), 4)
    return Identified(lang, confidence, letters, script, share, probabilities)


def _mostly(share: float) -> float:
    """How far a page whose main script has ``share`` of the letters is in that script:
    1 from MAIN_SHARE on (identifiers and loanwords in another script are no second
    language), proportionally less below."""
    return min(1.0, share / MAIN_SHARE)


def _sample(texts: list[str]) -> list[str]:
    """At most about MAX_SAMPLE characters of ``texts``: every k-th text (the same ones
    for the same texts), none longer than MAX_SAMPLE."""
    size = sum(len(text) for text in texts)
    if size <= MAX_SAMPLE:
        return texts
    step = -(-size // MAX_SAMPLE)
    return [text[:MAX_SAMPLE] for text in texts[::step]]
