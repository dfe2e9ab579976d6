"""The roles a column can have, and each language's header words for them: data, not code.

One table of words per language (:data:`WORDS`): a header the words know is a hint of its
column's role (:mod:`codegen.importer.columns.headers` matches headers against them,
:mod:`codegen.importer.columns.roles` checks the hint against the cells). A header word of
another language is a line in this file: add the language's table, or words to it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Literal

RoleKind = Literal["code", "message", "name", "group", "flag", "text"]


@dataclass(frozen=True)
class Role:
    """What a column holds; ``key`` names the attribute for group, flag and text columns."""

    kind: RoleKind
    key: str = ""


CODE = Role("code")
MESSAGE = Role("message")
NAME = Role("name")
RETRYABLE = Role("flag", "retryable")
CAUSE = Role("text", "cause")  # the message when no column says message

# One table of words per language: role -> exact headers. Keys of attribute roles are the
# catalog's attribute keys (the SMS catalog's service, category, classification, is_success).
WORDS: Mapping[str, Sequence[tuple[Role, tuple[str, ...]]]] = {
    "en": (
        (CODE, ("resultCode", "code", "Code Value", "Error Code", "Result Code", "errno")),
        (CODE, ("Status code", "Reason code", "Return code", "Response code", "Error ID")),
        (MESSAGE, ("resultMessage", "message", "Description", "Meaning", "Error Message")),
        (MESSAGE, ("Details", "Detail", "Explanation", "Summary", "Text")),
        (NAME, ("Name", "Status", "Enum", "Constant", "Identifier", "Symbol", "Key", "Error")),
        (NAME, ("Status name", "Error name", "Code name", "Reason phrase")),
        (Role("group", "service"), ("service",)),
        (Role("group", "category"), ("Category", "Group")),
        (Role("group", "classification"), ("Classification",)),
        (Role("flag", "is_success"), ("isSuccess", "isSuccessful")),
        (RETRYABLE, ("Retryable", "Retriable", "Retry", "Can retry", "Retry allowed")),
        (Role("text", "note"), ("Note", "Notes", "Remarks", "Remark", "Comment")),
        (CAUSE, ("Cause", "Possible cause", "Reason")),
        (Role("text", "solution"), ("Solution", "Resolution", "Action", "How to fix")),
        (Role("text", "date"), ("Date", "Released", "Updated")),
        (Role("text", "version"), ("Version", "API version")),
        (Role("text", "change"), ("Change", "Changes", "Change log", "Changelog")),
    ),
    "ja": (
        (CODE, ("コード値", "コード", "エラーコード", "結果コード", "エラー番号")),
        (MESSAGE, ("意味", "説明", "メッセージ", "内容", "エラー内容", "詳細")),
        (NAME, ("名前", "名称", "ステータス")),
        (Role("group", "service"), ("サービス",)),
        (Role("group", "category"), ("区分", "カテゴリ", "カテゴリー", "種別")),
        (Role("group", "classification"), ("分類",)),
        (Role("flag", "is_success"), ("成功可否", "成否")),
        (RETRYABLE, ("再試行", "再試行可能", "リトライ", "リトライ可能", "リトライ可否")),
        (Role("text", "note"), ("備考",)),
        (CAUSE, ("原因", "理由")),
        (Role("text", "solution"), ("対処", "対処方法", "対応", "対応方法")),
        (Role("text", "date"), ("日付", "更新日", "日時")),
        (Role("text", "version"), ("バージョン", "版")),
        (Role("text", "change"), ("変更内容", "変更点", "変更履歴")),
    ),
    "ko": (
        (CODE, ("코드", "코드 값", "에러 코드", "오류 코드", "결과 코드", "응답 코드")),
        (MESSAGE, ("설명", "의미", "메시지", "내용", "오류 메시지", "결과 메시지")),
        (NAME, ("이름", "상태", "상태명")),
        (Role("group", "service"), ("서비스",)),
        (Role("group", "category"), ("구분", "카테고리", "유형")),
        (Role("group", "classification"), ("분류",)),
        (Role("flag", "is_success"), ("성공 여부",)),
        (RETRYABLE, ("재시도", "재시도 가능", "재시도 여부")),
        (Role("text", "note"), ("비고",)),
        (CAUSE, ("원인", "사유")),
        (Role("text", "solution"), ("해결 방법", "조치", "조치 방법", "대응 방법")),
        (Role("text", "date"), ("날짜", "일자", "변경일")),
        (Role("text", "version"), ("버전",)),
        (Role("text", "change"), ("변경 내용", "변경 사항", "변경 이력")),
    ),
    "zh": (
        (CODE, ("错误码", "錯誤碼", "返回码", "状态码", "代码", "代碼", "错误代码")),
        (MESSAGE, ("错误信息", "錯誤訊息", "描述", "说明", "說明", "含义", "信息", "消息")),
        (NAME, ("名称", "名稱")),
        (Role("group", "category"), ("类别", "類別", "类型", "類型")),
        (Role("group", "classification"), ("分类", "分類")),
        (RETRYABLE, ("可重试", "是否可重试", "重试")),
        (Role("text", "note"), ("备注", "備註")),
        (Role("text", "solution"), ("解决方法", "解決方法", "处理建议", "处理方法")),
        (Role("text", "date"), ("日期",)),
        (Role("text", "version"), ("版本",)),
        (Role("text", "change"), ("变更", "變更", "变更内容", "更新内容")),
    ),
    "de": (
        (CODE, ("Fehlercode", "Statuscode", "Code-Wert", "Fehlernummer")),
        (MESSAGE, ("Beschreibung", "Bedeutung", "Meldung", "Nachricht", "Fehlermeldung")),
        (Role("group", "category"), ("Kategorie", "Gruppe")),
        (RETRYABLE, ("Wiederholbar", "Wiederholen", "Erneut versuchen")),
        (Role("text", "note"), ("Hinweis", "Anmerkung", "Bemerkung")),
        (CAUSE, ("Ursache", "Grund")),
        (Role("text", "solution"), ("Lösung", "Maßnahme", "Abhilfe")),
        (Role("text", "date"), ("Datum",)),
        (Role("text", "change"), ("Änderung", "Änderungen")),
    ),
    "es": (
        (CODE, ("Código", "Código de error", "Código de estado", "Código de respuesta")),
        (MESSAGE, ("Mensaje", "Descripción", "Significado", "Mensaje de error")),
        (Role("group", "category"), ("Categoría", "Tipo")),
        (RETRYABLE, ("Reintentar", "Reintentable", "Se puede reintentar")),
        (Role("text", "note"), ("Nota", "Notas", "Observaciones")),
        (CAUSE, ("Causa", "Motivo")),
        (Role("text", "solution"), ("Solución",)),
        (Role("text", "date"), ("Fecha",)),
        (Role("text", "version"), ("Versión",)),
        (Role("text", "change"), ("Cambio", "Cambios")),
    ),
    "fr": (
        (CODE, ("Code d'erreur", "Code de statut", "Code retour")),
        (MESSAGE, ("Libellé", "Signification", "Message d'erreur")),
        (NAME, ("Nom", "Statut", "Identifiant", "Constante", "Symbole")),
        (Role("group", "category"), ("Catégorie",)),
        (RETRYABLE, ("Réessayable", "Réessayer", "Nouvelle tentative")),
        (Role("text", "note"), ("Remarque", "Remarques")),
        (Role("text", "solution"), ("Résolution",)),
        (Role("text", "change"), ("Modification", "Modifications")),
    ),
    "pt": (
        (CODE, ("Código", "Código de erro", "Código de status", "Código de resposta")),
        (MESSAGE, ("Mensagem", "Descrição", "Mensagem de erro")),
        (Role("group", "category"), ("Categoria",)),
        (RETRYABLE, ("Repetível", "Tentar novamente")),
        (Role("text", "note"), ("Observação", "Observações")),
        (Role("text", "solution"), ("Solução",)),
        (Role("text", "date"), ("Data",)),
        (Role("text", "version"), ("Versão",)),
        (Role("text", "change"), ("Alteração", "Alterações", "Mudança")),
        (NAME, ("Nome", "Identificador", "Constante")),
    ),
    "it": (
        (CODE, ("Codice", "Codice di errore", "Codice errore")),
        (MESSAGE, ("Descrizione", "Messaggio", "Significato", "Messaggio di errore")),
        (NAME, ("Nome", "Identificatore", "Costante")),
        (Role("group", "category"), ("Categoria", "Tipo")),
        (CAUSE, ("Causa", "Motivo")),
        (Role("text", "solution"), ("Soluzione",)),
    ),
    "nl": (
        (CODE, ("Foutcode", "Statuscode", "Code")),
        (MESSAGE, ("Omschrijving", "Beschrijving", "Bericht", "Betekenis", "Foutmelding")),
        (NAME, ("Naam", "Identificatie")),
        (CAUSE, ("Oorzaak", "Reden")),
        (Role("text", "solution"), ("Oplossing",)),
    ),
    "no": (
        (CODE, ("Kode", "Feilkode", "Statuskode")),
        (MESSAGE, ("Melding", "Beskrivelse", "Feilmelding", "Betydning")),
        (NAME, ("Navn", "Identifikator", "Konstant")),
        (CAUSE, ("Årsak",)),
        (Role("text", "solution"), ("Løsning",)),
    ),
    "da": (
        (CODE, ("Kode", "Fejlkode", "Statuskode")),
        (MESSAGE, ("Besked", "Beskrivelse", "Fejlmeddelelse", "Betydning")),
        (NAME, ("Navn", "Identifikator", "Konstant")),
        (CAUSE, ("Årsag",)),
        (Role("text", "solution"), ("Løsning",)),
    ),
    "sv": (
        (CODE, ("Kod", "Felkod", "Statuskod")),
        (MESSAGE, ("Meddelande", "Beskrivning", "Felmeddelande", "Betydelse")),
        (NAME, ("Namn", "Identifierare", "Konstant")),
        (CAUSE, ("Orsak",)),
        (Role("text", "solution"), ("Lösning",)),
    ),
    "fi": (
        (CODE, ("Koodi", "Virhekoodi", "Tilakoodi")),
        (MESSAGE, ("Viesti", "Kuvaus", "Virheilmoitus", "Merkitys")),
        (NAME, ("Nimi", "Tunniste", "Vakio")),
        (CAUSE, ("Syy",)),
        (Role("text", "solution"), ("Ratkaisu",)),
    ),
    "pl": (
        (CODE, ("Kod", "Kod błędu", "Kod statusu", "Kod odpowiedzi")),
        (MESSAGE, ("Opis", "Komunikat", "Znaczenie", "Treść", "Opis błędu")),
        (NAME, ("Nazwa", "Identyfikator", "Stała")),
        (Role("group", "category"), ("Kategoria", "Typ")),
        (RETRYABLE, ("Ponawialny", "Ponowienie")),
        (CAUSE, ("Przyczyna", "Powód")),
        (Role("text", "solution"), ("Rozwiązanie", "Zalecane działanie", "Działanie")),
    ),
    "tr": (
        (CODE, ("Kod", "Hata kodu", "Durum kodu")),
        (MESSAGE, ("Açıklama", "Mesaj", "Anlam", "Hata mesajı")),
        (NAME, ("Ad", "Adı", "İsim", "Tanımlayıcı", "Sabit")),
        (Role("group", "category"), ("Kategori", "Tür")),
        (CAUSE, ("Neden", "Sebep")),
        (Role("text", "solution"), ("Çözüm",)),
    ),
    "ru": (
        (CODE, ("Код", "Код ошибки", "Код ответа")),
        (MESSAGE, ("Описание", "Сообщение", "Значение", "Текст ошибки")),
        (NAME, ("Название", "Имя", "Идентификатор", "Константа")),
        (Role("group", "category"), ("Категория", "Тип")),
        (CAUSE, ("Причина",)),
        (Role("text", "solution"), ("Решение",)),
    ),
    "uk": (
        (CODE, ("Код", "Код помилки", "Код відповіді")),
        (MESSAGE, ("Опис", "Повідомлення", "Значення")),
        (NAME, ("Назва", "Ім'я", "Ідентифікатор", "Константа")),
        (Role("group", "category"), ("Категорія", "Тип")),
        (CAUSE, ("Причина",)),
        (Role("text", "solution"), ("Рішення",)),
    ),
    "ar": (
        (CODE, ("الرمز", "رمز الخطأ", "رمز", "الكود", "كود الخطأ")),
        (MESSAGE, ("الوصف", "الرسالة", "المعنى", "رسالة الخطأ")),
        (NAME, ("الاسم", "المعرف")),
        (CAUSE, ("السبب",)),
        (Role("text", "solution"), ("الحل",)),
    ),
    "he": (
        (CODE, ("קוד", "קוד שגיאה")),
        (MESSAGE, ("תיאור", "הודעה", "משמעות", "הודעת שגיאה")),
        (NAME, ("שם", "מזהה")),
        (CAUSE, ("סיבה",)),
        (Role("text", "solution"), ("פתרון",)),
    ),
    "vi": (
        (CODE, ("Mã", "Mã lỗi")),
        (MESSAGE, ("Mô tả", "Thông báo", "Ý nghĩa")),
        (NAME, ("Tên",)),
        (CAUSE, ("Nguyên nhân",)),
    ),
    "id": (
        (CODE, ("Kode", "Kode kesalahan")),
        (MESSAGE, ("Deskripsi", "Pesan", "Arti", "Keterangan")),
        (NAME, ("Nama",)),
        (CAUSE, ("Penyebab",)),
    ),
}
# Stems a longer header may contain (``Status code``, ``Fehlercode``, ``결과 코드값``).
STEMS: Mapping[RoleKind, tuple[str, ...]] = {
    "code": (
        "code", "código", "codigo", "codice", "kode", "kod", "koodi", "код", "רמז", "رمز", "קוד", "mã",
        "コード", "코드", "码", "碼",
    ),
    "message": (
        "message", "mensaje", "mensagem", "meldung", "nachricht", "messaggio", "description",
        "descripción", "descrição", "beschreibung", "meaning", "bedeutung", "signification",
        "significado", "libellé", "descrizione", "omschrijving", "beschrijving", "bericht",
        "opis", "komunikat", "açıklama", "mesaj", "описание", "сообщение", "опис",
        "повідомлення", "الوصف", "الرسالة", "תיאור", "הודעה", "môtả", "thôngbáo",
        "deskripsi", "pesan", "melding", "beskrivelse", "besked", "meddelande", "beskrivning",
        "viesti", "kuvaus", "メッセージ", "説明", "意味", "内容", "메시지", "설명", "의미",
        "내용", "信息", "訊息", "消息", "描述", "说明", "說明",
    ),
}  # fmt: skip

# Stems of a header that asks whether to retry (``Will we retry?``, ``¿Reintentar?``): a
# hint of the retryable flag, which the column's cells must confirm (yes/no).
RETRY_STEMS = (
    "retry", "retri", "reintent", "wiederhol", "réessa", "riprov", "tentarnovamente",
    "再試行", "リトライ", "재시도", "重试", "重試",
)  # fmt: skip

# Words many languages write as they are: no sign of the page's language.
INTERNATIONAL = (
    "code", "text", "status", "name", "service", "category", "message", "key", "enum",
    "type", "group", "note", "notes", "details", "detail", "version", "action", "info",
    "resultCode", "resultMessage", "isSuccess", "isSuccessful", "errno", "Nr", "Nr.",
)  # fmt: skip
