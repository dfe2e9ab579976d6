"""What in a text is language: its words, without code spans, URLs, e-mail addresses,
placeholders, numbers and identifiers (``snake_case``, ``camelCase``, ``HTTP``, ``v2.1``,
``300KB``), which read the same in every language."""

from __future__ import annotations

import re

_DROPPED = re.compile(
    r"`[^`]*`"  # a code span
    r"|<[^<>\s]+>"  # an HTML tag or <placeholder>
    r"|\b(?:https?|ftp)://\S+|\bwww\.\S+"  # a URL
    r"|(?<![\w.+-])[\w.+-]+@[\w-]+\.[\w.-]+"  # an e-mail address, from its start only
    r"|\$?\{[^{}]*\}|%\(\w+\)[sd]|%[sdif]"  # a placeholder
)
# A run of ASCII that may be an identifier or a number (v2.1, E_INVALID, 300KB, requestId)
_ASCII_RUN = re.compile(r"[A-Za-z0-9_](?:[A-Za-z0-9_./:=\\+#-]*[A-Za-z0-9_])?")
_NOT_A_WORD = re.compile(r".*(?:[0-9_./:=\\+#]|[a-z][A-Z]).*|[A-Z]{1,4}")
_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")


def words(text: str) -> list[str]:
    """The words of ``text`` that are language, in order (a run of CJK characters is one
    word)."""
    text = _DROPPED.sub(" ", text)
    text = _ASCII_RUN.sub(lambda run: " " if _NOT_A_WORD.fullmatch(run[0]) else run[0], text)
    return _WORD.findall(text)
