"""Header words: what a column's header says it holds, as a hint to :mod:`.roles`.

The words are data, one table per language (:data:`WORDS`); headers are compared
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
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Literal

from codegen.errors import InputError
from codegen.validation_names import attribute_key_problem

RoleKind = Literal["code", "message", "name", "group", "flag", "text"]
RESERVED_KEYS = frozenset({"code", "message", "curated", "name"})
_KEY = re.compile(r"[a-z][a-z0-9_]*")
_PARENS = re.compile(r"^(?P<outer>[^(（]*)[(（](?P<inner>[^)）]*)[)）]\s*$")


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
        (NAME, ("Name", "Status", "Enum", "Constant", "Identifier", "Symbol", "Key")),
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
        (Role("group", "category"), ("Catégorie",)),
        (RETRYABLE, ("Réessayable", "Réessayer", "Nouvelle tentative")),
        (Role("text", "note"), ("Remarque", "Remarques")),
        (Role("text", "solution"), ("Résolution",)),
        (Role("text", "change"), ("Modification", "Modifications")),
    ),
    "pt": (
        (CODE, ("Código de erro", "Código de status")),
        (MESSAGE, ("Mensagem", "Descrição", "Mensagem de erro")),
        (Role("group", "category"), ("Categoria",)),
        (RETRYABLE, ("Repetível", "Tentar novamente")),
        (Role("text", "note"), ("Observação", "Observações")),
        (Role("text", "solution"), ("Solução",)),
        (Role("text", "date"), ("Data",)),
        (Role("text", "version"), ("Versão",)),
        (Role("text", "change"), ("Alteração", "Alterações", "Mudança")),
    ),
}

# Stems a longer header may contain (``Status code``, ``Fehlercode``, ``결과 코드값``).
_STEMS: Mapping[RoleKind, tuple[str, ...]] = {
    "code": ("code", "código", "codigo", "codice", "kode", "コード", "코드", "码", "碼"),
    "message": (
        "message", "mensaje", "mensagem", "meldung", "nachricht", "messaggio", "description",
        "descripción", "descrição", "beschreibung", "meaning", "bedeutung", "signification",
        "significado", "libellé", "メッセージ", "説明", "意味", "内容", "메시지", "설명",
        "의미", "내용", "信息", "訊息", "消息", "描述", "说明", "說明",
    ),
}  # fmt: skip


def normalize(header: str) -> str:
    """The form headers are compared in: case-folded, NFC, without spaces, ``_``, ``-``
    or a trailing ``:``/``?``."""
    text = unicodedata.normalize("NFC", header).casefold().rstrip(":：?？ ")
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
_INTERNATIONAL = frozenset(
    normalize(word)
    for word in (
        "code", "text", "status", "name", "service", "category", "message", "key", "enum",
        "type", "group", "note", "notes", "details", "detail", "version", "action", "info",
        "resultCode", "resultMessage", "isSuccess", "isSuccessful", "errno", "Nr", "Nr.",
    )
)  # fmt: skip


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
    found = _KNOWN.get(key)
    if found is not None:
        return found
    parts = _PARENS.match(header)
    if parts is not None:
        for part in (parts["outer"], parts["inner"]):
            found = _KNOWN.get(normalize(part))
            if found is not None:
                return found
    return _by_stem(key)


def _by_stem(key: str) -> Role | None:
    best: tuple[int, Role] | None = None
    for kind, stems in _STEMS.items():
        for stem in stems:
            at = key.rfind(stem)
            if at >= 0 and (best is None or at + len(stem) > best[0]):
                best = (at + len(stem), Role(kind))
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


def dictionary(
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
    known = hint(header)
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


def known_headers() -> Iterable[str]:
    """Every header the built-in words know (for help texts and tests)."""
    return (word for table in WORDS.values() for _, words in table for word in words)
