"""How the cells of a flag column write yes and no: data, not code.

:mod:`codegen.importer.columns.cells` reads a column as a flag when its cells are these
words (compared case-folded) or marks. A yes or no of another language is a word here.
"""

from __future__ import annotations

# Yes and no, as the cells of a flag column write them (compared case-folded).
TRUE = frozenset([
    "true", "yes", "y", "sí", "si", "o", "○", "◯", "〇", "✓", "✔", "☑", "ja", "oui", "sim",
    "예", "네", "はい", "是", "可", "有", "t", "on", "enabled",
])  # fmt: skip
FALSE = frozenset([
    "false", "no", "n", "x", "×", "✕", "✗", "✘", "☐", "nein", "non", "não", "nao", "아니오",
    "아니요", "いいえ", "否", "不可", "无", "無", "f", "off", "disabled",
])  # fmt: skip
# Written out: a column of these alone is a flag, whatever its header.
WORDY_FLAGS = frozenset([
    "true", "false", "yes", "no", "sí", "si", "ja", "nein", "oui", "non", "sim", "não",
    "nao", "예", "아니오", "아니요", "はい", "いいえ",
])  # fmt: skip
DASHES = frozenset({"-", "–", "—", "－", "n/a", "N/A"})  # an empty cell, written
# A flag written as a mark or nothing: the mark is yes.
MARKS = frozenset({"x", "✓", "✔", "√", "☑", "●", "•", "◉", "◎", "○", "◯", "〇", "o", "*", "y"})
