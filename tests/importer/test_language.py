"""The language of a page's texts: told from the texts (codegen.importer.identify), and
held against the language the page is imported as (codegen.importer.language)."""

from __future__ import annotations

import subprocess
import sys

import pytest

from codegen.errors import InputError
from codegen.importer.columns.headers import header_dictionary
from codegen.importer.document import Document, parse_document
from codegen.importer.identify import identify_column, identify_texts, primary
from codegen.importer.identify.texts import MAX_SAMPLE, _sample
from codegen.importer.identify.words import words
from codegen.importer.language import (
    check_text_language,
    clearly_other,
    identify_document,
    page_texts,
)
from tests.support.paths import REPO

# Four short API error messages per language, as a documentation page has them.
PAGES = {
    "en": ["The recipient number is not valid", "Message body is empty",
           "The API key has expired", "Too many requests, try again later"],
    "de": ["Die Empfängernummer ist ungültig", "Nachricht wurde nicht zugestellt",
           "Der API-Schlüssel ist abgelaufen", "Guthaben reicht nicht aus"],
    "fr": ["Le numéro du destinataire est invalide", "Le corps du message est vide",
           "La clé API a expiré", "Service temporairement indisponible"],
    "es": ["El número del destinatario no es válido", "El cuerpo del mensaje está vacío",
           "La clave de la API ha caducado", "Saldo insuficiente en la cuenta"],
    "pt": ["O número do destinatário não é válido", "O corpo da mensagem está vazio",
           "A chave da API expirou", "Serviço temporariamente indisponível"],
    "it": ["Il numero del destinatario non è valido", "Il corpo del messaggio è vuoto",
           "La chiave API è scaduta", "Servizio temporaneamente non disponibile"],
    "nl": ["Het nummer van de ontvanger is ongeldig", "De inhoud van het bericht is leeg",
           "De API-sleutel is verlopen", "Dienst tijdelijk niet beschikbaar"],
    "pl": ["Numer odbiorcy jest nieprawidłowy", "Treść wiadomości jest pusta",
           "Klucz API wygasł", "Usługa chwilowo niedostępna"],
    "tr": ["Alıcı numarası geçersiz", "Mesaj içeriği boş",
           "API anahtarının süresi doldu", "Hizmet geçici olarak kullanılamıyor"],
    "ja": ["宛先の電話番号が不正です", "本文が空です",
           "APIキーの有効期限が切れています", "残高が不足しています"],
    "ko": ["수신자 번호가 올바르지 않습니다", "메시지 본문이 비어 있습니다",
           "API 키가 만료되었습니다", "잔액이 부족합니다"],
    "zh": ["手机号码格式错误", "短信内容为空", "发送频率过高，请稍后再试", "账户余额不足"],
    "ru": ["Номер получателя недействителен", "Текст сообщения пуст",
           "Срок действия ключа API истёк", "Сервис временно недоступен"],
    "uk": ["Номер одержувача недійсний", "Текст повідомлення порожній",
           "Термін дії ключа API минув", "Сервіс тимчасово недоступний"],
    "ar": ["رقم المستلم غير صالح", "نص الرسالة فارغ",
           "انتهت صلاحية مفتاح الواجهة", "الخدمة غير متاحة مؤقتا"],
    "he": ["מספר הנמען אינו תקין", "גוף ההודעה ריק",
           "תוקף מפתח ה-API פג", "השירות אינו זמין זמנית"],
}  # fmt: skip
SCRIPTS = {"ja": "Kana", "ko": "Hangul", "zh": "Han", "ru": "Cyrillic", "uk": "Cyrillic",
           "ar": "Arabic", "he": "Hebrew"}  # fmt: skip


def _page(markdown: str) -> Document:
    return parse_document(markdown, "page.md", "markdown", header_dictionary([]))


def _table(*messages: str, title: str = "") -> str:
    rows = "".join(f"| {100 + n} | {message} |\n" for n, message in enumerate(messages))
    return (f"# {title}\n\n" if title else "") + "| Code | Message |\n|---|---|\n" + rows


# --- what the texts say ---------------------------------------------------------------------


@pytest.mark.parametrize("lang", sorted(PAGES))
def test_four_short_messages_are_their_language_and_clearly_no_other(lang: str) -> None:
    """Every language of another script is ruled out; so is every other Latin-script
    language, where the model is sure on four messages (Cyrillic and Han need more)."""
    found = identify_texts(PAGES[lang])
    assert (found.lang, found.script) == (lang, SCRIPTS.get(lang, "Latin")), found
    assert not clearly_other(found, lang)
    family = {"Kana": "CJK", "Han": "CJK"}  # Han without kana may be Japanese
    script = SCRIPTS.get(lang, "Latin")
    others = [
        other
        for other in PAGES
        if family.get(SCRIPTS.get(other, "Latin"), "") != family.get(script, script)
        and SCRIPTS.get(other, "Latin") != script
    ]
    if script == "Latin":
        others = [other for other in PAGES if other != lang]
        assert found.confidence >= 0.9
    assert [other for other in others if not clearly_other(found, other)] == []


