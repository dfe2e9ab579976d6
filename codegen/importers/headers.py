"""The header dictionary: which column of a code table holds the code, the message, or an attribute.

Headers are recognised by their text in Japanese, English and Korean, ignoring case, spaces,
``_`` and ``-`` (``resultCode``, ``Code Value``, ``コード値`` and ``코드`` are all the code column).
A header the dictionary does not know is mapped on the command line with
``--column "HEADER=ROLE"``, ROLE being ``code``, ``message`` or ``KEY:KIND`` (KIND ``group``,
``flag`` or ``text``); such a mapping takes precedence over the dictionary.
"""

from __future__ import annotations

import keyword
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Literal

from codegen.errors import InputError

RoleKind = Literal["code", "message", "group", "flag", "text"]
RESERVED_KEYS = frozenset({"code", "message", "curated", "name"})
_KEY = re.compile(r"[a-z][a-z0-9_]*")


@dataclass(frozen=True)
class Role:
    """What a column holds; ``key`` names the attribute for group, flag and text columns."""

    kind: RoleKind
    key: str = ""


CODE = Role("code")
MESSAGE = Role("message")

_DICTIONARY: tuple[tuple[Role, tuple[str, ...]], ...] = (
    (
        CODE,
        (
            "resultCode",
            "code",
            "Code Value",
            "Error Code",
            "Result Code",
            "コード値",
            "コード",
            "エラーコード",
            "結果コード",
            "코드",
            "코드 값",
            "에러 코드",
            "오류 코드",
            "결과 코드",
        ),
    ),
    (
        MESSAGE,
        (
            "resultMessage",
            "message",
            "Description",
            "Meaning",
            "Error Message",
            "意味",
            "説明",
            "メッセージ",
            "内容",
            "설명",
            "의미",
            "메시지",
            "내용",
        ),
    ),
    (Role("group", "service"), ("service", "サービス", "서비스")),
    (Role("group", "category"), ("Category", "区分", "カテゴリ", "カテゴリー", "구분", "카테고리")),
    (Role("group", "classification"), ("Classification", "分類", "분류")),
    (Role("flag", "is_success"), ("isSuccess", "isSuccessful", "성공 여부", "成功可否")),
)


def normalize(header: str) -> str:
    """The form headers are compared in: case-folded, without spaces, ``_`` or ``-``."""
    return "".join(ch for ch in header.casefold() if not ch.isspace() and ch not in "_-")


_KNOWN: dict[str, Role] = {normalize(h): role for role, names in _DICTIONARY for h in names}


@dataclass(frozen=True)
class HeaderDictionary:
    """The built-in dictionary plus the ``--column`` mappings of this run."""

    overrides: Mapping[str, Role]
    max_words: int = 6

    def role(self, header: str) -> Role | None:
        key = normalize(header)
        return self.overrides.get(key) or _KNOWN.get(key)

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
                if self.role(candidate) is not None:
                    headers.append(candidate)
                    start = end
                    break
            else:
                return None
        return headers


_ATTRIBUTE_KINDS: dict[str, RoleKind] = {"group": "group", "flag": "flag", "text": "text"}


def dictionary(column_options: Sequence[str]) -> HeaderDictionary:
    """The dictionary for one run, from the ``--column HEADER=ROLE`` options."""
    overrides: dict[str, Role] = {}
    max_words = 6
    for option in column_options:
        header, role = _parse_option(option)
        overrides[normalize(header)] = role
        max_words = max(max_words, len(header.split()))
    return HeaderDictionary(overrides, max_words)


def _parse_option(option: str) -> tuple[str, Role]:
    header, sep, role_text = option.rpartition("=")
    where = f'--column "{option}"'
    if not sep or not header.strip():
        raise InputError(f'{where}: expected HEADER=ROLE, e.g. --column "エラー番号=code"')
    role_text = role_text.strip()
    if role_text in ("code", "message"):
        return header.strip(), CODE if role_text == "code" else MESSAGE
    key, colon, kind_text = role_text.partition(":")
    kind = _ATTRIBUTE_KINDS.get(kind_text)
    if not colon or kind is None:
        raise InputError(
            f'{where}: unknown role "{role_text}"; use code, message or KEY:KIND '
            "with KIND group, flag or text"
        )
    if not _KEY.fullmatch(key) or key in RESERVED_KEYS or keyword.iskeyword(key):
        raise InputError(
            f'{where}: "{key}" cannot be an attribute key; use snake_case other than '
            "code, message, curated, name or a Python keyword"
        )
    return header.strip(), Role(kind, key)


def known_headers() -> Iterable[str]:
    """Every header the built-in dictionary knows (for help texts and tests)."""
    return (h for _, names in _DICTIONARY for h in names)
