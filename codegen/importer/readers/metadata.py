"""What a Markdown page holds besides its text: front matter, MDX and template lines, heading ids.

Static-site generators let a page carry metadata that is never shown as text, and an
import must not take it for text (a front matter's ``title:`` line read as a heading, a
``<ManualAnchor id="x" />`` line that swallows the heading below it into an HTML block):

- **front matter**: a YAML block between ``---`` lines, or TOML between ``+++`` lines, at
  the very top; its ``title`` names the page;
- **MDX**: ``import``/``export`` lines, and lines that hold only a JSX component tag
  (``<Tabs>``, ``</Tabs>``, ``<ManualAnchor id="x" />``: a tag whose name starts with a
  capital letter);
- **template shortcodes**: Hugo's ``{{< … >}}`` and ``{{% … %}}``, Liquid's ``{% … %}``, on a
  line of their own or inside one;
- **heading ids**: ``{#send-errors}``, ``{: #id .class}`` or ``{#id .class}`` at the end of a
  heading.

:func:`strip_metadata` blanks those lines (the page keeps its line numbers, so every
message still names the right line) and returns the front matter's title;
:func:`heading_text` strips an id from a heading's text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_FENCES = {"---": "---", "+++": "+++"}
_TITLE = re.compile(r"""^\s*title\s*[:=](?P<value>.*)$""")  # the value stripped after
_MDX_IMPORT = re.compile(r"""import\s+(?:['"]|[\w{*])""")
_MDX_EXPORT = re.compile(r"export\s+(?:const|let|default|function)\b")
_COMPONENT_LINE = re.compile(r"^\s*</?[A-Z][\w.]*(?:\s[^<>]*)?/?>\s*$")
_HEADING_ID = re.compile(r"\{:?\s*#[^{}]*\}\s*$")  # the spaces before it stripped after
_FENCE = re.compile(r"^\s*(```|~~~)")


@dataclass(frozen=True)
class Stripped:
    """A page with its metadata lines blanked, and the front matter's title (None when
    there is none)."""

    source: str
    title: str | None


def strip_metadata(source: str) -> Stripped:
    """``source`` with its front matter, MDX lines and shortcodes blanked (each such line
    becomes empty, so line numbers stay), and the front matter's ``title``. Lines inside
    fenced code blocks are left as they are."""
    lines = source.split("\n")
    title = _front_matter(lines)
    fenced = False
    for index, line in enumerate(lines):
        if _FENCE.match(line):
            fenced = not fenced
            continue
        if fenced:
            continue
        if _mdx(line) or _COMPONENT_LINE.match(line):
            lines[index] = ""
        elif "{" in line and (without := _without_shortcodes(line)) != line:
            lines[index] = without.rstrip()
    return Stripped("\n".join(lines), title)


_SHORTCODE_MARKS = (("{{<", ">}}"), ("{{%", "%}}"), ("{%", "%}"))


def _without_shortcodes(line: str) -> str:
    """``line`` without its shortcodes (``{{< ref >}}``, ``{{% note %}}``, ``{% raw %}``):
    the leftmost opening that closes later on the line, the first kind first where two
    start together, as a pattern ``{{<.*?>}}|...`` would find them, but linear: an opening
    that does not close makes every later one of its kind unclosed too, so none is
    scanned again."""
    found: dict[int, tuple[int, int]] = {}  # kind -> the next (start, end) of it
    parts: list[str] = []
    at = 0
    while True:
        for kind, (opening, closing) in enumerate(_SHORTCODE_MARKS):
            start, _ = found.get(kind, (at - 1, 0))
            if 0 <= start < at or kind not in found:
                start = line.find(opening, at)
                end = line.find(closing, start + len(opening)) if start >= 0 else -1
                found[kind] = (start, end) if end >= 0 else (-1, -1)
        live = [(start, kind) for kind, (start, _) in found.items() if start >= 0]
        if not live:
            break
        start, kind = min(live)
        parts.append(line[at:start])
        at = found[kind][1] + len(_SHORTCODE_MARKS[kind][1])
    parts.append(line[at:])
    return "".join(parts)


def _mdx(line: str) -> bool:
    """Whether ``line`` is an MDX ``import … from "…"`` or ``export const …`` line."""
    text = line.strip()
    if text.startswith("import"):
        return bool(_MDX_IMPORT.match(text)) and (" from " in text or text[7:8] in "\"'")
    return text.startswith("export") and bool(_MDX_EXPORT.match(text))


def _front_matter(lines: list[str]) -> str | None:
    """Blank a front matter block at the top of ``lines`` (in place); its title, if any."""
    first = next((i for i, line in enumerate(lines) if line.strip()), None)
    if first is None or lines[first].strip() not in _FENCES:
        return None
    fence = _FENCES[lines[first].strip()]
    end = next((i for i in range(first + 1, len(lines)) if lines[i].strip() == fence), None)
    if end is None:
        return None
    title = None
    for index in range(first, end + 1):
        found = _TITLE.match(lines[index])
        if found and title is None:
            title = _unquoted(found["value"].strip()) or None
        lines[index] = ""
    return title


def _unquoted(value: str) -> str:
    """A front matter scalar without its quotes (YAML or TOML), as a title is written."""
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        inner = value[1:-1]
        return inner.replace("''", "'") if value[0] == "'" else inner.replace('\\"', '"')
    return value


def heading_text(text: str) -> str:
    """A heading's text without a trailing id (``送信エラー {#send-errors}`` → ``送信エラー``)."""
    return _HEADING_ID.sub("", text).strip() if "{" in text else text  # {#id} at the end
