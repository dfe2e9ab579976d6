"""Documentation pages as hypothesis builds them, for the import invariant (issue #17).

A page is built from parts real pages have: front matter, MDX lines and shortcodes, a title,
sections with or without a heading (``{#id}`` ids), notes with colons, **code tables**
(pipe tables in Markdown, ``<table>`` in HTML; codes bare or as a code span, bold or a link;
messages with code spans and ``<br>``; attribute columns of groups, flags and notes; short
rows and extra cells in Markdown), lists of ``CODE: message`` lines, and tables that are
not code tables (HTTP methods, language tags, the digits of a code scheme, a retry policy
repeating codes of the page). Each code table carries what the page means by it, its codes
and messages as a reader of the page sees them, so a test can compare the catalog with the
page, not with what the importer made of it.
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field

from hypothesis import strategies as st

LANGS = ("en", "ja", "de", "ko")
_CODE_HEADERS = {
    "en": ("Code", "Error Code", "resultCode"),
    "ja": ("コード", "エラーコード"),
    "de": ("Fehlercode", "Code"),
    "ko": ("코드", "오류 코드"),
}
_MESSAGE_HEADERS = {
    "en": ("Message", "Description"),
    "ja": ("メッセージ", "説明"),
    "de": ("Beschreibung", "Meldung"),
    "ko": ("메시지", "설명"),
}


def _split(words: str) -> tuple[str, ...]:
    return tuple(words.split())


_WORDS = {
    "en": _split(
        "the token has expired request is invalid limit was reached user not found payment "
        "declined by bank sender number blocked for this account"
    ),
    "ja": _split(
        "トークン の 有効期限 が 切れました リクエスト 無効 です 上限 に 達しました ユーザー "
        "見つかりません 決済 拒否 されました"
    ),
    "de": _split(
        "das Token ist abgelaufen die Anfrage ungültig Limit erreicht Benutzer nicht gefunden "
        "Zahlung von der Bank abgelehnt Absender gesperrt"
    ),
    "ko": _split(
        "토큰이 만료되었습니다 요청이 잘못되었습니다 한도에 도달했습니다 사용자를 찾을 수 없습니다 "
        "결제가 거절되었습니다 발신 번호가 차단되었습니다"
    ),
}
_TITLES = {
    "en": ("Error codes", "Result codes", "API errors"),
    "ja": ("エラーコード", "結果コード一覧"),
    "de": ("Fehlercodes", "Statuscodes"),
    "ko": ("오류 코드", "결과 코드"),
}
_GROUPS = ("Auth", "Billing", "Sending")
# Notes, a guide line, a shortcode's text and a retry strategy, in the page's language: a
# page's texts are in one language (import refuses a page clearly in another).
_NOTES = {
    "en": (
        "Note: codes below are returned in the `code` field.",
        "See the guide: https://example.com/guide for details.",
        "Codes may be added at any time.",
        "exponential backoff",
    ),
    "ja": (
        "注意: 以下のコードは `code` フィールドで返されます。",
        "詳しくはガイドを参照してください: https://example.com/guide",
        "コードは予告なく追加されることがあります。",
        "指数バックオフ",
    ),
    "de": (
        "Hinweis: Die folgenden Codes stehen im Feld `code`.",
        "Siehe die Anleitung: https://example.com/guide für Einzelheiten.",
        "Es können jederzeit Codes hinzukommen.",
        "exponentielles Warten",
    ),
    "ko": (
        "참고: 아래 코드는 `code` 필드로 반환됩니다.",
        "자세한 내용은 안내서를 참고하세요: https://example.com/guide",
        "코드는 언제든지 추가될 수 있습니다.",
        "지수 백오프",
    ),
}


@dataclass(frozen=True)
class Row:
    """A code as the page means it: the code's value and its message as a reader sees it."""

    code: int | str
    message: str


@dataclass
class Page:
    """A page, its form, its language, and the code tables a reader sees on it."""

    text: str
    form: str  # markdown or html
    lang: str
    tables: list[list[Row]] = field(default_factory=list)


