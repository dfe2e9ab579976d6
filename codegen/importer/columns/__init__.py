"""Stage 2 of an import: which column of a table holds the code, the message, the name, and
what the others are.

:mod:`.roles` decides (the code column in :mod:`.codecolumn`), cells first (the small questions about them are :mod:`.cells`), the
header's words as a hint (:mod:`.headers`, the words themselves as data in :mod:`.words`),
and a role a person gave (``--column``, or recorded in the catalog) always winning.
"""

from __future__ import annotations

from codegen.importer.columns.codecolumn import Column
from codegen.importer.columns.headers import HeaderDictionary, header_dictionary, normalize
from codegen.importer.columns.roles import Roles, decide
from codegen.importer.columns.words import Role

__all__ = [
    "Column",
    "HeaderDictionary",
    "Role",
    "Roles",
    "decide",
    "header_dictionary",
    "normalize",
]
