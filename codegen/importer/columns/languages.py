"""Languages as a page names them: ISO 639-1 codes, and language names in headers.

Data, not code. :data:`LANGUAGE_CODES` tells a column of language tags (``es-MX``) from a
column of codes (:mod:`codegen.importer.combine`); :func:`header_language` reads the
language a header names (``English message``, ``中文说明``, ``Message (EN)``), so two
message columns in two languages can be told apart (:mod:`codegen.importer.bilingual`). A
language name of another language is a word here.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

_ISO_639_1 = (
    "aa ab ae af ak am an ar as av ay az ba be bg bh bi bm bn bo br bs ca ce ch co cr cs "
    "cu cv cy da de dv dz ee el en eo es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha "
    "he hi ho hr ht hu hy hz ia id ie ig ii ik io is it iu ja jv ka kg ki kj kk kl km kn "
    "ko kr ks ku kv kw ky la lb lg li ln lo lt lu lv mg mh mi mk ml mn mr ms mt my na nb "
    "nd ne ng nl nn no nr nv ny oc oj om or os pa pi pl ps pt qu rm rn ro ru rw sa sc sd "
    "se sg si sk sl sm sn so sq sr ss st su sv sw ta te tg th ti tk tl tn to tr ts tt tw "
    "ty ug uk ur uz ve vi vo wa wo xh yi yo za zh zu"
)
LANGUAGE_CODES = frozenset(_ISO_639_1.split())

# Each language's names: in English, in itself, and in the languages of the header words
# (:mod:`.words`). Compared case-folded; a name of Latin letters as a whole word.
NAMES: Mapping[str, tuple[str, ...]] = {
    "en": (
        "English", "英語", "英文", "英语", "영어", "Englisch", "anglais", "inglés", "inglês",
        "inglese", "Engels", "angielski", "İngilizce", "английский", "англійська",
        "الإنجليزية", "الانجليزية", "אנגלית", "Tiếng Anh", "Inggris", "engelsk", "engelska",
        "englanti",
    ),
    "ja": (
        "Japanese", "日本語", "日语", "日文", "일본어", "Japanisch", "japonais", "japonés",
        "japonês", "giapponese", "Japans", "japoński", "Japonca", "японский",
    ),
    "ko": (
        "Korean", "한국어", "한글", "韓国語", "韩语", "韓語", "韩文", "Koreanisch", "coréen",
        "coreano", "Koreaans", "koreański", "Korece", "корейский",
    ),
    "zh": (
        "Chinese", "中文", "中国語", "汉语", "漢語", "简体中文", "繁體中文", "中國語", "중국어",
        "Chinesisch", "chinois", "chino", "chinês", "cinese", "Chinees", "chiński", "Çince",
        "китайский",
    ),
    "de": (
        "German", "Deutsch", "ドイツ語", "德语", "德語", "독일어", "allemand", "alemán",
        "alemão", "tedesco", "Duits", "niemiecki", "Almanca", "немецкий",
    ),
    "fr": (
        "French", "Français", "フランス語", "法语", "法語", "프랑스어", "Französisch",
        "francés", "francês", "francese", "Frans", "francuski", "Fransızca", "французский",
    ),
    "es": (
        "Spanish", "Español", "スペイン語", "西班牙语", "西班牙語", "스페인어", "Spanisch",
        "espagnol", "espanhol", "spagnolo", "Spaans", "hiszpański", "İspanyolca",
        "испанский",
    ),
    "pt": (
        "Portuguese", "Português", "ポルトガル語", "葡萄牙语", "포르투갈어", "Portugiesisch",
        "portugais", "portugués", "portoghese", "Portugees",
    ),
    "it": ("Italian", "Italiano", "イタリア語", "意大利语", "이탈리아어", "Italienisch", "italien"),
    "nl": ("Dutch", "Nederlands", "オランダ語", "荷兰语", "네덜란드어", "Niederländisch"),
    "pl": ("Polish", "Polski", "ポーランド語", "波兰语", "폴란드어", "Polnisch", "polonais"),
    "tr": ("Turkish", "Türkçe", "トルコ語", "土耳其语", "터키어", "Türkisch", "turc"),
    "ru": ("Russian", "Русский", "ロシア語", "俄语", "러시아어", "Russisch", "russe", "ruso"),
    "uk": ("Ukrainian", "Українська", "ウクライナ語", "乌克兰语", "우크라이나어", "Ukrainisch"),
    "ar": ("Arabic", "العربية", "عربي", "アラビア語", "阿拉伯语", "아랍어", "Arabisch", "arabe"),
    "he": ("Hebrew", "עברית", "ヘブライ語", "希伯来语", "히브리어", "Hebräisch", "hébreu"),
    "vi": ("Vietnamese", "Tiếng Việt", "ベトナム語", "越南语", "베트남어", "Vietnamesisch"),
    "id": ("Indonesian", "Bahasa Indonesia", "インドネシア語", "印尼语", "인도네시아어"),
    "th": ("Thai", "ภาษาไทย", "タイ語", "泰语", "태국어", "Thailändisch"),
    "no": ("Norwegian", "Norsk", "ノルウェー語", "挪威语", "노르웨이어", "Norwegisch"),
    "sv": ("Swedish", "Svenska", "スウェーデン語", "瑞典语", "스웨덴어", "Schwedisch"),
    "da": ("Danish", "Dansk", "デンマーク語", "丹麦语", "덴마크어", "Dänisch"),
    "fi": ("Finnish", "Suomi", "フィンランド語", "芬兰语", "핀란드어", "Finnisch"),
}  # fmt: skip

# A tag written beside a header: "Message (EN)", "message [ja]", "message_ko", "Text-de".
_TAG = re.compile(r"(?:\(\s*|\[\s*|[_-])([A-Za-z]{2})(?:[-_][A-Za-z]{2,4})?\s*(?:[)\]]\s*)?$")
_LATIN_NAME = re.compile(r"[A-Za-zÀ-ÿİıłńśźżçşğ ]+")


def _compiled() -> list[tuple[re.Pattern[str], str]]:
    patterns = []
    for lang, names in NAMES.items():
        for name in names:
            folded = re.escape(name.casefold())
            word = _LATIN_NAME.fullmatch(name) is not None
            patterns.append((re.compile(rf"(?<!\w){folded}(?!\w)" if word else folded), lang))
    return patterns


_PATTERNS = _compiled()


def header_language(header: str) -> str | None:
    """The language ``header`` names (``English message`` → ``en``, ``中文说明`` → ``zh``,
    ``Message (KO)`` → ``ko``), or None when it names none or more than one."""
    folded = header.casefold()
    found = {lang for pattern, lang in _PATTERNS if pattern.search(folded)}
    tag = _TAG.search(header.strip())
    if tag is not None and tag[1].lower() in LANGUAGE_CODES:
        found.add(tag[1].lower())
    return found.pop() if len(found) == 1 else None
