"""The one configured ruamel.yaml of the catalog's round trip: how ``import`` writes YAML.

Both writers of the catalog follow it: ruamel's own dumper (:func:`dump_with_ruamel`) and
the fast emitter (:mod:`.emit`), which asks this dumper's representer, resolver and
emitter how each scalar is written. An empty cell is ``null``; a text a YAML 1.1 reader
would read as something else written plain (``on``, ``0777``) is quoted; long messages are
never folded; text stays UTF-8.
"""

from __future__ import annotations

import io
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap
from ruamel.yaml.nodes import Node
from ruamel.yaml.representer import RoundTripRepresenter
from yaml.resolver import Resolver


class _Representer(RoundTripRepresenter):
    """Writes an empty cell as ``null``, as the catalog format says."""


_Representer.add_representer(
    type(None),
    lambda representer, _: representer.represent_scalar("tag:yaml.org,2002:null", "null"),
)


# PyYAML's implicit resolvers by first character: what a YAML 1.1 reader makes of a plain
# scalar (the same table Resolver.resolve looks in).
_YAML11_FIRST: dict[str, list[tuple[str, Any]]] = Resolver.yaml_implicit_resolvers
STR_TAG = "tag:yaml.org,2002:str"  # what a plain text resolves to


def yaml11_not_text(text: str) -> bool:
    """Whether a YAML 1.1 reader (PyYAML, many editors and CI tools) reads ``text`` written
    plain as something other than text: ``Yes``, ``No``, ``on``, ``0777``, ``1:20``, ``~``."""
    if not text:
        return True  # null
    for tag, pattern in _YAML11_FIRST.get(text[0], ()):  # what Resolver.resolve consults
        if pattern.match(text):
            return bool(tag != STR_TAG)
    return False


def _represent_str(representer: RoundTripRepresenter, data: str) -> Node:
    """A text, quoted (``'on'``) where a YAML 1.1 reader would read it plain as something
    else (:func:`yaml11_not_text`)."""
    if type(data) is str and yaml11_not_text(data):
        node: Node = representer.represent_scalar(STR_TAG, data, style="'")
    else:
        node = representer.represent_str(data)
    return node


_Representer.add_representer(str, _represent_str)


def round_trip_yaml() -> YAML:
    """A new ruamel ``YAML`` set up as the catalog is read and written: round trip
    (comments and quoting kept), two-space mappings, lists indented by four with their
    dash at two, no line folding."""
    yaml = YAML(typ="rt")
    yaml.Representer = _Representer
    yaml.preserve_quotes = True
    yaml.width = 1_000_000  # never fold a message
    yaml.allow_unicode = True
    yaml.indent(mapping=2, sequence=4, offset=2)
    return yaml


def dump_with_ruamel(root: CommentedMap) -> str:
    """The catalog's text as ruamel writes it: for trees the fast emitter leaves to it."""
    stream = io.StringIO()
    round_trip_yaml().dump(root, stream)
    return stream.getvalue()
