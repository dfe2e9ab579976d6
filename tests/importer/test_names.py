"""The names ``codegen import`` gives what it adds (codegen.importer.merge.names): letters
transliterated, cut between words, never ending in a filler word, always valid."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from codegen.catalog.naming import PASCAL, UPPER_SNAKE, name_problem
from codegen.importer.merge.names import code_name, latin, set_name, value_name


def _message_name(message: str) -> str:
    return code_name(1, message, None, set()).text


# --- letters --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("label", "name"),
    [
        ("Błąd płatności", "BLAD_PLATNOSCI"),  # ł is no accented l: NFKD kept nothing of it
        ("Straße", "STRASSE"),
        ("STRAßE", "STRASSE"),
        ("Søknad avvist", "SOKNAD_AVVIST"),
        ("Æble", "AEBLE"),
        ("Æ", "AE"),
        ("Reçu refusé", "RECU_REFUSE"),
        ("Işlem hatası", "ISLEM_HATASI"),  # Turkish ı, ş
        ("İşlem doğrulanmadı", "ISLEM_DOGRULANMADI"),  # Turkish İ, ğ
    ],
)
def test_latin_letters_are_transliterated_never_dropped(label: str, name: str) -> None:
    assert value_name(label, "status", 1, set()).text == name


def test_a_set_title_in_latin_letters_becomes_its_pascal_case_name() -> None:
    assert set_name("Kody błędów płatności", 1, set()).text == "KodyBledowPlatnosci"
    assert set_name("Ærø færge fejl", 1, set()).text == "AeroFaergeFejl"
    assert set_name("Hata kodları", 1, set()).text == "HataKodlari"
    assert set_name("Códigos de estado", 1, set()).text == "CodigosDeEstado"


def test_letters_like_l_stroke_o_slash_and_sharp_s_count_as_latin() -> None:
    assert latin("Łódź ØRESUND Maß ĳs")
    assert latin("Hata kodları")


@pytest.mark.parametrize("title", ["Коды ошибок платежей", "Κωδικοί σφάλματος", "APIエラー"])
def test_a_title_in_another_script_is_not_folded_into_a_set_name(title: str) -> None:
    """anyascii would spell it out (``Kody oshibok``), but a name a reader of the page
    cannot match with its title helps nobody: the set is numbered, for a person to name."""
    assert not latin(title)
    assert set_name(title, 2, set()).text == "CodeSet2"
    assert value_name(title, "category", 3, set()).text == "CATEGORY_3"


def test_an_apostrophe_inside_a_word_is_no_word_break() -> None:
    assert _message_name("The key's scope is wrong") == "KEYS_SCOPE_IS_WRONG"
    assert _message_name("The key’s scope is wrong") == "KEYS_SCOPE_IS_WRONG"
    assert _message_name("Can't reach the 'sender'") == "CANT_REACH_SENDER"


# --- words ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("message", "name"),
    [
        ("API key is invalid or was revoked by its owner", "API_KEY_IS_INVALID"),
        ("Amount must be a positive integer in cents", "AMOUNT_MUST_BE_POSITIVE_INTEGER"),
        ("Maximum number of pins reached for this user", "MAXIMUM_NUMBER_OF_PINS_REACHED"),
        ("Sender ID is registered but not approved", "SENDER_ID_IS_REGISTERED_BUT_NOT"),
        ("Card not found", "CARD_NOT_FOUND"),
    ],
)
def test_a_name_from_a_message_never_ends_in_a_filler_word_but_keeps_not(
    message: str, name: str
) -> None:
    assert _message_name(message) == name


def test_a_cut_label_or_title_never_ends_in_a_filler_word_either() -> None:
    label = "Queued for delivery to the carrier by the gateway"
    assert value_name(label, "status", 1, set()).text == "QUEUED_FOR_DELIVERY_TO_CARRIER"
    title = "Codes the refund service returns for failed payouts"
    assert set_name(title, 1, set()).text == "CodesTheRefundServiceReturns"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Not logged in", "NOT_LOGGED_IN"),
        ("Opt in", "OPT_IN"),
        ("On", "ON"),
        ("Sent to", "SENT_TO"),
    ],
)
def test_a_phrase_kept_whole_keeps_its_last_word(text: str, name: str) -> None:
    """Only a cut leaves a filler word dangling: a whole phrase ends as it was written."""
    assert _message_name(text) == name
    assert value_name(text, "status", 1, set()).text == name


def test_a_cut_phrase_of_only_filler_words_keeps_its_first_word() -> None:
    assert _message_name("To the of in on at by for with") == "TO"


def test_a_long_message_is_cut_between_words_within_48_characters() -> None:
    message = "Authentication credentials unavailable because configuration synchronisation failed"
    name = _message_name(message)
    assert name == "AUTHENTICATION_CREDENTIALS_UNAVAILABLE"  # "because" dropped after the cut
    assert len(name) <= 48
    words = message.upper().split()
    assert name.split("_") == words[: len(name.split("_"))]


def test_a_single_word_longer_than_the_limit_is_kept_whole() -> None:
    word = "Pneumonoultramicroscopicsilicovolcanoconiosisdetected"
    assert _message_name(f"{word} again") == word.upper()


def test_a_name_the_document_gives_is_only_made_upper_snake() -> None:
    """No filler trimmed, no six-word cut: the document's name is the document's."""
    name = code_name(1, "Retry later", "RetryLaterOr", set())
    assert (name.text, name.derived) == ("RETRY_LATER_OR", False)
    assert code_name("send_to", None, None, set()).text == "SEND_TO"


# --- codes ----------------------------------------------------------------------------------


@pytest.mark.parametrize("code", [-106, "-106"])
def test_a_negative_code_is_named_code_m_and_its_digits(code: int | str) -> None:
    """As README says (``-100`` -> ``CODE_M100``), in an integer set and in a string set."""
    assert code_name(code, None, None, set()).text == "CODE_M106"


def test_a_code_that_starts_with_a_letter_is_its_own_name() -> None:
    assert code_name("E915", None, None, set()).text == "E915"
    assert code_name("0x8004a0ff", None, None, set()).text == "CODE_0X8004A0FF"


# --- always valid ---------------------------------------------------------------------------

AWKWARD = ["", " ", "!!!", "123", "Or", "TODO: fix this", "todo x", "🙂", "None", "Ω", "___"]


@pytest.mark.parametrize("text", AWKWARD)
def test_no_text_makes_an_empty_or_invalid_name(text: str) -> None:
    for code in (7, "-7", "TODO_7", "todo_seven"):
        name = code_name(code, text, text, set()).text
        assert name and name_problem(name, UPPER_SNAKE, "code") is None, (code, name)
    value = value_name(text, "todo", 1, set()).text
    assert value and name_problem(value, UPPER_SNAKE, "value") is None, value
    code_set = set_name(text, 1, set()).text
    assert name_problem(code_set, PASCAL, "set") is None, code_set


def test_a_set_name_taken_twice_over_is_still_pascal_case() -> None:
    name = set_name("Errors", 3, {"Errors", "Errors3"}).text
    assert name_problem(name, PASCAL, "set") is None, name


@settings(max_examples=300, deadline=None)
@given(text=st.text(max_size=80), position=st.integers(1, 99))
def test_every_name_is_valid_whatever_the_text(text: str, position: int) -> None:
    names = [
        (code_name(position, text, None, set()).text, UPPER_SNAKE),
        (code_name(str(-position), None, text, set()).text, UPPER_SNAKE),
        (value_name(text, "status", position, set()).text, UPPER_SNAKE),
        (set_name(text, position, set()).text, PASCAL),
    ]
    for name, rule in names:
        assert name and name_problem(name, rule, "it") is None, (text, name)
