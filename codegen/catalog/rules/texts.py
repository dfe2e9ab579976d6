"""What a text of the catalog may hold: every character but those no output can carry exactly.

The import refuses such a character at its line in the page, and ``validate`` at its
place in the catalog (docs/catalog-format.md, "Exact text").
"""

from __future__ import annotations

import re


def control_character_problem(text: str) -> str | None:
    """Why ``text`` cannot be a catalog text, or None when every output carries it exactly.

    Refused (docs/catalog-format.md, "Exact text"): a control character other than tab and
    line break (C0, DEL, C1 such as U+0085), which a docs site rewrites and YAML or JSON
    readers may refuse; a surrogate (U+D800–U+DFFF), which UTF-8 cannot encode; a
    noncharacter (U+FDD0–U+FDEF, U+FFFE and U+FFFF of every plane), which Unicode keeps out
    of interchange and HTML flags as a parse error."""
    found = _REFUSED.search(text)
    if found is None:
        return None
    point = ord(found.group())
    if 0xD800 <= point <= 0xDFFF:
        kind, fix = "surrogate", "UTF-8 cannot encode it; write the character it is half of"
    elif 0xFDD0 <= point <= 0xFDEF or point & 0xFFFE == 0xFFFE:
        kind, fix = "noncharacter", "Unicode keeps noncharacters out of texts"
    else:
        kind, fix = "control character", "only tab and line break are allowed"
    return (
        f"the text has the {kind} U+{point:04X} at character {found.start() + 1}: remove it ({fix})"
    )


_NONCHARACTERS = "".join(
    f"\\U{point:08x}-\\U{point + 1:08x}" for point in range(0x1FFFE, 0x110000, 0x10000)
)


_REFUSED = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff" + _NONCHARACTERS + "]"
)
