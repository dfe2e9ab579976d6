"""The catalog's YAML text, byte for byte as ruamel.yaml's round-trip dumper writes it, fast.

ruamel.yaml writes a catalog of 100,000 codes in about 50 s (a representer, a serializer and
an emitter, all pure Python, a dozen calls per scalar); :func:`emit` writes the same text in
a few seconds. It covers what a catalog holds: block mappings (the root, mapping values,
items of block sequences), block sequences as mapping values, flow or empty mappings and
sequences of scalars (a flow mapping's value may be such a sequence: ``{name: X, stale:
[en]}``), scalars of the types the round-trip loader and the merge produce, and the comment
lines above the root (the schema comment).

The layout around the scalars, for the shapes above, is written here; each scalar is
written as ruamel writes it, by ruamel's own representer, resolver and emitter
(:mod:`.scalars`).

Anything else (a comment below the root's first line, an anchor, a tag, a merge key, one
mapping or list at two places, another scalar type, a text of more than 100,000
characters, a sequence directly inside a sequence, a collection inside a flow collection
but that one)
makes :func:`emit` return ``None``, and :func:`codegen.catalog.roundtrip.tree.dump` lets ruamel
write the whole file. tests/catalog/roundtrip/test_emit.py compares the output with ruamel's on the SMS
catalog, synthetic catalogs, catalogs after a merge, and random trees and texts.
"""

from __future__ import annotations

from collections import OrderedDict
from typing import Any

from ruamel.yaml.anchor import Anchor
from ruamel.yaml.comments import Comment, CommentedMap, CommentedSeq, Format, merge_attrib
from ruamel.yaml.tag import Tag
from ruamel.yaml.tokens import CommentToken

from codegen.catalog.roundtrip.dialect import yaml11_not_text
from codegen.catalog.roundtrip.scalars import BREAKS, MAX_TEXT, SAFE_PLAIN, Scalars, Unsupported

_MAX_INDENT = 10_000
_PLAIN_ATTRIBUTES = frozenset({Format.attrib, "_yaml_line_col"})  # no effect on the text


def emit(root: Any) -> str | None:
    """The text ruamel's round-trip dumper (set up as
    :func:`~codegen.catalog.roundtrip.dialect.round_trip_yaml`) writes for ``root``, or
    ``None`` when the tree has anything this module leaves to it."""
    try:
        return _Emitter().document(root)
    except (Unsupported, RecursionError):
        return None


