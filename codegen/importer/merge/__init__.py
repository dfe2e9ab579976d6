"""Stage 4 of an import: the page's code tables merged into the catalog's round-trip tree,
never an overwrite.

:mod:`.sets` matches tables to code sets and merges each; :mod:`.attributes` its columns,
:mod:`.codes` its codes and group values, naming what is new with :mod:`.names`;
:mod:`.state` is one merge's state, result and the one place a text is set; :mod:`.stale`
marks the translations a changed source message leaves stale; :mod:`.retire` turns the codes
a page no longer has into tombstones (``--retire --since``). All of it edits
ruamel.yaml nodes, so this face imports each name on first use.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from codegen._lazy import lazy

if TYPE_CHECKING:
    from codegen.importer.merge.retire import check_options
    from codegen.importer.merge.sets import merge_document
    from codegen.importer.merge.state import MergeResult, Removed

__all__ = ["MergeResult", "Removed", "check_options", "merge_document"]
__getattr__ = lazy(
    __name__,
    {
        "MergeResult": ".state",
        "Removed": ".state",
        "check_options": ".retire",
        "merge_document": ".sets",
    },
)
