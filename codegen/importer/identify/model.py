"""py3langid, loaded on first use, and its labels folded to the tags a catalog uses.

py3langid is a naive Bayes model over byte n-grams for 97 languages (and some varieties),
shipped inside its package: nothing is downloaded. Loading it (numpy and a 4 MB model)
takes about 0.5 s and 100 MB, which only an import that reads a Latin, Cyrillic, Arabic,
Devanagari or Han page pays; ``codegen`` imports it nowhere else.
"""

from __future__ import annotations

from functools import cache
from typing import Protocol

from codegen.importer.identify.scripts import writes

KEPT = 8  # the likeliest languages kept
NEGLIGIBLE = 0.001  # a probability below this is kept as 0

# Labels that name a variety of a language a catalog tags by its primary subtag.
ALIASES = {
    "arz": "ar",
    "ary": "ar",
    "wuu": "zh",
    "yue": "zh",
    "cmn": "zh",
    "nb": "no",
    "nn": "no",
    "hbo": "he",
    "iw": "he",
    "in": "id",
    "ji": "yi",
    "uzs": "uz",
    "sdh": "ku",
    "grc": "el",
}


def primary(tag: str) -> str:
    """A language tag's primary subtag, lower case, with old and variety names folded
    (``en-US`` → ``en``, ``zh-Hant`` → ``zh``, ``iw`` → ``he``, ``nb`` → ``no``)."""
    head = tag.replace("_", "-").split("-", 1)[0].lower()
    return ALIASES.get(head, head)


class _Model(Protocol):
    def rank(self, text: str) -> list[tuple[str, float]]: ...


@cache
def _model() -> _Model:
    """py3langid's identifier, giving probabilities (its shipped model)."""
    from py3langid.langid import MODEL_FILE, LanguageIdentifier  # type: ignore[import-untyped]

    model: _Model = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    return model


def rank(text: str, script: str) -> tuple[tuple[str, float], ...]:
    """The model's likeliest languages for ``text`` among those ``script`` writes, labels
    folded to primary subtags, best first, with their probabilities among those languages
    (summing to 1 over all of them); empty when the model gives none of them any weight."""
    folded: dict[str, float] = {}
    for label, p in _model().rank(text):
        lang = primary(label)
        if lang != "zxx" and writes(script, lang):  # zxx: "no linguistic content"
            folded[lang] = folded.get(lang, 0.0) + float(p)
    total = sum(folded.values())
    if total <= 0:
        return ()
    ranked = sorted(folded.items(), key=lambda item: (-item[1], item[0]))
    return tuple((lang, p / total) for lang, p in ranked[:KEPT] if p / total >= NEGLIGIBLE)