@st.composite
def _message(draw: st.DrawFn, lang: str, form: str) -> tuple[str, str]:
    """A message: (its source in the page, the text a reader sees)."""
    words = draw(st.lists(st.sampled_from(_WORDS[lang]), min_size=1, max_size=6))
    space = "" if lang == "ja" else " "
    text = space.join(words)
    source = text
    extra = draw(st.sampled_from(("", "", "", "code", "br", "dot", "paren")))
    if extra == "code":
        source, text = f"{source} `to_field`", f"{text} `to_field`"
        if form == "html":
            source = f"{html.escape(text[: -len(' `to_field`')])} <code>to_field</code>"
    elif extra == "br":
        tail = draw(st.sampled_from(_WORDS[lang]))
        source, text = f"{source}<br>{tail}", f"{text}\n{tail}"
    elif extra == "dot":
        source, text = f"{source}.", f"{text}."
    elif extra == "paren":
        source, text = f"{source} (max 90)", f"{text} (max 90)"
    return source, text


@st.composite
def _code_values(draw: st.DrawFn, count: int, used: set[str]) -> list[int | str]:
    kind = draw(st.sampled_from(("integer", "negative", "string")))
    if kind == "string":
        pool = st.from_regex(r"E_[A-Z]{2,8}(_[0-9]{1,3})?", fullmatch=True)
    elif kind == "negative":
        pool = st.integers(-9999, -1)
    else:
        pool = st.integers(1, 99999)
    values: list[int | str] = []
    for _ in range(count):
        value = draw(pool.filter(lambda v: str(v) not in used))
        used.add(str(value))
        values.append(value)
    return values


def _written(code: int | str, form: str, style: str) -> str:
    text = str(code)
    if form == "html":
        return {"code": f"<code>{text}</code>", "bold": f"<b>{text}</b>"}.get(style, text)
    return {
        "code": f"`{text}`",
        "bold": f"**{text}**",
        "link": f"[{text}](#e{text.lstrip('-')})",
    }.get(style, text)


@st.composite
def code_table(
    draw: st.DrawFn, lang: str, form: str, used: set[str]
) -> tuple[str, list[Row], list[int | str]]:
    """A code table: (its source, the rows a reader sees, its codes)."""
    count = draw(st.integers(1, 6))
    codes = draw(_code_values(count, used))
    style = draw(st.sampled_from(("bare", "bare", "code", "bold", "link")))
    messages = [draw(_message(lang, form)) for _ in codes]
    extras = draw(
        st.lists(st.sampled_from(("group", "flag", "marks", "note")), max_size=2, unique=True)
    )
    headers = [
        draw(st.sampled_from(_CODE_HEADERS[lang])),
        draw(st.sampled_from(_MESSAGE_HEADERS[lang])),
    ]
    extra_headers = {"group": "Category", "flag": "Retryable", "marks": "Retry", "note": "Note"}
    headers += [extra_headers[e] for e in extras]
    if draw(st.booleans()) and "group" in extras:  # the group first, as many pages have it
        at = 2 + extras.index("group")
        headers.insert(0, headers.pop(at))
    rows = []
    for code, (source, _) in zip(codes, messages):
        values = {
            "Category": draw(st.sampled_from(_GROUPS)),
            "Retryable": draw(st.sampled_from(("yes", "no"))),
            "Retry": draw(st.sampled_from(("X", ""))),
            "Note": draw(st.sampled_from(("", "see the limits page", "contact support"))),
        }
        row = []
        for header in headers:
            if header in _CODE_HEADERS[lang]:
                row.append(_written(code, form, style))
            elif header in _MESSAGE_HEADERS[lang]:
                row.append(source)
            else:
                row.append(values[header])
        rows.append(row)
    seen = [Row(code, text) for code, (_, text) in zip(codes, messages)]
    if form == "html":
        return _html_table(headers, rows), seen, codes
    broken = draw(st.sampled_from(("", "", "", "short", "extra")))
    return _pipe_table(headers, rows, broken), seen, codes


def _pipe_table(headers: list[str], rows: list[list[str]], broken: str) -> str:
    lines = ["| " + " | ".join(headers) + " |", "|" + "---|" * len(headers)]
    for index, row in enumerate(rows):
        cells = list(row)
        if index == 0 and broken == "short" and len(cells) > 2 and not cells[-1].strip():
            cells = cells[:-1]  # GitHub pads the row: the last cell is empty
        if index == 0 and broken == "extra":
            cells = [*cells, "stray"]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def _html_table(headers: list[str], rows: list[list[str]]) -> str:
    head = "".join(f"<th>{html.escape(h)}</th>" for h in headers)
    body = "".join("<tr>" + "".join(f"<td>{cell}</td>" for cell in row) + "</tr>\n" for row in rows)
    return f"<table>\n<thead><tr>{head}</tr></thead>\n<tbody>\n{body}</tbody>\n</table>"


