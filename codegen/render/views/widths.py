"""The terminal widths of characters as black counts them when it measures a line: the
ranges of code points that take two columns (East Asian wide and fullwidth characters,
emoji), every other character one. The built-in Python module is laid out by these
widths (:mod:`codegen.render.views.python_layout`), so its bytes do not depend on which
black is installed, nor on the Unicode version of the running Python's ``unicodedata``.

Copied from black 26.10.1's ``black/_width_table.py`` (MIT licence; made by its
``make_width_table.py`` from wcwidth 0.2.14, Unicode 17.0.0), the black the tests pin:
``tests/render/views/test_python_layout.py`` checks every code point against that black.
Black's table has no zero-width entry, so a combining or control character is one column.
"""

from __future__ import annotations

import functools
import re
from bisect import bisect_right

WIDE: tuple[tuple[int, int], ...] = (
    (0x1100, 0x115F),
    (0x231A, 0x231B),
    (0x2329, 0x232A),
    (0x23E9, 0x23EC),
    (0x23F0, 0x23F0),
    (0x23F3, 0x23F3),
    (0x25FD, 0x25FE),
    (0x2614, 0x2615),
    (0x2630, 0x2637),
    (0x2648, 0x2653),
    (0x267F, 0x267F),
    (0x268A, 0x268F),
    (0x2693, 0x2693),
    (0x26A1, 0x26A1),
    (0x26AA, 0x26AB),
    (0x26BD, 0x26BE),
    (0x26C4, 0x26C5),
    (0x26CE, 0x26CE),
    (0x26D4, 0x26D4),
    (0x26EA, 0x26EA),
    (0x26F2, 0x26F3),
    (0x26F5, 0x26F5),
    (0x26FA, 0x26FA),
    (0x26FD, 0x26FD),
    (0x2705, 0x2705),
    (0x270A, 0x270B),
    (0x2728, 0x2728),
    (0x274C, 0x274C),
    (0x274E, 0x274E),
    (0x2753, 0x2755),
    (0x2757, 0x2757),
    (0x2795, 0x2797),
    (0x27B0, 0x27B0),
    (0x27BF, 0x27BF),
    (0x2B1B, 0x2B1C),
    (0x2B50, 0x2B50),
    (0x2B55, 0x2B55),
    (0x2E80, 0x2E99),
    (0x2E9B, 0x2EF3),
    (0x2F00, 0x2FD5),
    (0x2FF0, 0x3029),
    (0x3030, 0x303E),
    (0x3041, 0x3096),
    (0x309B, 0x30FF),
    (0x3105, 0x312F),
    (0x3131, 0x318E),
    (0x3190, 0x31E5),
    (0x31EF, 0x321E),
    (0x3220, 0x3247),
    (0x3250, 0xA48C),
    (0xA490, 0xA4C6),
    (0xA960, 0xA97C),
    (0xAC00, 0xD7A3),
    (0xF900, 0xFAFF),
    (0xFE10, 0xFE19),
    (0xFE30, 0xFE52),
    (0xFE54, 0xFE66),
    (0xFE68, 0xFE6B),
    (0xFF01, 0xFF60),
    (0xFFE0, 0xFFE6),
    (0x16FE0, 0x16FE3),
    (0x16FF2, 0x16FF6),
    (0x17000, 0x18CD5),
    (0x18CFF, 0x18D1E),
    (0x18D80, 0x18DF2),
    (0x1AFF0, 0x1AFF3),
    (0x1AFF5, 0x1AFFB),
    (0x1AFFD, 0x1AFFE),
    (0x1B000, 0x1B122),
    (0x1B132, 0x1B132),
    (0x1B150, 0x1B152),
    (0x1B155, 0x1B155),
    (0x1B164, 0x1B167),
    (0x1B170, 0x1B2FB),
    (0x1D300, 0x1D356),
    (0x1D360, 0x1D376),
    (0x1F004, 0x1F004),
    (0x1F0CF, 0x1F0CF),
    (0x1F18E, 0x1F18E),
    (0x1F191, 0x1F19A),
    (0x1F200, 0x1F202),
    (0x1F210, 0x1F23B),
    (0x1F240, 0x1F248),
    (0x1F250, 0x1F251),
    (0x1F260, 0x1F265),
    (0x1F300, 0x1F320),
    (0x1F32D, 0x1F335),
    (0x1F337, 0x1F37C),
    (0x1F37E, 0x1F393),
    (0x1F3A0, 0x1F3CA),
    (0x1F3CF, 0x1F3D3),
    (0x1F3E0, 0x1F3F0),
    (0x1F3F4, 0x1F3F4),
    (0x1F3F8, 0x1F3FA),
    (0x1F400, 0x1F43E),
    (0x1F440, 0x1F440),
    (0x1F442, 0x1F4FC),
    (0x1F4FF, 0x1F53D),
    (0x1F54B, 0x1F54E),
    (0x1F550, 0x1F567),
    (0x1F57A, 0x1F57A),
    (0x1F595, 0x1F596),
    (0x1F5A4, 0x1F5A4),
    (0x1F5FB, 0x1F64F),
    (0x1F680, 0x1F6C5),
    (0x1F6CC, 0x1F6CC),
    (0x1F6D0, 0x1F6D2),
    (0x1F6D5, 0x1F6D8),
    (0x1F6DC, 0x1F6DF),
    (0x1F6EB, 0x1F6EC),
    (0x1F6F4, 0x1F6FC),
    (0x1F7E0, 0x1F7EB),
    (0x1F7F0, 0x1F7F0),
    (0x1F90C, 0x1F93A),
    (0x1F93C, 0x1F945),
    (0x1F947, 0x1F9FF),
    (0x1FA70, 0x1FA7C),
    (0x1FA80, 0x1FA8A),
    (0x1FA8E, 0x1FAC6),
    (0x1FAC8, 0x1FAC8),
    (0x1FACD, 0x1FADC),
    (0x1FADF, 0x1FAEA),
    (0x1FAEF, 0x1FAF8),
    (0x20000, 0x2FFFD),
    (0x30000, 0x3FFFD),
)
"""The ranges ``(first, last)``, both included, of the code points two columns wide; sorted."""

