"""What a text of the catalog may hold: every character but those no output can carry exactly.

The import refuses such a character at its line in the page, and ``validate`` at its
place in the catalog (docs/catalog-format.md, "Exact text").
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from codegen.catalog.plain import NodePath, Problem


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


_SURROGATE = re.compile("[\ud800-\udfff]")
_SURROGATE_ESCAPE = re.compile(r"\\(u|U0000)[dD][89a-fA-F]")


def first_surrogate(text: str, data: object) -> Problem | None:
    """The first string or key of ``data`` (parsed from the YAML ``text``) that holds a
    surrogate, which no output, terminal or UTF-8 file can carry, or None. Only a YAML
    escape (``"\\ud800"``) makes one, so a text without such an escape is not walked."""
    if not _SURROGATE_ESCAPE.search(text):
        return None
    return next(_surrogates(data, ()), None)


def _surrogates(node: object, path: NodePath) -> Iterator[Problem]:
    if isinstance(node, str) and _SURROGATE.search(node):
        yield Problem(path, str(control_character_problem(node)))
    elif isinstance(node, dict):
        for key, value in node.items():
            if isinstance(key, str) and _SURROGATE.search(key):
                yield Problem(path + (key,), str(control_character_problem(key)), at_key=True)
            yield from _surrogates(value, path + (key,))
    elif isinstance(node, list):
        for index, item in enumerate(node):
            yield from _surrogates(item, path + (index,))