@pytest.mark.parametrize("lang", sorted(PAGES))
def test_one_message_alone_is_never_taken_for_another_language(lang: str) -> None:
    for message in PAGES[lang]:
        assert not clearly_other(identify_texts([message]), lang), message


@pytest.mark.parametrize(
    "texts",
    [
        ["Success", "Invalid key", "Timeout"],
        ["OK", "Failed", "Retry"],
        ["Enum", "Mapping", "Optional", "One", "Two", "One", "Two"],
        ["Yes it is", "No way", "Null"],
    ],
)
def test_a_few_words_are_clearly_no_language_written_in_latin(texts: list[str]) -> None:
    """Three one-word messages could be English, or names: no Latin-script language is
    ruled out (only those written in other scripts)."""
    found = identify_texts(texts)
    assert found.confidence < 0.9
    assert [
        lang for lang in ("en", "de", "fr", "es", "nl", "pt") if clearly_other(found, lang)
    ] == []
    assert clearly_other(found, "ja") == (found.letters >= 24)


def test_codes_numbers_urls_placeholders_and_identifiers_are_not_language() -> None:
    text = (
        "`E_INVALID` 300KB v2.1 requestId HTTP https://x.example/a?b=1 ops@x.example "
        "{name} %s 0x1F snake_case a.b.c"
    )
    assert words(text) == []
    assert identify_texts([text, "-1000", "404", "`code`"]).lang is None
    assert words("添付ファイルのサイズが300KBを超える場合") == [
        "添付ファイルのサイズが",
        "を超える場合",
    ]


def test_a_japanese_page_with_english_identifiers_is_japanese() -> None:
    texts = [
        "requestIdが不正です",
        "Content-Typeヘッダーが正しくありません",
        "Sender IDが登録されていません",
        "`templateId` が空の場合",
        "無効なcontentType. Only application/JSON",
        "APIキーが無効です",
    ]
    found = identify_texts(texts)
    assert (found.lang, found.script) == ("ja", "Kana")
    assert clearly_other(found, "en") and clearly_other(found, "zh")
    assert not clearly_other(found, "ja")


def test_an_english_page_quoting_a_few_japanese_words_is_english() -> None:
    texts = PAGES["en"] + ["The sender name 送信者 is not registered", "Use UTF-8, not 文字化け"]
    found = identify_texts(texts)
    assert found.lang == "en" and clearly_other(found, "ja") and not clearly_other(found, "en")


def test_a_page_half_in_two_scripts_is_clearly_neither() -> None:
    texts = [t for pair in zip(PAGES["zh"], PAGES["en"], strict=True) for t in pair]
    found = identify_texts(texts)
    assert found.share < 0.8
    assert not clearly_other(found, "zh") and not clearly_other(found, "en")


def test_han_without_kana_is_chinese_only_at_length() -> None:
    """Terse Japanese can be all kanji (認証失敗): without kana a page is told Chinese only
    from some 60 characters on; any other language is ruled out at once."""
    kanji = ["認証失敗", "権限不足", "残高不足", "送信失敗", "番号不正", "内容過長"]
    found = identify_texts(kanji)
    assert found.script == "Han"
    assert not clearly_other(found, "ja") and not clearly_other(found, "zh")
    assert clearly_other(found, "en") and clearly_other(found, "ko")
    long_chinese = PAGES["zh"] * 4
    assert clearly_other(identify_texts(long_chinese), "ja")


@pytest.mark.parametrize(
    ("texts", "lang"),
    [
        (["Ο αριθμός παραλήπτη δεν είναι έγκυρος", "Το μήνυμα είναι κενό"], "el"),
        (["หมายเลขผู้รับไม่ถูกต้อง", "ข้อความว่างเปล่า"], "th"),
        (["प्राप्तकर्ता का नंबर अमान्य है", "संदेश खाली है", "सेवा अस्थायी रूप से अनुपलब्ध है"], "hi"),
        (["سرویس موقتا در دسترس نیست", "شماره گیرنده نامعتبر است", "متن پیام خالی است"], "fa"),
    ],
)
def test_each_script_names_its_languages(texts: list[str], lang: str) -> None:
    found = identify_texts(texts)
    assert found.lang == lang, found
    assert clearly_other(found, "en") and not clearly_other(found, lang)


@pytest.mark.parametrize(
    ("tag", "same"),
    [("en-US", "en"), ("zh-Hant", "zh"), ("pt_BR", "pt"), ("iw", "he"), ("nb", "no")],
)
def test_tags_are_compared_by_their_primary_subtag(tag: str, same: str) -> None:
    assert primary(tag) == same