@st.composite
def code_list(draw: st.DrawFn, lang: str, used: set[str]) -> tuple[str, list[Row]]:
    """Codes one per line: ``- E_X: message``."""
    count = draw(st.integers(2, 5))
    codes: list[int | str] = []
    while len(codes) < count:
        value = draw(st.from_regex(r"E_[A-Z]{2,8}", fullmatch=True))
        if value not in used:
            used.add(value)
            codes.append(value)
    marker = draw(st.sampled_from(("", "- ", "* ")))
    separator = draw(st.sampled_from((": ", " - ", " — ")))
    space = "" if lang == "ja" else " "
    rows = [
        Row(code, space.join(draw(st.lists(st.sampled_from(_WORDS[lang]), min_size=1, max_size=5))))
        for code in codes
    ]
    return "\n".join(f"{marker}{row.code}{separator}{row.message}" for row in rows), rows


_NOT_CODE_TABLES = (
    "| Method | Path |\n|---|---|\n| GET | /v1/messages |\n| POST | /v1/messages |",
    "| Language | Name |\n|---|---|\n| en | English |\n| ja | 日本語 |\n| ko | 한국어 |",
)


@st.composite
def pages(draw: st.DrawFn) -> Page:
    """A whole page: parts in any order, at least one code table or list among them or not."""
    lang = draw(st.sampled_from(LANGS))
    form = draw(st.sampled_from(("markdown", "markdown", "html")))
    used: set[str] = set()
    page = Page("", form, lang)
    parts: list[str] = []
    if form == "markdown" and draw(st.booleans()):
        title = draw(st.sampled_from(_TITLES[lang]))
        parts.append(f"---\ntitle: {title}\nslug: errors\n---")
    if form == "markdown" and draw(st.booleans()):
        parts.append("import Tabs from '@theme/Tabs';")
    if draw(st.booleans()):
        parts.append(_heading(1, draw(st.sampled_from(_TITLES[lang])), form))
    sections = draw(st.integers(1, 3))
    lists = form == "markdown" and draw(st.integers(0, 4)) == 0  # a page of lines, no table
    all_codes: list[int | str] = []
    for number in range(sections):
        if draw(st.integers(0, 3)) > 0:
            heading = f"{draw(st.sampled_from(_TITLES[lang]))} {number + 1}"
            if form == "markdown" and draw(st.booleans()):
                heading += f" {{#s{number}}}"
            parts.append(_heading(2, heading, form))
        if draw(st.booleans()):
            note = _NOTES[lang][0]
            parts.append(f"<p>{html.escape(note)}</p>" if form == "html" else note)
        if lists:
            source, rows = draw(code_list(lang, used))
            parts.append(source)
            page.tables.append(rows)
            continue
        kind = draw(st.sampled_from(("code", "code", "code", "other", "prose")))
        if kind == "code":
            source, rows, codes = draw(code_table(lang, form, used))
            parts.append(source)
            page.tables.append(rows)
            all_codes = codes  # the last code table's
        elif kind == "other" and form == "markdown":
            parts.append(draw(st.sampled_from(_NOT_CODE_TABLES)))
        else:
            parts.append(_NOTES[lang][1])
        if form == "markdown" and draw(st.integers(0, 5)) == 0:
            parts.append(f"{{{{< alert >}}}}{_NOTES[lang][2]}{{{{< /alert >}}}}")
    if form == "markdown" and all_codes and draw(st.integers(0, 3)) == 0:  # repeats codes
        subset = all_codes[: draw(st.integers(1, len(all_codes)))]
        retry = "\n".join(f"| {c} | {_NOTES[lang][3]} |" for c in subset)
        parts.append(f"## Retry\n\n| Code | Strategy |\n|---|---|\n{retry}")
    body = "\n\n".join(parts) + "\n"
    page.text = f"<html><body>\n{body}</body></html>\n" if form == "html" else body
    return page


def _heading(level: int, text: str, form: str) -> str:
    return (
        f"<h{level}>{html.escape(text)}</h{level}>" if form == "html" else f"{'#' * level} {text}"
    )