class _Emitter(Scalars):
    """One document's text: the layout of mappings and lists, around :class:`Scalars`."""

    def __init__(self) -> None:
        super().__init__()
        self.out: list[str] = []
        self.seen: set[int] = set()
        self.keys: dict[tuple[Any, ...], str] = {}
        self.open_at = -1  # the piece of out that ends with a "|+" literal

    # --- structure ------------------------------------------------------------------------

    def document(self, root: Any) -> str:
        if type(root) is not CommentedMap or not root or _flow(root):
            raise Unsupported
        self.out.extend(_start_comment(root))
        self.check(root, start_comment=True)
        self.block_map(root, 0, "")
        if self.open_at == len(self.out):  # ruamel would end the document with "..."
            raise Unsupported
        return "".join(self.out)

    def check(self, node: Any, start_comment: bool = False) -> None:
        """Refuse a mapping or list with anything but its items and flow style."""
        if id(node) in self.seen:  # ruamel would write an anchor and an alias
            raise Unsupported
        self.seen.add(id(node))
        attributes = node.__dict__
        if not _PLAIN_ATTRIBUTES.issuperset(attributes) and not _plain(attributes):
            raise Unsupported  # an anchor, a tag, a merge key, ...
        comment = getattr(node, Comment.attrib, None)
        if comment is not None and not start_comment and not _empty(comment):
            raise Unsupported

    def block_map(self, node: CommentedMap, indent: int, first: str) -> None:
        """Keys at column ``indent``; the first one after ``first`` (``"- "`` in a list).
        The caller has checked ``node``."""
        if indent > _MAX_INDENT:
            raise Unsupported
        pad = " " * indent
        out = self.out
        keys = self.keys
        safe = SAFE_PLAIN.fullmatch
        first_chars = self.first_chars
        for key, value in _items(node):
            head = keys.get((type(key), key, False)) or self.key(key, False)
            if first:
                head, first = first + head + ":", ""
            else:
                head = pad + head + ":"
            kind = type(value)
            if (
                kind is str
                and len(value) < MAX_TEXT
                and safe(value)
                and (value[0] not in first_chars or self.plain_is_text(value))
                and not yaml11_not_text(value)
            ):
                out.append(head + " " + value + "\n")
                continue
            if kind is CommentedMap or kind is CommentedSeq:
                if not value or _flow(value):
                    out.append(head + " " + self.flow(value) + "\n")
                elif kind is CommentedMap:
                    out.append(head + "\n")
                    self.check(value)
                    self.block_map(value, indent + 2, "")
                else:
                    out.append(head + "\n")
                    self.block_seq(value, indent + 2)
            else:
                out.append(_ended(head + self.scalar(value, False, False, indent + 2)))
                if self.plus:
                    self.open_at, self.plus = len(out), False

    def block_seq(self, node: CommentedSeq, dash: int) -> None:
        """Items with their dash at column ``dash``."""
        self.check(node)
        lead = " " * dash + "- "
        out = self.out
        for item in list.__iter__(node):
            kind = type(item)
            if kind is CommentedMap:
                if not item or _flow(item):
                    out.append(lead + self.flow(item) + "\n")
                else:
                    self.check(item)
                    self.block_map(item, dash + 2, lead)
            elif kind is CommentedSeq:
                if item and not _flow(item):
                    raise Unsupported  # "-   - x": a block list in a block list
                out.append(lead + self.flow(item) + "\n")
            else:
                out.append(_ended(lead[:-1] + self.scalar(item, False, False, dash + 2)))
                if self.plus:
                    self.open_at, self.plus = len(out), False

    def flow(self, node: Any) -> str:
        """A flow (or empty) mapping or list of scalars, on one line; a mapping's value may
        also be such a list."""
        self.check(node)
        safe = SAFE_PLAIN.fullmatch
        first_chars = self.first_chars
        items = []
        if type(node) is CommentedMap:
            keys = self.keys
            for key, value in _items(node):
                head = keys.get((type(key), key, True)) or self.key(key, True)
                if (
                    type(value) is str
                    and len(value) < MAX_TEXT
                    and safe(value)
                    and (value[0] not in first_chars or self.plain_is_text(value))
                    and not yaml11_not_text(value)
                ):
                    items.append(head + ": " + value)
                elif type(value) is CommentedSeq and (not value or _flow(value)):
                    items.append(head + ": " + self.flow(value))  # {name: X, stale: [en]}
                else:
                    items.append(head + ":" + self.scalar(value, True, False, 0))
            text = "{" + ", ".join(items) + "}"
        else:
            for value in list.__iter__(node):
                items.append(self.scalar(value, True, False, 0)[1:])
            text = "[" + ", ".join(items) + "]"
        if len(text) > MAX_TEXT:
            raise Unsupported
        return text

    def key(self, key: Any, flow: bool) -> str:
        text = self.scalar(key, flow, True, 0)[1:]
        if "\n" in text or not text:
            raise Unsupported
        self.keys[(type(key), key, flow)] = text
        return text


def _ended(line: str) -> str:
    """``line`` with a line break, unless it ends a literal block (already broken, maybe by
    one of the other line breaks a literal keeps)."""
    return line if line[-1] in BREAKS else line + "\n"


def _items(node: CommentedMap) -> Any:
    """The items in ruamel's order: its ``items()`` walks the same OrderedDict, slowly."""
    return OrderedDict.items(node)


def _plain(attributes: dict[str, Any]) -> bool:
    """Whether a mapping's or list's attributes are all empty, as ruamel leaves them after
    it has written the node once (an anchor without a name, a tag without a value)."""
    for name, value in attributes.items():
        if name in _PLAIN_ATTRIBUTES:
            continue
        if name == Anchor.attrib and value.value is None:
            continue
        if name == Tag.attrib and not value.trval:
            continue
        if name == merge_attrib and not value:
            continue
        return False
    return True


def _flow(node: Any) -> bool:
    form = node.__dict__.get(Format.attrib)
    return form is not None and form._flow_style is True


def _empty(comment: Comment) -> bool:
    return not any(comment.comment or ()) and not comment.items and not comment.end


def _start_comment(root: CommentedMap) -> list[str]:
    """The comment lines above the root, as ruamel writes them; none when there are none."""
    comment = getattr(root, Comment.attrib, None)
    if comment is None or _empty(comment):
        return []
    before = comment.comment
    if comment.items or comment.end or len(before) != 2 or before[0] is not None:
        raise Unsupported
    lines = []
    for token in before[1] or ():
        if type(token) is not CommentToken or not token.value:
            raise Unsupported
        value = token.value
        lines.append(value if value.startswith("\n") else " " * token.start_mark.column + value)
    if lines and not lines[-1].endswith("\n"):
        raise Unsupported
    return lines