def test_a_regional_tag_matches_its_language() -> None:
    assert not clearly_other(identify_texts(PAGES["en"]), "en-GB")
    assert not clearly_other(identify_texts(PAGES["zh"]), "zh-Hans")
    assert clearly_other(identify_texts(PAGES["en"]), "de-CH")


def test_close_languages_are_never_clearly_one_another() -> None:
    norwegian = ["Mottakerens nummer er ugyldig", "Meldingen er tom", "API-nøkkelen har utløpt",
                 "For mange forespørsler, prøv igjen senere"]  # fmt: skip
    assert not clearly_other(identify_texts(norwegian), "da")
    assert not clearly_other(identify_texts(PAGES["de"]), "lb")


def test_two_message_columns_in_two_languages_come_out_as_two_languages() -> None:
    chinese = identify_column(PAGES["zh"])
    english = identify_column(PAGES["en"])
    assert (chinese.lang, english.lang) == ("zh", "en")
    assert chinese.confidence >= 0.5 and english.confidence >= 0.9
    assert identify_column(["E1", "E2", "-1000", ""]).lang is None
    assert identify_column(["Yes"]).confidence < 0.5


def test_a_long_page_is_read_from_a_bounded_sample() -> None:
    texts = [f"Message number {n} is not valid for this account" for n in range(50_000)]
    sample = _sample(texts)
    assert sum(len(text) for text in sample) <= MAX_SAMPLE + 50
    assert sample == _sample(texts)  # the same texts for the same page
    assert identify_texts(texts).lang == "en"


# --- the page against its language ------------------------------------------------------------


def test_the_page_texts_are_titles_messages_and_text_columns_but_no_codes_or_labels() -> None:
    page = _page(
        "# Zahlungen\n\n## Fehler\n\n| Code | Meldung | Lösung | Stufe | Nochmal |\n"
        "|---|---|---|---|---|\n"
        "| 17 | Karte abgelehnt | Eine andere Karte verwenden | hoch | ja |\n"
        "| 18 | Betrag fehlt | Den Betrag angeben | niedrig | nein |\n"
        "| 19 | Konto gesperrt | Den Support anrufen | hoch | ja |\n"
    )
    texts = page_texts(page)
    assert "Karte abgelehnt" in texts and "Eine andere Karte verwenden" in texts
    assert "Zahlungen" in texts and "Fehler" in texts
    assert not {"17", "hoch", "ja", "Meldung"} & set(texts)
    assert identify_document(page).lang == "de"


def test_a_page_clearly_in_another_language_is_refused_in_one_line() -> None:
    page = _page(_table(*PAGES["en"], title="Send API errors"))
    with pytest.raises(InputError) as raised:
        check_text_language(page, "de", given=True)
    message = str(raised.value)
    assert "\n" not in message
    assert message.startswith("page.md:3:1: the page's texts are in en (")
    assert "not de, as --lang says: import it with --lang en, or add --lang-mismatch-ok" in message
    check_text_language(page, "en", given=True)
    check_text_language(page, "en-US", given=True)


def test_without_lang_the_page_is_held_against_the_source_language() -> None:
    page = _page(_table(*PAGES["de"]))
    with pytest.raises(InputError, match="not en, the catalog's source language: import it "
                       "with --lang de, or add --lang-mismatch-ok"):  # fmt: skip
        check_text_language(page, "en", given=False)
    check_text_language(page, "de", given=False)


@pytest.mark.parametrize("lang", sorted(PAGES))
def test_a_translation_page_in_its_language_is_accepted(lang: str) -> None:
    check_text_language(_page(_table(*PAGES[lang])), lang, given=True)


def test_a_short_page_is_not_refused() -> None:
    page = _page(_table("First", "Second", "Third"))
    for lang in ("en", "de", "fr", "nl", "no", "tr"):
        check_text_language(page, lang, given=True)


# --- cost ------------------------------------------------------------------------------------


def test_the_model_is_imported_only_when_a_page_is_read() -> None:
    """numpy and py3langid (about 0.5 s) load on the first page that needs them: importing
    the command line, the import command or the importer loads neither."""
    script = (
        "import sys\n"
        "import codegen.cli, codegen.commands.import_, codegen.importer.language\n"
        "import codegen.importer.identify\n"
        "assert not {'numpy', 'py3langid'} & {m.split('.')[0] for m in sys.modules}\n"
        "from codegen.importer.identify import identify_texts\n"
        "identify_texts(['宛先の電話番号が不正です'])  # kana: no model needed\n"
        "assert 'py3langid' not in sys.modules\n"
        "identify_texts(['The recipient number is not valid'])\n"
        "assert 'py3langid' in sys.modules\n"
    )
    subprocess.run([sys.executable, "-c", script], cwd=REPO, check=True)
