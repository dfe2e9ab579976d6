"""What ``import --column HEADER=ROLE`` and the catalog's recorded headers say of columns.

The catalog records the role of every column it imported (the code, message and name
headers of each code set; each attribute's header, key and kind). :func:`stored_roles`
hands them to the next import as if given by ``--column``, so a mapping given once needs no
flag again. ``--column`` wins over them for the cells, but an import never renames or
retypes an attribute the catalog has (its key is the generated property's name, which
clients use): the column keeps filling the recorded attribute, and
:func:`renamed_attributes` warns that the option's key was not applied, and how to rename.
"""

from __future__ import annotations

from collections.abc import Sequence

from ruamel.yaml.comments import CommentedMap

from codegen.importer.columns.headers import header_dictionary, normalize
from codegen.importer.columns.words import Role
from codegen.importer.document import Document


def stored_roles(root: CommentedMap, lang: str) -> dict[str, Role]:
    """The role of every header the catalog records in ``lang``, by normalized header;
    a header recorded with two different roles is left out (the cells decide)."""
    roles: dict[str, Role] = {}
    clashes: set[str] = set()
    for header, role, _ in _recorded(root, lang):
        key = normalize(header)
        if roles.setdefault(key, role) != role:
            clashes.add(key)
    return {key: role for key, role in roles.items() if key not in clashes}


def _recorded(root: CommentedMap, lang: str) -> list[tuple[str, Role, int]]:
    """``(header in lang, role, line)`` of every column the catalog records (line 1-based,
    0 when unknown)."""
    found: list[tuple[str, Role, int]] = []

    def record(texts: object, role: Role, node: object) -> None:
        header = texts.get(lang) if isinstance(texts, CommentedMap) else None
        if isinstance(header, str) and header:
            line = node.lc.line + 1 if isinstance(node, CommentedMap) else 0
            found.append((header, role, line))

    for code_set in root.get("code_sets") or []:
        columns = code_set.get("columns")
        if isinstance(columns, CommentedMap):
            for kind in ("code", "message", "name"):
                record(columns.get(kind), Role(kind), columns)
        for attribute in code_set.get("attributes") or []:
            kind = attribute.get("kind")
            if kind in ("group", "flag", "text"):
                record(attribute.get("header"), Role(kind, str(attribute["key"])), attribute)
    return found


def renamed_attributes(
    options: Sequence[str], root: CommentedMap, lang: str, catalog: str
) -> list[str]:
    """A ``path:line: warning:`` line per ``--column HEADER=KEY:KIND`` whose header the
    catalog records as an attribute of another key or kind: the import fills the recorded
    attribute, and an option ignored without a word leaves the user believing it applied."""
    given = header_dictionary(options).overrides
    warnings: list[str] = []
    for header, role, line in _recorded(root, lang):
        wanted = given.get(normalize(header))
        if wanted is None or not role.key or not wanted.key or wanted == role:
            continue
        option = next(o for o in options if normalize(o.rpartition("=")[0]) == normalize(header))
        where = f"{catalog}:{line}" if line else catalog
        warnings.append(
            f'{where}: warning: --column "{option}" not applied: the catalog has the column '
            f'"{header}" as the {role.kind} attribute {role.key!r}, which this import fills, '
            "and import never renames or retypes an attribute (clients use its key); to "
            "rename it, change its key and kind in the catalog by hand, and the codes' cells "
            "under the old key"
        )
    return warnings


def unused_columns(options: Sequence[str], document: Document) -> list[str]:
    """A warning per ``--column`` option whose header no table of the page has."""
    seen = {normalize(h) for table in document.tables for h in table.headers}
    warnings = []
    for option in options:
        header = option.rpartition("=")[0].strip()
        if normalize(header) not in seen:
            warnings.append(
                f'{document.path}: warning: --column "{option}" names no column of the '
                "page's code tables; check the header's spelling"
            )
    return warnings