_FIRSTS = tuple(first for first, _ in WIDE)
_NOT_ASCII = re.compile("[^\x00-\x7f]")


@functools.lru_cache(maxsize=8192)
def char_width(char: str) -> int:
    """2 for a character of :data:`WIDE`, else 1 (``char`` is one character)."""
    point = ord(char)
    index = bisect_right(_FIRSTS, point) - 1
    return 2 if index >= 0 and point <= WIDE[index][1] else 1


def str_width(text: str) -> int:
    """The columns ``text`` takes, as black measures a line: the sum of its characters'
    :func:`char_width`, asked only of its characters that are not ASCII."""
    if text.isascii():
        return len(text)
    others = _NOT_ASCII.findall(text)
    return len(text) - len(others) + sum(map(char_width, others))


def width_range(text: str) -> tuple[int, int]:
    """The fewest and the most columns a formatter may count for ``text``: black counts
    :func:`str_width`; ruff's formatter counts a wide character as two columns as black
    does, an ASCII one as one, but another character from none (a combining mark, a
    joiner, a format character) to two (an emoji modifier), where black counts one. A
    line whose range straddles the line length is one the two formatters lay out
    differently unless a magic trailing comma decides
    (:mod:`~codegen.render.views.python_layout`)."""
    if text.isascii():
        return len(text), len(text)
    others = _NOT_ASCII.findall(text)
    wide = sum(map(char_width, others)) - len(others)
    narrow = len(others) - wide
    black = len(text) + wide
    return black - narrow, black + narrow
